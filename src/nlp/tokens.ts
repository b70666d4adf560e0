import { readWink, readWinkTexts, type WinkLexeme, type WinkReading } from './wink-read.js';
import { normalizeKey, normalizeSpaces, splitElision, stripEmojiModifiers } from './normalize.js';

/** What a token is, from wink's token types, folded to what the French stages need. */
export type FrenchTokenType =
  | 'word'
  | 'emoji'
  | 'emoticon'
  | 'url'
  | 'mention'
  | 'hashtag'
  | 'number'
  | 'punctuation'
  | 'symbol'
  | 'other';

/**
 * One token of French text. `text` is as written (an elided word is split: `c'était` gives `c'`
 * and `était`); `key` is the lookup form: lower case, one kind of apostrophe, `œ` spelt `oe`,
 * emoji without skin tone, hashtag without `#`.
 */
export interface FrenchToken {
  text: string;
  key: string;
  type: FrenchTokenType;
  /** 0-based index of the sentence it belongs to. */
  sentence: number;
  /** Whether whitespace separates it from the previous token. */
  spaceBefore: boolean;
  /** UTF-16 offset of its first character in the text that was read (spans of other stages map onto tokens by it). */
  start: number;
  /**
   * A number for the token's key as read from one of wink's lexemes: tokens with the same `keyId`
   * have the same `key` (the whole word, or one half of an elision, of one lexeme), so a later
   * stage can keep what it works out from a key in an array indexed by it instead of a map of
   * keys. -1 when the token was put together here (a hashtag or compound glued back, an emoticon,
   * a word with a ligature): such a key is looked up as it is.
   */
  keyId: number;
}

/** A sentence as a range of token indices, `start` inclusive, `end` exclusive. */
export interface SentenceSpan {
  start: number;
  end: number;
}

/** The tokens of one text and its sentences, read once and shared by the sentiment and stance stages. */
export interface FrenchText {
  tokens: FrenchToken[];
  sentences: SentenceSpan[];
}

/** A sentence with its tokens and its text rebuilt from them (single spaces). */
export interface FrenchSentence {
  text: string;
  tokens: FrenchToken[];
}

const WINK_TYPES: Record<string, FrenchTokenType> = {
  word: 'word',
  shortForm: 'word',
  alpha: 'word',
  apos: 'word',
  emoji: 'emoji',
  emoticon: 'emoticon',
  url: 'url',
  email: 'url',
  mention: 'mention',
  hashtag: 'hashtag',
  number: 'number',
  ordinal: 'number',
  decade: 'number',
  time: 'number',
  punctuation: 'punctuation',
  symbol: 'symbol',
  currency: 'symbol',
};

/**
 * wink's English tokenizer cuts words at `œ` and `æ` (`cœur` -> `c` + `œ` + `ur`). It keeps
 * Latin-1 letters inside words, so it reads a copy of the text where each ligature is replaced by
 * one such letter (same length, same offsets); token texts are then taken from the real text.
 */
const LIGATURES = /[œŒæÆ]/g;
const LIGATURE_STAND_IN: Record<string, string> = { œ: 'ö', Œ: 'Ö', æ: 'ä', Æ: 'Ä' };

/** Quotation marks that wink types as unknown: they are punctuation (clause boundaries for the rules). */
const QUOTATION_MARKS = new Set(['«', '»', '‹', '›', '„']);

/**
 * `QUOTATION_MARKS.has(value)`, asked of every token: all the marks are one character, so a
 * longer token is answered without hashing it.
 */
function isQuotationMark(value: string): boolean {
  return value.length === 1 && QUOTATION_MARKS.has(value);
}

/**
 * `normalizeKey` of a token that is not a word (punctuation, symbols, numbers, ...). Most are
 * ASCII without capitals or backtick (`,` `.` `2023`), whose key is the token itself: answered by
 * looking at the characters instead of running normalizeKey's regular expression and lower-casing.
 */
function otherKey(value: string): string {
  for (let k = 0; k < value.length; k++) {
    const code = value.charCodeAt(k);
    if (code >= 0x80 || code === 0x60 || (code >= 0x41 && code <= 0x5a)) return normalizeKey(value);
  }
  return value;
}

/** What {@link normalizeSpaces} or the ligature stand-ins would change: most texts have none of it and skip both. */
const SPACES_OR_LIGATURES = /[\u00A0\u202F\u2009\u2007œŒæÆ]/;

