/**
 * Reply inference: one format-agnostic pass over the flat records, in thread order, that proposes
 * a parent for each comment with the strongest evidence available:
 * explicit parent id > leading @mention > quotation of an earlier comment > continuation > none.
 * It also splits every comment into quoted passages and own words. Each step uses an index built
 * as the pass goes (authors, word trigrams, recent comments), never a scan of earlier comments.
 */
import type { ParsedThread, Quote, RawComment, ReplyEvidence, Warning } from '../model.js';
import { AuthorIndex } from './mentions.js';
import { mayQuote, NO_QUOTES, ShingleIndex, splitQuotingText, unquotedOwnText } from './quotes.js';
import { ContinuationFinder } from './continuation.js';
import { WordScan } from './words.js';
import { detachedString } from '../input/detach.js';

/** Options of reply inference. */
export interface ReplyOptions {
  /** Use the continuation rule (see continuation.ts). */
  continuation: boolean;
  /**
   * About how many words the thread holds, to size the quote index; by default a fifth of the
   * characters of the title, article and comments.
   */
  expectedWords?: number;
}

/** The proposed parent and the text split of one comment (1-based `index`). */
export interface InferredReply {
  index: number;
  /** Proposed parent: 0 for the article, -1 for an explicit parent id that no record has. */
  parentIndex: number;
  evidence: ReplyEvidence;
  quotes: Quote[];
  ownText: string;
}

/** The result of reply inference: one entry per comment, in thread order, and what went wrong. */
export interface ReplyInference {
  replies: InferredReply[];
  warnings: Warning[];
}

/**
 * Proposes a parent for every comment of `parsed`. Parents from mentions, quotes and continuation
 * are always earlier comments; explicit parent ids are only resolved here and checked by the tree.
 * A mention of a name that never commented before is no parent: it gets a `REPLY_UNKNOWN_MENTION`
 * warning and the weaker evidence is tried.
 */
export function inferReplies(parsed: ParsedThread, options: ReplyOptions): ReplyInference {
  const comments = parsed.comments;
  let expectedWords = options.expectedWords;
  if (expectedWords === undefined) {
    expectedWords = (parsed.title.length + parsed.article.text.length) / 5;
    for (const comment of comments) expectedWords += comment.text.length / 5;
  }
  const inferrer = new ReplyInferrer(parsed, { ...options, expectedWords });
  // Only records with a parent id need the id index (MacG pages have none).
  if (comments.some((comment) => comment.parentId !== undefined)) inferrer.knowIds(comments);
  const replies: InferredReply[] = [];
  for (const comment of comments) replies.push(inferrer.next(comment));
  return { replies, warnings: inferrer.warnings };
}

/**
 * Reply inference one comment at a time, in thread order: what lets a thread be analyzed while it
 * is read. Its indexes (authors, word trigrams, recent comments) grow with the comments seen.
 */
export class ReplyInferrer {
  /** `REPLY_UNKNOWN_MENTION` warnings so far, in thread order. */
  readonly warnings: Warning[] = [];
  private readonly indexOfId = new Map<string, number>();
  private readonly authors = new AuthorIndex();
  private readonly shingles: ShingleIndex;
  private readonly ownWords = new WordScan();
  private readonly continuation: ContinuationFinder | null;
  private count = 0;

  /**
   * `thread`: the title and article (quotable as index 0); `options.expectedWords`: about how many
   * words the thread holds (sizes the quote index).
   */
  constructor(thread: Pick<ParsedThread, 'title' | 'article'>, options: ReplyOptions & { expectedWords: number }) {
    this.shingles = new ShingleIndex(options.expectedWords);
    this.shingles.add(0, this.ownWords.scan(`${thread.title}\n${thread.article.text}`));
    this.continuation = options.continuation ? new ContinuationFinder() : null;
  }

  /** Makes explicit parent ids resolvable: the ids of all records, by position (1-based). */
  knowIds(comments: readonly RawComment[]): void {
    for (let i = 0; i < comments.length; i++) this.indexOfId.set(comments[i].id, i + 1);
  }

  /** The proposed parent and text split of the next comment of the thread. */
  next(comment: RawComment): InferredReply {
    const { authors, shingles, ownWords, continuation } = this;
    const index = ++this.count;
    const mention = authors.leadingMention(comment.text);
    const text = mention === null ? comment.text : mention.rest;
    // One scan per comment. A text that may quote is split first and its own words scanned; any
    // other is scanned first, and its layout says how to trim its lines: its own text then differs
    // from it at most by white space at line edges and empty lines, so it has the same words and
    // question marks, and only where its words end (`ends`) may move.
    let quotes = NO_QUOTES;
    let ownText: string;
    let wordsAtOwnPlaces = true;
    if (mayQuote(text)) {
      ({ quotes, ownText } = splitQuotingText(text, shingles));
      ownWords.scan(ownText);
    } else {
      ownText = unquotedOwnText(text, ownWords.scan(text).layout);
      wordsAtOwnPlaces = ownText === text;
    }
    const reply: InferredReply = { index, parentIndex: 0, evidence: 'none', quotes, ownText };

    if (mention !== null && mention.parentIndex === null) {
      this.warnings.push({
        line: comment.line, code: 'REPLY_UNKNOWN_MENTION',
        // Detached: the name is a view on the text read, which the warning outlives.
        message: detachedString(`comment ${index} mentions @${mention.name}, who wrote no earlier comment; not used as its parent`),
      });
    }
    const quotedComment = firstQuotedSource(quotes);

    if (comment.parentId !== undefined) {
      reply.parentIndex = this.indexOfId.get(comment.parentId) ?? -1;
      reply.evidence = 'id';
    } else if (mention !== null && mention.parentIndex !== null) {
      reply.parentIndex = mention.parentIndex;
      reply.evidence = 'mention';
    } else if (quotedComment !== null) {
      // A quotation of the article (0) is evidence too: the comment answers the article.
      reply.parentIndex = quotedComment;
      reply.evidence = 'quote';
    } else if (continuation !== null && mention === null && quotes.length === 0) {
      // The rule reads where the opening words end: it scans them itself when they moved.
      const continued = continuation.find(comment.author, ownText, wordsAtOwnPlaces ? ownWords : undefined);
      if (continued !== null) {
        reply.parentIndex = continued;
        reply.evidence = 'continuation';
      }
    }

    authors.add(comment.author, index);
    shingles.add(index, ownWords);
    continuation?.observe(index, comment.author, ownWords);
    return reply;
  }
}

/** The source of the first quote whose source was found (0: the article), or null. */
function firstQuotedSource(quotes: readonly Quote[]): number | null {
  for (const quote of quotes) if (quote.quotedIndex !== null) return quote.quotedIndex;
  return null;
}
