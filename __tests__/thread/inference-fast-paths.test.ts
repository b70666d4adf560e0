/**
 * The fast paths of reply inference (session 10) against the definitions they replaced, on the
 * comments of the corpus and of the labelled threads, and on random strings: the layout read by
 * the word scan, the own text of a text that quotes nothing, the quote test, the name-end test,
 * the mention lookup, the two-pass shingle index and its vote count, and the whole inferrer
 * against the pieces it is made of, called the way it called them before.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { InferredReply } from '../../src/thread/replies.js';
import { ReplyInferrer } from '../../src/thread/replies.js';
import { WordScan } from '../../src/thread/words.js';
import { mayQuote, ShingleIndex, splitQuotes, unquotedOwnText } from '../../src/thread/quotes.js';
import { AuthorIndex, isNameEnd, type Mention } from '../../src/thread/mentions.js';
import { ContinuationFinder } from '../../src/thread/continuation.js';
import { cleanName, looseNameKey, NameKeys } from '../../src/input/names.js';
import { parseThread } from '../../src/parse/index.js';
import type { ParsedThread, RawComment } from '../../src/model.js';
import { macgPage } from './builders.js';

/** Every thread of the corpus and of the labelled fixture folders. */
function realThreads(): ParsedThread[] {
  const files: URL[] = [];
  const corpus = new URL('../../corpus/', import.meta.url);
  for (const name of readdirSync(corpus)) if (name.endsWith('.txt')) files.push(new URL(name, corpus));
  const fixtures = new URL('../fixtures/', import.meta.url);
  for (const folder of readdirSync(fixtures)) {
    if (!folder.startsWith('heldout') && !folder.startsWith('dev')) continue;
    const dir = new URL(`${folder}/`, fixtures);
    for (const name of readdirSync(dir)) if (name.endsWith('.txt')) files.push(new URL(name, dir));
  }
  return files.map((file) => parseThread(readFileSync(file, 'utf8'), file.pathname));
}

const threads = realThreads();
const realTexts = threads.flatMap((thread) => thread.comments.map((comment) => comment.text));

/** Characters that the layout, the quote test and trimming tell apart, and some words. */
const PIECES = ['mot', 'Oui', ' ', '  ', '\n', '\n\n', '\t', '\r', '\u00a0', '\u202f', '\ufeff', '\u200b', '?', '!', '.', '«', '»', '“', '”',
  '"', '>', '> ', '—', '-', '•', 'é', '’', '🤗', '\ud83d', '\u0301', '2', ','];
const pieceText = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join(''));

describe('word scan layout', () => {
  /** What the layout stands for, written as the expressions reply inference used before. */
  function referenceLayout(text: string): { lineFeeds: boolean; emptyLines: boolean; spacedLineEdges: boolean; questionMark: boolean } {
    return {
      lineFeeds: text.includes('\n'),
      emptyLines: text.includes('\n\n'),
      spacedLineEdges: /^\s|\s$|[^\S\n]\n|\n[^\S\n]/u.test(text),
      questionMark: text.includes('?'),
    };
  }

  test('matches its definition on every real comment and on random texts', () => {
    const scan = new WordScan();
    for (const text of realTexts) expect([text, { ...scan.scan(text).layout }]).toEqual([text, referenceLayout(text)]);
    fc.assert(fc.property(pieceText, (text) => {
      expect({ ...scan.scan(text).layout }).toEqual(referenceLayout(text));
    }), { numRuns: 2000 });
  });

  test('examples: spaced line edges and empty lines are told apart', () => {
    const scan = new WordScan();
    expect({ ...scan.scan('un\n\ndeux ?').layout }).toEqual({ lineFeeds: true, emptyLines: true, spacedLineEdges: false, questionMark: true });
    expect({ ...scan.scan('un \ndeux').layout }).toEqual({ lineFeeds: true, emptyLines: false, spacedLineEdges: true, questionMark: false });
    expect({ ...scan.scan(' un').layout }).toEqual({ lineFeeds: false, emptyLines: false, spacedLineEdges: true, questionMark: false });
  });
});

