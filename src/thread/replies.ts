/**
 * Reply inference: one format-agnostic pass over the flat records, in thread order, that proposes
 * a parent for each comment with the strongest evidence available:
 * explicit parent id > leading @mention > quotation of an earlier comment > continuation > none.
 * It also splits every comment into quoted passages and own words. Each step uses an index built
 * as the pass goes (authors, word trigrams, recent comments), never a scan of earlier comments.
 */
import type { ParsedThread, Quote, ReplyEvidence, Warning } from '../model.js';
import { AuthorIndex } from './mentions.js';
import { ShingleIndex, splitQuotes } from './quotes.js';
import { ContinuationFinder } from './continuation.js';
import { WordScan } from './words.js';

/** Options of reply inference. */
export interface ReplyOptions {
  /** Use the continuation rule (see continuation.ts). */
  continuation: boolean;
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
  const warnings: Warning[] = [];
  const comments = parsed.comments;
  // Only records with a parent id need the id index (MacG pages have none).
  const indexOfId = new Map<string, number>();
  if (comments.some((comment) => comment.parentId !== undefined)) for (let i = 0; i < comments.length; i++) indexOfId.set(comments[i].id, i + 1);

  const authors = new AuthorIndex();
  let expectedWords = (parsed.title.length + parsed.article.text.length) / 5;
  for (const comment of comments) expectedWords += comment.text.length / 5;
  const shingles = new ShingleIndex(expectedWords);
  const ownWords = new WordScan();
  shingles.add(0, ownWords.scan(`${parsed.title}\n${parsed.article.text}`));
  const continuation = options.continuation ? new ContinuationFinder() : null;

  const replies: InferredReply[] = [];
  for (let i = 0; i < comments.length; i++) {
    const comment = comments[i];
    const index = i + 1;
    const mention = authors.leadingMention(comment.text);
    const split = splitQuotes(mention === null ? comment.text : mention.rest, shingles);
    const reply: InferredReply = { index, parentIndex: 0, evidence: 'none', quotes: split.quotes, ownText: split.ownText };

    if (mention !== null && mention.parentIndex === null) {
      warnings.push({
        line: comment.line, code: 'REPLY_UNKNOWN_MENTION',
        message: `comment ${index} mentions @${mention.name}, who wrote no earlier comment; not used as its parent`,
      });
    }
    const quotedComment = split.quotes.find((quote) => quote.quotedIndex !== null)?.quotedIndex ?? null;

    if (comment.parentId !== undefined) {
      reply.parentIndex = indexOfId.get(comment.parentId) ?? -1;
      reply.evidence = 'id';
    } else if (mention !== null && mention.parentIndex !== null) {
      reply.parentIndex = mention.parentIndex;
      reply.evidence = 'mention';
    } else if (quotedComment !== null) {
      // A quotation of the article (0) is evidence too: the comment answers the article.
      reply.parentIndex = quotedComment;
      reply.evidence = 'quote';
    } else if (continuation !== null && mention === null && split.quotes.length === 0) {
      const continued = continuation.find(comment.author, split.ownText);
      if (continued !== null) {
        reply.parentIndex = continued;
        reply.evidence = 'continuation';
      }
    }

    replies.push(reply);
    authors.add(comment.author, index);
    ownWords.scan(split.ownText);
    shingles.add(index, ownWords);
    continuation?.observe(index, comment.author, split.ownText, ownWords);
  }
  return { replies, warnings };
}
