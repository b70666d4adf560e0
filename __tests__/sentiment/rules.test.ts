import { scoreSentiment } from '../../src/sentiment/index.js';
import { termsOf } from './helpers.js';

describe('French sentiment rules (values on the VADER scale of vader-fr)', () => {
  test('negation before the word: "ne ... pas" flips and damps a positive (x -0.74)', () => {
    expect(scoreSentiment("Ce n'est pas excellent.")).toEqual({
      score: -1.998,
      comparative: -0.3996,
      label: 'negative',
      terms: [{ term: 'excellent', value: -1.998, base: 2.7, rules: ['negation'] }],
    });
  });

  test('negation after the verb: "je ne m\'inquiète pas" is a weak positive (x -0.3), inside the neutral dead zone', () => {
    expect(scoreSentiment("Je ne m'inquiète pas.")).toEqual({
      score: 0.36,
      comparative: 0.072,
      label: 'neutral',
      terms: [{ term: 'inquiète', value: 0.36, base: -1.2, rules: ['negation'] }],
    });
  });

  test('"sans" negates; the window stops at clause punctuation', () => {
    expect(termsOf('Sans succès.')).toEqual(['sans succès=-1.5']);
    expect(termsOf('Pas du tout, excellent travail')).toEqual(['excellent=2.7']);
  });

  test('"pas mal" is positive, "pas mal de" is a quantity', () => {
    expect(scoreSentiment("C'est pas mal du tout.").terms).toEqual([{ term: 'pas mal', value: 1.5, base: 1.5, rules: [] }]);
    expect(scoreSentiment('Je connais pas mal de gens.').label).toBe('neutral');
    expect(termsOf('Je connais pas mal de gens.')).toEqual([]);
  });

  test('elisions: the word after the apostrophe is looked up', () => {
    expect(termsOf("L'échec était prévisible")).toEqual(['échec=-2']);
    expect(termsOf('L’échec était prévisible')).toEqual(['échec=-2']);
  });

  test('idioms and multi-word expressions are matched as units, with or without accents', () => {
    expect(termsOf('Coup de maître de Nadella')).toEqual(['coup de maître=3']);
    expect(termsOf('Coup de maitre de Nadella')).toEqual(['coup de maître=3']);
    expect(termsOf('Chapeau bas, bien joué')).toEqual(['chapeau bas=2.5', 'bien joué=2.5']);
    expect(termsOf("Ce projet est plutôt voué à l'échec.")).toEqual(["voué à l'échec=-1.75[dampener]"]);
  });

  test('slang and accent-less spelling', () => {
    expect(termsOf("Le conseil va flinguer l'entreprise")).toEqual(['flinguer=-2.5']);
    expect(termsOf("c'est debile")).toEqual(['debile=-2']);
  });

  test('emoji with a skin tone count as the bare emoji', () => {
    expect(scoreSentiment('Bravo 👏🏼').terms).toEqual([
      { term: 'bravo', value: 2.4, base: 2.4, rules: [] },
      { term: '👏', value: 2, base: 2, rules: [] },
    ]);
  });

  test('intensifiers and dampeners scale the next evaluative word', () => {
    expect(termsOf("C'est vraiment génial")).toEqual(['génial=3.64[intensifier]']);
    expect(termsOf('Tellement juste !')).toEqual(['juste=1.95[intensifier]']);
    expect(termsOf('Un peu décevant')).toEqual(['décevant=-1.32[dampener]']);
    expect(termsOf('un peu triste')).toEqual(['triste=-1.26[dampener]']);
  });

  test('lexical roles: "juste" before a word is "just", "super" before an evaluative word is an intensifier', () => {
    expect(termsOf("C'est juste un détail")).toEqual([]);
    expect(termsOf('super bien joué')).toEqual(['bien joué=3.25[intensifier]']);
    expect(termsOf('Un super article')).toEqual(['super=2']);
    expect(termsOf('Le top management a changé')).toEqual([]);
  });

  test('contrast: what follows "mais" weighs x1.5, what precedes it x0.5', () => {
    expect(scoreSentiment('Le produit est bon mais le prix est scandaleux.')).toEqual({
      score: -2.95,
      comparative: -0.3278,
      label: 'negative',
      terms: [
        { term: 'bon', value: 0.8, base: 1.6, rules: ['contrast'] },
        { term: 'scandaleux', value: -3.75, base: -2.5, rules: ['contrast'] },
      ],
    });
  });

  test('emphasis: capitals x1.5, "!!" x1.3, a single "!" nothing', () => {
    expect(termsOf("C'est NUL")).toEqual(['nul=-3[emphasis]']);
    expect(termsOf("C'est nul !!")).toEqual(['nul=-2.6[emphasis]']);
    expect(termsOf("C'est nul !")).toEqual(['nul=-2']);
  });

  test('laughter: light-hearted alone, mockery next to negative content', () => {
    expect(termsOf('Tim Cook est en train de lire la news 😂')).toEqual(['😂=1']);
    expect(termsOf('Quel fiasco 😂')).toEqual(['fiasco=-2.5', '😂=-1[irony]']);
    expect(termsOf('Quel fiasco.\n🤣')).toEqual(['fiasco=-2.5', '🤣=-1.5[irony]']);
    expect(termsOf('Bravo 🤡')).toEqual(['bravo=-1.92[sarcasm]', '🤡=-1.5']);
  });

  test('an English sentence is scored with the English lexicon', () => {
    expect(scoreSentiment('This is a great idea.')).toEqual({
      score: 3,
      comparative: 0.6,
      label: 'positive',
      terms: [{ term: 'great', value: 3, base: 3, rules: ['english'] }],
    });
    expect(termsOf("Super article. The guy doesn't like it. Merci !")).toEqual(['super=2', 'like=-2[english,negation]', 'merci=1.5']);
  });

  test('quotes are excluded: the pipeline passes ownText, so a quoted insult does not count', () => {
    const comment = { text: '« Quel fiasco »\nPas du tout, c’est un coup de maître.', ownText: 'Pas du tout, c’est un coup de maître.' };
    expect(scoreSentiment(comment.ownText).terms).toEqual([{ term: 'coup de maître', value: 3, base: 3, rules: [] }]);
    expect(scoreSentiment(comment.text).terms.map((term) => term.term)).toEqual(['fiasco', 'coup de maître']);
  });

  test('URLs and mentions are not scored nor counted', () => {
    expect(scoreSentiment('@Arnaud bravo https://example.com/super-genial')).toEqual({
      score: 2.4,
      comparative: 2.4,
      label: 'positive',
      terms: [{ term: 'bravo', value: 2.4, base: 2.4, rules: [] }],
    });
  });

  test('empty text is neutral', () => {
    expect(scoreSentiment('')).toEqual({ score: 0, comparative: 0, label: 'neutral', terms: [] });
  });
});
