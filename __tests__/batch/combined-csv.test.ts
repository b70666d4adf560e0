import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { combinedCsvChunks, combinedColumns } from '../../src/batch/combined-csv.js';
import { csvHeader } from '../../src/report/csv.js';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ts-combined-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The reports' CSV settings: CRLF record ends, and any cell holding a CR or LF quoted. */
const AS_REPORTS = { record_delimiter: '\r\n', quoted_match: /[\r\n]/ };

/** A per-thread table as the reports write it: BOM, header, then CRLF-ended records. */
function writeTable(slug: string, records: string[][]): void {
  fs.mkdirSync(path.join(dir, slug), { recursive: true });
  const body = stringify([['index', 'text'], ...records], AS_REPORTS);
  fs.writeFileSync(path.join(dir, slug, 'comments.csv'), `\uFEFF${body}`);
}

function combined(slugs: string[]): string {
  const parts = [...combinedCsvChunks(dir, slugs, 'comments.csv', ['pro-microsoft'], 'rfc4180')];
  return Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p))).toString('utf8');
}

describe('run-level comments.csv from the per-thread files', () => {
  const header = csvHeader(combinedColumns('comments.csv', ['pro-microsoft']), 'rfc4180');

  test('every record gets its thread cell, also records with quotes and line ends inside cells', () => {
    writeTable('a', [['1', 'Bien vu'], ['2', 'Il a dit "non"\r\net puis\nrien'], ['3', '']]);
    writeTable('b', [['1', '« Satya, 1 »']]);
    expect(combined(['a', 'b'])).toBe(`${header}a,1,Bien vu\r\na,2,"Il a dit ""non""\r\net puis\nrien"\r\na,3,\r\nb,1,"« Satya, 1 »"\r\n`);
  });

  test('files larger than one read block (1 MiB) split nowhere but between records (generated cells)', () => {
    const cell = fc.array(fc.constantFrom('mot ', '"', '\n', '\r\n', ',', 'é', '👍🏽', 'x'.repeat(300)), { maxLength: 12 }).map((p) => p.join(''));
    fc.assert(fc.property(fc.array(cell, { minLength: 1, maxLength: 40 }), (cells) => {
      // Repeated until the file is past two blocks, so quoted cells straddle block ends.
      const records: string[][] = [];
      for (let i = 0, size = 0; size < 2.2 * (1 << 20); i++) {
        const text = cells[i % cells.length];
        records.push([String(i + 1), text]);
        size += text.length + 8;
      }
      writeTable('big', records);
      const expected = header + records.map((r) => `big,${stringify([r], AS_REPORTS)}`).join('');
      expect(combined(['big'])).toBe(expected);
    }), { numRuns: 5 });
  });
});
