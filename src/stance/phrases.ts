import { foldWord, tokenizeForCues, type CueToken } from './text.js';
import type { WordToken } from './words.js';

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

/**
 * Entries keyed alike (by their first word, or the first letters of a prefix), longest first, with
 * the same entries sorted by what their second word may be: most tokens that start an entry start
 * several (`a` starts "a gagné", "a perdu", "a raison" ...) and the next token rules out all but a
 * few, so one lookup of the next token replaces a try of each entry (seventh session's profile:
 * phrase matching 12% of the stance stage, mostly failed tries on the second word).
 */
class EntryList<P> {
  /** Longest first; among equal lengths, in the order they were added. */
  readonly all: Entry<P>[] = [];
  /** The entries of one word, in the same order: those that match when no token follows. */
  singles: Entry<P>[] = [];
  /** By the next token's form: the entries whose second word may be it, in the same order. */
  bySecond: Map<string, Entry<P>[]> | undefined;
  /** The entries whose second word is not one exact word (and those of one word), in the same order. */
  rest: Entry<P>[] = [];

  add(entry: Entry<P>): void {
    this.all.push(entry);
    this.all.sort((a, b) => b.patterns.length - a.patterns.length);
    this.singles = this.all.filter((e) => e.patterns.length === 1);
    const secondWord = (e: Entry<P>): string | undefined => (e.patterns.length > 1 && e.patterns[1].kind === 'exact' ? e.patterns[1].value : undefined);
    this.rest = this.all.filter((e) => secondWord(e) === undefined);
    // A few entries are tried faster than a map is asked.
    if (this.all.length < SECOND_WORD_INDEX_MIN) {
      this.bySecond = undefined;
      return;
    }
    this.bySecond = new Map();
    for (const e of this.all) {
      const second = secondWord(e);
      if (second !== undefined && !this.bySecond.has(second)) {
        this.bySecond.set(second, this.all.filter((other) => secondWord(other) === undefined || secondWord(other) === second));
      }
    }
  }

  /**
   * The entries that may match where the token after the first one (commas skipped) is `next`
   * (undefined: no token follows): a part of {@link all} in its order, holding every entry of
   * {@link all} that can match there. `maySecond` false: `next` is the second word of no entry of
   * the matcher (so not a key of {@link bySecond}), known without asking the map.
   */
  tried(next: CueToken | undefined, maySecond = true): Entry<P>[] {
    if (next === undefined) return this.singles;
    if (this.bySecond === undefined) return this.all;
    return maySecond ? (this.bySecond.get(next.norm) ?? this.rest) : this.rest;
  }
}

/** What {@link PhraseMatcher.findAll} returns when it finds nothing (frozen: shared by all searches). */
const NO_MATCHES: readonly PhraseMatch<unknown>[] = Object.freeze([]);

/** Entry lists at least this long are sorted by second word. */
const SECOND_WORD_INDEX_MIN = 4;

/** The entries a token may start: those keyed by its whole form, then by its first letters. */
export interface Candidates<P> {
  exact: EntryList<P> | undefined;
  prefixed: EntryList<P> | undefined;
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
  private readonly byWord = new Map<string, EntryList<P>>();
  private readonly byPrefix = new Map<string, EntryList<P>>();
  private readonly candidates = new Map<string, Candidates<P> | null>();
  /** The exact second words of the entries. */
  private readonly secondWords = new Set<string>();
  /** Set by {@link longestAt}: one past the last token of the match it found. */
  private foundEnd = -1;

  /** Adds a phrase compiled by {@link compilePhrase}. */
  add(patterns: TokenPattern[], payload: P): void {
    const first = patterns[0];
    const entry: Entry<P> = { patterns, payload };
    const index = first.kind === 'prefix' ? this.byPrefix : this.byWord;
    const key = first.kind === 'prefix' ? first.value.slice(0, PREFIX_KEY_LENGTH) : (first as { value: string }).value;
    let list = index.get(key);
    if (list === undefined) index.set(key, (list = new EntryList()));
    list.add(entry);
    if (patterns.length > 1 && patterns[1].kind === 'exact') this.secondWords.add(patterns[1].value);
    this.candidates.clear();
  }

  /** Whether a token folded to `norm` is the second word of an entry (then worth a lookup when it follows a first word). */
  isSecondWord(norm: string): boolean {
    return this.secondWords.has(norm);
  }

