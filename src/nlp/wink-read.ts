/**
 * What the French reading takes from wink-nlp for one text: each token's text, wink's token type,
 * and how many characters of whitespace precede it.
 */
import type { TokenReading } from './tokens.js';
import { wink } from './wink.js';
import { DenseTable } from '../dense-table.js';

/** wink's tokens of one text, in order: one entry per token in each column. */
export interface WinkColumns {
  /** The token as wink gives it (`its.value`). */
  values: string[];
  /** wink's token type (`its.type`): `word`, `punctuation`, `tabCRLF`, ... */
  types: string[];
  /** The length of the whitespace before it (`its.precedingSpaces`, as a length). */
  gaps: number[];
}

/** wink's tokens of one text as {@link readWink} gives them: each token's lexeme, and its gap. */
export interface WinkReading {
  lexemes: WinkLexeme[];
  /** The length of the whitespace before each token (`its.precedingSpaces`, as a length). */
  gaps: number[];
}

/** wink's tokens, as collections of it (the type `readDoc(...).tokens()` returns). */
export type WinkTokens = ReturnType<ReturnType<ReturnType<typeof wink>['readDoc']>['tokens']>;

/**
 * The value and type of one lexeme of wink. wink gives both as a function of the token's lexeme
 * (`its.value` and `its.type` read its entry in wink's lexicon, entries are only ever appended),
 * so they are the same for every token with the same `its.uniqueId`.
 */
export interface WinkLexeme {
  /** wink's `its.uniqueId` (the lexeme's index in wink's lexicon: the same for every token of it). */
  id: number;
  /** `its.value`. */
  value: string;
  /** `its.type`. */
  type: string;
  /** How `readFrench` reads a token of this lexeme, worked out on its first use (see `tokens.ts`). */
  reading: TokenReading | undefined;
}

/**
 * Lexemes by wink's `uniqueId`, which is an index into wink's lexicon (dense, from 0): an array
 * indexed by it instead of a map saves hashing the id per token (with {@link holdsAt}: the French
 * reading of the 10k-comment synthetic page's texts 400 -> 385 ms of CPU). Emptied at 200,000
 * lexemes (see {@link DenseTable}).
 */
const lexemeTable = new DenseTable<WinkLexeme>(200_000);

/**
 * The characters wink's tokenizer splits on as spaces (its `splitter`, besides line breaks and
 * tabs, which are tokens): the runs of them it counts as a token's preceding spaces.
 */
function isWinkSpace(code: number): boolean {
  return code === 0x20 || code === 0xa0 || (code >= 0x2002 && code <= 0x2005) || code === 0x2009 || code === 0x200a || code === 0x202f || code === 0x205f;
}

/**
 * wink caps a run of plain spaces at this length (longer runs are reported shorter): a gap this
 * long is left to wink's own count.
 */
const MAX_PLAIN_GAP = 65534;

/** The lexeme of token `i` of a doc whose `uniqueId`s are `ids`, from the table (asked of wink on its first sight). */
function lexemeAt(tokens: WinkTokens, ids: readonly number[], i: number): WinkLexeme {
  const id = ids[i];
  return lexemeTable.get(id) ?? newLexeme(tokens, i, id);
}

/** The lexeme of token `i` (of id `id`) asked of wink, and kept in the table. */
function newLexeme(tokens: WinkTokens, i: number, id: number): WinkLexeme {
  const its = wink().its;
  const token = tokens.itemAt(i);
  const lexeme: WinkLexeme = { id, value: token.out(its.value) as string, type: token.out(its.type) as string, reading: undefined };
  lexemeTable.set(id, lexeme);
  return lexeme;
}

/**
 * wink's tokens of `text` (already normalised for wink: see `readFrench`), read with one `out`
 * call per text instead of three. Asking wink for `its.value`, `its.type` and
 * `its.precedingSpaces` of every token cost about a fifth of wink's reading (type is a packed
 * lexicon property, preceding spaces a new string per token); here wink gives each token's
 * `uniqueId`, value and type come from a table per lexeme (which also keeps what the French
 * reading makes of it), and each gap is counted in the text itself, where wink's tokens lie end to
 * end between runs of its spaces. A text where they do not (wink trims some other Unicode
 * whitespace inside a word, or gives a contraction's expansion) gets wink's own gaps: the result
 * is {@link winkColumnsOf}'s to the last character.
 */
export function readWink(text: string): WinkReading {
  return winkReadingOf(wink().readDoc(text).tokens(), text);
}

/** {@link readWink} of a document wink has read from `text` (the tests compare it with {@link winkColumnsOf} of the same document). */
export function winkReadingOf(tokens: WinkTokens, text: string): WinkReading {
  const nlp = wink();
  const ids = tokens.out(nlp.its.uniqueId) as number[];
  const lexemes = new Array<WinkLexeme>(ids.length);
  for (let i = 0; i < ids.length; i++) lexemes[i] = lexemeAt(tokens, ids, i);
  const gaps = gapsInText(text, lexemes) ?? (tokens.out(nlp.its.precedingSpaces) as string[]).map((space) => space.length);
  return { lexemes, gaps };
}

