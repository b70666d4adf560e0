import { foldWord, tokenizeForCues, type CueToken } from './text.js';

/**
 * A phrase to find in token streams. Written in plain text (`coup de maître`, `d'accord`, `+1`);
 * a word ending in `*` matches any word starting with it (`magouill*` → `magouillent`), and a lone
 * `_` matches any one word (`c'est quoi _ conclusion`).
 */
export interface PhraseMatch<P> {
  payload: P;
  /** Index of the first and one past the last matched token. */
  from: number;
  to: number;
  /** The matched words as written. */
  text: string;
}

type TokenPattern = { kind: 'exact'; value: string } | { kind: 'prefix'; value: string } | { kind: 'any' };

interface Entry<P> {
  patterns: TokenPattern[];
  payload: P;
}

const PREFIX_KEY_LENGTH = 3;

/** Compiles a phrase into token patterns, or explains why it cannot be matched. */
export function compilePhrase(phrase: string): TokenPattern[] | string {
  const patterns: TokenPattern[] = [];
  // `*` and `_` are not word characters for the tokenizer, so mark them before tokenizing.
  const parts = phrase.trim().split(/\s+/);
  for (const part of parts) {
    if (part === '_') {
      patterns.push({ kind: 'any' });
      continue;
    }
    const prefix = part.endsWith('*');
    const body = prefix ? part.slice(0, -1) : part;
    // Commas are skipped when matching, so they are not part of a phrase either.
    const words = tokenizeForCues(body).tokens.map((t: CueToken) => t.norm).filter((w) => w !== ',');
    if (words.length === 0) return `"${phrase}" has no word to match`;
    for (let i = 0; i < words.length; i += 1) {
      const last = i === words.length - 1;
      if (prefix && last) {
        if (words[i].length < PREFIX_KEY_LENGTH) return `"${phrase}": a prefix before * needs at least ${PREFIX_KEY_LENGTH} letters`;
        patterns.push({ kind: 'prefix', value: words[i] });
      } else patterns.push({ kind: 'exact', value: words[i] });
    }
  }
  if (patterns.length === 0) return `"${phrase}" is empty`;
  if (patterns[0].kind === 'any') return `"${phrase}" cannot start with _`;
  return patterns;
}

/** The entries a token may start: those keyed by its whole form, then by its first letters. */
interface Candidates<P> {
  exact: Entry<P>[] | undefined;
  prefixed: Entry<P>[] | undefined;
}

/** Distinct token forms whose candidates are remembered per matcher (cleared when full). */
const CANDIDATE_CACHE_LIMIT = 100_000;

/**
 * Finds phrases in token streams, longest match first, without overlaps. Built once per phrase
 * list: entries are indexed by their first word (or the first letters of a prefix), so matching
 * costs one or two map lookups per token whatever the number of phrases. The lookups of each
 * token form are remembered, so a token costs one lookup, with no string cut per token.
 */
export class PhraseMatcher<P> {
  private readonly byWord = new Map<string, Entry<P>[]>();
  private readonly byPrefix = new Map<string, Entry<P>[]>();
  private readonly candidates = new Map<string, Candidates<P> | null>();
  /** Set by {@link longestAt}: one past the last token of the match it found. */
  private foundEnd = -1;

  /** Adds a phrase compiled by {@link compilePhrase}. */
  add(patterns: TokenPattern[], payload: P): void {
    const first = patterns[0];
    const entry: Entry<P> = { patterns, payload };
    const index = first.kind === 'prefix' ? this.byPrefix : this.byWord;
    const key = first.kind === 'prefix' ? first.value.slice(0, PREFIX_KEY_LENGTH) : (first as { value: string }).value;
    const list = index.get(key);
    if (list) {
      list.push(entry);
      list.sort((a, b) => b.patterns.length - a.patterns.length);
    } else index.set(key, [entry]);
    this.candidates.clear();
  }

  /** All non-overlapping matches in `tokens[from, to)`, left to right, longest first at each position. */
  findAll(tokens: readonly CueToken[], text: string, from = 0, to = tokens.length): PhraseMatch<P>[] {
    const matches: PhraseMatch<P>[] = [];
    let i = from;
    while (i < to) {
      const found = this.longestAt(tokens, i, to);
      if (found !== undefined) {
        const end = this.foundEnd;
        matches.push({ payload: found.payload, from: i, to: end, text: text.slice(tokens[i].start, tokens[end - 1].end) });
        i = end;
      } else i += 1;
    }
    return matches;
  }

  private candidatesOf(norm: string): Candidates<P> | null {
    let found = this.candidates.get(norm);
    if (found !== undefined) return found;
    const exact = this.byWord.get(norm);
    const prefixed = norm.length >= PREFIX_KEY_LENGTH ? this.byPrefix.get(norm.slice(0, PREFIX_KEY_LENGTH)) : undefined;
    found = exact === undefined && prefixed === undefined ? null : { exact, prefixed };
    if (this.candidates.size >= CANDIDATE_CACHE_LIMIT) this.candidates.clear();
    this.candidates.set(norm, found);
    return found;
  }

  /** The longest entry matching from token `i` (its end in {@link foundEnd}), or undefined. */
  private longestAt(tokens: readonly CueToken[], i: number, to: number): Entry<P> | undefined {
    const candidates = this.candidatesOf(tokens[i].norm);
    if (candidates === null) return undefined;
    let best: Entry<P> | undefined;
    let bestEnd = -1;
    const exact = candidates.exact;
    if (exact !== undefined) {
      for (const entry of exact) {
        const end = matchEnd(entry.patterns, tokens, i, to);
        if (end > 0) {
          best = entry;
          bestEnd = end;
          break;
        }
      }
    }
    const prefixed = candidates.prefixed;
    if (prefixed !== undefined) {
      for (const entry of prefixed) {
        if (best !== undefined && entry.patterns.length <= best.patterns.length) break;
        const end = matchEnd(entry.patterns, tokens, i, to);
        if (end > 0) {
          best = entry;
          bestEnd = end;
          break;
        }
      }
    }
    this.foundEnd = bestEnd;
    return best;
  }
}

/**
 * One past the last token matched by `patterns` from token `i`, or -1. Commas between the words of
 * a phrase are skipped: "non, en effet" is the phrase `non en effet`.
 */
function matchEnd(patterns: TokenPattern[], tokens: readonly CueToken[], i: number, to: number): number {
  let j = i;
  for (let k = 0; k < patterns.length; k += 1) {
    if (k > 0) while (j < to && tokens[j].norm === ',') j += 1;
    if (j >= to) return -1;
    const pattern = patterns[k];
    const token = tokens[j];
    if (pattern.kind === 'any') {
      if (token.punct) return -1;
    } else if (pattern.kind === 'exact') {
      if (token.norm !== pattern.value) return -1;
    } else if (!token.norm.startsWith(pattern.value)) return -1;
    j += 1;
  }
  return j;
}

/** Folds a plain word the same way tokens are folded (used for single-word lists such as negators). */
export function foldPlain(word: string): string {
  return foldWord(word.trim());
}
