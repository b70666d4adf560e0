/**
 * Opens `comments.csv` for real in LibreOffice Calc and checks what a spreadsheet user would see.
 *
 * For each thread (the seed MacG thread, or the thread files given as arguments, plus a built-in
 * thread of hostile text) and each CSV dialect, the script writes `comments.csv`, has LibreOffice
 * import it into an .xlsx workbook with the options a user picks in Calc's Text Import dialog
 * (UTF-8; `,` and English for the default dialect; `;` and French for `--excel`), exports the
 * workbook back to CSV (UTF-8, text cells quoted, numbers bare) and compares every cell with what
 * was written: same number of rows, accents, emoji and multi-line comments intact, score columns
 * read as numbers, neutralised formula cells still text. A control file shows that LibreOffice
 * does run an unneutralised `=1+1`, so the neutralisation is what keeps the others inert.
 *
 * Usage (after `npx tsc`): `node dist/tools/check-libreoffice.js [thread files...]`.
 * Needs `soffice` (Debian: `apt-get install libreoffice-calc-nogui`). Prints PASS/FAIL per check
 * and exits 1 on any failure.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { AnalyzedThread, Comment } from '../model.js';
import { analyzeText } from '../pipeline.js';
import { readInput, processIo } from '../cli/io.js';
import { loadSchema } from '../stance/index.js';
import { commentsCsv, type CsvDialect } from '../report/csv.js';

const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DEFAULT_INPUT = path.join(PACKAGE_ROOT, 'corpus', 'macg-altman-microsoft-comments.txt');

/** LibreOffice CSV filter options: separator, quote, charset 76 = UTF-8, first line 1, language. */
const IMPORT_OPTIONS: Record<CsvDialect, string> = { rfc4180: 'CSV:44,34,76,1,,1033', excel: 'CSV:59,34,76,1,,1036' };
/** Export: comma, quote, UTF-8, English numbers, quote every text cell (so bare fields are numbers). */
const EXPORT_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,true';
/** Columns whose cells must be numbers in the spreadsheet. */
const NUMERIC = /^(index|parent_index|depth|line|sentiment_probability|agreement_probability|lexicon_score|lexicon_comparative|stance_confidence|score_.+|quote_count)$/;
/** Columns a spreadsheet may legitimately reinterpret (dates): not compared. */
const REINTERPRETED = new Set(['created_at']);

interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

/** A cell as LibreOffice exported it: its text and whether it was quoted (text) or bare (number). */
interface ExportedCell {
  value: string;
  quoted: boolean;
}

function comment(index: number, author: string, text: string, score: number, parentIndex = 0): Comment {
  return {
    index, id: `c${index}`, author, parentIndex, depth: parentIndex === 0 ? 1 : 2, replyEvidence: parentIndex === 0 ? 'none' : 'mention',
    text, ownText: text, quotes: [], line: index,
    sentiment: { score, comparative: score / 4, label: score > 0 ? 'positive' : score < 0 ? 'negative' : 'neutral', terms: [] },
    stance: { label: 'sceptical', confidence: 1 / 3, scores: { 'pro-microsoft': 0.125, sceptical: 1 / 3 }, evidence: [] },
    agreement: 'none',
  };
}

/** Comments written to break a spreadsheet import. */
function hostileThread(): AnalyzedThread {
  const comments = [
    comment(1, 'Zoé Æsir', 'Coup de maître, bravo 👏🏼 !\n\nDeuxième paragraphe ; « guillemets » et "doubles"', 2.5),
    comment(2, '=cmd|calc', '@Zoé Æsir =1+1 non, victoire à la Pyrrhus 😬', -1.5, 1),
    comment(3, '+33 6', '-2 points pour Microsoft\r\n\tet une tabulation', -0.3333),
    comment(4, '@admin', '=HYPERLINK("http://example.invalid";"clic")', 0),
  ];
  return {
    source: 'built-in hostile thread', format: 'jsonl', title: 'Hostile', article: { author: '', text: '', meta: {} }, comments,
    lines: { header: [], article: [], comments: [], footer: [], metadata: [], unparsed: [] }, warnings: [], authors: [],
    summary: { comments: 4, authors: 4, replies: 1, stanceCounts: {}, sentimentByStance: {}, sentimentCounts: {}, debated: [], replyPairs: [] },
  };
}

