import fc from 'fast-check';
import { escapeMarkdownInline, excerptSource, markdownExcerpt, mermaidLabel, terminalSafe } from '../../src/report/escape.js';
import { indexEntry, indexMarkdown } from '../../src/report/index-markdown.js';
import { replyTreeOrder, summaryMarkdown } from '../../src/report/markdown.js';
import { TINY_LABELS, articleOnlyThread, deepChain, threadWithHostileText, threadWithManyComments } from '../fixtures/report/builders.js';

const WJ = '\u2060';
const ALL_FILES = ['comments.csv', 'authors.csv', 'thread.json'];

describe('escaping commenter text', () => {
  test.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['a | b', 'a \\| b'],
    ['[clic](http://x.io) ![img](y.png)', '\\[clic\\](http://x.io) !\\[img\\](y.png)'],
    ['`code` ```', '\\`code\\` \\`\\`\\`'],
    ['**gras** _it_ ~~barré~~', '\\*\\*gras\\*\\* \\_it\\_ \\~\\~barré\\~\\~'],
    ['# titre\n## autre', '\\# titre \\#\\# autre'],
    ['$\\color{red}{x}$', '\\$\\\\color{red}{x}\\$'],
    ['@Dark Phantom', `@${WJ}Dark Phantom`],
    ['&lt; déjà', '&amp;lt; déjà'],
    ['ligne 1\r\nligne 2\rligne 3\u2028fin', 'ligne 1 ligne 2 ligne 3 fin'],
    ['abc\u202Eevil\u0007\u001B[31m', 'abcevil\\[31m'],
  ])('escapeMarkdownInline(%j)', (input, expected) => {
    expect(escapeMarkdownInline(input)).toBe(expected);
  });

  test('excerpts cut at code points, never inside an emoji, then escape', () => {
    expect(markdownExcerpt('👏👏👏 bravo', 2)).toBe('👏👏…');
    expect(markdownExcerpt('  a\n\n b  ', 10)).toBe('a b');
    expect(markdownExcerpt('x|y|z', 3)).toBe('x\\|y…');
  });

  test('the excerpt kept of a long comment is read from its head: 5 visible words of 40, 3 of a text full of spaces', () => {
    const long = `${'Satya a gagné. '.repeat(40)}`;
    expect(excerptSource(long, 14)).toBe('Satya a gagné.…');
    expect(excerptSource(`a${' \u0007'.repeat(30)}b c d`, 3)).toBe('a b…');
    expect(excerptSource('👏👏👏👏👏👏 bravo', 2)).toBe('👏👏…');
  });

  test('the excerpt read from a head equals the excerpt of the whole text (generated texts)', () => {
    const whole = (text: string, maxChars: number): string => {
      const chars = Array.from(text.replace(/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g, '').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, '').replace(/\s+/gu, ' ').trim());
      return chars.length > maxChars ? `${chars.slice(0, maxChars).join('')}…` : chars.join('');
    };
    const piece = fc.constantFrom('mot', ' ', '  \n\n ', '\u0007', '\u202E', '👏🏽', '\uD83D', 'é', '\u00A0');
    fc.assert(fc.property(fc.array(piece, { maxLength: 200 }), fc.integer({ min: 1, max: 30 }), (pieces, maxChars) => {
      const text = pieces.join('');
      expect(excerptSource(text, maxChars)).toBe(whole(text, maxChars));
    }), { numRuns: 300 });
  });

  test('Mermaid labels cannot close their quotes, start a directive or end the fence', () => {
    expect(mermaidLabel('pro" : 5\n%%{init}%%```')).toBe('pro 5 init');
    expect(mermaidLabel('pro-microsoft')).toBe('pro-microsoft');
    expect(mermaidLabel('scéptique (doute)')).toBe('scéptique (doute)');
  });

  test('terminal text shows control characters instead of obeying them', () => {
    expect(terminalSafe('a\u001B[2Jb\u202Ec\nd')).toBe('a\\x1b[2Jb\\u202ec\\x0ad');
    expect(terminalSafe('a\nb', true)).toBe('a\nb');
  });
});

