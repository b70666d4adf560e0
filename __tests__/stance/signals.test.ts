import { findTargets, textStance } from '../../src/stance/index.js';
import { tokenizeForCues } from '../../src/stance/text.js';
import { cuesOnlySchema } from './schemas.js';

const schema = cuesOnlySchema();
const evidenceOf = (text: string): string[] => textStance(text, schema).evidence.map((e) => `${e.kind} ${e.label} ${e.weight} ${e.text}`);

describe('tokens for cues', () => {
  test('fold case and accents, split elisions, keep emoji, +1 and 100%, drop URLs and mentions', () => {
    const { tokens } = tokenizeForCues("L’échec d'OpenAI ? +1 🤡 @Bob https://x.y/z Œuvre 100 %");
    expect(tokens.map((t) => t.norm)).toEqual(['l', 'echec', 'd', 'openai', '?', '+1', '🤡', 'oeuvre', '100%']);
  });

  test('number sentences, clauses (at a contrast connector) and paragraphs', () => {
    const { tokens, clauses } = tokenizeForCues('Microsoft gagne, mais perd. Oui\n\nNon', new Set(['mais']));
    expect(tokens.map((t) => `${t.norm}:${t.sentence}/${t.clause}/${t.paragraph}`)).toEqual([
      'microsoft:0/0/0', 'gagne:0/0/0', ',:0/0/0', 'mais:0/1/0', 'perd:0/1/0', '.:0/1/0', 'oui:1/2/0', 'non:2/3/1',
    ]);
    expect(clauses.map((c) => c.start)).toEqual([0, 17, 28, 33]);
  });
});

describe('targets', () => {
  const targetsOf = (text: string): string[] => findTargets(tokenizeForCues(text), schema).map((m) => `${m.target}:${m.text}`);

  test('are found by their surface forms, multi-word forms included', () => {
    expect(targetsOf("Satya Nadella et le conseil d'administration d’OpenAI, puis Sam Altman")).toEqual([
      'microsoft:Satya', 'microsoft:Nadella', "board:conseil d'administration", 'openai:OpenAI', 'altman:Sam', 'altman:Altman',
    ]);
  });

  test('CA and MS only as written: ça, Ca and ms are not targets', () => {
    expect(targetsOf('Ça alors, le CA et MS ! Ca marche en 3 ms, ça')).toEqual(['board:CA', 'microsoft:MS']);
  });
});

describe('stance cues', () => {
  test('a fixed-label cue', () => {
    expect(evidenceOf('Une victoire à la Pyrrhus.')).toEqual(['cue sceptical 2 victoire à la Pyrrhus']);
    expect(textStance('Une victoire à la Pyrrhus.', schema)).toMatchObject({
      label: 'sceptical', confidence: 0.667, scores: { 'pro-microsoft': 0, 'pro-board': 0, sceptical: 2, neutral: 1 },
    });
  });

  test('a prefix cue matches the inflected word', () => {
    expect(evidenceOf('Ils magouillent tous.')).toEqual(['cue sceptical 2 magouillent']);
  });

  test('a negated cue does not count', () => {
    expect(textStance("Ce n'est pas une farce.", schema)).toMatchObject({ label: 'neutral', confidence: 1, evidence: [] });
  });

  test('a polar cue takes its label from the target it is about', () => {
    expect(evidenceOf('Le CA a flingué la boîte.')).toEqual(['target sceptical 1.5 flingué (CA)']);
    expect(evidenceOf("Chapeau bas au conseil d'administration.")).toEqual(["target pro-board 2 Chapeau bas (conseil d'administration)"]);
    expect(evidenceOf('Coup de maître de Satya.')).toEqual(['target pro-microsoft 2 Coup de maître (Satya)']);
  });

  test('a polar cue without a target falls back to its group label, or counts for nothing', () => {
    expect(evidenceOf("Si c'est vrai, c'est un coup de maître !")).toEqual(['cue pro-microsoft 2 coup de maître']);
    expect(evidenceOf('Chapeau bas.')).toEqual([]);
  });

  test('a polar cue finds a target named earlier in the paragraph', () => {
    expect(evidenceOf('Le board a tenu bon face aux investisseurs. Chapeau bas.')).toEqual([
      'cue pro-board 1.5 tenu bon',
      'target pro-board 2 Chapeau bas (board)',
    ]);
  });

  test('a cue that needs a nearby target counts only with it', () => {
    expect(evidenceOf('Microsoft contrôle tout.')).toEqual(['cue pro-microsoft 1 contrôle']);
    expect(evidenceOf('Le gouvernement contrôle tout.')).toEqual([]);
  });

  test('a group counts once however often it is repeated', () => {
    expect(evidenceOf('Quelle farce, quel cirque, quelle pagaille.')).toEqual(['cue sceptical 1.5 farce']);
  });

  test('mocking the board while praising Microsoft sides with Microsoft', () => {
    expect(evidenceOf('Le CA a flingué la boîte et Microsoft rafle la mise.')).toEqual([
      'cue pro-microsoft 1.5 rafle la mise',
      'target pro-microsoft 1.5 flingué (CA), siding with pro-microsoft',
    ]);
  });

  test('doubt next to a side is discounted: the residual rule', () => {
    const stance = textStance("Principes et valeurs : chapeau bas au conseil. Microsoft ? Une victoire à la Pyrrhus.", schema);
    expect([stance.label, stance.confidence, stance.scores]).toEqual([
      'pro-board', 0.636, { 'pro-microsoft': 0, 'pro-board': 3.5, sceptical: 1, neutral: 1 },
    ]);
    expect(stance.evidence.at(-1)).toEqual({ kind: 'residual', label: 'sceptical', weight: -1, text: 'sceptical discounted: the text sides with pro-board' });
  });

  test('an empty text is neutral with no evidence', () => {
    expect(textStance('', schema)).toEqual({ label: 'neutral', confidence: 1, scores: { 'pro-microsoft': 0, 'pro-board': 0, sceptical: 0, neutral: 1 }, evidence: [] });
  });
});

