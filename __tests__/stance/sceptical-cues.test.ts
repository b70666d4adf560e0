/**
 * Sixth session: doubt and criticism without siding, carried by set phrases rather than evaluative
 * words (cynicism about money and power, mockery of the chaos and of flip-flops, predictions of
 * failure), and two phrases of the board's side. Every sentence here was written for the test.
 */
import { loadSchema, textStance } from '../../src/stance/index.js';
import { cuesOnlySchema } from './schemas.js';

const schema = cuesOnlySchema();
const evidenceOf = (text: string): string[] => textStance(text, schema).evidence.map((e) => `${e.kind} ${e.label} ${e.weight} ${e.text}`);
const labelOf = (text: string): string => textStance(text, loadSchema()).label;

describe('cynicism about money and power', () => {
  test('billions over there while people count here', () => {
    expect(evidenceOf("Ils jonglent avec des milliards pendant qu'ici les hôpitaux ferment.")).toEqual(["cue sceptical 2 pendant qu'ici"]);
    expect(evidenceOf('Des fortunes partent en fumée pendant que nous payons la facture.')).toEqual(['cue sceptical 2 pendant que nous', 'cue sceptical 1.5 partent en fumée']);
  });

  test('the strong eat the weak, whoever they are', () => {
    expect(evidenceOf("Rien de nouveau, c'est la loi du plus fort.")).toEqual(['cue sceptical 2 la loi du plus fort']);
    expect(evidenceOf('Comme partout, le gros poisson mange le petit.')).toEqual(['cue sceptical 2 le gros poisson mange le petit']);
    expect(evidenceOf('Une boîte qui avale tout ce qui bouge.')).toEqual(['cue sceptical 2 tout ce qui bouge']);
  });

  test('principles that serve as an excuse, promises, the irony of the outcome', () => {
    expect(evidenceOf('La sécurité a bon dos.')).toEqual(['cue pro-board 0.75 sécurité', 'cue sceptical 2 a bon dos']);
    expect(textStance('La sécurité a bon dos.', schema).label).toBe('sceptical');
    expect(evidenceOf('Encore de grandes promesses, comme chaque année.')).toEqual(['cue sceptical 2 grandes promesses']);
    expect(evidenceOf("Tout ça pour ça : l'ironie de la situation est totale.")).toEqual(['cue sceptical 2 Tout ça pour ça', "cue sceptical 2 l'ironie de la situation"]);
  });
});

describe('mockery of the chaos, of the flip-flops and of the way it was run', () => {
  test('a world upside down, everyone mad', () => {
    expect(evidenceOf('On marche sur la tête, franchement.')).toEqual(['cue sceptical 1.5 On marche sur la tête']);
    expect(evidenceOf("C'est le monde à l'envers.")).toEqual(["cue sceptical 1.5 le monde à l'envers"]);
    expect(evidenceOf('Ils sont tous fous dans cette histoire.')).toEqual(['cue sceptical 1.5 sont tous fous']);
    expect(labelOf('ils sont tous fous')).toBe('sceptical');
  });

  test('nobody would believe it, the funniest part, make up your minds', () => {
    expect(evidenceOf("Un scénariste qui proposerait ça, personne n'y croirait.")).toEqual(["cue sceptical 1.5 personne n'y croirait"]);
    expect(evidenceOf("Le plus drôle, c'est qu'ils ont voté tous les deux.")).toEqual(['cue sceptical 1.5 Le plus drôle']);
    expect(evidenceOf('Un jour oui, le lendemain non. Faudrait savoir.')).toEqual(['cue sceptical 1.5 Faudrait savoir']);
    expect(evidenceOf('Il a fait volte-face en deux jours.')).toEqual(['cue sceptical 1.5 volte-face']);
  });

  test('sarcastic success, decisions on a whim, a textbook case of what not to do', () => {
    expect(evidenceOf('Mission accomplie, bravo à tous.')).toEqual(['cue sceptical 1.5 Mission accomplie']);
    expect(textStance('Mission accomplie, messieurs les administrateurs.', schema).label).toBe('sceptical');
    expect(evidenceOf('Tout a été décidé sur un coup de tête.')).toEqual(['cue sceptical 1.5 sur un coup de tête']);
    expect(evidenceOf("Un vrai cas d'école.")).toEqual(["cue sceptical 1.5 cas d'école"]);
    expect(evidenceOf("Voilà exactement ce qu'il ne faut jamais faire.")).toEqual(["cue sceptical 1.5 ce qu'il ne faut jamais faire"]);
  });
});

describe('doubt about the deal and about the explanations', () => {
  test('an explanation still awaited, or one that says nothing', () => {
    expect(evidenceOf("Trois jours après, on attend toujours.")).toEqual(['cue sceptical 1 on attend toujours']);
    expect(evidenceOf('Ils ont renvoyé le patron sans dire pourquoi.')).toEqual(['cue sceptical 1 sans dire pourquoi']);
    expect(evidenceOf('Ce communiqué veut tout et rien dire.')).toEqual(['cue sceptical 1 tout et rien dire']);
  });

  test('enthusiasm to calm, and a gain that costs a fortune', () => {
    expect(evidenceOf("Pas de quoi s'extasier.")).toEqual([]);
    expect(evidenceOf("Arrêtez de vous extasier, s'extasier ne paie pas les factures.")).toEqual(["cue sceptical 2 s'extasier"]);
    expect(evidenceOf('Ces salaires vont coûter une fortune.')).toEqual(['cue sceptical 2 coûter une fortune']);
  });
});

describe('predictions of failure', () => {
  test('it will not exist any more, bets are open, see you later', () => {
    expect(evidenceOf("Dans cinq ans cette start-up n'existera plus.")).toEqual(["cue sceptical 1.5 n'existera plus"]);
    expect(evidenceOf('Nouveau retournement avant Noël ? On prend les paris.')).toEqual(['cue sceptical 1.5 On prend les paris']);
    expect(evidenceOf('Je donne rendez-vous aux optimistes en juin.')).toEqual(['cue sceptical 1.5 Je donne rendez-vous']);
    expect(labelOf("Dans deux ans OpenAI n'existera plus.")).toBe('sceptical');
  });

  test('a city is no bet', () => {
    expect(evidenceOf('Les bureaux de Paris restent ouverts.')).toEqual([]);
  });
});

describe("the board's side: the founder's cult, the alarm bell", () => {
  test('distrust of the cult of a founder is the board\'s argument', () => {
    expect(evidenceOf('Ce culte du fondateur devient inquiétant.')).toEqual([
      'cue pro-board 1.5 culte du fondateur',
      'cue sceptical 1 inquiétant',
      'residual sceptical -0.5 sceptical discounted: the text sides with pro-board',
    ]);
    expect(textStance('Ce culte du fondateur me gêne.', schema).label).toBe('pro-board');
  });

  test('those who sound the alarm', () => {
    expect(evidenceOf("Heureusement que certains tirent la sonnette d'alarme.")).toEqual(["cue pro-board 1.5 sonnette d'alarme"]);
  });
});

describe('a formula that asks, not judges', () => {
  test('"question bête :" opening a question is neutral; "bête" alone still blames', () => {
    expect(evidenceOf('Question bête : Microsoft garde les modèles ?')).toEqual(['cue neutral 0.1 Question bête']);
    expect(labelOf('Question bête : Microsoft garde les modèles ?')).toBe('neutral');
    expect(labelOf('Le board a été bête sur ce coup.')).toBe('sceptical');
  });
});
