import type { AnalyzedThread, InputFormat } from './model.js';
import { parseThread } from './parse/index.js';
import { buildThread } from './thread/index.js';
import { scoreSentiment } from './sentiment/index.js';
import { analyzeStance, loadSchema, summarizeThread, type StanceSchema } from './stance/index.js';

export interface AnalyzeOptions {
  /** Input format; 'auto' detects it. */
  format?: InputFormat | 'auto';
  /** Stance schema; the default debate when absent. */
  schema?: StanceSchema;
  /** Use the `continuation` rule of reply inference. */
  continuation?: boolean;
}

/**
 * The whole analysis of one decoded input text: parse, reply tree, sentiment, stance, summaries.
 * Pure: no I/O, so the CLI, the benchmark and worker threads all call the same function.
 */
export function analyzeText(text: string, source: string, options: AnalyzeOptions = {}): AnalyzedThread {
  const schema = options.schema ?? loadSchema();
  const parsed = parseThread(text, source, options.format ?? 'auto');
  const thread = buildThread(parsed, { continuation: options.continuation });
  for (const comment of thread.comments) comment.sentiment = scoreSentiment(comment.ownText);
  analyzeStance(thread, schema);
  return summarizeThread(thread, schema);
}