function soffice(profile: string, args: string[]): void {
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', ...args], { stdio: 'pipe', timeout: 180_000 });
}

function readExport(file: string): ExportedCell[][] {
  return parse(fs.readFileSync(file, 'utf8'), {
    cast: (value, context) => ({ value, quoted: context.quoting }),
    relax_column_count: true,
  }) as unknown as ExportedCell[][];
}

/** Compares a LibreOffice export with the CSV that was written; returns the differences found. */
function compareCells(written: string[][], exported: ExportedCell[][], dialect: CsvDialect): string[] {
  const problems: string[] = [];
  if (exported.length !== written.length) problems.push(`${exported.length} rows in the spreadsheet, ${written.length} written`);
  const header = written[0];
  for (let r = 1; r < Math.min(written.length, exported.length); r++) {
    for (let c = 0; c < header.length; c++) {
      const want = written[r][c] ?? '';
      const got = exported[r][c] ?? { value: '', quoted: false };
      if (REINTERPRETED.has(header[c]) || want === '') continue;
      if (NUMERIC.test(header[c])) {
        const expected = Number(dialect === 'excel' ? want.replace(',', '.') : want);
        if (got.quoted || Math.abs(Number(got.value) - expected) > 1e-9) problems.push(`row ${r} ${header[c]}: wrote ${want}, spreadsheet has ${got.quoted ? 'text' : 'number'} ${JSON.stringify(got.value)}`);
      } else if (got.value !== want.replace(/\r\n?/g, '\n')) {
        // A spreadsheet cell stores a line break as LF, whatever the file had: CRLF inside a cell comes back as LF.
        problems.push(`row ${r} ${header[c]}: wrote ${JSON.stringify(want)}, spreadsheet has ${JSON.stringify(got.value)}`);
      }
    }
  }
  return problems;
}

function checksFor(name: string, thread: AnalyzedThread, dialect: CsvDialect, written: string[][], exported: ExportedCell[][]): Check[] {
  const cells = exported.flat().map((cell) => cell.value);
  const problems = compareCells(written, exported, dialect);
  const has = (test: (text: string) => boolean): boolean => written.flat().some(test);
  const kept = (test: (text: string) => boolean): boolean => cells.some(test);
  const checks: Check[] = [
    { name: `${name} [${dialect}] rows`, ok: exported.length === thread.comments.length + 1, detail: `${exported.length - 1} comment rows in the spreadsheet, ${thread.comments.length} comments in the thread` },
    { name: `${name} [${dialect}] every cell`, ok: problems.length === 0, detail: problems.length === 0 ? 'all cells equal what was written; score columns are numbers' : problems.slice(0, 5).join('; ') },
  ];
  const accent = (t: string): boolean => /[éèêàçÆ]/.test(t);
  const emoji = (t: string): boolean => /\p{Extended_Pictographic}/u.test(t);
  const multiline = (t: string): boolean => t.includes('\n');
  const formula = (t: string): boolean => t.startsWith("'=") || t.startsWith("'@") || t.startsWith("'+") || t.startsWith("'-");
  for (const [what, test] of [['accents', accent], ['emoji', emoji], ['multi-line comments', multiline], ['neutralised formula cells', formula]] as const) {
    if (has(test)) checks.push({ name: `${name} [${dialect}] ${what}`, ok: kept(test), detail: kept(test) ? 'present in the spreadsheet' : 'lost in the spreadsheet' });
  }
  return checks;
}

