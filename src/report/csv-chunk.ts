/**
 * CSV text of a chunk of rows, written cell by cell. csv-stringify quotes every text cell; what
 * saves time is that it sees ONLY the text cells, all those of the chunk in one call.
 *
 * A row's cells are of three kinds (see {@link CsvCells}):
 * - numbers as `formatCsvNumber` writes them: digits, `.`, `-`, `+`, `e`, and `,` for the
 *   `excel` dialect, whose separator is `;`. csv-stringify would write them as they are (it quotes
 *   only a cell holding the separator, a quote or a line end; tested on any double), so they are
 *   written directly;
 * - labels the code or the stance schema makes (`positive`, `agree`, `mention`, stance labels):
 *   few distinct values, each encoded by csv-stringify the first time it is seen and reused (a
 *   schema label holding a comma comes out quoted, as it would in a whole row);
 * - text (from the input, or built from it): made formula-safe, then quoted by csv-stringify.
 *
 * When the chunk is finished, its text cells go to csv-stringify as ONE record, and each run of
 * adjacent text cells of a row is cut from its output and put back between the row's other cells.
 * Runs are cut by the grammar csv-stringify writes (RFC 4180 §2): a cell that starts with `"` ends
 * at the first `"` not doubled, any other at the next separator (a cell holding a separator, a quote
 * or a line end is always quoted), and the separator found there is checked.
 *
 * Measured on the 10,000 comments of the synthetic page (rows of both dialects, encoded to UTF-8,
 * alternated in one process): 105-111 ms with whole rows through csv-stringify, 67-70 ms this
 * way, and half the garbage (32 young-generation collections instead of 68 for 5 passes). What
 * csv-stringify costs now is mostly reading the texts themselves (about 50 ms), not its per-cell
 * work on the numbers and labels around them.
 */
import { stringify } from 'csv-stringify/sync';
import type { CsvDialect } from './csv.js';

/** Characters that make Excel, LibreOffice or Google Sheets read a cell as a formula (OWASP). */
const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

/**
 * A text cell made formula-safe, following OWASP's CSV-injection advice: a cell that starts with
 * `=`, `+`, `-`, `@`, tab or CR gets a leading `'`, so a spreadsheet shows it as text instead of
 * running it. Replies here often start with `@Name`, so this fires on ordinary comments too.
 * Numbers never go through this (a score of -1.5 must stay a number).
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_TRIGGER.test(text) ? `'${text}` : text;
}

/**
 * csv-stringify settings of a dialect. Its own rule quotes a field holding the separator, a quote
 * or the whole record delimiter (CRLF); `quoted_match` adds a lone CR or LF, which RFC 4180 also
 * requires inside quotes (comments have LF line ends).
 */
const STRINGIFY_OPTIONS: Record<CsvDialect, { delimiter: string; record_delimiter: string; quoted_match: RegExp }> = {
  rfc4180: { delimiter: ',', record_delimiter: '\r\n', quoted_match: /[\r\n]/ },
  excel: { delimiter: ';', record_delimiter: '\r\n', quoted_match: /[\r\n]/ },
};

/**
 * csv-stringify settings for the text cells of a chunk, sent as one record: they quote exactly the
 * cells {@link STRINGIFY_OPTIONS} quote (any separator, quote, CR or LF). The record's end is never
 * written (the cells are cut out of it), so it is LF, with CR as `quoted_match`: with a CRLF
 * delimiter csv-stringify copies every cell to look for the delimiter across its end, and a
 * regular expression costs more than a string search (10,000-comment synthetic page: 80 ms of
 * quoting with the CRLF settings, 63 ms with these).
 */
const TEXT_CELLS_OPTIONS: Record<CsvDialect, { delimiter: string; record_delimiter: string; quoted_match: string }> = {
  rfc4180: { delimiter: ',', record_delimiter: '\n', quoted_match: '\r' },
  excel: { delimiter: ';', record_delimiter: '\n', quoted_match: '\r' },
};

const RECORD_END = '\r\n';
const QUOTE = 0x22;
/** Distinct labels whose encoded cell is kept; labels come from code and the schema, so a few. */
const MAX_LABEL_CELLS = 64;

/** Rows of cells as CSV text of the dialect, each row ended by CRLF (csv-stringify, whole rows). */
export function encodeRows(rows: unknown[][], dialect: CsvDialect): string {
  return stringify(rows, STRINGIFY_OPTIONS[dialect]);
}

