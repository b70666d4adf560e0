/**
 * Words for comparing passages across comments: lower case, accents folded, apostrophes and
 * punctuation as separators, so `l’équipe`, `l'equipe` and `L'ÉQUIPE` are the same two words and
 * a quote retyped with other apostrophes or capitals still matches its source.
 *
 * This runs on every comment (quote index, continuation), so a {@link WordScan} turns a text
 * straight into 32-bit word hashes in one pass over its char codes, with a folding table built
 * once and buffers reused between texts: no word strings, no Unicode normalisation per word.
 */

import { grown } from '../growable.js';
import { isSpaceCode } from '../parse/spaces.js';

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
/**
 * `Math.imul` read once: the scan calls it per character, and a global lookup per call costs
 * ~300 ns inside a vm context (jest's test environment): 20 times slower tests on large threads.
 */
const imul = Math.imul;
const FOLD_FIRST = 0xc0;
const FOLD_LAST = 0x24f;
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** Folded form of each Latin-1 / Latin Extended letter (`é` → `e`); '' for non-letters. */
const LATIN_FOLD: string[] = [];
for (let code = FOLD_FIRST; code <= FOLD_LAST; code++) {
  const char = String.fromCharCode(code);
  LATIN_FOLD.push(LETTER_OR_DIGIT.test(char) ? char.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '') : '');
}

const SEPARATOR = 0;
const ASCII_LETTER = 1;
const DIGIT = 2;
const FOLDED = 3;
const OTHER_LETTER = 4;
const COMBINING_MARK = 5;

/** The class of a code unit, as the word rule defines it (see {@link UNIT_OF} for the fast form). */
function classify(code: number): number {
  if (code < 0x80) {
    if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) return ASCII_LETTER;
    return code >= 48 && code <= 57 ? DIGIT : SEPARATOR;
  }
  if (code >= FOLD_FIRST && code <= FOLD_LAST) return LATIN_FOLD[code - FOLD_FIRST] === '' ? SEPARATOR : FOLDED;
  if (code >= 0x300 && code <= 0x36f) return COMBINING_MARK;
  if (code >= 0xd800 && code <= 0xdfff) return SEPARATOR; // astral symbols (emoji) are not words
  return LETTER_OR_DIGIT.test(String.fromCharCode(code)) ? OTHER_LETTER : SEPARATOR;
}

/** {@link UNIT_OF} entries that are not a code unit to hash. */
const UNKNOWN = -1;
const NOT_WORD = -2;
const MARK = -3;
const SEVERAL_UNITS = -4;

/**
 * What each UTF-16 code unit adds to a word, looked up once per character instead of classified:
 * the one (folded, lower-case) code unit it hashes as; {@link NOT_WORD} for a separator;
 * {@link MARK} for a combining mark (skipped); {@link SEVERAL_UNITS} for a letter folding to more
 * than one (`ǆ` → `dz`, read from {@link LATIN_FOLD}); {@link UNKNOWN} until first seen (the
 * letter test is a regex, run once per code unit). One table instead of a class lookup, then a
 * fold lookup or a `toLowerCase` string per character: scanning the 100k comment texts of the
 * synthetic thread (30M characters) went from 306 to 261 ms, fastest of 12 (the word rule itself
 * is {@link classify}, unchanged).
 */
const UNIT_OF = new Int32Array(0x10000).fill(UNKNOWN);

function unitOf(code: number): number {
  const kind = classify(code);
  if (kind === SEPARATOR) return NOT_WORD;
  if (kind === COMBINING_MARK) return MARK;
  if (kind === FOLDED) {
    const folded = LATIN_FOLD[code - FOLD_FIRST];
    return folded.length === 1 ? folded.charCodeAt(0) : SEVERAL_UNITS;
  }
  if (kind === ASCII_LETTER) return code | 0x20;
  if (kind === OTHER_LETTER) return String.fromCharCode(code).toLowerCase().charCodeAt(0);
  return code; // DIGIT
}

for (let code = 0; code <= FOLD_LAST; code++) UNIT_OF[code] = unitOf(code);

/**
 * What a scan tells of a text's lines and marks besides its words (see {@link TextLayout}): both
 * are separators, which the scan meets anyway, while reply inference looked for them in every
 * comment with an expression or a search each (lines to trim, a line feed, a question mark).
 */
