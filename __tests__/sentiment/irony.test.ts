import { scoreSentiment } from '../../src/sentiment/index.js';
import { termsOf } from './helpers.js';

describe('sarcasm: praise that is not meant turns negative (x -0.8)', () => {
  test('an irony emoji in the sentence: "Super, encore une panne 🙄" (super 2 -> -1.6)', () => {
    expect(scoreSentiment('Super, encore une panne 🙄')).toEqual({
      score: -4.6,
      comparative: -0.92,
      label: 'negative',
      terms: [
        { term: 'super', value: -1.6, base: 2, rules: ['sarcasm'] },
        // `panne` (outage) is a complaint of its own since review 5.
        { term: 'panne', value: -1.5, base: -1.5, rules: [] },
        { term: '🙄', value: -1.5, base: -1.5, rules: [] },
      ],
    });
  });

  test('an irony emoji alone on its line speaks of the line before', () => {
    expect(termsOf('Merveilleux, le serveur est tombé.\n🙄')).toEqual(['merveilleux=-1.12[sarcasm]', '🙄=-1.5']);
  });

  test('praise followed by an ellipsis, at once or after one adverb', () => {
    expect(termsOf('Génial... la batterie tient deux heures.')).toEqual(['génial=-2.24[sarcasm]']);
    expect(termsOf('Du grand art, vraiment… bravo au service client.')).toEqual(['du grand art=-1.6[sarcasm]', 'bravo=-1.92[sarcasm]']);
  });

  test('an exclamation of praise after criticism is ironic, and so is its applause', () => {
    expect(termsOf('Encore une mise à jour ratée. Bravo 👏')).toEqual(['encore=-1[exasperation]', 'ratée=-2', 'bravo=-1.92[sarcasm]', '👏=-1.6[sarcasm]']);
  });

  test('praise after criticism that also praises something precisely stays praise', () => {
    expect(scoreSentiment("Quel échec ! Chapeau bas à l'équipe qui a tout reconstruit, un travail remarquable.").label).toBe('positive');
    expect(termsOf("Quel échec ! Chapeau bas à l'équipe qui a tout reconstruit, un travail remarquable.")).toEqual([
      'échec=-2',
      'chapeau bas=2.5',
      'remarquable=2.2',
    ]);
  });

  test('praise with laughter is ironic only when the text criticises something', () => {
    expect(termsOf('Le lancement a tourné au fiasco, masterclass 😂')).toEqual(['fiasco=-2.5', 'masterclass=-2[sarcasm]', '😂=-1[irony]']);
    expect(termsOf('Masterclass 😂')).toEqual(['masterclass=2.5', '😂=1']);
  });
});

describe('derisive laughter', () => {
  test('a mild word nearby does not make a joke derisive (sum above -0.5)', () => {
    expect(termsOf('Pas mal, un peu cher mais ça fait le job lol')).toEqual(['pas mal=0.75[contrast]', 'cher=-0.24[dampener,contrast]', 'lol=0.8']);
  });

  test('laughter after a rhetorical question mocks; after a real question it is fun', () => {
    expect(termsOf('Qui va acheter ça à ce prix ? 😂')).toEqual(['qui va acheter ?=-1.2[rhetorical-question]', '😂=-1[irony]']);
    expect(termsOf("Tu l'as déjà essayé ? 😂")).toEqual(['😂=1']);
  });

  test('laughter written at any length is laughter', () => {
    expect(termsOf('Mdrrrr trop drôle')).toEqual(['mdrrrr=1.5', 'drôle=2.21[intensifier]']);
  });
});

describe('rhetorical questions (-1.2 once per question)', () => {
  test('an opener that names what is doubted', () => {
    expect(scoreSentiment('Qui va acheter ça à ce prix ?')).toEqual({
      score: -1.2,
      comparative: -0.1714,
      label: 'negative',
      terms: [{ term: 'qui va acheter ?', value: -1.2, base: -1.2, rules: ['rhetorical-question'] }],
    });
    expect(termsOf('À quoi bon ?')).toEqual(['à quoi bon ?=-1.2[rhetorical-question]']);
  });

  test('a real question is not rhetorical', () => {
    expect(termsOf('Qui va gagner selon vous ?')).toEqual(['gagner=0.48[question]']);
  });

  test('one exasperated word, after a leading "non mais"', () => {
    expect(termsOf('Non mais sérieusement ?')).toEqual(['sérieusement ?=-1.2[rhetorical-question]']);
  });

  test('an opener read as one expression', () => {
    expect(termsOf("C'est une blague ?")).toEqual(["c'est une blague=-0.6[question]", "c'est une blague ?=-1.2[rhetorical-question]"]);
  });
});

describe('short quotations: mentioned, not used', () => {
  test("a critic's word quoted to answer it carries no sentiment of the writer", () => {
    expect(termsOf('Il traite le projet de « catastrophe », c’est exagéré.')).toEqual(['catastrophe=0[quoted]', 'exagéré=-1']);
  });

  test('praise in scare quotes is irony (x -0.5)', () => {
    expect(termsOf('Le « génie » du marketing a encore frappé.')).toEqual(['génie=-1[scare-quotes]', 'frappé=-0.5']);
  });

  test('a longer quotation is reported speech and keeps its words', () => {
    expect(termsOf('Il a dit « ce produit est une catastrophe totale pour nous tous » hier.')).toEqual(['catastrophe=-2.5']);
  });
});
