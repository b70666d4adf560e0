import fs from 'node:fs';
import { createRequire } from 'node:module';
import { dataFile } from '../data/locate.js';
import { ThreadStanceError } from '../errors.js';
import { foldAccents, normalizeKey, phraseKeys, stripEmojiModifiers } from '../nlp/index.js';
import { frenchRules } from './rules-data.js';
import { safeKey } from './safe-key.js';

/** One curated change: a term, its value (null: removed, or a neutral expression), and why. */
interface CuratedEntry {
  term: string;
  value: number | null;
  source: string;
}

interface CuratedFile {
  /** Topic nouns and the factor their value is scaled by (see `topics.why` in fr-curated.json). */
  topics: { factor: number; terms: string[] };
  fixes: CuratedEntry[];
  words: CuratedEntry[];
  expressions: CuratedEntry[];
  emoji: CuratedEntry[];
  emoticons: CuratedEntry[];
}

/** A multi-word expression, matched as one unit on accent-folded keys. */
export interface Expression {
  /** Folded keys of its words (`coup`, `de`, `maitre`). */
  folded: string[];
  /** The unit key it becomes (`coup-de-maître`), a lexicon key when it carries a value. */
  key: string;
  /** How it is shown in `terms`. */
  term: string;
}

/** The expressions of one first word, by the folded key of their second word; each list longest first. */
export type ExpressionsBySecond = ReadonlyMap<string, readonly Expression[]>;

/** The French lexicon, built once: what `sentiment` gets registered with, plus our lookup aids. */
export interface FrenchLexicon {
  /** Valences keyed by {@link safeKey}; `sentiment` merges its emoji table into this object. */
  labels: Record<string, number>;
  /** Accent-folded key -> lexicon key, for words found only without their accents (`debile`). */
  folded: Map<string, string>;
  /** Keys the curation removed: no accent or plural fallback may give them a value back (`fois` is not `foi`). */
  removed: Set<string>;
  /**
   * Expressions by the folded key of their first word, then of their second (every expression has
   * two words at least), longest first: common first words (`de`, `pas`) open dozens of
   * expressions, of which only those whose second word is the text's next word can match.
   */
  expressions: Map<string, ExpressionsBySecond>;
  /**
   * Emoji whose curated value replaces the one of `sentiment`'s emoji table, with the private
   * placeholder key their unit is scored under (see {@link EMOJI_PLACEHOLDER_BASE}).
   */
  emojiKeys: Map<string, string>;
  /** SMS and online spellings and the word they stand for (`bcp` -> `beaucoup`), from `fr-sms.json`. */
  spellings: Map<string, string>;
}

/**
 * `sentiment` merges its emoji table (Emoji Sentiment Ranking, measured on tweets of 2013) over
 * any language's labels, so a curated value for an emoji it knows would be overwritten (📉 +2,
 * ❌ +1, 👌 +2 as a mere sign-off). Such an emoji is scored under a placeholder key instead:
 * a private-use character from U+E100 on (the encoded punctuation of {@link safeKey} uses
 * U+E000..U+E015), which no table of `sentiment` holds, carrying the curated value.
 */
export const EMOJI_PLACEHOLDER_BASE = 0xe100;

const require = createRequire(import.meta.url);

/** `sentiment`'s own emoji table (Emoji Sentiment Ranking), which it merges over any language's labels. */
export const SENTIMENT_EMOJI = require('sentiment/build/emoji.json') as Record<string, number>;

/** The key an expression's words are joined into: stays one token for `sentiment`, never a single word. */
export function expressionKey(keys: readonly string[]): string {
  return keys.join('-');
}

function readVaderFr(): Map<string, number> {
  const file = dataFile('lexicons', 'vader-fr', 'fr_lexicon.txt');
  const entries = new Map<string, number>();
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    if (line.trim() === '') continue;
    const arrow = line.lastIndexOf('->');
    const value = Number(line.slice(arrow + 2));
    if (arrow <= 0 || !Number.isFinite(value)) {
      throw new ThreadStanceError('LEXICON_BAD_LINE', `expected TERM->VALUE, found "${line}"`, { file, line: n + 1 });
    }
    const key = normalizeKey(line.slice(0, arrow));
    // Upper-case emoticon keys (`:D`, `:P`) collapse onto their lower-case twins: the first one wins.
    if (!entries.has(key)) entries.set(key, value);
  }
  return entries;
}

/** The SMS spellings of `fr-sms.json`: written form -> standard key (both normalised). */
function readSpellings(): Map<string, string> {
  const file = dataFile('lexicons', 'fr-sms.json');
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { forms: Array<{ written: string; standard: string }> };
  return new Map(data.forms.map((form) => [normalizeKey(form.written), normalizeKey(form.standard)]));
}

