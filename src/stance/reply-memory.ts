/**
 * What the replies of a comment need to know of it (its unrounded stance, whether it asks a
 * question, the words a reply may negate, its tone), for every comment of a thread, in flat typed
 * arrays. Who answers whom is kept by `AnswerWatch` (`answer-watch.ts`).
 *
 * Comments are analyzed one at a time as they are read, so when a comment is done it is not known
 * whether a reply will come: everything is kept for every comment, in a few dozen bytes each
 * instead of objects (a million comments: about 100 MB, where one `Set` of words per comment would
 * take a gigabyte). Words are kept as 32-bit hashes: two different words share a hash with odds of
 * about one in 200 million per lookup, the price of not keeping the texts.
 */
import type { Comment, StanceResult, StanceEvidence } from '../model.js';
import type { StanceSchema } from './schema.js';
import { grown } from '../growable.js';
import { wordHash } from './words.js';
import { CommentSlots } from './comment-slots.js';

/** Words already hashed ({@link wordHash}): the first `count` of `values`. */
export interface HashedWordList {
  readonly values: Int32Array;
  readonly count: number;
}

/** A set of words kept as hashes: what a reply's negated echo asks of its parent's words. */
export interface WordLookup {
  readonly size: number;
  has(word: string): boolean;
}

/** The hashed words of one comment: a view on the pool, read when a reply to it comes. */
class HashedWords implements WordLookup {
  constructor(private readonly hashes: Int32Array) {}

  get size(): number {
    return this.hashes.length;
  }

  has(word: string): boolean {
    const hash = wordHash(word);
    for (let i = 0; i < this.hashes.length; i++) if (this.hashes[i] === hash) return true;
    return false;
  }
}

/** The sign of a comment's sentiment: 1 positive, -1 negative, 0 neutral (or not scored). */
export type Tone = -1 | 0 | 1;

const NO_EVIDENCE: StanceEvidence[] = Object.freeze([]) as unknown as StanceEvidence[];

export class ReplyMemory {
  private readonly labelIds: readonly string[];
  private readonly labelIndex = new Map<string, number>();
  private readonly slots = new CommentSlots();
  private labels = new Uint8Array(0);
  /** Per comment: 1 when it asks a question (`asksQuestion`), + 2 when its own words hold a `?`. */
  private asks = new Uint8Array(0);
  /** The sign of each comment's sentiment plus one: 2 positive, 0 negative, 1 neutral or unknown. */
  private tones = new Uint8Array(0);
  private confidence = new Float64Array(0);
  private scores = new Float64Array(0);
  /** `wordStart[slot]..wordStart[slot + 1]` are the word hashes of a slot in `words`. */
  private wordStart = new Int32Array(1);
  private words = new Int32Array(0);

  constructor(schema: StanceSchema) {
    this.labelIds = schema.labelIds;
    this.labelIds.forEach((label, i) => this.labelIndex.set(label, i));
  }

  /** Remembers `comment` (comments come in thread order) for its replies to come. */
  remember(
    comment: Pick<Comment, 'index'>,
    stance: StanceResult,
    asksQuestion: boolean,
    echoWords: ReadonlySet<string> | HashedWordList,
    tone: Tone = 0,
    questionMark = false,
  ): void {
    const slot = this.slots.add(comment.index);
    const labelCount = this.labelIds.length;
    this.labels = grown(this.labels, slot + 1);
    this.asks = grown(this.asks, slot + 1);
    this.tones = grown(this.tones, slot + 1);
    this.tones[slot] = tone + 1;
    this.confidence = grown(this.confidence, slot + 1);
    this.scores = grown(this.scores, (slot + 1) * labelCount);
    this.labels[slot] = this.labelIndex.get(stance.label) ?? 0;
    this.asks[slot] = (asksQuestion ? 1 : 0) | (questionMark ? 2 : 0);
    this.confidence[slot] = stance.confidence;
    for (let k = 0; k < labelCount; k++) this.scores[slot * labelCount + k] = stance.scores[this.labelIds[k]];
    const start = this.wordStart[slot];
    this.wordStart = grown(this.wordStart, slot + 2);
    let end = start;
    if (echoWords instanceof Set) {
      this.words = grown(this.words, start + echoWords.size);
      for (const word of echoWords) this.words[end++] = wordHash(word);
    } else {
      const { values, count } = echoWords as HashedWordList;
      this.words = grown(this.words, start + count);
      this.words.set(values.subarray(0, count), start);
      end += count;
    }
    this.wordStart[slot + 1] = end;
  }

  /** The unrounded stance of comment `index` (its numbers only: no evidence), or undefined. */
  stanceOf(index: number): StanceResult | undefined {
    const slot = this.slotOf(index);
    if (slot === undefined) return undefined;
    const labelCount = this.labelIds.length;
    const scores: Record<string, number> = {};
    for (let k = 0; k < labelCount; k++) scores[this.labelIds[k]] = this.scores[slot * labelCount + k];
    return { label: this.labelIds[this.labels[slot]], confidence: this.confidence[slot], scores, evidence: NO_EVIDENCE };
  }

  /** Whether comment `index` asks a question (see `asksQuestion`). */
  asksQuestion(index: number): boolean {
    const slot = this.slotOf(index);
    return slot !== undefined && (this.asks[slot] & 1) === 1;
  }

  /** Whether the own words of comment `index` hold a `?` (what the learned models read of a parent). */
  hasQuestionMark(index: number): boolean {
    const slot = this.slotOf(index);
    return slot !== undefined && (this.asks[slot] & 2) === 2;
  }

  /** The sign of the sentiment of comment `index` (0 when unknown). */
  toneOf(index: number): Tone {
    const slot = this.slotOf(index);
    return slot === undefined ? 0 : ((this.tones[slot] - 1) as Tone);
  }

  /** The words of comment `index` a reply may negate, or undefined. */
  wordsOf(index: number): WordLookup | undefined {
    const slot = this.slotOf(index);
    return slot === undefined ? undefined : new HashedWords(this.words.subarray(this.wordStart[slot], this.wordStart[slot + 1]));
  }

  private slotOf(index: number): number | undefined {
    return this.slots.of(index);
  }
}
