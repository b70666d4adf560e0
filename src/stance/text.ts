/**
 * A small French-aware tokenizer for cue matching: words are folded (lower case, accents removed,
 * `œ` → `oe`), elisions are split by the apostrophe (`l'échalote` → `l` + `echalote`), emoji,
 * `+1` and `100 %` are tokens, URLs and @mentions are dropped. Each token knows its sentence, clause and
 * paragraph, which is all the stance stage needs; it is much cheaper than a full NLP pass and is
 * used on the same text that the sentiment stage already normalised.
 */
// Only the pure normalisation functions: the stance stage does not load the wink model.
import { foldAccents, normalizeKey } from '../nlp/normalize.js';
import { WordFlag, type Vocabulary, type Word } from './words.js';

/** One token of a text, with its place in the text's sentences, clauses and paragraphs. */
export interface CueToken {
  /** Folded form: lower case, accents removed; punctuation and emoji as written. */
  norm: string;
  /** The token as written (for case-sensitive target forms such as `CA`). */
  surface: string;
  start: number;
  end: number;
  /** 0-based ordinals within the text. */
  sentence: number;
  clause: number;
  paragraph: number;
  /** Sentence or clause punctuation (`.`, `!`, `?`, `…`, `,`, `;`, `:`). */
  punct: boolean;
  /** What the stance stage asks of `norm`, when a vocabulary was given (see `./words.ts`), else null. */
  word: Word | null;
}

/** A tokenized text with the clause spans needed to score clauses separately. */
export interface TokenizedText {
  text: string;
  tokens: CueToken[];
  /** Character span of each clause, indexed by `CueToken.clause`. */
  clauses: { start: number; end: number; sentence: number }[];
  /** The vocabulary that gave the tokens their words, when {@link CueTokenizer} made them. */
  vocabulary?: Vocabulary;
  /** With {@link vocabulary}: the `WordFlag`s of all tokens put together (see `flagsIn`). */
  wordFlags?: number;
}

/**
 * The token grammar, as one regular expression: URLs and @mentions first (skipped), then emoji
 * sequences, +N, words, punctuation; at each place the first alternative that matches wins, and
 * places where none matches are skipped. {@link scanToken} implements it by hand (see there why);
 * this is its definition, kept for the tests that check the two agree.
 */
export const TOKEN_RE =
  /(https?:\/\/\S+|www\.\S+)|(@[\p{L}\p{N}_]+)|(\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}])*)|(\+\d+|\d+ ?%)|([\p{L}\p{M}\p{N}_]+)|([.!?…]+|[,;:])/gu;

/** What {@link scanToken} found; the numbers are the capture groups of {@link TOKEN_RE}. */
export const TokenKind = {
  /** A URL or an @mention: not words of the comment. */
  Skipped: 1,
  Emoji: 3,
  /** `+1`, `100 %`. */
  Number: 4,
  Word: 5,
  Punct: 6,
} as const;
export type TokenKind = (typeof TokenKind)[keyof typeof TokenKind];

// Character classes of a code point, as bits: the sets TOKEN_RE uses.
/** `[\p{L}\p{M}\p{N}_]`: a word character. */
const WORD = 1;
/** `[\p{L}\p{N}_]`: a character of an @mention. */
const MENTION = 2;
/** `\p{Extended_Pictographic}`: an emoji base. */
const PICTOGRAPH = 4;
/** `\s`: ends a URL. */
const SPACE = 8;
/** Set once the class of a code point is known (a class may be 0). */
const KNOWN = 128;

const WORD_RE = /^[\p{L}\p{M}\p{N}_]$/u;
const MENTION_RE = /^[\p{L}\p{N}_]$/u;
const PICTOGRAPH_RE = /^\p{Extended_Pictographic}$/u;
const SPACE_RE = /^\s$/u;

/** Two line ends with only spaces between them: a blank line, so a new paragraph. */
const PARAGRAPH_BREAK = /\n[^\S\n]*\n/;

