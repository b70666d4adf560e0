/**
 * Quoted passages and where they come from.
 *
 * What counts as a quoted passage (the rule, so that scare quotes such as `la partie "For Profit"`
 * stay the commenter's own words):
 * - a line starting with `>` (the whole line);
 * - a line that is one quotation, in « », “ ” or " ", possibly after a bullet (`•`, `-`, `[1]`)
 *   and before an attribution introduced by a dash (`——Groucho Marx`);
 * - a quotation inside a line only when it has at least {@link INLINE_MIN_WORDS} words AND its words
 *   are found in an earlier comment or the article.
 * Multi-line quotations (an opening mark on one line, the closing one lines later) are not joined.
 *
 * Where a passage comes from is looked up in a {@link ShingleIndex} of word trigrams of every
 * earlier comment's own words (and of the article, as index 0): a vote per trigram, so a quote
 * that drops a letter or a word still finds its source, and no earlier comment is scanned.
 */
import type { Quote } from '../model.js';
import { WordScan, type TextLayout } from './words.js';
import { grown } from '../growable.js';

/** Scratch scan for counting the words of inline quotations (reused: no allocation per line). */
const countWords = new WordScan();
/** Scratch scan for the layout of a text that quotes nothing (see {@link splitQuotes}). */
const layoutScan = new WordScan();

/** Words per shingle: three words rarely repeat by chance across comments. */
const SHINGLE_WORDS = 3;

/** Share of a passage's shingles that must point to one source. */
const MATCH_SHARE = 0.5;

/** Inline quotations shorter than this are scare quotes or titles, not quoted passages. */
const INLINE_MIN_WORDS = 4;

/** Slots probed before a shingle overwrites an older one (the index is bounded, lossy by design). */
const MAX_PROBES = 8;
const MIN_SLOTS = 1 << 10;
const MAX_SLOTS = 1 << 22;

const QUOTE_LINE_PREFIX = /^>+\s*/u;
/**
 * One quotation filling the line; each opening mark with its own closing mark. The passage is
 * captured whole and trimmed in code: a lazy group between `\s*` on both sides backtracks
 * quadratically over a long run of spaces, these patterns stay linear on any line.
 */
const WHOLE_LINE_QUOTE = [/^(?:[•·*\-–]\s*|\[\d+\]\s*)?«([^»]+)»\s*(?:[—–-]+\s*(.*))?$/u,
  /^(?:[•·*\-–]\s*|\[\d+\]\s*)?“([^”]+)”\s*(?:[—–-]+\s*(.*))?$/u,
  /^(?:[•·*\-–]\s*|\[\d+\]\s*)?"([^"]+)"\s*(?:[—–-]+\s*(.*))?$/u];
const INLINE_QUOTE = /«([^»]+)»|“([^”]+)”|"([^"]+)"/gu;
/**
 * A quotation mark, which every pattern above needs (or a leading `>`): a class of code units
 * without the `u` flag, since the three marks are single code units, which V8 runs twice as fast.
 */