describe('own text of a text that quotes nothing', () => {
  /** The trimming of `splitQuotes` as it was written: each line trimmed, blank lines dropped. */
  const referenceOwnText = (text: string): string => text.split('\n').map((line) => line.trim()).filter((line) => line !== '').join('\n');

  test('is each line trimmed, blank ones dropped, for real comments and random texts', () => {
    const scan = new WordScan();
    for (const text of realTexts) expect([text, unquotedOwnText(text, scan.scan(text).layout)]).toEqual([text, referenceOwnText(text)]);
    fc.assert(fc.property(pieceText, (text) => {
      expect(unquotedOwnText(text, scan.scan(text).layout)).toBe(referenceOwnText(text));
    }), { numRuns: 2000 });
  });

  test('has the words of the text it was trimmed from', () => {
    const scan = new WordScan();
    const own = new WordScan();
    fc.assert(fc.property(pieceText, (text) => {
      scan.scan(text);
      own.scan(unquotedOwnText(text, scan.layout));
      expect(Array.from(own.hashes.subarray(0, own.count))).toEqual(Array.from(scan.hashes.subarray(0, scan.count)));
      expect(own.layout.questionMark).toBe(scan.layout.questionMark);
    }), { numRuns: 1000 });
  });
});

describe('quote test', () => {
  const MAY_QUOTE = /[«“"]|(^|\n)[^\S\n]*>/u;

  test('says what the single expression it replaced said', () => {
    for (const text of realTexts) expect([text, mayQuote(text)]).toEqual([text, MAY_QUOTE.test(text)]);
    fc.assert(fc.property(pieceText, (text) => expect(mayQuote(text)).toBe(MAY_QUOTE.test(text))), { numRuns: 2000 });
    expect([mayQuote('a\n \u00a0> b'), mayQuote('a > b'), mayQuote('a\n\ud83d> b')]).toEqual([true, false, false]);
  });
});

describe('name ends', () => {
  test('every code unit ends a name exactly when the expression said so', () => {
    const NAME_END = /[\s,:;!?.)\]]/u;
    const differences: number[] = [];
    for (let code = 0; code <= 0xffff; code++) if (isNameEnd(code) !== NAME_END.test(String.fromCharCode(code))) differences.push(code);
    expect(differences).toEqual([]);
  });

  test('no character but the space folds to a string holding a space (what the spaced-prefix shortcut relies on)', () => {
    const withSpace: number[] = [];
    for (let code = 0; code <= 0xffff; code++) if (code !== 0x20 && looseNameKey(String.fromCharCode(code)).includes(' ')) withSpace.push(code);
    expect(withSpace).toEqual([]);
  });
});

/** The author index's mention lookup as it was written before its fast path (one `NameKeys` per mention). */
class ReferenceAuthorIndex {
  private readonly exact = new Map<string, { index: number }>();
  private readonly loose = new Map<string, { index: number }>();
  private readonly prefixes = new Set<string>();

