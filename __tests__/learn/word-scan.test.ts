/**
 * The word scan's fast paths give what their plain definitions give: the words it hands on (as
 * spans with their hash) are `featureWords`' and the split's, its piece count is that of
 * `split(/\s+/)` on the text before lower-casing and NFC, and the scorer's word table finds a span
 * exactly when a map of the models' words has the word, on the corpus texts and random strings.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { featureWords, spaceSeparatedCount, visitWords, wordHash, wordOf, WordSpans, wordText } from '../../src/learn/feature-words.js';
import { LABEL_MODELS_FILE, loadLabelModels } from '../../src/learn/label-models.js';
import { WordTable } from '../../src/learn/scorer.js';
import { wordsBySplit } from './words-by-split.js';

/** What the scan hands on: each word with its hash, and the piece count. */
function scan(text: string): { words: string[]; hashes: number[]; pieces: number } {
  const words: string[] = [];
  const hashes: number[] = [];
  const pieces = visitWords(wordText(text), {
    word: (lowered, start, end, elided, hash) => {
      words.push(wordOf(lowered, start, end, elided));
      hashes.push(hash);
    },
  });
  return { words, hashes, pieces };
}

/** Pieces that are hard for the scan: apostrophes, marks, spaces of every kind (U+2000 and U+2001 change under NFC), astral letters, lone surrogates, combining accents, letters whose lower case is longer or ASCII. */
const PIECES = ["'", '’', '?', '!', '?!', ' ', '\u00a0', '\u202f', '\u2028', '\ufeff', '\u2000', '\u2001', '\u3000', '\t', '\n', 'é', 'E\u0301', 'e\u0301', ' \u0301', 'Ça', 'l’', "qu'", 'mot', 'MOT', '42',
  '𝒜', '𝐀', '\ud835', '\udc9c', '😂', '👍🏽', '🤷🏻‍♀️', '☕', '©', '-', '_', '«', '»', 'ß', 'İ', '\u212a', 'ΣΑΣ', 'œ', 'ǅ', '٣', 'Ⅻ', '\u0345', '\u1e9e'];
const text = fc.oneof(fc.array(fc.constantFrom(...PIECES), { maxLength: 16 }).map((p) => p.join('')), fc.string({ unit: 'binary', maxLength: 40 }));

const corpusTexts = fs.readdirSync('corpus').filter((f) => f.endsWith('.txt')).map((f) => fs.readFileSync(path.join('corpus', f), 'utf8'))
  .flatMap((t) => t.split('\n\n'));

describe('the word scan', () => {
  test('hands on featureWords\' words, each with its wordHash, and counts the pieces of split(/\\s+/) of the text it was made from', () => {
    const check = (t: string) => {
      const { words, hashes, pieces } = scan(t);
      expect(words).toEqual(wordsBySplit(t));
      expect(words).toEqual(featureWords(t));
      expect(hashes).toEqual(words.map(wordHash));
      expect(pieces).toBe(t.split(/\s+/).length);
      expect(pieces).toBe(spaceSeparatedCount(t));
    };
    expect(corpusTexts.length).toBe(280);
    for (const t of corpusTexts) check(t);
    fc.assert(fc.property(text, check), { numRuns: 5000 });
  });

  test('counts every white space of JavaScript\'s \\s, and only those', () => {
    const wrong: number[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const t = `a${String.fromCharCode(code)}b`;
      if (visitWords(wordText(t), { word: () => undefined }) !== t.split(/\s+/).length) wrong.push(code);
    }
    expect(wrong).toEqual([]);
  });

  test('kept spans hand on the same words, in order, text after text', () => {
    const spans = new WordSpans();
    for (const t of [...corpusTexts.slice(0, 50), "Pas d'accord ?! 😂 l’OpenAI"]) {
      const lowered = wordText(t);
      const pieces = visitWords(lowered, spans.reset(lowered));
      const words: string[] = [];
      spans.replay({ word: (l, start, end, elided) => words.push(wordOf(l, start, end, elided)) });
      expect([words, pieces]).toEqual([featureWords(t), t.split(/\s+/).length]);
    }
  });
});

describe('the scorer\'s word table', () => {
  const models = loadLabelModels();
  const known = new Set([models.sentiment, models.stance, models.agreement].flatMap((m) => [...m.weights.keys()].filter((n) => n.startsWith('w:')).map((n) => n.slice(2))));

  const table = new WordTable();
  for (const word of known) table.set(word, { weights: new Float64Array(0), seen: 0 });

  /** The words of `t` the table finds, each with the entry it holds for the word. */
  function found(t: string): string[] {
    const words: string[] = [];
    visitWords(wordText(t), { word: (l, start, end, elided, hash) => {
      const entry = table.find(l, start, end, elided, hash);
      if (entry !== undefined) {
        const word = wordOf(l, start, end, elided);
        expect(entry).toBe(table.get(word));
        words.push(word);
      }
    } });
    return words;
  }

  test('finds a word exactly when the models have it', () => {
    // Every word of the models' data file is in the table (read here from the file's text, not through the loader).
    const file = JSON.parse(fs.readFileSync(LABEL_MODELS_FILE, 'utf8')) as { models: Record<string, { weights: Record<string, number[]> }> };
    expect([...known].sort()).toEqual([...new Set(Object.values(file.models).flatMap((m) => Object.keys(m.weights)).filter((n) => n.startsWith('w:')).map((n) => n.slice(2)))].sort());
    const check = (t: string) => expect(found(t)).toEqual(featureWords(t).filter((w) => known.has(w)));
    for (const t of corpusTexts) check(t);
    check([...known].join(' '));
    fc.assert(fc.property(fc.oneof(text, fc.array(fc.constantFrom(...known, ...PIECES), { maxLength: 12 }).map((p) => p.join(''))), check), { numRuns: 3000 });
  });
});
