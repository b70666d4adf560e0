/**
 * The label models made ready for prediction: their weights gathered once, per feature, in one
 * table for all models, so scoring a comment is one lookup per feature it has, with no map of
 * features, no `w:` + word string and no array per model. The sums are added in the order the
 * features come, as `probabilities` adds them; a feature only another model knows adds 0 to a
 * model's sums, which leaves them as they are. So the labels and probabilities are the same
 * numbers as `predict`'s (tested).
 */
import type { FeatureSink } from './features.js';
import { wordHash } from './feature-words.js';
import type { LinearModel } from './linear-model.js';

/** One feature's weights for every label of every model, and the comment that last used it. */
export interface Entry {
  weights: Float64Array;
  seen: number;
}

/**
 * The word entries, found from a word's span in the lowered text and its hash (see `WordVisitor`)
 * without making the word's string: an open-addressing table of the models' words, compared in
 * place. Making each word's string and finding it in a map took 4 µs a comment of the label
 * models' 16 µs (10k synthetic comments, with the feature names made once, `features.ts`).
 */
export class WordTable {
  private readonly words: string[] = [];
  private readonly entries: Entry[] = [];
  /** Index + 1 into `words` and `entries`, 0 for an empty slot; at most half full. */
  private slots = new Int32Array(16);

  get(word: string): Entry | undefined {
    return this.find(word, 0, word.length, false, wordHash(word));
  }

  set(word: string, entry: Entry): void {
    if (this.get(word) !== undefined) throw new Error(`word ${word} is in the table already`);
    this.words.push(word);
    this.entries.push(entry);
    if (this.words.length * 2 > this.slots.length) {
      this.slots = new Int32Array(this.slots.length * 2);
      this.words.forEach((w, k) => this.place(w, k + 1));
    } else {
      this.place(word, this.words.length);
    }
  }

  private place(word: string, index: number): void {
    const mask = this.slots.length - 1;
    let slot = wordHash(word) & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = index;
  }

  /** The entry of the word `lowered.slice(start, end)` + (`elided` ? `'` : ''), whose {@link wordHash} is `hash`. */
  find(lowered: string, start: number, end: number, elided: boolean, hash: number): Entry | undefined {
    const length = end - start + (elided ? 1 : 0);
    const { slots, words } = this;
    const mask = slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const k = slots[slot];
      if (k === 0) return undefined;
      const word = words[k - 1];
      if (word.length === length && spells(word, lowered, start, end, elided)) return this.entries[k - 1];
    }
  }
}

const APOSTROPHE = 0x27;

/** Whether `word` is `lowered.slice(start, end)` + (`elided` ? `'` : ''), `word` being that long. */
function spells(word: string, lowered: string, start: number, end: number, elided: boolean): boolean {
  for (let i = start; i < end; i++) if (word.charCodeAt(i - start) !== lowered.charCodeAt(i)) return false;
  return !elided || word.charCodeAt(end - start) === APOSTROPHE;
}

/** The weights of several models, scored together over one comment's features at a time. */
export class LabelScorer implements FeatureSink {
  private readonly named = new Map<string, Entry>();
  private readonly words = new WordTable();
  /** Where each model's labels start in an entry's weights and in the sums. */
  private readonly offsets: number[] = [];
  private readonly sums: Float64Array;
  private comment = 0;

  constructor(private readonly models: readonly LinearModel[]) {
    let width = 0;
    for (const model of models) {
      this.offsets.push(width);
      width += model.labels.length;
    }
    this.sums = new Float64Array(width);
    models.forEach((model, m) => {
      for (const [name, values] of model.weights) {
        const table = name.startsWith('w:') ? this.words : this.named;
        const key = name.startsWith('w:') ? name.slice(2) : name;
        let entry = table.get(key);
        if (entry === undefined) table.set(key, (entry = { weights: new Float64Array(width), seen: 0 }));
        entry.weights.set(values, this.offsets[m]);
      }
    });
  }

  /** Starts a comment: its features follow, through {@link feature} and {@link word}. */
  begin(): void {
    this.comment++;
    this.sums.fill(0);
  }

  feature(name: string, value: number): void {
    this.add(this.named.get(name), value);
  }

  word(lowered: string, start: number, end: number, elided: boolean, hash: number): void {
    this.add(this.words.find(lowered, start, end, elided, hash), 1);
  }

  private add(entry: Entry | undefined, value: number): void {
    // A feature set again in the same comment counts once (see `FeatureSink`).
    if (entry === undefined || entry.seen === this.comment) return;
    entry.seen = this.comment;
    const { weights } = entry;
    for (let k = 0; k < weights.length; k++) this.sums[k] += weights[k] * value;
  }

  /** Model `m`'s most probable label for the comment (the first in label order on a tie) and its probability. */
  predict(m: number): { label: string; probability: number } {
    const { labels } = this.models[m];
    const start = this.offsets[m];
    let top = -Infinity;
    for (let k = 0; k < labels.length; k++) top = Math.max(top, this.sums[start + k]);
    let total = 0;
    for (let k = 0; k < labels.length; k++) total += Math.exp(this.sums[start + k] - top);
    // Compared as probabilities, as `predict` does: two exponentials one ulp apart can divide to the same one.
    let best = 0;
    let bestProbability = -1;
    for (let k = 0; k < labels.length; k++) {
      const probability = Math.exp(this.sums[start + k] - top) / total;
      if (probability > bestProbability) {
        best = k;
        bestProbability = probability;
      }
    }
    return { label: labels[best], probability: bestProbability };
  }
}
