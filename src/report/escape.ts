/**
 * Escaping of commenter text for the places reports put it: Markdown (GitHub-flavoured, rendered
 * on github.com and in Actions job summaries), Mermaid chart labels, and the terminal.
 *
 * Comment text is hostile by default: it may hold `<script>`, Markdown tables and links, Mermaid
 * syntax, GitHub @mentions of strangers, bidi overrides or ANSI escape codes. Everything a
 * commenter wrote goes through one of these functions before it reaches a report or the terminal.
 */

/**
 * What {@link dropInvisibleControls} removes: bidi embedding/override/isolate controls (they can
 * reverse how the rest of a line is displayed), then C0 and C1 control characters other than tab
 * and line ends, plus DEL (ANSI escapes start with ESC). One class, one pass: removing characters
 * cannot make others appear, and two passes cost three times as much.
 */
const INVISIBLE_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
/**
 * The whitespace {@link collapsedWords} replaces by one space: a run of two or more whitespace
 * characters, or a single one that is not a space. The same result as replacing every run of
 * `\s+`, without rewriting each single space between words (4 times faster on comment text).
 */
const WHITESPACE_TO_COLLAPSE = /\s{2,}|[^\S ]/g;
/** Every line end and the Unicode line/paragraph separators. */
const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029\u0085]/g;
/**
 * ASCII punctuation that means something in GitHub Markdown inline text: emphasis, code spans,
 * links (and so images), tables, strikethrough, math (`$`), ATX heading closers (`#`), backslash itself.
 * CommonMark lets any ASCII punctuation be backslash-escaped, so escaping is always safe to render.
 */