  add(author: string, index: number): void {
    const name = cleanName(author);
    if (name === '') return;
    const folded = looseNameKey(name);
    if (!this.exact.has(name)) {
      for (let j = 1; j < name.length; j++) if (/[\s,:;!?.)\]]/u.test(name[j])) this.prefixes.add(looseNameKey(name.slice(0, j).trimEnd()));
      this.prefixes.add(folded);
      this.exact.set(name, { index: 0 });
    }
    if (!this.loose.has(folded)) this.loose.set(folded, { index: 0 });
    (this.exact.get(name) as { index: number }).index = index;
    (this.loose.get(folded) as { index: number }).index = index;
  }

  leadingMention(text: string): Mention | null {
    if (!/^\s*@/u.test(text)) return null;
    const at = text.indexOf('@');
    const after = text.slice(at + 1, at + 1 + 64 + 1);
    const keys = new NameKeys();
    let found: Mention | null = null;
    for (let i = 0; i < after.length; i++) {
      keys.push(after.charCodeAt(i));
      if (i + 1 !== after.length && !/[\s,:;!?.)\]]/u.test(after[i + 1])) continue;
      const folded = keys.folded();
      if (folded === '') continue;
      if (!this.prefixes.has(folded)) break;
      const exact = keys.exact();
      if (exact.length > 64) break;
      const index = (this.exact.get(exact) ?? this.loose.get(folded))?.index;
      if (index !== undefined) found = { name: exact, parentIndex: index, rest: referenceRest(text, at + 1 + i + 1) };
    }
    if (found !== null) return found;
    const firstWord = /^[^\s,:;!?]*/u.exec(text.slice(at + 1))?.[0] ?? '';
    return { name: cleanName(firstWord.slice(0, 64)), parentIndex: null, rest: referenceRest(text, at + 1 + firstWord.length) };
  }
}

function referenceRest(text: string, position: number): string {
  const tail = text.slice(position);
  return tail.slice(/^[\s\u00a0]*[,:;]?[\s\u00a0]*/u.exec(tail)?.[0].length ?? 0);
}

describe('mention lookup', () => {
  /** Resolves each text's mention with both indexes, adding each author after its comment. */
  function compare(comments: ReadonlyArray<{ author: string; text: string }>): void {
    const index = new AuthorIndex();
    const reference = new ReferenceAuthorIndex();
    comments.forEach((comment, k) => {
      expect([comment.text, index.leadingMention(comment.text)]).toEqual([comment.text, reference.leadingMention(comment.text)]);
      index.add(comment.author, k + 1);
      reference.add(comment.author, k + 1);
    });
  }

  test('resolves every real comment as before', () => {
    for (const thread of threads) compare(thread.comments);
  });

  const NAMES = ['Bob', 'bob', 'Zoé', 'zoe', 'Dark Phantom', 'Dark', 'Dark Phantom Jr', 'Jean-Luc', 'Mac Fan 2', 'A.B', 'x,y', 'Bob (fan)',
    'Dark\u00a0Phantom', ' Zoé ', '', '\u200b', 'Ω', 'a'.repeat(70), 'É', 'o\u0301'];
  const TEXT_PIECES = ['Bob', 'bob', 'BOB', 'Dark', 'dark', 'Phantom', 'Jr', 'Zoé', 'ZOE', 'zoe', 'Mac', 'Fan', '2', 'A', 'B', 'x', 'y', 'Jean-Luc',
    ' ', '  ', '\n', '\n\n', '\t', '\u00a0', '\u200b', '\ufeff', ',', ':', ';', '.', '!', '?', ')', ']', '(', 'fan', '«', 'é', 'o\u0301', 'Ω',
    'merci', 'a'.repeat(30), '@'];
  // Most mentions start with a known name as written, or with another spelling of one, then go on.
  const SPELLINGS = [...NAMES, 'DARK PHANTOM', 'dark  phantom', 'Dark\tPhantom', 'Dark\u200bPhantom', 'Dark Ph', 'Dark Phantom Jr.', 'ZOE', 'Zoe\u0301',
    'Mac Fan', 'mac fan 2,', 'A.B.', 'Jean-Luc :', 'Bob\n\nBob'];
  const mentionText = fc.tuple(fc.constantFrom('', ' ', '\n', '\u00a0', 'x'), fc.constantFrom('', ...SPELLINGS),
    fc.array(fc.constantFrom(...TEXT_PIECES), { maxLength: 8 }))
    .map(([lead, name, parts]) => `${lead}@${name}${parts.join('')}`);

  test('resolves random mentions of random names as before', () => {
    fc.assert(fc.property(fc.array(fc.record({ author: fc.constantFrom(...NAMES), text: mentionText }), { minLength: 1, maxLength: 30 }), (comments) => {
      compare(comments);
    }), { numRuns: 1000 });
  });
});

