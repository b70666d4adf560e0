/**
 * Property-based tests of the pure stages (parse and reply tree) over generated hostile threads:
 * no crash but a ThreadStanceError, nothing lost, every line accounted once, same input same output.
 */
import fc from 'fast-check';
import { parseThread } from '../../src/parse/index.js';
import { buildThread, walkTree } from '../../src/thread/index.js';
import { normalizeText } from '../../src/input/decode.js';
import { cleanName, looseNameKey } from '../../src/input/names.js';
import { ThreadStanceError } from '../../src/errors.js';
import type { InputFormat, LineAccounting, Thread } from '../../src/model.js';
import { anyText, macgThread, recordThread } from './arbitraries.js';

const RUNS = 150;

/** Parse and build, as the pipeline does before the NLP stages. */
function treeOf(text: string, source: string, format: InputFormat | 'auto' = 'auto'): Thread {
  return buildThread(parseThread(text, source, format));
}

/**
 * Lines of the accounting that are wrong: a non-blank line in no range or in two, a range outside
 * the file. Empty when every non-blank line is accounted exactly once.
 */
function accountingErrors(text: string, lines: LineAccounting): string[] {
  const fileLines = normalizeText(text).split('\n');
  const owners = new Array<string[]>(fileLines.length + 1);
  const errors: string[] = [];
  for (const [bucket, ranges] of Object.entries(lines) as [string, { start: number; end: number }[]][]) {
    for (const { start, end } of ranges) {
      if (!(start >= 1 && start <= end && end <= fileLines.length)) errors.push(`${bucket} range ${start}-${end} outside 1-${fileLines.length}`);
      for (let line = Math.max(start, 1); line <= Math.min(end, fileLines.length); line++) {
        if (fileLines[line - 1].trim() !== '') (owners[line] ??= []).push(bucket);
      }
    }
  }
  for (let line = 1; line <= fileLines.length; line++) {
    const count = owners[line]?.length ?? 0;
    if (fileLines[line - 1].trim() !== '' && count !== 1) errors.push(`line ${line} accounted ${count} times (${owners[line]?.join(', ') ?? 'nowhere'})`);
  }
  return errors;
}

/** Tree invariants: indexes 1..n, parents earlier, depths, each comment reached once from the article. */
function treeErrors(thread: Thread): string[] {
  const errors: string[] = [];
  thread.comments.forEach((c, i) => {
    if (c.index !== i + 1) errors.push(`comment ${i + 1} has index ${c.index}`);
    if (!(c.parentIndex >= 0 && c.parentIndex < c.index)) errors.push(`comment ${c.index} has parent ${c.parentIndex}`);
    const parentDepth = c.parentIndex === 0 ? 0 : thread.comments[c.parentIndex - 1].depth;
    if (c.depth !== parentDepth + 1) errors.push(`comment ${c.index} has depth ${c.depth}, parent depth ${parentDepth}`);
  });
  const seen = new Uint8Array(thread.comments.length + 1);
  walkTree(thread, (c) => {
    seen[c.index]++;
  });
  for (let index = 1; index <= thread.comments.length; index++) if (seen[index] !== 1) errors.push(`comment ${index} reached ${seen[index]} times`);
  return errors;
}

/** Characters that must never stay in an author name: invisible, bidi, controls, odd spaces. */
const UNCLEAN_NAME = /[\u0000-\u001f\u007f-\u009f\u00a0\u00ad\u200b-\u200f\u202a-\u202f\u2060\u2066-\u2069\ufeff]|\s{2}|^\s|\s$/u;

describe('any input: analyzed, or a ThreadStanceError that names the file and a line of it', () => {
  test('parse and tree never throw anything else', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom<InputFormat | 'auto'>('auto', 'macg', 'article', 'jsonl', 'csv'), fc.constantFrom('t.txt', 't.jsonl', 't.csv', '-'), (text, format, source) => {
        let thread: Thread;
        try {
          thread = treeOf(text, source, format);
        } catch (error) {
          expect(error).toBeInstanceOf(ThreadStanceError);
          const e = error as ThreadStanceError;
          expect(e.file).toBe(source);
          if (e.line !== undefined) expect(e.line >= 1 && e.line <= normalizeText(text).split('\n').length).toBe(true);
          return;
        }
        expect(accountingErrors(text, thread.lines)).toEqual([]);
        expect(treeErrors(thread)).toEqual([]);
        for (const c of thread.comments) expect(UNCLEAN_NAME.test(c.author)).toBe(false);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  test('determinism: the same input gives a deep-equal thread', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const run = (): unknown => {
          try {
            return treeOf(text, 't.txt');
          } catch (error) {
            return [(error as ThreadStanceError).code, (error as ThreadStanceError).located];
          }
        };
        expect(run()).toEqual(run());
      }),
      { numRuns: RUNS },
    );
  });
});

