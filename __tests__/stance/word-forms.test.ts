/**
 * The stance stage's second round of fast paths (eighth session) against the definitions they
 * replace: the scanner hashes each word while it reads it, the vocabulary finds a word's form by
 * that hash and a span of the text (no cut of the text), and the stored stances share one score
 * record per distinct set of scores, found by a hash of the values instead of a text key.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { analyzeText } from '../../src/pipeline.js';
import { loadSchema } from '../../src/stance/index.js';
import { foldWord, scanToken, TokenKind } from '../../src/stance/text.js';
import { Vocabulary, vocabularyOf, wordHash } from '../../src/stance/words.js';

const schema = loadSchema();

const corpusFiles = fs.readdirSync(path.resolve('corpus')).filter((f) => f.endsWith('.txt'));
const corpusText = corpusFiles.map((f) => fs.readFileSync(path.resolve('corpus', f), 'utf8')).join('\n\n');

const alphabet = ['a', 'Z', 'é', 'e\u0301', 'Œ', '_', '7', '𝔸', '\uD800', '日', ' ', "'", '’', '-', '.', 'h', 'w', 'http://x', '@b', '+1', '🤡'];
const randomTexts = fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }).map((parts) => parts.join(''));

/** Each word token of `text` as `surface:hash by the scanner:hash of its surface`. */
function wordHashes(text: string): string[] {
  const out: string[] = [];
  for (let found = scanToken(text, 0); found !== undefined; found = scanToken(text, found.end)) {
    if (found.kind !== TokenKind.Word) continue;
    const surface = text.slice(found.start, found.end);
    out.push(`${surface}:${found.hash}:${wordHash(surface)}`);
  }
  return out;
}

describe('the scanner hashes each word as it reads it', () => {
  const agree = (text: string): void => {
    for (const entry of wordHashes(text)) {
      const [surface, scanned, defined] = entry.split(':');
      expect([surface, scanned]).toEqual([surface, defined]);
    }
  };

  test('a word and its hash', () => {
    expect(wordHashes("L'échec 𝔸b _x7")).toEqual([
      `L:${wordHash('L')}:${wordHash('L')}`,
      `échec:${wordHash('échec')}:${wordHash('échec')}`,
      `𝔸b:${wordHash('𝔸b')}:${wordHash('𝔸b')}`,
      `_x7:${wordHash('_x7')}:${wordHash('_x7')}`,
    ]);
  });

  test('on the corpus and on random strings', () => {
    agree(corpusText);
    fc.assert(fc.property(randomTexts, agree), { numRuns: 2000 });
  });
});

describe('word forms found by a span of the text and its hash', () => {
  test('give the surface as written and the word of its folded form', () => {
    const vocabulary = vocabularyOf(schema);
    const text = 'Bien vu, Microsoft et ÇA';
    const form = vocabulary.formAt(text, 9, 18, wordHash('Microsoft'));
    expect([form.surface, form.hash, form.word]).toEqual(['Microsoft', wordHash('Microsoft'), vocabulary.wordOf('microsoft')]);
    expect(vocabulary.formAt(text, 22, 24, wordHash('ÇA')).word).toBe(vocabulary.wordOf('ca'));
    // The same form, found again from another text: the same entry.
    expect(vocabulary.formAt('Microsoft', 0, 9, wordHash('Microsoft'))).toBe(form);
  });

  test('tell apart forms of one hash, and keep every form while the table grows', () => {
    const vocabulary = new Vocabulary(schema.tables);
    // Two forms given the same hash on purpose: the table compares the characters too.
    const one = vocabulary.formAt('abc', 0, 3, 42);
    const other = vocabulary.formAt('xyz', 0, 3, 42);
    expect([one.surface, other.surface, vocabulary.formAt('abc', 0, 3, 42)]).toEqual(['abc', 'xyz', one]);
    // Thousands of forms: the table grows past its first size and still finds each one.
    const words = Array.from({ length: 5000 }, (_, i) => `Mot${i.toString(36)}é`);
    const forms = words.map((w) => vocabulary.formAt(`« ${w} »`, 2, 2 + w.length, wordHash(w)));
    expect(words.every((w, i) => vocabulary.formAt(w, 0, w.length, wordHash(w)) === forms[i] && forms[i].word.norm === foldWord(w))).toBe(true);
  });

  test('wordAt finds a word token by its form, as by its folded form', () => {
    const vocabulary = new Vocabulary(schema.tables);
    fc.assert(
      fc.property(randomTexts, (text) => {
        for (let found = scanToken(text, 0); found !== undefined; found = scanToken(text, found.end)) {
          if (found.kind !== TokenKind.Word) continue;
          const surface = text.slice(found.start, found.end);
          expect(vocabulary.wordAt(surface, TokenKind.Word)).toBe(vocabulary.wordOf(foldWord(surface)));
          expect(vocabulary.formAt(text, found.start, found.end, found.hash).surface).toBe(surface);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('stored stances share their score records', () => {
  /** The text key the shared records were found by before: labels and values in record order. */
  const keyOf = (scores: Record<string, number>): string => {
    let key = '';
    for (const label in scores) key += `${label}:${Object.is(scores[label], -0) ? '-0' : scores[label]},`;
    return key;
  };

  test('two comments share a record exactly when their scores have the same text key', () => {
    const file = path.resolve('corpus/macg-altman-microsoft-comments.txt');
    const { comments } = analyzeText(fs.readFileSync(file, 'utf8'), file);
    const records = new Set(comments.map((c) => c.stance!.scores));
    const keys = new Set(comments.map((c) => keyOf(c.stance!.scores)));
    expect(records.size).toBe(keys.size);
    for (const a of comments) {
      for (const b of comments) {
        expect([a.index, b.index, a.stance!.scores === b.stance!.scores]).toEqual([a.index, b.index, keyOf(a.stance!.scores) === keyOf(b.stance!.scores)]);
      }
    }
    expect(comments.every((c) => Object.isFrozen(c.stance!.scores))).toBe(true);
  });
});