/** Classes of the code points below U+10000, filled on first sight of each; others are few. */
const bmpClasses = new Uint8Array(0x10000);
const astralClasses = new Map<number, number>();

function computeClass(codePoint: number): number {
  const char = String.fromCodePoint(codePoint);
  return (
    KNOWN |
    (WORD_RE.test(char) ? WORD : 0) |
    (MENTION_RE.test(char) ? MENTION : 0) |
    (PICTOGRAPH_RE.test(char) ? PICTOGRAPH : 0) |
    (SPACE_RE.test(char) ? SPACE : 0)
  );
}

/** The class bits of a code point (see {@link WORD}, {@link MENTION}, ...). */
function classOf(codePoint: number): number {
  if (codePoint < 0x10000) {
    let bits = bmpClasses[codePoint];
    if (bits === 0) bmpClasses[codePoint] = bits = computeClass(codePoint);
    return bits;
  }
  let bits = astralClasses.get(codePoint);
  if (bits === undefined) astralClasses.set(codePoint, (bits = computeClass(codePoint)));
  return bits;
}

/**
 * The code point at `i`, which lies inside `text` (a surrogate pair read as one, a lone surrogate
 * as itself, as the `u` flag reads them).
 */
function codePointAt(text: string, i: number): number {
  const unit = text.charCodeAt(i);
  // Outside the surrogates a code unit is its code point: no call to `String.prototype.codePointAt`
  // for an accented letter, the common case of a character beyond ASCII.
  return unit < 0xd800 || unit > 0xdfff ? unit : (text.codePointAt(i) as number);
}

/** UTF-16 length of a code point. */
function widthOf(codePoint: number): number {
  return codePoint > 0xffff ? 2 : 1;
}

function isDigit(unit: number): boolean {
  return unit >= 0x30 && unit <= 0x39;
}

/** Whether `unit` is one of `.!?…`, which run together into one sentence mark. */
function isSentenceMark(unit: number): boolean {
  return unit === 0x2e || unit === 0x21 || unit === 0x3f || unit === 0x2026;
}

/** Where {@link scanToken} found its token: `[start, end)` and its kind. */
export interface ScannedToken {
  start: number;
  end: number;
  kind: TokenKind;
  /** For a `Word` token: `wordHash` of the token as written (left over from an earlier word otherwise). */
  hash: number;
}

/** One past the last character of a run of `\S` from `i`. */
function nonSpaceEnd(text: string, i: number): number {
  // Every `\s` character is below U+10000, so code units can be tested one by one.
  while (i < text.length && (classOf(text.charCodeAt(i)) & SPACE) === 0) i += 1;
  return i;
}

/** One past the last character of a run of mention characters (`[\p{L}\p{N}_]`) from `i`. */
function mentionEnd(text: string, i: number): number {
  while (i < text.length) {
    const unit = text.charCodeAt(i);
    // ASCII: its mention characters are its word characters, letters, digits and `_`.
    if (unit < 0x80) {
      if (isAsciiWordUnit(unit)) {
        i += 1;
        continue;
      }
      return i;
    }
    const codePoint = codePointAt(text, i);
    if ((classOf(codePoint) & MENTION) === 0) return i;
    i += widthOf(codePoint);
  }
  return i;
}

// What an ASCII character is to the scanner, as bits of `asciiRoles` (one load instead of a chain
// of comparisons per character).
/** `[A-Za-z0-9_]`: the ASCII characters of `[\p{L}\p{M}\p{N}_]` (and of `[\p{L}\p{N}_]`). */
const ASCII_WORD = 1;
/** Starts a word and nothing else: a letter other than `h` and `w` (which may start a URL), or `_`. */
const ASCII_WORD_ONLY = 2;
/** May start a token other than a word: a digit, `h`, `w`, `@`, `+` or punctuation of the grammar. */
const ASCII_OTHER_START = 4;

