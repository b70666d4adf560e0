/**
 * The label models made ready for prediction: their weights gathered once, per feature, in one
 * table for all models, so scoring a comment is one lookup per feature it has, with no map of
 * features, no `w:` + word string and no array per model. The sums are added in the order the
 * features come, as `probabilities` adds them; a feature only another model knows adds 0 to a
 * model's sums, which leaves them as they are. So the labels and probabilities are the same
 * numbers as `predict`'s (tested).
 */
import type { FeatureSink } from './features.js';
import type { LinearModel } from './linear-model.js';

/** One feature's weights for every label of every model, and the comment that last used it. */
interface Entry {
  weights: Float64Array;
  seen: number;
}

/** The weights of several models, scored together over one comment's features at a time. */
export class LabelScorer implements FeatureSink {
  private readonly named = new Map<string, Entry>();
  private readonly words = new Map<string, Entry>();
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

  word(word: string): void {
    this.add(this.words.get(word), 1);
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