describe('summary.md', () => {
  test('the hostile thread, exactly', () => {
    expect(summaryMarkdown(threadWithHostileText(), { labels: TINY_LABELS, dataFiles: ALL_FILES })).toBe(
      [
        '# Un fil \\# hostile \\| &lt;i&gt;',
        '',
        'Source: tests/hostile.txt (macg) · article by Rédaction',
        '',
        '**3** comments by **3** authors · **1** reply · **1** warning',
        '',
        '## Stance',
        '',
        '| stance | comments | share |',
        '|---|---:|---:|',
        '| pro-microsoft | 1 | 33.3% |',
        '| sceptical | 2 | 66.7% |',
        '',
        '```mermaid',
        'pie showData',
        '    title Stance of the comments',
        '    "pro-microsoft" : 1',
        '    "sceptical" : 2',
        '```',
        '',
        '## Sentiment by stance',
        '',
        'Net sentiment: share of positive minus share of negative comments, from -1 to +1.',
        '',
        '| stance | comments | net sentiment | positive | negative | neutral |',
        '|---|---:|---:|---:|---:|---:|',
        '| pro-microsoft | 1 | +1 | 1 | 0 | 0 |',
        '| sceptical | 2 | -0.5 | 0 | 1 | 1 |',
        '',
        '## Authors',
        '',
        '| author | comments | dominant stance | net sentiment | replies written | replies received | agrees with | disagrees with |',
        '|---|---:|---|---:|---:|---:|---|---|',
        '| Zoé | 1 | pro-microsoft | +1 | 0 | 1 |  |  |',
        '| =cmd\\|calc | 1 | sceptical | -1 | 1 | 0 |  | Zoé (1) |',
        '| Eve &lt;b&gt; | 1 | sceptical | 0 | 0 | 0 |  |  |',
        '',
        '## Most debated sub-threads',
        '',
        '| root | author | comments | disagreements | participants | opens with |',
        '|---:|---|---:|---:|---:|---|',
        '| #1 | Zoé | 2 | 1 | 2 | Coup de maître ! Bravo 👏 |',
        '',
        '## Warnings',
        '',
        '| line | code | message |',
        '|---:|---|---|',
        '| 9 | MENTION\\_UNKNOWN | mention of &lt;Bob&gt; who never commented |',
        '',
        '## Reply tree',
        '',
        '<details>',
        '<summary>3 comments, each with its stance (confidence), sentiment and the start of its own words</summary>',
        '',
        // Learned labels show the model's probability; #3, labelled by the rules only, its lexicon score.
        '- #1 **Zoé** · pro-microsoft (0.80) · positive (0.90) — Coup de maître ! Bravo 👏',
        '  - #2 **=cmd\\|calc** · sceptical (0.60) · negative (0.55) · disagrees — =1+1 "non"; nul',
        '- #3 **Eve &lt;b&gt;** · sceptical (0.35) · neutral (score 0) — \\| a \\| b \\| &lt;script&gt;alert(1)&lt;/script&gt; ' +
          `\\[clic\\](http://x.io) !\\[i\\](y.png) \\\`code\\\` pie "x" : 9 @${WJ}Zoé \\$x\\$ \\*\\*gr…`,
        '',
        '</details>',
        '',
        'Full data: [comments.csv](comments.csv) · [authors.csv](authors.csv) · [thread.json](thread.json)',
        '',
      ].join('\n'),
    );
  });

  test('an article without comments: its stance and strongest signals, no empty tables', () => {
    expect(summaryMarkdown(articleOnlyThread(), { labels: TINY_LABELS, dataFiles: ['thread.json'] })).toBe(
      [
        '# Le roi est mort',
        '',
        'Source: corpus/presse.txt (article) · article by Anne',
        '',
        '**0** comments by **0** authors · **0** replies · **0** warnings',
        '',
        '## The article',
        '',
        'The article itself: stance **sceptical** (confidence 0.46), sentiment **negative** (lexicon score -1).',
        '',
        'Strongest signals: target: le &lt;b&gt;CA&lt;/b&gt; a \\| flingué · cue: victoire à la Pyrrhus',
        '',
        'No reader comments in this input.',
        '',
        'Full data: [thread.json](thread.json)',
        '',
      ].join('\n'),
    );
  });

  test('property: no commenter text breaks a table row, the code fence or <details>', () => {
    const hostile = fc.oneof(fc.string(), fc.constantFrom('|', '\n|---|\n', '```', '</details>', '<script>', '\r\n# x', '\\|', '`|`'));
    fc.assert(
      fc.property(fc.array(fc.tuple(hostile, hostile), { minLength: 1, maxLength: 6 }), (items) => {
        const thread = threadWithManyComments(items.length, (i) => items[i - 1][0]);
        thread.comments.forEach((c, i) => (c.author = items[i][1]));
        thread.authors.forEach((a, i) => (a.author = items[i][1]));
        const md = summaryMarkdown(thread, { labels: TINY_LABELS });
        const lines = md.split('\n');
        expect(lines.filter((l) => l.startsWith('```')).length).toBe(2);
        expect(lines.filter((l) => l.includes('<details>') || l.includes('</details>'))).toEqual(['<details>', '</details>']);
        expect(md.includes('<script>')).toBe(false);
        // Every row of the authors table has exactly the header's 9 unescaped pipes.
        const authorRows = lines.filter((l) => l.startsWith('| ') && l.includes(' | sceptical | '));
        expect(authorRows.length).toBe(items.length);
        for (const row of authorRows) expect(row.match(/(?<!\\)\|/g)?.length).toBe(9);
        const outline = lines.filter((l) => l.startsWith('- #'));
        expect(outline.length).toBe(items.length);
      }),
      { numRuns: 150 },
    );
  });

  test('size budget: a 20,000-comment thread stays under 900 KiB and says what it left out', () => {
    const thread = threadWithManyComments(20_000, (i) => `Commentaire numéro ${i} : ${'blabla '.repeat(40)}`);
    const md = summaryMarkdown(thread, { labels: TINY_LABELS, dataFiles: ALL_FILES });
    expect(Buffer.byteLength(md, 'utf8')).toBeLessThanOrEqual(900 * 1024);
    const lines = md.split('\n');
    const shown = lines.filter((l) => l.startsWith('- #')).length;
    expect(lines).toContain(`_${(20_000 - shown).toLocaleString('en-US')} more comments not shown (size limit): the full data is in \`comments.csv\` and \`thread.json\`._`);
    expect(lines).toContain('_19,950 more authors not shown: the full data is in `authors.csv` and `thread.json`._');
    expect(lines.slice(-4)).toEqual(['</details>', '', 'Full data: [comments.csv](comments.csv) · [authors.csv](authors.csv) · [thread.json](thread.json)', '']);
  });

  test('a small budget is honoured too, and the note points at rerunning when no data file was written', () => {
    const md = summaryMarkdown(threadWithManyComments(500, (i) => `texte ${i}`), { labels: TINY_LABELS, budgetBytes: 10 * 1024 });
    expect(Buffer.byteLength(md, 'utf8')).toBeLessThanOrEqual(10 * 1024);
    const shown = md.split('\n').filter((l) => l.startsWith('- #')).length;
    expect(md).toContain(`_${500 - shown} more comments not shown (size limit): rerun with \`--format csv,json\` for the full data._`);
  });

  test('a 100,000-deep chain: walked without recursion, nesting capped at 8 levels with the depth said', () => {
    const thread = deepChain(100_000);
    const order = [...replyTreeOrder(thread.comments)].map((c) => c.index);
    expect(order.length).toBe(100_000);
    expect(order[99_999]).toBe(100_000);
    const lines = summaryMarkdown(thread, { labels: TINY_LABELS }).split('\n');
    expect(lines.find((l) => l.includes('- #8 '))).toBe(`${' '.repeat(14)}- #8 **auteur8** · sceptical (0.50) · neutral (score 0) — réponse 8`);
    expect(lines.find((l) => l.includes('- #9 '))).toBe(`${' '.repeat(14)}- #9 **auteur9** · depth 9 · sceptical (0.50) · neutral (score 0) — réponse 9`);
  });

  test('reply-tree order: each comment then its replies, a missing parent makes a root', () => {
    const thread = threadWithManyComments(5, (i) => `t${i}`);
    const parents = [0, 0, 1, 2, 99];
    thread.comments.forEach((c, i) => (c.parentIndex = parents[i]));
    expect([...replyTreeOrder(thread.comments)].map((c) => c.index)).toEqual([1, 3, 2, 4, 5]);
  });

  test('reply-tree order: comments caught in a parent cycle come last, in thread order; indexes need not be 1..n', () => {
    const thread = threadWithManyComments(6, (i) => `t${i}`);
    const parents = [0, 3, 2, 1, 4, 0]; // 2 -> 3 -> 2 is a cycle; 5 hangs under 4, a reply to 1
    thread.comments.forEach((c, i) => (c.parentIndex = parents[i]));
    expect([...replyTreeOrder(thread.comments)].map((c) => c.index)).toEqual([1, 4, 5, 6, 2, 3]);
    const renumbered = thread.comments.map((c) => ({ ...c, index: c.index * 10, parentIndex: c.parentIndex * 10 }));
    expect([...replyTreeOrder(renumbered)].map((c) => c.index)).toEqual([10, 40, 50, 60, 20, 30]);
  });
});

