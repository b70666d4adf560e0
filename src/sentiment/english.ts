import type { FrenchToken, SentenceSpan } from '../nlp/index.js';
import type { FrenchRules } from './rules-data.js';
import { DenseTable } from '../dense-table.js';

/** A function word that is English only (`the`, `is`): +1; French only (`le`, `est`): -1. */
type Side = 1 | -1;

/**
 * `rules.english`'s two word sets as one map (a word of both counts as English, as the sets are
 * asked in that order): one lookup per word instead of two for the French words, which are most
 * of them. Built once per rules object.
 */
const SIDES = new WeakMap<FrenchRules['english'], ReadonlyMap<string, Side>>();

function sidesOf(english: FrenchRules['english']): ReadonlyMap<string, Side> {
  let sides = SIDES.get(english);
  if (sides === undefined) {
    const map = new Map<string, Side>();
    for (const word of english.frenchWords) map.set(word, -1);
    for (const word of english.englishWords) map.set(word, 1);
    sides = map;
    SIDES.set(english, sides);
  }
  return sides;
}

/** The side of a key, as remembered for a `keyId` (see {@link sideOf}). */
interface KeySide {
  key: string;
  side: Side | undefined;
}

/**
 * The sides of token keys by their `keyId` (see `FrenchToken.keyId`), for the map they were read
 * in: an array index instead of hashing the key of every word of every sentence (the map's
 * lookups were about a tenth of the scoring stage's own time). Dropped with the map it was read
 * in, and emptied at 200,000 entries (see {@link DenseTable}).
 */
const sidesByKeyId = new DenseTable<KeySide>(200_000);
let sidesMemoFor: ReadonlyMap<string, Side> | undefined;

/** `sides.get(token.key)`, remembered by the token's `keyId`. */
function sideOf(token: FrenchToken, sides: ReadonlyMap<string, Side>): Side | undefined {
  const id = token.keyId;
  if (id < 0) return sides.get(token.key);
  if (sidesMemoFor !== sides) {
    sidesByKeyId.clear();
    sidesMemoFor = sides;
  }
  const known = sidesByKeyId.get(id);
  if (known !== undefined && known.key === token.key) return known.side;
  const side = sides.get(token.key);
  sidesByKeyId.set(id, { key: token.key, side });
  return side;
}

/**
 * Is this sentence English? Counts function words that belong to only one of the two languages
 * (`the`, `is`, `you` against `le`, `est`, `vous`): English when there are at least `minimum`
 * English ones and more of them than French ones. A quoted English headline inside a French
 * comment is caught; a French sentence with one English loanword is not.
 */
export function isEnglishSentence(tokens: readonly FrenchToken[], span: SentenceSpan, rules: FrenchRules): boolean {
  const sides = sidesOf(rules.english);
  let english = 0;
  let french = 0;
  for (let i = span.start; i < span.end; i++) {
    const token = tokens[i];
    if (token.type !== 'word') continue;
    const side = sideOf(token, sides);
    if (side === 1) english += 1;
    else if (side === -1) french += 1;
  }
  return english >= rules.english.minimum && english > french;
}