const asciiRoles = new Uint8Array(0x80);
for (let unit = 0; unit < 0x80; unit++) {
  const letter = (unit >= 0x61 && unit <= 0x7a) || (unit >= 0x41 && unit <= 0x5a);
  const wordUnit = letter || isDigit(unit) || unit === 0x5f;
  const otherStart = isDigit(unit) || unit === 0x68 || unit === 0x77 || '@+.!?,;:'.includes(String.fromCharCode(unit));
  asciiRoles[unit] = (wordUnit ? ASCII_WORD : 0) | (wordUnit && !otherStart ? ASCII_WORD_ONLY : 0) | (otherStart ? ASCII_OTHER_START : 0);
}

/** Whether the ASCII character `unit` is a word character. */
function isAsciiWordUnit(unit: number): boolean {
  return (asciiRoles[unit] & ASCII_WORD) !== 0;
}

/**
 * The FNV-1a offset basis and prime of a word's hash: the scanner's ({@link wordEnd}) and
 * `wordHash` (`./words.ts`) must give a word the same one, so both use these.
 */
export const FNV_BASIS = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/**
 * One past the last character of the word (a run of `[\p{L}\p{M}\p{N}_]`) whose first code point,
 * `firstWidth` code units long, is at `start`; the word's `wordHash` is left in `scanned.hash`. Its
 * characters are hashed as they are read, so the stance tokenizer finds the word's entry without
 * cutting the word out of the text or reading it again (see `Vocabulary.formAt`).
 */
function wordEnd(text: string, start: number, firstWidth: number): number {
  const length = text.length;
  let hash = Math.imul(FNV_BASIS ^ text.charCodeAt(start), FNV_PRIME);
  if (firstWidth === 2) hash = Math.imul(hash ^ text.charCodeAt(start + 1), FNV_PRIME);
  let i = start + firstWidth;
  while (i < length) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) {
      if (!isAsciiWordUnit(unit)) break;
      hash = Math.imul(hash ^ unit, FNV_PRIME);
      i += 1;
      continue;
    }
    const codePoint = codePointAt(text, i);
    if ((classOf(codePoint) & WORD) === 0) break;
    hash = Math.imul(hash ^ unit, FNV_PRIME);
    if (codePoint > 0xffff) {
      hash = Math.imul(hash ^ text.charCodeAt(i + 1), FNV_PRIME);
      i += 2;
    } else i += 1;
  }
  scanned.hash = hash | 0;
  return i;
}

/**
 * Tries the alternatives of TOKEN_RE at `i`, in their order: on a match, records it in `scanned` and
 * returns its end; -1 when none matches there. `unit`, `codePoint` and `bits` describe the character at `i`.
 */