const QUOTATION_MARK_UNIT = /[«“"]/;
/**
 * A `>` at a line start. With {@link QUOTATION_MARK_UNIT}, what tells the texts that need the
 * line-by-line split (see {@link mayQuote}): asked as two questions, the second only where the
 * text has a `>`, they take 18 instead of 31-40 ms over the 100k comments of the synthetic page.
 */
const QUOTED_LINE = /(?:^|\n)[^\S\n]*>/u;
/** What is left of a line once its quotation is gone, when that is only bullets and dashes. */
const NO_WORDS = /^[^\p{L}\p{N}]*$/u;

/** `Math.imul` read once (a global lookup per call is slow inside a vm context, see words.ts). */
const imul = Math.imul;

/** Hash of the {@link SHINGLE_WORDS} (3) words starting at `start`, mixed from the words' own hashes. */
function hashShingle(wordHashes: Int32Array, start: number): number {
  let hash = imul(wordHashes[start], 0x9e3779b1);
  hash = imul(hash ^ wordHashes[start + 1], 0x85ebca6b);
  hash = imul(hash ^ wordHashes[start + 2], 0xc2b2ae35);
  hash ^= hash >>> 16;
  return imul(hash, 0x27d4eb2f) ^ (hash >>> 13);
}

/**
 * Word-trigram index from shingle hash to the most recent comment (or article, 0) containing it.
 * A fixed-size open-addressing table sized from the thread's text: memory stays bounded at any
 * thread size. When a probe run is full an old shingle is overwritten: a match may be lost, but
 * none is invented (short of a 32-bit hash collision).
 */
export class ShingleIndex {
  /** Pairs `[hash, source index + 1]`; 0 in the second cell marks an empty slot. */
  private readonly table: Int32Array;
  private readonly mask: number;
  private readonly passageWords = new WordScan();
  /** The shingle hashes of the text being added (scratch, reused). */
  private shingleHashes = new Int32Array(256);
  /** What the first pass of {@link add} read (see there); never used otherwise. */
  private homesRead = 0;
  /** The sources the shingles of a passage point to (scratch, reused: no `Map` of votes per passage). */
  private votes = new Int32Array(64);

  /** `expectedWords`: about how many words will be added (sizes the table). */
  constructor(expectedWords: number) {
    let slots = MIN_SLOTS;
    while (slots < expectedWords * 2 && slots < MAX_SLOTS) slots *= 2;
    this.table = new Int32Array(slots * 2);
    this.mask = slots - 1;
  }

  /**
   * Adds the shingles of a scanned text as coming from `sourceIndex` (0: article).
   *
   * In two passes: the first hashes every shingle and reads its home slot, the second stores
   * them. The table is tens of megabytes, so each slot read is a cache miss; read one after the
   * other with nothing depending on them, the misses are served together instead of one per
   * store. With 5M distinct shingles (100k comments of distinct text) into the 4M-slot table,
   * adding took 400-450 instead of 580-660 ms.
   */
  add(sourceIndex: number, words: WordScan): void {
    const shingles = words.count - SHINGLE_WORDS + 1;
    if (shingles <= 0) return;
    const { table, mask } = this;
    const hashes = (this.shingleHashes = grown(this.shingleHashes, shingles));
    let homes = 0;
    for (let s = 0; s < shingles; s++) {
      const hash = hashShingle(words.hashes, s);
      hashes[s] = hash;
      homes |= table[(hash & mask) * 2 + 1];
    }
    // Kept, so that the reads above are not optimised away as unused.
    this.homesRead = homes;
    for (let s = 0; s < shingles; s++) {
      const hash = hashes[s];
      let slot = hash & mask;
      let target = slot;
      for (let probe = 0; probe < MAX_PROBES; probe++) {
        const cell = slot * 2;
        if (table[cell + 1] === 0 || table[cell] === hash) {
          target = slot;
          break;
        }
        slot = (slot + 1) & mask;
      }
      table[target * 2] = hash;
      table[target * 2 + 1] = sourceIndex + 1;
    }
  }

  /**
   * The source a passage most likely comes from: the index most of its shingles point to (ties:
   * the most recent), if at least half of them do; null otherwise or for passages under 3 words.
   */
  source(passage: string): number | null {
    const words = this.passageWords.scan(passage);
    const shingles = words.count - SHINGLE_WORDS + 1;
    if (shingles <= 0) return null;
    this.votes = grown(this.votes, shingles);
    let found = 0;
    for (let s = 0; s < shingles; s++) {
      const source = this.lookup(hashShingle(words.hashes, s));
      if (source !== -1) this.votes[found++] = source;
    }
    // Sorted, each source's votes are one run; on a tie the later run, the more recent source, wins.
    const votes = this.votes.subarray(0, found).sort();
    let best = -1;
    let bestVotes = 0;
    for (let start = 0; start < found;) {
      let end = start + 1;
      while (end < found && votes[end] === votes[start]) end++;
      if (end - start >= bestVotes) {
        best = votes[start];
        bestVotes = end - start;
      }
      start = end;
    }
    return best !== -1 && bestVotes >= Math.ceil(shingles * MATCH_SHARE) ? best : null;
  }

  /** The source of a shingle, -1 when none is stored. */
  private lookup(hash: number): number {
    let slot = hash & this.mask;
    for (let probe = 0; probe < MAX_PROBES; probe++) {
      const cell = slot * 2;
      if (this.table[cell + 1] === 0) return -1;
      if (this.table[cell] === hash) return this.table[cell + 1] - 1;
      slot = (slot + 1) & this.mask;
    }
    return -1;
  }
}

/**
 * The quotes of every comment that quotes nothing: one frozen list shared by all of them, not an
 * empty array per comment (a million of them in a million-comment thread).
 */
export const NO_QUOTES: Quote[] = Object.freeze([]) as unknown as Quote[];

/** A comment split into quoted passages and the commenter's own words. */
export interface QuoteSplit {
  quotes: Quote[];
  /** The remaining lines, trimmed, blank ones dropped, joined with `\n`. */
  ownText: string;
}

/**
 * Splits a comment's text (its leading mention already removed) into quoted passages, each with
 * the index of its source when the index finds one, and the commenter's own words.
 */
export function splitQuotes(text: string, index: ShingleIndex): QuoteSplit {
  // Most comments quote nothing: same result as the loop below, without splitting lines.
  if (!mayQuote(text)) return { quotes: NO_QUOTES, ownText: unquotedOwnText(text, layoutScan.scan(text).layout) };
  return splitQuotingText(text, index);
}

/**
 * False when `text` certainly quotes nothing (no quotation mark, no line starting with `>`): its
 * {@link splitQuotes} is then no quotes and {@link unquotedOwnText} as its own text.
 */
export function mayQuote(text: string): boolean {
  return QUOTATION_MARK_UNIT.test(text) || (text.indexOf('>') !== -1 && QUOTED_LINE.test(text));
}

/** {@link splitQuotes} of a text that {@link mayQuote}: line by line. */
export function splitQuotingText(text: string, index: ShingleIndex): QuoteSplit {
  const quotes: Quote[] = [];
  const own: string[] = [];
  for (const rawLine of text.split('\n')) {
    const line = rawLine.trim();
    if (line === '') continue;
    // A line with no quotation mark and no leading `>` matches none of the patterns below.
    if (line.charCodeAt(0) !== 0x3e && !QUOTATION_MARK_UNIT.test(line)) {
      own.push(line);
      continue;
    }
    const whole = wholeLineQuote(line);
    if (whole !== null) {
      if (whole.passage !== '') quotes.push({ text: whole.passage, quotedIndex: index.source(whole.passage) });
      if (whole.rest !== '') own.push(whole.rest);
      continue;
    }
    const kept = line.replace(INLINE_QUOTE, (span, a?: string, b?: string, c?: string) => {
      const passage = (a ?? b ?? c ?? '').trim();
      if (countWords.scan(passage, INLINE_MIN_WORDS).count < INLINE_MIN_WORDS) return span;
      const source = index.source(passage);
      if (source === null) return span;
      quotes.push({ text: passage, quotedIndex: source });
      return '';
    });
    if (kept === line) {
      own.push(line);
      continue;
    }
    // Bullets or dashes left alone once the quotation is gone are not the commenter's words.
    const cleaned = kept.replace(/\s{2,}/gu, ' ').trim();
    if (!NO_WORDS.test(cleaned)) own.push(cleaned);
  }
  return { quotes: quotes.length === 0 ? NO_QUOTES : quotes, ownText: own.join('\n') };
}

/**
 * The lines of `text` trimmed, blank ones dropped, joined with `\n`: one flat string. (A global
 * `replace` of the runs of line feeds gives the same text but, in V8, as a concatenation that
 * every later reading of the own text pays for: at 100k comments the stance stage took 0.1 to
 * 0.3 s longer.)
 */
function eachLineTrimmed(text: string): string {
  const kept: string[] = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed !== '') kept.push(trimmed);
  }
  return kept.join('\n');
}

