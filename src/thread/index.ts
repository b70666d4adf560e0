import type { Comment, ParsedThread, Thread } from '../model.js';
import { inferReplies } from './replies.js';
import { checkParents, depthsOf, type ProposedParent } from './tree.js';
import { parentsFirst } from './order.js';

export { inferReplies, type InferredReply, type ReplyInference, type ReplyOptions } from './replies.js';
export { checkParents, cycleMembers, depthsOf, childrenOf, walkTree, ReplyChildren, type ProposedParent } from './tree.js';
export { parentsFirst } from './order.js';
export { ShingleIndex, splitQuotes, type QuoteSplit } from './quotes.js';
export { AuthorIndex, type Mention } from './mentions.js';
export { ContinuationFinder } from './continuation.js';

export interface ThreadOptions {
  /** Use the `continuation` rule of reply inference (default {@link CONTINUATION_BY_DEFAULT}). */
  continuation?: boolean;
}

/**
 * The continuation rule is on by default: on the seed MacG thread it proposed 5 parents and all
 * 5 agree with the hand-labelled gold parents, and it changes no other comment.
 */
export const CONTINUATION_BY_DEFAULT = true;

/**
 * Reply inference then tree building: flat records in, checked tree out. Records answering a
 * later record are first moved after it (`THREAD_REORDERED`, see order.ts). Parents that fail the
 * checks (missing, later, self, cycle) become top level with a warning; the parse warnings come
 * first, then ordering warnings, then reply-inference warnings, then tree warnings.
 */
export function buildThread(input: ParsedThread, options: ThreadOptions = {}): Thread {
  const { parsed, warnings: orderWarnings } = parentsFirst(input);
  const inference = inferReplies(parsed, { continuation: options.continuation ?? CONTINUATION_BY_DEFAULT });
  const proposed: ProposedParent[] = inference.replies.map((reply, i) => ({
    index: reply.index, line: parsed.comments[i].line, parentIndex: reply.parentIndex, parentId: parsed.comments[i].parentId,
  }));
  const checked = checkParents(proposed);
  const depths = depthsOf(checked.parents);
  const comments: Comment[] = parsed.comments.map((raw, i) => {
    const reply = inference.replies[i];
    const parentIndex = checked.parents[reply.index];
    const comment: Comment = {
      index: reply.index, id: raw.id, author: raw.author, parentIndex, depth: depths[reply.index],
      // A rejected parent leaves the comment top level with no evidence for it.
      replyEvidence: parentIndex === reply.parentIndex ? reply.evidence : 'none',
      text: raw.text, ownText: reply.ownText, quotes: reply.quotes, line: raw.line,
    };
    if (raw.createdAt !== undefined) comment.createdAt = raw.createdAt;
    return comment;
  });
  return {
    source: parsed.source, format: parsed.format, title: parsed.title, article: parsed.article, comments,
    lines: parsed.lines, warnings: [...parsed.warnings, ...orderWarnings, ...inference.warnings, ...checked.warnings],
  };
}
