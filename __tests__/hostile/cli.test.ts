/**
 * The whole tool through `main(['analyze', ...])` on hostile inputs: generated threads with hostile
 * content and file names (property-based), a batch with one bad file, encodings, ANSI escapes.
 * Checked: exit codes and messages, nothing printed that a terminal would obey, every report inside
 * `--out`, reports that parse back (CSV, JSON, Markdown), conservation and byte-identical reruns.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { main, type CliIo } from '../../src/cli.js';
import { hostileFileStem, macgThread, recordThread } from './arbitraries.js';
import { listTree } from '../batch/helpers.js';

const CLI_RUNS = 20;

/** An in-process CLI run: exit code and everything printed. */
async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stderrIsTTY: false, readStdin: async () => new Uint8Array() };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** Every file under `root`, `/`-separated, sorted. */

/** Characters a terminal obeys or that reorder what it shows. */
const TERMINAL_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

/** The control characters that the decoder counts toward binary data. */
const BINARY_CONTROLS = /[\u0001-\u0008\u000e-\u001a\u001c-\u001f\u007f]/g;

/** Cells a spreadsheet would run as a formula. */
const FORMULA = /^[=+\-@\t\r]/;

/** Count of `|` not escaped by a backslash. */
function unescapedPipes(line: string): number {
  let count = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '|') count++;
  }
  return count;
}

/**
 * What is wrong with a Markdown report: an unclosed code fence or `<details>`, a table row with a
 * different number of cells than its header, raw HTML or a live `javascript:` link from content,
 * a Mermaid line that is not chart syntax, terminal control characters.
 */
