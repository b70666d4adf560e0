// Evaluation against human labels: re-exports only.
export { parseGold, SENTIMENT_LABELS, AGREEMENT_LABELS, type GoldRecord, type GoldOptions } from './gold.js';
export { classificationMetrics, type ClassificationMetrics, type LabelMetrics, type LabelPair } from './metrics.js';
export { evaluateThread, NO_LABEL, type EvaluationReport, type FieldEvaluation, type ParentEvaluation, type EvaluateOptions } from './compare.js';
export { formatEvaluation } from './format.js';
export { compareCoders, type CoderComparison, type CoderFieldComparison, type CoderDifference, type CodedField } from './compare-coders.js';
export { cohenKappa } from './metrics.js';
export { formatCoderComparison } from './format.js';
export { pooledMetrics, metricsFromConfusion } from './metrics.js';
export { poolEvaluations, type PooledEvaluation, type PooledField, type PooledParent, type PoolOptions } from './pool.js';
export { formatPooledEvaluation, type SkippedInput } from './format.js';
