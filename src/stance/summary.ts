/**
 * Per-author and per-thread figures from a thread whose comments carry `sentiment`, `stance` and
 * `agreement`. One pass over the comments plus small per-author maps: linear in the thread size.
 */
import type { AnalyzedThread, AuthorSummary, Comment, StanceResult, SubThreadSummary, Thread, ThreadSummary } from '../model.js';
import { scoreSentiment } from '../sentiment/index.js';
import { textStance } from './analyze.js';
import { round3 } from './combine.js';
import type { StanceSchema } from './schema.js';

/** How many sub-threads `summary.debated` lists. */
export const DEBATED_LIMIT = 10;

interface AuthorTally {
  summary: AuthorSummary;
  weightByLabel: Record<string, number>;
  scoreSum: number;
  /** Positive comments minus negative ones. */
  netCount: number;
}

/** Share of positive minus share of negative comments, from their count difference (0 without comments). */
export function netSentiment(positiveMinusNegative: number, comments: number): number {
  return comments > 0 ? round3(positiveMinusNegative / comments) : 0;
}

/**
 * The comment of each index: a thread built by `buildThread` holds comment `i` at position
 * `i - 1`, so no map of all comments is built; other threads (hand-built ones) get a map.
 */
function commentLookup(comments: readonly Comment[]): (index: number) => Comment | undefined {
  let positional = true;
  for (let k = 0; k < comments.length && positional; k++) positional = comments[k].index === k + 1;
  if (positional) return (index) => comments[index - 1];
  const byIndex = new Map<number, Comment>();
  for (const comment of comments) byIndex.set(comment.index, comment);
  return (index) => byIndex.get(index);
}

function zeroByLabel(schema: StanceSchema): Record<string, number> {
  const out: Record<string, number> = {};
  for (const label of schema.labelIds) out[label] = 0;
  return out;
}

/**
 * Per-author summaries, in order of first comment. `dominantStance` is the label with the largest
 * confidence-weighted share (schema order breaks ties; the neutral label when every confidence is 0).
 * `repliesReceived` counts replies from other authors; `agreesWith`/`disagreesWith` are keyed by
 * the author answered.
 */
export function summarizeAuthors(thread: Thread, schema: StanceSchema): AuthorSummary[] {
  const commentAt = commentLookup(thread.comments);
  const tallies = new Map<string, AuthorTally>();
  const tallyOf = (author: string): AuthorTally => {
    let tally = tallies.get(author);
    if (!tally) {
      tally = {
        summary: {
          author, comments: 0, dominantStance: schema.neutralLabel, stanceShares: zeroByLabel(schema), netSentiment: 0, meanScore: 0,
          repliesWritten: 0, repliesReceived: 0, agreesWith: {}, disagreesWith: {},
        },
        weightByLabel: zeroByLabel(schema),
        scoreSum: 0,
        netCount: 0,
      };
      tallies.set(author, tally);
    }
    return tally;
  };

  for (const comment of thread.comments) {
    const tally = tallyOf(comment.author);
    tally.summary.comments += 1;
    const sentiment = comment.sentiment;
    tally.scoreSum += sentiment?.score ?? 0;
    tally.netCount += sentiment?.label === 'positive' ? 1 : sentiment?.label === 'negative' ? -1 : 0;
    // Read once: the comments kept by the reports' writer build their stance when it is read.
    const stance = comment.stance;
    const label = stance?.label ?? schema.neutralLabel;
    if (label in tally.weightByLabel) tally.weightByLabel[label] += stance?.confidence ?? 0;
    const parent = comment.parentIndex > 0 ? commentAt(comment.parentIndex) : undefined;
    if (!parent) continue;
    tally.summary.repliesWritten += 1;
    if (parent.author !== comment.author) tallyOf(parent.author).summary.repliesReceived += 1;
    const toward = comment.agreement === 'agree' ? tally.summary.agreesWith : comment.agreement === 'disagree' ? tally.summary.disagreesWith : undefined;
    if (toward) toward[parent.author] = (toward[parent.author] ?? 0) + 1;
  }

  const out: AuthorSummary[] = [];
  for (const tally of tallies.values()) {
    const s = tally.summary;
    let total = 0;
    for (const label of schema.labelIds) total += tally.weightByLabel[label];
    let best = schema.neutralLabel;
    let bestWeight = 0;
    for (const label of schema.labelIds) {
      s.stanceShares[label] = total > 0 ? round3(tally.weightByLabel[label] / total) : 0;
      if (tally.weightByLabel[label] > bestWeight) {
        best = label;
        bestWeight = tally.weightByLabel[label];
      }
    }
    s.dominantStance = best;
    s.netSentiment = netSentiment(tally.netCount, s.comments);
    s.meanScore = s.comments > 0 ? round3(tally.scoreSum / s.comments) : 0;
    out.push(s);
  }
  return out;
}

