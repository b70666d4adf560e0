/**
 * Classification metrics for comparing the analyzer's labels with a person's (or two people's
 * labels): accuracy, macro-F1, Cohen's kappa, per-label precision / recall / F1, and the confusion
 * matrix. Same definitions as scikit-learn's `classification_report` with `zero_division=0`: the
 * labels are those that occur in the gold or the predicted labels, and macro-F1 is the plain mean
 * of their F1, so a rare label counts as much as a common one.
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
  /** Cohen's kappa of `confusion` (see {@link cohenKappa}). */
  kappa: number;
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
function readableOrder(occurring: ReadonlySet<string>, preferredOrder: string[]): string[] {
  const ordered = preferredOrder.filter((label) => occurring.has(label));
  const extra = [...occurring].filter((label) => !preferredOrder.includes(label)).sort();
  return [...ordered, ...extra];
}

/**
 * Cohen's kappa of a square confusion matrix (rows: one labeller, columns: the other, same label
 * order): `(po - pe) / (1 - pe)`, where `po` is the share of items on the diagonal (observed
 * agreement) and `pe = sum over labels of rowShare × columnShare` is the agreement two labellers
 * with these label frequencies would reach by chance. The label set is the matrix's rows. Computed
 * on counts, `(n·agreed − Σ row·col) / (n² − Σ row·col)`, so small tables give exact fractions.
 *
 * Two edge cases, chosen so tables and JSON never show NaN:
 * - `pe = 1` happens only when both labellers put every item in the same single label; then every
 *   item agrees (`po = 1` too) and the formula is 0 / 0. The value is **1**: agreement is complete,
 *   and there is no disagreement for chance to explain. (scikit-learn returns NaN here; read a 1
 *   over a one-label sample as "no evidence either way", not as proof of reliability.)
 * - no items at all gives 0, like accuracy and macro-F1.
 */
export function cohenKappa(confusion: number[][]): number {
  let total = 0;
  let agreed = 0;
  let chance = 0;
  const columnTotals = confusion.map(() => 0);
  for (let i = 0; i < confusion.length; i++) {
    for (let j = 0; j < confusion.length; j++) {
      total += confusion[i][j];
      columnTotals[j] += confusion[i][j];
    }
    agreed += confusion[i][i];
  }
  if (total === 0) return 0;
  for (let i = 0; i < confusion.length; i++) chance += confusion[i].reduce((sum, n) => sum + n, 0) * columnTotals[i];
  const denominator = total * total - chance;
  if (denominator === 0) return 1;
  return (total * agreed - chance) / denominator;
}

/** All metrics of one labelling task. `preferredOrder` only orders the rows (e.g. schema order). */
export function classificationMetrics(pairs: LabelPair[], preferredOrder: string[] = []): ClassificationMetrics {
  const occurring = new Set<string>();
  for (const { gold, predicted } of pairs) {
    occurring.add(gold);
    occurring.add(predicted);
  }
  const labels = readableOrder(occurring, preferredOrder);
  const position = new Map(labels.map((label, i) => [label, i] as const));
  const confusion = labels.map(() => labels.map(() => 0));
  for (const { gold, predicted } of pairs) confusion[position.get(gold) as number][position.get(predicted) as number]++;
  return metricsFromConfusion(labels, confusion);
}

/**
 * All metrics from a confusion matrix (`confusion[g][p]`, rows and columns in `labels` order), so
 * tables built elsewhere (e.g. summed over several threads) get the same definitions.
 */
export function metricsFromConfusion(labels: string[], confusion: number[][]): ClassificationMetrics {
  let total = 0;
  let correct = 0;
  for (let i = 0; i < labels.length; i++) {
    total += confusion[i].reduce((sum, n) => sum + n, 0);
    correct += confusion[i][i];
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
  return { labels, total, correct, accuracy: ratio(correct, total), macroF1, kappa: cohenKappa(confusion), perLabel, confusion };
}

/**
 * Sums the confusion matrices of several metrics (each over its own occurring labels) into one
 * over the labels occurring in any of them, in the same readable order as {@link classificationMetrics},
 * and computes every metric from that sum: each item weighs the same, whichever table it came from.
 */
export function pooledMetrics(parts: ClassificationMetrics[], preferredOrder: string[] = []): ClassificationMetrics {
  const occurring = new Set<string>();
  for (const part of parts) for (const label of part.labels) occurring.add(label);
  const labels = readableOrder(occurring, preferredOrder);
  const position = new Map(labels.map((label, i) => [label, i] as const));
  const confusion = labels.map(() => labels.map(() => 0));
  for (const part of parts) {
    const at = part.labels.map((label) => position.get(label) as number);
    part.confusion.forEach((row, g) => row.forEach((n, p) => (confusion[at[g]][at[p]] += n)));
  }
  return metricsFromConfusion(labels, confusion);
}
