// The library API: re-exports only.
export * from './model.js';
export { ThreadStanceError } from './errors.js';
export { analyzeText, type AnalyzeOptions } from './pipeline.js';
export { parseThread } from './parse/index.js';
export { buildThread, type ThreadOptions } from './thread/index.js';
export { scoreSentiment } from './sentiment/index.js';
export { analyzeStance, loadSchema, summarizeThread, type StanceSchema } from './stance/index.js';