function readCurated(): CuratedFile {
  const file = dataFile('lexicons', 'fr-curated.json');
  return JSON.parse(fs.readFileSync(file, 'utf8')) as CuratedFile;
}

/** The keys of a term as the tokenizer will see them (`voué à l'échec` -> voué, à, l', échec). */
function termKeys(term: string): string[] {
  return phraseKeys(term);
}

const HAS_LETTER = /\p{L}/u;

let lexicon: FrenchLexicon | undefined;

/**
 * Builds the French lexicon once per process: vader-fr (keys normalised), then the curated
 * fixes, words, expressions, emoji and emoticons of `fr-curated.json`. Multi-word entries of
 * vader-fr (`bouc émissaire`, `en colère`) become expressions. Accent-folded forms are indexed
 * when they are unambiguous. Multi-word rule markers (`en revanche`, `un peu`) are neutral expressions,
 * so they reach the rules as one unit.
 */
export function frenchLexicon(): FrenchLexicon {
  if (lexicon !== undefined) return lexicon;
  const values = readVaderFr();
  const curated = readCurated();
  const expressionValues = new Map<string, number | null>();

  for (const [key, value] of [...values]) {
    if (HAS_LETTER.test(key) && key.includes(' ')) {
      values.delete(key);
      expressionValues.set(key, value);
    } else if (key.includes(' ')) {
      values.delete(key); // emoticons with spaces can never be one token
    }
  }
  const removed = new Set<string>();
  for (const entry of [...curated.fixes, ...curated.words, ...curated.emoticons]) {
    const key = normalizeKey(entry.term);
    if (entry.value === null) {
      values.delete(key);
      removed.add(key);
    } else values.set(key, entry.value);
  }
  const topicFactor = curated.topics.factor;
  for (const term of curated.topics.terms) {
    const key = normalizeKey(term);
    const value = values.get(key);
    // Rounded like the curated values (3 decimals): `terms` shows it as the term's base.
    if (value !== undefined) values.set(key, Math.round(value * topicFactor * 1000) / 1000);
  }
  const emojiKeys = new Map<string, string>();
  const emojiValues = new Map<string, number>();
  for (const entry of curated.emoji) {
    const emoji = stripEmojiModifiers(entry.term);
    if (!(emoji in SENTIMENT_EMOJI)) {
      if (entry.value !== null) values.set(emoji, entry.value);
      continue;
    }
    // An emoji `sentiment` knows: its unit gets a placeholder key carrying our value (null: no value).
    const placeholder = String.fromCharCode(EMOJI_PLACEHOLDER_BASE + emojiKeys.size);
    emojiKeys.set(emoji, placeholder);
    if (entry.value !== null) emojiValues.set(placeholder, entry.value);
  }
  for (const entry of curated.expressions) expressionValues.set(normalizeKey(entry.term), entry.value);
  for (const term of frenchRules().markerPhrases) if (!expressionValues.has(term)) expressionValues.set(term, null);

  const labels: Record<string, number> = {};
  for (const [key, value] of values) labels[safeKey(key)] = value;
  for (const [placeholder, value] of emojiValues) labels[placeholder] = value;

  const byFirst = new Map<string, Expression[]>();
  for (const [term, value] of expressionValues) {
    const keys = termKeys(term);
    if (keys.length < 2) {
      if (value !== null) labels[safeKey(keys[0] ?? term)] = value;
      continue;
    }
    const key = expressionKey(keys);
    if (value !== null) labels[safeKey(key)] = value;
    const folded = keys.map(foldAccents);
    const list = byFirst.get(folded[0]) ?? [];
    list.push({ folded, key, term });
    byFirst.set(folded[0], list);
  }
  const expressions = new Map<string, ExpressionsBySecond>();
  for (const [first, list] of byFirst) {
    list.sort((a, b) => b.folded.length - a.folded.length);
    // In list order: each group keeps the longest-first order in which the first match wins.
    const bySecond = new Map<string, Expression[]>();
    for (const expression of list) {
      const group = bySecond.get(expression.folded[1]);
      if (group === undefined) bySecond.set(expression.folded[1], [expression]);
      else group.push(expression);
    }
    expressions.set(first, bySecond);
  }

  const folded = new Map<string, string>();
  const ambiguous = new Set<string>();
  for (const key of values.keys()) {
    const plain = foldAccents(key);
    if (plain === key) continue;
    if (folded.has(plain) || values.has(plain)) ambiguous.add(plain);
    else folded.set(plain, key);
  }
  for (const plain of ambiguous) folded.delete(plain);

  lexicon = { labels, folded, removed, expressions, emojiKeys, spellings: readSpellings() };
  return lexicon;
}
