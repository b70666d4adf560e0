/**
 * Classification metrics for comparing the analyzer's labels with a person's: accuracy, macro-F1,
 * per-label precision / recall / F1, and the confusion matrix. Same definitions as scikit-learn's
 * `classification_report` with `zero_division=0`: the labels are those that occur in the gold or
 * the predicted labels, and macro-F1 is the plain mean of their F1, so a rare label counts as much
 * as a common one.
 */

/** The gold (human) and predicted (analyzer) label of one item. */
export interface LabelPair {
  gold: string;
  predicted: string;
}

export interface LabelMetrics {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  /** Items with this gold label. */
  support: number;
  /** Items the analyzer gave this label. */
  predicted: number;
}

export interface ClassificationMetrics {
  /** Row and column order of `confusion`, and order of `perLabel`. */
  labels: string[];
  total: number;
  correct: number;
  /** correct / total (0 when there is nothing to compare). */
  accuracy: number;
  macroF1: number;
  perLabel: LabelMetrics[];
  /** `confusion[g][p]`: items whose gold label is `labels[g]` and predicted label `labels[p]`. */
  confusion: number[][];
}

/** a / b, or 0 when b is 0 (scikit-learn's `zero_division=0`). */
function ratio(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}

/**
 * The labels to report, in a readable order: those of `preferredOrder` that occur, then any other
 * occurring label in alphabetical order.
 */
function occurringLabels(pairs: LabelPair[], preferredOrder: string[]): string[] {
  const occurring = new Set<string>();
  for (const { gold, predicted } of pairs) {
    occurring.add(gold);
    occurring.add(predicted);
  }
  const ordered = preferredOrder.filter((label) => occurring.has(label));
  const extra = [...occurring].filter((label) => !preferredOrder.includes(label)).sort();
  return [...ordered, ...extra];
}

/** All metrics of one labelling task. `preferredOrder` only orders the rows (e.g. schema order). */
export function classificationMetrics(pairs: LabelPair[], preferredOrder: string[] = []): ClassificationMetrics {
  const labels = occurringLabels(pairs, preferredOrder);
  const position = new Map(labels.map((label, i) => [label, i] as const));
  const confusion = labels.map(() => labels.map(() => 0));
  let correct = 0;
  for (const { gold, predicted } of pairs) {
    confusion[position.get(gold) as number][position.get(predicted) as number]++;
    if (gold === predicted) correct++;
  }
  const perLabel = labels.map((label, i) => {
    const truePositives = confusion[i][i];
    const support = confusion[i].reduce((sum, n) => sum + n, 0);
    const predicted = confusion.reduce((sum, row) => sum + row[i], 0);
    const precision = ratio(truePositives, predicted);
    const recall = ratio(truePositives, support);
    const f1 = ratio(2 * precision * recall, precision + recall);
    return { label, precision, recall, f1, support, predicted };
  });
  const macroF1 = ratio(perLabel.reduce((sum, m) => sum + m.f1, 0), perLabel.length);
  return { labels, total: pairs.length, correct, accuracy: ratio(correct, pairs.length), macroF1, perLabel, confusion };
}