const MARKDOWN_PUNCTUATION = /[\\`*_[\]|~$#]/g;
/** HTML-significant characters, replaced by entities so no tag can open or close. */
const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
/** U+2060 WORD JOINER: invisible, and stops GitHub from turning `@name` into a link to a GitHub user. */
const WORD_JOINER = '\u2060';

/** Removes bidi controls and control characters, keeping tabs and line ends. */
function dropInvisibleControls(text: string): string {
  return text.replace(INVISIBLE_CONTROLS, '');
}

/**
 * The UTF-16 length of the first `count` characters (code points, as `Array.from` splits: a lone
 * surrogate is one) of `text`, or -1 when `text` has no more than `count` characters. Cuts a text
 * at a number of characters without splitting all of it into an array.
 */
function lengthOfFirstChars(text: string, count: number): number {
  let at = 0;
  for (let chars = 0; at < text.length; chars++) {
    if (chars === count) return at;
    const unit = text.charCodeAt(at);
    const pair = unit >= 0xd800 && unit <= 0xdbff && at + 1 < text.length && (text.charCodeAt(at + 1) & 0xfc00) === 0xdc00;
    at += pair ? 2 : 1;
  }
  return -1;
}

/**
 * Text written by a commenter, made safe as inline Markdown on one line: line ends become spaces,
 * HTML becomes entities, Markdown punctuation is backslash-escaped, `@` cannot ping a GitHub user.
 * The result renders as the same visible characters and cannot open a tag, link, table cell,
 * code span or heading.
 */
export function escapeMarkdownInline(text: string): string {
  return dropInvisibleControls(text)
    .replace(LINE_BREAKS, ' ')
    .replace(/\t/g, ' ')
    .replace(/[&<>]/g, (c) => HTML_ENTITIES[c])
    .replace(MARKDOWN_PUNCTUATION, (c) => `\\${c}`)
    .replace(/@/g, `@${WORD_JOINER}`);
}

/**
 * A short excerpt of a comment for a report line: whitespace collapsed, cut at `maxChars` code
 * points (never inside a surrogate pair) with `…`, then escaped with {@link escapeMarkdownInline}.
 */
export function markdownExcerpt(text: string, maxChars: number): string {
  const collapsed = collapsedWords(text);
  const cut = lengthOfFirstChars(collapsed, maxChars);
  return escapeMarkdownInline(cut < 0 ? collapsed : `${collapsed.slice(0, cut).trimEnd()}…`);
}

/** The visible words of `text` on one line: invisible controls dropped, spaces collapsed, trimmed. */
function collapsedWords(text: string): string {
  return dropInvisibleControls(text).replace(WHITESPACE_TO_COLLAPSE, ' ').trim();
}

/**
 * How many UTF-16 units of a text {@link excerptSource} reads first, per character of the excerpt:
 * room for surrogate pairs, runs of spaces and invisible controls; a head with too few visible
 * characters falls back to the whole text.
 */
const EXCERPT_HEAD_FACTOR = 4;

/**
 * A short text whose {@link markdownExcerpt} of `maxChars` is that of `text`: its visible words,
 * collapsed, and when longer, the first `maxChars` characters and a `…` (standing for the rest:
 * any visible character past the cut gives the same excerpt). What is kept of a comment's words
 * once its reports are written, for `summary.md` (it may be a view on `text`: the excerpt store
 * copies it to disk and lets it go).
 */
export function excerptSource(text: string, maxChars: number): string {
  const plain = plainExcerpt(text, maxChars);
  if (plain !== undefined) return plain;
  // Most comments are much longer than an excerpt: the excerpt of a head of the text is that of the
  // whole text as soon as the head's collapsed words hold more than `maxChars` characters (only
  // the end of a collapsed head can differ: its last spaces are trimmed). So a long comment is not
  // collapsed from end to end (that was 2% of a run). The cut counts characters without splitting
  // the text into an array (with the one-pass regular expressions: 10,000 comments, 53 → 17 ms).
  const headLength = (maxChars + 1) * EXCERPT_HEAD_FACTOR;
  if (text.length > headLength) {
    const head = collapsedWords(text.slice(0, headLength));
    const cut = lengthOfFirstChars(head, maxChars);
    if (cut >= 0) return `${head.slice(0, cut)}…`;
  }
  const collapsed = collapsedWords(text);
  const cut = lengthOfFirstChars(collapsed, maxChars);
  return cut < 0 ? collapsed : `${collapsed.slice(0, cut)}…`;
}

/** {@link unitKind}s: a unit collapsing keeps, whitespace, an invisible control, a high surrogate. */
const KEPT = 0;
const WHITESPACE = 1;
const CONTROL = 2;
const HIGH_SURROGATE = 3;
/** Not classified yet (see {@link UNIT_KINDS}). */
const UNKNOWN = 4;
const SPACE = 0x20;
const WHITESPACE_UNIT = /\s/;
const CONTROL_UNIT = new RegExp(INVISIBLE_CONTROLS.source);

/**
 * What collapsing (see {@link collapsedWords}) does to each UTF-16 code unit ({@link KEPT},
 * {@link WHITESPACE}, {@link CONTROL}), and which units may start a surrogate pair (kept too),
 * read from the two regular expressions themselves, so it cannot drift from them. Each unit is
 * classified on its first sight ({@link UNKNOWN} until then): classifying all 65,536 when the
 * module loaded cost 9-11 ms of every run.
 */
const UNIT_KINDS = new Uint8Array(0x10000).fill(UNKNOWN);

/** The kind of code unit `unit` (see {@link UNIT_KINDS}). */
function unitKind(unit: number): number {
  let kind = UNIT_KINDS[unit];
  if (kind === UNKNOWN) {
    const char = String.fromCharCode(unit);
    // Controls first: vertical tab and form feed are whitespace too, but are dropped before collapsing.
    kind = CONTROL_UNIT.test(char) ? CONTROL : WHITESPACE_UNIT.test(char) ? WHITESPACE : unit >= 0xd800 && unit <= 0xdbff ? HIGH_SURROGATE : KEPT;
    UNIT_KINDS[unit] = kind;
  }
  return kind;
}

/**
 * Whitespace but the space, for the excerpts of {@link plainExcerpt} (which hold no run of two):
 * each becomes a space. Not every `\s`: replacing each space by itself cost 4 times as much.
 */
const OTHER_WHITESPACE = /[^\S ]/g;

/**
 * {@link excerptSource} of a text whose first `maxChars` characters collapse unit for unit: it
 * starts with a visible character, and until the cut holds no invisible control and no run of
 * two whitespace units. Collapsing only turns each of their whitespace units into a space, so the
 * excerpt is the text up to the cut, so changed, and `…` when a visible character follows (any
 * whitespace between them collapses to at most the space a cut may end with). Undefined for any
 * other text, which goes the regular-expression way. This reads about `maxChars` code units
 * instead of collapsing `4 × maxChars` twice over: on the words of the 10,000-comment synthetic
 * page (all of which take this path), 17.5 → 9.8 ms.
 */
function plainExcerpt(text: string, maxChars: number): string | undefined {
  let at = 0;
  let chars = 0;
  // Whitespace before the first character would be trimmed: the start counts as after whitespace.
  let afterWhitespace = true;
  let otherWhitespace = false;
  for (; chars < maxChars && at < text.length; chars++) {
    const unit = text.charCodeAt(at++);
    const kind = unitKind(unit);
    if (kind === KEPT) {
      afterWhitespace = false;
    } else if (kind === WHITESPACE) {
      if (afterWhitespace) return undefined;
      afterWhitespace = true;
      if (unit !== SPACE) otherWhitespace = true;
    } else if (kind === HIGH_SURROGATE) {
      afterWhitespace = false;
      // A pair is one character (a lone surrogate is one too, as `lengthOfFirstChars` counts).
      if (at < text.length && (text.charCodeAt(at) & 0xfc00) === 0xdc00) at++;
    } else {
      return undefined;
    }
  }
  if (chars < maxChars) {
    if (afterWhitespace) return undefined;
    return otherWhitespace ? text.replace(OTHER_WHITESPACE, ' ') : text;
  }
  // A lone high surrogate before the cut would pair with a low one behind dropped controls.
  if (at < text.length && unitKind(text.charCodeAt(at - 1)) === HIGH_SURROGATE && unitKind(text.charCodeAt(at)) === CONTROL) return undefined;
  // The cut is made: is anything visible left after it (else the excerpt has no `…`)?
  for (let next = at; next < text.length; next++) {
    const kind = unitKind(text.charCodeAt(next));
    if (kind === KEPT || kind === HIGH_SURROGATE) {
      const head = text.slice(0, at);
      return `${otherWhitespace ? head.replace(OTHER_WHITESPACE, ' ') : head}…`;
    }
  }
  return undefined;
}

/**
 * A label inside a Mermaid chart (a quoted pie slice name). Mermaid has no escape syntax for
 * quotes, so anything outside letters, digits and a few harmless punctuation marks becomes a space;
 * the label can then neither close its quotes, start a directive (`%%{`) nor end the code fence.
 */
export function mermaidLabel(text: string): string {
  const cleaned = dropInvisibleControls(text).replace(/[^\p{L}\p{N} _.,'()/+-]/gu, ' ').replace(/\s+/g, ' ').trim();
  const chars = Array.from(cleaned);
  return chars.length > 60 ? chars.slice(0, 60).join('') : cleaned;
}

/**
 * Text that will be printed on a terminal (file names, error messages quoting input): control
 * characters such as ESC (ANSI colour and cursor codes) and bidi overrides are shown as `\xNN` /
 * `\uNNNN` instead of being interpreted. Line ends are kept only if `keepNewlines`.
 */
export function terminalSafe(text: string, keepNewlines = false): string {
  return text.replace(/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, (c) => {
    if (keepNewlines && c === '\n') return c;
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
