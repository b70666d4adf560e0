import { foldAccents, type FrenchToken, type SentenceSpan } from '../nlp/index.js';
import type { FrenchLexicon } from './lexicon.js';
import { safeKey } from './safe-key.js';

/**
 * One unit fed to `sentiment`: a word, an expression matched as a whole, an emoji or emoticon,
 * or a clause boundary. Units are joined by single spaces, so unit `i` is `sentiment`'s token `i`.
 */
export interface ScoringUnit {
  /** Lookup key, already {@link safeKey}-encoded (what `sentiment` sees). */
  key: string;
  /** Plain key, for the rule-word sets. */
  plain: string;
  /** How the term is shown in `terms` (lower case; an expression's words joined by spaces). */
  term: string;
  boundary: boolean;
  /** A word or expression (emoji, emoticons and boundaries are not negated or intensified). */
  word: boolean;
  /** Written in capitals (3+ letters): a candidate for the emphasis rule. */
  capitals: boolean;
  sentence: number;
  /** Index of its first token in the text. */
  token: number;
}

/** The key a clause boundary gets: in no lexicon, never stripped by `sentiment`'s tokenizer. */
export const BOUNDARY_KEY = '<clause>';

/** Punctuation that closes a clause: negation and intensifier windows stop there. */
const CLAUSE_PUNCTUATION = new Set([',', ';', ':', '.', '!', '?', '…', '...', '(', ')', '[', ']', '«', '»', '"', '“', '”', '—', '–', '/']);

const CAPITALS = /^\p{Lu}{3,}$/u;

/** Does this token count as a word of the text (for `comparative`)? */
export function isScoredFor(token: FrenchToken): boolean {
  return token.type === 'word' || token.type === 'emoji' || token.type === 'emoticon' || token.type === 'hashtag' || token.type === 'other';
}

/** How a token key is looked up: its lexicon key (encoded and plain) and its accent-folded form. */
interface KeyLookup {
  plain: string;
  safe: string;
  folded: string;
}

/**
 * Lookups are memoised per distinct token key: a thread's vocabulary is far smaller than its
 * token count. The cache is dropped when it grows past this size, which bounds memory on
 * million-comment inputs.
 */
const LOOKUP_CACHE_LIMIT = 200_000;
const lookupCache = new Map<string, KeyLookup>();
let cachedFor: FrenchLexicon | undefined;

function lookup(key: string, lexicon: FrenchLexicon): KeyLookup {
  if (cachedFor !== lexicon) {
    lookupCache.clear();
    cachedFor = lexicon;
  }
  let found = lookupCache.get(key);
  if (found === undefined) {
    const plain = lookupKey(key, lexicon);
    found = { plain, safe: safeKey(plain), folded: foldAccents(key) };
    if (lookupCache.size >= LOOKUP_CACHE_LIMIT) lookupCache.clear();
    lookupCache.set(key, found);
  }
  return found;
}

/**
 * The lexicon key of a single word: itself, else its accent-folded form (`debile` -> `débile`),
 * else its singular (`magouilleurs` -> `magouilleur`), else itself (no value). A key the curation
 * removed stays without value.
 */
function lookupKey(key: string, lexicon: FrenchLexicon): string {
  if (Object.hasOwn(lexicon.labels, safeKey(key)) || lexicon.removed.has(key)) return key;
  const viaFold = lexicon.folded.get(foldAccents(key));
  if (viaFold !== undefined) return viaFold;
  if (key.length > 3 && (key.endsWith('s') || key.endsWith('x'))) {
    const singular = key.slice(0, -1);
    if (Object.hasOwn(lexicon.labels, safeKey(singular))) return singular;
    const singularViaFold = lexicon.folded.get(foldAccents(singular));
    if (singularViaFold !== undefined) return singularViaFold;
  }
  return key;
}

/**
 * The scoring units of the French sentences of a text. URLs, @mentions and numbers are left out
 * (not scored, not counted); clause punctuation becomes a boundary unit; expressions are matched
 * longest first on accent-folded keys and become one unit.
 */
export function scoringUnits(tokens: readonly FrenchToken[], spans: readonly SentenceSpan[], lexicon: FrenchLexicon): ScoringUnit[] {
  const units: ScoringUnit[] = [];
  for (const span of spans) {
    let i = span.start;
    while (i < span.end) {
      const token = tokens[i];
      if (token.type === 'punctuation' || token.type === 'symbol') {
        const isDash = token.text === '-' && token.spaceBefore;
        if (CLAUSE_PUNCTUATION.has(token.text) || isDash) {
          units.push({ key: BOUNDARY_KEY, plain: token.text, term: token.text, boundary: true, word: false, capitals: false, sentence: token.sentence, token: i });
        }
        i += 1;
        continue;
      }
      if (!isScoredFor(token)) {
        i += 1;
        continue;
      }
      const expression = token.type === 'word' ? matchExpression(tokens, i, span.end, lexicon) : null;
      if (expression !== null) {
        units.push({ key: safeKey(expression.key), plain: expression.key, term: expression.term, boundary: false, word: true, capitals: false, sentence: token.sentence, token: i });
        i += expression.length;
        continue;
      }
      const found = lookup(token.key, lexicon);
      const lexical = token.type === 'word' || token.type === 'hashtag';
      units.push({
        key: lexical ? found.safe : safeKey(token.key),
        plain: lexical ? found.plain : token.key,
        term: token.key,
        boundary: false,
        word: token.type === 'word' || token.type === 'hashtag',
        capitals: token.type === 'word' && CAPITALS.test(token.text),
        sentence: token.sentence,
        token: i,
      });
      i += 1;
    }
  }
  return units;
}

function matchExpression(
  tokens: readonly FrenchToken[],
  start: number,
  end: number,
  lexicon: FrenchLexicon,
): { key: string; term: string; length: number } | null {
  const candidates = lexicon.expressions.get(lookup(tokens[start].key, lexicon).folded);
  if (candidates === undefined) return null;
  for (const expression of candidates) {
    const length = expression.folded.length;
    if (start + length > end) continue;
    let matches = true;
    for (let k = 1; k < length && matches; k++) {
      const token = tokens[start + k];
      matches = token.type === 'word' && lookup(token.key, lexicon).folded === expression.folded[k];
    }
    if (matches) return { key: expression.key, term: expression.term, length };
  }
  return null;
}
