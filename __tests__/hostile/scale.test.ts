/**
 * Large and degenerate inputs through parse and reply tree: a 50 MB page, a 5 MB comment,
 * 100,000 comments, a 100,000-deep chain written backwards, very long words and space runs that
 * would make a backtracking regular expression quadratic. No timing assertion (benchmarks are
 * scripts), but a quadratic step on these sizes would run for hours and hit the test timeout.
 */
import { parseThread } from '../../src/parse/index.js';
import { buildThread } from '../../src/thread/index.js';
import { decodeInputWithWarnings } from '../../src/input/decode.js';

const NBSP = '\u00a0';
const TIMEOUT = 60_000;

/** A MacG page with `count` comment blocks of `body` text, each by one of 500 authors, half of them replying by mention. */
function bigMacgPage(count: number, body: (k: number) => string): string {
  const parts = ['Titre', '', `Auteur${NBSP}|`, '', 'Corps de l’article.', ''];
  for (let k = 0; k < count; k++) {
    const mention = k > 0 && k % 2 === 0 ? `@user${(k - 1) % 500} ` : '';
    parts.push(`avatar user${k % 500}${NBSP}|${NBSP}`, '', `${mention}${body(k)}`, '');
  }
  parts.push('Pages');
  return parts.join('\n');
}

test('100,000 comments: all kept, mentions resolved, one accounting range each', () => {
  const thread = buildThread(parseThread(bigMacgPage(100_000, (k) => `Commentaire numéro ${k}, plutôt d’accord avec Microsoft.`), 'big.txt'));
  expect(thread.comments.length).toBe(100_000);
  expect(thread.lines.comments.length).toBe(100_000);
  expect([thread.comments[2].parentIndex, thread.comments[2].replyEvidence]).toEqual([2, 'mention']);
  expect(thread.comments[99_998].parentIndex).toBe(99_998);
  expect(thread.warnings).toEqual([]);
}, TIMEOUT);

test('a 50 MB page decodes and parses: 250,000 comments, none lost', () => {
  const body = 'Un commentaire assez long pour remplir la page, avec des mots et encore des mots, et des phrases entières. '.repeat(2);
  const text = bigMacgPage(250_000, () => body);
  expect(text.length).toBeGreaterThan(50_000_000);
  const bytes = Buffer.from(text, 'utf8');
  const decoded = decodeInputWithWarnings(bytes, 'big.txt');
  expect(decoded.warnings).toEqual([]);
  const thread = buildThread(parseThread(decoded.text, 'big.txt'));
  expect([thread.comments.length, thread.comments[249_998].text, thread.comments[249_998].parentIndex]).toEqual([250_000, `@user${249_997 % 500} ${body}`.trim(), 249_998]);
}, TIMEOUT);

test('a 50 MB Windows-1252 file decodes in one pass', () => {
  const line = Buffer.from('Un été à Noël, ça coûte cher : déjà 5 €. ', 'latin1');
  const bytes = Buffer.alloc(line.length * 1_200_000);
  for (let offset = 0; offset < bytes.length; offset += line.length) line.copy(bytes, offset);
  const decoded = decodeInputWithWarnings(bytes, 'latin1.txt');
  expect([decoded.text.length, decoded.text.slice(0, 20), decoded.warnings.map((w) => w.code)]).toEqual([bytes.length, 'Un été à Noël, ça co', ['INPUT_DECODED_CP1252']]);
}, TIMEOUT);

test('a single 5 MB comment is kept whole', () => {
  const body = 'Microsoft récupère Altman, c’est un coup de maître. '.repeat(100_000);
  const thread = buildThread(parseThread(`Titre\n\navatar Alice${NBSP}|${NBSP}\n\n${body}\n`, 'one.txt'));
  expect([thread.comments.length, thread.comments[0].text, thread.comments[0].ownText]).toEqual([1, body.trim(), body.trim()]);
}, TIMEOUT);

test('a 100,000-deep reply chain written newest first: reordered, depth 100,000, nothing lost', () => {
  const lines: string[] = [];
  for (let i = 100_000; i >= 1; i--) lines.push(JSON.stringify({ id: `r${i}`, author: i % 2 === 0 ? 'Alice' : 'Bob', text: `réponse ${i}`, ...(i > 1 ? { parentId: `r${i - 1}` } : {}) }));
  const thread = buildThread(parseThread(lines.join('\n'), 'chain.jsonl'));
  expect(thread.comments.length).toBe(100_000);
  expect([thread.comments[0].id, thread.comments[99_999].id, thread.comments[99_999].depth, thread.comments[99_999].line]).toEqual(['r1', 'r100000', 100_000, 1]);
  expect(thread.warnings.length).toBe(99_999);
  expect(thread.warnings.every((w) => w.code === 'THREAD_REORDERED')).toBe(true);
}, TIMEOUT);

test.each([
  ['a 5 MB word', `${'x'.repeat(5_000_000)}`],
  ['a quotation mark followed by 2 MB of spaces', `« ${' '.repeat(2_000_000)}fin`],
  ['an unclosed straight quote then 2 MB of spaces', `il a dit "${' '.repeat(2_000_000)}fin`],
  ['1,000,000 blank lines inside a comment', `début${'\n '.repeat(1_000_000)}\nfin`],
  ['a mention of a 5 MB name', `@${'a'.repeat(5_000_000)} bonjour`],
])('very long content (%s) is kept, in linear time', (_shape, body) => {
  const thread = buildThread(parseThread(`Titre\n\navatar Alice${NBSP}|${NBSP}\n\nUn.\n\navatar Bob${NBSP}|${NBSP}\n\n${body}\n`, 'long.txt'));
  expect([thread.comments.length, thread.comments[1].text]).toEqual([2, body.split('\n').map((l) => l.trimEnd()).join('\n')]);
}, TIMEOUT);

test('an avatar-like line of 1 MB of spaces is not a comment block (and does not hang the block regex)', () => {
  const parsed = parseThread(`Titre\n\navatar Bob${NBSP}|${NBSP}\n\navatar ${' '.repeat(1_000_000)}x |\n`, 'a.txt');
  expect(parsed.comments.map((c) => [c.author, c.text.length])).toEqual([['Bob', 1_000_010]]);
}, TIMEOUT);