describe('irony: praise that is not meant counts for the schema\'s irony label', () => {
  test('an irony marker in the sentence (🙄, with or without skin tone)', () => {
    expect(evidenceOf('Bravo le CA 🙄')).toEqual(['irony sceptical 2 Bravo (CA, ironic)']);
    expect(evidenceOf('Quelle éthique 🙄🏽')).toEqual(['irony sceptical 1.5 éthique (ironic)']);
  });

  test('praise between quotation marks', () => {
    expect(evidenceOf('Un « coup de génie » de Microsoft.')).toEqual(['irony sceptical 2 coup de génie (Microsoft, ironic)']);
  });

  test('praise of an actor the same text blames', () => {
    expect(evidenceOf('Bravo le CA, quel fiasco.')).toEqual(['irony sceptical 2 Bravo (CA, ironic)', 'target sceptical 1.5 fiasco (CA)']);
  });

  test('sincere praise stays praise', () => {
    expect(evidenceOf('Bravo le CA, quel courage.')).toEqual(['target pro-board 2 Bravo (CA)']);
  });
});

describe('negation, nearness and the topic of a paragraph', () => {
  test('denying that Microsoft wins is doubt, denying a hire is nothing', () => {
    expect(evidenceOf('Microsoft ne gagne rien du tout.')).toEqual(['negated-cue sceptical 1.5 gagne (negated)']);
    expect(evidenceOf("Microsoft n'a pas embauché Altman.")).toEqual([]);
  });

  test('phrases that carry their own negation count', () => {
    expect(evidenceOf('Ils ne sont pas fichus de gérer un conseil.')).toEqual(['target sceptical 1.5 pas fichus de (conseil)']);
  });

  test('an evaluative word judges the target within its window only', () => {
    expect(evidenceOf('Nadella a été malin.')).toEqual(['target pro-microsoft 1 malin (Nadella)']);
    expect(evidenceOf("Malin, le type qui a écrit cet article sur les salaires chez Microsoft.")).toEqual([]);
  });

  test('a negative evaluation without a target is mockery of the affair', () => {
    expect(evidenceOf("C'est pathétique.")).toEqual(['cue sceptical 1 pathétique']);
  });

  test('a cue after the targets of a paragraph goes to the one named most', () => {
    expect(evidenceOf('Satya a tout compris. Microsoft aussi. OpenAI suit. Respect.')).toEqual(['target pro-microsoft 2 Respect (Microsoft)']);
  });
});

describe('session 3: cues that generalise beyond exact wording', () => {
  test('cited words are not the commenter\'s: cited praise is mocked, cited blame does not count', () => {
    expect(evidenceOf('« Microsoft, grand vainqueur » : de quoi, au juste ?')).toEqual(['irony sceptical 1.5 grand vainqueur (ironic)']);
    expect(evidenceOf('Il écrit « quel désastre » alors que tout va bien.')).toEqual([]);
  });

  test('a pronoun takes up the target named last before it in the paragraph (controls-both-sides only)', () => {
    expect(evidenceOf('Microsoft héberge tout. Ils ont les cartes en main.')).toEqual(['cue pro-microsoft 1 les cartes en main']);
    // `winner` cues stay in their sentence: "quel que soit le vainqueur" judges no one.
    expect(evidenceOf('Microsoft héberge tout. Quel que soit le vainqueur, Nvidia encaisse.')).toEqual([]);
  });

  test('sarcastic praise is mockery, whatever the target', () => {
    expect(evidenceOf('Ah bah bravo le conseil, toujours aussi doué.')).toEqual(['cue sceptical 2 Ah bah bravo']);
  });

  test('only a cue blames: a negative clause after the praise does not make it ironic', () => {
    expect(evidenceOf('Les administrateurs ont été courageux.')).toEqual(['target pro-board 2 courageux (administrateurs)']);
  });

  test('slowing AI down is the board\'s side; a loss needs a target', () => {
    expect(evidenceOf('Au moins quelqu\'un voulait freiner.')).toEqual(['cue pro-board 1 freiner']);
    expect(evidenceOf('Je suis un peu perdu avec tous ces noms.')).toEqual([]);
    expect(evidenceOf('Le board a perdu.')).toEqual(['target sceptical 1 a perdu (board)']);
  });

  test('praise of the move without a target in its sentence is praise of Microsoft', () => {
    expect(evidenceOf("OpenAI s'effondre et les équipes arrivent. Difficile de mieux jouer.")).toEqual(['cue pro-microsoft 2 Difficile de mieux jouer']);
  });
});