/**
 * What separates the texts of a batch in the one document wink reads: a word of wink's own English
 * lexicon on a line of its own, so reading it adds nothing to wink's table of words (wink's
 * splitting of later words depends on the words it has met: see {@link readWinkTexts}), and a
 * text that holds it is read alone. `readJoined` finds the texts' tokens between its tokens.
 */
export const SENTINEL = 'quixotic';
const SEPARATOR = `\n${SENTINEL}\n`;

/** A tab or line break: wink makes a run of them one token, so a text that starts or ends with one is not joined to its neighbour. */
function isBreak(code: number): boolean {
  return code === 0x0a || code === 0x0d || code === 0x09;
}

/** Can this text be joined to its neighbours in one document, keeping its own tokens? */
function joinable(text: string): boolean {
  return text.length > 0 && !isBreak(text.charCodeAt(0)) && !isBreak(text.charCodeAt(text.length - 1)) && !text.includes(SENTINEL);
}

/**
 * {@link readWink} of each text, in order, with one wink document for each run of texts that can
 * be joined: setting up a document (its data, its API object) cost about a tenth of wink's
 * reading of a comment. wink cuts its input at whitespace and line breaks first and reads each
 * piece on its own (no pipe runs), so a text's tokens in the joined document are the ones it gets
 * alone, with one caveat: how wink splits a piece can depend on the words it has already met
 * (`etc..` after `etc.`), so the texts are read once each, in order, as `readWink` one by one
 * would, and never read again.
 */
export function readWinkTexts(texts: readonly string[]): WinkReading[] {
  const readings: WinkReading[] = [];
  let first = 0;
  while (first < texts.length) {
    let end = first + 1;
    if (joinable(texts[first])) while (end < texts.length && joinable(texts[end])) end++;
    if (end - first === 1) readings.push(readWink(texts[first]));
    else readJoined(texts, first, end, readings);
    first = end;
  }
  return readings;
}

/**
 * Reads `texts[from..to)` (all {@link joinable}) as one wink document and appends each text's
 * reading to `readings`. Each text's tokens are those between two separators; their gaps are
 * counted in the text as {@link readWink} does, or taken from wink for a text where its tokens do
 * not lie end to end.
 */
function readJoined(texts: readonly string[], from: number, to: number, readings: WinkReading[]): void {
  const nlp = wink();
  const tokens = nlp.readDoc(texts.slice(from, to).join(SEPARATOR)).tokens();
  const ids = tokens.out(nlp.its.uniqueId) as number[];
  /** wink's own gaps of the whole document, asked only if a text needs them. */
  let winkGaps: number[] | undefined;
  let i = 0;
  for (let k = from; k < to; k++) {
    const text = texts[k];
    const first = i;
    const lexemes: WinkLexeme[] = [];
    while (i < ids.length) {
      const lexeme = lexemeAt(tokens, ids, i);
      // The separator's three tokens: a line break, the sentinel word, a line break.
      if (lexeme.value === '\n' && i + 2 < ids.length && lexemeAt(tokens, ids, i + 1).value === SENTINEL) break;
      lexemes.push(lexeme);
      i += 1;
    }
    let gaps = gapsInText(text, lexemes);
    if (gaps === null) {
      winkGaps ??= (tokens.out(nlp.its.precedingSpaces) as string[]).map((space) => space.length);
      gaps = winkGaps.slice(first, i);
    }
    readings.push({ lexemes, gaps });
    i += 3;
  }
}

/**
 * `text.startsWith(value, at)`, compared character by character: a token is a few characters,
 * fewer than the built-in's call costs (its calls were the larger part of {@link gapsInText}'s profile).
 */
function holdsAt(text: string, value: string, at: number): boolean {
  if (at + value.length > text.length) return false;
  for (let k = 0; k < value.length; k++) if (text.charCodeAt(at + k) !== value.charCodeAt(k)) return false;
  return true;
}

/** The gaps before `lexemes` counted in `text`, or null when they do not lie end to end in it between runs of wink's spaces. */
function gapsInText(text: string, lexemes: readonly WinkLexeme[]): number[] | null {
  const gaps = new Array<number>(lexemes.length);
  let at = 0;
  for (let i = 0; i < lexemes.length; i++) {
    const value = lexemes[i].value;
    const start = at;
    while (at < text.length && isWinkSpace(text.charCodeAt(at))) at++;
    if (at - start > MAX_PLAIN_GAP || !holdsAt(text, value, at)) return null;
    gaps[i] = at - start;
    at += value.length;
  }
  return gaps;
}

/** The columns of wink's tokens asked of wink token by token (what {@link readWink} computes faster). */
export function winkColumnsOf(tokens: WinkTokens): WinkColumns {
  const its = wink().its;
  const spaces = tokens.out(its.precedingSpaces) as string[];
  return {
    values: tokens.out(its.value) as string[],
    types: tokens.out(its.type) as string[],
    gaps: spaces.map((space) => space.length),
  };
}

/** {@link winkColumnsOf} a text (the definition, for tests). */
export function readWinkByTokens(text: string): WinkColumns {
  return winkColumnsOf(wink().readDoc(text).tokens());
}
