/**
 * The words the learned models read, cut by hand rather than by a regular expression: with
 * Unicode letter classes (`\p{L}`), the expression took 8 µs a comment, as long as the rest of
 * the label models together. The definition is the expression's (tested against it):
 * `[?!][\p{L}\p{N}]*['’]?|[\p{L}\p{N}]+['’]?|['’]|\p{Extended_Pictographic}` over the lower-cased
 * NFC text, ’ written '. An emoji is a word of its own (skin tones, joiners and variation selectors
 * are not pictographs and fall away): 🙄 and 👍 say as much of a reply as `non` and `oui`.
 *
 * The scan hands each word to a visitor as a span of the lowered text rather than as a string:
 * the scorer looks the span up without making the string (`scorer.ts`), training and tests make
 * it ({@link featureWords}). One scan, so both read the same words.
 */

/** What a UTF-16 unit is to the scan. */
const UNKNOWN = 0, LETTER_OR_DIGIT = 1, OTHER = 2, SPACE = 3, MARK = 4, ELISION = 5, HIGH_SURROGATE = 6, PICTOGRAPH = 7;
/**
 * The kind of each UTF-16 unit: white space (JavaScript's `\s`: ASCII white space, no-break
 * spaces, the Unicode space separators, line and paragraph separators, BOM), `?` and `!`, the
 * apostrophes and the high surrogates are marked at once, letters, digits and the rest when first met.
 */
const CLASS = new Uint8Array(0x10000);
for (const code of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008,
  0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]) CLASS[code] = SPACE;
CLASS[0x3f] = CLASS[0x21] = MARK;
CLASS[0x27] = CLASS[0x2019] = ELISION;
CLASS.fill(HIGH_SURROGATE, 0xd800, 0xdc00);
const LETTER_OR_DIGIT_CHAR = /^[\p{L}\p{N}]$/u;
const PICTOGRAPH_CHAR = /^\p{Extended_Pictographic}$/u;

/** The kind of a code point, or of a lone surrogate, not marked in {@link CLASS}. */
function kindOf(char: string): number {
  return LETTER_OR_DIGIT_CHAR.test(char) ? LETTER_OR_DIGIT : PICTOGRAPH_CHAR.test(char) ? PICTOGRAPH : OTHER;
}

const APOSTROPHE = 0x27;

/**
 * The hash the scan gives each word (FNV-1a over its UTF-16 units, the apostrophe of an elision
 * as '), so that a table can find the word without reading it again (`scorer.ts`).
 */
export function wordHash(word: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) hash = hashStep(hash, word.charCodeAt(i));
  return hash;
}

const FNV_OFFSET = 0x811c9dc5 | 0, FNV_PRIME = 0x01000193;
const hashStep = (hash: number, unit: number): number => Math.imul(hash ^ unit, FNV_PRIME);

/** Receives the words of a text, in order. */
export interface WordVisitor {
  /**
   * The word `lowered.slice(start, end)`, followed by `'` when `elided` (the word ended on an
   * apostrophe, ' or ’, which is not in the span); an apostrophe alone is the empty span, elided.
   * `hash` is the word's {@link wordHash}.
   */
  word(lowered: string, start: number, end: number, elided: boolean, hash: number): void;
}

/** The text the words are cut from: lower case, NFC. */
export function wordText(text: string): string {
  return text.toLowerCase().normalize('NFC');
}

/**
 * Hands the words of `lowered` (made by {@link wordText}) to `visitor`: elisions split after the
 * apostrophe (`l'`, `qu'`), `?` and `!` opening words of their own, each emoji a word. Returns how many pieces
 * `split(/\s+/)` makes of the text ({@link spaceSeparatedCount}): lower case and NFC leave white
 * space as it was (no white space has a case or a decomposition but another white space, none
 * composes), so the count of the lowered text is the text's (tested). One lookup of each unit's
 * kind and the word's hash made on the way saved 0.5 µs a comment; counting the pieces here
 * rather than in a pass of their own, 1.2 µs (10k synthetic comments; the models took 16 µs).
 */
