/**
 * `thread.json`: the whole analyzed thread, the public JSON contract (see `src/model.ts`).
 *
 * Deterministic: keys in a fixed order (the contract's order first, then any field a later stage
 * added, in the order it was added), 2-space indent, a trailing newline. Written in chunks, one
 * comment at a time, so a thread of a million comments never becomes one string; the chunks
 * joined are byte-identical to `JSON.stringify(ordered, null, 2) + '\n'`.
 */
import type { AnalyzedThread, Comment, Thread } from '../model.js';

/** Top-level key order of `thread.json`. */
const THREAD_KEYS = ['source', 'format', 'title', 'article', 'comments', 'warnings', 'authors', 'summary', 'lines'] as const;
/** Key order of one comment. */
const COMMENT_KEYS = [
  'index', 'id', 'author', 'parentIndex', 'depth', 'replyEvidence', 'line', 'createdAt',
  'text', 'ownText', 'quotes', 'sentiment', 'stance', 'agreement', 'rulesAgreement', 'agreementProbability',
] as const;
/** {@link COMMENT_KEYS} as a set, to tell a comment with keys a later stage added. */
const COMMENT_KEY_SET: ReadonlySet<string> = new Set(COMMENT_KEYS);

/** A shallow copy of `record` with `order`'s keys first, then its other keys in insertion order. */
function withKeyOrder(record: object, order: readonly string[]): Record<string, unknown> {
  const source = record as Record<string, unknown>;
  const ordered: Record<string, unknown> = {};
  for (const key of order) if (key in source) ordered[key] = source[key];
  for (const key of Object.keys(source)) if (!(key in ordered)) ordered[key] = source[key];
  return ordered;
}

/** The text `JSON.stringify(…, null, 2)` puts before and after a value nested in `depth` arrays. */
const NESTING: { before: string; after: string }[] = [];
for (let depth = 0; depth <= 4; depth++) {
  let before = '';
  let after = '';
  for (let level = 0; level < depth; level++) {
    before += `[\n${'  '.repeat(level + 1)}`;
    after = `\n${'  '.repeat(level)}]${after}`;
  }
  NESTING.push({ before, after });
}

/**
 * `JSON.stringify(value, null, 2)` re-indented to sit `depth` levels deep: the value is
 * stringified inside `depth` one-element arrays, which indents it as wanted, and the arrays' own
 * text is cut off (a regular-expression pass over every comment's JSON cost 6% of a run).
 */
