import type { Article, LineAccounting, ParsedThread, RawComment, Warning } from '../model.js';
import { cleanName } from '../input/names.js';
import { detachedString } from '../input/detach.js';
import { OrderedLedger, type Ledger } from './accounting.js';
import { endsWithSpace, isBlank } from './spaces.js';
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
  const reader = new MacgReader(text);
  const comments: RawComment[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const done = reader.line(line, offset);
    if (done !== null) comments.push(done);
    offset += line.length + 1;
  }
  const last = reader.end();
  if (last !== null) comments.push(last);
  const head = reader.head as { title: string; article: Article };
  return { source, format: 'macg', title: head.title, article: head.article, comments, lines: reader.lines(), warnings: reader.warnings };
}

/**
 * The MacG page parser one line at a time, so a page of any size is parsed as it is read: the
 * article is known when the first comment block opens, each comment when the next block opens
 * (or at the end of the page). Holds only the article's lines, then one block's lines.
 */
export class MacgReader {
  /** Warnings so far (`INPUT_NO_AUTHOR` per block, `INPUT_NO_COMMENT_BLOCKS` at the end). */
  readonly warnings: Warning[] = [];
  private readonly ledger = new OrderedLedger();
  // The author of each avatar line seen: a commenter's comments share one name string, and the
  // line is read and cleaned once (a big thread has many comments per author).
  private readonly authorOfLine = new Map<string, string>();
  private articleLines: string[] | null = [];
  private headRead: { title: string; article: Article } | undefined;
  /** The open comment block: its lines (avatar line first), their offsets, its first line number. */
  private block: string[] = [];
  private blockOffsets: number[] = [];
  private blockLine = 0;
  private blocks = 0;
  private lineCount = 0;

  /**
   * `wholeText`: the whole page when it is in memory, so that comment texts can be cut out of it
   * (views, not copies); lines then come with their offsets in it.
   */
  constructor(private readonly wholeText?: string) {}

  /** Title and article, once the first comment block has opened (or the page has ended). */
  get head(): { title: string; article: Article } | undefined {
    return this.headRead;
  }

  /** Reads the next line (without its line end); returns the comment this line completed, if any. */
  line(text: string, offset = -1): RawComment | null {
    const index = this.lineCount++;
    if (!isAvatarLine(text)) {
      if (this.articleLines !== null) this.articleLines.push(text);
      else {
        this.block.push(text);
        this.blockOffsets.push(offset);
      }
      return null;
    }
    let done: RawComment | null = null;
    if (this.articleLines !== null) this.readHead(index);
    else done = this.closeBlock(this.block.length);
    this.block = [text];
    this.blockOffsets = [offset];
    this.blockLine = index;
    return done;
  }

  /** Ends the page: returns its last comment, if any, and accounts the footer. */
  end(): RawComment | null {
    if (this.articleLines !== null) {
      this.warnings.push({ line: 0, code: 'INPUT_NO_COMMENT_BLOCKS', message: 'expected comment blocks opened by "avatar NAME |", found none' });
      this.readHead(this.lineCount);
      return null;
    }
    const footerStart = findFooterStart(this.block, 1);
    const done = this.closeBlock(footerStart);
    for (let i = footerStart; i < this.block.length; i++) if (this.block[i].trim() !== '') this.ledger.mark(this.blockLine + i + 1, 'footer');
    this.block = [];
    this.blockOffsets = [];
    return done;
  }

  /** Where each non-blank line went, once the page has ended. */
  lines(): LineAccounting {
    return this.ledger.result();
  }

  private readHead(end: number): void {
    const article: Article = { author: '', text: '', meta: {} };
    const title = readArticle(this.articleLines as string[], end, this.ledger, article);
    this.headRead = { title, article };
    this.articleLines = null;
  }

  /** The comment of the open block, whose lines end before block line `end`. */
  private closeBlock(end: number): RawComment {
    const { block, ledger } = this;
    const k = this.blocks++;
    const start = this.blockLine;
    let author = this.authorOfLine.get(block[0]);
    if (author === undefined) {
      // Detached copies: a name cut out of the line is a view on the whole piece of input read
      // with it, and names outlive the reading (a million-comment page would stay in memory).
      author = detachedString(cleanName(AVATAR_LINE.exec(block[0])?.[1] ?? ''));
      this.authorOfLine.set(detachedString(block[0]), author);
    }
    if (author === '') {
      this.warnings.push({ line: start + 1, code: 'INPUT_NO_AUTHOR', message: 'expected a name after "avatar", found none; comment kept with an empty author' });
    }
    ledger.mark(start + 1, 'comments', k + 1);
    let first = -1;
    let last = -1;
    let untrimmed = false;
    for (let i = 1; i < end; i++) {
      const line = block[i];
      // A blank line of spaces inside the block is trimmed too (so the text is then a copy).
      if (endsWithSpace(line)) untrimmed = true;
      if (isBlank(line)) continue;
      ledger.mark(start + i + 1, 'comments', k + 1);
      if (first === -1) first = i;
      last = i;
    }
    return { id: `c${k + 1}`, author, text: this.blockText(first, last, untrimmed), line: start + 1 };
  }

  /**
   * The text of the open block: its lines `first..last` (the first and last non-blank ones, -1
   * when none), each without its trailing space, joined with `\n`. When no line has trailing
   * space and the page is in memory, that text is a stretch of the page and is cut out of it: a
   * view, not a copy (a million-comment page would otherwise be held twice).
   */
  private blockText(first: number, last: number, untrimmed: boolean): string {
    if (first === -1) return '';
    const { block } = this;
    if (first === last && !untrimmed) return block[first];
    const from = this.blockOffsets[first];
    if (!untrimmed && this.wholeText !== undefined && from >= 0) return this.wholeText.slice(from, this.blockOffsets[last] + block[last].length);
    const body: string[] = [];
    for (let i = first; i <= last; i++) body.push(block[i].trimEnd());
    return body.join('\n');
  }
}

/**
 * Reads lines `[0, end)`: the title (first content line), the byline, then the body. Lines that
 * occur twice in the body are related-article links (the page prints them as a pair); captions
 * go to metadata too. Returns the title.
 */
function readArticle(lines: readonly string[], end: number, ledger: Ledger, article: Article): string {
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