function matchAt(text: string, i: number, unit: number, codePoint: number, bits: number): number {
  const length = text.length;
  // (https?:\/\/\S+|www\.\S+)
  if (unit === 0x68 && text.startsWith('http', i)) {
    const after = text.startsWith('s://', i + 4) ? i + 8 : text.startsWith('://', i + 4) ? i + 7 : -1;
    if (after >= 0) {
      const end = nonSpaceEnd(text, after);
      if (end > after) return setScan(i, end, TokenKind.Skipped);
    }
  } else if (unit === 0x77 && text.startsWith('www.', i)) {
    const end = nonSpaceEnd(text, i + 4);
    if (end > i + 4) return setScan(i, end, TokenKind.Skipped);
  } else if (unit === 0x40 && i + 1 < length) {
    // (@[\p{L}\p{N}_]+)
    const end = mentionEnd(text, i + 1);
    if (end > i + 1) return setScan(i, end, TokenKind.Skipped);
  }
  // (\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}])*)
  if ((bits & PICTOGRAPH) !== 0) {
    let end = i + widthOf(codePoint);
    for (;;) {
      if (end >= length) break;
      const next = text.charCodeAt(end);
      if (next === 0xfe0f) end += 1;
      else if (next === 0x200d && end + 1 < length && (classOf(codePointAt(text, end + 1)) & PICTOGRAPH) !== 0) {
        end += 1 + widthOf(codePointAt(text, end + 1));
      } else {
        const tone = codePointAt(text, end);
        if (tone >= 0x1f3fb && tone <= 0x1f3ff) end += 2;
        else break;
      }
    }
    return setScan(i, end, TokenKind.Emoji);
  }
  // (\+\d+|\d+ ?%)
  if (unit === 0x2b) {
    let end = i + 1;
    while (end < length && isDigit(text.charCodeAt(end))) end += 1;
    if (end > i + 1) return setScan(i, end, TokenKind.Number);
  } else if (isDigit(unit)) {
    let end = i + 1;
    while (end < length && isDigit(text.charCodeAt(end))) end += 1;
    if (text.charCodeAt(end) === 0x25) return setScan(i, end + 1, TokenKind.Number);
    if (text.charCodeAt(end) === 0x20 && text.charCodeAt(end + 1) === 0x25) return setScan(i, end + 2, TokenKind.Number);
  }
  // ([\p{L}\p{M}\p{N}_]+)
  if ((bits & WORD) !== 0) return setScan(i, wordEnd(text, i, widthOf(codePoint)), TokenKind.Word);
  // ([.!?…]+|[,;:])
  if (isSentenceMark(unit)) {
    let end = i + 1;
    while (end < length && isSentenceMark(text.charCodeAt(end))) end += 1;
    return setScan(i, end, TokenKind.Punct);
  }
  if (unit === 0x2c || unit === 0x3b || unit === 0x3a) return setScan(i, i + 1, TokenKind.Punct);
  return -1;
}

/** The token {@link scanToken} found last (one object, reused: no allocation per token). */
const scanned: ScannedToken = { start: 0, end: 0, kind: TokenKind.Word, hash: 0 };

function setScan(start: number, end: number, kind: TokenKind): number {
  scanned.start = start;
  scanned.end = end;
  scanned.kind = kind;
  return end;
}

/**
 * The next token of `text` at or after `from`, as `TOKEN_RE.exec` would find it with `lastIndex`
 * at `from`, or undefined when none is left. The result is one shared object, overwritten by the
 * next call. Hand-written because the regular expression was most of the stance stage's
 * tokenizer: each match built an array and two strings (seventh session, 10k synthetic comments:
 * tokenizeForCues and its regular expression 19% of the stance stage's CPU time).
 */
export function scanToken(text: string, from: number): ScannedToken | undefined {
  const length = text.length;
  let i = from;
  while (i < length) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) {
      // ASCII: no pictograph, no class table to decide that a space or an apostrophe starts nothing.
      const roles = asciiRoles[unit];
      if ((roles & ASCII_WORD_ONLY) !== 0) {
        // Only a word can start here: the other alternatives need not be tried.
        setScan(i, wordEnd(text, i, 1), TokenKind.Word);
        return scanned;
      }
      if ((roles & ASCII_OTHER_START) !== 0 && matchAt(text, i, unit, unit, (roles & ASCII_WORD) !== 0 ? WORD | MENTION : 0) >= 0) return scanned;
      i += 1;
      continue;
    }
    const codePoint = codePointAt(text, i);
    if (matchAt(text, i, unit, codePoint, classOf(codePoint)) >= 0) return scanned;
    i += widthOf(codePoint);
  }
  return undefined;
}

/**
 * The first pictograph of an emoji sequence, without variation selector, skin tone or ZWJ parts:
 * `🤦🏽‍♂️` → `🤦`, so a list of markers needs only base emoji. Other strings are returned as they are.
 */
export function emojiBase(token: string): string {
  // No pictograph comes before `©` (U+00A9): words and punctuation return at once.
  if (token.length === 0 || token.charCodeAt(0) < 0xa9) return token;
  const first = token.codePointAt(0);
  if (first === undefined || !/\p{Extended_Pictographic}/u.test(String.fromCodePoint(first))) return token;
  return String.fromCodePoint(first);
}

const foldCache = new Map<string, string>();
const FOLD_CACHE_LIMIT = 200_000;

