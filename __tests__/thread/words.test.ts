/** Word hashing used by quote matching and continuation: case, accents and apostrophes fold. */
import { WordScan, wordHashes } from '../../src/thread/words.js';

test('case, accents and apostrophe styles give the same words', () => {
  expect(wordHashes('L’ÉQUIPE d’OpenAI, ça coûte')).toEqual(wordHashes("l'equipe d'openai ca coute"));
  expect(wordHashes('naïve Œuvre')).toEqual(wordHashes('naive œuvre'));
  expect(wordHashes('équipe')).not.toEqual(wordHashes('equipes'));
});

test('emoji and punctuation separate words; where each word ends is recorded', () => {
  const scan = new WordScan().scan('Génial 🤗 x4 — 650/700 !');
  expect(scan.count).toBe(4);
  expect(Array.from(scan.hashes.subarray(0, 4))).toEqual(wordHashes('genial x4 650 700'));
  expect(Array.from(scan.ends.subarray(0, 4))).toEqual([6, 12, 18, 22]);
  expect(new WordScan().scan('un deux trois quatre', 2).count).toBe(2);
});

test('buffers grow past their first size', () => {
  const scan = new WordScan().scan(Array.from({ length: 300 }, (_, i) => `mot${i}`).join(' '));
  expect(scan.count).toBe(300);
  expect(scan.hashes[299]).toBe(wordHashes('mot299')[0]);
});
