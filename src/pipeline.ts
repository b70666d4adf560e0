import type { AnalyzedThread, InputFormat, Thread } from './model.js';
import { parseThread } from './parse/index.js';
import { buildThread } from './thread/index.js';
import { scoreThreadSentiment, type TextPolarity } from './sentiment/index.js';
import { withClausePolarities } from './stance/clause-sentiment.js';
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
  // No local keeps the flat records: they are garbage once the tree is built.
  const thread = buildThread(parseThread(text, source, options.format ?? 'auto'), { continuation: options.continuation });
  analyzeSentimentAndStance(thread, schema);
  return summarizeThread(thread, schema);
}

/**
 * The sentiment and stance stages of a thread whose reply tree is built: each comment's own
 * words are read and scored once, and the stance stage takes the polarity of the clauses that
 * name a target from those scores instead of reading and scoring each clause again.
 */
export function analyzeSentimentAndStance(thread: Thread, schema: StanceSchema): void {
  stanceStage(thread, schema, sentimentStage(thread));
}

/**
 * The sentiment stage: fills `sentiment` on every comment and returns the polarity of each text
 * for {@link stanceStage}. Exported apart so the benchmark times the two stages on the real path.
 */
export function sentimentStage(thread: Thread): ReadonlyMap<string, TextPolarity> {
  return scoreThreadSentiment(thread);
}

/**
 * The stance stage: fills `stance` and `agreement` on every comment, reading the polarity of a
 * clause off `polarities` (from {@link sentimentStage}) instead of scoring it again.
 */
export function stanceStage(thread: Thread, schema: StanceSchema, polarities: ReadonlyMap<string, TextPolarity>): void {
  withClausePolarities(polarities, () => analyzeStance(thread, schema));
}
