import { ThreadStanceError } from '../../src/errors.js';
import { evaluateThread } from '../../src/evaluate/compare.js';
import { formatEvaluation } from '../../src/evaluate/format.js';
import { parseGold } from '../../src/evaluate/gold.js';
import { classificationMetrics, cohenKappa } from '../../src/evaluate/metrics.js';
import { TINY_LABELS, threadWithHostileText } from '../fixtures/report/builders.js';

function pairs(gold: string[], predicted: string[]) {
  return gold.map((g, i) => ({ gold: g, predicted: predicted[i] }));
}

describe('classification metrics', () => {
  test('worked example: accuracy, per-label precision/recall/F1, macro-F1, confusion', () => {
    const m = classificationMetrics(pairs(['a', 'a', 'b', 'b', 'c'], ['a', 'b', 'b', 'b', 'a']), ['c', 'b', 'a']);
    expect(m.labels).toEqual(['c', 'b', 'a']);
    expect(m.accuracy).toBe(0.6);
    expect(m.confusion).toEqual([
      [0, 0, 1],
      [0, 2, 0],
      [0, 1, 1],
    ]);
    expect(m.perLabel.map((l) => [l.label, l.precision, l.recall, l.f1, l.support, l.predicted])).toEqual([
      ['c', 0, 0, 0, 1, 0],
      ['b', 2 / 3, 1, 0.8, 2, 3],
      ['a', 0.5, 0.5, 0.5, 2, 2],
    ]);
    expect(m.macroF1).toBeCloseTo(1.3 / 3, 12);
    // Kappa by hand: n = 5, 3 on the diagonal, so po = 3/5. Row totals (c, b, a) 1, 2, 2; column
    // totals 0, 3, 2; pe = (1·0 + 2·3 + 2·2) / 25 = 10/25. (3/5 − 10/25) / (1 − 10/25) = 5/15 = 1/3.
    expect(m.kappa).toBeCloseTo(1 / 3, 12);
  });

  test('labels that occur nowhere are left out; unknown ones come after, by name', () => {
    const m = classificationMetrics(pairs(['neutral', 'zz'], ['neutral', 'aa']), ['positive', 'negative', 'neutral']);
    expect(m.labels).toEqual(['neutral', 'aa', 'zz']);
    expect(m.macroF1).toBeCloseTo(1 / 3, 12);
  });

  test('nothing to compare gives zeros, not NaN', () => {
    const m = classificationMetrics([]);
    expect([m.total, m.accuracy, m.macroF1, m.kappa, m.labels]).toEqual([0, 0, 0, 0, []]);
  });
});

describe("Cohen's kappa", () => {
  test('the textbook 2×2 table: po 0.7, pe 0.5, kappa 0.4', () => {
    // 50 items: yes/yes 20, yes/no 5, no/yes 10, no/no 15. po = 35/50 = 0.7; rows 25, 25 and
    // columns 30, 20 give pe = (25·30 + 25·20) / 50² = 0.5; (0.7 − 0.5) / (1 − 0.5) = 0.4.
    expect(cohenKappa([[20, 5], [10, 15]])).toBe(0.4);
  });

  test('perfect agreement is 1, systematic disagreement on two balanced labels is −1', () => {
    expect(cohenKappa([[3, 0, 0], [0, 2, 0], [0, 0, 1]])).toBe(1);
    // po = 0; rows 2, 2 and columns 2, 2 give pe = 0.5: (0 − 0.5) / 0.5 = −1.
    expect(cohenKappa([[0, 2], [2, 0]])).toBe(-1);
  });

  test('agreement no better than chance is 0', () => {
    // po = 0.5; rows 2, 2 and columns 2, 2 give pe = 0.5.
    expect(cohenKappa([[1, 1], [1, 1]])).toBe(0);
  });

  test('pe = 1 (both labellers used one and the same label throughout) is defined as 1; no items give 0', () => {
    expect(cohenKappa([[5]])).toBe(1);
    expect(cohenKappa([[0, 0], [0, 4]])).toBe(1);
    expect(cohenKappa([[0, 0], [0, 0]])).toBe(0);
    expect(cohenKappa([])).toBe(0);
  });
});

