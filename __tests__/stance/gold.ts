/**
 * A labelled thread for the gold tests: the pipeline's output next to a person's labels, and the
 * figures `evaluate` reports (accuracy, macro-F1, confusion matrix, the comments it gets wrong).
 */
import { readFileSync } from 'node:fs';
import type { Comment } from '../../src/model.js';
import { analyzeText } from '../../src/pipeline.js';

export interface GoldLine {
  index: number;
  parent: number;
  stance?: string;
  agreement: string;
}

export const STANCE_LABELS = ['pro-microsoft', 'pro-board', 'sceptical', 'neutral'];
export const AGREEMENT_LABELS = ['agree', 'disagree', 'none'];

const root = new URL('../../', import.meta.url).pathname;

/**
 * The analyzed thread (rules only: the learned label models are trained on these threads) and its
 * gold lines, both read from the repository.
 */
export function goldThread(threadFile: string, goldFile: string): { gold: GoldLine[]; comment: (index: number) => Comment } {
  const gold: GoldLine[] = readFileSync(`${root}${goldFile}`, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
  const thread = analyzeText(readFileSync(`${root}${threadFile}`, 'utf8'), threadFile.split('/').at(-1)!, { labelModels: null });
  return { gold, comment: (index) => thread.comments[index - 1] };
}

export const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/** Macro-F1 over `labels` of `[gold, predicted]` pairs (a label never predicted right scores 0). */
export function macroF1(pairs: [gold: string, predicted: string][], labels: readonly string[]): number {
  let sum = 0;
  for (const label of labels) {
    const tp = pairs.filter(([g, p]) => g === label && p === label).length;
    const fp = pairs.filter(([g, p]) => g !== label && p === label).length;
    const fn = pairs.filter(([g, p]) => g === label && p !== label).length;
    sum += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  }
  return sum / labels.length;
}

/** Rows: gold label; columns: predicted; both in `labels` order. */
export function confusion(pairs: [string, string][], labels: readonly string[]): number[][] {
  return labels.map((g) => labels.map((p) => pairs.filter(([a, b]) => a === g && b === p).length));
}

/** `[correct, accuracy, macro-F1]` of the pairs. */
export function scores(pairs: [string, string][], labels: readonly string[]): [number, number, number] {
  const correct = pairs.filter(([g, p]) => g === p).length;
  return [correct, round3(correct / pairs.length), round3(macroF1(pairs, labels))];
}
