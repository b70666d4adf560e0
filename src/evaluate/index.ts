// Evaluation against human labels: re-exports only.
export { parseGold, SENTIMENT_LABELS, AGREEMENT_LABELS, type GoldRecord, type GoldOptions } from './gold.js';
export { classificationMetrics, cohenKappa, metricsFromConfusion, pooledMetrics, type ClassificationMetrics, type LabelMetrics, type LabelPair } from './metrics.js';
export { evaluateThread, NO_LABEL, type EvaluationReport, type FieldEvaluation, type ParentEvaluation, type EvaluateOptions } from './compare.js';
export { compareCoders, type CoderComparison, type CoderFieldComparison, type CoderDifference, type CodedField } from './compare-coders.js';
export { poolEvaluations, type PooledEvaluation, type PooledField, type PooledParent, type PoolOptions } from './pool.js';
export { formatCoderComparison, formatEvaluation, formatPooledEvaluation, type SkippedInput } from './format.js';