/** The shingle index as it was written before: one pass per text, votes counted in a `Map`. */
class ReferenceShingleIndex {
  private readonly table: Int32Array;
  private readonly mask: number;

  constructor(expectedWords: number) {
    let slots = 1 << 10;
    while (slots < expectedWords * 2 && slots < 1 << 22) slots *= 2;
    this.table = new Int32Array(slots * 2);
    this.mask = slots - 1;
  }

  add(sourceIndex: number, words: WordScan): void {
    for (let s = 0; s + 3 <= words.count; s++) {
      const hash = referenceShingleHash(words.hashes, s);
      let slot = hash & this.mask;
      let target = slot;
      for (let probe = 0; probe < 8; probe++) {
        if (this.table[slot * 2 + 1] === 0 || this.table[slot * 2] === hash) {
          target = slot;
          break;
        }
        slot = (slot + 1) & this.mask;
      }
      this.table[target * 2] = hash;
      this.table[target * 2 + 1] = sourceIndex + 1;
    }
  }

  source(passage: string): number | null {
    const words = new WordScan().scan(passage);
    const shingles = words.count - 2;
    if (shingles <= 0) return null;
    const votes = new Map<number, number>();
    for (let s = 0; s < shingles; s++) {
      const hash = referenceShingleHash(words.hashes, s);
      let slot = hash & this.mask;
      for (let probe = 0; probe < 8; probe++) {
        if (this.table[slot * 2 + 1] === 0) break;
        if (this.table[slot * 2] === hash) {
          const found = this.table[slot * 2 + 1] - 1;
          votes.set(found, (votes.get(found) ?? 0) + 1);
          break;
        }
        slot = (slot + 1) & this.mask;
      }
    }
    let best: number | null = null;
    let bestVotes = 0;
    for (const [index, count] of votes) {
      if (count > bestVotes || (count === bestVotes && best !== null && index > best)) {
        best = index;
        bestVotes = count;
      }
    }
    return best !== null && bestVotes >= Math.ceil(shingles * 0.5) ? best : null;
  }
}

function referenceShingleHash(wordHashes: Int32Array, start: number): number {
  let hash = Math.imul(wordHashes[start], 0x9e3779b1);
  hash = Math.imul(hash ^ wordHashes[start + 1], 0x85ebca6b);
  hash = Math.imul(hash ^ wordHashes[start + 2], 0xc2b2ae35);
  hash ^= hash >>> 16;
  return Math.imul(hash, 0x27d4eb2f) ^ (hash >>> 13);
}

describe('shingle index', () => {
  test('finds the sources the one-pass index with a Map of votes found, through overwrites of its smallest table', () => {
    // Few distinct words: shingles repeat across texts, ties between sources are frequent, and
    // the 1,024-slot table fills up, so probe runs overflow and older shingles are overwritten.
    const WORDS = ['un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit'];
    const text = fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 60 }).map((words) => words.join(' '));
    fc.assert(fc.property(fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 60 }), (pairs) => {
      const index = new ShingleIndex(10);
      const reference = new ReferenceShingleIndex(10);
      const scan = new WordScan();
      pairs.forEach(([added, passage], k) => {
        expect(index.source(passage)).toBe(reference.source(passage));
        index.add(k, scan.scan(added));
        reference.add(k, scan);
      });
    }), { numRuns: 300 });
  });

  test('finds the sources of the real quotes as before', () => {
    for (const thread of threads) {
      const index = new ShingleIndex(1000);
      const reference = new ReferenceShingleIndex(1000);
      const scan = new WordScan();
      thread.comments.forEach((comment, k) => {
        for (const line of comment.text.split('\n')) expect([line, index.source(line)]).toEqual([line, reference.source(line)]);
        index.add(k + 1, scan.scan(comment.text));
        reference.add(k + 1, scan);
      });
    }
  });
});

