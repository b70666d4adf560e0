import { termsOf, verdict } from './helpers.js';

// Review 6: mechanisms found on the threads of new writers, each checked on sentences written for the test.

describe('an injunction to stop ("arrêtez de", "faut cesser de") rejects what it governs', () => {
  test('praise after it flips', () => {
    expect(termsOf("Il faut arrêter d'encenser ces patrons.")).toEqual(['arrêter=-0.6', 'encenser=-1.48[negation]']);
    expect(verdict("Il faut arrêter d'encenser ces patrons.")).toEqual(['negative', -2.08]);
  });

  test('a complaint after it stays a complaint: telling someone to stop whining is no praise', () => {
    expect(termsOf('Arrêtez de râler pour un bouton déplacé.')).toEqual(['arrêtez=-0.6', 'râler=-1.4']);
  });
});

describe('sarcasm-prone praise as a verbless exclamation concludes what precedes it', () => {
  test('after a complaint it is ironic', () => {
    expect(termsOf('Le site est resté en panne tout le week-end. Belle gestion 👍')).toEqual(['panne=-1.5', 'belle=-1.44[sarcasm]', '👍=-1.6[sarcasm]']);
  });

  test('after a neutral sentence it is sincere', () => {
    expect(verdict('Le site a été refait ce week-end. Belle gestion 👍')).toEqual(['positive', 3.8]);
    // Praise of a word that is not sarcasm-prone in the same sentence keeps it sincere, as for `Bravo`.
    expect(verdict('Le site est resté en panne tout le week-end. Belle réussite pour le correctif.')).toEqual(['positive', 3]);
  });
});

describe('reassurance is not worry', () => {
  test('"t\'inquiète" comforts, and the laughter beside it is friendly', () => {
    expect(termsOf("T'inquiète, ça va bien se passer 😄")).toEqual(["t'inquiète=0.8", 'bien=0.8', '😄=2']);
  });
});

describe('a question with a negative word asks, it does not complain (x0.4)', () => {
  test('one negative word in a real question stays neutral', () => {
    expect(verdict('Les vieux modèles sont aussi touchés par la panne ?')).toEqual(['neutral', -0.6]);
  });
});

describe('everyday words of criticism and approval', () => {
  test('mediocre, inconsistent, lies', () => {
    expect(termsOf('Un résultat médiocre, des chiffres incohérents et des mensonges.')).toEqual(['médiocre=-2', 'incohérents=-1.5', 'mensonges=-2']);
  });

  test('sensible, relevant, reasonable', () => {
    expect(termsOf('Une remarque pertinente et une décision sensée, à un prix raisonnable.')).toEqual(['pertinente=1.5', 'sensée=1.5', 'raisonnable=1']);
  });

  test('idioms of reproach: on the sly, a pretext, a fuss about nothing, shooting oneself in the foot', () => {
    expect(termsOf("Ils ont tout changé en douce. Le règlement a bon dos. Beaucoup de bruit pour rien, ils se sont tiré une balle dans le pied.")).toEqual([
      'en douce=-1.5',
      'a bon dos=-1.5',
      'bruit pour rien=-1.5',
      'balle dans le pied=-2',
    ]);
  });

  test('fans and chess are not incompetence and failures', () => {
    expect(verdict('Les amateurs de jazz se retrouvent le samedi pour une partie d\'échecs.')).toEqual(['neutral', 0]);
    expect(termsOf('Une équipe de vrais amateurs.')).toEqual(['amateurs=-1']);
  });

  test('vader-fr translation errors: violins, retirement, entrusting', () => {
    expect(verdict('Il a pris sa retraite et joue des violons le dimanche.')).toEqual(['neutral', 0]);
    expect(termsOf('On lui a confié le projet.')).toEqual([]);
  });
});
