/**
 * Words for comparing passages across comments: lower case, accents folded, apostrophes and
 * punctuation as separators, so `l’équipe`, `l'equipe` and `L'ÉQUIPE` are the same two words and
 * a quote retyped with other apostrophes or capitals still matches its source.
 *
 * This runs on every comment (quote index, continuation), so a {@link WordScan} turns a text
 * straight into 32-bit word hashes in one pass over its char codes, with a folding table built
 * once and buffers reused between texts: no word strings, no Unicode normalisation per word.
 */

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

/** Other non-ASCII code units seen so far: letters or digits? (a cache of one regex test each) */
const otherIsWordChar = new Map<number, boolean>();

const SEPARATOR = 0;
const ASCII_LETTER = 1;
const DIGIT = 2;
const FOLDED = 3;
const OTHER_LETTER = 4;
const COMBINING_MARK = 5;

/** The class of every code unit below {@link FOLD_LAST}, looked up instead of tested per character. */
const LOW_CLASS = new Uint8Array(FOLD_LAST + 1);

function classify(code: number): number {
  if (code <= FOLD_LAST) return LOW_CLASS[code];
  return classifyHigh(code);
}

function classifyLow(code: number): number {
  if (code < 0x80) {
    if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) return ASCII_LETTER;
    return code >= 48 && code <= 57 ? DIGIT : SEPARATOR;
  }
  if (code >= FOLD_FIRST && code <= FOLD_LAST) return LATIN_FOLD[code - FOLD_FIRST] === '' ? SEPARATOR : FOLDED;
  return classifyHigh(code);
}

function classifyHigh(code: number): number {
  if (code >= 0x300 && code <= 0x36f) return COMBINING_MARK;
  if (code >= 0xd800 && code <= 0xdfff) return SEPARATOR; // astral symbols (emoji) are not words
  let known = otherIsWordChar.get(code);
  if (known === undefined) {
    known = LETTER_OR_DIGIT.test(String.fromCharCode(code));
    otherIsWordChar.set(code, known);
  }
  return known ? OTHER_LETTER : SEPARATOR;
}

for (let code = 0; code <= FOLD_LAST; code++) LOW_CLASS[code] = classifyLow(code);

/**
 * The words of one text as hashes, in order. `scan` refills the same buffers: read `count`,
 * `hashes`, `lengths` and `digitsOnly` before scanning the next text.
 */
export class WordScan {
  count = 0;
  hashes = new Int32Array(64);
  /** Folded length of each word, capped at 255. */
  lengths = new Uint8Array(64);
  /** 1 when the word is made of digits only. */
  digitsOnly = new Uint8Array(64);

  /** Scans `text` (or its first `maxWords` words) and returns this scan. */
  scan(text: string, maxWords = Infinity): this {
    this.count = 0;
    let hash = FNV_OFFSET;
    let length = 0;
    let digits = true;
    for (let i = 0; i <= text.length; i++) {
      const code = i < text.length ? text.charCodeAt(i) : 32;
      const kind = classify(code);
      if (kind === SEPARATOR) {
        if (length > 0) {
          this.push(hash, length, digits);
          if (this.count >= maxWords) return this;
          hash = FNV_OFFSET;
          length = 0;
          digits = true;
        }
        continue;
      }
      if (kind === COMBINING_MARK) continue;
      if (kind !== DIGIT) digits = false;
      if (kind === FOLDED) {
        const folded = LATIN_FOLD[code - FOLD_FIRST];
        for (let k = 0; k < folded.length; k++) hash = imul(hash ^ folded.charCodeAt(k), FNV_PRIME);
        length += folded.length;
      } else {
        const lower = kind === ASCII_LETTER ? code | 0x20 : kind === OTHER_LETTER ? text[i].toLowerCase().charCodeAt(0) : code;
        hash = imul(hash ^ lower, FNV_PRIME);
        length++;
      }
    }
    return this;
  }

  private push(hash: number, length: number, digits: boolean): void {
    if (this.count === this.hashes.length) {
      const grow = <T extends Int32Array | Uint8Array>(old: T, fresh: T): T => {
        fresh.set(old);
        return fresh;
      };
      this.hashes = grow(this.hashes, new Int32Array(this.count * 2));
      this.lengths = grow(this.lengths, new Uint8Array(this.count * 2));
      this.digitsOnly = grow(this.digitsOnly, new Uint8Array(this.count * 2));
    }
    this.hashes[this.count] = hash;
    this.lengths[this.count] = length < 255 ? length : 255;
    this.digitsOnly[this.count] = digits ? 1 : 0;
    this.count++;
  }
}

/** The hashes of the words of `text` (a convenience for tables built once, such as cue lists). */
export function wordHashes(text: string): number[] {
  const scan = new WordScan().scan(text);
  return Array.from(scan.hashes.subarray(0, scan.count));
}
