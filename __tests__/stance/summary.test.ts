import type { SentimentLabel, Thread } from '../../src/model.js';
import { scoreSentiment } from '../../src/sentiment/index.js';
import { analyzeStance, journalistWords, summarizeThread } from '../../src/stance/index.js';
import { threadOf } from './builders.js';
import { cuesOnlySchema } from './schemas.js';

const schema = cuesOnlySchema();

/** A small debate: two sub-threads, one with two disagreements. Sentiment set by hand. */
function smallDebate(): Thread {
  const thread = threadOf([
    ['alice', 0, 'Coup de maître de Satya.'],
    ['bob', 1, 'Non, une victoire à la Pyrrhus.'],
    ['alice', 2, "Pas d'accord, c'est bien joué."],
    ['carol', 2, 'Bien vu.'],
    ['dan', 0, 'Altman arrive lundi.'],
    ['bob', 5, 'Merci pour l\'info.'],
  ]);
  const sentiments: [number, SentimentLabel][] = [[3, 'positive'], [-1, 'negative'], [2, 'positive'], [1, 'positive'], [0, 'neutral'], [2, 'positive']];
  thread.comments.forEach((c, i) => {
    const [score, label] = sentiments[i];
    c.sentiment = { score, comparative: score, label, terms: [] };
  });
  analyzeStance(thread, schema, null);
  return thread;
}

test('the comments of the small debate', () => {
  expect(smallDebate().comments.map((c) => `${c.index} ${c.stance!.label} ${c.stance!.confidence} ${c.agreement}`)).toEqual([
    '1 pro-microsoft 0.667 none',
    '2 sceptical 0.667 disagree',
    '3 pro-microsoft 0.667 disagree',
    '4 sceptical 0.533 agree',
    '5 neutral 1 none',
    // Thanks opening a reply agree (8 of the 11 such replies in the labelled threads) but carry
    // no stance (codebook: thanks for information stay neutral).
    '6 neutral 1 agree',
  ]);
});

test('per author: dominant stance (confidence-weighted), sentiment, replies, agreements with whom', () => {
  expect(summarizeThread(smallDebate(), schema).authors).toEqual([
    {
      author: 'alice', comments: 2, dominantStance: 'pro-microsoft',
      stanceShares: { 'pro-microsoft': 1, 'pro-board': 0, sceptical: 0, neutral: 0 },
      netSentiment: 1, meanScore: 2.5, repliesWritten: 1, repliesReceived: 1, agreesWith: {}, disagreesWith: { bob: 1 },
    },
    {
      author: 'bob', comments: 2, dominantStance: 'neutral',
      stanceShares: { 'pro-microsoft': 0, 'pro-board': 0, sceptical: 0.4, neutral: 0.6 },
      netSentiment: 0, meanScore: 0.5, repliesWritten: 2, repliesReceived: 2, agreesWith: { dan: 1 }, disagreesWith: { alice: 1 },
    },
    {
      author: 'carol', comments: 1, dominantStance: 'sceptical',
      stanceShares: { 'pro-microsoft': 0, 'pro-board': 0, sceptical: 1, neutral: 0 },
      netSentiment: 1, meanScore: 1, repliesWritten: 1, repliesReceived: 0, agreesWith: { bob: 1 }, disagreesWith: {},
    },
    {
      author: 'dan', comments: 1, dominantStance: 'neutral',
      stanceShares: { 'pro-microsoft': 0, 'pro-board': 0, sceptical: 0, neutral: 1 },
      netSentiment: 0, meanScore: 0, repliesWritten: 0, repliesReceived: 1, agreesWith: {}, disagreesWith: {},
    },
  ]);
});

test('per thread: stance and sentiment counts, debated sub-threads, who answers whom', () => {
  const summary = summarizeThread(smallDebate(), schema).summary;
  expect(summary).toEqual({
    comments: 6,
    authors: 4,
    replies: 4,
    stanceCounts: { 'pro-microsoft': 2, 'pro-board': 0, sceptical: 2, neutral: 2 },
    sentimentByStance: {
      'pro-microsoft': { comments: 2, netSentiment: 1, meanScore: 2.5, positive: 2, negative: 0, neutral: 0 },
      'pro-board': { comments: 0, netSentiment: 0, meanScore: 0, positive: 0, negative: 0, neutral: 0 },
      sceptical: { comments: 2, netSentiment: 0, meanScore: 0, positive: 1, negative: 1, neutral: 0 },
      neutral: { comments: 2, netSentiment: 0.5, meanScore: 1, positive: 1, negative: 0, neutral: 1 },
    },
    sentimentCounts: { positive: 4, negative: 1, neutral: 1 },
    debated: [
      { rootIndex: 1, author: 'alice', size: 4, disagreements: 2, participants: 3 },
      { rootIndex: 5, author: 'dan', size: 2, disagreements: 0, participants: 2 },
    ],
    replyPairs: [
      { from: 'bob', to: 'alice', count: 1 },
      { from: 'alice', to: 'bob', count: 1 },
      { from: 'carol', to: 'bob', count: 1 },
      { from: 'bob', to: 'dan', count: 1 },
    ],
  });
});

test('an article without comments gets its own stance, from the journalist\'s words only', () => {
  const article = 'Microsoft rafle la mise. « Nous restons fidèles à notre mission et à nos principes », assure le conseil.';
  const summary = summarizeThread(threadOf([], article), schema).summary;
  expect([summary.articleStance!.label, summary.articleStance!.evidence.map((e) => e.text)]).toEqual(['pro-microsoft', ['rafle la mise']]);
  expect(journalistWords(article)).toBe('Microsoft rafle la mise.  , assure le conseil.');
  expect(summary.articleSentiment).toEqual(scoreSentiment('Microsoft rafle la mise.  , assure le conseil.'));
});

test('a thread with comments has no article stance', () => {
  expect(summarizeThread(smallDebate(), schema).summary.articleStance).toBe(undefined);
});

test('who answers whom: most replies first, pairs with as many replies in the order of their first reply', () => {
  // Replies in order: bob→alice, carol→alice, bob→carol, alice→bob, carol→alice, bob→carol, bob→alice.
  const thread = threadOf([
    ['alice', 0, 'Premier.'],
    ['bob', 1, 'Réponse.'],
    ['carol', 1, 'Réponse.'],
    ['bob', 3, 'Encore.'],
    ['alice', 4, 'Encore.'],
    ['carol', 1, 'Encore.'],
    ['bob', 3, 'Encore.'],
    ['bob', 1, 'Encore.'],
    ['dan', 0, 'Seul.'],
  ]);
  expect(summarizeThread(thread, schema).summary.replyPairs).toEqual([
    { from: 'bob', to: 'alice', count: 2 },
    { from: 'carol', to: 'alice', count: 2 },
    { from: 'bob', to: 'carol', count: 2 },
    { from: 'alice', to: 'bob', count: 1 },
  ]);
});