  /**
   * All non-overlapping matches in `tokens[from, to)`, left to right, longest first at each position
   * (a frozen empty list when there is none).
   * With `slot`, `tokens` carry the words of a vocabulary (see `./words.ts`) where this matcher's
   * candidates are kept at `slot`: each token's candidates are read off its word instead of being
   * looked up by its form (one map lookup fewer per token and matcher).
   */
  findAll(tokens: readonly CueToken[], text: string, from = 0, to = tokens.length, slot = -1): PhraseMatch<P>[] {
    // Most searches find nothing: the list is made at the first match.
    let matches: PhraseMatch<P>[] | undefined;
    let i = from;
    while (i < to) {
      const candidates =
        slot < 0 ? this.candidatesOf(tokens[i].norm) : ((tokens as readonly WordToken[])[i].word.candidates[slot] as Candidates<P> | null);
      const found = candidates === null ? undefined : this.longestAt(candidates, tokens, i, to, slot);
      if (found !== undefined) {
        const end = this.foundEnd;
        (matches ??= []).push({ payload: found.payload, from: i, to: end, text: text.slice(tokens[i].start, tokens[end - 1].end) });
        i = end;
      } else i += 1;
    }
    return matches ?? (NO_MATCHES as PhraseMatch<P>[]);
  }

  private candidatesOf(norm: string): Candidates<P> | null {
    let found = this.candidates.get(norm);
    if (found !== undefined) return found;
    found = this.entriesStartedBy(norm);
    if (this.candidates.size >= CANDIDATE_CACHE_LIMIT) this.candidates.clear();
    this.candidates.set(norm, found);
    return found;
  }

  /** The entries a token folded to `norm` may start, or null when none (not remembered). */
  entriesStartedBy(norm: string): Candidates<P> | null {
    const exact = this.byWord.get(norm);
    const prefixed = norm.length >= PREFIX_KEY_LENGTH ? this.byPrefix.get(norm.slice(0, PREFIX_KEY_LENGTH)) : undefined;
    return exact === undefined && prefixed === undefined ? null : { exact, prefixed };
  }

  /** The longest of `candidates` matching from token `i` (its end in {@link foundEnd}), or undefined. */
  private longestAt(candidates: Candidates<P>, tokens: readonly CueToken[], i: number, to: number, slot: number): Entry<P> | undefined {
    let best: Entry<P> | undefined;
    let bestEnd = -1;
    // The token after the first, commas skipped, as `matchEnd` reads it.
    let j = i + 1;
    while (j < to && isComma(tokens[j])) j += 1;
    const next = j < to ? tokens[j] : undefined;
    // Whether the next token may be a second word, read off its word when there is one: most are
    // not, and need no lookup in the entry lists (eighth session, 10k synthetic comments: 58% of
    // these lookups for the agreement cues, 75% for the stance cues).
    const maySecond = slot < 0 || next === undefined || ((next as WordToken).word.secondWordOf & (1 << slot)) !== 0;
    const exact = candidates.exact;
    if (exact !== undefined) {
      const tried = exact.tried(next, maySecond);
      for (let e = 0; e < tried.length; e += 1) {
        // These entries are keyed by their first word, which is the token's form: matching goes
        // on from the second.
        const end = matchEnd(tried[e].patterns, 1, tokens, i + 1, to);
        if (end > 0) {
          best = tried[e];
          bestEnd = end;
          break;
        }
      }
    }
    const prefixed = candidates.prefixed;
    if (prefixed !== undefined) {
      const tried = prefixed.tried(next, maySecond);
      for (let e = 0; e < tried.length; e += 1) {
        const entry = tried[e];
        if (best !== undefined && entry.patterns.length <= best.patterns.length) break;
        const end = matchEnd(entry.patterns, 0, tokens, i, to);
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
 * One past the last token matched by `patterns[from..]` from token `i`, or -1. Commas between the words of
 * a phrase are skipped: "non, en effet" is the phrase `non en effet`.
 */
function matchEnd(patterns: TokenPattern[], from: number, tokens: readonly CueToken[], i: number, to: number): number {
  let j = i;
  for (let k = from; k < patterns.length; k += 1) {
    if (k > 0) while (j < to && isComma(tokens[j])) j += 1;
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

/**
 * Whether `token` is a comma. Its `punct` is read first: most tokens are words, ruled out without
 * a comparison of strings (a call to the engine's string comparison for each token otherwise).
 */
function isComma(token: CueToken): boolean {
  return token.punct && token.norm === ',';
}

/** Folds a plain word the same way tokens are folded (used for single-word lists such as negators). */
export function foldPlain(word: string): string {
  return foldWord(word.trim());
}
