import { termsOf, verdict } from './helpers.js';

/**
 * Complaints, exasperation and sarcasm of French comment sections that carry few or no lexicon
 * words (review 5). Every sentence here was written for these tests; labels are a reader's.
 */

describe('exasperation at a repetition: "encore un ...", "toujours pas ..."', () => {
  test('a sentence opening with "encore un/une" or "toujours pas" complains, whatever its noun', () => {
    expect(termsOf('Encore une hausse des tarifs.')).toEqual(['encore=-1[exasperation]']);
    expect(verdict('Toujours pas de date pour la mise à jour.')).toEqual(['negative', -1]);
    // After a leading "et", and added to the noun's own value.
    expect(termsOf('Et encore un bug.')).toEqual(['encore=-1[exasperation]', 'bug=-1']);
  });

  test('not when the sentence praises, nor "encore une fois", nor "encore" inside a sentence', () => {
    expect(termsOf('Encore un excellent épisode.')).toEqual(['excellent=2.7']);
    expect(verdict('Encore une fois, merci pour ce dossier.')).toEqual(['positive', 1.5]);
    expect(termsOf('Il reste encore une étape avant la sortie.')).toEqual([]);
  });
});

describe('sarcasm with a flat face', () => {
  test('😑 and 😐 make the praise of their sentence ironic', () => {
    expect(termsOf('Trois mois pour réparer un écran, génial 😑')).toEqual(['génial=-2.24[sarcasm]', '😑=-1']);
    expect(verdict('Super 😐')).toEqual(['negative', -2.1]);
  });

  test('"super" before an emoji is the adjective, not an intensifier of the emoji', () => {
    expect(termsOf('Livraison reçue en deux jours, super 👍')).toEqual(['super=2', '👍=2']);
  });
});

describe('laughter opening a comment laughs at what follows', () => {
  test('derisive before criticism, light-hearted before a kind word', () => {
    expect(termsOf('lol. Ce patch est une catastrophe.')).toEqual(['lol=-0.8[irony]', 'catastrophe=-2.5']);
    expect(verdict('lol. Bonne soirée à tous')).toEqual(['positive', 2.4]);
  });
});

describe('a preference weighs alternatives, it does not judge them', () => {
  test('after "je préfère" the terms count x0.3 up to the end of the clause', () => {
    expect(verdict("Je préfère payer plus cher qu'acheter un produit défectueux.")).toEqual(['neutral', -0.45]);
    expect(termsOf('Je préfère un téléphone lourd, mais la batterie est nulle.')).toEqual(['lourd=-0.12[contrast,preference]', 'nulle=-3[contrast]']);
  });

  test('"ça change des ..." names a foil: its terms are a comparison too', () => {
    expect(termsOf('Un article clair, ça change des titres alarmistes.')).toEqual(['clair=0.5', 'alarmistes=-0.18[preference]']);
  });
});

describe('an expression that holds its own negator', () => {
  test('the "ne" of its clause does not deny it again', () => {
    expect(verdict("Je n'achèterai plus jamais chez eux.")).toEqual(['negative', -1.2]);
    expect(termsOf("Ce n'est pas terrible.")).toEqual(['pas terrible=-1.5']);
  });
});

describe('set phrases of comment sections (fr-curated.json, review 5)', () => {
  test('audacity, price anger, derision and reproach', () => {
    expect(termsOf("Ils osent augmenter l'abonnement.")).toEqual(['ils osent=-1.5']);
    expect(termsOf('mdr ils se permettent de facturer la livraison')).toEqual(['mdr=-1.5[irony]', 'ils se permettent=-1.2']);
    expect(termsOf('Ce forfait coûte un bras.')).toEqual(['coûte un bras=-1.5']);
    expect(termsOf('Ce service client est une blague.')).toEqual(['est une blague=-1.5']);
    expect(termsOf("Ils auraient pu faire un effort sur l'autonomie.")).toEqual(['pu faire un effort=-1.5']);
    expect(termsOf('Une fusion de plus, on sait comment ça finit.')).toEqual(['on sait comment ça finit=-1.2']);
    expect(verdict('ok boomer')).toEqual(['negative', -1.5]);
  });

  test('rebuttals, confusion and sentence adverbs are not feelings', () => {
    expect(termsOf('Tu oublies que le forfait inclut la 5G.')).toEqual([]);
    expect(termsOf('Je suis perdu avec toutes ces offres.')).toEqual([]);
    expect(termsOf("Honnêtement, je n'ai pas d'avis.")).toEqual([]);
    expect(termsOf("Pour être honnête, je n'ai pas d'avis.")).toEqual([]);
    expect(termsOf("Un patron qui ose dire stop, ça mérite d'être salué.")).toEqual(["mérite d'être salué=2"]);
  });
});