const LINE_FEED = 1;
const QUESTION_MARK = 2;
const LAYOUT_ROLE = new Uint8Array(0x10000);
LAYOUT_ROLE[0x0a] = LINE_FEED;
LAYOUT_ROLE[0x3f] = QUESTION_MARK;

/**
 * What a scan saw of a text's lines and question marks: whether its lines need trimming (see
 * `unquotedOwnText` in quotes.ts) and whether it asks a question, found in the same pass as its words.
 */
export interface TextLayout {
  /** A line feed: the text has more than one line. */
  lineFeeds: boolean;
  /** Two line feeds in a row: an empty line. */
  emptyLines: boolean;
  /** White space other than a line feed beside a line feed, or at the start or end of the text. */
  spacedLineEdges: boolean;
  /** A question mark. */
  questionMark: boolean;
}

/**
 * The words of one text as hashes, in order. `scan` refills the same buffers: read `count`,
 * `hashes` and `ends` before scanning the next text.
 */
export class WordScan {
  count = 0;
  hashes = new Int32Array(64);
  /** Where each word ends in the text (the position after its last character). */
  ends = new Int32Array(64);
  /** The layout of the text scanned (of all of it only when it was scanned without a word limit). */
  readonly layout: TextLayout = { lineFeeds: false, emptyLines: false, spacedLineEdges: false, questionMark: false };

  /** Scans `text` (or its first `maxWords` words) and returns this scan. */
  scan(text: string, maxWords = Infinity): this {
    this.count = 0;
    const layout = this.layout;
    layout.lineFeeds = false;
    layout.emptyLines = false;
    layout.questionMark = false;
    layout.spacedLineEdges = text.length > 0 && (isSpaceCode(text.charCodeAt(0)) || isSpaceCode(text.charCodeAt(text.length - 1)));
    let hash = FNV_OFFSET;
    // Inside a word: a letter or digit was hashed since the last separator.
    let inWord = false;
    const end = text.length;
    for (let i = 0; i < end; i++) {
      const code = text.charCodeAt(i);
      let unit = UNIT_OF[code];
      if (unit < 0) {
        if (unit === UNKNOWN) unit = UNIT_OF[code] = unitOf(code);
        if (unit === MARK) continue;
        if (unit === NOT_WORD) {
          if (LAYOUT_ROLE[code] !== 0) this.note(text, i, LAYOUT_ROLE[code]);
          if (inWord) {
            this.push(hash, i);
            if (this.count >= maxWords) return this;
            hash = FNV_OFFSET;
            inWord = false;
          }
          continue;
        }
        if (unit === SEVERAL_UNITS) {
          const folded = LATIN_FOLD[code - FOLD_FIRST];
          for (let k = 0; k < folded.length; k++) hash = imul(hash ^ folded.charCodeAt(k), FNV_PRIME);
          inWord = true;
          continue;
        }
      }
      hash = imul(hash ^ unit, FNV_PRIME);
      inWord = true;
    }
    if (inWord) this.push(hash, end);
    return this;
  }

  /** Records in {@link layout} what the separator at `i` (of layout role `role`) tells. */
  private note(text: string, i: number, role: number): void {
    const layout = this.layout;
    if (role === LINE_FEED) {
      layout.lineFeeds = true;
      if (i + 1 < text.length) {
        const next = text.charCodeAt(i + 1);
        if (next === 0x0a) layout.emptyLines = true;
        else if (isSpaceCode(next)) layout.spacedLineEdges = true;
      }
      if (i > 0) {
        const previous = text.charCodeAt(i - 1);
        if (previous !== 0x0a && isSpaceCode(previous)) layout.spacedLineEdges = true;
      }
    } else layout.questionMark = true;
  }

  private push(hash: number, end: number): void {
    if (this.count === this.hashes.length) {
      const needed = this.count + 1;
      this.hashes = grown(this.hashes, needed);
      this.ends = grown(this.ends, needed);
    }
    this.hashes[this.count] = hash;
    this.ends[this.count] = end;
    this.count++;
  }
}

/** The hashes of the words of `text` (a convenience for tables built once, such as cue lists). */
export function wordHashes(text: string): number[] {
  const scan = new WordScan().scan(text);
  return Array.from(scan.hashes.subarray(0, scan.count));
}