/**
 * The own text of a text that does not {@link mayQuote}, from the layout of its word scan: each
 * line trimmed, blank ones dropped, with no search of its own (a global replace of spaces around
 * line ends would backtrack quadratically over a long run of spaces with no line end).
 */
export function unquotedOwnText(text: string, layout: TextLayout): string {
  if (!layout.lineFeeds) return text.trim();
  // Nothing to trim and no blank line: the text itself, not an equal copy kept beside it.
  return layout.spacedLineEdges || layout.emptyLines ? eachLineTrimmed(text) : text;
}

/** The passage of a `>` line or of a line that is one quotation, and the words left around it. */
function wholeLineQuote(line: string): { passage: string; rest: string } | null {
  const quoteLine = QUOTE_LINE_PREFIX.exec(line);
  if (quoteLine !== null) {
    const inner = line.slice(quoteLine[0].length).trim();
    const marked = matchWholeLine(inner);
    return { passage: marked === null ? inner : marked.passage, rest: marked === null ? '' : marked.rest };
  }
  return matchWholeLine(line);
}

function matchWholeLine(line: string): { passage: string; rest: string } | null {
  for (const pattern of WHOLE_LINE_QUOTE) {
    const match = pattern.exec(line);
    if (match !== null) {
      // The attribution after the dash (`——Groucho Marx`) is the commenter's words, kept.
      const attribution = (match[2] ?? '').trim();
      return { passage: match[1].trim(), rest: NO_WORDS.test(attribution) ? '' : attribution };
    }
  }
  return null;
}
