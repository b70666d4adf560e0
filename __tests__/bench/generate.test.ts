import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readSeedThread, splitMacgPage, type SeedThread } from '../../src/bench/seed-thread.js';
import {
  authorPool, countWords, macgBlock, syntheticComments, syntheticThreadText, writeSyntheticThread, type SyntheticComment,
} from '../../src/bench/generate.js';
import { seededRandom } from '../../src/bench/random.js';
import { parseThread } from '../../src/parse/index.js';

const SEED_PAGE_FILE = path.resolve('corpus', 'macg-altman-microsoft-comments.txt');
const seedPage = fs.readFileSync(SEED_PAGE_FILE, 'utf8');
const seed: SeedThread = readSeedThread(seedPage, 'macg-altman-microsoft-comments.txt');

function threadText(comments: number, seedValue: number): string {
  return [...syntheticThreadText(seed, { comments, seed: seedValue })].join('');
}

function commentsOf(comments: number, seedValue: number): SyntheticComment[] {
  return [...syntheticComments(seed, { comments, seed: seedValue })];
}

describe('the real thread as seed', () => {
  test("the bench's splitter finds the 48 comment blocks, the two empty ones included", () => {
    const page = splitMacgPage(seedPage);
    expect(page.blocks).toHaveLength(48);
    expect(page.blocks.slice(0, 3).map((b) => b.author)).toEqual(['jopaone', 'Baptiste_nv18', 'Dimemas']);
    expect(page.blocks[1].text).toBe('@jopaone\n\n???');
    expect([page.blocks[9].text, page.blocks[38].text]).toEqual(['', '']);
    expect(page.header.startsWith("Viré d'OpenAI, Sam Altman atterrit chez Microsoft\n")).toBe(true);
    expect(page.footer).toBe('Pages\n\nCONNEXION UTILISATEUR');
  });

  // Counted by reading the thread: @replies are comments 2, 6-9, 12-16, 20, 23, 25, 26, 28, 32-36,
  // 44, 48; comments 13, 15, 25, 28, 36, 44, 48 quote the comment they answer, 31 quotes comment 30
  // without @, 41 quotes the article's title.
  test('the conversation shape is measured on the real comments', () => {
    expect(seed.shape).toEqual({
      comments: 48,
      mentionRate: 22 / 48,
      quoteRateWithMention: 7 / 22,
      quoteRateWithoutMention: 2 / 24,
      articleQuoteShare: 1 / 2,
      emptyRate: 2 / 48,
      // Reach back to the addressee's latest comment: 2 for comments 9, 13 and 33, 3 for 34, 4 for 35, 5 for 26 and 36, else 1.
      meanReplyDistance: 38 / 22,
      mentionStyles: { plain: 13, comma: 8, inline: 1 },
      quoteStyles: { guillemets: 6, straight: 1, chevron: 1, curly: 1 },
    });
    expect(seed.authors).toHaveLength(27);
  });

  test('seed comments keep only their own words: no opening @mention, no quoted passage', () => {
    expect(seed.comments[8].ownLines).toEqual(["tu es bien réveillé. J'ai mis à jour très rapidement."]);
    expect(seed.comments[12].ownLines[0]).toBe("Apple n'a pas pour politique de produire tout en interne mais plutôt d'utiliser des prestataires externes !");
    expect(seed.comments[30].ownLines[0]).toBe("C'est bien mais ça n'est pas complètement fou non plus.");
    expect(seed.comments[9].ownLines).toEqual([]);
  });
});

