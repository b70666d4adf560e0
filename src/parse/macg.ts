import type { Article, ParsedThread, RawComment, Warning } from '../model.js';
import { cleanName } from '../input/names.js';
import { LineLedger } from './accounting.js';
import { addMeta, isCaptionLine, isFooterLine, isRelatedLine, joinParagraphs } from './page-lines.js';

/**
 * A comment block opens with `avatar NAME | `: the page prints the avatar's alt text, the
 * commenter's name and a bar, with U+00A0 (or plain spaces) around the bar. NAME may hold spaces,
 * digits, `_`, `'` and accents; it may also be missing (then the group is empty).
 */
const AVATAR_LINE = /^avatar(?:[ \u00a0]+(.*?))?[ \u00a0]*\|[ \u00a0]*$/u;

/** The article byline, `Stéphane Moussie |`: a name and a bar, before the first comment block. */
const BYLINE = /^(\S.{0,80}?)[ \u00a0]+\|[ \u00a0]*$/u;

/** The byline is looked for only among the first few content lines after the title. */
const BYLINE_WINDOW = 3;

/**
 * Longest avatar line tried: names are short, and {@link AVATAR_LINE} backtracks over runs of
 * spaces, so a hostile multi-megabyte line starting with `avatar` must not reach it.
 */
const MAX_AVATAR_LINE = 300;

/** True when `line` opens a MacG comment block. */
export function isAvatarLine(line: string): boolean {
  return line.length <= MAX_AVATAR_LINE && line.startsWith('avatar') && AVATAR_LINE.test(line);
}

/**
 * Parses text copied from a MacGeneration article page: title and byline (header), article body,
 * related-article lines and image captions (metadata), comment blocks, footer. Empty comments
 * are kept with empty text; a block with no name is kept with an empty author and a warning.
 */
export function parseMacg(text: string, source: string): ParsedThread {
  const lines = text.split('\n');
  const lineStarts = startsOf(lines);
  const ledger = new LineLedger(lines);
  const warnings: Warning[] = [];
  const article: Article = { author: '', text: '', meta: {} };

  const blockStarts: number[] = [];
  for (let i = 0; i < lines.length; i++) if (isAvatarLine(lines[i])) blockStarts.push(i);
  const articleEnd = blockStarts.length > 0 ? blockStarts[0] : lines.length;
  const footerStart = blockStarts.length > 0 ? findFooterStart(lines, blockStarts[blockStarts.length - 1] + 1) : lines.length;
  if (blockStarts.length === 0) {
    warnings.push({ line: 0, code: 'INPUT_NO_COMMENT_BLOCKS', message: 'expected comment blocks opened by "avatar NAME |", found none' });
  }

  const title = readArticle(lines, articleEnd, ledger, article);

  const comments: RawComment[] = [];
  // The author of each avatar line seen: a commenter's comments share one name string, and the
  // line is read and cleaned once (a big thread has many comments per author).
  const authorOfLine = new Map<string, string>();
  for (let k = 0; k < blockStarts.length; k++) {
    const start = blockStarts[k];
    const end = k + 1 < blockStarts.length ? blockStarts[k + 1] : footerStart;
    let author = authorOfLine.get(lines[start]);
    if (author === undefined) {
      author = cleanName(AVATAR_LINE.exec(lines[start])?.[1] ?? '');
      authorOfLine.set(lines[start], author);
    }
    if (author === '') {
      warnings.push({ line: start + 1, code: 'INPUT_NO_AUTHOR', message: 'expected a name after "avatar", found none; comment kept with an empty author' });
    }
    ledger.mark(start + 1, 'comments', k + 1);
    let first = -1;
    let last = -1;
    let untrimmed = false;
    for (let i = start + 1; i < end; i++) {
      const line = lines[i];
      // A blank line of spaces inside the block is trimmed too (so the text is then a copy).
      if (TRAILING_SPACE.test(line)) untrimmed = true;
      if (line.trim() === '') continue;
      ledger.mark(i + 1, 'comments', k + 1);
      if (first === -1) first = i;
      last = i;
    }
    comments.push({ id: `c${k + 1}`, author, text: blockText(text, lines, lineStarts, first, last, untrimmed), line: start + 1 });
  }
  for (let i = footerStart; i < lines.length; i++) if (lines[i].trim() !== '') ledger.mark(i + 1, 'footer');

  return { source, format: 'macg', title, article, comments, lines: ledger.result(), warnings };
}

/**
 * Reads lines `[0, end)`: the title (first content line), the byline, then the body. Lines that
 * occur twice in the body are related-article links (the page prints them as a pair); captions
 * go to metadata too. Returns the title.
 */
function readArticle(lines: readonly string[], end: number, ledger: LineLedger, article: Article): string {
  const occurrences = new Map<string, number>();
  for (let i = 0; i < end; i++) {
    const line = lines[i].trim();
    if (line !== '') occurrences.set(line, (occurrences.get(line) ?? 0) + 1);
  }
  let title = '';
  let contentLines = 0;
  const body: string[] = [];
  for (let i = 0; i < end; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    contentLines++;
    const byline = article.author === '' && body.length === 0 && contentLines <= BYLINE_WINDOW ? BYLINE.exec(line) : null;
    if (title === '') {
      title = line;
      ledger.mark(i + 1, 'header');
    } else if (byline !== null) {
      article.author = cleanName(byline[1]);
      ledger.mark(i + 1, 'header');
    } else if ((occurrences.get(line) ?? 0) > 1 || isRelatedLine(line)) {
      if (!(article.meta.related ?? '').split('\n').includes(line)) addMeta(article.meta, 'related', line);
      ledger.mark(i + 1, 'metadata');
    } else if (isCaptionLine(line)) {
      addMeta(article.meta, 'caption', line);
      ledger.mark(i + 1, 'metadata');
    } else {
      body.push(line);
      ledger.mark(i + 1, 'article');
    }
  }
  article.text = joinParagraphs(body);
  return title;
}

/** First line of the trailing run of footer lines (blank lines allowed between them). */
function findFooterStart(lines: readonly string[], from: number): number {
  let start = lines.length;
  for (let i = lines.length - 1; i >= from; i--) {
    const line = lines[i].trim();
    if (line === '') continue;
    if (!isFooterLine(line)) break;
    start = i;
  }
  return start;
}

/** Space that `trimEnd` removes at the end of a line. */
const TRAILING_SPACE = /\s$/u;

/** Offset in the text of the first character of each line (lines split on `\n`). */
function startsOf(lines: readonly string[]): Float64Array {
  const starts = new Float64Array(lines.length);
  let offset = 0;
  for (let i = 0; i < lines.length; i++) {
    starts[i] = offset;
    offset += lines[i].length + 1;
  }
  return starts;
}

/**
 * The text of a comment block: its lines `first..last` (the first and last non-blank ones, -1
 * when none), each without its trailing space, joined with `\n`. When no line has trailing space
 * that text is a stretch of the input, and it is cut out of it: a view, not a copy (a
 * million-comment input would otherwise be held twice).
 */
function blockText(text: string, lines: readonly string[], starts: Float64Array, first: number, last: number, untrimmed: boolean): string {
  if (first === -1) return '';
  if (!untrimmed) return text.slice(starts[first], starts[last] + lines[last].length);
  const body: string[] = [];
  for (let i = first; i <= last; i++) body.push(lines[i].trimEnd());
  return body.join('\n');
}