function indented(value: unknown, depth: number): string {
  if (depth === 0 || depth >= NESTING.length) return JSON.stringify(value, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`);
  let nested: unknown = value;
  for (let level = 0; level < depth; level++) nested = [nested];
  const { before, after } = NESTING[depth];
  const text = JSON.stringify(nested, null, 2);
  return text.slice(before.length, text.length - after.length);
}

/** Whether `JSON.stringify` leaves this value out of an object (and writes `null` in an array). */
function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/**
 * Elements of an array stringified by one `JSON.stringify` call in {@link jsonChunks}. On the
 * 10,000-comment synthetic page, what follows the comments (line ranges, reply pairs, authors)
 * took 28-29 ms CPU as 56,700 pieces of one element (or one author's field) each, 14-19 ms as
 * 2,000 pieces of 16 elements; a piece stays a few kilobytes.
 */
const ELEMENTS_PER_STRINGIFY = 16;

/** Whether `JSON.stringify` would call a `toJSON` of this value (with the value's key as argument). */
function hasToJson(value: unknown): boolean {
  const type = typeof value;
  return value !== null && (type === 'object' || type === 'function' || type === 'bigint') && typeof (value as { toJSON?: unknown }).toJSON === 'function';
}

/**
 * `indented(value, depth)` in pieces: objects are opened for `levels` levels, one piece per key,
 * arrays {@link ELEMENTS_PER_STRINGIFY} elements a piece, and only what lies deeper is stringified
 * whole. So a top-level array of a million line ranges or reply pairs never becomes one string. Recursion here follows the fixed nesting
 * of the JSON contract (`levels` ≤ 2), never the comments.
 */
function* jsonChunks(value: unknown, depth: number, levels: number): Generator<string> {
  if (levels === 0 || value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    yield indented(value, depth);
    return;
  }
  const pad = '  '.repeat(depth + 1);
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    for (let start = 0; start < value.length; start += ELEMENTS_PER_STRINGIFY) {
      const slice = value.slice(start, start + ELEMENTS_PER_STRINGIFY);
      if (slice.some(hasToJson)) {
        // `toJSON` is given the element's index: call it with the one the element has alone.
        for (let i = start; i < start + slice.length; i++) {
          yield `${i === 0 ? '[' : ','}\n${pad}`;
          if (omitted(value[i])) yield 'null';
          else yield* jsonChunks(value[i], depth + 1, levels - 1);
        }
        continue;
      }
      // The slice stringified as an array at this depth: its elements are the text between its
      // `[` and its closing line, and follow the previous slice's after a `,`.
      const text = indented(slice, depth);
      yield start === 0 ? '[' : ',';
      yield text.slice(1, text.length - depth * 2 - 2);
    }
    yield `\n${'  '.repeat(depth)}]`;
    return;
  }
  const record = value as Record<string, unknown>;
  let first = true;
  for (const key of Object.keys(record)) {
    if (omitted(record[key])) continue;
    yield `${first ? '{' : ','}\n${pad}${JSON.stringify(key)}: `;
    first = false;
    yield* jsonChunks(record[key], depth + 1, levels - 1);
  }
  yield first ? '{}' : `\n${'  '.repeat(depth)}}`;
}

/**
 * `thread.json` in chunks: the head, one chunk per comment, and every other top-level array (and
 * array inside a top-level object: `lines.comments`, `summary.replyPairs`, ...) one element at a
 * time, so its size in memory is that of one element whatever the thread's size.
 */
export function* threadJsonChunks(thread: AnalyzedThread): Generator<string> {
  yield threadJsonHead(thread);
  for (let i = 0; i < thread.comments.length; i++) yield threadJsonComment(thread.comments[i], i === 0);
  yield* threadJsonTail(thread, thread.comments.length > 0);
}

/** The keys of `thread.json` before `comments`: they do not depend on the analysis. */
const HEAD_KEYS = THREAD_KEYS.slice(0, THREAD_KEYS.indexOf('comments'));

/**
 * The start of `thread.json`, up to the opening of the `comments` array: written before any
 * comment is analyzed.
 */
export function threadJsonHead(head: Pick<Thread, 'source' | 'format' | 'title' | 'article'>): string {
  const top = head as unknown as Record<string, unknown>;
  let out = '{';
  let first = true;
  for (const key of HEAD_KEYS) {
    if (omitted(top[key])) continue;
    out += `${first ? '' : ','}\n  ${JSON.stringify(key)}: ${[...jsonChunks(top[key], 1, 2)].join('')}`;
    first = false;
  }
  return `${out}${first ? '' : ','}\n  "comments": `;
}

/** One comment of the `comments` array of `thread.json` (`first`: the first one of the array). */
export function threadJsonComment(comment: Comment, first: boolean): string {
  return `${first ? '[' : ','}\n    ${indented(withKeyOrder(comment, COMMENT_KEYS), 2)}`;
}

/** A comment's own keys that are all contract keys: it can be copied by {@link contractCopy}. */
function hasOnlyContractKeys(comment: Comment): boolean {
  for (const key of Object.keys(comment)) if (!COMMENT_KEY_SET.has(key)) return false;
  return true;
}

/**
 * `withKeyOrder(comment, COMMENT_KEYS)` for a comment without other keys, as one object literal:
 * a key the comment lacks is copied as `undefined`, which `JSON.stringify` leaves out just as it
 * does an absent key, so the text is the same. About 4 times cheaper than the loop of `in` tests.
 */
function contractCopy(c: Comment): Record<string, unknown> {
  return {
    index: c.index, id: c.id, author: c.author, parentIndex: c.parentIndex, depth: c.depth, replyEvidence: c.replyEvidence,
    line: c.line, createdAt: c.createdAt, text: c.text, ownText: c.ownText, quotes: c.quotes, sentiment: c.sentiment,
    stance: c.stance, agreement: c.agreement, rulesAgreement: c.rulesAgreement, agreementProbability: c.agreementProbability,
  };
}

/** Comments stringified by one `JSON.stringify` call in {@link threadJsonCommentsText}. */
const COMMENTS_PER_STRINGIFY = 8;
/** The text `JSON.stringify` writes around the comments of an array nested in an array: `[\n  [` and `\n  ]\n]`. */
const OUTER_BEFORE = '[\n  '.length;
const OUTER_AFTER = '\n  ]\n]'.length;

/**
 * The entries of `comments` in the `comments` array of `thread.json` (`first`: they start the
 * array), in pieces: the same text as {@link threadJsonComment} of each, joined. Up to
 * {@link COMMENTS_PER_STRINGIFY} comments are stringified by one call, as the elements of an array
 * nested one level deep (so indented as in the file): its `[` (or a `,` in its place) and the
 * elements are cut out of the text. Each piece is a slice of that text, not a copy; a comment with
 * a key outside the contract is written alone by {@link threadJsonComment}. Measured on the
 * 10,000-comment synthetic page, written into a buffer: 135 ms CPU one comment at a time, 104 ms so.
 */
export function threadJsonCommentsText(comments: readonly Comment[], first: boolean): string[] {
  const pieces: string[] = [];
  let group: Record<string, unknown>[] = [];
  let opensArray = first;
  const flush = (): void => {
    if (group.length === 0) return;
    const text = JSON.stringify([group], null, 2);
    if (!opensArray) pieces.push(',');
    pieces.push(text.slice(opensArray ? OUTER_BEFORE : OUTER_BEFORE + 1, text.length - OUTER_AFTER));
    group = [];
    opensArray = false;
  };
  for (const comment of comments) {
    if (hasOnlyContractKeys(comment)) {
      group.push(contractCopy(comment));
      if (group.length === COMMENTS_PER_STRINGIFY) flush();
      continue;
    }
    flush();
    pieces.push(threadJsonComment(comment, opensArray));
    opensArray = false;
  }
  flush();
  return pieces;
}

/**
 * The end of `thread.json` after the last comment: the close of the `comments` array (`[]` when
 * the thread has none) and the keys that follow it in the finished thread, in chunks.
 */
export function* threadJsonTail(thread: AnalyzedThread, hadComments: boolean): Generator<string> {
  const top = withKeyOrder(thread, THREAD_KEYS);
  yield hadComments ? '\n  ]' : '[]';
  const keys = Object.keys(top);
  for (const key of keys.slice(keys.indexOf('comments') + 1)) {
    if (omitted(top[key])) continue;
    yield `,\n  ${JSON.stringify(key)}: `;
    yield* jsonChunks(top[key], 1, 2);
  }
  yield '\n}\n';
}

/** `thread.json` as one string. */
export function threadJson(thread: AnalyzedThread): string {
  return [...threadJsonChunks(thread)].join('');
}

/** The object `thread.json` holds (same key order), for tests and library users. */
export function threadJsonObject(thread: AnalyzedThread): Record<string, unknown> {
  const top = withKeyOrder(thread, THREAD_KEYS);
  top.comments = thread.comments.map((c) => withKeyOrder(c, COMMENT_KEYS));
  return top;
}