describe('gold file', () => {
  test('reads any subset of fields, ignores extra ones and blank lines', () => {
    const text = '\uFEFF{"index":1,"parent":0,"sentiment":"positive","why":"praise"}\n\n{"index":2,"stance":"sceptical","agreement":"disagree"}\r\n';
    expect(parseGold(text, 'g.jsonl', { stanceLabels: TINY_LABELS })).toEqual([
      { index: 1, parent: 0, sentiment: 'positive', line: 1 },
      { index: 2, stance: 'sceptical', agreement: 'disagree', line: 3 },
    ]);
  });

  test.each([
    ['{"index":1}\n{"index":2,', 'g.jsonl:2: expected one JSON object per line; '],
    ['[1]', 'g.jsonl:1: expected a JSON object; found [1]'],
    ['{"index":0}', 'g.jsonl:1: "index" must be a comment number (1 or more); found 0'],
    ['{"index":"3"}', 'g.jsonl:1: "index" must be a comment number (1 or more); found "3"'],
    ['{"index":1}\n{"index":1}', 'g.jsonl:2: comment 1 is labelled twice (first on line 1)'],
    ['{"index":3,"parent":3}', 'g.jsonl:1: "parent" must be 0 (the article) or an earlier comment number (below 3); found 3'],
    ['{"index":1,"sentiment":"positif"}', 'g.jsonl:1: "sentiment" must be one of positive, negative, neutral; found "positif"'],
    ['{"index":1,"stance":"pro-msft"}', 'g.jsonl:1: "stance" must be one of pro-microsoft, sceptical; found "pro-msft"'],
    ['{"index":1,"agreement":"yes"}', 'g.jsonl:1: "agreement" must be one of agree, disagree, none; found "yes"'],
    ['\n\n', 'g.jsonl: no gold records: expected one JSON object per line'],
  ])('%j is rejected as %j', (text, message) => {
    let caught: unknown;
    try {
      parseGold(text, 'g.jsonl', { stanceLabels: TINY_LABELS });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ThreadStanceError);
    expect((caught as ThreadStanceError).located.startsWith(message)).toBe(true);
  });
});

