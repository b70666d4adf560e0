/**
 * Compares an analyzed thread with gold labels, field by field: `parent` (exact parent, broken
 * down by the kind of reply evidence the analyzer used), and `sentiment`, `stance`, `agreement`
 * (classification metrics). Agreement is compared on replies only: a top-level comment has no
 * parent to agree with. Only fields present in at least one gold record are evaluated, each on
 * the records that carry it.
 */
import { ThreadStanceError } from '../errors.js';
import type { AnalyzedThread, Comment, ReplyEvidence } from '../model.js';
import { AGREEMENT_LABELS, SENTIMENT_LABELS, type GoldRecord } from './gold.js';
import { classificationMetrics, type ClassificationMetrics, type LabelPair } from './metrics.js';

/** Shown as the predicted label when the analyzer produced none for a comment. */
export const NO_LABEL = '(none)';

export type LabelField = 'sentiment' | 'stance' | 'agreement';

/** One comment the analyzer labelled differently from the person. */
export interface Mismatch {
  index: number;
  gold: string;
  predicted: string;
}

export interface FieldEvaluation {
  field: LabelField;
  /** Which comments were compared, in words (`all labelled comments`, `replies only (...)`). */
  scope: string;
  metrics: ClassificationMetrics;
  mismatches: Mismatch[];
}

export interface EvidenceAccuracy {
  evidence: ReplyEvidence;
  comments: number;
  correct: number;
  accuracy: number;
}

export interface ParentEvaluation {
  compared: number;
  correct: number;
  accuracy: number;
  /** Accuracy per kind of evidence the analyzer used, in the order id, mention, quote, continuation, none. */
  byEvidence: EvidenceAccuracy[];
  mismatches: (Mismatch & { evidence: ReplyEvidence })[];
}

export interface EvaluationReport {
  input: string;
  goldFile: string;
  goldRecords: number;
  comments: number;
  parent?: ParentEvaluation;
  fields: FieldEvaluation[];
}

export interface EvaluateOptions {
  /** Stance labels in schema order (orders the stance rows). */
  stanceLabels?: string[];
}

/** The order reply-evidence kinds are listed in. */
export const EVIDENCE_ORDER: readonly ReplyEvidence[] = ['id', 'mention', 'quote', 'continuation', 'none'];

function evaluateParent(pairs: { gold: GoldRecord; comment: Comment }[]): ParentEvaluation | undefined {
  const labelled = pairs.filter((p) => p.gold.parent !== undefined);
  if (labelled.length === 0) return undefined;
  const byEvidence = new Map<ReplyEvidence, { comments: number; correct: number }>();
  const mismatches: ParentEvaluation['mismatches'] = [];
  let correct = 0;
  for (const { gold, comment } of labelled) {
    const tally = byEvidence.get(comment.replyEvidence) ?? { comments: 0, correct: 0 };
    tally.comments++;
    if (gold.parent === comment.parentIndex) {
      correct++;
      tally.correct++;
    } else {
      mismatches.push({ index: gold.index, gold: String(gold.parent), predicted: String(comment.parentIndex), evidence: comment.replyEvidence });
    }
    byEvidence.set(comment.replyEvidence, tally);
  }
  const kinds = [...EVIDENCE_ORDER, ...[...byEvidence.keys()].filter((k) => !EVIDENCE_ORDER.includes(k))];
  return {
    compared: labelled.length,
    correct,
    accuracy: correct / labelled.length,
    byEvidence: kinds
      .filter((k) => byEvidence.has(k))
      .map((k) => {
        const t = byEvidence.get(k) as { comments: number; correct: number };
        return { evidence: k, comments: t.comments, correct: t.correct, accuracy: t.correct / t.comments };
      }),
    mismatches,
  };
}

function predictedLabel(comment: Comment, field: LabelField): string {
  if (field === 'sentiment') return comment.sentiment?.label ?? NO_LABEL;
  if (field === 'stance') return comment.stance?.label ?? NO_LABEL;
  return comment.agreement ?? NO_LABEL;
}

function evaluateField(
  pairs: { gold: GoldRecord; comment: Comment }[],
  field: LabelField,
  order: readonly string[],
  scope: string,
): FieldEvaluation | undefined {
  const labelled = pairs.filter((p) => p.gold[field] !== undefined);
  if (labelled.length === 0) return undefined;
  const labelPairs: LabelPair[] = [];
  const mismatches: Mismatch[] = [];
  for (const { gold, comment } of labelled) {
    const pair = { gold: gold[field] as string, predicted: predictedLabel(comment, field) };
    labelPairs.push(pair);
    if (pair.gold !== pair.predicted) mismatches.push({ index: gold.index, ...pair });
  }
  return { field, scope, metrics: classificationMetrics(labelPairs, [...order]), mismatches };
}

/**
 * Evaluates `thread` against `gold`. A gold index with no comment in the thread is an error
 * located at its gold line (the gold file was written for another thread or another parse).
 */
export function evaluateThread(thread: AnalyzedThread, gold: readonly GoldRecord[], goldFile: string, options: EvaluateOptions = {}): EvaluationReport {
  const byIndex = new Map<number, Comment>();
  for (const c of thread.comments) byIndex.set(c.index, c);
  const pairs = gold.map((g) => {
    const comment = byIndex.get(g.index);
    if (!comment) {
      throw new ThreadStanceError(
        'GOLD_UNKNOWN_COMMENT',
        `comment ${g.index} is labelled, but ${thread.source} has ${thread.comments.length} comments`,
        { file: goldFile, line: g.line },
      );
    }
    return { gold: g, comment };
  });
  // A reply is what the person says is a reply; without a gold parent, what the analyzer says.
  const replies = pairs.filter((p) => (p.gold.parent !== undefined ? p.gold.parent !== 0 : p.comment.parentIndex !== 0));
  const goldParents = pairs.some((p) => p.gold.parent !== undefined);
  const fields = [
    evaluateField(pairs, 'sentiment', SENTIMENT_LABELS, 'all labelled comments'),
    evaluateField(pairs, 'stance', options.stanceLabels ?? [], 'all labelled comments'),
    evaluateField(replies, 'agreement', AGREEMENT_LABELS, `replies only (${goldParents ? 'gold parent' : "the analyzer's parent"} is a comment, not the article)`),
  ].filter((f): f is FieldEvaluation => f !== undefined);
  return {
    input: thread.source,
    goldFile,
    goldRecords: gold.length,
    comments: thread.comments.length,
    parent: evaluateParent(pairs),
    fields,
  };
}
