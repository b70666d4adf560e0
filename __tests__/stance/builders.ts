/**
 * Hand-made threads named by their shape, so stance tests do not depend on the parser or on the
 * reply inference. Each comment is `[author, parentIndex, ownText, quotes?]`.
 */
import type { Comment, Quote, Thread } from '../../src/model.js';

export type CommentSpec = [author: string, parentIndex: number, ownText: string, quotes?: Quote[]];

/** A thread from comment specs, in order (index = position, 1-based). */
export function threadOf(specs: CommentSpec[], articleText = ''): Thread {
  const depth: number[] = [0];
  const comments: Comment[] = specs.map(([author, parentIndex, ownText, quotes = []], i) => {
    depth[i + 1] = parentIndex === 0 ? 1 : depth[parentIndex] + 1;
    const quoted = quotes.map((q) => `« ${q.text} »\n`).join('');
    return {
      index: i + 1, id: `c${i + 1}`, author, parentIndex, depth: depth[i + 1],
      replyEvidence: parentIndex === 0 ? 'none' : 'mention', text: quoted + ownText, ownText, quotes, line: i + 1,
    };
  });
  return {
    source: 'hand-made', format: 'jsonl', title: 'test', article: { author: '', text: articleText, meta: {} }, comments,
    lines: { header: [], article: [], comments: [], footer: [], metadata: [], unparsed: [] }, warnings: [],
  };
}

/** A top-level comment followed by replies, each answering the one before. */
export function replyChain(first: string, ...replies: string[]): Thread {
  return threadOf([['a0', 0, first], ...replies.map((text, i): CommentSpec => [`a${i + 1}`, i + 1, text])]);
}

/** A pro-Microsoft comment and a reply that contradicts it without a position of its own. */
export function threadWithDisagreeingReply(): Thread {
  return threadOf([
    ['alice', 0, 'Coup de maître de Nadella.'],
    ['bob', 1, 'Non, pas du tout.'],
  ]);
}

/** A reply that quotes its parent's sceptical words and answers in its own. */
export function threadWithQuotedParent(ownAnswer: string): Thread {
  return threadOf([
    ['alice', 0, "C'est une victoire à la Pyrrhus pour Microsoft."],
    ['bob', 1, ownAnswer, [{ text: "C'est une victoire à la Pyrrhus pour Microsoft.", quotedIndex: 1 }]],
  ]);
}

/** A chain of `length` comments, each agreeing with the one before, first one pro-Microsoft. */
export function deepAgreeingChain(length: number): Thread {
  const specs: CommentSpec[] = [['a', 0, 'Bien joué Microsoft.']];
  for (let i = 2; i <= length; i += 1) specs.push([i % 2 === 0 ? 'b' : 'a', i - 1, '+1']);
  return threadOf(specs);
}
