/**
 * Replies answered back by the author they answer (`A → B → A`), within a bounded look-ahead, and
 * the reports writer holding comments back far enough to know it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ANSWER_WINDOW, AnswerWatch, answerWatchOf } from '../../src/stance/answer-watch.js';
import type { Comment, Thread } from '../../src/model.js';
import { analyzeSentimentAndStance } from '../../src/pipeline.js';
import { analyzeAndWriteReports, type ReportSettings } from '../../src/batch/thread-reports.js';
import { loadSchema } from '../../src/stance/index.js';
import { threadOf, type CommentSpec } from './builders.js';

type Seen = Pick<Comment, 'index' | 'author' | 'parentIndex'>;

/** Comments `[author, parentIndex]`, numbered 1..n in order. */
function comments(...specs: [string, number][]): Seen[] {
  return specs.map(([author, parentIndex], i) => ({ index: i + 1, author, parentIndex }));
}

/** The indexes a watch over `seen` says were answered back. */
function answeredBack(seen: Seen[], watch = answerWatchOf(seen)): number[] {
  return seen.filter((c) => watch.answeredBack(c.index)).map((c) => c.index);
}

describe('answered back', () => {
  test('a reply whose parent\'s author answers it; not the top-level comment, not a reply answered by someone else', () => {
    // alice posts, bob answers her, alice answers bob (2 answered back), carol answers alice's reply (3 is not: carol is not bob).
    expect(answeredBack(comments(['alice', 0], ['bob', 1], ['alice', 2], ['carol', 3]))).toEqual([2]);
    // A long exchange: every reply but the last is answered back.
    expect(answeredBack(comments(['alice', 0], ['bob', 1], ['alice', 2], ['bob', 3], ['alice', 4]))).toEqual([2, 3, 4]);
    // A top-level comment answered by its author's reply is not answered back: it answered nobody.
    expect(answeredBack(comments(['alice', 0], ['bob', 0], ['alice', 2]))).toEqual([]);
  });

  test('the other side of the same exchanges: the comment that answers back, at any distance', () => {
    const seen = comments(['alice', 0], ['bob', 1], ['alice', 2], ['carol', 3], ['bob', 3], ...Array.from({ length: ANSWER_WINDOW + 1 }, (_, i): [string, number] => [`f${i}`, 0]), ['bob', 3]);
    const watch = answerWatchOf(seen);
    // 3 (alice → bob → alice) and both of bob's answers to it, 5 and the last one however late; not carol's 4.
    expect(seen.filter((c) => watch.answersBack(c.index)).map((c) => c.index)).toEqual([3, 5, seen.length]);
    expect(answeredBack(seen, watch)).toEqual([2, 3]);
  });

  test(`the answer counts within ${ANSWER_WINDOW} comments, not after`, () => {
    const filler = (n: number): [string, number][] => Array.from({ length: n }, (_, i): [string, number] => [`f${i}`, 0]);
    // bob's reply is comment 2: alice's answer as comment 2 + ANSWER_WINDOW counts, one later does not.
    expect(answeredBack(comments(['alice', 0], ['bob', 1], ...filler(ANSWER_WINDOW - 1), ['alice', 2]))).toEqual([2]);
    expect(answeredBack(comments(['alice', 0], ['bob', 1], ...filler(ANSWER_WINDOW), ['alice', 2]))).toEqual([]);
  });

  test('hand-built indexes out of 1..n order are looked up by index; an unknown index is not answered back', () => {
    const seen: Seen[] = [{ index: 10, author: 'alice', parentIndex: 0 }, { index: 20, author: 'bob', parentIndex: 10 }, { index: 30, author: 'alice', parentIndex: 20 }];
    const watch = new AnswerWatch();
    for (const c of seen) watch.see(c);
    expect([10, 20, 30, 2, 99].map((index) => watch.answeredBack(index))).toEqual([false, true, false, false, false]);
  });
});

describe('the reports writer looks as far ahead as the whole-thread analysis', () => {
  const schema = loadSchema();
  const settings: ReportSettings = { formats: ['json'], excel: false, rulesOnly: false, labels: schema.labelIds };
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ts-answer-'));
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  /**
   * Bob's reply (31) ends the writer's first batch of 32 comments; Alice answers it as comment 40,
   * in the next batch. Fillers between are top-level remarks by other readers.
   */
  function exchangeAcrossBatches(upTo = 40): Thread {
    const specs: CommentSpec[] = Array.from({ length: 29 }, (_, i): CommentSpec => [`lecteur${i}`, 0, 'Article intéressant, merci.']);
    specs.push(['alice', 0, 'Microsoft a tout gagné, coup de maître de Nadella.'], ['bob', 30, 'Non, c\'est une victoire à la Pyrrhus.']);
    for (let i = 32; i < 40; i++) specs.push([`lecteur${i}`, 0, 'On verra bien la suite.']);
    specs.push(['alice', 31, 'Tu verras bien dans un an.']);
    return threadOf(specs.slice(0, upTo));
  }

  test('a reply answered back in the next batch gets the labels of the whole-thread analysis, not those of a thread cut before the answer', async () => {
    const whole = exchangeAcrossBatches();
    analyzeSentimentAndStance(whole, schema);
    const cut = exchangeAcrossBatches(31);
    analyzeSentimentAndStance(cut, schema);
    const dir = path.join(work, 'reports');
    await analyzeAndWriteReports(exchangeAcrossBatches(), schema, dir, settings);
    const written = JSON.parse(fs.readFileSync(path.join(dir, 'thread.json'), 'utf8')).comments[30];
    expect(answerWatchOf(whole.comments).answeredBack(31)).toBe(true);
    expect(written.agreementProbability).toBe(whole.comments[30].agreementProbability);
    expect(written.agreementProbability).not.toBe(cut.comments[30].agreementProbability);
  });
});
