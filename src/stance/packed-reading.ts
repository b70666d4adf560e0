/**
 * The own readings of a batch of comments (see `own-reading.ts`) in a form that crosses a thread
 * boundary cheaply, as the sentiment results do (`src/sentiment/packed.ts`): typed-array columns
 * and the list of the batch's distinct strings, instead of an object per comment, per stance and
 * per evidence item. The sentiment worker reads each text of a batch right after scoring it
 * ({@link readOwnTexts}); the thread that runs the rest of the stance stage rebuilds the readings
 * with {@link unpackOwnReadings}: the same values to the last bit, and evidence objects with the
 * same keys in the same order, so `thread.json` is the same bytes.
 */
import type { SentimentResult, StanceEvidence, StanceResult } from '../model.js';
import type { TextPolarity } from '../sentiment/polarity.js';
import { OnePolarity, withClausePolarities } from './clause-sentiment.js';
import { OwnReader, toneOfLabel, type OwnReading } from './own-reading.js';
import type { StanceSchema } from './schema.js';
import { grown } from '../growable.js';

/**
 * The own readings of a batch, in order. Strings are indexes into `strings`; an absent optional
 * field (an evidence item's `target` or `fromIndex`) is -1.
 */
export interface PackedOwnReadings {
  /** Per text: its confidence, its scores (schema label order), then per evidence item its weight. */
  numbers: Float64Array;
  /**
   * Per text: its label, whether it asks (0 or 1), its evidence count, its echo count, then per
   * evidence item: kind, label, text, target, fromIndex.
   */
  refs: Int32Array;
  /** The echo hashes of every text, end to end. */
  echo: Int32Array;
  /** The distinct strings of the batch (labels, evidence kinds and texts, targets). */
  strings: string[];
}

/** The buffers of `packed` that can be transferred instead of copied. */
export function readingTransferables(packed: PackedOwnReadings): ArrayBuffer[] {
  return [packed.numbers.buffer as ArrayBuffer, packed.refs.buffer as ArrayBuffer, packed.echo.buffer as ArrayBuffer];
}

/**
 * Collects own readings as they are made, copying what the reader will overwrite ({@link OwnReader}
 * reuses its reading), then gives them packed. The numbers are written straight into typed
 * arrays that grow as needed (see `grown`), cut to size once at the end: arrays of JS numbers
 * copied into typed arrays at the end cost a growing array each and the copy (10k-comment
 * synthetic page: packing the readings 8.7 -> 7.5 ms of worker CPU).
 */
export class OwnReadingPacker {
  private numbers: Float64Array;
  private refs: Int32Array;
  private echo: Int32Array;
  private numberCount = 0;
  private refCount = 0;
  private echoCount = 0;
  private readonly strings: string[] = [];
  private readonly indexes = new Map<string, number>();

  /** `expectedTexts`: about how many readings will be added (the columns start at a size that holds them). */
  constructor(private readonly schema: StanceSchema, expectedTexts = 32) {
    this.numbers = new Float64Array(expectedTexts * (2 + schema.labelIds.length));
    this.refs = new Int32Array(expectedTexts * 8);
    this.echo = new Int32Array(expectedTexts * 16);
  }

  /** Appends `reading`. */
  add(reading: OwnReading): void {
    const { stance, echo } = reading;
    const { labelIds } = this.schema;
    const evidence = stance.evidence;
    const numbers = (this.numbers = grown(this.numbers, this.numberCount + 1 + labelIds.length + evidence.length));
    const refs = (this.refs = grown(this.refs, this.refCount + 4 + 5 * evidence.length));
    let n = this.numberCount;
    let r = this.refCount;
    numbers[n++] = stance.confidence;
    for (const label of labelIds) numbers[n++] = stance.scores[label];
    refs[r++] = this.refOf(stance.label);
    refs[r++] = reading.asks ? 1 : 0;
    refs[r++] = evidence.length;
    refs[r++] = echo.count;
    for (const item of evidence) {
      numbers[n++] = item.weight;
      refs[r++] = this.refOf(item.kind);
      refs[r++] = this.refOf(item.label);
      refs[r++] = this.refOf(item.text);
      refs[r++] = item.target === undefined ? -1 : this.refOf(item.target);
      refs[r++] = item.fromIndex === undefined ? -1 : item.fromIndex;
    }
    this.numberCount = n;
    this.refCount = r;
    const echoes = (this.echo = grown(this.echo, this.echoCount + echo.count));
    echoes.set(echo.values.subarray(0, echo.count), this.echoCount);
    this.echoCount += echo.count;
  }

  /** The readings added so far, packed (columns of their own: the packer's may be overwritten). */
  packed(): PackedOwnReadings {
    return {
      numbers: this.numbers.slice(0, this.numberCount),
      refs: this.refs.slice(0, this.refCount),
      echo: this.echo.slice(0, this.echoCount),
      strings: this.strings,
    };
  }

  private refOf(text: string): number {
    let index = this.indexes.get(text);
    if (index === undefined) {
      index = this.strings.push(text) - 1;
      this.indexes.set(text, index);
    }
    return index;
  }
}

/**
 * The readings packed by {@link OwnReadingPacker} with the same schema, equal to those given to it:
 * stances with their fields, scores and evidence keys in the order the stance stage makes them
 * (`decideStance`; evidence `kind`, `label`, `weight`, `text`, then `target` and `fromIndex` when
 * present). Echo hashes are views into `packed.echo`.
 */
export function unpackOwnReadings(packed: PackedOwnReadings, schema: StanceSchema): OwnReading[] {
  const { numbers, refs, echo, strings } = packed;
  const { labelIds } = schema;
  const readings: OwnReading[] = [];
  let n = 0;
  let r = 0;
  let e = 0;
  while (r < refs.length) {
    const confidence = numbers[n++];
    const scores: Record<string, number> = {};
    for (const label of labelIds) scores[label] = numbers[n++];
    const label = strings[refs[r++]];
    const asks = refs[r++] === 1;
    const evidenceCount = refs[r++];
    const echoCount = refs[r++];
    const evidence: StanceEvidence[] = [];
    for (let k = 0; k < evidenceCount; k++) {
      const item: StanceEvidence = { kind: strings[refs[r]], label: strings[refs[r + 1]], weight: numbers[n++], text: strings[refs[r + 2]] };
      if (refs[r + 3] !== -1) item.target = strings[refs[r + 3]];
      if (refs[r + 4] !== -1) item.fromIndex = refs[r + 4];
      r += 5;
      evidence.push(item);
    }
    const stance: StanceResult = { label, confidence, scores, evidence };
    readings.push({ stance, asks, echo: { values: echo.subarray(e, e + echoCount), count: echoCount } });
    e += echoCount;
  }
  return readings;
}

/**
 * The own readings of `texts` (comments' own words), whose sentiments and polarities the sentiment
 * stage just gave (`sentiments[i]`, `polarities[i]` are those of `texts[i]`), packed: what the
 * sentiment worker computes of the stance stage. `reader` reads with the schema the readings
 * will be unpacked with.
 */
export function readOwnTexts(
  texts: readonly string[], sentiments: readonly SentimentResult[], polarities: readonly TextPolarity[], reader: OwnReader,
): PackedOwnReadings {
  const packer = new OwnReadingPacker(reader.schema, texts.length);
  const polarity = new OnePolarity();
  withClausePolarities(polarity, () => {
    for (let i = 0; i < texts.length; i++) {
      polarity.set(texts[i], polarities[i]);
      packer.add(reader.read(texts[i], toneOfLabel(sentiments[i].label)));
    }
  });
  return packer.packed();
}
