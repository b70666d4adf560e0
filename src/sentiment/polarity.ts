import type { SentimentLabel } from '../model.js';
import { sentimentLabel } from './label.js';

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

/** Number of values of the sorted `starts` that are < `offset`. */
function countBefore(starts: Int32Array, offset: number): number {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (starts[middle] < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Where the sentiment of one scored text lies, by character offset: each hit's start and its
 * value as its own clause reads it, and the start of every counted word. The stance stage asks
 * it for the polarity of a clause instead of reading and scoring the clause again. Compact
 * (typed arrays), because a pipeline keeps one per comment between the sentiment and stance
 * stages.
 */
export class TextPolarity {
  /**
   * @param hitStarts character offset of each hit, in any order
   * @param hitValues value of each hit (same order)
   * @param wordStarts character offset of each counted word, ascending
   */
  constructor(
    private readonly hitStarts: Int32Array,
    private readonly hitValues: Float64Array,
    private readonly wordStarts: Int32Array,
  ) {}

  /**
   * Sentiment of the characters `[start, end)` of the text: the sum of the hits that start
   * there, per counted word starting there, labelled with the thresholds of a whole text.
   */
  between(start: number, end: number): SpanSentiment {
    let sum = 0;
    for (let k = 0; k < this.hitStarts.length; k++) {
      const at = this.hitStarts[k];
      if (at >= start && at < end) sum += this.hitValues[k];
    }
    const score = round(sum, 3);
    const words = countBefore(this.wordStarts, end) - countBefore(this.wordStarts, start);
    const comparative = words > 0 ? round(score / words, 4) : 0;
    return { score, comparative, label: sentimentLabel(score, comparative) };
  }
}

/** The polarity of a text without any hit: neutral everywhere (shared: nothing to store). */
export const NO_POLARITY = new TextPolarity(new Int32Array(0), new Float64Array(0), new Int32Array(0));
