import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { main, type CliIo } from '../../src/cli.js';
import { listTree } from '../batch/helpers.js';

/** An in-process CLI run: exit code and everything printed. */
async function run(args: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    stderrIsTTY: false,
    readStdin: async () => Buffer.from(stdin ?? '', 'utf8'),
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

const GOOD_JSONL = [
  '{"id":"a","author":"Zoé","text":"Coup de maître de Microsoft 👏"}',
  '{"id":"b","parentId":"a","author":"Marc","text":"@Zoé non,\\nc\'est une victoire à la Pyrrhus"}',
  '{"id":"c","author":"Inès","text":"=HYPERLINK(\\"http://x\\")"}',
].join('\n');
const BAD_JSONL = '{"id":"a","author":"Zoé","text":"ok"}\n{"id":"b","author":\n';

let dir: string;
let out: string;
function write(name: string, content: string): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ts-cli-'));
  out = path.join(dir, 'out');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('usage', () => {
  test('--version prints the version of package.json', async () => {
    const pkg = JSON.parse(fs.readFileSync(path.resolve('package.json'), 'utf8')) as { version: string };
    expect(await run(['--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  test('--help lists the commands, analyze --help its options and examples', async () => {
    const top = await run(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout.split('\n').slice(0, 1)).toEqual(['thread-stance <command> [options]']);
    expect(top.stdout).toContain('thread-stance analyze <inputs..>  analyze threads and write CSV, Markdown and JSON reports');
    const analyze = await run(['analyze', '--help']);
    expect(analyze.code).toBe(0);
    expect(analyze.stdout).toMatch(/\n {2}thread-stance analyze corpus --out reports +every thread file under corpus\/ into reports\/\n/);
    expect(analyze.stdout).toContain('--fail-on-warnings');
  });

  test.each([
    [[], 'give a command: analyze, merge, evaluate or compare'],
    [['analyze'], 'Not enough non-option arguments: got 0, need at least 1'],
    [['analyze', 'x.txt', '--colour'], 'Unknown argument: colour'],
    [['analyze', 'x.txt', '--format', 'csv,pdf'], '--format: unknown report format "pdf" (expected some of csv, md, json)'],
    [['analyze', 'x.txt', '--input-format', 'xml'], 'Invalid values:\n  Argument: input-format, Given: "xml", Choices: "auto", "macg", "article", "jsonl", "csv"'],
    [['evaluate', 'x.txt'], 'Missing required argument: gold'],
    [['frobnicate'], 'Unknown argument: frobnicate'],
  ])('%j is a usage error (exit 2)', async (args, message) => {
    const result = await run(args);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `thread-stance: ${message.replace(/\n/g, '\\x0a')}\nRun "thread-stance --help" for usage.\n` });
  });

  test('an unreadable schema file is a usage error naming the file', async () => {
    const result = await run(['analyze', write('t.jsonl', GOOD_JSONL), '--schema', path.join(dir, 'missing.json'), '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr.startsWith(`thread-stance: ${path.join(dir, 'missing.json')}`)).toBe(true);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('analyze', () => {
  test('a batch with one bad file: exit 1, the error located, the good reports still written', async () => {
    const good = write('good.jsonl', GOOD_JSONL);
    const bad = write('bad.jsonl', BAD_JSONL);
    const result = await run(['analyze', good, bad, '--out', out]);
    expect(result.code).toBe(1);
    const errors = result.stderr.split('\n').filter((l) => l !== '');
    expect(errors.length).toBe(1);
    expect(errors[0].startsWith(`thread-stance: ${bad}:2: `)).toBe(true);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe(`thread-stance: 1 thread, 3 comments, 0 warnings, 1 input not analyzed; reports in ${out}\n`);
    expect(listTree(out)).toEqual(['authors.csv', 'comments.csv', 'good/authors.csv', 'good/comments.csv', 'good/summary.md', 'good/thread.json', 'index.md']);
    const index = fs.readFileSync(path.join(out, 'index.md'), 'utf8');
    expect(index).toContain('**1** thread · **3** comments · **0** warnings · **1** input not analyzed');
    expect(index).toContain('](good/summary.md) |');
  });

  test('the reports of a thread: CSV rows = comments = JSON comments, formulas neutralised', async () => {
    const result = await run(['analyze', write('fil.jsonl', GOOD_JSONL), '--out', out, '--quiet']);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    const rows = parse(fs.readFileSync(path.join(out, 'fil/comments.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.index, r.parent_index, r.depth, r.author, r.reply_evidence])).toEqual([
      ['1', '0', '1', 'Zoé', 'none'],
      ['2', '1', '2', 'Marc', 'id'],
      ['3', '0', '1', 'Inès', 'none'],
    ]);
    expect(rows[1].text).toBe("'@Zoé non,\nc'est une victoire à la Pyrrhus");
    expect(rows[2].own_text).toBe('\'=HYPERLINK("http://x")');
    const json = JSON.parse(fs.readFileSync(path.join(out, 'fil/thread.json'), 'utf8')) as { source: string; format: string; comments: { index: number }[] };
    expect([json.source, json.format, json.comments.map((c) => c.index)]).toEqual([path.join(dir, 'fil.jsonl'), 'jsonl', [1, 2, 3]]);
  });

  test('--format csv --excel writes only the spreadsheet files, with BOM and semicolons', async () => {
    const result = await run(['analyze', write('fil.jsonl', GOOD_JSONL), '--out', out, '--format', 'csv', '--excel']);
    expect(result.code).toBe(0);
    expect(listTree(out)).toEqual(['authors.csv', 'comments.csv', 'fil/authors.csv', 'fil/comments.csv']);
    const csv = fs.readFileSync(path.join(out, 'fil/comments.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFindex;id;parent_index;depth;line;author;')).toBe(true);
    // The run-level file: one BOM, a `thread` column, then the thread's rows byte for byte.
    const combined = fs.readFileSync(path.join(out, 'comments.csv'), 'utf8');
    const records = (text: string) => parse(text, { bom: true, delimiter: ';' }) as string[][];
    const perThread = records(csv);
    expect(combined.startsWith('\uFEFFthread;index;id;')).toBe(true);
    expect(combined.indexOf('\uFEFF', 1)).toBe(-1);
    expect(records(combined)).toEqual([['thread', ...perThread[0]], ...perThread.slice(1).map((r) => ['fil', ...r])]);
    expect(perThread.length).toBe(4);
  });
  test("--rules-only: the labels are the rules', which a default run keeps beside the models' labels", async () => {
    const seed = path.resolve('corpus/macg-altman-microsoft-comments.txt');
    const rowsOf = async (dirName: string, flags: string[]) => {
      const folder = path.join(dir, dirName);
      expect(await run(['analyze', seed, '--out', folder, '--format', 'csv', '--quiet', ...flags])).toEqual({ code: 0, stdout: '', stderr: '' });
      return parse(fs.readFileSync(path.join(folder, 'macg-altman-microsoft-comments/comments.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    };
    const learned = await rowsOf('learned', []);
    const rules = await rowsOf('rules', ['--rules-only']);
    expect(rules.length).toBe(48);
    // A rules-only run has no model columns filled.
    expect(rules.filter((r) => r.sentiment_probability !== '' || r.sentiment_rules_label !== '' || r.stance_rules_label !== '' || r.agreement_rules !== '' || r.agreement_probability !== '')).toEqual([]);
    // Every model decision of the default run names the rules' label, and that is the rules-only run's label.
    expect(learned.map((r) => [r.sentiment_rules_label, r.stance_rules_label, r.parent_index === '0' ? 'none' : r.agreement_rules])).toEqual(
      rules.map((r) => [r.sentiment_label, r.stance_label, r.agreement]),
    );
    expect(learned.every((r) => Number(r.sentiment_probability) >= 1 / 3 && Number(r.sentiment_probability) <= 1)).toBe(true);
    // The agreement model's probability is there exactly where it decided: every reply, no top-level comment.
    expect(learned.filter((r) => (r.agreement_probability !== '') !== (r.parent_index !== '0'))).toEqual([]);
    expect(learned.filter((r) => r.agreement_probability !== '').every((r) => Number(r.agreement_probability) >= 1 / 3 && Number(r.agreement_probability) <= 1)).toBe(true);
    // The two differ: on the seed thread the models change some labels (measured in the README).
    expect(learned.some((r) => r.sentiment_label !== r.sentiment_rules_label)).toBe(true);
  });


  test('folders are walked (other files skipped, paths sorted), globs expanded, duplicates read once', async () => {
    write('data/b.jsonl', GOOD_JSONL);
    write('data/sub/a.csv', 'id,author,text\n1,Zoé,Bonjour\n');
    write('data/README.md', '# not a thread');
    write('data/.hidden.txt', 'hidden');
    const result = await run(['analyze', path.join(dir, 'data'), path.join(dir, 'data/*.jsonl'), '--out', out, '--format', 'json']);
    expect(result.code).toBe(0);
    expect(listTree(out)).toEqual(['a/thread.json', 'b/thread.json']);
    expect(result.stdout).toBe(`thread-stance: 2 threads, 4 comments, 0 warnings; reports in ${out}\n`);
  });

  test('reports written inside an input folder are not read back as inputs on the next run', async () => {
    const data = path.join(dir, 'data');
    write('data/fil.jsonl', GOOD_JSONL);
    const first = await run(['analyze', data, '--out', path.join(data, 'reports'), '--quiet']);
    const second = await run(['analyze', data, path.join(data, '**/*.csv'), '--out', path.join(data, 'reports')]);
    expect(first.code).toBe(0);
    expect(second).toEqual({
      code: 1, stdout: `thread-stance: 1 thread, 3 comments, 0 warnings, 1 input not analyzed; reports in ${path.join(data, 'reports')}\n`,
      stderr: `thread-stance: ${path.join(data, '**/*.csv')}: no .txt, .jsonl, .ndjson, .csv file matches this pattern\n`,
    });
  });

  test('a ** glob, a missing file and a pattern that matches nothing', async () => {
    write('x/y/z/deep.jsonl', GOOD_JSONL);
    const missing = path.join(dir, 'nope.txt');
    const empty = path.join(dir, '*.ndjson');
    const result = await run(['analyze', path.join(dir, '**/*.jsonl'), missing, empty, '--out', out, '--format', 'json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `thread-stance: ${missing}: no such file or folder\n` +
        `thread-stance: ${empty}: no .txt, .jsonl, .ndjson, .csv file matches this pattern\n`,
    );
    expect(listTree(out)).toEqual(['deep/thread.json']);
  });

  test('same file names in two folders get distinct report folders inside --out', async () => {
    write('a/fil.jsonl', GOOD_JSONL);
    write('b/fil.jsonl', GOOD_JSONL);
    const hostileName = write('c/..  fil .jsonl', GOOD_JSONL);
    const result = await run(['analyze', path.join(dir, 'a'), path.join(dir, 'b'), hostileName, '--out', out, '--format', 'json']);
    expect(result.code).toBe(0);
    expect(listTree(out)).toEqual(['fil-2/thread.json', 'fil-3/thread.json', 'fil/thread.json']);
  });

  test('- reads standard input, beside other inputs', async () => {
    const result = await run(['analyze', '-', write('fil.jsonl', GOOD_JSONL), '--out', out, '--format', 'json', '--input-format', 'jsonl'], GOOD_JSONL);
    expect(result.code).toBe(0);
    expect(listTree(out)).toEqual(['fil/thread.json', 'stdin/thread.json']);
    const json = JSON.parse(fs.readFileSync(path.join(out, 'stdin/thread.json'), 'utf8')) as { source: string; comments: unknown[] };
    expect([json.source, json.comments.length]).toEqual(['stdin', 3]);
  });

  test('--fail-on-warnings turns a warning into exit 1; warnings are printed with file and line', async () => {
    const file = write('orphan.jsonl', '{"id":"a","author":"Zoé","text":"Salut"}\n{"id":"b","parentId":"zzz","author":"Marc","text":"Oui"}\n');
    const lenient = await run(['analyze', file, '--out', out, '--format', 'json']);
    expect(lenient.code).toBe(0);
    expect(lenient.stderr.startsWith(`thread-stance: ${file}:2: warning: `)).toBe(true);
    const strict = await run(['analyze', file, '--out', out, '--format', 'json', '--fail-on-warnings', '--quiet']);
    expect(strict).toEqual({ code: 1, stdout: '', stderr: '' });
  });

  test('control characters in a file name never reach the terminal', async () => {
    const missing = path.join(dir, 'evil\u001B]0;owned\u0007.txt');
    const result = await run(['analyze', missing, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`thread-stance: ${dir}/evil\\x1b]0;owned\\x07.txt: no such file or folder\n`);
  });

  test('two runs give byte-identical reports', async () => {
    const input = write('fil.jsonl', GOOD_JSONL);
    await run(['analyze', input, '--out', path.join(dir, 'one'), '--quiet']);
    await run(['analyze', input, '--out', path.join(dir, 'two'), '--quiet']);
    for (const file of listTree(path.join(dir, 'one'))) {
      expect([file, fs.readFileSync(path.join(dir, 'two', file), 'utf8')]).toEqual([file, fs.readFileSync(path.join(dir, 'one', file), 'utf8')]);
    }
  });
});