describe('index.md', () => {
  test('an article-only thread shows the article stance', () => {
    const lines = indexMarkdown([indexEntry(articleOnlyThread(), 'presse', true)], [], { labels: TINY_LABELS }).split('\n');
    expect(lines[lines.length - 2]).toBe('| [Le roi est mort](presse/summary.md) | corpus/presse.txt | article | 0 | 0 | 0 | 0 |  | sceptical | 0 / 0 / 0 |');
  });

  test('a run with one thread and one failed input, exactly', () => {
    const md = indexMarkdown([indexEntry(threadWithHostileText(), 'hostile', true)], [{ source: 'bad|<x>.jsonl', message: 'bad|<x>.jsonl:3: expected JSON' }], { labels: TINY_LABELS });
    expect(md).toBe(
      [
        '# Thread stance reports',
        '',
        '**1** thread · **3** comments · **1** warning · **1** input not analyzed',
        '',
        '## Inputs that could not be analyzed',
        '',
        '| input | error |',
        '|---|---|',
        '| bad\\|&lt;x&gt;.jsonl | bad\\|&lt;x&gt;.jsonl:3: expected JSON |',
        '',
        '## Threads',
        '',
        '| thread | source | format | comments | authors | replies | warnings | stance of the comments | article stance | sentiment +/−/0 |',
        '|---|---|---|---:|---:|---:|---:|---|---|---|',
        '| [Un fil \\# hostile \\| &lt;i&gt;](hostile/summary.md) | tests/hostile.txt | macg | 3 | 3 | 1 | 1 | pro-microsoft 1 · sceptical 2 |  | 1 / 1 / 1 |',
        '',
      ].join('\n'),
    );
  });

  test('without summaries the title is not a link; a budget cuts the thread list with a note', () => {
    const entries = Array.from({ length: 300 }, (_, i) => indexEntry(threadWithManyComments(1, () => 'x'), `t${i}`, false));
    const md = indexMarkdown(entries, [], { budgetBytes: 8 * 1024 });
    expect(Buffer.byteLength(md, 'utf8')).toBeLessThanOrEqual(8 * 1024);
    const rows = md.split('\n').filter((l) => l.startsWith('| Beaucoup |'));
    expect(md).toContain(`_${300 - rows.length} more threads not shown (size limit): each has its own folder of reports._`);
  });
});