/** Emoticons that wink's English tokenizer cuts in two (`^^`, `=)`, `=D`): glued back when written without spaces. */
const SPLIT_EMOTICON = /^(?:\^\^|\^_\^|\^\^'|[=:;8][-'^o]?[()[\]DPpOo/\\|*3]|<\/?3|-_-|[oO]_[oO]|[tT]_[tT])$/;

/** The joiner of emoji sequences (`🤷` + `‍` + `♀`): wink gives it as a token of its own. */
const ZERO_WIDTH_JOINER = '\u200D';

/** What is left of an emoji or `unk` token once modifiers are gone (a lone `🏼` or `️` becomes empty). */
function emojiKey(text: string): string {
  return stripEmojiModifiers(text);
}

/** Punctuation that ends a sentence when whitespace or the end of the text follows it (an ellipsis does not: `bon… on verra`). */
const SENTENCE_END = new Set(['.', '!', '?']);
/** Closing marks that stay with the sentence they close, spaced or not (`« Bof. »`, `(vraiment !)`). */
const CLOSING = new Set(['»', '”', ')', ']']);
/** Marks that close a sentence only when glued to its end (`"Non."`); spaced, a `"` opens the next one. */
const GLUED_CLOSING = new Set(['"', "'", '.', '!', '?']);

/** How a word token of wink is read: its lookup key, or its two words when it carries an elision. */
interface WordReading {
  key: string;
  elision: [text: string, key: string, text: string, key: string] | null;
}

/**
 * `key` itself, or `text` when they are equal: a word written in lower case then has the same
 * string as text and key, and the later `token.text === token.key` tests (most words) compare
 * one reference instead of their characters.
 */
function sameOr(text: string, key: string): string {
  return key === text ? text : key;
}

/** How a word token is read (once per wink lexeme: see {@link TokenReading}). */
function readWord(value: string): WordReading {
  const parts = splitElision(value);
  return parts === null
    ? { key: sameOr(value, normalizeKey(value)), elision: null }
    : { key: '', elision: [parts[0], sameOr(parts[0], normalizeKey(parts[0])), parts[1], sameOr(parts[1], normalizeKey(parts[1]))] };
}

/**
 * What `readFrench` makes of a token of wink, as far as it depends on the token's text and wink's
 * type alone. Worked out once per wink lexeme (kept with it, see `wink-read.ts`): the type
 * mapping, the lookup key (a word's normalisation and elision split) and the sentence marks used
 * to be asked token by token (a map of word readings, two sets, a type table).
 */
export interface TokenReading {
  /** wink's type is `tabCRLF` (a tab or line break: not a token of ours). */
  breaking: boolean;
  /** A `tabCRLF` holding a line break: it closes the sentence. */
  newLine: boolean;
  /** The French type (wink's folded, quotation marks as punctuation). */
  type: FrenchTokenType;
  /**
   * The lookup key: an emoji's or unknown token's without modifiers ('' when nothing is left),
   * a word's ({@link readWord}), a hashtag's without `#`, an emoticon's in lower case, else
   * {@link otherKey}.
   */
  key: string;
  /** A word's two words when it carries an elision. */
  elision: WordReading['elision'];
  /** The zero-width joiner. */
  joiner: boolean;
  /** In {@link CLOSING}. */
  closing: boolean;
  /** In {@link GLUED_CLOSING}. */
  gluedClosing: boolean;
  /** Punctuation in {@link SENTENCE_END}. */
  sentenceEnd: boolean;
  /** The `keyId` of a token of this reading (see {@link FrenchToken.keyId}); an elision's two words have the next two. */
  keyId: number;
}

/** How many `keyId`s a lexeme has: its whole word's and its elision's two words'. */
const KEYS_PER_LEXEME = 3;

/** The {@link TokenReading} of a token of text `value`, wink type `winkType`, of lexeme `lexemeId` (-1: not its lexeme's text). */
function tokenReading(value: string, winkType: string, lexemeId: number): TokenReading {
  const breaking = winkType === 'tabCRLF';
  const type = isQuotationMark(value) ? 'punctuation' : (WINK_TYPES[winkType] ?? 'other');
  let key: string;
  let elision: WordReading['elision'] = null;
  if (breaking) key = value;
  else if (type === 'emoji' || type === 'other') key = emojiKey(value);
  else if (type === 'word') {
    const reading = readWord(value);
    key = reading.key;
    elision = reading.elision;
  } else if (type === 'hashtag') key = normalizeKey(value.slice(1));
  else key = type === 'emoticon' ? value.toLowerCase() : otherKey(value);
  return {
    breaking,
    newLine: breaking && value.includes('\n'),
    type,
    key,
    elision,
    joiner: value === ZERO_WIDTH_JOINER,
    closing: CLOSING.has(value),
    gluedClosing: GLUED_CLOSING.has(value),
    sentenceEnd: type === 'punctuation' && SENTENCE_END.has(value),
    keyId: lexemeId < 0 ? -1 : KEYS_PER_LEXEME * lexemeId,
  };
}

