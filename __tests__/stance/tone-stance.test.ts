/**
 * Session 4 (round 2): what the sentiment stage's label for the whole comment tells the stance.
 * A comment that blames or doubts the actors in a negative tone, without cue words and without
 * siding, is sceptical (top-level comments since session 4, replies too since session 6); praise of the move set in a comment that reads negative as a whole
 * is sarcastic. Sentiment labels are set by hand: the signals read that stage's label, whatever its
 * lexicon decides. Texts are French written for these tests.
 */
import type { SentimentLabel, Thread } from '../../src/model.js';
import { analyzeStance } from '../../src/stance/index.js';
import { opensWithQuestion } from '../../src/stance/negative-tone.js';
import { parseSchema } from '../../src/stance/schema.js';
import { tokenizeForCues } from '../../src/stance/text.js';
import { replyChain, threadOf } from './builders.js';
import { cuesOnlySchema, schemaJson } from './schemas.js';

const schema = cuesOnlySchema();

/** One top-level comment carrying the given sentiment label, analyzed with `withSchema`. */
function alone(text: string, label: SentimentLabel, withSchema = schema): Thread {
  const thread = threadOf([['a0', 0, text]]);
  thread.comments[0].sentiment = { score: label === 'positive' ? 2 : label === 'negative' ? -2 : 0, comparative: 0, label, terms: [] };
  analyzeStance(thread, withSchema, null);
  return thread;
}

/** `label`, then `kind label weight text` of each piece of evidence of comment `index`. */
function stanceOf(thread: Thread, index = 1): string[] {
  const stance = thread.comments[index - 1].stance!;
  return [stance.label, ...stance.evidence.map((e) => `${e.kind} ${e.label} ${e.weight} ${e.text}`)];
}

describe('a negative comment about the actors, without a side, is sceptical', () => {
  const blame = 'Le conseil n’a toujours donné aucune explication. On prépare un minimum sa sortie quand on vire quelqu’un.';

  test('blame of the board without a cue word', () => {
    expect(stanceOf(alone(blame, 'negative'))).toEqual(['sceptical', 'negative-tone sceptical 1 negative tone about conseil, no side taken']);
  });

  test('the same words read neutral or positive take no position', () => {
    expect(stanceOf(alone(blame, 'neutral'))).toEqual(['neutral']);
    expect(stanceOf(alone(blame, 'positive'))).toEqual(['neutral']);
  });

  test('no target named: a bad mood is not a position on the affair', () => {
    expect(stanceOf(alone('Quelle semaine pénible, je n’en peux plus de ces notifications.', 'negative'))).toEqual(['neutral']);
  });

  test('a comment that opens with a question asks; it does not doubt', () => {
    expect(stanceOf(alone('Quelqu’un sait pourquoi le conseil a fait ça ? Je suis perdu et inquiet.', 'negative'))).toEqual(['neutral']);
  });

  test('a comment leaning to a side, even below the threshold, is not doubt', () => {
    // "charte" is a weak pro-board cue (0.75): the negative tone is not read as doubt on top of it.
    expect(stanceOf(alone('Le conseil s’accroche à sa charte et voilà le résultat, tout le monde s’en va.', 'negative'))).toEqual([
      'neutral',
      'cue pro-board 0.75 charte',
    ]);
  });

  test('a reply that blames an actor without siding is sceptical too (its own words, whatever it answers)', () => {
    const thread = replyChain('Quelqu’un sait où en est Altman ce matin ?', 'Le conseil n’a toujours donné aucune explication, voilà où on en est.');
    thread.comments.forEach((c) => (c.sentiment = { score: -2, comparative: 0, label: 'negative', terms: [] }));
    analyzeStance(thread, schema, null);
    expect(stanceOf(thread, 2)).toEqual(['sceptical', 'negative-tone sceptical 1 negative tone about conseil, no side taken']);
  });

  test('a schema without `negativeTone` keeps the comment neutral (the rule is data)', () => {
    const { negativeTone: _dropped, ...rest } = { ...schemaJson('altman-microsoft.json'), clauseSentimentWeight: 0 } as Record<string, unknown>;
    const without = parseSchema(rest, 'altman-microsoft (no negative tone)');
    expect(stanceOf(alone(blame, 'negative', without))).toEqual(['neutral']);
  });
});

describe('opensWithQuestion', () => {
  const opens = (text: string): boolean => opensWithQuestion(tokenizeForCues(text, schema.tables.clauseConnectors));

  test('the first sentence ends with a question mark', () => {
    expect([opens('Qui a voté le renvoi ? Personne ne le dit.'), opens('Personne ne le dit. Qui a voté le renvoi ?'), opens('Vraiment ??'), opens('')]).toEqual([
      true,
      false,
      true,
      false,
    ]);
  });
});

describe('praise of the move in a comment that reads negative as a whole is sarcastic', () => {
  const paid = 'Microsoft paie des milliards pour regarder sa poule aux œufs d’or se déchirer. Joli coup 👍';

  test('read negative: the praise counts for the label of mockery', () => {
    expect(stanceOf(alone(paid, 'negative'))).toEqual(['sceptical', 'irony sceptical 2 Joli coup (ironic)']);
  });

  test('read positive: the same praise is praise of Microsoft', () => {
    // No target in its own sentence: the group's fallback label (scope `sentence`).
    expect(stanceOf(alone(paid, 'positive'))).toEqual(['pro-microsoft', 'cue pro-microsoft 2 Joli coup']);
  });
});
