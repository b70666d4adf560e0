import type { SentimentLabel } from '../model.js';
import { sentimentLabel } from './label.js';
import { firstAtLeast as countBefore } from '../sorted.js';

/** Sentiment of a stretch of a text: what the stance stage needs of a clause that names a target. */
export interface SpanSentiment {
  score: number;
  comparative: number;
  label: SentimentLabel;
}

const round = (x: number, digits: number): number => {
  const scale = 10 ** digits;
  return Math.round(x * scale) / scale;
};

/** True when `values` never decreases. */
function isAscending(values: Int32Array): boolean {
  for (let k = 1; k < values.length; k++) if (values[k] < values[k - 1]) return false;
  return true;
}

/**
 * Where the sentiment of one scored text lies, by character offset: each hit's start and its
 * value as its own clause reads it, and the start of every counted word. The stance stage asks
 * it for the polarity of a clause instead of reading and scoring the clause again. Compact
 * (typed arrays), because a pipeline keeps one per comment between the sentiment and stance
 * stages.
 *
 * Each clause costs a binary search plus the hits inside it, not a pass over every hit of the
 * text: the stance stage asks once per clause naming a target, and a 5 MB comment has tens of
 * thousands of both.
 */
export class TextPolarity {
  /**
   * Hit positions ordered by start, ties in their given order; built on the first question, and
   * only when the hits were not given in ascending order (the usual case needs no copy).
   */
  private byStart: Int32Array | null | undefined;
  /** Hit starts in ascending order (`hitStarts` itself, or reordered along {@link byStart}). */
  private sortedStarts: Int32Array | undefined;

  /**
   * @param hitStarts character offset of each hit, in any order
   * @param hitValues value of each hit (same order)
   * @param wordStarts character offset of each counted word, ascending
   * (readable, so a polarity can be sent to another thread: see `packed.ts`)
   */
  constructor(
    readonly hitStarts: Int32Array,
    readonly hitValues: Float64Array,
    readonly wordStarts: Int32Array,
  ) {}

  /**
   * Sentiment of the characters `[start, end)` of the text: the sum of the hits that start
   * there, per counted word starting there, labelled with the thresholds of a whole text.
   * The hits are added in their given order, so the sum is the same to the last bit as a pass
   * over all hits that keeps those in the span.
   */
  between(start: number, end: number): SpanSentiment {
    const sum = this.sumBetween(start, end);
    const score = round(sum, 3);
    const words = countBefore(this.wordStarts, end) - countBefore(this.wordStarts, start);
    const comparative = words > 0 ? round(score / words, 4) : 0;
    return { score, comparative, label: sentimentLabel(score, comparative) };
  }

  /** Sum of the values of the hits starting in `[start, end)`, added in their given order. */
  private sumBetween(start: number, end: number): number {
    if (this.hitStarts.length === 0 || end <= start) return 0;
    if (this.sortedStarts === undefined) this.indexHits();
    const starts = this.sortedStarts as Int32Array;
    const first = countBefore(starts, start);
    const last = countBefore(starts, end);
    let sum = 0;
    const order = this.byStart;
    if (order === null) {
      for (let k = first; k < last; k++) sum += this.hitValues[k];
      return sum;
    }
    // Hits given out of order: those of the span, put back in their given order before adding.
    const inSpan = (order as Int32Array).slice(first, last).sort();
    for (let k = 0; k < inSpan.length; k++) sum += this.hitValues[inSpan[k]];
    return sum;
  }

  private indexHits(): void {
    if (isAscending(this.hitStarts)) {
      this.byStart = null;
      this.sortedStarts = this.hitStarts;
      return;
    }
    const order = new Int32Array(this.hitStarts.length);
    for (let k = 0; k < order.length; k++) order[k] = k;
    const starts = this.hitStarts;
    // Array sort is stable: hits with the same start keep their given order.
    const sorted = Int32Array.from(Array.from(order).sort((a, b) => starts[a] - starts[b]));
    this.byStart = sorted;
    this.sortedStarts = sorted.map((k) => starts[k]);
  }
}

/** The polarity of a text without any hit: neutral everywhere (shared: nothing to store). */
export const NO_POLARITY = new TextPolarity(new Int32Array(0), new Float64Array(0), new Int32Array(0));
