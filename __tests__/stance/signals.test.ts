import { findTargets, textStance } from '../../src/stance/index.js';
import { tokenizeForCues } from '../../src/stance/text.js';
import { cuesOnlySchema } from './schemas.js';

const schema = cuesOnlySchema();
const evidenceOf = (text: string): string[] => textStance(text, schema).evidence.map((e) => `${e.kind} ${e.label} ${e.weight} ${e.text}`);

describe('tokens for cues', () => {
  test('fold case and accents, split elisions, keep emoji and +1, drop URLs and mentions', () => {
    const { tokens } = tokenizeForCues("L’échec d'OpenAI ? +1 🤡 @Bob https://x.y/z Œuvre");
    expect(tokens.map((t) => t.norm)).toEqual(['l', 'echec', 'd', 'openai', '?', '+1', '🤡', 'oeuvre']);
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
    expect(evidenceOf('Le board a tenu bon face aux investisseurs. Chapeau bas.')).toEqual(['target pro-board 2 Chapeau bas (board)']);
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
