/**
 * The real MacG thread (48 comments) against the hand-labelled gold file: parents, evidence,
 * own words and quotations. Expected values come from a person reading the thread.
 */
import { readFileSync } from 'node:fs';
import { parseThread } from '../../src/parse/index.js';
import { buildThread } from '../../src/thread/index.js';
import type { Thread } from '../../src/model.js';

const SOURCE = 'corpus/macg-altman-microsoft-comments.txt';
const text = readFileSync(new URL('../../corpus/macg-altman-microsoft-comments.txt', import.meta.url), 'utf8');
const goldParents: number[] = readFileSync(new URL('../fixtures/macg-altman-microsoft.gold.jsonl', import.meta.url), 'utf8')
  .split('\n').filter((line) => line.trim() !== '').map((line) => (JSON.parse(line) as { parent: number }).parent);

const thread: Thread = buildThread(parseThread(text, SOURCE));
const comment = (index: number) => thread.comments[index - 1];

/** Comments whose first line is an @mention of an earlier commenter (read off the file). */
const MENTION_REPLIES = [2, 6, 7, 8, 9, 12, 13, 14, 15, 16, 20, 23, 25, 26, 28, 32, 33, 34, 35, 36, 44, 48];
/** No mention; 31 quotes comment 30 on a whole line, 41 quotes the article title. */
const QUOTE_REPLIES = [31, 41];
/** The gold file's continuations the rule finds: an answer word or an agreement phrase (24->21, 43->42, 46->45). */
const CONTINUATIONS = [24, 43, 46];
/**
 * The gold file's continuations the rule leaves at top level: they only pick up a word of the
 * comment above (22 'partie' of 21, 30 'CEO' of 29), a rule dropped in session 17 because over the
 * 85 labelled threads it was right 7 times in 66.
 */
const PICKED_UP_WORD = [22, 30];

test('the gold file has one parent per comment, 48 in all', () => {
  expect(goldParents.length).toBe(48);
  expect(thread.comments.length).toBe(48);
});

test('every parent equals the gold parent but the two that only pick up a word of the comment above', () => {
  expect(thread.comments.map((c) => c.parentIndex)).toEqual(goldParents.map((parent, k) => (PICKED_UP_WORD.includes(k + 1) ? 0 : parent)));
  expect(PICKED_UP_WORD.map((index) => goldParents[index - 1])).toEqual([21, 29]);
});

test('each comment records the evidence of its parent', () => {
  const expected = thread.comments.map((c) =>
    MENTION_REPLIES.includes(c.index) ? 'mention'
      : QUOTE_REPLIES.includes(c.index) ? 'quote'
        : CONTINUATIONS.includes(c.index) ? 'continuation' : 'none');
  expect(thread.comments.map((c) => c.replyEvidence)).toEqual(expected);
});

test('right parents per evidence kind: mention 22/22, quote 2/2, continuation 3/3, none 19/21', () => {
  const tally: Record<string, { right: number; wrong: number }> = {};
  for (const c of thread.comments) {
    tally[c.replyEvidence] ??= { right: 0, wrong: 0 };
    tally[c.replyEvidence][c.parentIndex === goldParents[c.index - 1] ? 'right' : 'wrong']++;
  }
  expect(tally).toEqual({
    none: { right: 19, wrong: 2 }, mention: { right: 22, wrong: 0 },
    quote: { right: 2, wrong: 0 }, continuation: { right: 3, wrong: 0 },
  });
});

test('without the continuation rule exactly the five gold continuations fall back to top level', () => {
  const plain = buildThread(parseThread(text, SOURCE), { continuation: false });
  const disagreeing = plain.comments.filter((c) => c.parentIndex !== goldParents[c.index - 1]).map((c) => c.index);
  expect(disagreeing).toEqual([...CONTINUATIONS, ...PICKED_UP_WORD].sort((a, b) => a - b));
  expect(disagreeing.map((index) => plain.comments[index - 1].parentIndex)).toEqual([0, 0, 0, 0, 0]);
});

test('depth follows the parents: 9 answers 7 which answers 6 which answers 5', () => {
  expect([5, 6, 7, 9].map((index) => comment(index).depth)).toEqual([1, 2, 3, 4]);
  // 22 stays top level (it only picks up a word of 21); 23 answers it, 24 and 26 answer 21, 25 answers 24.
  expect([21, 22, 23, 24, 25, 26].map((index) => comment(index).depth)).toEqual([1, 1, 2, 2, 3, 2]);
});

