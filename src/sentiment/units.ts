import { foldAccents, type FrenchToken, type SentenceSpan } from '../nlp/index.js';
import type { ExpressionsBySecond, FrenchLexicon } from './lexicon.js';
import type { FrenchRules } from './rules-data.js';
import { rolesOf } from './roles.js';
import { safeKey } from './safe-key.js';
import { DenseTable } from '../dense-table.js';

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
  /**
   * Its lexicon value: the label of `key` when the lexicon has one (an own property of
   * `lexicon.labels`), else undefined. Looked up once when the unit is made, so the scoring loop
   * and the rules' `isTerm` read a field instead of searching the labels table again.
   */
  value: number | undefined;
  /**
   * The rule word lists `plain` belongs to ({@link rolesOf} under the rules the units were made
   * with), read by the passes over all units.
   */
  roles: number;
  /** `foldAccents(plain)` once asked for (see {@link foldedPlain}); word units get it from their memoised lookup. */
  plainFolded: string | undefined;
}

/** `foldAccents(unit.plain)`, worked out at most once per unit (the irony rules compare folded keys sentence by sentence). */
export function foldedPlain(unit: ScoringUnit): string {
  return (unit.plainFolded ??= foldAccents(unit.plain));
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
  /** The label of `safe` (see {@link labelOf}). */
  value: number | undefined;
  /** The expressions whose first word folds to `folded` (`lexicon.expressions`), by their second word. */
  expressions: ExpressionsBySecond | undefined;
  /** {@link rolesOf} `plain`. */
  roles: number;
  /** `foldAccents(plain)`. */
  plainFolded: string;
}

/** The lexicon value of an encoded key: its own property in `labels`, else undefined (labels are numbers). */
function labelOf(labels: Readonly<Record<string, number>>, safe: string): number | undefined {
  return Object.hasOwn(labels, safe) ? labels[safe] : undefined;
}

/** A lookup of `plain` as it is (a key the lookup rules do not change further). */
function lookupOf(plain: string, folded: string, lexicon: FrenchLexicon, rules: FrenchRules, expressions: ExpressionsBySecond | undefined): KeyLookup {
  const safe = safeKey(plain);
  return { plain, safe, folded, value: labelOf(lexicon.labels, safe), expressions, roles: rolesOf(plain, rules), plainFolded: foldAccents(plain) };
}

/**
 * Lookups are memoised per distinct token key: a thread's vocabulary is far smaller than its
 * token count. The cache is dropped when it grows past this size, which bounds memory on
 * million-comment inputs.
 */
const LOOKUP_CACHE_LIMIT = 200_000;
const lookupCache = new Map<string, KeyLookup>();
/** The lookups of proper names by their key (same life as `lookupCache`: names recur through a thread). */
const nameCache = new Map<string, KeyLookup>();
let cachedFor: FrenchLexicon | undefined;
let cachedRules: FrenchRules | undefined;
/**
 * The {@link WordFacts} of word tokens by their `keyId` (see `FrenchToken.keyId`): an array index
 * instead of hashing the key of every word in `lookupCache` (the map's lookups were the largest
 * line of the scoring stage's profile), and the tests of the word's spelling made once per
 * lexeme. With the English sides remembered likewise (`english.ts`), scoring the texts of the
 * 10k-comment synthetic page already read went from 228-236 to 182-194 ms of CPU. Dropped with `lookupCache`, and when it holds {@link LOOKUP_CACHE_LIMIT} facts.
 */
const factsByKeyId = new DenseTable<WordFacts>(LOOKUP_CACHE_LIMIT);

/**
 * Drops the memoised lookups. The scoring engine calls it once it has registered the lexicon
 * with `sentiment`, which merges its emoji table into `lexicon.labels`: a value remembered
 * before that merge could be out of date.
 */
export function forgetLookups(): void {
  lookupCache.clear();
  nameCache.clear();
  factsByKeyId.clear();
}

function lookup(key: string, lexicon: FrenchLexicon, rules: FrenchRules): KeyLookup {
  if (cachedFor !== lexicon || cachedRules !== rules) {
    forgetLookups();
    cachedFor = lexicon;
    cachedRules = rules;
  }
  let found = lookupCache.get(key);
  if (found === undefined) {
    const standard = standardSpelling(key, lexicon);
    const folded = foldAccents(standard);
    found = lookupOf(lookupKey(standard, lexicon), folded, lexicon, rules, lexicon.expressions.get(folded));
    if (lookupCache.size >= LOOKUP_CACHE_LIMIT) {
      lookupCache.clear();
      factsByKeyId.clear();
    }
    lookupCache.set(key, found);
  }
  return found;
}

