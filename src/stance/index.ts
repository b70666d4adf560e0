/**
 * The stance stage: the position of every comment in the debate (labels of a {@link StanceSchema}),
 * whether it agrees with the comment it answers, and the per-author and per-thread summaries.
 */
export { loadSchema, parseSchema, DEFAULT_SCHEMA_FILE, type StanceSchema } from './schema.js';
export { analyzeStance, textStance, StanceWalk } from './analyze.js';
export { summarizeThread, articleStance, journalistWords, summarizeAuthors, summarizeThreadFigures, debatedSubThreads } from './summary.js';
export { detectAgreement } from './agreement.js';
export { textEvidence, findTargets } from './signals.js';
