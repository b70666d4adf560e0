/**
 * The real MacG thread as raw material for synthetic threads: its frame (header with the article,
 * footer), each comment's own words (without the opening @mention and without passages quoted
 * from the thread), and the shape of its conversation (how often people answer with @Name, how
 * often they quote, how far back they answer), measured on the real comments.
 */
import { parseThread } from '../parse/index.js';
import { ThreadStanceError } from '../errors.js';

/** The marker of a MacG comment block: `avatar NAME | ` with U+00A0 on both sides of the bar. */
const AUTHOR_LINE = /^avatar (.+?)\u00a0\|\u00a0?\s*$/;
/** First footer line of a MacG page (the pager): comment blocks stop there. */
const FOOTER_FIRST_LINE = 'Pages';
/** How many leading characters of a quoted passage must be found in the thread to count as a quote of it. */
const QUOTE_KEY_LENGTH = 30;

/** One comment block as written: author and the lines under its author line, joined with `\n`. */
export interface CommentBlock {
  author: string;
  text: string;
}

/** How a reply names its addressee on its first line. */
export type MentionStyle = 'plain' | 'comma' | 'inline';
/** How a quoted passage is marked. */
export type QuoteStyle = 'guillemets' | 'straight' | 'chevron' | 'curly';

/** The conversation shape of a thread, measured on its comments (rates are shares of all comments). */
export interface ThreadShape {
  comments: number;
  /** Share of comments whose first line is `@Name` of an author of the thread. */
  mentionRate: number;
  /** Among @replies, the share that also quote a passage of the thread. */
  quoteRateWithMention: number;
  /** Among non-empty comments without @, the share that quote a passage of an earlier comment or the article. */
  quoteRateWithoutMention: number;
  /** Among quoting comments without @, the share whose quote comes from the article. */
  articleQuoteShare: number;
  /** Share of comments with no text at all. */
  emptyRate: number;
  /** Mean distance (in comments) from an @reply back to the latest earlier comment of its addressee. */
  meanReplyDistance: number;
  /** How many @replies use each style. */
  mentionStyles: Record<MentionStyle, number>;
  /** How many quoting comments use each style (style of their first quote). */
  quoteStyles: Record<QuoteStyle, number>;
}

/** A real comment reduced to its author's own words, the raw material of synthetic comments. */
export interface SeedComment {
  author: string;
  /** Own lines, blank lines kept between paragraphs; empty for an empty comment. */
  ownLines: string[];
}

/** Everything the generator takes from the real thread. */
export interface SeedThread {
  /** Text before the first comment block (title, byline, article, related links), verbatim. */
  header: string;
  /** Text from the pager line to the end, verbatim. */
  footer: string;
  /** Non-blank article lines a comment may quote. */
  articleLines: string[];
  /** Distinct authors in order of first appearance. */
  authors: string[];
  comments: SeedComment[];
  shape: ThreadShape;
  /** Which code split the comment blocks: the project's parser, or the bench's own fallback. */
  splitter: 'parseThread' | 'bench';
}

/**
 * Splits a MacG text page into header, comment blocks and footer by its author lines. A small
 * splitter of the bench's own, used while the real parser is not available.
 */
export function splitMacgPage(text: string): { header: string; blocks: CommentBlock[]; footer: string } {
  const lines = text.split(/\r?\n/);
  const first = lines.findIndex((line) => AUTHOR_LINE.test(line));
  if (first < 0) return { header: text, blocks: [], footer: '' };
  let footerStart = lines.length;
  for (let i = first + 1; i < lines.length; i++) {
    if (lines[i].trim() === FOOTER_FIRST_LINE) {
      footerStart = i;
      break;
    }
  }
  const blocks: CommentBlock[] = [];
  let current: { author: string; lines: string[] } | undefined;
  const close = (): void => {
    if (current) blocks.push({ author: current.author, text: trimBlankLines(current.lines).join('\n') });
  };
  for (let i = first; i < footerStart; i++) {
    const match = AUTHOR_LINE.exec(lines[i]);
    if (match) {
      close();
      current = { author: match[1], lines: [] };
    } else {
      current?.lines.push(lines[i]);
    }
  }
  close();
  return {
    header: lines.slice(0, first).join('\n') + '\n',
    blocks,
    footer: lines.slice(footerStart).join('\n'),
  };
}

/**
 * The comment blocks of a MacG page: through the project's parser when it works, else through
 * {@link splitMacgPage} (the parser is written separately; the bench must run before it lands).
 */
export function commentBlocks(text: string, source: string): { blocks: CommentBlock[]; splitter: SeedThread['splitter'] } {
  try {
    const parsed = parseThread(text, source, 'macg');
    return { blocks: parsed.comments.map((c) => ({ author: c.author, text: c.text })), splitter: 'parseThread' };
  } catch (error) {
    if (!(error instanceof ThreadStanceError) || error.code !== 'NOT_IMPLEMENTED') throw error;
    return { blocks: splitMacgPage(text).blocks, splitter: 'bench' };
  }
}

/**
 * Reads a real MacG page into a {@link SeedThread}: frame, own words of each comment, and the
 * measured shape of the conversation.
 */
