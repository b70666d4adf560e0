import { parse } from 'csv-parse/sync';
import type { ParsedThread } from '../model.js';
import { ThreadStanceError } from '../errors.js';
import { LineLedger } from './accounting.js';
import { RecordReader } from './records.js';

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
    rows = parse(text, { columns: canonicalColumns, info: true, skip_empty_lines: true, trim: false }) as unknown as CsvRow[];
  } catch (error) {
    const lineOf = (error as { lines?: number }).lines;
    throw new ThreadStanceError('INPUT_BAD_RECORD', `expected CSV records with a header row: ${(error as Error).message}`, {
      file: source, line: typeof lineOf === 'number' ? lineOf : undefined,
    });
  }
  const isContentLine = (line: number): boolean => lines[line - 1].trim() !== '';
  const headerLine = nextContentLine(lines, 1);
  // A quoted header cell may span lines too: every line of the header row is the header's.
  const headerEnd = headerLine === 0 ? 0 : headerEndLine(text, headerLine);
  for (let line = headerLine; line !== 0 && line <= headerEnd; line++) if (isContentLine(line)) ledger.mark(line, 'header');
  const reader = new RecordReader(source, ledger);
  let previousEnd = headerEnd;
  for (const row of rows) {
    // A record's first line is its first non-blank one; a record of invisible characters only
    // (a lone U+FEFF) has none, then it starts right after the previous record.
    let start = nextContentLine(lines, previousEnd + 1);
    if (start === 0 || start > row.info.lines) start = Math.min(previousEnd + 1, row.info.lines);
    reader.add(row.record, start, row.info.lines, isContentLine);
    previousEnd = row.info.lines;
  }
  return reader.result('csv');
}

/** Last line of the header row (the file parsed already, so this first record parses too). */
function headerEndLine(text: string, headerLine: number): number {
  const [first] = parse(text, { to: 1, info: true, skip_empty_lines: true }) as unknown as { info: { lines: number } }[];
  return first === undefined ? headerLine : first.info.lines;
}

/** Field names the records read, in their canonical spelling. */
const KNOWN_COLUMNS = ['id', 'parentId', 'parent_id', 'parent', 'author', 'text', 'createdAt', 'created_at'];
const COLUMN_BY_LOWER = new Map(KNOWN_COLUMNS.map((name) => [name.toLowerCase(), name]));

/** Header cells trimmed, known field names in any case (`ID`, `Author`) mapped to their spelling. */
function canonicalColumns(header: string[]): string[] {
  return header.map((cell) => {
    const trimmed = String(cell).trim();
    return COLUMN_BY_LOWER.get(trimmed.toLowerCase()) ?? trimmed;
  });
}

/** First non-blank 1-based line at or after `from` (0 when there is none). */
function nextContentLine(lines: readonly string[], from: number): number {
  for (let line = from; line <= lines.length; line++) if (lines[line - 1].trim() !== '') return line;
  return 0;
}
