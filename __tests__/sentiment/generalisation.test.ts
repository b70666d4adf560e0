import { scoreSentiment } from '../../src/sentiment/index.js';
import { termsOf, verdict } from './helpers.js';

describe('what a comment is about is not what its writer feels', () => {
  test('a capitalised word inside a sentence is a name and scores nothing', () => {
    expect(termsOf('Le siège social est à la Défense, près du métro.')).toEqual([]);
    expect(termsOf('Une bonne défense de son projet.')).toEqual(['bonne=1.6', 'défense=0.4']);
    // The first word of a sentence is capitalised by grammar, not because it is a name.
    expect(termsOf('Bravo pour ce travail.')).toEqual(['bravo=2.4']);
  });

  test('topic nouns keep a third of their value: an event reported is not a judgement', () => {
    expect(scoreSentiment('Il a annoncé sa démission hier soir.')).toEqual({
      score: -0.396,
      comparative: -0.0566,
      label: 'neutral',
      terms: [{ term: 'démission', value: -0.396, base: -0.396, rules: [] }],
    });
    // Two of them still make a sombre comment.
    expect(verdict('Le pays est en crise depuis la guerre.')).toEqual(['negative', -1.782]);
  });

  test('a hypothesis ("si" + subject) counts half, up to the end of its clause', () => {
    expect(termsOf('Si la mise à jour est ratée, on revient en arrière.')).toEqual(['ratée=-1[condition]']);
    expect(termsOf("S'il est nul, on le rend.")).toEqual(['nul=-1[condition]']);
    // `si` before an adjective is the intensifier, not a condition.
    expect(termsOf('Si bon, si simple.')).toEqual(['bon=1.6']);
  });

  test("reported words (a verb of saying + que, someone else's) keep a third of their value", () => {
    expect(termsOf("On disait que c'était un gadget inutile.")).toEqual(['gadget=-0.24[reported]', 'inutile=-0.54[reported]']);
    expect(scoreSentiment("Il a écrit qu'il regrettait son vote.").label).toBe('neutral');
    // The writer's own `je dis que` is his opinion.
    expect(verdict("Je dis que c'est un gadget inutile.")).toEqual(['negative', -2.6]);
  });

  test('agreeing is not an emotion: "exactement" carries no value', () => {
    expect(verdict("C'est exactement ça.")).toEqual(['neutral', 0]);
  });

  test('set phrases that looked evaluative word by word', () => {
    expect(termsOf('Il faut bien payer le loyer.')).toEqual([]);
    expect(termsOf('Cher ami, je ne partage pas votre avis.')).toEqual(['partage=-0.888[negation]']);
    expect(termsOf('Il a gardé la tête froide.')).toEqual(['la tête froide=1.2']);
    expect(termsOf('Difficile de faire mieux pour ce prix.')).toEqual(['difficile de faire mieux=2']);
    expect(termsOf('Elle respecte le préavis.')).toEqual(['respecte=0.8']);
  });

  test('exasperation and dismissal of comment sections', () => {
    expect(termsOf('Faut arrêter avec ce délire.')).toEqual(['faut arrêter avec=-1.5']);
    expect(termsOf("T'as rien compris au film.")).toEqual(['rien compris=-1.5']);
    expect(termsOf('Personne n\'en fait tout un plat.')).toEqual(['tout un plat=0.3[negation]']);
  });
});

describe('negation and intensity in French word order', () => {
  test('"ne ... ni" and "ne ... aucun" after the verb deny it', () => {
    expect(termsOf("Ce n'est une bonne idée ni pour eux ni pour nous.")).toEqual(['bonne idée=-1.48[negation]']);
    expect(termsOf('Il ne fait respecter aucune règle.')).toEqual(['respecter=-0.592[negation]']);
  });

  test('a denied negative is a rebuttal, barely positive (x -0.3)', () => {
    expect(verdict("Il n'y a aucune arnaque.")).toEqual(['neutral', 0.75]);
  });

  test('an adverb right after the verb intensifies it and has no value of its own', () => {
    expect(termsOf("Ça m'agace profondément.")).toEqual(['agace=-2.6[intensifier]']);
    expect(termsOf("J'aime grave ce quartier.")).toEqual(['aime=3.25[intensifier]']);
  });
});

