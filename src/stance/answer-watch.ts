/**
 * The exchanges of a thread, `A → B → A`: the reply B is answered back (the author of the comment
 * it answers writes a reply to it soon after), and A's second comment answers back (it answers a
 * reply to its own author's comment). Someone who comes back to a reply to their comment mostly
 * keeps up a disagreement, so the learned stance and agreement models read both (`answered-back`
 * of B, `answers-back` of A's second comment).
 *
 * This looks ahead in the thread, which the stance walk otherwise never does: a comment's labels
 * are written as soon as it is decided. So the look-ahead is bounded, {@link ANSWER_WINDOW}
 * comments, and a caller that analyzes a thread while reading it shows the walk the comments that
 * far ahead (their authors and parents only) before it decides one. A thread analyzed whole gets
 * exactly the same answer.
 */
import type { Comment } from '../model.js';
import { grown } from '../growable.js';
import { CommentSlots } from './comment-slots.js';

/**
 * How many comments later an answer back still counts. Measured leaving one round out over the 97
 * training threads (README, "Learned labels"): agreement 0.782 without the feature, 0.789 within 10
 * comments, 0.790 within 30, 0.791 with no bound; beyond a few dozen comments an answer is rare.
 */
export const ANSWER_WINDOW = 32;

/** {@link AnswerWatch} flags of a comment. */
const ANSWERS_BACK = 1;
const ANSWERED_BACK = 2;

/**
 * Watches the comments of one thread in thread order (parents known) and remembers, in a byte per
 * comment, which ones answer back and which were answered back within {@link ANSWER_WINDOW} comments.
 */
export class AnswerWatch {
  private readonly slots = new CommentSlots();
  /** Per comment: the number of its author (in the order authors first write) and the index it answers (0: none). */
  private authors = new Int32Array(0);
  private parents = new Int32Array(0);
  /** Per comment: {@link ANSWERS_BACK} and {@link ANSWERED_BACK}. */
  private flags = new Uint8Array(0);
  private readonly authorNumbers = new Map<string, number>();

  /**
   * Records the next comment of the thread: when the reply it answers answered its author, it
   * answers back, and that reply is answered back if it is recent enough.
   */
  see(comment: Pick<Comment, 'index' | 'author' | 'parentIndex'>): void {
    const slot = this.slots.add(comment.index);
    let author = this.authorNumbers.get(comment.author);
    if (author === undefined) this.authorNumbers.set(comment.author, (author = this.authorNumbers.size));
    this.authors = grown(this.authors, slot + 1);
    this.parents = grown(this.parents, slot + 1);
    this.flags = grown(this.flags, slot + 1);
    this.authors[slot] = author;
    this.parents[slot] = comment.parentIndex;
    const reply = comment.parentIndex > 0 ? this.slots.of(comment.parentIndex) : undefined;
    if (reply === undefined || this.parents[reply] <= 0) return;
    const answered = this.slots.of(this.parents[reply]);
    if (answered === undefined || this.authors[answered] !== author) return;
    this.flags[slot] |= ANSWERS_BACK;
    if (slot - reply <= ANSWER_WINDOW) this.flags[reply] |= ANSWERED_BACK;
  }

  /** Whether comment `index` answers a reply to its own author's comment (false for a comment not seen). */
  answersBack(index: number): boolean {
    return this.has(index, ANSWERS_BACK);
  }

  /** Whether comment `index` was answered back by the author it answers (false for a comment not seen). */
  answeredBack(index: number): boolean {
    return this.has(index, ANSWERED_BACK);
  }

  private has(index: number, flag: number): boolean {
    const slot = this.slots.of(index);
    return slot !== undefined && (this.flags[slot] & flag) !== 0;
  }
}

/** The watch over all the comments of a thread (a thread analyzed whole, and training). */
export function answerWatchOf(comments: readonly Pick<Comment, 'index' | 'author' | 'parentIndex'>[]): AnswerWatch {
  const watch = new AnswerWatch();
  for (const comment of comments) watch.see(comment);
  return watch;
}
