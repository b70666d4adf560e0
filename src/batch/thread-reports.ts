/**
 * A thread's reports written while its comments are analyzed: each comment's `thread.json` entry
 * and `comments.csv` row are written as soon as its sentiment and stance are known; then only what
 * the summaries and `summary.md` read is kept of it, in columns (see `kept-comments.ts`; the
 * excerpt of its words `summary.md` may quote goes to a temporary file). So the memory of a run
 * grows with the thread by about a hundred bytes per comment, not by everything the reports hold.
 * The files are byte-identical to those written from the whole analyzed thread (`threadJsonChunks`,
 * `commentsCsvChunks`, `summaryMarkdown`), and each is written atomically: an error at any
 * comment leaves no report, not half of one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { AnalyzedThread, Comment, Thread } from '../model.js';
import { CommentAnalysis, type StageClock } from '../pipeline.js';
import { summarizeThread, type StanceSchema } from '../stance/index.js';
import { loadedSchemaFile } from '../stance/schema.js';
import { AtomicFile, writeFileAtomic } from '../report/atomic-write.js';
import { authorsCsvChunks, commentsCsvRows, type CsvDialect, type CsvRows } from '../report/csv.js';
import { excerptSource } from '../report/escape.js';
import { threadJsonCommentsText, threadJsonHead, threadJsonTail } from '../report/json.js';
import { EXCERPT_CHARS, summaryMarkdown } from '../report/markdown.js';
import { unpackPolarities, unpackSentiments } from '../sentiment/packed.js';
import { ExcerptStore } from './excerpt-store.js';
import { KeptColumns } from './kept-comments.js';
import { ReadingShare } from './reading-share.js';
import type { ScoredBatch, SentimentWorker } from './sentiment-worker.js';
import { ANSWER_WINDOW } from '../stance/answer-watch.js';

/** The reports of a thread: which to write, in which CSV dialect, with which stance labels. */
export interface ReportSettings {
  formats: readonly ('csv' | 'md' | 'json')[];
  excel: boolean;
  /** Labels from the rules alone (no learned label models). */
  rulesOnly: boolean;
  /** Stance labels of the schema, in schema order (CSV columns). */
  labels: string[];
}

/** What `thread.json` starts with, known before any comment is analyzed. */
export type ThreadHead = Pick<Thread, 'source' | 'format' | 'title' | 'article'>;

/**
 * Comments analyzed and written together: enough for each stage to run hot over many comments,
 * few enough that their details (terms, evidence) die young. Measured on a 41,000-comment
 * synthetic page (fastest of 3 runs, twice): 1 → 14.1-15.3 s, 64 → 11.3-12.4 s, 256 → 11.7-11.9 s;
 * on a 500,000-comment page, 32 took as long as 256 with a peak RSS of 1,079 MB instead of 1,301
 * (larger batches outlive the young generation and are promoted into the old one).
 */
const BATCH_COMMENTS = 32;

/**
 * Batches of comments the sentiment worker may hold at once. Enough that the calling thread rarely
 * waits: the cost of a batch varies (its texts' lengths) on both threads, and a deep queue lets
 * one thread's slow stretch be made up by the other. Measured on the 100,000-comment synthetic
 * page, two runs each: 4 batches waited 1.2-1.5 s for the worker (12.6-14.9 s in all), 32 waited
 * 0.5-0.8 s (11.4-12.1 s), 128 no better than 32. 32 × 32 comments waiting are a few megabytes.
 */
const BATCHES_IN_FLIGHT = 32;

/** A batch whose sentiment the worker is scoring. */
interface InFlight {
  comments: Comment[];
  scores: Promise<ScoredBatch>;
}

/** The files a thread's reports consist of besides `summary.md`, for the chosen formats. */
export function dataFilesOf(formats: readonly string[]): string[] {
  const files: string[] = [];
  if (formats.includes('csv')) files.push('comments.csv', 'authors.csv');
  if (formats.includes('json')) files.push('thread.json');
  return files;
}

/**
 * The reports of one thread, written comment by comment: {@link begin} with the thread's head,
 * {@link add} each comment in thread order (analyzed there), {@link finish} with the thread of the
 * kept comments; {@link abort} on any error. Only `finish` makes files appear.
 */
