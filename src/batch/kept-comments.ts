/**
 * What is kept of each written comment (see `ThreadReportWriter`), in columns of typed arrays
 * rather than objects: a million comments kept as objects held 450 MB of JavaScript heap, and the
 * engine let its heap grow to four times what is alive, past 2 GB. Each kept comment is a small
 * {@link KeptComment} view on one row; its fields are read from the columns when asked for (the
 * summaries and `summary.md` read a few fields of each comment a few times).
 */
import type { Agreement, Comment, Quote, ReplyEvidence, SentimentLabel, SentimentResult, SentimentTerm, StanceEvidence, StanceResult } from '../model.js';
import type { ExcerptStore } from './excerpt-store.js';
import { grown } from '../growable.js';

const WRITTEN_TERMS: SentimentTerm[] = Object.freeze([]) as unknown as SentimentTerm[];
const WRITTEN_EVIDENCE: StanceEvidence[] = Object.freeze([]) as unknown as StanceEvidence[];
const WRITTEN_QUOTES: Quote[] = Object.freeze([]) as unknown as Quote[];

const EVIDENCE_KINDS: readonly ReplyEvidence[] = ['id', 'mention', 'quote', 'continuation', 'none'];
const AGREEMENTS: readonly (Agreement | undefined)[] = [undefined, 'agree', 'disagree', 'none'];
const SENTIMENT_LABELS: readonly (SentimentLabel | undefined)[] = [undefined, 'positive', 'negative', 'neutral'];

/** Strings (author names, stance labels) or shared objects (score sets), each stored once, by number. */
class Interned<T> {
  private readonly numberOf = new Map<T, number>();
  readonly values: T[] = [];

  of(value: T): number {
    let found = this.numberOf.get(value);
    if (found === undefined) {
      found = this.values.length;
      this.values.push(value);
      this.numberOf.set(value, found);
    }
    return found;
  }
}

/** The columns of the kept comments, one row per comment in thread order. */
export class KeptColumns {
  count = 0;
  index = new Int32Array(0);
  parentIndex = new Int32Array(0);
  depth = new Int32Array(0);
  line = new Int32Array(0);
  author = new Int32Array(0);
  /** Packed small fields: reply evidence, agreement, sentiment label, own words (see {@link add}). */
  flags = new Int32Array(0);
  sentimentScore = new Float64Array(0);
  sentimentComparative = new Float64Array(0);
  /** The learned model's probability of the sentiment label; NaN when the rules decided it. */
  sentimentProbability = new Float64Array(0);
  /** Stance label number + 1 (0: no stance), and the number of its shared score set. */
  stanceLabel = new Int32Array(0);
  stanceScores = new Int32Array(0);
  stanceConfidence = new Float64Array(0);
  readonly authors = new Interned<string>();
  readonly labels = new Interned<string>();
  readonly scoreSets = new Interned<Record<string, number>>();
  /** Ids that are not `c<index>` (exported threads), and creation times, by row; absent when none. */
  ids: Map<number, string> | undefined;
  createdAt: Map<number, string> | undefined;

  constructor(readonly excerpts: ExcerptStore) {}

