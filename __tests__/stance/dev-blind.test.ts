/**
 * The whole pipeline on the two development threads written blind by another person
 * (`__tests__/fixtures/dev-blind/`, see its README), against that person's labels. Asserted
 * exactly, like the seed thread, so that any change in cues, reply tree or sentiment that moves
 * them shows up. These threads guided the generalisation of the cues, so they overstate accuracy
 * on unseen threads too (less than the seed thread does); the final measure is on a held-out set.
 * Agreement is measured on replies (gold parent is a comment), as `evaluate` does.
 */
import { AGREEMENT_LABELS, confusion, goldThread, scores, STANCE_LABELS } from './gold.js';

describe('altman-thread (60 comments)', () => {
  const { gold, comment } = goldThread('__tests__/fixtures/dev-blind/altman-thread.txt', '__tests__/fixtures/dev-blind/altman-thread.gold.jsonl');
  const stancePairs = gold.map((g): [string, string] => [g.stance!, comment(g.index).stance!.label]);
  const replies = gold.filter((g) => g.parent > 0);
  const agreementPairs = replies.map((g): [string, string] => [g.agreement, comment(g.index).agreement!]);

  test('stance: correct, accuracy, macro-F1 and the confusion matrix', () => {
    expect(scores(stancePairs, STANCE_LABELS)).toEqual([54, 0.9, 0.849]);
    // rows: gold label, columns: predicted, both in STANCE_LABELS order
    expect(confusion(stancePairs, STANCE_LABELS)).toEqual([
      [10, 0, 0, 1],
      [1, 4, 2, 1],
      [0, 1, 15, 0],
      [0, 0, 0, 25],
    ]);
  });

  test('stance: the comments it gets wrong', () => {
    expect(gold.filter((g) => g.stance !== comment(g.index).stance!.label).map((g) => `${g.index} ${g.stance} -> ${comment(g.index).stance!.label}`)).toEqual([
      // 8 and 30 disagree with a pro-Microsoft and a pro-board comment without a position of their own
      // words: they take the counter-stance (session 4), which this writer did not.
      '8 pro-board -> pro-microsoft',
      // 12 was here: praise of the move ("masterclass") in a comment that reads negative as a whole
      // is sarcastic (session 4, round 2).
      '29 sceptical -> pro-board',
      '30 pro-board -> sceptical',
      // 37 agrees ("t'as raison") with a pro-board worry about Microsoft's reach. Since lex-20 its own
      // sentiment is negative, as the writer has it, and the rules read that tone as sceptical; the
      // learned stance model, which weighs the agreement with the parent, gives pro-board.
      '37 pro-board -> sceptical',
      // 33 was here: `juridique` ("ce montage juridique") no longer counts as a legal doubt (cues-20).
      '49 pro-microsoft -> neutral',
      '55 pro-board -> neutral',
    ]);
  });

  test('agreement on the 30 replies: correct, accuracy, macro-F1 and the replies it gets wrong', () => {
    expect([replies.length, ...scores(agreementPairs, AGREEMENT_LABELS)]).toEqual([30, 26, 0.867, 0.84]);
    expect(replies.filter((g) => g.agreement !== comment(g.index).agreement).map((g) => `${g.index} ${g.agreement} -> ${comment(g.index).agreement}`)).toEqual([
      '2 none -> disagree',
      '23 none -> agree',
      // 27 ("Ça rassure, comme tu dis.") only picks up a word of 26: top level since the rule that
      // linked such replies was dropped (session 17: 7 right of 66 over the labelled threads).
      '27 agree -> none',
      // 30 was here: "Ça ne prouve pas qu'il ait raison" now reads as disagreement (session 3b).
      // 42: thanks opening a reply count as agreement (measured prior, session 3); this writer
      // labelled thanks for a tip `none`.
      '42 none -> agree',
      // 56 was here: a negative reply to a positive comment, without a cue, now disagrees (session 4).
    ]);
  });
});

describe('apple-thread (40 comments, agreement only: no stance schema for this debate)', () => {
  const { gold, comment } = goldThread('__tests__/fixtures/dev-blind/apple-thread.txt', '__tests__/fixtures/dev-blind/apple-thread.gold.jsonl');
  const replies = gold.filter((g) => g.parent > 0);
  const pairs = replies.map((g): [string, string] => [g.agreement, comment(g.index).agreement!]);

  test('agreement on the 20 replies: correct, accuracy, macro-F1, confusion and the replies it gets wrong', () => {
    expect([replies.length, ...scores(pairs, AGREEMENT_LABELS)]).toEqual([20, 15, 0.75, 0.74]);
    expect(confusion(pairs, AGREEMENT_LABELS)).toEqual([
      [6, 0, 2],
      [0, 6, 1],
      [2, 0, 3],
    ]);
    expect(replies.filter((g) => g.agreement !== comment(g.index).agreement).map((g) => `${g.index} ${g.agreement} -> ${comment(g.index).agreement}`)).toEqual([
      // 18: the reply tree places it at top level (quote / continuation not found).
      '3 agree -> none',
      // 16 and 21: thanks opening a reply count as agreement (8 of 11 such replies over all
      // labelled threads); this writer labelled thanks for information `none`.
      '16 none -> agree',
      '18 disagree -> none',
      '21 none -> agree',
      // 33 ("Tout seul, c'est bien ça le problème.") only picks up words of 32: top level since
      // session 17, as 27 of the altman thread.
      '33 agree -> none',
      // 24 ("+1" under 23) now answers the comment above (session 11), and 29, a flat reply to a
      // comment of positive tone, now disagrees.
    ]);
  });
});
