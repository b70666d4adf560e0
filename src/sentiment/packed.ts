/**
 * The sentiment stage of a batch of comments in a form that crosses a thread boundary cheaply:
 * the three arrays of every text's {@link TextPolarity} laid end to end in one array each, and,
 * for the trip ({@link forTransfer}), the `SentimentResult`s as columns too (see
 * {@link PackedSentiments}): a few transferable buffers per batch instead of small objects per
 * comment. A worker thread scores a batch with {@link scoreTexts}; the thread that runs the stance
 * stage rebuilds the results with {@link unpackSentiments} and {@link unpackPolarities}. The
 * values are those `scoreCommentSentiment` gives, to the last bit: the same code computes them
 * (`scoreReadingInto` appends exactly what `scoreReading`'s polarity holds).
 */
import type { SentimentLabel, SentimentResult, SentimentTerm } from '../model.js';
import { readFrenchTexts } from '../nlp/index.js';
import { TextPolarity } from './polarity.js';
import { scoreReadingInto, scoringEngineLoaded, type PolarityColumns } from './score.js';

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
  // wink reads the batch in one go (see `readFrenchTexts`), but, in the first batch of a thread,
  // its first text alone, scored before the others are read: the first scoring of a thread loads
  // the lexicon, whose phrases wink reads too, and how wink splits a word can depend on the words
  // it has met. wink so meets every text and phrase in the order a text-by-text reading gives it.
  // Later batches are one document each (a document less per batch: 386 -> 374 ms of reading per
  // 10k texts of the synthetic page).
  const firstAlone = !scoringEngineLoaded();
  let readings = readFrenchTexts(firstAlone ? texts.slice(0, 1) : texts);
  for (let i = 0; i < texts.length; i++) {
    if (i === 1 && firstAlone) readings = [readings[0], ...readFrenchTexts(texts.slice(1))];
    const hitsBefore = columns.hitStarts.length;
    const wordsBefore = columns.wordStarts.length;
    sentiments.push(scoreReadingInto(readings[i], columns));
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

/** A {@link PackedScores} as it crosses to another thread: its sentiments as columns too (see {@link PackedSentiments}). */
export type TransferredScores = Omit<PackedScores, 'sentiments'> & { sentiments: PackedSentiments };

/** `packed` with its sentiments packed (the other columns are shared, not copied). */
export function forTransfer(packed: PackedScores): TransferredScores {
  return { ...packed, sentiments: packSentiments(packed.sentiments) };
}

/** The buffers of `packed` that can be transferred instead of copied. */
export function transferablesOf(packed: TransferredScores): ArrayBuffer[] {
  return [packed.hitCounts, packed.wordCounts, packed.hitStarts, packed.hitValues, packed.wordStarts, packed.sentiments.numbers, packed.sentiments.refs].map(
    (array) => array.buffer as ArrayBuffer,
  );
}

/** Each text's polarity, in order: views into the packed arrays (nothing copied). */
export function unpackPolarities(packed: Omit<PackedScores, 'sentiments'>): TextPolarity[] {
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

/**
 * A batch's `SentimentResult`s as columns, for the trip to the thread that writes the reports:
 * structured cloning the objects (a result, its terms and their rule lists, field by field) cost
 * about 20 ms per 10,000 comments on the worker and as much on the receiving thread; these three
 * columns cost a third of that on the worker and a fifth on the receiver, objects rebuilt included.
 */
export interface PackedSentiments {
  /** Per text: score, comparative, then per term: value, base. */
  numbers: Float64Array;
  /** Per text: its label, its term count, then per term: its term, its rule count, its rules. Strings are indexes into `strings`. */
  refs: Int32Array;
  /** The distinct strings of the batch (labels, terms, rule names). */
  strings: string[];
}

/**
 * The columns of `sentiments` (see {@link PackedSentiments}). Their lengths are counted first and
 * the values written straight into the typed arrays: arrays of JS numbers grown one push at a
 * time, then copied, cost more than the counting pass (10k-comment synthetic page: 6.2 -> 5.5 ms).
 */
export function packSentiments(sentiments: readonly SentimentResult[]): PackedSentiments {
  let numberCount = 2 * sentiments.length;
  let refCount = 2 * sentiments.length;
  for (const sentiment of sentiments) {
    numberCount += 2 * sentiment.terms.length;
    for (const term of sentiment.terms) refCount += 2 + term.rules.length;
  }
  const numbers = new Float64Array(numberCount);
  const refs = new Int32Array(refCount);
  const strings: string[] = [];
  const indexes = new Map<string, number>();
  const refOf = (text: string): number => {
    let index = indexes.get(text);
    if (index === undefined) {
      index = strings.push(text) - 1;
      indexes.set(text, index);
    }
    return index;
  };
  let n = 0;
  let r = 0;
  for (const sentiment of sentiments) {
    numbers[n++] = sentiment.score;
    numbers[n++] = sentiment.comparative;
    refs[r++] = refOf(sentiment.label);
    refs[r++] = sentiment.terms.length;
    for (const term of sentiment.terms) {
      numbers[n++] = term.value;
      numbers[n++] = term.base;
      refs[r++] = refOf(term.term);
      refs[r++] = term.rules.length;
      for (const rule of term.rules) refs[r++] = refOf(rule);
    }
  }
  return { numbers, refs, strings };
}

/** The `SentimentResult`s packed by {@link packSentiments}, equal to those given to it (same fields, same order). */
export function unpackSentiments(packed: PackedSentiments): SentimentResult[] {
  const { numbers, refs, strings } = packed;
  const sentiments: SentimentResult[] = [];
  let n = 0;
  let r = 0;
  while (r < refs.length) {
    const score = numbers[n++];
    const comparative = numbers[n++];
    const label = strings[refs[r++]] as SentimentLabel;
    const termCount = refs[r++];
    const terms: SentimentTerm[] = [];
    for (let k = 0; k < termCount; k++) {
      const term = strings[refs[r++]];
      const value = numbers[n++];
      const base = numbers[n++];
      const ruleCount = refs[r++];
      const rules: string[] = [];
      for (let q = 0; q < ruleCount; q++) rules.push(strings[refs[r++]]);
      terms.push({ term, value, base, rules });
    }
    sentiments.push({ score, comparative, label, terms });
  }
  return sentiments;
}
