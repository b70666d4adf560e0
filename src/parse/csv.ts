import { parse } from 'csv-parse/sync';
import type { ParsedThread, RawComment } from '../model.js';
import { ThreadStanceError } from '../errors.js';
import { LineLedger } from './accounting.js';
import { recordThread, toRawComment } from './records.js';

interface CsvRow {
  record: Record<string, string>;
  info: { lines: number };
}

/**
 * Parses a CSV export with a header row (`id, parentId?, author, text, createdAt?`), one file per
 * thread. Quoted fields may span lines; each record's range of lines is accounted. Malformed CSV
 * and incomplete records throw `INPUT_BAD_RECORD` with the line.
 */
export function parseCsv(text: string, source: string): ParsedThread {
  const lines = text.split('\n');
  const ledger = new LineLedger(lines);
  let rows: CsvRow[];
  try {
    rows = parse(text, { columns: true, info: true, skip_empty_lines: true, trim: false }) as unknown as CsvRow[];
  } catch (error) {
    const lineOf = (error as { lines?: number }).lines;
    throw new ThreadStanceError('INPUT_BAD_RECORD', `expected CSV records with a header row: ${(error as Error).message}`, {
      file: source, line: typeof lineOf === 'number' ? lineOf : undefined,
    });
  }
  const headerLine = nextContentLine(lines, 1);
  if (headerLine !== 0) ledger.mark(headerLine, 'header');
  const seenIds = new Set<string>();
  const comments: RawComment[] = [];
  let previousEnd = headerLine;
  for (const row of rows) {
    const start = nextContentLine(lines, previousEnd + 1);
    comments.push(toRawComment(row.record, source, start, seenIds));
    for (let line = start; line <= row.info.lines; line++) {
      if (lines[line - 1].trim() !== '') ledger.mark(line, 'comments', comments.length);
    }
    previousEnd = row.info.lines;
  }
  return recordThread(source, 'csv', comments, ledger);
}

/** First non-blank 1-based line at or after `from` (0 when there is none). */
function nextContentLine(lines: readonly string[], from: number): number {
  for (let line = from; line <= lines.length; line++) if (lines[line - 1].trim() !== '') return line;
  return 0;
}
