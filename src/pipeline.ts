import type { AnalyzedThread, Comment, InputFormat, SentimentResult, Thread } from './model.js';
import { parseThread } from './parse/index.js';
import { buildThread, expectedWordsOf } from './thread/index.js';
import { scoreCommentSentiment, type TextPolarity } from './sentiment/index.js';
import { OnePolarity, withClausePolarities } from './stance/clause-sentiment.js';
import { loadSchema, StanceWalk, summarizeThread, type StanceSchema } from './stance/index.js';
import { unpackOwnReadings, type PackedOwnReadings } from './stance/packed-reading.js';
import type { LabelModels } from './learn/label-models.js';

export interface AnalyzeOptions {
  /** Input format; 'auto' detects it. */
  format?: InputFormat | 'auto';
  /** Stance schema; the default debate when absent. */
  schema?: StanceSchema;
  /** Use the `continuation` rule of reply inference. */
  continuation?: boolean;
  /** Models that decide the final labels: the shipped ones when absent; `null` keeps the rules' labels. */
  labelModels?: LabelModels | null;
}

/**
 * Where the time of a run goes: each stage calls `lap` with its name when it finishes a piece of
 * work, and the clock adds the time since the previous lap to that stage. The benchmark's tool;
 * optional everywhere, so a run without it pays nothing.
 */
export interface StageClock {
  lap(stage: string): void;
}

/**
 * The whole analysis of one decoded input text: parse, reply tree, sentiment, stance, summaries.
 * Pure: no I/O, so the CLI, the benchmark and worker threads all call the same function.
 */
export function analyzeText(text: string, source: string, options: AnalyzeOptions = {}): AnalyzedThread {
  const schema = options.schema ?? loadSchema();
  const thread = threadOf(text, source, options);
  analyzeSentimentAndStance(thread, schema, options.labelModels);
  return summarizeThread(thread, schema);
}

/** Parse and reply tree of one decoded input text: the thread before sentiment and stance. */
export function threadOf(text: string, source: string, options: AnalyzeOptions = {}): Thread {
  // No local keeps the flat records: they are garbage once the tree is built. The quote index is
  // sized from the input's UTF-8 size, as when the input is read as a stream.
  const expectedWords = expectedWordsOf(Buffer.byteLength(text, 'utf8'));
  return buildThread(parseThread(text, source, options.format ?? 'auto'), { continuation: options.continuation, expectedWords });
}

/** The sentiment and stance stages of a thread whose reply tree is built, for every comment. */
export function analyzeSentimentAndStance(thread: Thread, schema: StanceSchema, labelModels?: LabelModels | null): void {
  const analysis = new CommentAnalysis(schema, undefined, labelModels);
  for (const comment of thread.comments) analysis.see(comment);
  analysis.analyzeBatch(thread.comments);
}

/**
 * The sentiment and stance stages for comments given in thread order, a batch at a time. Each
 * comment's own words are read and scored once: the stance stage takes the polarity of a clause
 * that names a target from that comment's sentiment reading instead of scoring it again. A batch runs each stage over all its comments before the next stage: the same
 * results, but each stage's code and tables stay hot (measured: comment by comment, every stage
 * interleaved, the pipeline was 30-40% slower).
 */
export class CommentAnalysis {
  private readonly walk: StanceWalk;
  private readonly polarity = new OnePolarity();
  private readonly polarities: TextPolarity[] = [];
  private batch: readonly Comment[] = [];
  private batchPolarities: readonly TextPolarity[] = [];
  private readonly stanceOfComments = (): void => {
    for (let i = 0; i < this.batch.length; i++) {
      this.polarity.set(this.batch[i].ownText, this.batchPolarities[i]);
      this.walk.next(this.batch[i]);
    }
  };

  constructor(private readonly schema: StanceSchema, private readonly clock?: StageClock, labelModels?: LabelModels | null) {
    this.walk = new StanceWalk(schema, labelModels);
  }

  /**
   * Shows the stance stage the next comment of the thread, parent known: every comment must be
   * seen, in order, and those up to `ANSWER_WINDOW` (`src/stance/answer-watch.ts`) after a batch's
   * last before the batch is analyzed (see `StanceWalk`).
   */
  see(comment: Comment): void {
    this.walk.see(comment);
  }

  /** Fills `sentiment`, `stance` and `agreement` on the next comments of the thread, in order. */
  analyzeBatch(comments: readonly Comment[]): void {
    const { polarities } = this;
    polarities.length = comments.length;
    for (let i = 0; i < comments.length; i++) polarities[i] = scoreCommentSentiment(comments[i]);
    this.clock?.lap('sentiment');
    this.stanceOfBatch(comments, polarities);
    polarities.length = 0;
  }

  /**
   * The same for comments whose own words were scored elsewhere (a worker thread, see
   * `src/batch/sentiment-worker.ts`): `sentiments[i]` and `polarities[i]` are those of `comments[i]`.
   */
  analyzeScoredBatch(comments: readonly Comment[], sentiments: readonly SentimentResult[], polarities: readonly TextPolarity[]): void {
    for (let i = 0; i < comments.length; i++) comments[i].sentiment = sentiments[i];
    this.clock?.lap('sentiment');
    this.stanceOfBatch(comments, polarities);
  }

  /**
   * The same for comments whose own words were scored and read elsewhere (the sentiment worker
   * reads each text's own stance, see `src/stance/packed-reading.ts`): only what needs the parent
   * runs here. The readings are unpacked with the schema they were read with; their unpacking
   * counts as stance time.
   */
  analyzeReadBatch(comments: readonly Comment[], sentiments: readonly SentimentResult[], readings: PackedOwnReadings): void {
    for (let i = 0; i < comments.length; i++) comments[i].sentiment = sentiments[i];
    this.clock?.lap('sentiment');
    const own = unpackOwnReadings(readings, this.schema);
    for (let i = 0; i < comments.length; i++) this.walk.decide(comments[i], own[i]);
    this.clock?.lap('stance');
  }

  private stanceOfBatch(comments: readonly Comment[], polarities: readonly TextPolarity[]): void {
    this.batch = comments;
    this.batchPolarities = polarities;
    withClausePolarities(this.polarity, this.stanceOfComments);
    this.batch = [];
    this.batchPolarities = [];
    this.clock?.lap('stance');
  }
}
