/**
 * The words the learned models read, cut by hand rather than by a regular expression: with
 * Unicode letter classes (`\p{L}`), the expression took 8 µs a comment, as long as the rest of
 * the label models together. The definition is the expression's (tested against it):
 * `[?!][\p{L}\p{N}]*['’]?|[\p{L}\p{N}]+['’]?|['’]` over the lower-cased NFC text, ’ written '.
 */

/** Per UTF-16 unit of the basic plane: 0 not yet known, 1 letter or digit, 2 anything else. */
const CLASS = new Uint8Array(0x10000);
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

function isLetterOrDigit(char: string, code: number): boolean {
  if (code < 0x10000) {
    let kind = CLASS[code];
    if (kind === 0) CLASS[code] = kind = LETTER_OR_DIGIT.test(char) ? 1 : 2;
    return kind === 1;
  }
  return LETTER_OR_DIGIT.test(char);
}

const QUESTION = 0x3f, EXCLAMATION = 0x21, APOSTROPHE = 0x27, RIGHT_QUOTE = 0x2019;

/**
 * The words of a text for the word features: lower case, elisions split after the apostrophe
 * (`l'`, `qu'`, with ’ written '), `?` and `!` opening words of their own.
 */
export function featureWords(text: string): string[] {
  const lowered = text.toLowerCase().normalize('NFC');
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i < lowered.length; ) {
    const code = lowered.codePointAt(i) as number;
    const width = code > 0xffff ? 2 : 1;
    if (code === QUESTION || code === EXCLAMATION) {
      if (start >= 0) words.push(lowered.slice(start, i));
      start = i;
    } else if (code === APOSTROPHE || code === RIGHT_QUOTE) {
      // The apostrophe ends its word: `l'` of `l'équipe`.
      words.push(`${start >= 0 ? lowered.slice(start, i) : ''}'`);
      start = -1;
    } else if (isLetterOrDigit(width === 1 ? lowered[i] : lowered.slice(i, i + 2), code)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      words.push(lowered.slice(start, i));
      start = -1;
    }
    i += width;
  }
  if (start >= 0) words.push(lowered.slice(start));
  return words;
}

/**
 * How many pieces `text.split(/\s+/)` makes, without making them: one more than the runs of
 * white space (JavaScript's `\s`, so a text that starts or ends with a space counts an empty piece).
 */
export function spaceSeparatedCount(text: string): number {
  let count = 1;
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (space && !inSpace) count++;
    inSpace = space;
  }
  return count;
}

/** JavaScript's `\s`: ASCII white space, no-break spaces, the Unicode space separators, line and paragraph separators, BOM. */
function isSpace(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}