export class ThreadReportWriter {
  private readonly dialect: CsvDialect;
  private readonly rows: CsvRows<Comment>;
  private readonly analysis: CommentAnalysis;
  private json: AtomicFile | undefined;
  private csv: AtomicFile | undefined;
  private first = true;
  private excerpts: ExcerptStore | undefined;
  private columns: KeptColumns | undefined;
  private pending: Comment[] = [];
  /** Batches at the sentiment worker, oldest first. */
  private readonly inFlight: InFlight[] = [];
  private readonly keptComments: Comment[] = [];
  /**
   * The file the sentiment worker loads to read each text's own stance (see `sentiment-worker.ts`);
   * undefined for a schema built in memory, whose comments are then read on this thread with the
   * polarities the worker sends back.
   */
  private readonly readingSchema: string | undefined;
  /** Which batches the worker reads (see `reading-share.ts`; made at the first batch sent); the others are read here. */
  private readingShare: ReadingShare | undefined;

  /**
   * @param sentimentWorker scores the comments' own words on another thread and, for a schema
   * loaded from a file, reads their own stance there too (see `sentiment-worker.ts`); without it,
   * every stage runs on the calling thread
   */
  constructor(
    private readonly dir: string, private readonly settings: ReportSettings, private readonly schema: StanceSchema,
    private readonly clock?: StageClock, private readonly sentimentWorker?: SentimentWorker,
  ) {
    this.dialect = settings.excel ? 'excel' : 'rfc4180';
    this.rows = commentsCsvRows(settings.labels, this.dialect);
    this.analysis = new CommentAnalysis(schema, clock, settings.rulesOnly ? null : undefined);
    this.readingSchema = loadedSchemaFile(schema);
  }

  /** Creates the folder and opens the files of the formats asked, writing what precedes the comments. */
  begin(head: ThreadHead): void {
    fs.mkdirSync(this.dir, { recursive: true });
    this.excerpts = new ExcerptStore(this.dir);
    this.columns = new KeptColumns(this.excerpts);
    const { formats } = this.settings;
    if (formats.includes('json')) {
      this.json = new AtomicFile(path.join(this.dir, 'thread.json'));
      this.json.write(threadJsonHead(head));
    }
    if (formats.includes('csv')) {
      this.csv = new AtomicFile(path.join(this.dir, 'comments.csv'));
      this.csv.write(this.rows.header());
    }
  }

  /**
   * Takes the next comment of the thread. Comments are analyzed and written by batches of
   * {@link BATCH_COMMENTS} (each stage over the whole batch, see `CommentAnalysis`), each once the
   * {@link ANSWER_WINDOW} comments after it have been taken (the stance stage looks that far
   * ahead). Returns a promise when the caller must wait before adding more: with a sentiment
   * worker, once {@link BATCHES_IN_FLIGHT} batches are being scored, for the oldest to come back
   * and be written.
   */
  add(comment: Comment): Promise<void> | undefined {
    this.analysis.see(comment);
    this.pending.push(comment);
    return this.pending.length >= BATCH_COMMENTS + ANSWER_WINDOW ? this.sendPending(BATCH_COMMENTS) : undefined;
  }

  /**
   * Sends the first `count` pending comments on (all of them by default): analyzed and written at
   * once on one thread; with a sentiment worker, their own words go to the worker and they are
   * written when the scores come back, so the caller parses the next comments meanwhile.
   */
  private sendPending(count = this.pending.length): Promise<void> | undefined {
    if (count === 0) return undefined;
    const batch = this.pending.splice(0, count);
    const worker = this.sentimentWorker;
    if (worker === undefined) {
      this.analysis.analyzeBatch(batch);
      this.write(batch);
      return undefined;
    }
    const texts: string[] = [];
    for (const comment of batch) texts.push(comment.ownText);
    this.readingShare ??= new ReadingShare(worker);
    const scores = worker.score(texts, this.readingSchema !== undefined && this.readingShare.next() ? this.readingSchema : undefined);
    // Handled when awaited in turn; without this, a worker that dies would reject the batches
    // behind the one awaited as unhandled rejections, which end the process.
    scores.catch(() => undefined);
    this.inFlight.push({ comments: batch, scores });
    return this.inFlight.length >= BATCHES_IN_FLIGHT ? this.writeOldest() : undefined;
  }

