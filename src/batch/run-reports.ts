/**
 * The run-level reports written beside the per-thread folders, once every thread is done: `index.md`
 * (with the `md` format) and the combined `comments.csv` / `authors.csv` (with `csv`). Written from
 * the index entries and the per-thread files on disk, so a single run and a `merge` of shards write
 * them with the same code and the same bytes.
 */
import path from 'node:path';
import { writeFileAtomic } from '../report/atomic-write.js';
import { indexMarkdown, type FailedInput, type IndexEntry } from '../report/index-markdown.js';
import { combinedCsvChunks } from './combined-csv.js';
import type { ReportFormat } from './task.js';

/** What the run-level reports depend on besides the entries. */
export interface RunReportSettings {
  formats: ReportFormat[];
  excel: boolean;
  labels: string[];
}

/** Names of the run-level files for the formats, in the order they are written. */
export function runLevelFiles(formats: ReportFormat[]): string[] {
  return [...(formats.includes('csv') ? ['comments.csv', 'authors.csv'] : []), ...(formats.includes('md') ? ['index.md'] : [])];
}

/**
 * Writes the combined CSV files (threads in `entries` order) and `index.md` into `out`, each
 * atomically. Throws the first write error (the caller reports it).
 */
export function writeRunReports(out: string, entries: IndexEntry[], failed: FailedInput[], settings: RunReportSettings): void {
  const dialect = settings.excel ? 'excel' : 'rfc4180';
  const slugs = entries.map((e) => e.slug);
  const combinedFiles: string[] = [];
  if (settings.formats.includes('csv')) {
    for (const table of ['comments.csv', 'authors.csv'] as const) {
      writeFileAtomic(path.join(out, table), combinedCsvChunks(out, slugs, table, settings.labels, dialect));
      combinedFiles.push(table);
    }
  }
  if (settings.formats.includes('md')) {
    writeFileAtomic(path.join(out, 'index.md'), indexMarkdown(entries, failed, { labels: settings.labels, combinedFiles }));
  }
}
