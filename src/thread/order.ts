/**
 * Thread order for records with explicit parent ids. Exports are not always sorted by time: a
 * reply may come before the comment it answers (`parentId` naming a record further down the
 * file). Such a reply is moved to just after its parent (with its own replies), so that every
 * stage can rely on parents coming first; everything else keeps file order. Each move is reported
 * with a `THREAD_REORDERED` warning, and every comment keeps its `line`, so nothing is hidden.
 *
 * Comments on a parent cycle (`a` answers `b`, `b` answers `a`) cannot be ordered: they stay
 * where they are, and the tree check reports the cycle. Linear: one pass, an id index, and the
 * waiting replies of each record; moves use an explicit stack (no recursion).
 */
import type { ParsedThread, RawComment, Warning } from '../model.js';
import { cycleMembers } from './tree.js';

/** `parsed` with replies placed after their parents, and one warning per moved reply. */
export function parentsFirst(parsed: ParsedThread): { parsed: ParsedThread; warnings: Warning[] } {
  const comments = parsed.comments;
  const count = comments.length;
  // Formats without parent ids (MacG pages) need no id index: a million ids would be a big map.
  if (!comments.some((comment) => comment.parentId !== undefined)) return { parsed, warnings: [] };
  const positionOfId = new Map<string, number>();
  let anyLater = false;
  for (let i = 0; i < count; i++) positionOfId.set(comments[i].id, i);
  // Parent position of each record, 1-based for cycleMembers (0: none, missing or itself).
  const parents = new Int32Array(count + 1);
  for (let i = 0; i < count; i++) {
    const parentId = comments[i].parentId;
    const p = parentId === undefined ? -1 : positionOfId.get(parentId) ?? -1;
    if (p > i) anyLater = true;
    parents[i + 1] = p === -1 || p === i ? 0 : p + 1;
  }
  if (!anyLater) return { parsed, warnings: [] };

  const onCycle = cycleMembers(parents);
  const placed = new Uint8Array(count);
  const waiting = new Map<number, number[]>();
  const order: RawComment[] = [];
  const warnings: Warning[] = [];
  const stack: number[] = [];
  const place = (first: number): void => {
    stack.push(first);
    while (stack.length > 0) {
      const i = stack.pop() as number;
      placed[i] = 1;
      order.push(comments[i]);
      const replies = waiting.get(i);
      if (replies === undefined) continue;
      waiting.delete(i);
      for (let k = replies.length - 1; k >= 0; k--) stack.push(replies[k]);
    }
  };
  for (let i = 0; i < count; i++) {
    const p = parents[i + 1] - 1;
    if (p === -1 || onCycle[i + 1] === 1 || placed[p] === 1) {
      place(i);
      continue;
    }
    if (p > i) {
      const reply = comments[i];
      warnings.push({
        line: reply.line, code: 'THREAD_REORDERED',
        message: `record "${reply.id}" answers "${reply.parentId}" on line ${comments[p].line}, which comes later in the file; placed after it`,
      });
    }
    const list = waiting.get(p);
    if (list === undefined) waiting.set(p, [i]);
    else list.push(i);
  }
  return { parsed: { ...parsed, comments: order }, warnings };
}