/**
 * The root of each comment seen so far: an array by index when indexes are 1..n (threads built by
 * `buildThread`), else a map. A million-entry map would cost more than the whole summary.
 */
class RootIndex {
  private readonly byPosition: Int32Array | undefined;
  private readonly byIndex: Map<number, number> | undefined;

  constructor(comments: readonly Comment[]) {
    let positional = true;
    for (let k = 0; k < comments.length && positional; k++) positional = comments[k].index === k + 1;
    if (positional) this.byPosition = new Int32Array(comments.length + 1);
    else this.byIndex = new Map();
  }

  get(index: number): number | undefined {
    if (this.byIndex !== undefined) return this.byIndex.get(index);
    const byPosition = this.byPosition as Int32Array;
    const root = index < byPosition.length ? byPosition[index] : 0;
    return root === 0 ? undefined : root;
  }

  set(index: number, root: number): void {
    if (this.byIndex !== undefined) this.byIndex.set(index, root);
    else (this.byPosition as Int32Array)[index] = root;
  }
}

/**
 * Sub-threads rooted at top-level comments that received replies, most disagreements first, then
 * largest, then earliest. Each comment's root is its parent's root (parents come first), so this is
 * one forward pass.
 */
export function debatedSubThreads(thread: Thread, limit = DEBATED_LIMIT): SubThreadSummary[] {
  const rootOf = new RootIndex(thread.comments);
  // A sub-thread is recorded once a reply joins its root: most top-level comments get none.
  const subs = new Map<number, SubThreadSummary & { authors: Set<string> }>();
  const commentAt = commentLookup(thread.comments);
  for (const comment of thread.comments) {
    const parentRoot = comment.parentIndex > 0 ? rootOf.get(comment.parentIndex) : undefined;
    if (parentRoot === undefined) {
      rootOf.set(comment.index, comment.index);
      continue;
    }
    rootOf.set(comment.index, parentRoot);
    let sub = subs.get(parentRoot);
    if (!sub) {
      const root = commentAt(parentRoot) as Comment;
      sub = { rootIndex: parentRoot, author: root.author, size: 1, disagreements: root.agreement === 'disagree' ? 1 : 0, participants: 0, authors: new Set([root.author]) };
      subs.set(parentRoot, sub);
    }
    sub.size += 1;
    sub.authors.add(comment.author);
    if (comment.agreement === 'disagree') sub.disagreements += 1;
  }
  return [...subs.values()]
    .sort((a, b) => b.disagreements - a.disagreements || b.size - a.size || a.rootIndex - b.rootIndex)
    .slice(0, limit)
    .map(({ authors, ...sub }) => ({ ...sub, participants: authors.size }));
}

/**
 * Replies counted by who answered whom, in order of each pair's first reply. Looked up by the
 * replying author, then the author answered: two lookups of strings whose hash is known (the same
 * name strings come back), where a joined key was a new string to hash at every reply (10,000-
 * comment synthetic page, comments kept by the reports' writer: thread figures 6.1 → 4.2 ms).
 */
