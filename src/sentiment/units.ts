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
  /** Inside a short quotation (set by `markShortQuotes` in rules.ts): mentioned, not used. */
  quoted: boolean;
  /** A proper name (a word capitalised inside its sentence): scores nothing, but can be the subject of a clause. */
  name: boolean;
  /** Inside a hypothesis, after `si` + subject (set by `markClauses` in rules.ts). */
  hypothetical: boolean;
  /** Inside reported words, after `on dit que` (set by `markClauses` in rules.ts). */
  reported: boolean;
  /** Inside the alternatives of a preference, after `je préfère` (set by `markClauses` in rules.ts). */
  compared: boolean;
  /** Inside the goal of a purpose clause, after `pour` + infinitive (set by `markClauses` in rules.ts). */
  intended: boolean;
  sentence: number;
  /** Index of its first token in the text. */
  token: number;
}

/** The key a clause boundary gets: in no lexicon, never stripped by `sentiment`'s tokenizer. */
export const BOUNDARY_KEY = '<clause>';

/** Index of the first word unit of a text's units (`units.length` when it has none): the word a comment opens with. */
export function firstWordUnit(units: readonly ScoringUnit[]): number {
  let first = 0;
  while (first < units.length && !units[first].word) first += 1;
  return first;
}

/** The vote `+1` (a number token): kept as a unit of approval, scored by its lexicon entry. */
const APPROVAL_VOTE = '+1';

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
    const standard = standardSpelling(key, lexicon);
    const plain = lookupKey(standard, lexicon);
    found = { plain, safe: safeKey(plain), folded: foldAccents(standard) };
    if (lookupCache.size >= LOOKUP_CACHE_LIMIT) lookupCache.clear();
    lookupCache.set(key, found);
  }
  return found;
}

/** Laughter written at any length (`hahahah`, `looool`, `mdrrrr`, `xDDD`) and its usual form. */
const LAUGHTER_SPELLINGS: ReadonlyArray<[RegExp, string]> = [
  [/^a?(?:h[aiueo]){2,}h?$/, 'haha'],
  [/^l+o+l+$/, 'lol'],
  [/^m+d+r+$/, 'mdr'],
  [/^p+t+d+r+$/, 'ptdr'],
  [/^x+d+$/, 'xd'],
];

/** Three or more times the same letter (`nuuul`, `troooop`): online emphasis, not spelling. */
const ELONGATED = /(\p{L})\1{2,}/u;
const ELONGATED_RUNS = /(\p{L})\1{2,}/gu;

/**
 * The standard spelling of a word written in SMS or online style: the SMS forms of
 * `fr-sms.json` (`bcp` -> `beaucoup`, `c` -> `est`), laughter of any length, and letters
 * stretched for emphasis (`nuuuul` -> `nul`, `cooool` -> `cool`) when the shortened form is known.
 * Runs once per distinct key (the lookup is memoised).
 */
function standardSpelling(key: string, lexicon: FrenchLexicon): string {
  const sms = lexicon.spellings.get(key);
  if (sms !== undefined) return sms;
  for (const [pattern, laughter] of LAUGHTER_SPELLINGS) if (pattern.test(key)) return laughter;
  if (!ELONGATED.test(key)) return key;
  const double = key.replace(ELONGATED_RUNS, '$1$1');
  if (known(double, lexicon) !== undefined) return double;
  const single = key.replace(ELONGATED_RUNS, '$1');
  return lexicon.spellings.get(single) ?? (known(single, lexicon) !== undefined ? single : key);
}

/** The lexicon key of `key` as written or without its accents, if it has one. */
function known(key: string, lexicon: FrenchLexicon): string | undefined {
  if (Object.hasOwn(lexicon.labels, safeKey(key))) return key;
  return viaFolding(key, lexicon);
}

/**
 * The accented lexicon key of a word written without accents (`debile` -> `débile`), except
 * when only a final `é` tells them apart: `concerne` is not `concerné`, `tue` is not `tué` (a
 * present tense and a participle, both correctly written).
 */
function viaFolding(key: string, lexicon: FrenchLexicon): string | undefined {
  const found = lexicon.folded.get(foldAccents(key));
  if (found === undefined) return undefined;
  const last = (word: string): string => word.charAt(word.length - (word.endsWith('s') ? 2 : 1));
  return last(found) === 'é' && last(key) === 'e' ? undefined : found;
}

/**
 * Future and conditional endings: French builds these tenses on the infinitive (`résoudra` is
 * `résoudr(e)` + `a`, `améliorera` is `améliorer` + `a`, `réussiraient` is `réussir` + `aient`).
 * Longest first.
 */