/**
 * Whether `word` is lower-case ASCII letters, digits and `_` only: already its own folded form, the
 * case of most French words, which then skip the cache (a map lookup hashes the word first).
 */
function isFoldedAscii(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (!((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === 0x5f)) return false;
  }
  return true;
}

/** Lower case, accents removed, ligatures expanded: the form cue phrases are matched on. */
export function foldWord(word: string): string {
  if (isFoldedAscii(word)) return word;
  let folded = foldCache.get(word);
  if (folded !== undefined) return folded;
  folded = foldAccents(normalizeKey(word));
  if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache.clear();
  foldCache.set(word, folded);
  return folded;
}

/**
 * Splits `text` into cue tokens. `clauseConnectors` (folded single words such as `mais`) open a
 * new clause: "Microsoft gagne, mais c'est une victoire à la Pyrrhus" has two clauses, so the
 * polarity of one is not charged to a target named in the other.
 */
export function tokenizeForCues(text: string, clauseConnectors: ReadonlySet<string> = new Set()): TokenizedText {
  const out: TokenizedText = { text, tokens: [], clauses: [] };
  splitInto(out, [], [], clauseConnectors, null);
  return out;
}

/**
 * The tokenizer of the stance stage: {@link tokenizeForCues} with the clause connectors of a
 * vocabulary, every token given its {@link Word} (one lookup by the token as written, which also
 * saves folding it), and the token and clause objects of one text reused for the next (a comment
 * has about fifty tokens: half a million objects for 10,000 comments otherwise). The result of
 * {@link tokenize} is overwritten by the next call.
 */
export class CueTokenizer {
  private readonly tokenPool: CueToken[] = [];
  private readonly clausePool: TokenizedText['clauses'] = [];
  private readonly out: TokenizedText;

  constructor(private readonly vocabulary: Vocabulary) {
    this.out = { text: '', tokens: [], clauses: [], vocabulary, wordFlags: 0 };
  }

  /** The tokens of `text`, as {@link tokenizeForCues} with the vocabulary's clause connectors finds them. */
  tokenize(text: string): TokenizedText {
    this.vocabulary.trim();
    this.out.text = text;
    splitInto(this.out, this.tokenPool, this.clausePool, null, this.vocabulary);
    return this.out;
  }
}

/**
 * Fills `out` (its `text` set) with the tokens and clauses of its text, taking token and clause
 * objects from the pools (and adding the new ones to them). Clause connectors are those of
 * `vocabulary` when given (and tokens get their words), else `clauseConnectors`.
 */