class ReplyPairs {
  readonly inOrder: { from: string; to: string; count: number }[] = [];
  private readonly byFrom = new Map<string, Map<string, { from: string; to: string; count: number }>>();

  count(from: string, to: string): void {
    let byTo = this.byFrom.get(from);
    if (byTo === undefined) {
      byTo = new Map();
      this.byFrom.set(from, byTo);
    }
    const pair = byTo.get(to);
    if (pair !== undefined) {
      pair.count += 1;
      return;
    }
    const created = { from, to, count: 1 };
    byTo.set(to, created);
    this.inOrder.push(created);
  }
}

/** Thread-level figures; an article without comments also gets its own stance and sentiment. */
export function summarizeThreadFigures(thread: Thread, schema: StanceSchema): ThreadSummary {
  const commentAt = commentLookup(thread.comments);
  const stanceCounts = zeroByLabel(schema);
  const sentimentCounts: Record<string, number> = { positive: 0, negative: 0, neutral: 0 };
  const sentimentByStance: ThreadSummary['sentimentByStance'] = {};
  for (const label of schema.labelIds) sentimentByStance[label] = { comments: 0, netSentiment: 0, meanScore: 0, positive: 0, negative: 0, neutral: 0 };
  const pairs = new ReplyPairs();
  const authors = new Set<string>();
  let replies = 0;

  for (const comment of thread.comments) {
    const author = comment.author;
    authors.add(author);
    // Read once each: the comments kept by the reports' writer build these when they are read.
    const { sentiment, stance } = comment;
    const label = stance?.label ?? schema.neutralLabel;
    stanceCounts[label] = (stanceCounts[label] ?? 0) + 1;
    const polarity = sentiment?.label ?? 'neutral';
    sentimentCounts[polarity] += 1;
    const bucket = sentimentByStance[label];
    if (bucket) {
      bucket.comments += 1;
      bucket.meanScore += sentiment?.score ?? 0; // a sum until the end of the loop
      bucket[polarity] += 1;
    }
    const parent = comment.parentIndex > 0 ? commentAt(comment.parentIndex) : undefined;
    if (!parent) continue;
    replies += 1;
    pairs.count(author, parent.author);
  }
  for (const bucket of Object.values(sentimentByStance)) {
    bucket.netSentiment = netSentiment(bucket.positive - bucket.negative, bucket.comments);
    bucket.meanScore = bucket.comments > 0 ? round3(bucket.meanScore / bucket.comments) : 0;
  }

  const summary: ThreadSummary = {
    comments: thread.comments.length,
    authors: authors.size,
    replies,
    stanceCounts,
    sentimentByStance,
    sentimentCounts,
    debated: debatedSubThreads(thread),
    // Stable sort: equal counts keep the order of their first reply.
    replyPairs: pairs.inOrder.sort((a, b) => b.count - a.count),
  };
  if (thread.comments.length === 0) {
    summary.articleStance = articleStance(thread.article.text, schema);
    summary.articleSentiment = scoreSentiment(journalistWords(thread.article.text));
  }
  return summary;
}

/** Per-author and per-thread figures: the finished thread that reports are written from. */
export function summarizeThread(thread: Thread, schema: StanceSchema): AnalyzedThread {
  return { ...thread, authors: summarizeAuthors(thread, schema), summary: summarizeThreadFigures(thread, schema) };
}

// Reported speech: «…», “…” and "…" within one paragraph.
const REPORTED_SPEECH = /«[^»\n]{0,800}»|“[^”\n]{0,800}”|"[^"\n]{0,800}"/g;

/**
 * The journalist's own words of an article: passages in quotation marks are the quoted people's
 * positions (the board's statement, an employee letter), as quoted text is in a comment.
 */
export function journalistWords(text: string): string {
  return text.replace(REPORTED_SPEECH, ' ');
}

/** Stance of an article (a press text), scored like a comment on the journalist's own words. */
export function articleStance(text: string, schema: StanceSchema): StanceResult {
  return textStance(journalistWords(text), schema);
}
