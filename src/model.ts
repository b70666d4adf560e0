/**
 * The data model: one plain typed tree that every stage reads and adds its own results to.
 *
 * Flow: a parser turns one input file into a {@link ParsedThread} (flat {@link RawComment} records,
 * in file order); reply inference and the tree builder turn it into a {@link Thread} whose
 * {@link Comment}s carry `parentIndex`, `depth`, `ownText` and `quotes`; the sentiment and stance
 * stages then fill `sentiment`, `stance` and `agreement` on the same records, and the summary stage
 * adds per-author and per-thread figures. Reports only read a finished {@link AnalyzedThread}.
 *
 * Field names here are the public JSON contract of `thread.json`: keep them stable.
 */

/** Input formats the parsers understand. */
export type InputFormat = 'macg' | 'article' | 'jsonl' | 'csv';

/** How the parent of a comment was found (strongest first). */
export type ReplyEvidence = 'id' | 'mention' | 'quote' | 'continuation' | 'none';

/** A problem found in the input that did not stop the analysis. `line` is 1-based (0: whole file). */
export interface Warning {
  line: number;
  code: string;
  message: string;
}

/** An inclusive, 1-based range of input lines. */
export interface LineRange {
  start: number;
  end: number;
}

/** Input lines that no parser rule claimed: kept, never dropped silently. */
export interface UnparsedRegion extends LineRange {
  text: string;
}

/** Where each non-blank input line went: the lossless accounting of a parse. */
export interface LineAccounting {
  header: LineRange[];
  article: LineRange[];
  comments: LineRange[];
  footer: LineRange[];
  metadata: LineRange[];
  unparsed: UnparsedRegion[];
  /** Site chrome: separator lines (`-`, `* . * . *`), UI words (`close`, `logo`), server error lines. */
  chrome?: LineRange[];
  /** Lines repeating an earlier line of the file (a page copied twice): counted, not parsed again. */
  duplicate?: LineRange[];
}

/** The article a thread hangs under (empty text for pure comment exports). */
export interface Article {
  author: string;
  text: string;
  /** Metadata found in the file: `date`, `sourceLink`, `tags`, `related`, ... */
  meta: Record<string, string>;
}

/**
 * One comment as a parser read it, before reply inference. `parentId` is set only when the input
 * format carries an explicit parent (JSONL/CSV exports).
 */
export interface RawComment {
  /** The export's id, or `c<index>` for formats without ids. */
  id: string;
  author: string;
  /** The comment's text as written, lines joined with `\n`, without the author line. */
  text: string;
  parentId?: string;
  createdAt?: string;
  /** First input line of the comment (its author line for MacG text, its record for JSONL/CSV). */
  line: number;
}

/** The result of parsing one input file. */
export interface ParsedThread {
  source: string;
  format: InputFormat;
  title: string;
  article: Article;
  comments: RawComment[];
  lines: LineAccounting;
  warnings: Warning[];
}

/** A passage of another comment (or of the article) quoted inside a comment. */
export interface Quote {
  text: string;
  /** Index of the quoted comment when it was found; 0 for the article; null when unknown. */
  quotedIndex: number | null;
}

/** One scored term: what fired in the sentiment lexicon and which rule changed it. */
export interface SentimentTerm {
  term: string;
  /** The value finally counted, after rules. */
  value: number;
  /** The lexicon value before rules. */
  base: number;
  /** Rules that changed it (`negation`, `intensifier`, `contrast`, `emphasis`, `irony`, ...). */
  rules: string[];
}

export type SentimentLabel = 'positive' | 'negative' | 'neutral';

export interface SentimentResult {
  score: number;
  /** score divided by the number of scored-for tokens. */
  comparative: number;
  label: SentimentLabel;
  terms: SentimentTerm[];
  /** The rules' label, when a learned model decided `label` (see `src/learn/`). */
  rulesLabel?: SentimentLabel;
  /** The learned model's probability of `label`, when it decided. */
  probability?: number;
}