/** The `keyId` of half `half` (1 or 2) of an elision whose reading is `reading`. */
function elisionKeyId(reading: TokenReading, half: number): number {
  return reading.keyId < 0 ? -1 : reading.keyId + half;
}

/** The reading of token `i`: its lexeme's (memoised there), or one of its own when its text is not the lexeme's (ligatures put back). */
function readingAt(lexemes: readonly WinkLexeme[], values: readonly string[], i: number): TokenReading {
  const lexeme = lexemes[i];
  if (values[i] !== lexeme.value) return tokenReading(values[i], lexeme.type, -1);
  return (lexeme.reading ??= tokenReading(lexeme.value, lexeme.type, lexeme.id));
}

/**
 * Reads a French text into tokens and sentences with wink-nlp, then normalises what wink's
 * English model gets wrong for French: elisions split (both `'` and `’`), no-break spaces as
 * spaces, skin-tone modifiers and variation selectors dropped, hashtags with accents glued back,
 * emoticons cut in two glued back, hyphenated compounds kept whole.
 *
 * Sentences are cut here, not by wink: wink runs with no pipe at all (tokenization only, about
 * twice as fast as with its sentence detector, whose English rules know no French anyway). A
 * sentence ends after `.`, `!` or `?` (or a run of them, with any closing quote or bracket)
 * followed by whitespace, and at every line break (comments separate thoughts by lines more
 * than by full stops). wink keeps abbreviations such as `M.` and `etc.` as one word token, so
 * they do not end a sentence.
 */
export function readFrench(text: string): FrenchText {
  const prepared = prepareForWink(text);
  return frenchFromWink(prepared, readWink(prepared.forWink));
}

/**
 * {@link readFrench} of each text, with wink reading runs of them as one document (see
 * `readWinkTexts`): the same tokens and sentences, for less of wink's setting up per text.
 */
export function readFrenchTexts(texts: readonly string[]): FrenchText[] {
  const prepared = texts.map(prepareForWink);
  const readings = readWinkTexts(prepared.map((text) => text.forWink));
  return prepared.map((text, k) => frenchFromWink(text, readings[k]));
}

/** A text as wink is given it. */
interface PreparedText {
  /** The text with French spaces made plain. */
  spaced: string;
  /** `spaced` with ligatures stood in for, when it has some (else `spaced` itself). */
  forWink: string;
  hasLigature: boolean;
}

function prepareForWink(text: string): PreparedText {
  const rewrite = SPACES_OR_LIGATURES.test(text);
  const spaced = rewrite ? normalizeSpaces(text) : text;
  LIGATURES.lastIndex = 0;
  const hasLigature = rewrite && LIGATURES.test(spaced);
  return { spaced, forWink: hasLigature ? spaced.replace(LIGATURES, (ch) => LIGATURE_STAND_IN[ch]) : spaced, hasLigature };
}

