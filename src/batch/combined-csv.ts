/**
 * The run-level `comments.csv` and `authors.csv`: every thread's rows in one table, in run order,
 * with a first column `thread` holding the thread's report folder name. They are built from the
 * per-thread files already on disk (not from analyzed threads kept in memory), by the same code
 * after a single run and after `merge`, so both give the same bytes.
 *
 * The per-thread files are streamed in 1 MiB blocks and copied byte for byte, with the `thread`
 * cell put in front of each record. Record ends are found with a two-state scan: outside quotes a
 * LF ends a record (every record ends with CRLF; a line end inside a cell is always quoted), and
 * every `"` flips the state (inner quotes are doubled, so they flip it twice). `"` and LF are
 * ASCII, which never occurs inside a UTF-8 multi-byte sequence, so bytes can be scanned as is.
 */
import fs from 'node:fs';
import path from 'node:path';
import { authorColumns, commentColumns, csvHeader, encodeField, neutraliseFormula, type CsvDialect } from '../report/csv.js';

/** The per-thread file a combined file is made of. */
export type CombinedTable = 'comments.csv' | 'authors.csv';

const BLOCK_BYTES = 1 << 20;
const QUOTE = 0x22;
const LF = 0x0a;
const BOM = [0xef, 0xbb, 0xbf];

/** Columns of a combined table: `thread`, then the per-thread columns. */
export function combinedColumns(table: CombinedTable, labels: string[]): string[] {
  return ['thread', ...(table === 'comments.csv' ? commentColumns(labels) : authorColumns(labels))];
}

/**
 * The records of one per-thread CSV file after its header, each prefixed with `prefix` (the
 * encoded `thread` cell and the separator), as byte blocks.
 */
function* prefixedRecords(file: string, prefix: Buffer): Generator<Uint8Array> {
  const fd = fs.openSync(file, 'r');
  try {
    const block = Buffer.allocUnsafe(BLOCK_BYTES);
    let inQuotes = false;
    let inHeader = true;
    let atRecordStart = false;
    let first = true;
    for (let read = fs.readSync(fd, block, 0, BLOCK_BYTES, null); read > 0; read = fs.readSync(fd, block, 0, BLOCK_BYTES, null)) {
      let start = 0;
      if (first && read >= 3 && block[0] === BOM[0] && block[1] === BOM[1] && block[2] === BOM[2]) start = 3;
      first = false;
      const pieces: Uint8Array[] = [];
      let copyFrom = start;
      // Jumps from one `"` or LF to the next with `indexOf` (native, many bytes per step) rather
      // than testing every byte in JavaScript: records are mostly plain text between the two.
      let nextQuote = block.indexOf(QUOTE, start);
      let nextLf = block.indexOf(LF, start);
      for (let i = start; ;) {
        if (atRecordStart && i < read) {
          if (i > copyFrom) pieces.push(block.subarray(copyFrom, i));
          pieces.push(prefix);
          copyFrom = i;
          atRecordStart = false;
        }
        if (nextQuote >= read) nextQuote = -1;
        if (nextLf >= read) nextLf = -1;
        if (inQuotes) {
          // Inside a quoted cell only the closing `"` matters.
          if (nextQuote < 0) break;
          inQuotes = false;
          i = nextQuote + 1;
          nextQuote = block.indexOf(QUOTE, i);
          // Line ends inside the quoted cell were skipped over: look for the next one after it.
          if (nextLf >= 0 && nextLf < i) nextLf = block.indexOf(LF, i);
          continue;
        }
        if (nextQuote < 0 && nextLf < 0) break;
        if (nextQuote >= 0 && (nextLf < 0 || nextQuote < nextLf)) {
          inQuotes = true;
          i = nextQuote + 1;
          nextQuote = block.indexOf(QUOTE, i);
          continue;
        }
        i = nextLf + 1;
        nextLf = block.indexOf(LF, i);
        if (inHeader) {
          inHeader = false;
          copyFrom = i;
        }
        atRecordStart = true;
      }
      if (!inHeader && read > copyFrom) pieces.push(block.subarray(copyFrom, read));
      // Copied out because the block is reused for the next read.
      if (pieces.length > 0) yield Buffer.concat(pieces);
    }
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * A combined table over the threads whose report folders are `slugs` (in run order) under `out`:
 * the header (with BOM for `excel`), then each thread's rows with its `thread` cell.
 */
export function* combinedCsvChunks(out: string, slugs: readonly string[], table: CombinedTable, labels: string[], dialect: CsvDialect): Generator<string | Uint8Array> {
  yield csvHeader(combinedColumns(table, labels), dialect);
  const separator = dialect === 'excel' ? ';' : ',';
  for (const slug of slugs) {
    const prefix = Buffer.from(`${encodeField(neutraliseFormula(slug), dialect)}${separator}`, 'utf8');
    yield* prefixedRecords(path.join(out, slug, table), prefix);
  }
}
