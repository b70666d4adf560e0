/**
 * The whole pipeline on the 48-comment MacG thread against the hand labels of the gold file
 * (written by a person following the codebook), rules only (`labelModels: null`): the learned label
 * models are trained on this thread, so their figures here would be measured on their own data. The numbers are asserted exactly so that a change
 * in cues, parser or sentiment that moves them shows up; they were measured on the thread the cues
 * were developed against, so they overstate accuracy on unseen threads.
 */
import { readFileSync } from 'node:fs';
import { analyzeText } from '../../src/pipeline.js';

const root = new URL('../../', import.meta.url).pathname;
const gold: { index: number; stance: string; agreement: string }[] = readFileSync(`${root}__tests__/fixtures/macg-altman-microsoft.gold.jsonl`, 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line));
const thread = analyzeText(readFileSync(`${root}corpus/macg-altman-microsoft-comments.txt`, 'utf8'), 'macg-altman-microsoft-comments.txt', { labelModels: null });
const predicted = (index: number) => thread.comments[index - 1];

const LABELS = ['pro-microsoft', 'pro-board', 'sceptical', 'neutral'];
const round3 = (x: number): number => Math.round(x * 1000) / 1000;

function macroF1(pairs: [gold: string, predicted: string][]): number {
  let sum = 0;
  for (const label of LABELS) {
    const tp = pairs.filter(([g, p]) => g === label && p === label).length;
    const fp = pairs.filter(([g, p]) => g !== label && p === label).length;
    const fn = pairs.filter(([g, p]) => g === label && p !== label).length;
    sum += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  }
  return sum / LABELS.length;
}

const stancePairs = gold.map((g): [string, string] => [g.stance, predicted(g.index).stance!.label]);

test('the thread has the 48 comments of the gold file', () => {
  expect([thread.comments.length, gold.length]).toEqual([48, 48]);
});

test('stance: accuracy, macro-F1 and the confusion matrix', () => {
  const correct = stancePairs.filter(([g, p]) => g === p).length;
  expect([correct, round3(correct / 48), round3(macroF1(stancePairs))]).toEqual([47, 0.979, 0.976]);
  const confusion = LABELS.map((g) => LABELS.map((p) => stancePairs.filter(([a, b]) => a === g && b === p).length));
  // rows: gold label, columns: predicted, both in LABELS order
  expect(confusion).toEqual([
    [6, 0, 0, 1],
    [0, 1, 0, 0],
    [0, 0, 12, 0],
    [0, 0, 0, 28],
  ]);
});

test('stance: the comments it gets wrong', () => {
  expect(gold.filter((g) => g.stance !== predicted(g.index).stance!.label).map((g) => `${g.index} ${g.stance} -> ${predicted(g.index).stance!.label}`)).toEqual([
    '30 pro-microsoft -> neutral',
  ]);
});

test('agreement: accuracy and the replies it gets wrong', () => {
  const wrong = gold.filter((g) => g.agreement !== predicted(g.index).agreement);
  expect(round3((48 - wrong.length) / 48)).toBe(0.854);
  expect(wrong.map((g) => `${g.index} ${g.agreement} -> ${predicted(g.index).agreement}`)).toEqual([
    // 7: a flat reply to a comment of positive tone read as disagreement (session 11); it wonders
    // whether the article changed. 22 and 30 only pick up a word of the comment above (gold
    // parents 21 and 29): top level, so `none`, since session 17 (the rule that linked them was
    // right 7 times in 66 over the labelled threads).
    '7 none -> disagree',
    '9 agree -> none',
    '22 disagree -> none',
    '28 none -> agree',
    '30 agree -> none',
    // Thanks for figures: this gold file counts thanks as agreement, the dev-blind gold (and the
    // analyzer, since the dev set) as none.
    '32 agree -> none',
    '35 agree -> none',
  ]);
});
