/**
 * Synthetic threads in MacG text format, built from the real comments of a {@link SeedThread}:
 * the real own texts in seeded shuffled order, by authors drawn from a pool that grows with the
 * thread, with `@Name` replies and quoted passages at the rates measured on the real thread.
 * A thread is produced piece by piece, so a 1M-comment file is streamed, never held as one string.
 */
import fs from 'node:fs';
import { geometricDraw, seededRandom, shuffled, weightedPick, zipfSampler, type Random } from './random.js';
import type { MentionStyle, QuoteStyle, SeedComment, SeedThread } from './seed-thread.js';

/** What to generate. The same options and seed thread always give the same text. */
export interface GenerateOptions {
  /** Number of comments. */
  comments: number;
  /** PRNG seed. */
  seed: number;
}

/** One generated comment, as a parser should read it back. */
export interface SyntheticComment {
  /** 1-based position in the thread. */
  index: number;
  author: string;
  /** The lines under the author line, joined with `\n` (no blank line at either end). */
  text: string;
  /** Index of the comment this one answers by `@Name` or quotes; 0 for the article; absent for top level. */
  intendedParent?: number;
  /** The `@Name` addressed, when the comment opens with one. */
  mention?: string;
  /** The quoted passage, when the comment quotes one. */
  quote?: string;
}

/** Counts over a generated thread. */
export interface GenerationStats {
  comments: number;
  /** Whitespace-separated tokens of all comment texts (see {@link countWords}). */
  words: number;
  bytes: number;
  mentions: number;
  quotes: number;
  emptyComments: number;
  authors: number;
}

/** Author pool growth: the pool has `realAuthors * (comments / realComments) ^ AUTHOR_GROWTH` names. */
const AUTHOR_GROWTH = 0.8;
/** Zipf exponent of author activity: a few regulars, a long tail of one-time commenters. */
const AUTHOR_ZIPF = 1;
/** How far back replies may reach; the measured mean is under 2, so a window this size loses nothing. */
const RECENT_WINDOW = 256;
/** Redraws allowed when the drawn author is the addressee (people rarely @ themselves). */
const SELF_REPLY_REDRAWS = 8;
/** File writes are batched to about this many characters. */
const WRITE_BATCH_CHARS = 1 << 20;

/** A word: a run of non-whitespace (JavaScript's \\s, which includes U+00A0). */
const WORD = /\S+/g;

const QUOTE_STYLES: QuoteStyle[] = ['guillemets', 'straight', 'chevron', 'curly'];
const MENTION_STYLES: MentionStyle[] = ['plain', 'comma', 'inline'];

/**
 * The words of a text as the benchmark counts them: whitespace-separated tokens (U+00A0 counts as
 * whitespace). One definition for the pipeline and both baselines, so words/s compare.
 */
export function countWords(text: string): number {
  let words = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text) !== null) words++;
  return words;
}

/**
 * Author names for a thread of `comments` comments: the real authors first, then names built from
 * them with a number (`oomu7`), shuffled so that activity ranks fall on any name.
 */
export function authorPool(seed: SeedThread, comments: number, random: Random): string[] {
  const real = seed.authors;
  const target = Math.max(real.length, Math.round(real.length * Math.pow(Math.max(comments, 1) / Math.max(seed.shape.comments, 1), AUTHOR_GROWTH)));
  const names = new Set(real);
  for (let k = 0; names.size < target; k++) names.add(real[k % real.length] + String(1 + Math.floor(k / real.length)));
  return shuffled([...names], random);
}

/** A recent comment, kept so later ones can answer or quote it. */
interface RecentComment {
  index: number;
  author: string;
  ownLines: string[];
}