  /**
   * Waits for the oldest batch sent to the worker, then runs the rest of its stance stage (what
   * needs the parents, when the worker read the texts; all of it otherwise) and writes it.
   */
  private async writeOldest(): Promise<void> {
    const { comments, scores } = this.inFlight.shift() as InFlight;
    // The time before the wait goes to the stage it belongs to; the wait itself is idle time.
    this.clock?.lap('sentiment');
    const before = performance.now();
    const scored = await scores;
    this.readingShare?.waited((performance.now() - before) / 1000);
    this.clock?.lap('sentimentWait');
    const sentiments = unpackSentiments(scored.packed.sentiments);
    if (scored.readings !== undefined) this.analysis.analyzeReadBatch(comments, sentiments, scored.readings);
    else this.analysis.analyzeScoredBatch(comments, sentiments, unpackPolarities(scored.packed));
    this.write(comments);
  }

  /** Writes every comment taken so far (the batch being filled and those at the worker). */
  private async drain(): Promise<void> {
    await this.sendPending();
    while (this.inFlight.length > 0) await this.writeOldest();
  }

  /** Writes the `thread.json` entries and `comments.csv` rows of analyzed comments, and keeps what the summaries need. */
  private write(batch: readonly Comment[]): void {
    const { clock } = this;
    if (this.json !== undefined) {
      // Pieces written one by one: joined, they would be copied once more.
      for (const piece of threadJsonCommentsText(batch, this.first)) this.json.write(piece);
      if (batch.length > 0) this.first = false;
      clock?.lap('reportJson');
    }
    if (this.csv !== undefined) {
      // The batch's rows are encoded at once, not left waiting for a chunk of 100: rows that
      // waited outlived the young generation and were promoted to the old one (about 10 MB
      // promoted on the 10k-comment synthetic page), for a few µs more per csv-stringify call.
      for (const comment of batch) this.csv.write(this.rows.add(comment));
      this.csv.write(this.rows.flush());
      clock?.lap('reportCsv');
    }
    const columns = this.columns as KeptColumns;
    for (const comment of batch) {
      const words = comment.ownText.trim() !== '' ? comment.ownText : comment.text;
      this.keptComments.push(columns.add(comment, excerptSource(words, EXCERPT_CHARS)));
    }
    // What is kept is what the summaries are computed from: its time is theirs.
    clock?.lap('summary');
  }

  /**
   * Completes the reports of `thread`, whose comments are replaced by what is kept of them: the
   * end of `thread.json`, `comments.csv` then `authors.csv`, `summary.md`. Returns the summarized
   * thread.
   */
  async finish(thread: Thread): Promise<AnalyzedThread> {
    await this.drain();
    const { clock, settings, dialect } = this;
    const labels = settings.labels;
    const analyzed = summarizeThread({ ...thread, comments: this.keptComments }, this.schema);
    clock?.lap('summary');
    if (this.json !== undefined) {
      for (const chunk of threadJsonTail(analyzed, !this.first)) this.json.write(chunk);
      this.json.commit();
      clock?.lap('reportJson');
    }
    if (this.csv !== undefined) {
      this.csv.write(this.rows.flush());
      this.csv.commit();
      writeFileAtomic(path.join(this.dir, 'authors.csv'), authorsCsvChunks(analyzed, { dialect, labels }));
      clock?.lap('reportCsv');
    }
    if (settings.formats.includes('md')) {
      writeFileAtomic(path.join(this.dir, 'summary.md'), summaryMarkdown(analyzed, { labels, dataFiles: dataFilesOf(settings.formats) }));
      clock?.lap('reportMarkdown');
    }
    this.excerpts?.close();
    return analyzed;
  }

  /** Drops the files being written: the folder keeps what it had. */
  abort(): void {
    this.inFlight.length = 0;
    this.json?.abort();
    this.csv?.abort();
    this.excerpts?.close();
  }
}

/**
 * Analyzes the sentiment and stance of every comment of `thread` (reply tree built) and writes
 * its reports into `dir` (created), as `settings.formats` asks. Returns the summarized thread,
 * whose comments are what the reports' writer kept of them (see {@link ThreadReportWriter}).
 */
export async function analyzeAndWriteReports(
  thread: Thread, schema: StanceSchema, dir: string, settings: ReportSettings, clock?: StageClock, sentimentWorker?: SentimentWorker,
): Promise<AnalyzedThread> {
  const writer = new ThreadReportWriter(dir, settings, schema, clock, sentimentWorker);
  try {
    writer.begin(thread);
    for (const comment of thread.comments) {
      const wait = writer.add(comment);
      if (wait !== undefined) await wait;
    }
    return await writer.finish(thread);
  } catch (error) {
    writer.abort();
    throw error;
  }
}