describe('evaluating a thread', () => {
  // The hostile thread's analyzer labels: #1 positive/pro-microsoft (top level), #2 negative/sceptical
  // reply to #1 by mention, disagree; #3 neutral/sceptical top level.
  const GOLD = [
    '{"index":1,"parent":0,"sentiment":"positive","stance":"pro-microsoft","agreement":"none"}',
    '{"index":2,"parent":1,"sentiment":"neutral","stance":"sceptical","agreement":"disagree"}',
    '{"index":3,"parent":2,"sentiment":"neutral","stance":"pro-microsoft","agreement":"agree"}',
  ].join('\n');

  test('parent by evidence, label metrics, agreement on gold replies only', () => {
    const report = evaluateThread(threadWithHostileText(), parseGold(GOLD, 'g.jsonl'), 'g.jsonl', { stanceLabels: TINY_LABELS });
    expect(report.parent).toEqual({
      compared: 3, correct: 2, accuracy: 2 / 3,
      byEvidence: [
        { evidence: 'mention', comments: 1, correct: 1, accuracy: 1 },
        { evidence: 'none', comments: 2, correct: 1, accuracy: 0.5 },
      ],
      mismatches: [{ index: 3, gold: '2', predicted: '0', evidence: 'none' }],
    });
    expect(report.fields.map((f) => [f.field, f.metrics.total, f.metrics.correct])).toEqual([
      ['sentiment', 3, 2],
      ['stance', 3, 2],
      ['agreement', 2, 1],
    ]);
    // Kappa by hand. Sentiment: po 2/3, gold shares (pos, neg, neu) 1/3, 0, 2/3, predicted 1/3 each,
    // pe = 1/3, kappa 0.5. Stance: po 2/3, rows 2, 1, columns 1, 2, pe = 4/9, kappa 0.4. Agreement:
    // po 1/2, rows (agree, disagree, none) 1, 1, 0, columns 0, 1, 1, pe = 1/4, kappa 1/3.
    expect(report.fields.map((f) => f.metrics.kappa)).toEqual([0.5, 0.4, 1 / 3]);
    expect(report.fields[2].scope).toBe('replies only (gold parent is a comment, not the article)');
    expect(report.fields[2].mismatches).toEqual([{ index: 3, gold: 'agree', predicted: 'none' }]);
  });

  test('the text report, exactly', () => {
    const report = evaluateThread(threadWithHostileText(), parseGold(GOLD, 'g.jsonl'), 'g.jsonl', { stanceLabels: TINY_LABELS });
    expect(formatEvaluation(report)).toBe(
      [
        'evaluate: tests/hostile.txt (3 comments) against g.jsonl (3 labelled comments)',
        '',
        'parent: 3 comments, accuracy 0.667 (2/3)',
        '  evidence used  comments  correct  accuracy',
        '  mention               1        1     1.000',
        '  none                  2        1     0.500',
        '  differs on: #3 gold 2 got 0',
        '',
        'sentiment: 3 comments (all labelled comments), accuracy 0.667 (2/3), macro-F1 0.556, kappa 0.500',
        '  label     precision  recall     F1  gold  predicted',
        '  positive      1.000   1.000  1.000     1          1',
        '  negative      0.000   0.000  0.000     0          1',
        '  neutral       1.000   0.500  0.667     2          1',
        '  confusion matrix (rows: gold, columns: predicted)',
        '  gold \\ predicted  positive  negative  neutral',
        '  positive                 1         0        0',
        '  negative                 0         0        0',
        '  neutral                  0         1        1',
        '  differs on: #2 neutral→negative',
        '',
        'stance: 3 comments (all labelled comments), accuracy 0.667 (2/3), macro-F1 0.667, kappa 0.400',
        '  label          precision  recall     F1  gold  predicted',
        '  pro-microsoft      1.000   0.500  0.667     2          1',
        '  sceptical          0.500   1.000  0.667     1          2',
        '  confusion matrix (rows: gold, columns: predicted)',
        '  gold \\ predicted  pro-microsoft  sceptical',
        '  pro-microsoft                 1          1',
        '  sceptical                     0          1',
        '  differs on: #3 pro-microsoft→sceptical',
        '',
        'agreement: 2 comments (replies only (gold parent is a comment, not the article)), accuracy 0.500 (1/2), macro-F1 0.333, kappa 0.333',
        '  label     precision  recall     F1  gold  predicted',
        '  agree         0.000   0.000  0.000     1          0',
        '  disagree      1.000   1.000  1.000     1          1',
        '  none          0.000   0.000  0.000     0          1',
        '  confusion matrix (rows: gold, columns: predicted)',
        '  gold \\ predicted  agree  disagree  none',
        '  agree                 0         0     1',
        '  disagree              0         1     0',
        '  none                  0         0     0',
        '  differs on: #3 agree→none',
        '',
      ].join('\n'),
    );
  });

  test("without gold parents, agreement uses the analyzer's replies and says so", () => {
    const gold = parseGold('{"index":2,"agreement":"disagree"}\n{"index":3,"agreement":"none"}', 'g.jsonl');
    const report = evaluateThread(threadWithHostileText(), gold, 'g.jsonl');
    expect(report.parent).toBeUndefined();
    expect(report.fields.map((f) => [f.field, f.scope, f.metrics.total, f.metrics.accuracy])).toEqual([
      ['agreement', "replies only (the analyzer's parent is a comment, not the article)", 1, 1],
    ]);
  });

  test('a labelled comment the thread does not have is an error at its gold line', () => {
    const gold = parseGold('{"index":1,"sentiment":"neutral"}\n{"index":4,"sentiment":"neutral"}', 'g.jsonl');
    expect(() => evaluateThread(threadWithHostileText(), gold, 'g.jsonl')).toThrow('comment 4 is labelled, but tests/hostile.txt has 3 comments');
    try {
      evaluateThread(threadWithHostileText(), gold, 'g.jsonl');
    } catch (error) {
      expect((error as ThreadStanceError).located).toBe('g.jsonl:2: comment 4 is labelled, but tests/hostile.txt has 3 comments');
    }
  });
});
