/**
 * Folder names for the reports of each thread: derived from the input's file name, safe on every
 * file system and inside `--out` whatever the name holds (`..`, `/`, spaces, accents, controls).
 */

const MAX_SLUG_LENGTH = 80;

/**
 * The slug of one input: its base name without the extension, accents removed, lower case, every
 * run of characters outside `[a-z0-9._]` turned into one `-`, no leading dot or dash (so never `.`
 * or `..`), at most 80 characters; `thread` when nothing is left. `-` (stdin) gives `stdin`.
 */
export function threadSlug(source: string): string {
  if (source === '-') return 'stdin';
  const base = source.split(/[\\/]/).pop() ?? '';
  const stem = base.replace(/\.(txt|jsonl|ndjson|csv|json|text)$/i, '');
  const slug = stem
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9._]+/g, '-')
    .replace(/^[.\-_]+/, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/[.\-]+$/, '');
  return slug === '' ? 'thread' : slug;
}

/**
 * Gives each input of a run its own slug: the second input that would get `name` gets `name-2`,
 * the third `name-3`, and so on, skipping any name already taken and the names of the run-level
 * files (an input `index.md.txt` gets the folder `index.md-2`, not the index's name).
 */
export class SlugAllocator {
  /** Names of the run-level files beside the thread folders: a thread folder never takes them. */
  static readonly RESERVED = ['index.md', 'comments.csv', 'authors.csv', 'shard.json'] as const;

  private readonly taken = new Set<string>(SlugAllocator.RESERVED);

  /** The unique slug for `source`. */
  allocate(source: string): string {
    const base = threadSlug(source);
    let slug = base;
    for (let n = 2; this.taken.has(slug); n++) slug = `${base}-${n}`;
    this.taken.add(slug);
    return slug;
  }
}