describe('sarcastic applause', () => {
  test('"bravo" right after a disappointed interjection is ironic on its own', () => {
    expect(termsOf('Ah bah bravo Microsoft, toujours aussi doué.')).toEqual(['bravo=-1.92[sarcasm]']);
  });

  test('"bravo" + article is ironic when the text criticises, sincere when it gives its reason', () => {
    expect(termsOf('Bravo la direction, encore un échec.')).toEqual(['bravo=-1.92[sarcasm]', 'échec=-2']);
    expect(termsOf('Bravo la rédac pour cet article.')).toEqual(['bravo=2.4']);
  });

  test('"bravo" / "merci" + article closing a plain account of a loss is ironic; with a warm emoji it is sincere', () => {
    expect(termsOf('Ils éteignent les lampadaires à 23h et ma fille rentre à pied à minuit. Merci la mairie.')).toEqual(['merci=-1.2[sarcasm]']);
    expect(termsOf('Ils ont enfin peint la piste cyclable devant l’école. Merci la mairie 🙏')).toEqual(['merci=1.5', '🙏=2']);
  });

  test('irony carries over to the praise and applause of the next sentence', () => {
    expect(termsOf('Bah bravo. On applaudit bien fort 👏')).toEqual(['bravo=-1.92[sarcasm]', 'applaudit=-1.12[sarcasm]', 'fort=-0.96[intensifier,sarcasm]', '👏=-1.6[sarcasm]']);
  });

  test('a lone exclamation of praise in an ironic text is the same irony', () => {
    expect(termsOf('Bravo le gouvernement, la facture est scandaleuse. Du génie.')).toEqual([
      'bravo=-1.92[sarcasm]',
      'scandaleuse=-2.4',
      'du génie=-1.6[sarcasm]',
    ]);
    expect(termsOf('Du génie.')).toEqual(['du génie=2']);
  });

  test('"..., sérieusement ?" closing a question is exasperation; opening one it is not', () => {
    expect(termsOf('Trois heures de queue, sérieusement ?')).toEqual(['sérieusement ?=-1.2[rhetorical-question]']);
    expect(termsOf('Sérieusement, tu viens ce soir ?')).toEqual([]);
  });
});

describe('session 12: informal negation, feigned surprise, question formulas', () => {
  test('"rien" after a verb without "ne" (informal French) denies it as "ne ... rien" would', () => {
    // gagne 1.5 x -0.74 = -1.11, as in "on ne gagne rien".
    expect(termsOf('Donc au final on gagne rien.')).toEqual(['gagne=-1.11[negation]']);
    expect(termsOf('Donc au final on ne gagne rien.')).toEqual(['gagne=-1.11[negation]']);
  });

  test('"on s\'étonne", "ils s\'étonnent": feigned surprise is a reproach; surprise alone is neutral', () => {
    expect(verdict("Et après ils s'étonnent que les jeunes décrochent.")).toEqual(['negative', -1.2]);
    expect(termsOf("Après on s'étonnera que personne ne vienne.")).toEqual(["on s'étonnera=-1.2"]);
    expect(verdict('Un résultat étonnant.')).toEqual(['neutral', 0]);
    expect(verdict('Je suis étonné par ce choix.')).toEqual(['neutral', 0]);
  });

  test('"question bête :" opens a question and judges nothing', () => {
    expect(verdict('Question bête : il se passe quoi pour mon abonnement ?')).toEqual(['neutral', 0]);
    expect(verdict('Question idiote peut-être, mais qui paie ?')).toEqual(['neutral', 0]);
    // `bête` alone keeps its value.
    expect(termsOf("C'est bête.")).toEqual(['bête=-1.5']);
  });

  test('a company "rachetée" is bought, not redeemed; "comme un chef" and "ça roule" praise', () => {
    expect(verdict('La boîte a été rachetée par un grand groupe.')).toEqual(['neutral', 0]);
    expect(verdict('Il a géré ça comme un chef.')).toEqual(['positive', 2]);
    expect(termsOf('Depuis, ça roule.')).toEqual(['ça roule=1.2']);
  });
});
