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

  test('no word is curated twice: a later section would silently override an earlier one', () => {
    const terms = ['fixes', 'words', 'emoticons'].flatMap((section) => curated[section].map((entry) => entry.term.toLowerCase()));
    expect(terms.filter((term, i) => terms.indexOf(term) !== i)).toEqual([]);
    const expressions = curated.expressions.map((entry) => entry.term.toLowerCase());
    expect(expressions.filter((term, i) => expressions.indexOf(term) !== i)).toEqual([]);
  });

  test('an emoji of the `sentiment` table gets its curated value through a placeholder key', () => {
    // `sentiment` merges its table over our labels: 📉 +2, ❌ +1, 👌 +2 there.
    expect([SENTIMENT_EMOJI['📉'], SENTIMENT_EMOJI['❌'], SENTIMENT_EMOJI['👌']]).toEqual([2, 1, 2]);
    expect(scoreSentiment('Encore une baisse 📉').terms.map((term) => [term.term, term.value])).toEqual([
      ['encore', -1],
      ['baisse', -0.264],
      ['📉', -1.5],
    ]);
    expect(scoreSentiment('Raté ❌').terms.map((term) => [term.term, term.value])).toEqual([
      ['raté', -2],
      ['❌', -1.5],
    ]);
    expect(scoreSentiment('À confirmer ! 👌')).toEqual({ score: 0.5, comparative: 0.1667, label: 'neutral', terms: [{ term: '👌', value: 0.5, base: 0.5, rules: [] }] });
    const { emojiKeys } = frenchLexicon();
    expect(emojiKeys.get('📉')).toBe(String.fromCharCode(0xe100));
  });

  test('an emoji with a skin tone finds its placeholder too', () => {
    expect(scoreSentiment('👌🏽').terms).toEqual([{ term: '👌', value: 0.5, base: 0.5, rules: [] }]);
  });

  test('review of vader-fr: translation errors and wrong strengths are fixed', () => {
    const values = (text: string): [string, number][] => scoreSentiment(text).terms.map((term) => [term.term, term.value]);
    expect(values('Les ressources sont là, et la confusion règne')).toEqual([['confusion', -1.5]]);
    expect(values("C'est incroyable")).toEqual([['incroyable', 2.5]]);
    expect(values('Un résultat surprenant')).toEqual([['surprenant', 0.3]]);
    expect(values('Le secteur privé émet des jetons')).toEqual([]);
  });

  test('news and comment French: verbs, nouns and expressions of judgement', () => {
    const values = (text: string): [string, number][] => scoreSentiment(text).terms.map((term) => [term.term, term.value]);
    expect(values('Quel fiasco, un vrai bide')).toEqual([
      ['fiasco', -2.5],
      ['bide', -2],
    ]);
    expect(values("C'est nickel, top, chapeau")).toEqual([
      ['nickel', 2],
      ['top', 2],
      ['chapeau', 1.5],
    ]);
    expect(values('Bof. Du grand n\'importe quoi, un foutage de gueule')).toEqual([
      ['bof', -1],
      ["n'importe quoi", -2],
      ['foutage de gueule', -3],
    ]);
    expect(values("N'importe qui peut le faire, il porte un chapeau rouge")).toEqual([]);
    expect(values("Une arnaque pitoyable, à côté de la plaque")).toEqual([
      ['arnaque', -2.5],
      ['pitoyable', -2.5],
      ['à côté de la plaque', -1.5],
    ]);
    expect(values("C'est du lourd. Le film a fait un carton")).toEqual([
      ["c'est du lourd", 2],
      ['fait un carton', 2],
    ]);
  });

  test('sarcasm markers of comment French are negative expressions', () => {
    const values = (text: string): [string, number][] => scoreSentiment(text).terms.map((term) => [term.term, term.value]);
    expect(values('Ben voyons, comme par hasard.')).toEqual([
      ['ben voyons', -1.5],
      ['comme par hasard', -1.5],
    ]);
    expect(values('Quelle surprise...')).toEqual([['quelle surprise', -1]]);
  });

  test('translation errors are fixed: "fois" (times) and "prix" (price) carry no valence', () => {
    expect(scoreSentiment('Une fois le prix affiché, tout le monde compare.').terms).toEqual([]);
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