/** Runs every check; returns them for printing. */
async function runChecks(inputs: string[], work: string): Promise<Check[]> {
  const profile = path.join(work, 'profile');
  const schema = loadSchema();
  const labels = schema.labels.map((l) => l.id);
  const threads: { name: string; thread: AnalyzedThread }[] = [];
  for (const file of inputs) {
    const { text } = await readInput({ kind: 'file', path: file }, processIo());
    threads.push({ name: path.basename(file), thread: analyzeText(text, file, { schema }) });
  }
  threads.push({ name: 'hostile', thread: hostileThread() });

  const written = new Map<string, string[][]>();
  for (const dialect of ['rfc4180', 'excel'] as const) {
    const dir = path.join(work, dialect);
    fs.mkdirSync(dir, { recursive: true });
    const files: string[] = [];
    threads.forEach(({ thread }, i) => {
      const csv = commentsCsv(thread, { dialect, labels: thread.source === 'built-in hostile thread' ? ['pro-microsoft', 'sceptical'] : labels });
      const file = path.join(dir, `thread${i}.csv`);
      fs.writeFileSync(file, csv);
      files.push(file);
      written.set(`${dialect}/${i}`, parse(csv, { bom: true, delimiter: dialect === 'excel' ? ';' : ',' }) as string[][]);
    });
    if (dialect === 'rfc4180') {
      // Control: the same import of an unneutralised formula, to show what neutralising prevents.
      const control = path.join(dir, 'control.csv');
      fs.writeFileSync(control, 'text\r\n=1+1\r\n');
      files.push(control);
    }
    soffice(profile, [`--infilter=${IMPORT_OPTIONS[dialect]}`, '--convert-to', 'xlsx', '--outdir', path.join(work, 'xlsx', dialect), ...files]);
    const workbooks = fs.readdirSync(path.join(work, 'xlsx', dialect)).map((f) => path.join(work, 'xlsx', dialect, f));
    soffice(profile, ['--convert-to', EXPORT_FILTER, '--outdir', path.join(work, 'back', dialect), ...workbooks]);
  }

  const checks: Check[] = [];
  for (const dialect of ['rfc4180', 'excel'] as const) {
    threads.forEach(({ name, thread }, i) => {
      const exported = readExport(path.join(work, 'back', dialect, `thread${i}.csv`));
      checks.push(...checksFor(name, thread, dialect, written.get(`${dialect}/${i}`) as string[][], exported));
    });
  }
  const control = readExport(path.join(work, 'back', 'rfc4180', 'control.csv'));
  const evaluated = control[1]?.[0];
  checks.push({
    name: 'control: an unneutralised =1+1',
    ok: true,
    detail: evaluated && evaluated.value === '2' && !evaluated.quoted ? 'LibreOffice ran it (cell shows 2): neutralising is needed' : `LibreOffice kept it as ${JSON.stringify(evaluated?.value)}`,
  });
  return checks;
}

async function mainCheck(): Promise<number> {
  const inputs = process.argv.slice(2).length > 0 ? process.argv.slice(2) : [DEFAULT_INPUT];
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'thread-stance-lo-'));
  let checks: Check[];
  try {
    checks = await runChecks(inputs, work);
  } catch (error) {
    const err = error as NodeJS.ErrnoException;
    const why = err.code === 'ENOENT' && String(err.syscall).startsWith('spawn') ? 'soffice not found (Debian: apt-get install libreoffice-calc-nogui)' : err.message;
    process.stdout.write(`FAIL could not run the check: ${why}\n`);
    return 1;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  for (const check of checks) process.stdout.write(`${check.ok ? 'PASS' : 'FAIL'} ${check.name}: ${check.detail}\n`);
  const failed = checks.filter((c) => !c.ok).length;
  process.stdout.write(failed === 0 ? `PASS all ${checks.length} LibreOffice checks\n` : `FAIL ${failed} of ${checks.length} LibreOffice checks\n`);
  return failed === 0 ? 0 : 1;
}

process.exitCode = await mainCheck();
