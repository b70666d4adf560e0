/**
 * The reply tree, derived once from the flat records and checked: a parent must exist, come
 * earlier, not be the comment itself, and not lie on a cycle. A parent that fails is reported as
 * a warning with the comment's line and the comment becomes top level: nothing is dropped.
 * Every walk here uses loops and explicit stacks, so a 100,000-deep reply chain is fine.
 */
import type { Comment, Thread, Warning } from '../model.js';

/** A proposed parent to check (`parentIndex` -1: an explicit parent id no record has). */
export interface ProposedParent {
  index: number;
  line: number;
  parentIndex: number;
  /** The explicit parent id, when there was one (for the message). */
  parentId?: string;
}

/**
 * Checks proposed parents and returns the accepted parent of each comment (0 when rejected) with
 * a warning per rejection: `THREAD_MISSING_PARENT`, `THREAD_SELF_REPLY`, `THREAD_CYCLE`,
 * `THREAD_PARENT_LATER`.
 */
export function checkParents(proposed: readonly ProposedParent[]): { parents: Int32Array; warnings: Warning[] } {
  const count = proposed.length;
  const parents = new Int32Array(count + 1);
  for (const entry of proposed) parents[entry.index] = entry.parentIndex;
  const onCycle = cycleMembers(parents);
  const warnings: Warning[] = [];
  for (const entry of proposed) {
    const { index, parentIndex, line } = entry;
    const named = entry.parentId !== undefined ? `parent "${entry.parentId}"` : `parent ${parentIndex}`;
    let problem: { code: string; message: string } | null = null;
    if (parentIndex < 0 || parentIndex > count) {
      problem = { code: 'THREAD_MISSING_PARENT', message: `comment ${index}: expected an existing parent, found ${named}, which no comment has; kept as top level` };
    } else if (parentIndex === index) {
      problem = { code: 'THREAD_SELF_REPLY', message: `comment ${index}: expected a parent other than itself, found ${named}; kept as top level` };
    } else if (onCycle[index] === 1) {
      problem = { code: 'THREAD_CYCLE', message: `comment ${index}: its ${named} leads back to it (a cycle); kept as top level` };
    } else if (parentIndex > index) {
      problem = { code: 'THREAD_PARENT_LATER', message: `comment ${index}: expected an earlier parent, found ${named} (comment ${parentIndex}); kept as top level` };
    }
    if (problem !== null) {
      warnings.push({ line, ...problem });
      parents[index] = 0;
    }
  }
  return { parents, warnings };
}

/**
 * Marks (1) the comments that lie on a parent cycle (`parents[index]`, 1-based, 0 the article).
 * Each comment has at most one parent, so a walk up from each unvisited comment either reaches a
 * finished comment, the article, a missing parent, or a comment of its own walk: a cycle.
 * Linear: each comment is walked once.
 */
export function cycleMembers(parents: Int32Array): Uint8Array {
  const count = parents.length - 1;
  const state = new Uint8Array(count + 1); // 0 new, 1 on the current walk, 2 done
  const onCycle = new Uint8Array(count + 1);
  const walk: number[] = [];
  for (let start = 1; start <= count; start++) {
    if (state[start] !== 0) continue;
    let node = start;
    while (node >= 1 && node <= count && state[node] === 0) {
      state[node] = 1;
      walk.push(node);
      node = parents[node];
    }
    if (node >= 1 && node <= count && state[node] === 1) {
      for (let k = walk.length - 1; k >= 0; k--) {
        onCycle[walk[k]] = 1;
        if (walk[k] === node) break;
      }
    }
    for (const visited of walk) state[visited] = 2;
    walk.length = 0;
  }
  return onCycle;
}

/**
 * Depth of every comment from checked parents (each earlier than its child): one pass in
 * thread order, since a parent's depth is always known before its children's.
 */
export function depthsOf(parents: Int32Array): Int32Array {
  const depths = new Int32Array(parents.length);
  for (let index = 1; index < parents.length; index++) depths[index] = depths[parents[index]] + 1;
  return depths;
}

/**
 * The children of every comment (and of the article, index 0), in thread order, stored as one
 * flat list with offsets: no per-comment arrays, whatever the thread size.
 */
export class ReplyChildren {
  private readonly offsets: Int32Array;
  private readonly list: Int32Array;

  constructor(comments: readonly Pick<Comment, 'index' | 'parentIndex'>[]) {
    const count = comments.length;
    this.offsets = new Int32Array(count + 2);
    for (const comment of comments) this.offsets[comment.parentIndex + 1]++;
    for (let i = 1; i < this.offsets.length; i++) this.offsets[i] += this.offsets[i - 1];
    this.list = new Int32Array(count);
    const fill = this.offsets.slice(0, count + 1);
    for (const comment of comments) this.list[fill[comment.parentIndex]++] = comment.index;
  }

  /** Indexes of the direct replies to `index` (0: top-level comments), in thread order. */
  of(index: number): Int32Array {
    return this.list.subarray(this.offsets[index], this.offsets[index + 1]);
  }

  /** How many direct replies `index` has. */
  count(index: number): number {
    return this.offsets[index + 1] - this.offsets[index];
  }
}

/** The children of every comment of `thread`, in thread order (see {@link ReplyChildren}). */
export function childrenOf(thread: Pick<Thread, 'comments'>): ReplyChildren {
  return new ReplyChildren(thread.comments);
}

/**
 * Visits the comments of `thread` depth-first, pre-order, children in thread order, with an
 * explicit stack. `visit` may return `false` to skip the replies under a comment.
 */
export function walkTree(thread: Pick<Thread, 'comments'>, visit: (comment: Comment) => boolean | void): void {
  const children = childrenOf(thread);
  const stack: number[] = [];
  const pushChildren = (index: number): void => {
    const replies = children.of(index);
    for (let k = replies.length - 1; k >= 0; k--) stack.push(replies[k]);
  };
  pushChildren(0);
  while (stack.length > 0) {
    const index = stack.pop() as number;
    const comment = thread.comments[index - 1];
    if (visit(comment) !== false) pushChildren(index);
  }
}