function splitInto(
  out: TokenizedText,
  tokenPool: CueToken[],
  clausePool: TokenizedText['clauses'],
  clauseConnectors: ReadonlySet<string> | null,
  vocabulary: Vocabulary | null,
): void {
  const { text, tokens, clauses } = out;
  // Tokens and clauses are written over the last text's and the lists cut to size at the end:
  // emptying a list (`length = 0`) drops its storage, which then grows again, two or three new
  // arrays per text (eighth session, 10k synthetic comments: the tokenizer's garbage 14 -> 9.5 MB).
  let count = 0;
  let sentence = 0;
  let clause = 0;
  let paragraph = 0;
  let lastEnd = 0;
  let clauseStart = 0;
  let pendingSentenceBreak = false;
  let clauseHasTokens = false;
  let wordFlags = 0;

  // The next line end at or after `lastEnd` (-1: none left): whether the gap before a token holds
  // one is a comparison, not a cut of the gap per token.
  let nextNewline = text.indexOf('\n');
  for (let found = scanToken(text, 0); found !== undefined; found = scanToken(text, lastEnd)) {
    const { start, end, kind } = found;
    const gapStart = lastEnd;
    lastEnd = end;
    if (nextNewline >= 0 && nextNewline < gapStart) nextNewline = text.indexOf('\n', gapStart);
    const newline = nextNewline >= 0 && nextNewline < start;
    if (kind === TokenKind.Skipped) continue; // URL, @mention: not words of the comment
    if (newline || pendingSentenceBreak) {
      const newParagraph = newline && PARAGRAPH_BREAK.test(text.slice(nextNewline, start));
      if (clauseHasTokens || count > 0) {
        if (clauseHasTokens) {
          addClause(clauses, clausePool, clause, clauseStart, start, sentence);
          clause += 1;
        }
        clauseHasTokens = false;
        if (count > 0) sentence += 1;
        if (newParagraph && count > 0) paragraph += 1;
      }
      pendingSentenceBreak = false;
      clauseStart = start;
    }
    const punct = kind === TokenKind.Punct;
    let surface: string;
    let norm: string;
    let word: Word | null = null;
    let connector: boolean;
    if (vocabulary !== null) {
      // A word is found by the hash the scanner made while reading it, and takes its surface from
      // the vocabulary's entry: no cut of the text and no hashing of a new string per word
      // (eighth session, 10k synthetic comments: the map lookup by the cut word was 10% of the stage).
      if (kind === TokenKind.Word) {
        const form = vocabulary.formAt(text, start, end, found.hash);
        surface = form.surface;
        word = form.word;
      } else {
        surface = text.slice(start, end);
        word = vocabulary.wordAt(surface, kind);
      }
      norm = word.norm;
      wordFlags |= word.flags;
      connector = !punct && (word.flags & WordFlag.ClauseConnector) !== 0;
    } else {
      surface = text.slice(start, end);
      norm = kind === TokenKind.Word ? foldWord(surface) : kind === TokenKind.Number ? surface.replace(' ', '') : surface;
      connector = !punct && (clauseConnectors as ReadonlySet<string>).has(norm);
    }
    if (connector && clauseHasTokens) {
      addClause(clauses, clausePool, clause, clauseStart, start, sentence);
      clause += 1;
      clauseHasTokens = false;
      clauseStart = start;
    }
    if (!clauseHasTokens) clauseStart = start;
    const reused = tokenPool[count];
    if (reused === undefined) {
      const made: CueToken = { norm, surface, start, end, sentence, clause, paragraph, punct, word };
      tokenPool.push(made);
      tokens[count++] = made;
    } else {
      reused.norm = norm;
      reused.surface = surface;
      reused.start = start;
      reused.end = end;
      reused.sentence = sentence;
      reused.clause = clause;
      reused.paragraph = paragraph;
      reused.punct = punct;
      reused.word = word;
      tokens[count++] = reused;
    }
    clauseHasTokens = true;
    if (punct) {
      // A run of `.!?…` ends a sentence; `;` and `:` end a clause; a comma ends nothing.
      const mark = text.charCodeAt(start);
      if (isSentenceMark(mark)) pendingSentenceBreak = true;
      else if (mark === 0x3b || mark === 0x3a) {
        // The clause holds this token at least.
        addClause(clauses, clausePool, clause, clauseStart, end, sentence);
        clause += 1;
        clauseHasTokens = false;
        clauseStart = end;
      }
    }
  }
  if (clauseHasTokens) addClause(clauses, clausePool, clause++, clauseStart, lastEnd, sentence);
  tokens.length = count;
  clauses.length = clause;
  if (vocabulary !== null) out.wordFlags = wordFlags;
}

/**
 * Sets clause `index` of `clauses` to `[start, end)` of sentence `sentence`, reusing an object of
 * the pool. A function of its own, not a closure in {@link splitInto}: a closure over the loop's
 * state would keep that state in a heap context, read and written there for every token.
 */
function addClause(
  clauses: TokenizedText['clauses'],
  clausePool: TokenizedText['clauses'],
  index: number,
  start: number,
  end: number,
  sentence: number,
): void {
  const reused = clausePool[index];
  if (reused === undefined) {
    const made = { start, end, sentence };
    clausePool.push(made);
    clauses[index] = made;
  } else {
    reused.start = start;
    reused.end = end;
    reused.sentence = sentence;
    clauses[index] = reused;
  }
}