/** What the units of a word or hashtag token take from its key and text alone. */
interface WordFacts {
  /** The token's key and text they were worked out for. */
  key: string;
  text: string;
  /** {@link lookup} of the key. */
  lookup: KeyLookup;
  /** Shaped like a proper name (see {@link nameShaped}). */
  nameShaped: boolean;
  /** A word written in capitals ({@link writtenInCapitals}). */
  capitals: boolean;
  /** The key ends in `-ent`: perhaps a verb in the third person plural (see {@link pluralVerb}). */
  pluralEnding: boolean;
}

/** The {@link WordFacts} of a word or hashtag token. */
function factsOf(token: FrenchToken, lexicon: FrenchLexicon, rules: FrenchRules): WordFacts {
  const { key, text } = token;
  return {
    key,
    text,
    lookup: lookup(key, lexicon, rules),
    nameShaped: nameShaped(token),
    capitals: token.type === 'word' && writtenInCapitals(text),
    pluralEnding: key.endsWith('ent'),
  };
}

/** {@link factsOf} a word or hashtag token, worked out once per `keyId`. */
function wordFacts(token: FrenchToken, lexicon: FrenchLexicon, rules: FrenchRules): WordFacts {
  const id = token.keyId;
  if (id < 0) return factsOf(token, lexicon, rules);
  if (cachedFor === lexicon && cachedRules === rules) {
    const known = factsByKeyId.get(id);
    // Every token of a keyId has the same key and text strings (reference compares); checked all the same.
    if (known !== undefined && known.key === token.key && known.text === token.text) return known;
  }
  const facts = factsOf(token, lexicon, rules);
  factsByKeyId.set(id, facts);
  return facts;
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
function pluralVerb(key: string, found: KeyLookup, lexicon: FrenchLexicon, rules: FrenchRules): KeyLookup {
  if (Object.hasOwn(lexicon.labels, found.safe) || lexicon.removed.has(found.plain) || !key.endsWith('ent')) return found;
  const stem = key.slice(0, -3);
  if (stem.length < MIN_VERB_STEM) return found;
  const infinitive = known(stem + 'er', lexicon);
  return infinitive === undefined || lexicon.removed.has(infinitive) ? found : lookupOf(infinitive, found.folded, lexicon, rules, found.expressions);
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
function isProperName(tokens: readonly FrenchToken[], i: number, sentenceStart: number, shaped: boolean): boolean {
  if (!shaped) return false;
  for (let j = i - 1; j >= sentenceStart; j--) {
    const previous = tokens[j];
    if (previous.type === 'word' || previous.type === 'number' || previous.type === 'mention' || previous.type === 'hashtag') return true;
    if (previous.type === 'url') continue;
    if ((previous.type === 'punctuation' || previous.type === 'symbol') && !OPENING_MARKS.has(previous.text)) continue;
    return false;
  }
  return false;
}

/** Whether a token is a word capitalised like a name ({@link NAME_SHAPE}): the first test of {@link isProperName}. */
function nameShaped(token: FrenchToken): boolean {
  // `text === key`: written in lower case, the usual case, decided without a regular expression.
  return token.type === 'word' && token.text !== token.key && NAME_SHAPE.test(token.text);
}

/** Prefix of a proper name's key: a private-use character, so that no lexicon or rule list holds it. */
const NAME_PREFIX = '\u{E0FF}';

/** The lookup of a proper name: a key no lexicon holds, so it scores nothing. */
function properName(key: string, lexicon: FrenchLexicon, rules: FrenchRules): KeyLookup {
  let found = nameCache.get(key);
  if (found === undefined) {
    // A name opens no expression (its unit is made after expressions are tried).
    found = lookupOf(NAME_PREFIX + key, foldAccents(key), lexicon, rules, undefined);
    if (nameCache.size >= LOOKUP_CACHE_LIMIT) nameCache.clear();
    nameCache.set(key, found);
  }
  return found;
}

/** Verb-form lookup is for plain words (no digits, apostrophes or hyphens). */
const HAS_LETTER_ONLY = /^\p{L}+$/u;

/**
 * The scoring units of the French sentences of a text. URLs, @mentions and numbers (but the vote `+1`) are left out
 * (not scored, not counted); clause punctuation becomes a boundary unit; expressions are matched
 * longest first on accent-folded keys and become one unit.
 */
export function scoringUnits(tokens: readonly FrenchToken[], spans: readonly SentenceSpan[], lexicon: FrenchLexicon, rules: FrenchRules): ScoringUnit[] {
  const units: ScoringUnit[] = [];
  const labels = lexicon.labels;
  for (const span of spans) {
    let i = span.start;
    while (i < span.end) {
      const token = tokens[i];
      const type = token.type;
      if (type === 'number') {
        // `+1` opening a sentence is a vote of approval for the comment above, not a quantity (`un score de +1`).
        if (token.key === APPROVAL_VOTE && i === span.start) {
          const key = safeKey(APPROVAL_VOTE);
          units.push(makeUnit(key, APPROVAL_VOTE, APPROVAL_VOTE, false, false, false, false, token.sentence, i, labelOf(labels, key), rolesOf(APPROVAL_VOTE, rules)));
        }
        i += 1;
        continue;
      }
      if (type === 'punctuation' || type === 'symbol') {
        const isDash = token.text === '-' && token.spaceBefore;
        if (CLAUSE_PUNCTUATION.has(token.text) || isDash) {
          units.push(makeUnit(BOUNDARY_KEY, token.text, token.text, true, false, false, false, token.sentence, i, undefined, rolesOf(token.text, rules)));
        }
        i += 1;
        continue;
      }
      if (!isScoredFor(token)) {
        i += 1;
        continue;
      }
      const lexical = type === 'word' || type === 'hashtag';
      // One lookup serves both the expression match and the word's own unit (it used to be made twice per word).
      const facts = lexical ? wordFacts(token, lexicon, rules) : undefined;
      let found = facts?.lookup;
      const expression = type === 'word' ? matchExpression(tokens, i, span.end, lexicon, rules, found as KeyLookup) : null;
      if (expression !== null) {
        const key = safeKey(expression.key);
        units.push(makeUnit(key, expression.key, expression.term, false, true, false, false, token.sentence, i, labelOf(labels, key), rolesOf(expression.key, rules)));
        i += expression.length;
        continue;
      }
      const name = facts !== undefined && isProperName(tokens, i, span.start, facts.nameShaped);
      if (name) found = properName(token.key, lexicon, rules);
      // `pluralVerb` changes nothing unless the word ends in `-ent`: tested first, it spares the set lookup of most words.
      if (facts !== undefined && !name && i > span.start && facts.pluralEnding && PLURAL_SUBJECTS.has(tokens[i - 1].key)) found = pluralVerb(token.key, facts.lookup, lexicon, rules);
      if (found !== undefined && facts !== undefined) {
        const unit = makeUnit(found.safe, found.plain, token.key, false, lexical, facts.capitals, name, token.sentence, i, found.value, found.roles);
        unit.plainFolded = found.plainFolded;
        units.push(unit);
      } else {
        const key = lexicon.emojiKeys.get(token.key) ?? safeKey(token.key);
        units.push(makeUnit(key, token.key, token.key, false, lexical, false, name, token.sentence, i, labelOf(labels, key), rolesOf(token.key, rules)));
      }
      i += 1;
    }
  }
  return units;
}

/** A unit with the flags that later passes set (quoted, hypothetical, ...) cleared; one shape for all units. */
function makeUnit(
  key: string,
  plain: string,
  term: string,
  boundary: boolean,
  word: boolean,
  capitals: boolean,
  name: boolean,
  sentence: number,
  token: number,
  value: number | undefined,
  roles: number,
): ScoringUnit {
  return { key, plain, term, boundary, word, capitals, quoted: false, name, hypothetical: false, reported: false, compared: false, intended: false, sentence, token, value, roles, plainFolded: undefined };
}

/**
 * {@link CAPITALS} on a word's text. A word that starts with an ASCII lower-case letter (most of
 * them) cannot match it: decided without running the Unicode regular expression.
 */
function writtenInCapitals(text: string): boolean {
  const first = text.charCodeAt(0);
  if (first >= 0x61 && first <= 0x7a) return false;
  return CAPITALS.test(text);
}

/** The longest expression starting at word token `start` (whose lookup is `first`), if any. */
function matchExpression(
  tokens: readonly FrenchToken[],
  start: number,
  end: number,
  lexicon: FrenchLexicon,
  rules: FrenchRules,
  first: KeyLookup,
): { key: string; term: string; length: number } | null {
  const bySecond = first.expressions;
  // Every expression has a second word, which must be a word of the sentence.
  if (bySecond === undefined || start + 2 > end) return null;
  const next = tokens[start + 1];
  if (next.type !== 'word') return null;
  const candidates = bySecond.get(wordFacts(next, lexicon, rules).lookup.folded);
  if (candidates === undefined) return null;
  for (const expression of candidates) {
    const length = expression.folded.length;
    if (start + length > end) continue;
    let matches = true;
    for (let k = 2; k < length && matches; k++) {
      const token = tokens[start + k];
      matches = token.type === 'word' && wordFacts(token, lexicon, rules).lookup.folded === expression.folded[k];
    }
    if (matches) return { key: expression.key, term: expression.term, length };
  }
  return null;
}
