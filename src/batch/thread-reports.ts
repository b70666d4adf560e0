/**
 * A thread's reports written while its comments are analyzed: each comment's `thread.json` entry
 * and `comments.csv` row are written as soon as its sentiment and stance are known, and then its
 * sentiment terms and stance evidence (the bulk of what the analysis adds) are let go. So the
 * memory of a run grows with the thread by a few small fields per comment, not by everything the
 * reports hold. The files are byte-identical to those written from the whole analyzed thread
 * (`threadJsonChunks`, `commentsCsvChunks`), and each is written atomically: an error at any
 * comment leaves no report, not half of one.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AnalyzedThread, Comment, SentimentTerm, StanceEvidence, Thread } from '../model.js';
import { analyzedComments, type StageClock } from '../pipeline.js';
import { summarizeThread, type StanceSchema } from '../stance/index.js';
import { AtomicFile, writeFileAtomic } from '../report/atomic-write.js';
import { authorsCsvChunks, CommentsCsvRows, type CsvDialect } from '../report/csv.js';
import { threadJsonComment, threadJsonHead, threadJsonTail } from '../report/json.js';
import { summaryMarkdown } from '../report/markdown.js';

/** The reports of a thread: which to write, in which CSV dialect, with which stance labels. */
export interface ReportSettings {
  formats: readonly ('csv' | 'md' | 'json')[];
  excel: boolean;
  /** Stance labels of the schema, in schema order (CSV columns). */
  labels: string[];
}

/** Shared by every comment once its details are written (frozen: a write would fail loudly). */
const WRITTEN_TERMS: SentimentTerm[] = Object.freeze([]) as unknown as SentimentTerm[];
const WRITTEN_EVIDENCE: StanceEvidence[] = Object.freeze([]) as unknown as StanceEvidence[];

/**
 * Keeps of a written comment what the summaries and `summary.md` read (labels, scores, texts for
 * excerpts) and lets go of its sentiment terms and stance evidence.
 */
function letDetailsGo(comment: Comment): void {
  if (comment.sentiment !== undefined) comment.sentiment.terms = WRITTEN_TERMS;
  if (comment.stance !== undefined) comment.stance.evidence = WRITTEN_EVIDENCE;
}

/** The files a thread's reports consist of besides `summary.md`, for the chosen formats. */
export function dataFilesOf(formats: readonly string[]): string[] {
  const files: string[] = [];
  if (formats.includes('csv')) files.push('comments.csv', 'authors.csv');
  if (formats.includes('json')) files.push('thread.json');
  return files;
}

/**
 * Analyzes the sentiment and stance of every comment of `thread` (reply tree built) and writes
 * its reports into `dir` (created): `thread.json`, `comments.csv` + `authors.csv`, `summary.md`,
 * as `settings.formats` asks. Returns the summarized thread, whose comments no longer carry
 * their sentiment terms and stance evidence (they are in the files).
 */
export function analyzeAndWriteReports(thread: Thread, schema: StanceSchema, dir: string, settings: ReportSettings, clock?: StageClock): AnalyzedThread {
  fs.mkdirSync(dir, { recursive: true });
  const { formats, labels } = settings;
  const dialect: CsvDialect = settings.excel ? 'excel' : 'rfc4180';
  const json = formats.includes('json') ? new AtomicFile(path.join(dir, 'thread.json')) : undefined;
  let csv: AtomicFile | undefined;
  try {
    csv = formats.includes('csv') ? new AtomicFile(path.join(dir, 'comments.csv')) : undefined;
    const rows = new CommentsCsvRows(labels, dialect);
    json?.write(threadJsonHead(thread));
    csv?.write(rows.header());
    let first = true;
    for (const comment of analyzedComments(thread, schema, clock)) {
      if (json !== undefined) {
        json.write(threadJsonComment(comment, first));
        clock?.lap('reportJson');
      }
      if (csv !== undefined) {
        csv.write(rows.add(comment));
        clock?.lap('reportCsv');
      }
      letDetailsGo(comment);
      first = false;
    }
    const analyzed = summarizeThread(thread, schema);
    clock?.lap('summary');
    if (json !== undefined) {
      for (const chunk of threadJsonTail(analyzed, !first)) json.write(chunk);
      json.commit();
      clock?.lap('reportJson');
    }
    if (csv !== undefined) {
      csv.write(rows.flush());
      csv.commit();
      writeFileAtomic(path.join(dir, 'authors.csv'), authorsCsvChunks(analyzed, { dialect, labels }));
      clock?.lap('reportCsv');
    }
    if (formats.includes('md')) {
      writeFileAtomic(path.join(dir, 'summary.md'), summaryMarkdown(analyzed, { labels, dataFiles: dataFilesOf(formats) }));
      clock?.lap('reportMarkdown');
    }
    return analyzed;
  } catch (error) {
    json?.abort();
    csv?.abort();
    throw error;
  }
}
