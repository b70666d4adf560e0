import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { main, type CliIo } from '../../src/cli.js';
import { evaluateThread } from '../../src/evaluate/compare.js';
import { parseGold } from '../../src/evaluate/gold.js';
import { analyzeText } from '../../src/pipeline.js';
import { loadSchema } from '../../src/stance/index.js';

// The real corpus, end to end through the CLI in-process (run from the package root, as npm test does).
async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stderrIsTTY: false };
  return { code: await main(args, io), stdout, stderr };
}

const MACG = 'corpus/macg-altman-microsoft-comments.txt';
const GOLD = '__tests__/fixtures/macg-altman-microsoft.gold.jsonl';

let out: string;
beforeAll(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'ts-corpus-'));
});
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

test('analyze corpus: five threads, README.md skipped, 48 MacG comments in every report', async () => {
  const result = await run(['analyze', 'corpus', '--out', out]);
  expect(result.code).toBe(0);
  expect(result.stdout.startsWith('thread-stance: 5 threads, 48 comments, ')).toBe(true);
  expect(fs.readdirSync(out).sort()).toEqual([
    'authors.csv', 'bloomberg-altman-microsoft-probleme-openai', 'comments.csv', 'digest-consolidation-ia-generative', 'index.md',
    'lexpress-roi-altman-est-mort', 'macg-altman-microsoft-comments', 'zdnet-altman-rejoint-microsoft',
  ]);
  const dir = path.join(out, 'macg-altman-microsoft-comments');
  const rows = parse(fs.readFileSync(path.join(dir, 'comments.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
  const json = JSON.parse(fs.readFileSync(path.join(dir, 'thread.json'), 'utf8')) as { source: string; format: string; comments: { author: string }[] };
  expect([rows.length, json.comments.length, json.source, json.format]).toEqual([48, 48, MACG, 'macg']);
  // The first reply of the thread (@jopaone) is neutralised in the spreadsheet, not in the JSON.
  expect([rows[1].author, rows[1].text.startsWith("'@jopaone"), json.comments[1].author]).toEqual(['Baptiste_nv18', true, 'Baptiste_nv18']);
  const summary = fs.readFileSync(path.join(dir, 'summary.md'), 'utf8');
  const head = summary.split('\n');
  expect(head.slice(0, 4)).toEqual(["# Viré d'OpenAI, Sam Altman atterrit chez Microsoft", '', `Source: ${MACG} (macg) · article by Stéphane Moussie`, '']);
  // 48 avatar lines by 27 distinct names in the file (counted with grep).
  expect(head[4].startsWith('**48** comments by **27** authors · ')).toBe(true);
  expect(summary.split('\n').filter((l) => /^\s*- #\d+ /.test(l)).length).toBe(48);
});

test('evaluate on the hand labels: every field reported, agreement on replies only', async () => {
  const text = await run(['evaluate', MACG, '--gold', GOLD]);
  expect(text.code).toBe(0);
  expect(text.stdout.split('\n')[0]).toBe(`evaluate: ${MACG} (48 comments) against ${GOLD} (48 labelled comments)`);
  const json = await run(['evaluate', MACG, '--gold', GOLD, '--json']);
  expect(json.code).toBe(0);
  const report = JSON.parse(json.stdout) as { goldRecords: number; parent: { compared: number }; fields: { field: string; scope: string; metrics: { total: number } }[] };
  expect([report.goldRecords, report.parent.compared]).toEqual([48, 48]);
  // The gold file has 28 comments whose parent is another comment (written by hand, see the fixture).
  expect(report.fields.map((f) => [f.field, f.metrics.total])).toEqual([['sentiment', 48], ['stance', 48], ['agreement', 28]]);
});

test("evaluate --rules-only measures the rules' labels, as the library does without models", async () => {
  const figures = (report: { fields: { field: string; metrics: { macroF1: number; accuracy: number } }[] }) => report.fields.map((f) => [f.field, f.metrics.accuracy, f.metrics.macroF1]);
  const cli = await run(['evaluate', MACG, '--gold', GOLD, '--json', '--rules-only']);
  expect(cli.code).toBe(0);
  const schema = loadSchema();
  const thread = analyzeText(fs.readFileSync(MACG, 'utf8'), MACG, { schema, labelModels: null });
  const library = evaluateThread(thread, parseGold(fs.readFileSync(GOLD, 'utf8'), GOLD, { stanceLabels: schema.labelIds }), GOLD, { stanceLabels: schema.labelIds });
  expect(figures(JSON.parse(cli.stdout))).toEqual(figures(library));
  // And they are not the learned labels' figures.
  expect(figures(JSON.parse((await run(['evaluate', MACG, '--gold', GOLD, '--json'])).stdout))).not.toEqual(figures(library));
});

test('evaluate with a gold file that has a bad line: exit 1, file and line named', async () => {
  const bad = path.join(out, 'bad.gold.jsonl');
  fs.writeFileSync(bad, '{"index":1,"sentiment":"neutral"}\n{"index":2,"sentiment":"joyeux"}\n');
  expect(await run(['evaluate', MACG, '--gold', bad])).toEqual({
    code: 1, stdout: '', stderr: `thread-stance: ${bad}:2: "sentiment" must be one of positive, negative, neutral; found "joyeux"\n`,
  });
});