function markdownProblems(markdown: string): string[] {
  const problems: string[] = [];
  const lines = markdown.split('\n');
  let fence: string | null = null;
  let details = 0;
  let tableCells: number | null = null;
  lines.forEach((line, i) => {
    const where = `line ${i + 1}: ${JSON.stringify(line.slice(0, 80))}`;
    const fenceMark = /^ {0,3}(```|~~~)(.*)$/.exec(line);
    if (fence !== null) {
      if (fenceMark !== null && fenceMark[2].trim() === '') fence = null;
      else if (fence === 'mermaid' && !/^(pie( showData)?|\s+title [^"`]*|\s+"[^"`]*" : \d+(\.\d+)?)$/.test(line)) problems.push(`mermaid ${where}`);
      return;
    }
    if (fenceMark !== null) {
      fence = fenceMark[2].trim();
      tableCells = null;
      return;
    }
    if (/^<details>/.test(line.trim())) details++;
    if (/^<\/details>/.test(line.trim())) details--;
    if (details < 0) problems.push(`</details> without <details> ${where}`);
    if (line.startsWith('|')) {
      const next = lines[i + 1] ?? '';
      if (tableCells === null && /^\|(\s*:?-+:?\s*\|)+\s*$/.test(next)) tableCells = unescapedPipes(line);
      else if (tableCells !== null && unescapedPipes(line) !== tableCells) problems.push(`table row with ${unescapedPipes(line)} pipes, header ${tableCells}, ${where}`);
    } else {
      tableCells = null;
    }
    if (/<(script|img|iframe|a |style)/i.test(line)) problems.push(`raw HTML ${where}`);
    if (/(^|[^\\])\]\(\s*javascript:/i.test(line)) problems.push(`javascript link ${where}`);
    if (TERMINAL_CONTROL.test(line)) problems.push(`control character ${where}`);
  });
  if (fence !== null) problems.push(`code fence "${fence}" never closed`);
  if (details !== 0) problems.push(`${details} <details> never closed`);
  return problems;
}

/** The files a run writes for threads `slugs`: per-thread reports, and index.md and the combined CSVs. */
function runFiles(slugs: string[]): string[] {
  const perThread = slugs.flatMap((slug) => ['authors.csv', 'comments.csv', 'summary.md', 'thread.json'].map((f) => `${slug}/${f}`));
  return ['authors.csv', 'comments.csv', 'index.md', ...perThread].sort();
}

test('markdownProblems finds each kind of breakage (the checker itself can fail)', () => {
  expect(markdownProblems('| a | b |\n|---|---|\n| x | y \\| z |\n| x | y | z |\n```mermaid\npie\n    "a" : 1\n    click x\n```\n<details>\n[x](javascript:alert(1)) <script>\n```\n')).toEqual([
    'table row with 4 pipes, header 3, line 4: "| x | y | z |"',
    'mermaid line 8: "    click x"',
    'raw HTML line 11: "[x](javascript:alert(1)) <script>"',
    'javascript link line 11: "[x](javascript:alert(1)) <script>"',
    'code fence "" never closed',
    '1 <details> never closed',
  ]);
  expect(markdownProblems('| a |\n|---|\n| \\[x\\](javascript:1) \\| &lt;script&gt; |\n\n```mermaid\npie showData\n    title T\n    "a b" : 2\n```\n<details>\n\n</details>\n')).toEqual([]);
});

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'ts-hostile-'));
  fs.mkdirSync(path.join(root, 'in'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

/** Writes `bytes` as `in/<name>` and returns its path. */
function input(name: string, bytes: string | Uint8Array): string {
  const file = path.join(root, 'in', name);
  fs.writeFileSync(file, bytes);
  return file;
}

describe('generated hostile threads through the CLI', () => {
  test('exit 0, nothing a terminal obeys, reports inside --out, parse back, conserve, rerun byte-identical', async () => {
    // A text thread must be text by the decoder's binary rule (tested in decode.test.ts): its
    // generated binary fragments and bells could, rarely, add up to 16 control bytes.
    const thread = fc.oneof(
      macgThread.map((c) => ({ text: c.text, ext: 'txt', comments: c.blocks.length, article: c.blocks.length === 0 })),
      recordThread.map((c) => ({ text: c.text, ext: c.format, comments: c.records.length, article: false })),
    ).filter(({ text }) => (text.match(BINARY_CONTROLS) ?? []).length < 16);
    await fc.assert(
      fc.asyncProperty(thread, hostileFileStem, async ({ text, ext, comments }, stem) => {
        fs.rmSync(path.join(root, 'in'), { recursive: true, force: true });
        fs.rmSync(path.join(root, 'out'), { recursive: true, force: true });
        fs.rmSync(path.join(root, 'again'), { recursive: true, force: true });
        fs.mkdirSync(path.join(root, 'in'));
        const file = input(`${stem}.${ext}`, text);
        const first = await run(['analyze', file, '--out', path.join(root, 'out')]);
        expect([first.code, first.stderr.split('\n').filter((l) => l !== '' && !l.includes(': warning: ') && !l.includes(' more warnings in thread.json'))]).toEqual([0, []]);
        expect(TERMINAL_CONTROL.test(first.stdout) || TERMINAL_CONTROL.test(first.stderr)).toBe(false);

        // Nothing written outside --out (the input folder holds the input only).
        expect(fs.readdirSync(root).sort()).toEqual(['in', 'out']);
        expect(fs.readdirSync(path.join(root, 'in'))).toEqual([`${stem}.${ext}`]);
        const files = listTree(path.join(root, 'out'));
        const folders = [...new Set(files.filter((f) => f.includes('/')).map((f) => f.split('/')[0]))];
        expect(folders.length).toBe(1);
        const [slug] = folders;
        expect(files).toEqual(runFiles([slug]));

        const dir = path.join(root, 'out', slug);
        const json = JSON.parse(fs.readFileSync(path.join(dir, 'thread.json'), 'utf8')) as { comments: { id: string; author: string }[] };
        const rows = parse(fs.readFileSync(path.join(dir, 'comments.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
        const authorRows = parse(fs.readFileSync(path.join(dir, 'authors.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
        const runRows = parse(fs.readFileSync(path.join(root, 'out', 'comments.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
        expect([json.comments.length, rows.length, runRows.length]).toEqual([comments, comments, comments]);
        expect(rows.map((r) => r.id)).toEqual(json.comments.map((c) => (FORMULA.test(c.id) ? `'${c.id}` : c.id)));
        for (const row of rows) {
          for (const column of ['id', 'author', 'text', 'own_text']) expect([column, FORMULA.test(row[column])]).toEqual([column, false]);
          expect(TERMINAL_CONTROL.test(row.author)).toBe(false);
        }
        for (const row of authorRows) expect([row.author, FORMULA.test(row.author)]).toEqual([row.author, false]);
        expect(markdownProblems(fs.readFileSync(path.join(dir, 'summary.md'), 'utf8'))).toEqual([]);
        expect(markdownProblems(fs.readFileSync(path.join(root, 'out', 'index.md'), 'utf8'))).toEqual([]);

        // Determinism: the same input again, to another folder, gives the same bytes.
        const second = await run(['analyze', file, '--out', path.join(root, 'again')]);
        expect(second.code).toBe(0);
        expect(listTree(path.join(root, 'again'))).toEqual(files);
        for (const f of files) {
          expect([f, fs.readFileSync(path.join(root, 'again', f)).equals(fs.readFileSync(path.join(root, 'out', f)))]).toEqual([f, true]);
        }
      }),
      { numRuns: CLI_RUNS },
    );
  });
});

describe('a batch with bad files', () => {
  const GOOD_MACG = 'Titre\n\navatar Alice\u00a0|\u00a0\n\nMicrosoft a bien joué.\n\navatar Bob\u00a0|\u00a0\n\n@Alice pas du tout.\n';
  const GOOD_JSONL = '{"id":"a","author":"Zoé","text":"Bravo"}\n{"id":"b","parentId":"a","author":"Marc","text":"Non"}\n';

  test('one bad file: the others are analyzed and written, exit 1, `thread-stance: file:line: message` on stderr', async () => {
    const good1 = input('good 1.txt', GOOD_MACG);
    const bad = input('bad.jsonl', '{"id":"a","author":"Zoé","text":"ok"}\n{"id":"b","author":\n');
    const good2 = input('good2.jsonl', GOOD_JSONL);
    const result = await run(['analyze', good1, bad, good2, '--out', path.join(root, 'out'), '--quiet']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^thread-stance: ${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2: expected a JSON object, found invalid JSON \\([^\\n]*\\)\\n$`));
    expect(listTree(path.join(root, 'out'))).toEqual(runFiles(['good-1', 'good2']));
    const rows = parse(fs.readFileSync(path.join(root, 'out', 'good2', 'comments.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.id, r.author, r.parent_index])).toEqual([['a', 'Zoé', '0'], ['b', 'Marc', '1']]);
  });

  test('a binary file, an empty file and damaged UTF-8 are each one located error; the good file is still analyzed', async () => {
    const binary = input('photo.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    const empty = input('vide.txt', ' \n\u200b\n');
    const damaged = input('cassé.txt', new Uint8Array([...Buffer.from('déjà\nici '), 0xe9, 0x0a]));
    const good = input('good.txt', GOOD_MACG);
    const result = await run(['analyze', binary, empty, damaged, good, '--out', path.join(root, 'out'), '--quiet']);
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n')).toEqual([
      `thread-stance: ${binary}:3: expected a text file, found binary data (a NUL byte)`,
      `thread-stance: ${empty}: expected a thread, found an empty file`,
      `thread-stance: ${damaged}:2: expected UTF-8 text, found byte 0xE9 that is not valid UTF-8 (the rest of the file is UTF-8, so the file is damaged or mixes encodings)`,
      '',
    ]);
    expect(fs.existsSync(path.join(root, 'out', 'good', 'thread.json'))).toBe(true);
  });

  test('ANSI escapes and bidi controls in a file name and its content never reach the terminal', async () => {
    // Inside JSON strings the escapes are written as \u001b (a raw ESC there is invalid JSON); the
    // second line of the bad file holds a raw ESC outside any string.
    const bad = input('\u001b[31mrouge\u202e.jsonl', '{"id":"a","author":"\\u001b[2J","text":"x"}\nnot json \u001b[5m\n');
    const good = input('\u001b]0;titre\u0007ok.jsonl', '{"id":"a","author":"\\u001b[31mZoé\\u202e","text":"\\u001b[2J@ghost efface \\u009b31m"}\n');
    const result = await run(['analyze', bad, good, '--out', path.join(root, 'out')]);
    expect(result.code).toBe(1);
    expect([TERMINAL_CONTROL.test(result.stdout), TERMINAL_CONTROL.test(result.stderr)]).toEqual([false, false]);
    expect(result.stderr).toContain(`thread-stance: ${path.join(root, 'in')}/\\x1b[31mrouge\\u202e.jsonl:2: expected a JSON object, found invalid JSON`);
    const files = listTree(path.join(root, 'out'));
    expect(files.every((f) => !TERMINAL_CONTROL.test(f))).toBe(true);
    expect(files.length).toBe(7);
    const json = JSON.parse(fs.readFileSync(path.join(root, 'out', files.find((f) => f.endsWith('/thread.json')) as string), 'utf8')) as { comments: { author: string }[] };
    expect(json.comments.map((c) => c.author)).toEqual(['[31mZoé']);
  });

  test('input paths with `..` and spaces: reports still inside --out', async () => {
    fs.mkdirSync(path.join(root, 'in', 'sub'));
    input('a b.txt', GOOD_MACG);
    const result = await run(['analyze', path.join(root, 'in', 'sub', '..', 'a b.txt'), '--out', path.join(root, 'out'), '--quiet']);
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(listTree(path.join(root, 'out'))).toEqual(runFiles(['a-b']));
    expect(fs.readdirSync(root).sort()).toEqual(['in', 'out']);
  });
});

describe('legacy encodings through the CLI', () => {
  test('a Windows-1252 file is analyzed, and its warning is printed and kept in thread.json', async () => {
    const latin1 = input('vieux.txt', Buffer.from('Titre\n\navatar Zoé\u00a0|\u00a0\n\nC\u2019est d\u00e9j\u00e0 l\u2019\u00e9t\u00e9.\n'.replace(/\u2019/g, "'"), 'latin1'));
    const result = await run(['analyze', latin1, '--out', path.join(root, 'out')]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`thread-stance: ${latin1}: warning: ${latin1} is not UTF-8 (byte 0xE9 on line 3); decoded as Windows-1252 (Latin-1): check its accents, or save it as UTF-8`);
    const json = JSON.parse(fs.readFileSync(path.join(root, 'out', 'vieux', 'thread.json'), 'utf8')) as { comments: { author: string; text: string }[]; warnings: { code: string }[] };
    expect([json.comments[0].author, json.comments[0].text, json.warnings.map((w) => w.code)]).toEqual(['Zoé', "C'est déjà l'été.", ['INPUT_DECODED_CP1252']]);
  });
});
