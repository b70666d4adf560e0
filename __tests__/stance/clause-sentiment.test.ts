/**
 * Target-dependent sentiment, with a stand-in sentiment scorer so the expectations do not move
 * when the French lexicon changes: a clause is positive with `super`, negative with `moche` (neither is a stance cue).
 */
import { jest } from '@jest/globals';
import type { SentimentResult } from '../../src/model.js';

const scored: string[] = [];
jest.unstable_mockModule('../../src/sentiment/index.js', () => ({
  scoreSentiment: (text: string): SentimentResult => {
    scored.push(text);
    const score = (/\bsuper\b/.test(text) ? 2 : 0) - (/\bmoche\b/.test(text) ? 2 : 0);
    return { score, comparative: score, label: score > 0 ? 'positive' : score < 0 ? 'negative' : 'neutral', terms: [] };
  },
}));

const { loadSchema, textStance } = await import('../../src/stance/index.js');
const schema = loadSchema();
const evidenceOf = (text: string): string[] => textStance(text, schema).evidence.map((e) => `${e.kind} ${e.label} ${e.weight} ${e.text}`);

beforeEach(() => {
  scored.length = 0;
});

test('a positive clause about Microsoft supports pro-microsoft, below the threshold on its own', () => {
  const stance = textStance('Microsoft a été super sur ce coup.', schema);
  expect([stance.label, stance.scores]).toEqual(['neutral', { 'pro-microsoft': 0.75, 'pro-board': 0, sceptical: 0, neutral: 1 }]);
  expect(evidenceOf('Microsoft a été super sur ce coup.')).toEqual(['clause pro-microsoft 0.75 positive about Microsoft: "Microsoft a été super sur ce coup."']);
});

test('only the clause naming the target is scored, not the rest of the sentence', () => {
  expect(evidenceOf('Le board est moche, mais Microsoft reste calme.')).toEqual(['clause sceptical 0.75 negative about board: "Le board est moche,"']);
  expect(scored).toEqual(['Le board est moche,', 'mais Microsoft reste calme.']);
});

test('the same polarity about the same target counts once', () => {
  expect(evidenceOf('MS est super. Satya est super. Nadella est super.')).toEqual(['clause pro-microsoft 0.75 positive about MS: "MS est super."']);
});

test('a positive clause about the board and one about Microsoft', () => {
  expect(evidenceOf('Le CA est super. Microsoft est moche.')).toEqual([
    'clause pro-board 0.75 positive about CA: "Le CA est super."',
    'clause pro-board 0.75 negative about Microsoft: "Microsoft est moche.", siding with pro-board',
  ]);
});

test('a clause with a stance cue is not scored by sentiment: the cue is more specific', () => {
  expect(evidenceOf('Microsoft a une victoire à la Pyrrhus, super.')).toEqual(['cue sceptical 2 victoire à la Pyrrhus']);
  expect(scored).toEqual([]);
});

test('a target with a weaker rule: OpenAI', () => {
  expect(evidenceOf("OpenAI c'est moche.")).toEqual(['clause sceptical 0.5 negative about OpenAI: "OpenAI c\'est moche."']);
});

test('a cue and a clause together cross the threshold', () => {
  const stance = textStance('Microsoft est super. Microsoft contrôle OpenAI.', schema);
  expect([stance.label, stance.confidence, stance.scores]).toEqual([
    'pro-microsoft', 0.636, { 'pro-microsoft': 1.75, 'pro-board': 0, sceptical: 0, neutral: 1 },
  ]);
});
