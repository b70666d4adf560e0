/**
 * A multinomial logistic regression: one weight per feature and label, the label with the highest
 * sum wins. Trained by full-batch gradient descent with per-weight steps (AdaGrad) and an L2
 * penalty, in a fixed order, so the same examples always give the same weights.
 */
import type { Features } from './features.js';

/** The weights of one model: per feature, one weight per label (in `labels` order). */
export interface LinearModel {
  labels: string[];
  weights: Map<string, number[]>;
}

export interface TrainingOptions {
  /** L2 penalty (the bias is not penalized). */
  lambda: number;
  epochs: number;
}

/** One labelled example. */
export interface Example {
  features: Features;
  label: string;
}

const STEP = 0.5;

/**
 * The probability of each label (in `model.labels` order) for `features`: the model's plain
 * definition, over a map of features. The pipeline scores with `scorer.ts`, which gives the same
 * numbers without building the map (tested against this); training tools and tests use this one.
 */
export function probabilities(model: LinearModel, features: Features): number[] {
  const sums = model.labels.map(() => 0);
  for (const [name, value] of features) {
    const weights = model.weights.get(name);
    if (weights !== undefined) for (let k = 0; k < sums.length; k++) sums[k] += weights[k] * value;
  }
  const top = Math.max(...sums);
  const exps = sums.map((s) => Math.exp(s - top));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}

/** The most probable label (the first in label order on a tie) and its probability. */
export function predict(model: LinearModel, features: Features): { label: string; probability: number } {
  const p = probabilities(model, features);
  let best = 0;
  for (let k = 1; k < p.length; k++) if (p[k] > p[best]) best = k;
  return { label: model.labels[best], probability: p[best] };
}

/** Trains a model on `examples`, whose labels must all be in `labels`. */
export function trainLinearModel(examples: readonly Example[], labels: readonly string[], options: TrainingOptions): LinearModel {
  // Features are numbered in order of first appearance: a fixed order, so training is repeatable.
  const index = new Map<string, number>();
  const rows = examples.map(({ features }) => {
    const columns: number[] = [];
    const values: number[] = [];
    for (const [name, value] of features) {
      let column = index.get(name);
      if (column === undefined) index.set(name, (column = index.size));
      columns.push(column);
      values.push(value);
    }
    return { columns, values };
  });
  const targets = examples.map((e) => {
    const k = labels.indexOf(e.label);
    if (k === -1) throw new Error(`label "${e.label}" is not one of ${labels.join(', ')}`);
    return k;
  });
  const K = labels.length, D = index.size, n = examples.length;
  const w = new Float64Array(K * D), squares = new Float64Array(K * D), gradient = new Float64Array(K * D);
  const bias = index.get('bias');
  const z = new Float64Array(K);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    gradient.fill(0);
    for (let i = 0; i < n; i++) {
      const { columns, values } = rows[i];
      let top = -Infinity;
      for (let k = 0; k < K; k++) {
        let s = 0;
        for (let j = 0; j < columns.length; j++) s += w[k * D + columns[j]] * values[j];
        z[k] = s;
        if (s > top) top = s;
      }
      let total = 0;
      for (let k = 0; k < K; k++) total += (z[k] = Math.exp(z[k] - top));
      for (let k = 0; k < K; k++) {
        const error = z[k] / total - (targets[i] === k ? 1 : 0);
        for (let j = 0; j < columns.length; j++) gradient[k * D + columns[j]] += (error * values[j]) / n;
      }
    }
    for (let k = 0; k < K; k++) {
      for (let d = 0; d < D; d++) {
        const q = k * D + d;
        const g = gradient[q] + (d === bias ? 0 : (options.lambda * w[q]) / n);
        if (g === 0) continue;
        squares[q] += g * g;
        w[q] -= (STEP * g) / Math.sqrt(squares[q] + 1e-8);
      }
    }
  }
  const weights = new Map<string, number[]>();
  for (const [name, d] of index) weights.set(name, labels.map((_, k) => w[k * D + d]));
  return { labels: [...labels], weights };
}