/**
 * Reply inference as it was composed before its one scan per comment: the mention, then
 * `splitQuotes`, then a scan of the own words for the quote index, the continuation rule left to
 * scan its opening words itself.
 */
function referenceReplies(thread: Pick<ParsedThread, 'title' | 'article' | 'comments'>, expectedWords: number): InferredReply[] {
  const authors = new AuthorIndex();
  const shingles = new ShingleIndex(expectedWords);
  const continuation = new ContinuationFinder();
  shingles.add(0, new WordScan().scan(`${thread.title}\n${thread.article.text}`));
  const indexOfId = new Map(thread.comments.map((comment, k) => [comment.id, k + 1]));
  const replies: InferredReply[] = [];
  thread.comments.forEach((comment: RawComment, k) => {
    const index = k + 1;
    const mention = authors.leadingMention(comment.text);
    const split = splitQuotes(mention === null ? comment.text : mention.rest, shingles);
    const reply: InferredReply = { index, parentIndex: 0, evidence: 'none', quotes: split.quotes, ownText: split.ownText };
    const quoted = split.quotes.find((quote) => quote.quotedIndex !== null)?.quotedIndex ?? null;
    if (comment.parentId !== undefined) {
      reply.parentIndex = indexOfId.get(comment.parentId) ?? -1;
      reply.evidence = 'id';
    } else if (mention !== null && mention.parentIndex !== null) {
      reply.parentIndex = mention.parentIndex;
      reply.evidence = 'mention';
    } else if (quoted !== null) {
      reply.parentIndex = quoted;
      reply.evidence = 'quote';
    } else if (mention === null && split.quotes.length === 0) {
      const continued = continuation.find(comment.author, split.ownText);
      if (continued !== null) {
        reply.parentIndex = continued;
        reply.evidence = 'continuation';
      }
    }
    authors.add(comment.author, index);
    const own = new WordScan().scan(split.ownText);
    shingles.add(index, own);
    continuation.observe(index, comment.author, own);
    replies.push(reply);
  });
  return replies;
}

function inferred(thread: Pick<ParsedThread, 'title' | 'article' | 'comments'>, expectedWords: number): InferredReply[] {
  const inferrer = new ReplyInferrer(thread, { continuation: true, expectedWords });
  if (thread.comments.some((comment) => comment.parentId !== undefined)) inferrer.knowIds(thread.comments);
  return thread.comments.map((comment) => inferrer.next(comment));
}

describe('reply inference, one scan per comment', () => {
  test('proposes the parents, quotes and own texts of the pieces called one by one, on every real thread', () => {
    for (const thread of threads) expect(inferred(thread, 5000)).toEqual(referenceReplies(thread, 5000));
  });

  test('and on random MacG pages of mentions, quotes, answers, blank lines and spaced lines', () => {
    const AUTHORS = ['Bob', 'Zoé', 'Dark Phantom', 'Lise'];
    const LINES = ['Oui, tout à fait.', 'Non !', 'Bien vu, merci.', '@Bob', '@Dark Phantom :', '@zoe', '« Le partenariat avec OpenAI continue »',
      '> Le partenariat avec OpenAI continue', 'Le partenariat avec OpenAI continue pour Microsoft', 'Pourquoi pas ?', '  mot  ', '',
      '\u00a0', '"quatre mots entre guillemets ici"', 'Sam Altman rejoint Microsoft', 'CEO par intérim ?', 'il dit "Sam Altman rejoint Microsoft" hier'];
    const comment = fc.tuple(fc.constantFrom(...AUTHORS), fc.array(fc.constantFrom(...LINES), { minLength: 1, maxLength: 5 }));
    fc.assert(fc.property(fc.array(comment, { minLength: 1, maxLength: 25 }), (blocks) => {
      const thread = parseThread(macgPage(blocks.map(([author, lines]) => [author, lines.join('\n')])), 'random.txt');
      expect(inferred(thread, 50)).toEqual(referenceReplies(thread, 50));
    }), { numRuns: 150 });
  });
});
