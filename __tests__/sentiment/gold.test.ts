import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseThread } from '../../src/parse/index.js';
import { buildThread } from '../../src/thread/index.js';
import { scoreSentiment } from '../../src/sentiment/index.js';
import type { SentimentLabel } from '../../src/model.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const readJsonl = <T>(file: string): T[] =>
  fs
    .readFileSync(path.join(root, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);

const LABELS: SentimentLabel[] = ['positive', 'negative', 'neutral'];

/** Correct count and macro-F1 of predicted labels against human ones. */
function agreement(gold: SentimentLabel[], predicted: SentimentLabel[]): { correct: number; macroF1: number } {
  let correct = 0;
  for (let i = 0; i < gold.length; i++) if (gold[i] === predicted[i]) correct += 1;
  let sum = 0;
  for (const label of LABELS) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < gold.length; i++) {
      if (predicted[i] === label && gold[i] === label) tp += 1;
      else if (predicted[i] === label) fp += 1;
      else if (gold[i] === label) fn += 1;
    }
    const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
    const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
    sum += precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  }
  return { correct, macroF1: Math.round((sum / LABELS.length) * 1000) / 1000 };
}

describe('sentiment against human labels (regression guard: the counts change only on purpose)', () => {
  test('the 48 MacG comments (gold labels by a person, scored on ownText)', () => {
    const text = fs.readFileSync(path.join(root, 'corpus', 'macg-altman-microsoft-comments.txt'), 'utf8');
    const thread = buildThread(parseThread(text, 'macg-altman-microsoft-comments.txt', 'auto'), {});
    const gold = readJsonl<{ index: number; sentiment: SentimentLabel }>('__tests__/fixtures/macg-altman-microsoft.gold.jsonl');
    const predicted = gold.map((row) => scoreSentiment(thread.comments[row.index - 1].ownText).label);
    expect(agreement(gold.map((row) => row.sentiment), predicted)).toEqual({ correct: 41, macroF1: 0.833 });
  });

  test.each([
    // 53/60 (0.882) until session 12 read `rachetés` as neutral (vader-fr's 1.3 is "redeemed"): #44
    // ("rachetés, laissés en autonomie, et ça roule très bien") lost the praise it owed to that word.
    // 53/60 (0.884) since lex-20: #37 ('... et maintenant les meilleurs chercheurs en IA… ça commence à faire beaucoup') reads 'les meilleurs' as the name of a group (0.8), not praise.
    // 54/60 (0.901) since lex-21: #38 ('Le fric finit toujours par gagner :(') reads 'finit toujours par gagner' as resignation, not a win.
    ['dev-blind', 'altman-thread', 60, 54, 0.901],
    ['dev-blind', 'apple-thread', 40, 37, 0.925],
    // Measured blind once at 34/50 (0.677) and 26/40 (0.641), before the fourth review studied their errors.
    // 45/50 (0.9) since lex-21: #24 ('ils n'ont pas réfléchi deux secondes') reads the set phrase with its 'pas', not a negated word.
    ['dev-blind-2', 'altman-forum', 50, 45, 0.9],
    // teletravail: 32/40 (0.8) before the round-7 constructions (`Et les parents, dans tout ça ?`).
    ['dev-blind-2', 'teletravail', 40, 33, 0.825],
  ])('the %s/%s development thread (%i comments written and labelled blind, studied since)', (folder, name, size, correct, macroF1) => {
    const text = fs.readFileSync(path.join(root, '__tests__', 'fixtures', folder, `${name}.txt`), 'utf8');
    const thread = buildThread(parseThread(text, `${name}.txt`, 'auto'), {});
    const gold = readJsonl<{ index: number; sentiment: SentimentLabel }>(`__tests__/fixtures/${folder}/${name}.gold.jsonl`);
    expect(gold.length).toBe(size);
    const predicted = gold.map((row) => scoreSentiment(thread.comments[row.index - 1].ownText).label);
    expect(agreement(gold.map((row) => row.sentiment), predicted)).toEqual({ correct, macroF1 });
  });

  test('58 press sentences labelled by reading before the analyzer ran (held out until the second lexicon review, seen since)', () => {
    const gold = readJsonl<{ text: string; sentiment: SentimentLabel }>('__tests__/fixtures/sentiment/press-sentences.gold.jsonl');
    const predicted = gold.map((row) => scoreSentiment(row.text).label);
    expect(agreement(gold.map((row) => row.sentiment), predicted)).toEqual({ correct: 47, macroF1: 0.781 });
  });
});
