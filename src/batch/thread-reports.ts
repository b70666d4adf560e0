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
import type { AnalyzedThread, Comment, Thread } from '../model.js';
import { CommentAnalysis, type StageClock } from '../pipeline.js';
import { summarizeThread, type StanceSchema } from '../stance/index.js';
import { AtomicFile, writeFileAtomic } from '../report/atomic-write.js';
import { authorsCsvChunks, commentsCsvRows, type CsvDialect, type CsvRows } from '../report/csv.js';
import { excerptSource } from '../report/escape.js';
import { threadJsonComment, threadJsonHead, threadJsonTail } from '../report/json.js';
import { EXCERPT_CHARS, summaryMarkdown } from '../report/markdown.js';
import { ExcerptStore } from './excerpt-store.js';
import { KeptColumns } from './kept-comments.js';

/** The reports of a thread: which to write, in which CSV dialect, with which stance labels. */
export interface ReportSettings {
  formats: readonly ('csv' | 'md' | 'json')[];
  excel: boolean;
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
  private readonly pending: Comment[] = [];
  private readonly keptComments: Comment[] = [];

  constructor(private readonly dir: string, private readonly settings: ReportSettings, private readonly schema: StanceSchema, private readonly clock?: StageClock) {
    this.dialect = settings.excel ? 'excel' : 'rfc4180';
    this.rows = commentsCsvRows(settings.labels, this.dialect);
    this.analysis = new CommentAnalysis(schema, clock);
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
   * {@link BATCH_COMMENTS} (each stage over the whole batch, see `CommentAnalysis`); what is kept
   * of each is in {@link kept} once its batch is written.
   */
  add(comment: Comment): void {
    this.pending.push(comment);
    if (this.pending.length >= BATCH_COMMENTS) this.writeBatch();
  }

  /** What is kept of every comment written so far, in thread order. */
  get kept(): Comment[] {
    this.writeBatch();
    return this.keptComments;
  }

  private writeBatch(): void {
    const { clock, pending } = this;
    if (pending.length === 0) return;
    this.analysis.analyzeBatch(pending);
    if (this.json !== undefined) {
      for (const comment of pending) {
        this.json.write(threadJsonComment(comment, this.first));
        this.first = false;
      }
      clock?.lap('reportJson');
    }
    if (this.csv !== undefined) {
      for (const comment of pending) this.csv.write(this.rows.add(comment));
      clock?.lap('reportCsv');
    }
    const columns = this.columns as KeptColumns;
    for (const comment of pending) {
      const words = comment.ownText.trim() !== '' ? comment.ownText : comment.text;
      this.keptComments.push(columns.add(comment, excerptSource(words, EXCERPT_CHARS)));
    }
    pending.length = 0;
  }

  /**
   * Completes the reports of `thread`, whose comments are replaced by what is kept of them: the
   * end of `thread.json`, `comments.csv` then `authors.csv`, `summary.md`. Returns the summarized
   * thread.
   */
  finish(thread: Thread): AnalyzedThread {
    const { clock, settings, dialect } = this;
    const labels = settings.labels;
    const analyzed = summarizeThread({ ...thread, comments: this.kept }, this.schema);
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
export function analyzeAndWriteReports(thread: Thread, schema: StanceSchema, dir: string, settings: ReportSettings, clock?: StageClock): AnalyzedThread {
  const writer = new ThreadReportWriter(dir, settings, schema, clock);
  try {
    writer.begin(thread);
    for (const comment of thread.comments) writer.add(comment);
    return writer.finish(thread);
  } catch (error) {
    writer.abort();
    throw error;
  }
}