/** The comments of a synthetic thread, one at a time. */
export function* syntheticComments(seed: SeedThread, options: GenerateOptions): Generator<SyntheticComment> {
  const random = seededRandom(options.seed);
  const pool = authorPool(seed, options.comments, random);
  const drawAuthor = zipfSampler(pool.length, AUTHOR_ZIPF, random);
  const shape = seed.shape;
  const mentionWeights = MENTION_STYLES.map((s) => shape.mentionStyles[s]);
  const quoteWeights = QUOTE_STYLES.map((s) => shape.quoteStyles[s]);
  const texts = seed.comments.filter((c) => c.ownLines.length > 0);
  // The measured rate counts empty comments too, and those never carry an @mention.
  const mentionRate = Math.min(1, shape.mentionRate / (1 - shape.emptyRate));
  let order: SeedComment[] = [];
  let next = 0;
  // A ring of the latest comments: replies reach back a few comments, never the whole thread.
  const recent: RecentComment[] = new Array(RECENT_WINDOW);

  for (let index = 1; index <= options.comments; index++) {
    let author = pool[drawAuthor()];
    if (index > 1 && random.chance(shape.emptyRate)) {
      recent[index % RECENT_WINDOW] = { index, author, ownLines: [] };
      yield { index, author, text: '' };
      continue;
    }
    if (next === order.length) {
      order = shuffled(texts, random);
      next = 0;
    }
    const own = order[next++].ownLines;
    const comment: SyntheticComment = { index, author, text: '' };
    const parts: string[] = [];

    if (index > 1 && random.chance(mentionRate)) {
      const target = recentAt(recent, index, geometricDraw(shape.meanReplyDistance, random));
      for (let tries = 0; author === target.author && tries < SELF_REPLY_REDRAWS; tries++) author = pool[drawAuthor()];
      comment.author = author;
      if (author !== target.author) {
        comment.mention = target.author;
        comment.intendedParent = target.index;
        const quote = random.chance(shape.quoteRateWithMention) ? pickLine(target.ownLines, random) : undefined;
        let style = MENTION_STYLES[weightedPick(mentionWeights, random)];
        if (quote !== undefined && style === 'inline') style = 'plain';
        if (style === 'inline') {
          parts.push(`@${target.author} : ${own[0]}`, ...own.slice(1));
        } else {
          parts.push(`@${target.author}${style === 'comma' ? ',' : ''}`, '');
          if (quote !== undefined) {
            comment.quote = quote;
            parts.push(quoteLine(quote, QUOTE_STYLES[weightedPick(quoteWeights, random)]), '');
          }
          parts.push(...own);
        }
      }
    } else if (index > 1 && random.chance(shape.quoteRateWithoutMention)) {
      const fromArticle = random.chance(shape.articleQuoteShare);
      const target = fromArticle ? undefined : recentAt(recent, index, geometricDraw(shape.meanReplyDistance, random));
      const quote = pickLine(target ? target.ownLines : seed.articleLines, random);
      if (quote !== undefined) {
        comment.quote = quote;
        comment.intendedParent = target ? target.index : 0;
        parts.push(quoteLine(quote, QUOTE_STYLES[weightedPick(quoteWeights, random)]), '', ...own);
      }
    }
    if (parts.length === 0) parts.push(...own);
    comment.text = parts.join('\n');
    recent[index % RECENT_WINDOW] = { index, author: comment.author, ownLines: own };
    yield comment;
  }
}

/** The MacG block of one comment: author line, blank line, text, blank line (an empty comment is its author line alone, as on the real page). */
export function macgBlock(comment: SyntheticComment): string {
  const authorLine = `avatar ${comment.author}\u00a0|\u00a0\n`;
  return comment.text === '' ? authorLine : `${authorLine}\n${comment.text}\n\n`;
}

/** The whole synthetic page, piece by piece: header, one block per comment, footer. */
export function* syntheticThreadText(seed: SeedThread, options: GenerateOptions): Generator<string> {
  yield seed.header;
  for (const comment of syntheticComments(seed, options)) yield macgBlock(comment);
  yield seed.footer;
}

/**
 * Streams a synthetic thread to `file` (batched synchronous writes: constant memory whatever the
 * size) and returns its counts.
 */
export function writeSyntheticThread(file: string, seed: SeedThread, options: GenerateOptions): GenerationStats {
  const stats: GenerationStats = { comments: 0, words: 0, bytes: 0, mentions: 0, quotes: 0, emptyComments: 0, authors: 0 };
  const authors = new Set<string>();
  const fd = fs.openSync(file, 'w');
  let batch: string[] = [];
  let batchChars = 0;
  const write = (piece: string): void => {
    batch.push(piece);
    batchChars += piece.length;
    if (batchChars >= WRITE_BATCH_CHARS) flush();
  };
  const flush = (): void => {
    const chunk = batch.join('');
    stats.bytes += fs.writeSync(fd, chunk, null, 'utf8');
    batch = [];
    batchChars = 0;
  };
  try {
    write(seed.header);
    for (const comment of syntheticComments(seed, options)) {
      stats.comments++;
      stats.words += countWords(comment.text);
      if (comment.mention !== undefined) stats.mentions++;
      if (comment.quote !== undefined) stats.quotes++;
      if (comment.text === '') stats.emptyComments++;
      authors.add(comment.author);
      write(macgBlock(comment));
    }
    write(seed.footer);
    flush();
  } finally {
    fs.closeSync(fd);
  }
  stats.authors = authors.size;
  return stats;
}

/** The comment `distance` places before `index`, clipped to the first comment and to the window. */
function recentAt(recent: RecentComment[], index: number, distance: number): RecentComment {
  const back = Math.min(distance, index - 1, RECENT_WINDOW - 1);
  return recent[(index - back) % RECENT_WINDOW];
}

/** A random non-blank line, or undefined when there is none. */
function pickLine(lines: string[], random: Random): string | undefined {
  const candidates = lines.filter((line) => line.trim() !== '');
  return candidates.length ? candidates[random.below(candidates.length)] : undefined;
}

/** A quoted passage marked the way real commenters mark it. */
function quoteLine(passage: string, style: QuoteStyle): string {
  switch (style) {
    case 'guillemets': return `« ${passage} »`;
    case 'straight': return `"${passage}"`;
    case 'chevron': return `> "${passage}"`;
    case 'curly': return `“${passage}”`;
  }
}