/** One piece of evidence behind a stance label, readable on its own in a report. */
export interface StanceEvidence {
  /** `cue`, `target`, `clause`, `inherited`, `agreement`, `disagreement`, ... */
  kind: string;
  /** The label this evidence pushes toward. */
  label: string;
  weight: number;
  /** The words that fired, or a short description ("inherited from comment 12"). */
  text: string;
  /** Stance target involved, when the signal is target-dependent. */
  target?: string;
  /** Comment the signal comes from, for inherited signals. */
  fromIndex?: number;
  /**
   * For `agreement` and `disagreement` notes, the kind of sign they explain: the cue group of the
   * discourse file (`agree`, `thanks`, `concession`, ...) or a sign the agreement stage reads
   * itself (`quoted-negation`, `negated-echo`, `contrastive-negation`, `counter-question`,
   * `echo-question`, `concessive-yes`, `exasperation`, `teasing`, `same-stance`, `other-stance`,
   * `opposite-tone`, `answers-criticism`, `answers-praise`). The agreement model weighs each kind.
   */
  sign?: string;
}

export interface StanceResult {
  label: string;
  /** The rules' confidence, or the learned model's probability of `label` when it decided. */
  confidence: number;
  /** The rules' score per label. */
  scores: Record<string, number>;
  evidence: StanceEvidence[];
  /** The rules' label, when a learned model decided `label` (see `src/learn/`). */
  rulesLabel?: string;
}

export type Agreement = 'agree' | 'disagree' | 'none';

/**
 * The {@link StanceEvidence} kind of the agreement stage's notes, by the effect they explain: the
 * stage writes them, the CSV's `agreement_reason` reads them back (part of the thread.json contract).
 */
export const AGREEMENT_EVIDENCE_KIND = { agree: 'agreement', disagree: 'disagreement' } as const;

/** A comment placed in the reply tree, with the results of each analysis stage. */
export interface Comment {
  /** 1-based position in thread order. */
  index: number;
  id: string;
  author: string;
  /** Index of the comment answered; 0 means the article (top level). */
  parentIndex: number;
  /** 1 for top-level comments, parent depth + 1 for replies. */
  depth: number;
  replyEvidence: ReplyEvidence;
  text: string;
  /** The commenter's own words: `text` without passages quoted from others, and without the leading @mention. */
  ownText: string;
  quotes: Quote[];
  /** First input line of the comment. */
  line: number;
  createdAt?: string;
  sentiment?: SentimentResult;
  stance?: StanceResult;
  agreement?: Agreement;
  /** The rules' agreement, when a learned model decided `agreement` (see `src/learn/`). */
  rulesAgreement?: Agreement;
  /** The learned model's probability of `agreement`, when it decided it (replies; 3 decimals). */
  agreementProbability?: number;
}

/** A thread with its reply tree built and checked. */
export interface Thread {
  source: string;
  format: InputFormat;
  title: string;
  article: Article;
  comments: Comment[];
  lines: LineAccounting;
  warnings: Warning[];
}

/** Per-author figures (issue: stance per author). */
export interface AuthorSummary {
  author: string;
  comments: number;
  dominantStance: string;
  /** Confidence-weighted share of each stance label over the author's comments. */
  stanceShares: Record<string, number>;
  /**
   * Share of positive minus share of negative comments, from the final labels: -1 (all negative)
   * to +1 (all positive). The measure the labels and counts of the reports agree with.
   */
  netSentiment: number;
  /** Mean lexicon score of the author's comments (the rules' `sentiment.score`). */
  meanScore: number;
  repliesWritten: number;
  repliesReceived: number;
  agreesWith: Record<string, number>;
  disagreesWith: Record<string, number>;
}

/** A sub-thread rooted at one comment, ranked by size and disagreement. */
export interface SubThreadSummary {
  rootIndex: number;
  author: string;
  size: number;
  disagreements: number;
  participants: number;
}

/** Per-thread figures. */
export interface ThreadSummary {
  comments: number;
  authors: number;
  replies: number;
  stanceCounts: Record<string, number>;
  /** Per stance label: the sentiment label counts, their net sentiment (see `AuthorSummary.netSentiment`) and the mean lexicon score. */
  sentimentByStance: Record<string, { comments: number; netSentiment: number; meanScore: number; positive: number; negative: number; neutral: number }>;
  sentimentCounts: Record<string, number>;
  debated: SubThreadSummary[];
  /** Who answers whom: `from` replied `count` times to `to`. */
  replyPairs: { from: string; to: string; count: number }[];
  /** Stance of the article text itself. */
  articleStance?: StanceResult;
  articleSentiment?: SentimentResult;
}

/** A thread after every stage: what reports are written from. */
export interface AnalyzedThread extends Thread {
  authors: AuthorSummary[];
  summary: ThreadSummary;
}