export function readSeedThread(text: string, source: string): SeedThread {
  const page = splitMacgPage(text);
  const { blocks, splitter } = commentBlocks(text, source);
  const articleLines = page.header.split('\n').filter((line) => line.trim() !== '' && !line.includes('\u00a0|'));
  const articleText = articleLines.join('\n');
  const authors = [...new Set(blocks.map((b) => b.author))];
  // Longest names first, so `@Dark Phantom` is not read as a shorter name that prefixes it.
  const byLength = authors.slice().sort((a, b) => b.length - a.length);

  const shape: ThreadShape = {
    comments: blocks.length, mentionRate: 0, quoteRateWithMention: 0, quoteRateWithoutMention: 0,
    articleQuoteShare: 0, emptyRate: 0, meanReplyDistance: 1,
    mentionStyles: { plain: 0, comma: 0, inline: 0 },
    quoteStyles: { guillemets: 0, straight: 0, chevron: 0, curly: 0 },
  };
  const comments: SeedComment[] = [];
  const lastIndexOf = new Map<string, number>();
  let mentions = 0, quotesWithMention = 0, quotesWithoutMention = 0, articleQuotes = 0, empty = 0, distanceSum = 0, distances = 0;
  // The seed thread is one small real page, so searching the text before each comment is cheap.
  let earlierText = articleText;

  blocks.forEach((block, i) => {
    const lines = block.text.split('\n');
    if (block.text.trim() === '') empty++;
    const mention = readMention(lines, byLength);
    if (mention) {
      mentions++;
      shape.mentionStyles[mention.style]++;
      const last = lastIndexOf.get(mention.name);
      if (last !== undefined) {
        distanceSum += i - last;
        distances++;
      }
      if (mention.style === 'inline') lines[mention.line] = mention.rest;
      else lines.splice(mention.line, 1);
    }
    let firstQuote: { style: QuoteStyle; fromArticle: boolean } | undefined;
    const own = lines.filter((line) => {
      const quote = readQuote(line);
      if (!quote) return true;
      const key = quote.passage.slice(0, QUOTE_KEY_LENGTH);
      if (key === '' || !earlierText.includes(key)) return true;
      firstQuote ??= { style: quote.style, fromArticle: articleText.includes(key) };
      return false;
    });
    if (firstQuote) {
      shape.quoteStyles[firstQuote.style]++;
      if (mention) quotesWithMention++;
      else {
        quotesWithoutMention++;
        if (firstQuote.fromArticle) articleQuotes++;
      }
    }
    comments.push({ author: block.author, ownLines: collapseBlankLines(own) });
    lastIndexOf.set(block.author, i);
    earlierText += '\n' + block.text;
  });

  const n = blocks.length;
  shape.mentionRate = n ? mentions / n : 0;
  shape.quoteRateWithMention = mentions ? quotesWithMention / mentions : 0;
  shape.quoteRateWithoutMention = n - mentions - empty ? quotesWithoutMention / (n - mentions - empty) : 0;
  shape.articleQuoteShare = quotesWithoutMention ? articleQuotes / quotesWithoutMention : 0;
  shape.emptyRate = n ? empty / n : 0;
  shape.meanReplyDistance = distances ? distanceSum / distances : 1;
  return { header: page.header, footer: page.footer, articleLines, authors, comments, shape, splitter };
}

/** The opening `@Name` of a comment, when its first non-blank line starts with a known author's name. */
function readMention(lines: string[], authorsLongestFirst: string[]): { name: string; style: MentionStyle; line: number; rest: string } | undefined {
  const line = lines.findIndex((l) => l.trim() !== '');
  if (line < 0) return undefined;
  const first = lines[line].trim();
  if (!first.startsWith('@')) return undefined;
  const name = authorsLongestFirst.find((a) => first.startsWith(a, 1));
  if (name === undefined) return undefined;
  const after = first.slice(1 + name.length).trim();
  if (after === '') return { name, style: 'plain', line, rest: '' };
  if (after === ',') return { name, style: 'comma', line, rest: '' };
  return { name, style: 'inline', line, rest: after.replace(/^[,:;]\s*/, '') };
}

/** A line that is wholly a quoted passage, with its quote marks removed. */
function readQuote(line: string): { style: QuoteStyle; passage: string } | undefined {
  const trimmed = line.trim();
  let style: QuoteStyle;
  let inner: string;
  if (trimmed.startsWith('«')) [style, inner] = ['guillemets', trimmed.slice(1).replace(/»\s*$/, '')];
  else if (trimmed.startsWith('>')) [style, inner] = ['chevron', trimmed.slice(1).trim().replace(/^"|"$/g, '')];
  else if (trimmed.startsWith('“')) [style, inner] = ['curly', trimmed.slice(1).replace(/”$/, '')];
  else if (trimmed.startsWith('"')) [style, inner] = ['straight', trimmed.slice(1).replace(/"$/, '')];
  else return undefined;
  return { style, passage: inner.replace(/^[\s\u00a0]+/, '').replace(/[\s\u00a0]+$/, '') };
}

/** Drops blank lines at both ends. */
function trimBlankLines(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start].trim() === '') start++;
  while (end > start && lines[end - 1].trim() === '') end--;
  return lines.slice(start, end);
}

/** Drops blank lines at both ends and keeps at most one blank line between paragraphs. */
function collapseBlankLines(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of trimBlankLines(lines)) {
    if (line.trim() === '' && out.length > 0 && out[out.length - 1] === '') continue;
    out.push(line.trim() === '' ? '' : line);
  }
  return out;
}
