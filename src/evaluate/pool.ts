/**
 * Pools the evaluation reports of several threads (a labelled sample) into one set of figures.
 * Two averages answer two questions, so both are given: the **pooled** metrics sum the threads'
 * confusion matrices and compute every metric from the sum (every comment weighs the same, so a
 * long thread counts more), and the **mean** macro-F1 is the plain mean of the per-thread macro-F1
 * (every thread weighs the same, so a short thread the analyzer gets wrong shows).
 */
import { EVIDENCE_ORDER, type EvaluationReport, type EvidenceAccuracy, type LabelField } from './compare.js';
import type { ReplyEvidence } from '../model.js';
import { AGREEMENT_LABELS, SENTIMENT_LABELS } from './gold.js';
import { pooledMetrics, type ClassificationMetrics } from './metrics.js';

export interface PooledParent {
  /** Threads whose gold file labels parents. */
  threads: number;
  compared: number;
  correct: number;
  accuracy: number;
  /** Pooled accuracy per kind of evidence the analyzer used, in the order of the thread reports. */
  byEvidence: EvidenceAccuracy[];
}

export interface PooledField {
  field: LabelField;
  /** The threads' scopes; one line when they all say the same. */
  scope: string;
  /** Threads whose gold file labels this field. */
  threads: number;
  /** Metrics of the summed confusion matrix: every comment weighs the same. */
  metrics: ClassificationMetrics;
  /** Plain mean of the threads' macro-F1: every thread weighs the same. */
  meanMacroF1: number;
}

export interface PooledEvaluation {
  /** Threads pooled (those that could be evaluated). */
  threads: number;
  comments: number;
  goldRecords: number;
  parent?: PooledParent;
  fields: PooledField[];
}

export interface PoolOptions {
  /** Stance labels in schema order (orders the stance rows), as for `evaluateThread`. */
  stanceLabels?: string[];
}

function poolParent(reports: EvaluationReport[]): PooledParent | undefined {
  const parents = reports.flatMap((r) => (r.parent ? [r.parent] : []));
  if (parents.length === 0) return undefined;
  const byEvidence = new Map<ReplyEvidence, { comments: number; correct: number }>();
  let compared = 0;
  let correct = 0;
  for (const parent of parents) {
    compared += parent.compared;
    correct += parent.correct;
    for (const e of parent.byEvidence) {
      const tally = byEvidence.get(e.evidence) ?? { comments: 0, correct: 0 };
      tally.comments += e.comments;
      tally.correct += e.correct;
      byEvidence.set(e.evidence, tally);
    }
  }
  const kinds = [...byEvidence.keys()].sort((a, b) => evidenceRank(a) - evidenceRank(b));
  return {
    threads: parents.length,
    compared,
    correct,
    accuracy: compared === 0 ? 0 : correct / compared,
    byEvidence: kinds.map((evidence) => {
      const t = byEvidence.get(evidence) as { comments: number; correct: number };
      return { evidence, comments: t.comments, correct: t.correct, accuracy: t.correct / t.comments };
    }),
  };
}

/** Position of a kind of evidence in the report order (kinds outside it last). */
function evidenceRank(evidence: ReplyEvidence): number {
  const rank = EVIDENCE_ORDER.indexOf(evidence);
  return rank === -1 ? EVIDENCE_ORDER.length : rank;
}

/**
 * Pools the reports of several threads. Returns `undefined` when there is no report to pool.
 * Fields come in the order sentiment, stance, agreement, each over the threads that label it.
 */
export function poolEvaluations(reports: EvaluationReport[], options: PoolOptions = {}): PooledEvaluation | undefined {
  if (reports.length === 0) return undefined;
  const order: Record<LabelField, readonly string[]> = { sentiment: SENTIMENT_LABELS, stance: options.stanceLabels ?? [], agreement: AGREEMENT_LABELS };
  const fields: PooledField[] = [];
  for (const field of ['sentiment', 'stance', 'agreement'] as const) {
    const evaluations = reports.flatMap((r) => r.fields.filter((f) => f.field === field));
    if (evaluations.length === 0) continue;
    const scopes = [...new Set(evaluations.map((f) => f.scope))];
    fields.push({
      field,
      scope: scopes.join('; '),
      threads: evaluations.length,
      metrics: pooledMetrics(
        evaluations.map((f) => f.metrics),
        [...order[field]],
      ),
      meanMacroF1: evaluations.reduce((sum, f) => sum + f.metrics.macroF1, 0) / evaluations.length,
    });
  }
  return {
    threads: reports.length,
    comments: reports.reduce((sum, r) => sum + r.comments, 0),
    goldRecords: reports.reduce((sum, r) => sum + r.goldRecords, 0),
    parent: poolParent(reports),
    fields,
  };
}
