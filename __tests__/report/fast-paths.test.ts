/**
 * The reports' fast paths against the definitions they replace: a comment's `thread.json` entry
 * against `JSON.stringify` of the key-ordered object, and the excerpt cut against the `Array.from`
 * version.
 */
import fc from 'fast-check';
import type { Comment } from '../../src/model.js';
import { escapeMarkdownInline, excerptSource, markdownExcerpt } from '../../src/report/escape.js';
import { threadJson, threadJsonComment, threadJsonCommentsText, threadJsonObject } from '../../src/report/json.js';
import { comment, threadWithHostileText, threadWithManyComments } from '../fixtures/report/builders.js';

/** Pieces that are hard for CSV, JSON and excerpts: separators, quotes, line ends, formula starts, BOM, controls, surrogates. */
const HARD_PIECES = [
  '"', '""', ',', ';', '\r', '\n', '\r\n', '\n\r', '=1+1', '+33', '-2', '@Zoé', '\t', '\uFEFF', '', ' ', '  ', '\u00a0', '\u2028',
  '\u3000', '\u0000', '\u001b[31m', '\u007f', '\u0085', '\u202e', '\u2066', '\ud83d\udc4f', '\ud800', '\udc00', 'é', 'a"b', 'mot',
];
const hardText = fc.oneof(
  fc.array(fc.constantFrom(...HARD_PIECES), { maxLength: 30 }).map((pieces) => pieces.join('')),
  fc.string({ unit: 'binary', maxLength: 60 }),
);

/** A comment whose fields come from getters on its class, as `KeptComment`'s do. */
class GetterComment {
  get index(): number {
    return 4;
  }
  get id(): string {
    return 'c4';
  }
  get author(): string {
    return 'Getter';
  }
  get text(): string {
    return 'lu par un getter';
  }
}

/** Comments at the edges of what `JSON.stringify` writes. */
function edgeComments(): Comment[] {
  const pipelineOrder = { index: 1, id: 'c1', author: 'Zoé', parentIndex: 0, depth: 1, replyEvidence: 'none', text: 'a', ownText: 'a', quotes: [], line: 3 } as Comment;
  pipelineOrder.sentiment = { score: -0, comparative: 1e-7, label: 'neutral', terms: [{ term: 't', value: 1e21, base: -1.5e-300, rules: ['negation'] }] };
  pipelineOrder.agreement = 'none';
  pipelineOrder.stance = { label: 'sceptical', confidence: NaN, scores: { sceptical: Infinity, 'pro-microsoft': -Infinity, 7: 1 }, evidence: [] };
  const withUndefined = comment(2, { createdAt: undefined, agreement: undefined, stance: undefined, text: '\u0000\u001f\u007f\u2028\u2029\\"/</script>' });
  const withDate = comment(3, { createdAt: new Date(Date.UTC(2023, 10, 20)) as unknown as string, text: '\ud800 lone \udc00 pair \ud83d\udc4f' });
  const withExtras = Object.assign(comment(5, { text: '« guillemets » ’' }), { zeta: { b: [1, undefined, () => 0] }, alpha: undefined, 12: 'index-like' });
  const inherited = Object.assign(Object.create({ ownText: 'hérité', sentiment: undefined }) as Comment, comment(6));
  delete (inherited as Partial<Comment>).ownText;
  return [pipelineOrder, withUndefined, withDate, new GetterComment() as unknown as Comment, withExtras, inherited, ...threadWithHostileText().comments];
}