/** The French tokens and sentences of a text from wink's reading of it. */
function frenchFromWink(text: PreparedText, reading: WinkReading): FrenchText {
  let { lexemes, gaps } = reading;
  let values = lexemes.map((lexeme) => lexeme.value);
  if (text.hasLigature) {
    // Same lengths: each token's text is read back from the real text at its offset.
    const spaced = text.spaced;
    let at = 0;
    for (let i = 0; i < values.length; i++) {
      at += gaps[i];
      values[i] = spaced.slice(at, at + values[i].length);
      at += values[i].length;
    }
  }
  if (holdsSplitDots(values, gaps)) ({ lexemes, gaps, values } = withDotsJoined(lexemes, gaps, values));

  const tokens: FrenchToken[] = [];
  const sentences: SentenceSpan[] = [];
  let sentence = 0;
  let sentenceStart = 0;
  /** A sentence-ending mark was read: the sentence closes before the next token that is not punctuation glued to it. */
  let ending = false;
  let offset = 0;
  /** A zero-width joiner was just read: the next emoji glued to it belongs to the emoji before it. */
  let joining = false;
  // No closures over the loop's state (they would keep `sentence`, `ending`, ... in a heap context
  // read on every token): `closeSentence` below returns where the next sentence starts, and
  // `sentence` is always `sentences.length`.

  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    const reading = readingAt(lexemes, values, i);
    const gap = gaps[i];
    const spaceBefore = gap !== 0;
    const start = offset + gap;
    offset = start + value.length;
    if (reading.breaking) {
      if (reading.newLine) {
        ending = false;
        sentenceStart = closeSentence(tokens, sentences, sentenceStart);
        sentence = sentences.length;
      }
      continue;
    }
    if (ending && !reading.closing && (spaceBefore || !reading.gluedClosing)) {
      ending = false;
      sentenceStart = closeSentence(tokens, sentences, sentenceStart);
      sentence = sentences.length;
    }
    const type = reading.type;
    if (type === 'emoji' || type === 'other') {
      const key = reading.key;
      if (key === '') {
        if (reading.joiner) joining = true;
        continue;
      }
      const previous = tokens[tokens.length - 1];
      if (joining && !spaceBefore && previous !== undefined && previous.type === 'emoji' && previous.sentence === sentence) {
        // wink cuts a ZWJ sequence (`🤷🏻‍♀️`, `👨‍💻`) at each joiner: the parts after a joiner only say
        // who makes the gesture, so the sequence keeps the meaning (and key) of its first emoji.
        joining = false;
        previous.text += key;
        continue;
      }
      joining = false;
      tokens.push(makeToken(key, key, type, sentence, spaceBefore, start, reading.keyId));
      continue;
    }
    joining = false;
    if (type === 'word') {
      const parts = reading.elision;
      if (parts !== null) {
        tokens.push(makeToken(parts[0], parts[1], 'word', sentence, spaceBefore, start, elisionKeyId(reading, 1)));
        tokens.push(makeToken(parts[2], parts[3], 'word', sentence, false, start + parts[0].length, elisionKeyId(reading, 2)));
        continue;
      }
      const previous = tokens[tokens.length - 1];
      if (!spaceBefore && previous !== undefined && previous.type === 'hashtag' && previous.sentence === sentence) {
        // wink's hashtag pattern stops at the first accented letter: `#génial` comes as `#g` + `énial`.
        previous.text += value;
        previous.key = normalizeKey(previous.text.slice(1));
        previous.keyId = -1;
        continue;
      }
      tokens.push(makeToken(value, reading.key, 'word', sentence, spaceBefore, start, reading.keyId));
      continue;
    }
    if (value === '-' && !spaceBefore && i + 1 < values.length && gaps[i + 1] === 0 && lexemes[i + 1].type === 'word') {
      const previous = tokens[tokens.length - 1];
      if (previous !== undefined && previous.type === 'word' && previous.sentence === sentence) {
        // A hyphenated compound (`sous-traiter`, `week-end`, `États-Unis`) is one French word; wink cuts it in three.
        previous.text += '-' + values[i + 1];
        previous.key = normalizeKey(previous.text);
        previous.keyId = -1;
        offset += values[i + 1].length;
        i += 1;
        continue;
      }
    }
    if ((type === 'symbol' || type === 'punctuation') && (spaceBefore || i === 0 || lexemes[i - 1].type === 'tabCRLF')) {
      // An emoticon starts after whitespace; try gluing the next one or two tokens.
      const glued = glueEmoticon(values, lexemes, gaps, i);
      if (glued !== null) {
        tokens.push(makeToken(glued.text, glued.text.toLowerCase(), 'emoticon', sentence, spaceBefore, start, -1));
        for (let j = i + 1; j <= glued.last; j++) offset += values[j].length;
        i = glued.last;
        continue;
      }
    }
    tokens.push(makeToken(value, reading.key, type, sentence, spaceBefore, start, reading.keyId));
    if (reading.sentenceEnd) ending = true;
  }
  closeSentence(tokens, sentences, sentenceStart);
  return { tokens, sentences };
}

/** True when `value` is one or more full stops (`.`, `..`, `...`). */
function isDots(value: string): boolean {
  for (let k = 0; k < value.length; k++) if (value.charCodeAt(k) !== 0x2e) return false;
  return value.length > 0;
}

