import { scoreSentiment } from '../../src/sentiment/index.js';
import { termsOf } from './helpers.js';

describe('online French: SMS spellings, stretched letters, missing accents on rule words', () => {
  test('SMS forms stand for their word: "vrmt" intensifies, "c" is the verb of "c\'est"', () => {
    expect(termsOf('Vrmt nul ce truc')).toEqual(['nul=-2.6[intensifier]']);
    // After the copula `c'est` the attribute itself is denied (flip), as in the spelt-out form.
    expect(scoreSentiment('C pas un succès')).toEqual({
      score: -1.628,
      comparative: -0.407,
      label: 'negative',
      terms: [{ term: 'succès', value: -1.628, base: 2.2, rules: ['negation'] }],
    });
    expect(termsOf("C'est pas un succès")).toEqual(['succès=-1.628[negation]']);
  });

  test('an intensifier written without its accent still intensifies ("tres decu")', () => {
    expect(termsOf('Tres decu par la batterie')).toEqual(['decu=-2.6[intensifier]']);
  });

  test('letters stretched for emphasis: "Nuuuul" is "nul"', () => {
    expect(termsOf('Nuuuul')).toEqual(['nuuuul=-2']);
  });

  test('familiar "grave" before a word intensifies it (x1.3) and carries no value of its own', () => {
    expect(termsOf("Franchement c'est grave nul")).toEqual(['nul=-2.6[intensifier]']);
    expect(termsOf("J'ai grave kiffé la démo")).toEqual(['kiffé=3.25[intensifier]']);
  });
});

describe('complaints and idioms of comment sections', () => {
  test('price complaints', () => {
    expect(termsOf("Trop cher pour ce que c'est")).toEqual(['trop cher=-2']);
    expect(termsOf("Hors de prix, comme d'hab.")).toEqual(['hors de prix=-2', "comme d'hab=-1"]);
    expect(termsOf('Une fois le prix affiché, tout le monde compare.')).toEqual([]);
  });

  test('contempt and sarcastic set phrases', () => {
    expect(termsOf('On se fout de nous avec ces tarifs')).toEqual(['se fout de=-2']);
    expect(termsOf('Merci pour rien.')).toEqual(['merci pour rien=-2.5']);
    expect(termsOf('Faut oser.')).toEqual(['faut oser=-1.5']);
    expect(termsOf('Pas fan du design')).toEqual(['pas fan=-1.5']);
    expect(termsOf('Ça vaut pas le coup')).toEqual(['vaut pas le coup=-1.5']);
    expect(termsOf('Ça commence à faire beaucoup')).toEqual(['commence à faire beaucoup=-1.5']);
  });

  test('verbs of failure: couler, planter', () => {
    expect(termsOf("Ils vont couler, c'est sûr.")).toEqual(['couler=-1.5']);
    expect(termsOf('Ça plante sans arrêt depuis la mise à jour')).toEqual(['ça plante=-1.5']);
  });

  test('"pas fichu de", "pas capable de", "impossible de" are negative and deny the verb that follows', () => {
    expect(termsOf('Ils sont pas fichus de réussir un lancement')).toEqual(['pas fichus de=-2', 'réussir=-1.332[negation]']);
    expect(termsOf('Pas capable de tenir une promesse')).toEqual(['pas capable de=-1.5', 'promesse=-0.37[negation]']);
    expect(termsOf("Impossible de partager l'écran avec la famille")).toEqual(['partager=-0.888[negation]']);
  });

  test('"pas ... du tout" strengthens the denial (x1.5)', () => {
    expect(termsOf('Ça me fait pas rêver du tout')).toEqual(['rêver=-1.11[negation]']);
  });

  test('"mais bon" is resignation, not the praise "bon"; "je veux bien" grants a point', () => {
    expect(termsOf('Je veux bien la qualité, mais bon.')).toEqual(['mais bon=-0.5']);
  });

  test('quantities and formulas are not praise', () => {
    expect(termsOf('Compte une bonne semaine de livraison.')).toEqual([]);
    expect(scoreSentiment("Merci d'avance pour vos réponses.").label).toBe('neutral');
    expect(termsOf("Merci d'avance pour vos réponses.")).toEqual(["merci d'avance=0.5"]);
  });

  test('"en dépit de" is concessive like "malgré"', () => {
    // `crise` is a topic noun (-2.5 x 0.33 = -0.825), then halved by the concession.
    expect(termsOf('En dépit de la crise, le titre tient.')).toEqual(['crise=-0.412[concession]']);
  });

  test('a word with the ligature œ is one word', () => {
    expect(termsOf("Victoire en trompe-l'œil")).toEqual(['victoire=2.2', "trompe-l'oeil=-1.5"]);
  });
});
