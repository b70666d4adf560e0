/**
 * The sentiment stage of a batch of comments in a form that crosses a thread boundary cheaply:
 * each text's `SentimentResult` as it is, and the three arrays of every text's {@link TextPolarity}
 * laid end to end in one array each (three transferable buffers per batch instead of three small
 * typed arrays per comment). A worker thread scores a batch with {@link scoreTexts}; the thread
 * that runs the stance stage rebuilds the polarities with {@link unpackPolarities}. The values
 * are those `scoreCommentSentiment` gives, to the last bit: the same code computes them
 * (`scoreReadingInto` appends exactly what `scoreReading`'s polarity holds).
 */
import type { SentimentResult } from '../model.js';
import { readFrench } from '../nlp/index.js';
import { TextPolarity } from './polarity.js';
import { scoreReadingInto, type PolarityColumns } from './score.js';

/** A batch of scored texts, in the order they were given. */
export interface PackedScores {
  sentiments: SentimentResult[];
  /** Per text: how many hits, then how many counted words, of the arrays below. */
  hitCounts: Int32Array;
  wordCounts: Int32Array;
  hitStarts: Int32Array;
  hitValues: Float64Array;
  wordStarts: Int32Array;
}

/** Scores each text (a comment's own words) as the sentiment stage does, packed. */
export function scoreTexts(texts: readonly string[]): PackedScores {
  const sentiments: SentimentResult[] = [];
  const hitCounts = new Int32Array(texts.length);
  const wordCounts = new Int32Array(texts.length);
  // Every text's polarity is appended to one set of columns, copied once into the batch's typed arrays.
  const columns: PolarityColumns = { hitStarts: [], hitValues: [], wordStarts: [] };
  for (let i = 0; i < texts.length; i++) {
    const hitsBefore = columns.hitStarts.length;
    const wordsBefore = columns.wordStarts.length;
    sentiments.push(scoreReadingInto(readFrench(texts[i]), columns));
    hitCounts[i] = columns.hitStarts.length - hitsBefore;
    wordCounts[i] = columns.wordStarts.length - wordsBefore;
  }
  return {
    sentiments,
    hitCounts,
    wordCounts,
    hitStarts: Int32Array.from(columns.hitStarts),
    hitValues: Float64Array.from(columns.hitValues),
    wordStarts: Int32Array.from(columns.wordStarts),
  };
}

/** The buffers of `packed` that can be transferred instead of copied. */
export function transferablesOf(packed: PackedScores): ArrayBuffer[] {
  return [packed.hitCounts, packed.wordCounts, packed.hitStarts, packed.hitValues, packed.wordStarts].map((array) => array.buffer as ArrayBuffer);
}

/** Each text's polarity, in order: views into the packed arrays (nothing copied). */
export function unpackPolarities(packed: PackedScores): TextPolarity[] {
  const polarities: TextPolarity[] = [];
  let hitAt = 0;
  let wordAt = 0;
  for (let i = 0; i < packed.hitCounts.length; i++) {
    const hitEnd = hitAt + packed.hitCounts[i];
    const wordEnd = wordAt + packed.wordCounts[i];
    polarities.push(new TextPolarity(
      packed.hitStarts.subarray(hitAt, hitEnd), packed.hitValues.subarray(hitAt, hitEnd), packed.wordStarts.subarray(wordAt, wordEnd),
    ));
    hitAt = hitEnd;
    wordAt = wordEnd;
  }
  return polarities;
}