  /** Keeps `comment` as the next row (its excerpt goes to the store); returns its view. */
  add(comment: Comment, excerpt: string): KeptComment {
    const row = this.count++;
    const size = row + 1;
    this.index = grown(this.index, size);
    this.parentIndex = grown(this.parentIndex, size);
    this.depth = grown(this.depth, size);
    this.line = grown(this.line, size);
    this.author = grown(this.author, size);
    this.flags = grown(this.flags, size);
    this.sentimentScore = grown(this.sentimentScore, size);
    this.sentimentComparative = grown(this.sentimentComparative, size);
    this.sentimentProbability = grown(this.sentimentProbability, size);
    this.stanceLabel = grown(this.stanceLabel, size);
    this.stanceScores = grown(this.stanceScores, size);
    this.stanceConfidence = grown(this.stanceConfidence, size);
    this.index[row] = comment.index;
    if (comment.id !== `c${comment.index}`) (this.ids ??= new Map()).set(row, comment.id);
    if (comment.createdAt !== undefined) (this.createdAt ??= new Map()).set(row, comment.createdAt);
    this.parentIndex[row] = comment.parentIndex;
    this.depth[row] = comment.depth;
    this.line[row] = comment.line;
    this.author[row] = this.authors.of(comment.author);
    const { sentiment, stance } = comment;
    const hasOwnWords = comment.ownText.trim() !== '';
    this.flags[row] = EVIDENCE_KINDS.indexOf(comment.replyEvidence)
      | (AGREEMENTS.indexOf(comment.agreement) << 3)
      | (SENTIMENT_LABELS.indexOf(sentiment?.label) << 5)
      | ((hasOwnWords ? 1 : 0) << 7);
    if (sentiment !== undefined) {
      this.sentimentScore[row] = sentiment.score;
      this.sentimentComparative[row] = sentiment.comparative;
      this.sentimentProbability[row] = sentiment.probability ?? NaN;
    }
    this.stanceLabel[row] = stance === undefined ? 0 : this.labels.of(stance.label) + 1;
    if (stance !== undefined) {
      this.stanceScores[row] = this.scoreSets.of(stance.scores);
      this.stanceConfidence[row] = stance.confidence;
    }
    const slot = this.excerpts.add(excerpt);
    if (slot !== row) throw new Error(`excerpt ${slot} stored for kept comment ${row}`);
    return new KeptComment(this, row);
  }
}

/**
 * One kept comment, read from its row of {@link KeptColumns}. Its words are the excerpt
 * `summary.md` may show (read back from the excerpt store); its sentiment terms, stance evidence
 * and quotes are in the reports already written.
 */
export class KeptComment implements Comment {
  constructor(private readonly columns: KeptColumns, private readonly row: number) {}

  get index(): number {
    return this.columns.index[this.row];
  }

  get id(): string {
    return this.columns.ids?.get(this.row) ?? `c${this.index}`;
  }

  get author(): string {
    return this.columns.authors.values[this.columns.author[this.row]];
  }

  get parentIndex(): number {
    return this.columns.parentIndex[this.row];
  }

  get depth(): number {
    return this.columns.depth[this.row];
  }

  get line(): number {
    return this.columns.line[this.row];
  }

  get createdAt(): string | undefined {
    return this.columns.createdAt?.get(this.row);
  }

  get replyEvidence(): ReplyEvidence {
    return EVIDENCE_KINDS[this.columns.flags[this.row] & 7];
  }

  get agreement(): Agreement | undefined {
    return AGREEMENTS[(this.columns.flags[this.row] >> 3) & 3];
  }

  get quotes(): Quote[] {
    return WRITTEN_QUOTES;
  }

  get sentiment(): SentimentResult | undefined {
    const label = SENTIMENT_LABELS[(this.columns.flags[this.row] >> 5) & 3];
    if (label === undefined) return undefined;
    const sentiment: SentimentResult = { score: this.columns.sentimentScore[this.row], comparative: this.columns.sentimentComparative[this.row], label, terms: WRITTEN_TERMS };
    const probability = this.columns.sentimentProbability[this.row];
    if (!Number.isNaN(probability)) sentiment.probability = probability;
    return sentiment;
  }

  get stance(): StanceResult | undefined {
    const label = this.columns.stanceLabel[this.row];
    if (label === 0) return undefined;
    return {
      label: this.columns.labels.values[label - 1],
      confidence: this.columns.stanceConfidence[this.row],
      scores: this.columns.scoreSets.values[this.columns.stanceScores[this.row]],
      evidence: WRITTEN_EVIDENCE,
    };
  }

  /** The excerpt of the comment's words (its own words when it has any). */
  get text(): string {
    return this.columns.excerpts.read(this.row);
  }

  /** The excerpt of the comment's own words, empty when it has none. */
  get ownText(): string {
    return (this.columns.flags[this.row] >> 7) & 1 ? this.columns.excerpts.read(this.row) : '';
  }
}
