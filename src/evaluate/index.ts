// Evaluation against human labels: re-exports only.
export { parseGold, SENTIMENT_LABELS, AGREEMENT_LABELS, type GoldRecord, type GoldOptions } from './gold.js';
export { classificationMetrics, type ClassificationMetrics, type LabelMetrics, type LabelPair } from './metrics.js';
export { evaluateThread, NO_LABEL, type EvaluationReport, type FieldEvaluation, type ParentEvaluation, type EvaluateOptions } from './compare.js';
export { formatEvaluation } from './format.js';
