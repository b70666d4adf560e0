import { readFrench } from '../../src/nlp/index.js';
import { scoreReading, scoreSentiment } from '../../src/sentiment/index.js';
import { scoreWithSentimentPackage } from '../../src/sentiment/score.js';
import { clausePolarity, withClausePolarities } from '../../src/stance/clause-sentiment.js';

const TEXTS = [
  'Le produit est bon mais le prix est scandaleux.',
  'Ça ne résoudra pas le problème. Quel fiasco 😂',
  "C'est vraiment génial !! Bravo 👏🏼",
  'Encore une baisse 📉 ? Pas de problème ;)',
];

describe('one reading, scored once', () => {
  test('the direct loop over the units computes what `sentiment.analyze` computes with the registered French language', () => {
    expect(TEXTS.map((text) => scoreWithSentimentPackage(readFrench(text)))).toEqual(TEXTS.map((text) => scoreSentiment(text).score));
    expect(TEXTS.map((text) => scoreSentiment(text).score)).toEqual([-2.95, -5.11, 9.132, 0.194]);
  });

  test('the polarity of a clause is read off the text: its own hits, without the damping of a later "mais"', () => {
    const text = 'Le board est nul, mais Microsoft reste calme.';
    const { sentiment, polarity } = scoreReading(readFrench(text));
    expect(sentiment.terms).toEqual([
      { term: 'nul', value: -1, base: -2, rules: ['contrast'] },
      { term: 'calme', value: 1.05, base: 0.7, rules: ['contrast'] },
    ]);
    expect(polarity.between(0, 17)).toEqual({ score: -2, comparative: -0.5, label: 'negative' });
    expect(polarity.between(18, text.length)).toEqual({ score: 1.05, comparative: 0.2625, label: 'positive' });
  });

  test('the stance stage takes a clause polarity from the shared scores, else scores the clause alone', () => {
    const text = 'Le board est nul, mais Microsoft reste calme.';
    const polarities = new Map([[text, scoreReading(readFrench(text)).polarity]]);
    const source = { text, start: 0, end: 17 };
    expect(withClausePolarities(polarities, () => clausePolarity('Le board est nul,', source))).toEqual({ label: 'negative', score: -2 });
    expect(clausePolarity('Le board est nul,', source)).toEqual({ label: 'negative', score: -2 });
    // A text that was not shared: the clause is scored on its own (here the clause text is what counts).
    expect(withClausePolarities(polarities, () => clausePolarity('Microsoft est super.', { text: 'autre', start: 0, end: 5 }))).toEqual({
      label: 'positive',
      score: 2,
    });
  });
});