/** True when two tokens of dots follow each other with no space between them. */
function holdsSplitDots(values: readonly string[], gaps: readonly number[]): boolean {
  for (let i = 1; i < values.length; i++) if (gaps[i] === 0 && isDots(values[i]) && isDots(values[i - 1])) return true;
  return false;
}

/**
 * The tokens with every run of dots put back into one token. wink splits the dots after a word
 * it meets for the first time (`s'achète...` → `s'achète` `.` `..`) but keeps them whole once it
 * knows the word (`s'achète` `...`): wink's table of words grows as it reads, so without this a
 * text would read differently, `.` ending a sentence, according to what was read before it (in
 * the labelled threads, 4 of 5,458 comments). A joined run keeps its first token's lexeme; its
 * text differs from the lexeme's, so it gets a reading of its own (see {@link readingAt}).
 */
function withDotsJoined(lexemes: readonly WinkLexeme[], gaps: readonly number[], values: readonly string[]): { lexemes: WinkLexeme[]; gaps: number[]; values: string[] } {
  const joined = { lexemes: [] as WinkLexeme[], gaps: [] as number[], values: [] as string[] };
  for (let i = 0; i < values.length; i++) {
    const last = joined.values.length - 1;
    if (last >= 0 && gaps[i] === 0 && isDots(values[i]) && isDots(joined.values[last])) {
      joined.values[last] += values[i];
      continue;
    }
    joined.lexemes.push(lexemes[i]);
    joined.gaps.push(gaps[i]);
    joined.values.push(values[i]);
  }
  return joined;
}

/** A token (one object shape for all). */
function makeToken(text: string, key: string, type: FrenchTokenType, sentence: number, spaceBefore: boolean, start: number, keyId: number): FrenchToken {
  return { text, key, type, sentence, spaceBefore, start, keyId };
}

/**
 * Closes the sentence that starts at token `sentenceStart`, if it has tokens; returns where the
 * next sentence starts (the sentence count is `sentences.length`).
 */
function closeSentence(tokens: readonly FrenchToken[], sentences: SentenceSpan[], sentenceStart: number): number {
  if (tokens.length === sentenceStart) return sentenceStart;
  sentences.push({ start: sentenceStart, end: tokens.length });
  return tokens.length;
}

/** `^` `^` or `=` `)` written without spaces: the emoticon they form, if any, and the last token used. */
function glueEmoticon(values: readonly string[], lexemes: readonly WinkLexeme[], gaps: readonly number[], first: number): { text: string; last: number } | null {
  let text = values[first];
  for (let j = first + 1; j < values.length && j <= first + 2; j++) {
    if (gaps[j] !== 0 || !(lexemes[j].type === 'symbol' || lexemes[j].type === 'punctuation')) return null;
    text += values[j];
    if (SPLIT_EMOTICON.test(text) && (j + 1 >= values.length || gaps[j + 1] !== 0 || lexemes[j + 1].type === 'tabCRLF')) {
      return { text, last: j };
    }
  }
  return null;
}

/**
 * The token keys of a phrase of a lexicon or rule list (`voué à l'échec` -> voué, à, l', échec).
 * A phrase that ends with an elided word (`en dépit d'`, `pas mal d'`) keeps it as one key, as
 * it is read inside a text (wink alone would cut the apostrophe off).
 */
export function phraseKeys(phrase: string): string[] {
  const elided = phrase.endsWith("'") || phrase.endsWith('’');
  const keys = readFrench(elided ? `${phrase}x` : phrase).tokens.map((token) => token.key);
  if (elided) keys.pop();
  return keys;
}

/** The tokens of a French text (see {@link readFrench} for the normalisation). */
export function frenchTokens(text: string): FrenchToken[] {
  return readFrench(text).tokens;
}

/** Rebuilds a sentence's text from its tokens: one space where the input had whitespace. */
export function sentenceText(tokens: readonly FrenchToken[], span: SentenceSpan): string {
  let text = '';
  for (let i = span.start; i < span.end; i++) {
    const token = tokens[i];
    text += i > span.start && token.spaceBefore ? ' ' + token.text : token.text;
  }
  return text;
}

/** The sentences of a French text, each with its tokens and its text. */
export function frenchSentences(text: string): FrenchSentence[] {
  const { tokens, sentences } = readFrench(text);
  return sentences.map((span) => ({ text: sentenceText(tokens, span), tokens: tokens.slice(span.start, span.end) }));
}