/** One field as RFC 4180 writes it: quoted only when needed, inner quotes doubled. */
export function encodeField(field: string, dialect: CsvDialect = 'rfc4180'): string {
  return encodeRows([[field]], dialect).slice(0, -RECORD_END.length);
}

/** Where a row's cells go, in column order; a row ends with {@link endRow}. */
export interface CsvCells {
  /** A number as `formatCsvNumber` writes it ('' for none). */
  number(cell: string): void;
  /** A label made by the code or the stance schema: written as a text cell would be. */
  label(cell: string): void;
  /** A text cell: made formula-safe (`neutraliseFormula`) and quoted as needed. */
  text(cell: string): void;
  endRow(): void;
}

/**
 * The rows of one chunk as CSV text of the dialect (see the module comment): {@link CsvCells}
 * calls, then {@link finish}, which returns the text and starts a new chunk.
 */
export class CsvChunk implements CsvCells {
  private readonly separator: string;
  /** The chunk's text in order: written pieces, and `null` where a text cell goes. */
  private parts: (string | null)[] = [];
  /** The text cells, neutralised, in order. */
  private texts: string[] = [];
  private rowStart = true;
  /** Each label seen, encoded (see {@link MAX_LABEL_CELLS}). */
  private readonly labelCells = new Map<string, string>();

  constructor(private readonly dialect: CsvDialect) {
    this.separator = STRINGIFY_OPTIONS[dialect].delimiter;
  }

  number(cell: string): void {
    if (this.rowStart) this.rowStart = false;
    else this.parts.push(this.separator);
    this.parts.push(cell);
  }

  label(cell: string): void {
    let encoded = this.labelCells.get(cell);
    if (encoded === undefined) {
      encoded = encodeField(neutraliseFormula(cell), this.dialect);
      if (this.labelCells.size < MAX_LABEL_CELLS) this.labelCells.set(cell, encoded);
    }
    this.number(encoded);
  }

  text(cell: string): void {
    // csv-stringify writes an empty cell as nothing: no need to send it.
    if (cell === '') {
      this.number(cell);
      return;
    }
    if (this.rowStart) this.rowStart = false;
    else this.parts.push(this.separator);
    this.parts.push(null);
    this.texts.push(neutraliseFormula(cell));
  }

  endRow(): void {
    this.parts.push(RECORD_END);
    this.rowStart = true;
  }

  /** The chunk's rows as CSV text ('' when none); the next cells start a new chunk. */
  finish(): string {
    const { parts, texts } = this;
    this.parts = [];
    this.texts = [];
    this.rowStart = true;
    if (texts.length === 0) return parts.join('');
    const encoded = stringify([texts], TEXT_CELLS_OPTIONS[this.dialect]);
    const encodedEnd = encoded.length - 1;
    const separator = this.separator.charCodeAt(0);
    let cellEnd = -1;
    let i = 0;
    for (let p = 0; p < parts.length; p++) {
      if (parts[p] !== null) continue;
      if (i > 0 && encoded.charCodeAt(cellEnd) !== separator) throw new Error(`CSV chunk: text cell ${i} not found in csv-stringify's output`);
      const cellStart = cellEnd + 1;
      cellEnd = endOfCell(encoded, cellStart, this.separator, encodedEnd);
      parts[p] = encoded.slice(cellStart, cellEnd);
      i++;
    }
    if (cellEnd !== encodedEnd) throw new Error("CSV chunk: the text cells do not end csv-stringify's output");
    return parts.join('');
  }
}

/**
 * Where the cell starting at `start` of csv-stringify's output ends: after its closing quote when
 * quoted (inner quotes are doubled), else at the next separator or at `recordEnd`.
 */
function endOfCell(encoded: string, start: number, separator: string, recordEnd: number): number {
  if (encoded.charCodeAt(start) === QUOTE) {
    let quote = encoded.indexOf('"', start + 1);
    while (quote >= 0 && encoded.charCodeAt(quote + 1) === QUOTE) quote = encoded.indexOf('"', quote + 2);
    if (quote < 0) throw new Error("CSV chunk: a quoted cell of csv-stringify's output has no closing quote");
    return quote + 1;
  }
  const end = encoded.indexOf(separator, start);
  return end < 0 ? recordEnd : end;
}
