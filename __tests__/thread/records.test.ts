/** A small export in JSONL and in CSV: the same thread either way, every evidence kind of records. */
import { readFileSync } from 'node:fs';
import { parseThread } from '../../src/parse/index.js';
import { buildThread } from '../../src/thread/index.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/parse/${name}`, import.meta.url), 'utf8');
const fromJsonl = buildThread(parseThread(fixture('small-export.jsonl'), 'small-export.jsonl'));
const fromCsv = buildThread(parseThread(fixture('small-export.csv'), 'small-export.csv'));

test('parents: explicit id, mention, quote, and an orphan kept at top level', () => {
  expect(fromJsonl.comments.map((c) => [c.id, c.parentIndex, c.replyEvidence, c.depth])).toEqual([
    ['t1', 0, 'none', 1], ['t2', 1, 'id', 2], ['t3', 2, 'mention', 3], ['t4', 1, 'quote', 2], ['t5', 0, 'none', 1],
  ]);
  expect(fromJsonl.comments[3].ownText).toBe('Pas toute l\'équipe.');
  expect(fromJsonl.warnings).toEqual([
    { line: 5, code: 'THREAD_MISSING_PARENT', message: 'comment 5: expected an existing parent, found parent "t9", which no comment has; kept as top level' },
  ]);
});

test('the CSV export gives the same comments as the JSONL one (lines differ by the header row)', () => {
  const withoutLines = (thread: typeof fromJsonl) => thread.comments.map(({ line: _line, ...rest }) => rest);
  expect(withoutLines(fromCsv)).toEqual(withoutLines(fromJsonl));
  expect(fromCsv.comments.map((c) => c.line)).toEqual([2, 3, 4, 5, 7]);
  expect(fromCsv.warnings.map((w) => [w.line, w.code])).toEqual([[7, 'THREAD_MISSING_PARENT']]);
  expect(fromJsonl.comments[0].createdAt).toBe('2023-11-20T08:00:00Z');
});
