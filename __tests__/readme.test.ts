/**
 * The README is run, not just read: its first commands, its measured-quality tables and its
 * `npx thread-stance ...` examples are checked against what the code does today.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../src/cli.js';
import { BUNDLED_SETS, CODER_PAIRS, baselineTable, coderTable, learnedTable, measureCoderPairs, measureSets, qualityTable, type MeasuredSets } from '../src/evaluate/quality.js';

const root = path.resolve(import.meta.dirname, '..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');

function between(text: string, start: string, end: string): string {
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README has no ${start} ... ${end} section`);
  return text.slice(from + start.length, to).trim();
}

test('the README opens with the two commands that do everything on a fresh machine', () => {
  expect(readme.split('\n').slice(0, 5).join('\n')).toBe([
    '# thread-stance',
    '',
    '```sh',
    'npm ci && npm start   # install, build, and analyze every thread of corpus/ into reports/',
    'npm test              # the test suite (jest)',
  ].join('\n'));
});

/** Every labelled thread measured once, shared by the three table tests. */
let measuredOnce: MeasuredSets | undefined;
function measuredSets(): MeasuredSets {
  measuredOnce ??= measureSets(BUNDLED_SETS, root);
  return measuredOnce;
}

test('the measured-quality tables of the README are what the analyzer measures today', () => {
  const measured = measuredSets().learned;
  const expected = `${qualityTable(measured)}\n${baselineTable(measured, root)}`.trim();
  expect(between(readme, '<!-- quality:start -->', '<!-- quality:end -->')).toBe(expected);
});

test('the two-coder table of the README is what the coders and the analyzer measure today', () => {
  const expected = coderTable(measureCoderPairs(CODER_PAIRS, root, measuredSets().learned)).trim();
  expect(between(readme, '<!-- coders:start -->', '<!-- coders:end -->')).toBe(expected);
});

test('the rules-against-learned table of the README is what both measure today', () => {
  const { learned, rules } = measuredSets();
  const expected = learnedTable(learned, rules).trim();
  expect(between(readme, '<!-- learned:start -->', '<!-- learned:end -->')).toBe(expected);
});

test('every `npx thread-stance` example of the README runs and exits 0', async () => {
  const commands = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)]
    .flatMap((block) => block[1].split('\n'))
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line.startsWith('npx thread-stance '));
  expect(commands.length).toBe(6);
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'readme-'));
  const cwd = process.cwd();
  process.chdir(root);
  try {
    for (const command of commands) {
      const args = command.replace(/^npx thread-stance /, '').split(/\s+/).map((arg) => (arg === 'reports' ? out : arg.startsWith('reports-') ? path.join(out, arg) : arg));
      const printed: string[] = [];
      const code = await main(args, { stdout: (t) => printed.push(t), stderr: (t) => printed.push(t) });
      expect({ command, code }).toEqual({ command, code: 0 });
    }
  } finally {
    process.chdir(cwd);
    fs.rmSync(out, { recursive: true, force: true });
  }
});