describe('a comment of thread.json is JSON.stringify of the key-ordered comment', () => {
  test('edge comments: -0, NaN, infinities, undefined fields, toJSON, lone surrogates, controls, getters, extra and index-like keys', () => {
    const thread = threadWithManyComments(0, () => '');
    thread.comments = edgeComments();
    expect(threadJson(thread)).toBe(`${JSON.stringify(threadJsonObject(thread), null, 2)}\n`);
    // The index-like extra key comes first, as JSON.stringify orders it; the getters are read.
    expect(threadJson(thread)).toContain('{\n      "12": "index-like",\n      "index": 5,');
    expect(threadJson(thread)).toContain('"author": "Getter",\n      "text": "lu par un getter"\n');
  });

  test('property: any texts, numbers and optional fields', () => {
    const optionalText = fc.option(hardText, { nil: undefined });
    fc.assert(
      fc.property(
        fc.array(fc.record({ text: hardText, ownText: hardText, author: hardText, createdAt: optionalText, score: fc.double(), agreement: fc.constantFrom(undefined, 'agree', 'none') }), { maxLength: 4 }),
        (records) => {
          const thread = threadWithManyComments(0, () => '');
          thread.comments = records.map((r, i) =>
            comment(i + 1, {
              text: r.text, ownText: r.ownText, author: r.author, createdAt: r.createdAt, agreement: r.agreement as Comment['agreement'],
              quotes: [{ text: r.text, quotedIndex: null }],
              sentiment: { score: r.score, comparative: -r.score, label: 'neutral', terms: [] },
            }),
          );
          expect(threadJson(thread)).toBe(`${JSON.stringify(threadJsonObject(thread), null, 2)}\n`);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('comments stringified by groups are the comments stringified one by one', () => {
  /** The definition: each comment's entry by `threadJsonComment`, the first opening the array. */
  const oneByOne = (comments: readonly Comment[], first: boolean): string => comments.map((c, i) => threadJsonComment(c, first && i === 0)).join('');

  test('edge comments mixed with plain ones, in batches of every size, first or not', () => {
    const plain = threadWithManyComments(30, (i) => `texte ${i} "cité"\n`).comments;
    const mixed = [...plain.slice(0, 9), ...edgeComments(), ...plain.slice(9)];
    for (const size of [1, 7, 8, 9, 17, 32, mixed.length]) {
      for (let start = 0; start < mixed.length; start += size) {
        const batch = mixed.slice(start, start + size);
        expect(threadJsonCommentsText(batch, start === 0).join('')).toBe(oneByOne(batch, start === 0));
      }
    }
    expect(threadJsonCommentsText([], true)).toEqual([]);
  });

  test('property: any texts, numbers and optional fields, in a batch of up to 20', () => {
    const optionalText = fc.option(hardText, { nil: undefined });
    fc.assert(
      fc.property(
        fc.array(fc.record({ text: hardText, author: hardText, createdAt: optionalText, score: fc.double(), extra: fc.boolean() }), { maxLength: 20 }),
        fc.boolean(),
        (records, first) => {
          const comments = records.map((r, i) => {
            const c = comment(i + 1, {
              text: r.text, ownText: r.text.slice(1), author: r.author, createdAt: r.createdAt,
              quotes: [{ text: r.author, quotedIndex: i }],
              sentiment: { score: r.score, comparative: -r.score, label: 'neutral', terms: [{ term: r.text, value: r.score, base: 0, rules: [] }] },
            });
            return r.extra ? Object.assign(c, { '3': r.score, later: r.text }) : c;
          });
          expect(threadJsonCommentsText(comments, first).join('')).toBe(oneByOne(comments, first));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('arrays after the comments are stringified by slices as JSON.stringify writes them whole', () => {
  test('slices around the slice size, null-written elements, toJSON', () => {
    for (const count of [1, 15, 16, 17, 33, 40]) {
      const thread = threadWithManyComments(1, () => 'x');
      const ranges: unknown[] = Array.from({ length: count }, (_, i) => ({ start: i, end: i + 0.5, note: i % 3 === 0 ? undefined : '\ud800"' }));
      ranges[count - 1] = undefined;
      if (count > 20) ranges[18] = new Date(Date.UTC(2023, 10, 20));
      thread.lines = { ...thread.lines, comments: ranges as typeof thread.lines.comments };
      thread.warnings = Array.from({ length: count }, (_, i) => ({ line: i, code: 'W', message: `m\n${i}` }));
      expect(threadJson(thread)).toBe(`${JSON.stringify(threadJsonObject(thread), null, 2)}\n`);
    }
  });

  test('a toJSON that reads its key is still given 0, as when every element was stringified alone', () => {
    const thread = threadWithManyComments(1, () => 'x');
    thread.lines = { ...thread.lines, comments: [{ start: 1, end: 2 }, { toJSON: (key: string) => `key ${key}` }] as typeof thread.lines.comments };
    expect(threadJson(thread)).toContain('"comments": [\n      {\n        "start": 1,\n        "end": 2\n      },\n      "key 0"\n    ]');
  });
});

/** Invisible controls, as `escape.ts` drops them (bidi controls, then C0/C1 controls but tab and line ends). */
function droppedControls(text: string): string {
  return text.replace(/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g, '').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, '');
}

/** `excerptSource` as first written: the whole text collapsed and split into characters. */
function arrayExcerptSource(text: string, maxChars: number): string {
  const chars = Array.from(droppedControls(text).replace(/\s+/gu, ' ').trim());
  return chars.length > maxChars ? `${chars.slice(0, maxChars).join('')}…` : chars.join('');
}

/** `markdownExcerpt` before the escaping, as first written. */
function arrayExcerptCut(text: string, maxChars: number): string {
  const collapsed = droppedControls(text).replace(/\s+/gu, ' ').trim();
  const chars = Array.from(collapsed);
  return chars.length > maxChars ? `${chars.slice(0, maxChars).join('').trimEnd()}…` : collapsed;
}

describe('excerpts are those of the whole text split into characters', () => {
  const longText = fc.array(hardText, { maxLength: 12 }).map((parts) => parts.join(' '));

  test('hand-picked texts: a cut after a surrogate pair, before a lone surrogate, inside runs of spaces', () => {
    expect(excerptSource('ab\ud83d\udc4fcd', 3)).toBe('ab\ud83d\udc4f…');
    expect(excerptSource('ab\ud800cd', 3)).toBe('ab\ud800…');
    expect(excerptSource(' a \n\t b\u00a0\u00a0c ', 10)).toBe('a b c');
    expect(excerptSource(`${'x '.repeat(300)}`, 4)).toBe('x x …');
    expect(markdownExcerpt('a    b  c', 3)).toBe('a b…');
  });

  test('property: excerptSource and markdownExcerpt at any length', () => {
    fc.assert(
      fc.property(longText, fc.integer({ min: 0, max: 40 }), (text, maxChars) => {
        expect(excerptSource(text, maxChars)).toBe(arrayExcerptSource(text, maxChars));
        expect(markdownExcerpt(text, maxChars)).toBe(escapeMarkdownInline(arrayExcerptCut(text, maxChars)));
      }),
      { numRuns: 1000 },
    );
  });
});