describe('MacG pages: every block is one comment, mentions resolve to the right author', () => {
  test('conservation, accounting, names, lines and mention parents', () => {
    fc.assert(
      fc.property(macgThread, ({ text, blocks }) => {
        const thread = treeOf(text, 'page.txt');
        expect(thread.format).toBe(blocks.length === 0 ? 'article' : 'macg');
        expect(thread.comments.length).toBe(blocks.length);
        expect(accountingErrors(text, thread.lines)).toEqual([]);
        expect(treeErrors(thread)).toEqual([]);
        const names = blocks.map((b) => cleanName(b.author));
        expect(thread.comments.map((c) => [c.author, c.line])).toEqual(blocks.map((b, k) => [names[k], b.line]));
        for (const c of thread.comments) expect(UNCLEAN_NAME.test(c.author)).toBe(false);
        expect(thread.warnings.filter((w) => w.code === 'INPUT_NO_AUTHOR').map((w) => w.line))
          .toEqual(blocks.filter((_, k) => names[k] === '').map((b) => b.line));
        blocks.forEach((block, k) => {
          if (block.mentions === null) return;
          const written = cleanName(blocks[block.mentions].author);
          if (written === '' || written.length > 64) return;
          // Exact spelling first (most recent comment by it), then case- and accent-folded.
          let expected = 0;
          for (let i = k - 1; i >= 0 && expected === 0; i--) if (names[i] === written) expected = i + 1;
          for (let i = k - 1; i >= 0 && expected === 0; i--) if (looseNameKey(names[i]) === looseNameKey(written)) expected = i + 1;
          const comment = thread.comments[k];
          // A longer author name that the mention and the words after it spell also wins (longest match).
          if (comment.parentIndex !== expected) {
            expect(looseNameKey(names[comment.parentIndex - 1]).startsWith(looseNameKey(written))).toBe(true);
          } else {
            expect([comment.parentIndex, comment.replyEvidence]).toEqual([expected, 'mention']);
          }
        });
      }),
      { numRuns: RUNS },
    );
  });
});

describe('JSONL and CSV exports: records kept, replies by id kept, bad parents reported', () => {
  test('conservation, repeats, accounting, and every resolvable explicit parent kept', () => {
    fc.assert(
      fc.property(recordThread, ({ format, text, records, repeats }) => {
        const source = `export.${format}`;
        const thread = treeOf(text, source);
        expect(thread.format).toBe(format);
        expect(thread.comments.map((c) => c.id).sort()).toEqual(records.map((r) => r.id).sort());
        expect(thread.warnings.filter((w) => w.code === 'INPUT_DUPLICATE_RECORD').length).toBe(repeats);
        expect(accountingErrors(text, thread.lines)).toEqual([]);
        expect(treeErrors(thread)).toEqual([]);
        const byId = new Map(thread.comments.map((c) => [c.id, c]));
        const parentOf = new Map(records.map((r) => [r.id, r.parentId]));
        for (const record of records) {
          const comment = byId.get(record.id)!;
          expect(comment.author).toBe(cleanName(record.author));
          const parentId = record.parentId;
          if (parentId === undefined || parentId === record.id || !parentOf.has(parentId)) {
            const code = parentId === undefined ? null : parentId === record.id ? 'THREAD_SELF_REPLY' : 'THREAD_MISSING_PARENT';
            if (code !== null) expect(thread.warnings.some((w) => w.code === code && w.line === comment.line)).toBe(true);
            if (parentId !== undefined) expect([comment.parentIndex, comment.replyEvidence]).toEqual([0, 'none']);
            continue;
          }
          // On a cycle? Walk up the explicit parents (the generated threads are small).
          const onPath = new Set<string>();
          let node: string | undefined = record.id;
          while (node !== undefined && !onPath.has(node) && parentOf.has(node)) {
            onPath.add(node);
            const up: string | undefined = parentOf.get(node);
            node = up === node ? undefined : up;
          }
          let cycle = false;
          if (node !== undefined && onPath.has(node)) {
            // `record` is on the cycle when walking up from the repeated node comes back to it.
            let k: string | undefined = node;
            do {
              if (k === record.id) cycle = true;
              k = parentOf.get(k as string);
            } while (k !== node && k !== undefined);
          }
          if (cycle) {
            expect([comment.parentIndex, thread.warnings.some((w) => w.code === 'THREAD_CYCLE' && w.line === comment.line)]).toEqual([0, true]);
          } else {
            expect([thread.comments[comment.parentIndex - 1]?.id, comment.replyEvidence]).toEqual([parentId, 'id']);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });
});