test('the journalist answering on the avatar line\'s next line is a mention reply', () => {
  expect(comment(9).author).toBe('Stéphane Moussie');
  expect(comment(9).text).toBe('@Arnaudvietnam : tu es bien réveillé. J\'ai mis à jour très rapidement.');
  expect(comment(9).ownText).toBe('tu es bien réveillé. J\'ai mis à jour très rapidement.');
});

test('ownText drops the @mention and whole-line quotations, keeps emoji and own lines', () => {
  expect(comment(2).ownText).toBe('???');
  expect(comment(41).ownText).toBe('Microsoft a investi plus de $13 Mrds dans Open AI, il ne pouvait en etre autrement lol');
  expect(comment(44).ownText).toBe([
    'Je crains que votre remarque rentre prochainement dans le Guinness Book de la pire décision d\'un CA !',
    'Explication : ils voulaient juste battre Elon Musk et prendre la première place mondiale !',
    'Trop de compétition tue la compétition…',
    '😁',
  ].join('\n'));
  expect(comment(31).ownText.split('\n')[0]).toBe('C\'est bien mais ça n\'est pas complètement fou non plus.');
  expect(comment(21).ownText).toBe('ha , une PARTIE de l\'équipe, hmm...y a donc une partie de la valeur... mais peuvent ils singer légalement le travail appartenant à OpenAI ?');
  // Scare quotes are the commenter's own words.
  expect(comment(47).ownText).toContain('avec la partie "For Profit", toucher le jackpot');
  expect(comment(36).ownText).toContain('Ben le « miracle IA » est passé par là');
});

test('no comment\'s ownText contains one of its quoted passages', () => {
  const leaks = thread.comments.flatMap((c) => c.quotes.filter((q) => c.ownText.includes(q.text)).map(() => c.index));
  expect(leaks).toEqual([]);
  expect(thread.comments.filter((c) => c.quotes.length > 0).map((c) => c.index)).toEqual([13, 15, 21, 25, 28, 31, 36, 37, 41, 44, 48]);
});

test('comment 25 quotes comment 24 twice, the first time with its first letter dropped', () => {
  expect(comment(25).quotes).toEqual([
    { text: 'on, en effet. OpenAi garde en effet la propriété intellectuelle, le code, les données… Bref les années de travail et le temps d\'avance que Microsoft va devoir tenter de rattraper.', quotedIndex: 24 },
    { text: 'Elle a montré par le passé que ce genre de greffe est plutôt voué à l\'échec, même en dépensant des montagnes d\'argent.', quotedIndex: 24 },
  ]);
});

test('comment 41 quotes the article title; 21 quotes a text found nowhere in the thread', () => {
  expect(comment(41).quotes).toEqual([{ text: 'Viré d\'OpenAI, Sam Altman atterrit chez Microsoft', quotedIndex: 0 }]);
  expect(comment(21).quotes).toEqual([{ text: 'père Sam Altman, Greg Brockman et une partie de l’équipe d’OpenAI', quotedIndex: null }]);
});

test('comment 48 quotes 47 on a ">" line and English sentences of people outside the thread', () => {
  expect(comment(48).quotes).toEqual([
    { text: 'un conseil d\'administration d\'une organisation a décidé de maintenir ses principes et valeurs à l\'origine de sa fondation plutôt que de les dévoyer sur l\'autel de la fuite en avant et sans maitrise, de l\'argent et du profit.', quotedIndex: 47 },
    { text: 'These are my principles. And if you don’t like them… well, I have others.', quotedIndex: null },
    { text: 'Microsoft won a battle they didn\'t even plan to fight, that much is clear.', quotedIndex: null },
    { text: 'The guy who orchestrated Altman\'s firing is now demanding the board resign because of their incompetence in deciding to fire Altman?!', quotedIndex: null },
    { text: 'The more this plays out, the less any previously offered explanation makes any sense.', quotedIndex: null },
  ]);
  expect(comment(48).ownText.split('\n').slice(0, 4)).toEqual([
    '——Marx. Groucho Marx.',
    'Le plat de lentilles chez Microsoft doit être passablement tentant.',
    'BTW, trois des meilleurs commentaires sur le fil d’AT :',
    'IronTek',
  ]);
});

test('the thread has no warnings', () => {
  expect(thread.warnings).toEqual([]);
});