describe('synthetic threads', () => {
  test('the same seed gives the same text; another seed another text', () => {
    const first = threadText(500, 7);
    expect(threadText(500, 7)).toBe(first);
    expect(threadText(500, 8)).not.toBe(first);
  });

  test.each([1, 2, 1000])('%i comments give exactly that many author lines', (n) => {
    const text = threadText(n, 3);
    expect(commentsOf(n, 3)).toHaveLength(n);
    expect(text.match(/^avatar .+\u00a0\|\u00a0$/gm)).toHaveLength(n);
  });

  test("the bench's splitter reads back exactly the generated authors and texts", () => {
    const comments = commentsOf(1000, 11);
    const page = splitMacgPage(threadText(1000, 11));
    expect(page.blocks).toEqual(comments.map((c) => ({ author: c.author, text: c.text })));
  });

  test('the project parser reads back the same number of comments, authors and texts', () => {
    const comments = commentsOf(1000, 5);
    const parsed = parseThread(threadText(1000, 5), 'macg-synthetic-1000.txt', 'auto');
    expect(parsed.format).toBe('macg');
    expect(parsed.comments).toHaveLength(1000);
    expect(parsed.comments.map((c) => c.author)).toEqual(comments.map((c) => c.author));
    expect(parsed.comments.map((c) => c.text)).toEqual(comments.map((c) => c.text));
  });

  test('every @mention names the author of the earlier comment it answers, never the writer', () => {
    const comments = commentsOf(2000, 13);
    const mentions = comments.filter((c) => c.mention !== undefined);
    for (const c of mentions) {
      const parent = comments[(c.intendedParent as number) - 1];
      expect([parent.index < c.index, parent.author === c.mention, c.author !== c.mention]).toEqual([true, true, true]);
      expect(c.text.startsWith(`@${c.mention}`)).toBe(true);
    }
    // The measured rate (22 of 48) holds up to sampling noise: 2000 draws, 4 standard deviations.
    expect(Math.abs(mentions.length / 2000 - 22 / 48)).toBeLessThan(0.045);
  });

  test('every quote is a passage of the comment it answers, or of the article', () => {
    const comments = commentsOf(2000, 17);
    const article = seed.articleLines.join('\n');
    const quoting = comments.filter((c) => c.quote !== undefined);
    for (const c of quoting) {
      const source = c.intendedParent === 0 ? article : comments[(c.intendedParent as number) - 1].text;
      expect([source.includes(c.quote as string), c.text.includes(c.quote as string)]).toEqual([true, true]);
    }
    expect(quoting.some((c) => c.intendedParent === 0)).toBe(true);
    expect(quoting.some((c) => c.mention === undefined && (c.intendedParent as number) > 0)).toBe(true);
  });

  test('the file writer streams exactly the generated text and counts it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-gen-'));
    try {
      const file = path.join(dir, 'thread.txt');
      const stats = writeSyntheticThread(file, seed, { comments: 300, seed: 19 });
      const comments = commentsOf(300, 19);
      expect(fs.readFileSync(file, 'utf8')).toBe(threadText(300, 19));
      expect(stats).toEqual({
        comments: 300,
        words: comments.reduce((sum, c) => sum + countWords(c.text), 0),
        bytes: fs.statSync(file).size,
        mentions: comments.filter((c) => c.mention !== undefined).length,
        quotes: comments.filter((c) => c.quote !== undefined).length,
        emptyComments: comments.filter((c) => c.text === '').length,
        authors: new Set(comments.map((c) => c.author)).size,
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('an empty comment is its author line alone, as on the real page', () => {
    expect(macgBlock({ index: 4, author: 'lmouillart', text: '' })).toBe('avatar lmouillart\u00a0|\u00a0\n');
    expect(macgBlock({ index: 5, author: 'oomu', text: 'oui' })).toBe('avatar oomu\u00a0|\u00a0\n\noui\n\n');
  });
});

describe('author pool', () => {
  test('at the real size it is the real authors; it grows as comments^0.8', () => {
    expect(new Set(authorPool(seed, 48, seededRandom(1)))).toEqual(new Set(seed.authors));
    const pool = authorPool(seed, 4800, seededRandom(1));
    expect(pool).toHaveLength(Math.round(27 * 100 ** 0.8));
    expect(new Set(pool).size).toBe(pool.length);
  });
});

describe('word count', () => {
  test('words are runs of non-whitespace; U+00A0 separates', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('  a  b\u00a0c\n\nd ')).toBe(4);
    expect(countWords("@Dark Phantom,\n\n« C’est ça »")).toBe(6);
  });
});
