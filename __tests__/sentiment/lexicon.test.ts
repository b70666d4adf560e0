import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { frenchLexicon, SENTIMENT_EMOJI } from '../../src/sentiment/lexicon.js';
import { scoreSentiment } from '../../src/sentiment/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
interface Entry {
  term: string;
  value: number | null;
  source: string;
}
const curated = JSON.parse(fs.readFileSync(path.join(root, 'src', 'data', 'lexicons', 'fr-curated.json'), 'utf8')) as Record<string, Entry[]>;

describe('the curated French lexicon', () => {
  test('every curated entry says where it comes from', () => {
    const sections = ['fixes', 'words', 'expressions', 'emoji', 'emoticons'];
    const unsourced = sections.flatMap((section) => curated[section].filter((entry) => entry.source.trim() === '').map((entry) => entry.term));
    expect(unsourced).toEqual([]);
  });

  test('curated emoji are ones the `sentiment` emoji table lacks (it would override them)', () => {
    expect(curated.emoji.filter((entry) => entry.term in SENTIMENT_EMOJI).map((entry) => entry.term)).toEqual([]);
  });

  test('translation errors are fixed: "fois" (times) and "prix" (price) carry no valence', () => {
    expect(scoreSentiment('Deux fois le prix').terms).toEqual([]);
  });

  test('upper-case emoticon keys of vader-fr are normalised to lower case', () => {
    const { labels } = frenchLexicon();
    expect(Object.hasOwn(labels, ':D')).toBe(false);
    expect(scoreSentiment('Bien vu :D').terms.map((term) => [term.term, term.value])).toEqual([
      ['bien vu', 2],
      [':d', 2.3],
    ]);
  });
});
