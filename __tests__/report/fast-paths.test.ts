/**
 * The reports' fast paths against the definitions they replace: a comment's `thread.json` entry
 * against `JSON.stringify` of the key-ordered object, the excerpt cut against the `Array.from`
 * version, and CSV numbers against `String` of the rounded number.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { Comment } from '../../src/model.js';
import { threadOf } from '../../src/pipeline.js';
import { formatCsvNumber, type CsvDialect } from '../../src/report/csv.js';
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
        fc.array(fc.record({
          text: hardText, author: hardText, createdAt: optionalText, score: fc.double(), extra: fc.boolean(),
          rulesAgreement: fc.option(fc.constantFrom('agree', 'disagree', 'none'), { nil: undefined }),
          agreementProbability: fc.option(fc.double(), { nil: undefined }),
        }), { maxLength: 20 }),
        fc.boolean(),
        (records, first) => {
          const comments = records.map((r, i) => {
            const c = comment(i + 1, {
              text: r.text, ownText: r.text.slice(1), author: r.author, createdAt: r.createdAt, agreement: 'none', rulesAgreement: r.rulesAgreement,
              agreementProbability: r.agreementProbability, quotes: [{ text: r.author, quotedIndex: i }],
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

describe('excerpts of texts whose head collapses unit for unit (no regular expression) are those of the whole text', () => {
  /** Words and single whitespace units: the texts the plain path reads, and what makes it give up. */
  const plainPiece = fc.constantFrom('\u000b', '\u000c', 'mot', 'é', 'l’été', '👏', '\ud800', '\udc00', 'a"b', ' ', '\n', '\u00a0', '\t', '\r\n', '\u2028', '\u0007', '\u202e', '\u200b');
  const plainText = fc.array(plainPiece, { maxLength: 80 }).map((pieces) => pieces.join(''));

  test('hand-picked texts: a cut on a line end, on a space before more spaces, after a pair, before only spaces or controls', () => {
    expect(excerptSource('abc\ndef', 4)).toBe('abc …');
    expect(excerptSource('abc\u00a0def\nghi', 20)).toBe('abc def ghi');
    expect(excerptSource('abc \n\n def', 4)).toBe('abc …');
    expect(excerptSource('ab\ud83d\udc4fc d', 3)).toBe('ab\ud83d\udc4f…');
    expect(excerptSource('abc   \u0007 ', 3)).toBe('abc');
    expect(excerptSource('abc \u0007x', 4)).toBe('abc …');
    expect(excerptSource('abc\n', 3)).toBe('abc');
    expect(excerptSource('abc', 3)).toBe('abc');
    expect(excerptSource('abcd', 0)).toBe('…');
    expect(excerptSource(' abc', 0)).toBe('…');
    expect(excerptSource(' \n', 0)).toBe('');
    // Dropping the control pairs the surrogates: one character, not two and more.
    expect(excerptSource('\udc00\ud800\u0007\udc00', 2)).toBe('\udc00\ud800\udc00');
  });

  test('property: words, single whitespace units, surrogates and the odd control, at any length', () => {
    fc.assert(
      fc.property(plainText, fc.integer({ min: 0, max: 60 }), (text, maxChars) => {
        expect(excerptSource(text, maxChars)).toBe(arrayExcerptSource(text, maxChars));
      }),
      { numRuns: 2000 },
    );
  });

  test('the comments and articles of the corpus, at the excerpt length of summary.md and others', () => {
    let texts = 0;
    for (const file of fs.readdirSync('corpus').filter((f) => f.endsWith('.txt')).sort()) {
      const thread = threadOf(fs.readFileSync(path.join('corpus', file), 'utf8'), file);
      for (const text of [thread.article.text, ...thread.comments.flatMap((c) => [c.text, c.ownText])]) {
        for (const maxChars of [1, 30, 100, 400]) expect(excerptSource(text, maxChars)).toBe(arrayExcerptSource(text, maxChars));
        texts++;
      }
    }
    // Every corpus file was read: five articles, and the 48 comments of the MacG thread twice.
    expect(texts).toBe(101);
  });
});

/** `formatCsvNumber` by its definition: rounded to 4 decimals, written by `String`, `,` for excel. */
function roundedString(value: number, dialect: CsvDialect): string {
  if (!Number.isFinite(value)) return '';
  const scaled = Math.round(value * 1e4) / 1e4;
  const rounded = Number.isFinite(scaled) ? scaled : value;
  const text = String(rounded === 0 ? 0 : rounded);
  return dialect === 'excel' ? text.replace('.', ',') : text;
}

describe('CSV numbers written from their ten-thousandths are String of the rounded number', () => {
  const dialects: CsvDialect[] = ['rfc4180', 'excel'];

  test('hand-picked numbers: -0, ties, trailing zeros, the edge of the exact range, exponents', () => {
    const cases: [number, string, string][] = [
      [-0, '0', '0'],
      [0.00005, '0.0001', '0,0001'],
      [-0.00005, '0', '0'],
      [-0.00015, '-0.0001', '-0,0001'],
      [2.5, '2.5', '2,5'],
      [-1.25004, '-1.25', '-1,25'],
      [1 / 3, '0.3333', '0,3333'],
      [0.1 + 0.2, '0.3', '0,3'],
      [99999999999.99994, '99999999999.9999', '99999999999,9999'],
      [1e11, '100000000000', '100000000000'],
      [1e21, '1.0000000000000001e+21', '1,0000000000000001e+21'],
      [-1e-7, '0', '0'],
      // A value above about 1.8e304 overflows when scaled: written as it is, not `Infinity`.
      [Number.MAX_VALUE, '1.7976931348623157e+308', '1,7976931348623157e+308'],
      [Number.NEGATIVE_INFINITY, '', ''],
    ];
    for (const [value, rfc, excel] of cases) expect([formatCsvNumber(value, 'rfc4180'), formatCsvNumber(value, 'excel')]).toEqual([rfc, excel]);
  });

  test('property: any double, and exact ten-thousandths up to the edge of the exact range', () => {
    const tenThousandths = fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.double({ min: -1.2e15, max: 1.2e15, noNaN: true }).map(Math.trunc));
    fc.assert(
      fc.property(fc.oneof(fc.double(), tenThousandths.map((n) => n / 1e4), fc.double({ min: -10, max: 10 })), fc.constantFrom(...dialects), (value, dialect) => {
        expect(formatCsvNumber(value, dialect)).toBe(roundedString(value, dialect));
      }),
      { numRuns: 20000 },
    );
  });
});
