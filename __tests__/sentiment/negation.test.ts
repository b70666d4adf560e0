import { scoreSentiment } from '../../src/sentiment/index.js';
import { termsOf } from './helpers.js';

describe('scope of French negation', () => {
  test('a negated verb flips; its object before a determiner keeps its sign, damped (x0.5)', () => {
    expect(scoreSentiment('Ça ne résoudra pas le problème.')).toEqual({
      score: -1.61,
      comparative: -0.2683,
      label: 'negative',
      terms: [
        { term: 'résoudra', value: -1.11, base: 1.5, rules: ['negation'] },
        { term: 'problème', value: -0.5, base: -1, rules: ['negated-verb'] },
      ],
    });
    expect(termsOf("Je n'aime pas le film.")).toEqual(['aime=-1.85[negation]']);
  });

  test('"pas de", "sans", "aucun" deny the thing itself: a denied problem is weakly positive', () => {
    expect(termsOf("Pas de problème, je m'en occupe.")).toEqual(['pas de problème=1']);
    expect(termsOf('Il a fini sans problème.')).toEqual(['problème=0.3[negation]']);
    expect(termsOf("Il n'y a aucun problème.")).toEqual(['problème=0.3[negation]']);
  });

  test('after a copula the attribute is denied, determiner or not', () => {
    expect(termsOf("Ce n'est pas un succès.")).toEqual(['succès=-1.628[negation]']);
    expect(termsOf("Ce n'était pas une bonne idée.")).toEqual(['bonne idée=-1.48[negation]']);
  });

  test('a negator bears on the nearest evaluative word, not on every word after it', () => {
    // `sécurité` is a topic noun: a third of its vader-fr value (0.5).
    expect(termsOf('Je ne vois aucun problème de sécurité.')).toEqual(['problème=0.3[negation]', 'sécurité=0.165']);
  });

  test('litotes: the intensifier is part of the understatement', () => {
    expect(termsOf("Ce n'est pas très bon.")).toEqual(['bon=-1.184[litote]']);
    expect(termsOf('Un type pas trop débile.')).toEqual(['débile=0.8[litote]']);
    expect(termsOf("Ce n'est pas si grave.")).toEqual(['grave=0.64[litote]']);
    expect(scoreSentiment("Ce n'est pas si grave.").label).toBe('neutral');
  });

  test('a denied opinion before "que" denies the whole clause it introduces', () => {
    expect(termsOf('Je ne pense pas que ce soit une bonne idée.')).toEqual(['bonne idée=-1.48[negation]']);
    expect(termsOf('Pas sûr que ce soit génial.')).toEqual(['génial=-2.072[negation]']);
    expect(termsOf("Je pense que c'est une bonne idée.")).toEqual(['bonne idée=2']);
  });

  test('"pas mal" stays an expression and "non seulement" is no negation', () => {
    expect(termsOf("C'est pas mal du tout.")).toEqual(['pas mal=1.5']);
    expect(termsOf("Non seulement c'est efficace, mais c'est utile.")).toEqual(['efficace=0.9[contrast]', 'utile=2.25[contrast]']);
  });
});

describe('questions', () => {
  test('a term in a question is asked about, not asserted (x0.4)', () => {
    expect(termsOf('Est-ce une bonne idée ?')).toEqual(['bonne idée=0.8[question]']);
  });

  test('a rhetorical negative question with an inverted verb asserts the quality', () => {
    expect(termsOf("N'est-ce pas magnifique ?")).toEqual(['magnifique=1.2[question]']);
    expect(scoreSentiment("N'est-ce pas magnifique ?").label).toBe('positive');
  });
});

describe('conjugated verbs reach their infinitive in the lexicon', () => {
  test('future, present, participle and third person plural', () => {
    expect(termsOf('Le titre a plongé de 20 %.')).toEqual(['plongé=-1.5']);
    expect(termsOf("L'action s'envole.")).toEqual(['envole=1.5']);
    expect(termsOf("Les ventes s'effondrent.")).toEqual(['effondrent=-2']);
  });

  test('an adjective in -ent is not taken for a verb, nor a present tense for a participle', () => {
    expect(termsOf('Ils sont différents.')).toEqual([]);
    expect(termsOf('Ça me concerne.')).toEqual([]);
  });
});