const FUTURE_ENDINGS = ['aient', 'ions', 'iez', 'ait', 'ais', 'ons', 'ont', 'ai', 'as', 'ez', 'a'];
/**
 * Present, imperfect and participle endings of `-er` verbs (`améliore`, `plombé`), longest first.
 * Not `-ent` nor `-ant`: too many adjectives end so (`différent` is not a form of `différer`).
 */
const ER_ENDINGS = ['aient', 'ées', 'ait', 'ais', 'ons', 'ée', 'és', 'es', 'ez', 'é', 'e'];
/**
 * Present endings of `-ir` verbs of the second group (`bondit`, `trahit`, `réussissent`,
 * `enrichissait`), longest first. Not the participle in `-i`/`-is`: too many nouns end so.
 */
const IR_ENDINGS = ['issaient', 'issent', 'issait', 'issons', 'it'];
/** A verb stem shorter than this is too likely to be another word once an ending is cut off. */
const MIN_VERB_STEM = 4;

/**
 * The infinitive in the lexicon that a conjugated form belongs to, if any: vader-fr lists verbs
 * mostly by their infinitive, and comments conjugate them (`ne résoudra pas`, `ils déconnent`,
 * `l'action bondit`).
 * Only infinitives are tried (the candidate always ends in `-er`, `-ir` or `-re`), and only for
 * words the lexicon does not know as they are.
 */
function infinitiveOf(key: string, lexicon: FrenchLexicon): string | undefined {
  for (const ending of FUTURE_ENDINGS) {
    if (!key.endsWith('r' + ending)) continue;
    const stem = key.slice(0, key.length - ending.length);
    if (stem.length <= MIN_VERB_STEM) break;
    const found = known(stem, lexicon) ?? known(stem + 'e', lexicon);
    if (found !== undefined && !lexicon.removed.has(found)) return found;
    break;
  }
  for (const ending of ER_ENDINGS) {
    if (!key.endsWith(ending)) continue;
    const stem = key.slice(0, key.length - ending.length);
    if (stem.length < MIN_VERB_STEM) break;
    const found = known(stem + 'er', lexicon);
    if (found !== undefined && !lexicon.removed.has(found)) return found;
    break;
  }
  for (const ending of IR_ENDINGS) {
    if (!key.endsWith(ending)) continue;
    const stem = key.slice(0, key.length - ending.length);
    if (stem.length < MIN_VERB_STEM) break;
    const found = known(stem + 'ir', lexicon);
    if (found !== undefined && !lexicon.removed.has(found)) return found;
    break;
  }
  return undefined;
}

/**
 * The lexicon key of a single word: itself, else its accent-folded form (`debile` -> `débile`),
 * else its singular (`magouilleurs` -> `magouilleur`), else the infinitive of a conjugated verb
 * (`résoudra` -> `résoudre`), else itself (no value). A key the curation removed stays without
 * value.
 */
function lookupKey(key: string, lexicon: FrenchLexicon): string {
  if (Object.hasOwn(lexicon.labels, safeKey(key)) || lexicon.removed.has(key)) return key;
  const viaFold = viaFolding(key, lexicon);
  if (viaFold !== undefined) return viaFold;
  if (key.length > 3 && (key.endsWith('s') || key.endsWith('x'))) {
    const singular = key.slice(0, -1);
    if (lexicon.removed.has(singular)) return key;
    const viaSingular = known(singular, lexicon);
    if (viaSingular !== undefined) return viaSingular;
  }
  if (!HAS_LETTER_ONLY.test(key)) return key;
  return infinitiveOf(key, lexicon) ?? key;
}

/**
 * Words after which a word in `-ent` is a verb in the third person plural (`ils déconnent`,
 * `les actions s'effondrent`, `qui plombent`), not an adjective (`différent`, `violent`).
 */
const PLURAL_SUBJECTS = new Set(['ils', 'elles', "s'", 'se', 'qui', 'ne', "n'", 'en', 'y', 'leur', 'lui', 'nous', 'vous']);

/** The `-er` infinitive of a third person plural (`effondrent` -> `effondrer`) when the word has no value of its own. */
function pluralVerb(key: string, found: KeyLookup, lexicon: FrenchLexicon): KeyLookup {
  if (Object.hasOwn(lexicon.labels, found.safe) || lexicon.removed.has(found.plain) || !key.endsWith('ent')) return found;
  const stem = key.slice(0, -3);
  if (stem.length < MIN_VERB_STEM) return found;
  const infinitive = known(stem + 'er', lexicon);
  return infinitive === undefined || lexicon.removed.has(infinitive) ? found : { plain: infinitive, safe: safeKey(infinitive), folded: found.folded };
}

