import { scoreSentiment } from '../../src/sentiment/index.js';
import { termsOf, verdict } from './helpers.js';

/**
 * Lack and absence, negating subjects, discourse `bon`, purpose clauses and the words of news
 * (review 6). Every sentence here was written for these tests; labels are a reader's.
 */

describe('privation: a word of lack or loss followed by "de" denies what it governs, as "sans" does', () => {
  test('a positive term after "manque de", "perte de", "dénué de" flips (x -0.74); the privative word keeps its value', () => {
    expect(termsOf('Ils manquent de courage.')).toEqual(['manquent=-0.9', 'courage=-0.814[negation]']);
    expect(termsOf('Une perte de confiance durable.')).toEqual(['perte=-0.429', 'confiance=-0.814[negation]']);
    expect(verdict('Un discours dénué d\'intérêt.')).toEqual(['negative', -2.492]);
  });

  test('not when the privative word is not followed by "de" (an adverb between breaks the link)', () => {
    expect(termsOf('Ils manquent cruellement de courage.')).toEqual(['manquent=-0.9', 'cruellement=-2.8', 'courage=1.1']);
  });
});

describe('lack: a noun of what is owed is a reproach when denied', () => {
  test('after "aucune", "sans", "faute de" and "ne ... pas" with or without a determiner: 1.6 x -0.74', () => {
    expect(scoreSentiment('Aucune réponse depuis trois semaines.')).toEqual({
      score: -1.184,
      comparative: -0.2368,
      label: 'negative',
      terms: [{ term: 'réponse', value: -1.184, base: 1.6, rules: ['lack', 'negation'] }],
    });
    expect(termsOf('Sans la moindre explication.')).toEqual(['explication=-1.184[lack,negation]']);
    expect(termsOf('La direction n\'a pas donné ses explications.')).toEqual(['explications=-1.184[lack,negation]']);
    expect(termsOf('Faute de moyens, le chantier reste à l\'arrêt.')).toEqual(['faute=-1.2', 'moyens=-1.184[lack,negation]', 'chantier=-1.5']);
  });

  test('the other rules apply to it: a question damps it (x0.4)', () => {
    expect(verdict('La ministre n\'a pas de solution ?')).toEqual(['neutral', -0.474]);
  });

  test('nothing when present, nor when the negation denies a need ("pas besoin de")', () => {
    expect(termsOf('Il nous a donné une explication claire.')).toEqual(['claire=0.5']);
    expect(verdict('Pas besoin d\'explication.')).toEqual(['neutral', 0]);
  });
});

describe('a negative pronoun as subject negates its verb: "personne n\'a ...", "rien n\'est ..."', () => {
  test('the nearest term after "ne" is negated without "pas"', () => {
    expect(termsOf('Personne n\'a aimé la fin.')).toEqual(['aimé=-2.146[negation]']);
    expect(termsOf('Rien n\'est parfait.')).toEqual(['parfait=-1.85[negation]']);
    expect(termsOf('Personne ne l\'aime vraiment.')).toEqual(['aime=-2.22[negation,intensifier]']);
  });

  test('only the nearest term: a later one keeps its value', () => {
    expect(termsOf('Personne n\'a crié à l\'arnaque.')).toEqual(['crié=0.39[negation]', 'arnaque=-2.5']);
  });

  test('not after a verb of comparison (a superlative), nor when a determiner makes "personne" a noun', () => {
    expect(termsOf('Rien ne vaut un bon café.')).toEqual(['bon=1.6']);
    expect(verdict('Une personne ne devrait pas subir ça.')).toEqual(['neutral', 0]);
  });
});

describe('"bon" opening a sentence before a pause or a pronoun is a discourse marker', () => {
  test('no praise in "Bon, on verra", "Ah bon ?", "Et bon, ça passe"', () => {
    expect(verdict('Bon, on verra.')).toEqual(['neutral', 0]);
    expect(termsOf('Ah bon ?')).toEqual([]);
    expect(termsOf('Et bon, ça passe.')).toEqual([]);
    expect(termsOf('Bon, on verra bien demain.')).toEqual([]); // 'on verra bien': emphatic 'bien', no praise (lex-20)
  });

  test('before a noun it keeps its value', () => {
    expect(verdict('Bon travail.')).toEqual(['positive', 1.6]);
  });
});

describe('purpose: "pour" or "afin de" + infinitive states a goal, x0.5', () => {
  test('the terms of the goal count half', () => {
    expect(termsOf('Ils recrutent pour améliorer le service.')).toEqual(['améliorer=0.95[purpose]']);
    expect(termsOf('Afin d\'éviter une catastrophe, le vol est annulé.')).toEqual(['catastrophe=-1.25[purpose]', 'vol=-1.5', 'annulé=-1']);
  });

  test('not after a past infinitive (an accomplished fact) nor after a negated verb (the goal is taken for granted)', () => {
    expect(termsOf('Bravo pour avoir réussi le concours.')).toEqual(['bravo=2.4', 'réussi=1.8']);
    expect(termsOf('Ils ne vont pas attendre dix ans pour améliorer le moteur.')).toEqual(['attendre=-0.296[negation]', 'améliorer=1.9']);
  });
});

describe('words of news and complaints', () => {
  test('present of second-group verbs is looked up under the infinitive ("bondit" -> bondir)', () => {
    expect(verdict('Le titre bondit de 9 % à l\'ouverture.')).toEqual(['positive', 1.2]);
  });

  test('market retreat, outage, delay and wait are mild complaints; "attentes" (expectations) is not a wait', () => {
    expect(termsOf('Le titre recule.')).toEqual(['recule=-0.8']);
    expect(termsOf('Encore une panne réseau.')).toEqual(['encore=-1[exasperation]', 'panne=-1.5']);
    expect(verdict('Un an de retard.')).toEqual(['negative', -1]);
    expect(verdict('Deux heures d\'attente.')).toEqual(['neutral', -0.6]);
    expect(termsOf('Le film a dépassé toutes les attentes.')).toEqual(['dépassé=1.1']);
  });

  test('a delay before "bravo 👏" makes the applause ironic', () => {
    expect(termsOf('Trois mois de retard et 60 € la licence. Ils ont le sens du timing, bravo 👏')).toEqual([
      'retard=-1',
      'bravo=-1.92[sarcasm]',
      '👏=-1.6[sarcasm]',
    ]);
  });
});
