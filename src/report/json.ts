/**
 * `thread.json`: the whole analyzed thread, the public JSON contract (see `src/model.ts`).
 *
 * Deterministic: keys in a fixed order (the contract's order first, then any field a later stage
 * added, in the order it was added), 2-space indent, a trailing newline. Written in chunks, one
 * comment at a time, so a thread of a million comments never becomes one string; the chunks
 * joined are byte-identical to `JSON.stringify(ordered, null, 2) + '\n'`.
 */
import type { AnalyzedThread, Comment, Thread } from '../model.js';

/** Top-level key order of `thread.json`. */
const THREAD_KEYS = ['source', 'format', 'title', 'article', 'comments', 'warnings', 'authors', 'summary', 'lines'] as const;
/** Key order of one comment. */
const COMMENT_KEYS = [
  'index', 'id', 'author', 'parentIndex', 'depth', 'replyEvidence', 'line', 'createdAt',
  'text', 'ownText', 'quotes', 'sentiment', 'stance', 'agreement',
] as const;

/** A shallow copy of `record` with `order`'s keys first, then its other keys in insertion order. */
function withKeyOrder(record: object, order: readonly string[]): Record<string, unknown> {
  const source = record as Record<string, unknown>;
  const ordered: Record<string, unknown> = {};
  for (const key of order) if (key in source) ordered[key] = source[key];
  for (const key of Object.keys(source)) if (!(key in ordered)) ordered[key] = source[key];
  return ordered;
}

/** The text `JSON.stringify(…, null, 2)` puts before and after a value nested in `depth` arrays. */
const NESTING: { before: string; after: string }[] = [];
for (let depth = 0; depth <= 4; depth++) {
  let before = '';
  let after = '';
  for (let level = 0; level < depth; level++) {
    before += `[\n${'  '.repeat(level + 1)}`;
    after = `\n${'  '.repeat(level)}]${after}`;
  }
  NESTING.push({ before, after });
}

/**
 * `JSON.stringify(value, null, 2)` re-indented to sit `depth` levels deep: the value is
 * stringified inside `depth` one-element arrays, which indents it as wanted, and the arrays' own
 * text is cut off (a regular-expression pass over every comment's JSON cost 6% of a run).
 */
function indented(value: unknown, depth: number): string {
  if (depth === 0 || depth >= NESTING.length) return JSON.stringify(value, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`);
  let nested: unknown = value;
  for (let level = 0; level < depth; level++) nested = [nested];
  const { before, after } = NESTING[depth];
  const text = JSON.stringify(nested, null, 2);
  return text.slice(before.length, text.length - after.length);
}

/** Whether `JSON.stringify` leaves this value out of an object (and writes `null` in an array). */
function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/**
 * `indented(value, depth)` in pieces: arrays and objects are opened for `levels` levels, one piece
 * per element, and only what lies deeper is stringified whole. So a top-level array of a million
 * line ranges or reply pairs never becomes one string. Recursion here follows the fixed nesting
 * of the JSON contract (`levels` ≤ 2), never the comments.
 */
function* jsonChunks(value: unknown, depth: number, levels: number): Generator<string> {
  if (levels === 0 || value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    yield indented(value, depth);
    return;
  }
  const pad = '  '.repeat(depth + 1);
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    for (let i = 0; i < value.length; i++) {
      yield `${i === 0 ? '[' : ','}\n${pad}`;
      if (omitted(value[i])) yield 'null';
      else yield* jsonChunks(value[i], depth + 1, levels - 1);
    }
    yield `\n${'  '.repeat(depth)}]`;
    return;
  }
  const record = value as Record<string, unknown>;
  let first = true;
  for (const key of Object.keys(record)) {
    if (omitted(record[key])) continue;
    yield `${first ? '{' : ','}\n${pad}${JSON.stringify(key)}: `;
    first = false;
    yield* jsonChunks(record[key], depth + 1, levels - 1);
  }
  yield first ? '{}' : `\n${'  '.repeat(depth)}}`;
}

/**
 * `thread.json` in chunks: the head, one chunk per comment, and every other top-level array (and
 * array inside a top-level object: `lines.comments`, `summary.replyPairs`, ...) one element at a
 * time, so its size in memory is that of one element whatever the thread's size.
 */
export function* threadJsonChunks(thread: AnalyzedThread): Generator<string> {
  yield threadJsonHead(thread);
  for (let i = 0; i < thread.comments.length; i++) yield threadJsonComment(thread.comments[i], i === 0);
  yield* threadJsonTail(thread, thread.comments.length > 0);
}

/** The keys of `thread.json` before `comments`: they do not depend on the analysis. */
const HEAD_KEYS = THREAD_KEYS.slice(0, THREAD_KEYS.indexOf('comments'));

/**
 * The start of `thread.json`, up to the opening of the `comments` array: written before any
 * comment is analyzed.
 */
export function threadJsonHead(head: Pick<Thread, 'source' | 'format' | 'title' | 'article'>): string {
  const top = head as unknown as Record<string, unknown>;
  let out = '{';
  let first = true;
  for (const key of HEAD_KEYS) {
    if (omitted(top[key])) continue;
    out += `${first ? '' : ','}\n  ${JSON.stringify(key)}: ${[...jsonChunks(top[key], 1, 2)].join('')}`;
    first = false;
  }
  return `${out}${first ? '' : ','}\n  "comments": `;
}

/** One comment of the `comments` array of `thread.json` (`first`: the first one of the array). */
export function threadJsonComment(comment: Comment, first: boolean): string {
  return `${first ? '[' : ','}\n    ${indented(withKeyOrder(comment, COMMENT_KEYS), 2)}`;
}

/**
 * The end of `thread.json` after the last comment: the close of the `comments` array (`[]` when
 * the thread has none) and the keys that follow it in the finished thread, in chunks.
 */
export function* threadJsonTail(thread: AnalyzedThread, hadComments: boolean): Generator<string> {
  const top = withKeyOrder(thread, THREAD_KEYS);
  yield hadComments ? '\n  ]' : '[]';
  const keys = Object.keys(top);
  for (const key of keys.slice(keys.indexOf('comments') + 1)) {
    if (omitted(top[key])) continue;
    yield `,\n  ${JSON.stringify(key)}: `;
    yield* jsonChunks(top[key], 1, 2);
  }
  yield '\n}\n';
}

/** `thread.json` as one string. */
export function threadJson(thread: AnalyzedThread): string {
  return [...threadJsonChunks(thread)].join('');
}

/** The object `thread.json` holds (same key order), for tests and library users. */
export function threadJsonObject(thread: AnalyzedThread): Record<string, unknown> {
  const top = withKeyOrder(thread, THREAD_KEYS);
  top.comments = thread.comments.map((c) => withKeyOrder(c, COMMENT_KEYS));
  return top;
}