/** A word capitalised like a name (`Défense`, `Orange`, `Free`): upper-case initial, then a lower-case letter. */
const NAME_SHAPE = /^\p{Lu}\p{Ll}/u;
/** Marks that a capitalised word may legitimately follow without being a name: they can open a sentence or a quote. */
const OPENING_MARKS = new Set([':', '«', '"', '“', '(', '[', '-', '—', '–', '…', '...', '>', '*', '•']);

/**
 * A capitalised word inside a sentence is a proper name (`la Défense`, `chez Orange`, `Free`):
 * French capitalises no common word there. Its lexicon value is a common word's, not the name's.
 * The first word of a sentence, and a word after a mark that can open one (`:`, `«`, `…`), an
 * emoji or an emoticon (a new thought, often unpunctuated), are not names by their capital.
 */
function isProperName(tokens: readonly FrenchToken[], i: number, sentenceStart: number): boolean {
  const token = tokens[i];
  // `text === key`: written in lower case, the usual case, decided without a regular expression.
  if (token.type !== 'word' || token.text === token.key || !NAME_SHAPE.test(token.text)) return false;
  for (let j = i - 1; j >= sentenceStart; j--) {
    const previous = tokens[j];
    if (previous.type === 'word' || previous.type === 'number' || previous.type === 'mention' || previous.type === 'hashtag') return true;
    if (previous.type === 'url') continue;
    if ((previous.type === 'punctuation' || previous.type === 'symbol') && !OPENING_MARKS.has(previous.text)) continue;
    return false;
  }
  return false;
}

/** Prefix of a proper name's key: a private-use character, so that no lexicon or rule list holds it. */
const NAME_PREFIX = '\u{E0FF}';

/** The lookup of a proper name: a key no lexicon holds, so it scores nothing. */
function properName(key: string): KeyLookup {
  const plain = NAME_PREFIX + key;
  return { plain, safe: safeKey(plain), folded: foldAccents(key) };
}

/** Verb-form lookup is for plain words (no digits, apostrophes or hyphens). */
const HAS_LETTER_ONLY = /^\p{L}+$/u;

/**
 * The scoring units of the French sentences of a text. URLs, @mentions and numbers (but the vote `+1`) are left out
 * (not scored, not counted); clause punctuation becomes a boundary unit; expressions are matched
 * longest first on accent-folded keys and become one unit.
 */
export function scoringUnits(tokens: readonly FrenchToken[], spans: readonly SentenceSpan[], lexicon: FrenchLexicon): ScoringUnit[] {
  const units: ScoringUnit[] = [];
  for (const span of spans) {
    let i = span.start;
    while (i < span.end) {
      const token = tokens[i];
      if (token.type === 'number') {
        // `+1` opening a sentence is a vote of approval for the comment above, not a quantity (`un score de +1`).
        if (token.key === APPROVAL_VOTE && i === span.start) {
          units.push({ key: safeKey(APPROVAL_VOTE), plain: APPROVAL_VOTE, term: APPROVAL_VOTE, boundary: false, word: false, capitals: false, quoted: false, name: false, hypothetical: false, reported: false, compared: false, intended: false, sentence: token.sentence, token: i });
        }
        i += 1;
        continue;
      }
      if (token.type === 'punctuation' || token.type === 'symbol') {
        const isDash = token.text === '-' && token.spaceBefore;
        if (CLAUSE_PUNCTUATION.has(token.text) || isDash) {
          units.push({ key: BOUNDARY_KEY, plain: token.text, term: token.text, boundary: true, word: false, capitals: false, quoted: false, name: false, hypothetical: false, reported: false, compared: false, intended: false, sentence: token.sentence, token: i });
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
        units.push({ key: safeKey(expression.key), plain: expression.key, term: expression.term, boundary: false, word: true, capitals: false, quoted: false, name: false, hypothetical: false, reported: false, compared: false, intended: false, sentence: token.sentence, token: i });
        i += expression.length;
        continue;
      }
      const lexical = token.type === 'word' || token.type === 'hashtag';
      const name = lexical && isProperName(tokens, i, span.start);
      let found = lexical ? (name ? properName(token.key) : lookup(token.key, lexicon)) : undefined;
      if (found !== undefined && !name && i > span.start && PLURAL_SUBJECTS.has(tokens[i - 1].key)) found = pluralVerb(token.key, found, lexicon);
      units.push({
        key: found !== undefined ? found.safe : (lexicon.emojiKeys.get(token.key) ?? safeKey(token.key)),
        plain: found !== undefined ? found.plain : token.key,
        term: token.key,
        boundary: false,
        word: token.type === 'word' || token.type === 'hashtag',
        capitals: token.type === 'word' && CAPITALS.test(token.text),
        quoted: false,
        name,
        hypothetical: false,
        reported: false, compared: false, intended: false,
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