export function visitWords(lowered: string, visitor: WordVisitor): number {
  let start = -1;
  let hash = FNV_OFFSET;
  let pieces = 1;
  let inSpace = false;
  const { length } = lowered;
  for (let i = 0; i < length; i++) {
    const unit = lowered.charCodeAt(i);
    let kind = CLASS[unit];
    if (kind === SPACE) {
      if (!inSpace) pieces++;
      inSpace = true;
    } else {
      inSpace = false;
    }
    if (kind === UNKNOWN) {
      CLASS[unit] = kind = kindOf(String.fromCharCode(unit));
    } else if (kind === HIGH_SURROGATE) {
      // A letter beyond the basic plane is two units, a word's; a lone surrogate is neither letter nor digit.
      const low = i + 1 < length ? lowered.charCodeAt(i + 1) : 0;
      if (low >= 0xdc00 && low <= 0xdfff) {
        const pairKind = kindOf(lowered.slice(i, i + 2));
        if (pairKind === LETTER_OR_DIGIT) {
          if (start < 0) {
            start = i;
            hash = FNV_OFFSET;
          }
          hash = hashStep(hashStep(hash, unit), low);
        } else {
          if (start >= 0) visitor.word(lowered, start, i, false, hash);
          start = -1;
          if (pairKind === PICTOGRAPH) visitor.word(lowered, i, i + 2, false, hashStep(hashStep(FNV_OFFSET, unit), low));
        }
        i++;
        continue;
      }
      kind = OTHER;
    }
    if (kind === LETTER_OR_DIGIT) {
      if (start < 0) {
        start = i;
        hash = FNV_OFFSET;
      }
      hash = hashStep(hash, unit);
    } else if (kind === MARK) {
      if (start >= 0) visitor.word(lowered, start, i, false, hash);
      start = i;
      hash = hashStep(FNV_OFFSET, unit);
    } else if (kind === ELISION) {
      // The apostrophe ends its word: `l'` of `l'équipe`.
      if (start >= 0) visitor.word(lowered, start, i, true, hashStep(hash, APOSTROPHE));
      else visitor.word(lowered, i, i, true, hashStep(FNV_OFFSET, APOSTROPHE));
      start = -1;
    } else {
      if (start >= 0) visitor.word(lowered, start, i, false, hash);
      start = -1;
      if (kind === PICTOGRAPH) visitor.word(lowered, i, i + 1, false, hashStep(FNV_OFFSET, unit));
    }
  }
  if (start >= 0) visitor.word(lowered, start, length, false, hash);
  return pieces;
}

/**
 * The words of one text kept as spans, to be handed on later ({@link replay}): the features read
 * the words last but count the pieces before, in the same scan. Reused from text to text.
 */
export class WordSpans implements WordVisitor {
  private lowered = '';
  /** Per word: start, end, 1 when elided, hash. */
  private spans = new Int32Array(256);
  private size = 0;

  /** Empties the spans, for the words of `lowered`. */
  reset(lowered: string): this {
    this.lowered = lowered;
    this.size = 0;
    return this;
  }

  word(lowered: string, start: number, end: number, elided: boolean, hash: number): void {
    if (this.size + 4 > this.spans.length) {
      const spans = new Int32Array(this.spans.length * 2);
      spans.set(this.spans);
      this.spans = spans;
    }
    const { spans, size } = this;
    spans[size] = start;
    spans[size + 1] = end;
    spans[size + 2] = elided ? 1 : 0;
    spans[size + 3] = hash;
    this.size = size + 4;
  }

  /** The first word kept, or undefined when there is none. */
  first(): string | undefined {
    const { spans, size, lowered } = this;
    return size === 0 ? undefined : wordOf(lowered, spans[0], spans[1], spans[2] === 1);
  }

  /** Hands the words kept to `visitor`, in order. */
  replay(visitor: WordVisitor): void {
    const { spans, size, lowered } = this;
    for (let k = 0; k < size; k += 4) visitor.word(lowered, spans[k], spans[k + 1], spans[k + 2] === 1, spans[k + 3]);
  }
}

/** The word of a span, as {@link WordVisitor} describes it. */
export function wordOf(lowered: string, start: number, end: number, elided: boolean): string {
  return elided ? `${lowered.slice(start, end)}'` : lowered.slice(start, end);
}

/**
 * The words of a text for the word features: lower case, elisions split after the apostrophe
 * (`l'`, `qu'`, with ’ written '), `?` and `!` opening words of their own, each emoji a word.
 */
export function featureWords(text: string): string[] {
  const words: string[] = [];
  visitWords(wordText(text), { word: (lowered, start, end, elided) => words.push(wordOf(lowered, start, end, elided)) });
  return words;
}

/**
 * How many pieces `text.split(/\s+/)` makes, without making them: one more than the runs of
 * white space (JavaScript's `\s`, so a text that starts or ends with a space counts an empty piece).
 * The features count them in {@link visitWords}; this is the plain definition, for tests.
 */
export function spaceSeparatedCount(text: string): number {
  let count = 1;
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const space = CLASS[text.charCodeAt(i)] === SPACE;
    if (space && !inSpace) count++;
    inSpace = space;
  }
  return count;
}
