/**
 * `summary.md`: what a reader of one thread wants at a glance, in GitHub-flavoured Markdown.
 *
 * Sections: title and source, counts, the article's own stance (when measured), stance
 * distribution (table and Mermaid pie chart), sentiment by stance, authors, most debated sub-threads, warnings, and the reply
 * tree as an indented outline inside `<details>`. All commenter text is escaped
 * (`escape.ts`); the document stays under a byte budget (`markdown-budget.ts`).
 */
import type { AnalyzedThread, Comment, SentimentResult } from '../model.js';
import { escapeMarkdownInline, markdownExcerpt, mermaidLabel } from './escape.js';
import { DEFAULT_MARKDOWN_BUDGET, MarkdownBudget, countOf, formatCount, formatRatio, formatShare, formatSigned } from './markdown-budget.js';

/** Characters of a comment's words quoted in the reply tree and the debated sub-threads (by default). */
export const EXCERPT_CHARS = 100;

export interface SummaryMarkdownOptions {
  /** Stance labels in schema order; defaults to those counted in the thread summary. */
  labels?: string[];
  /** Largest size of the file in bytes (default 900 KiB). */
  budgetBytes?: number;
  /** Names of the full-data files written beside the summary (`comments.csv`, `thread.json`...). */
  dataFiles?: string[];
  /** Code points of comment text shown per outline line (default 100). */
  excerptChars?: number;
}

/** Rows shown at most in the authors table, the debated sub-threads and the warnings. */
const MAX_AUTHOR_ROWS = 50;
const MAX_DEBATED_ROWS = 10;
const MAX_WARNING_ROWS = 20;
/** Nesting shown in the outline; deeper replies sit at this level and say their depth. */
const MAX_OUTLINE_NESTING = 8;
/** Bytes kept free for closing notes and the end of `<details>` while a section is being cut. */
const CLOSING_RESERVE = 2048;

/** Where to look for what a cut section left out. */
function fullDataNote(dataFiles: string[], preferred: string[]): string {
  const present = preferred.filter((f) => dataFiles.includes(f));
  if (present.length === 0) return 'rerun with `--format csv,json` for the full data';
  return `the full data is in ${present.map((f) => `\`${f}\``).join(' and ')}`;
}

function stanceLabels(thread: AnalyzedThread, labels: string[] | undefined): string[] {
  const all = [...(labels ?? [])];
  for (const label of Object.keys(thread.summary.stanceCounts)) if (!all.includes(label)) all.push(label);
  return all;
}

function pushHeader(doc: MarkdownBudget, thread: AnalyzedThread): void {
  const title = thread.title.trim() === '' ? 'Untitled thread' : thread.title;
  doc.push(`# ${markdownExcerpt(title, 200)}`);
  doc.push('');
  const { summary } = thread;
  const source = `Source: ${markdownExcerpt(thread.source, 300)} (${thread.format})`;
  const byline = thread.article.author.trim() === '' ? '' : ` · article by ${markdownExcerpt(thread.article.author, 100)}`;
  doc.push(`${source}${byline}`);
  doc.push('');
  doc.push(
    `${countOf(summary.comments, 'comment')} by ${countOf(summary.authors, 'author')} · ` +
      `${countOf(summary.replies, 'reply', 'replies')} · ${countOf(thread.warnings.length, 'warning')}`,
  );
  doc.push('');
}

function pushStance(doc: MarkdownBudget, thread: AnalyzedThread, labels: string[]): void {
  const counts = thread.summary.stanceCounts;
  const total = thread.summary.comments;
  doc.push('## Stance');
  doc.push('');
  doc.push('| stance | comments | share |');
  doc.push('|---|---:|---:|');
  for (const label of labels) {
    const count = counts[label] ?? 0;
    doc.push(`| ${escapeMarkdownInline(label)} | ${formatCount(count)} | ${formatShare(count, total)} |`);
  }
  doc.push('');
  const slices = labels.filter((label) => (counts[label] ?? 0) > 0);
  if (slices.length > 0) {
    doc.push('```mermaid');
    doc.push('pie showData');
    doc.push('    title Stance of the comments');
    for (const label of slices) doc.push(`    "${mermaidLabel(label)}" : ${counts[label]}`);
    doc.push('```');
    doc.push('');
  }
}

function pushSentimentByStance(doc: MarkdownBudget, thread: AnalyzedThread, labels: string[]): void {
  const byStance = thread.summary.sentimentByStance;
  doc.push('## Sentiment by stance');
  doc.push('');
  doc.push('Net sentiment: share of positive minus share of negative comments, from -1 to +1.');
  doc.push('');
  doc.push('| stance | comments | net sentiment | positive | negative | neutral |');
  doc.push('|---|---:|---:|---:|---:|---:|');
  for (const label of labels) {
    const row = byStance[label];
    if (!row) continue;
    doc.push(
      `| ${escapeMarkdownInline(label)} | ${formatCount(row.comments)} | ${formatSigned(row.netSentiment)} | ` +
        `${formatCount(row.positive)} | ${formatCount(row.negative)} | ${formatCount(row.neutral)} |`,
    );
  }
  doc.push('');
}

/** Evidence behind the article's stance: the 3 strongest signals for its label, escaped. */
function articleSignals(stance: NonNullable<AnalyzedThread['summary']['articleStance']>): string {
  return stance.evidence
    .filter((e) => e.label === stance.label)
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))
    .slice(0, 3)
    .map((e) => `${escapeMarkdownInline(e.kind)}: ${markdownExcerpt(e.text, 80)}`)
    .join(' · ');
}

function pushArticle(doc: MarkdownBudget, thread: AnalyzedThread): void {
  const { articleStance, articleSentiment } = thread.summary;
  if (!articleStance && !articleSentiment) return;
  const parts: string[] = [];
  if (articleStance) parts.push(`stance **${escapeMarkdownInline(articleStance.label)}** (confidence ${formatRatio(articleStance.confidence)})`);
  if (articleSentiment) parts.push(`sentiment **${escapeMarkdownInline(articleSentiment.label)}** (lexicon score ${formatSigned(articleSentiment.score)})`);
  doc.push('## The article');
  doc.push('');
  doc.push(`The article itself: ${parts.join(', ')}.`);
  const signals = articleStance ? articleSignals(articleStance) : '';
  if (signals !== '') {
    doc.push('');
    doc.push(`Strongest signals: ${signals}`);
  }
  doc.push('');
}

function countsInline(counts: Record<string, number>): string {
  return Object.entries(counts)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([name, count]) => `${markdownExcerpt(name, 60)} (${count})`)
    .join(', ');
}

function pushAuthors(doc: MarkdownBudget, thread: AnalyzedThread, dataFiles: string[]): void {
  if (thread.authors.length === 0) return;
  // Most active first; the sort is stable, so equal counts keep the summary's order.
  const authors = [...thread.authors].sort((a, b) => b.comments - a.comments);
  doc.push('## Authors');
  doc.push('');
  doc.push('| author | comments | dominant stance | net sentiment | replies written | replies received | agrees with | disagrees with |');
  doc.push('|---|---:|---|---:|---:|---:|---|---|');
  // The authors table may use at most a quarter of what is left, the rest goes to the reply tree.
  const reserve = doc.remaining - Math.floor(doc.remaining / 4);
  let shown = 0;
  for (const a of authors) {
    if (shown >= MAX_AUTHOR_ROWS) break;
    const row =
      `| ${markdownExcerpt(a.author, 60)} | ${formatCount(a.comments)} | ${escapeMarkdownInline(a.dominantStance)} | ` +
      `${formatSigned(a.netSentiment)} | ${formatCount(a.repliesWritten)} | ${formatCount(a.repliesReceived)} | ` +
      `${countsInline(a.agreesWith)} | ${countsInline(a.disagreesWith)} |`;
    if (!doc.tryPush(row, reserve)) break;
    shown++;
  }
  doc.push('');
  if (shown < authors.length) {
    doc.push(`_${formatCount(authors.length - shown)} more authors not shown: ${fullDataNote(dataFiles, ['authors.csv', 'thread.json'])}._`);
    doc.push('');
  }
}

function pushDebated(doc: MarkdownBudget, thread: AnalyzedThread, byIndex: Map<number, Comment>, excerptChars: number): void {
  const debated = thread.summary.debated.slice(0, MAX_DEBATED_ROWS);
  if (debated.length === 0) return;
  doc.push('## Most debated sub-threads');
  doc.push('');
  doc.push('| root | author | comments | disagreements | participants | opens with |');
  doc.push('|---:|---|---:|---:|---:|---|');
  for (const d of debated) {
    const root = byIndex.get(d.rootIndex);
    const opening = root ? markdownExcerpt(root.ownText || root.text, excerptChars) : '';
    doc.push(
      `| #${d.rootIndex} | ${markdownExcerpt(d.author, 60)} | ${formatCount(d.size)} | ${formatCount(d.disagreements)} | ` +
        `${formatCount(d.participants)} | ${opening} |`,
    );
  }
  doc.push('');
}

function pushWarnings(doc: MarkdownBudget, thread: AnalyzedThread, dataFiles: string[]): void {
  if (thread.warnings.length === 0) return;
  doc.push('## Warnings');
  doc.push('');
  doc.push('| line | code | message |');
  doc.push('|---:|---|---|');
  for (const w of thread.warnings.slice(0, MAX_WARNING_ROWS)) {
    doc.push(`| ${w.line} | ${escapeMarkdownInline(w.code)} | ${markdownExcerpt(w.message, 200)} |`);
  }
  doc.push('');
  if (thread.warnings.length > MAX_WARNING_ROWS) {
    doc.push(`_${formatCount(thread.warnings.length - MAX_WARNING_ROWS)} more warnings not shown: ${fullDataNote(dataFiles, ['thread.json'])}._`);
    doc.push('');
  }
}

/**
 * A comment's sentiment in the outline: the label with the learned model's probability when the
 * model decided it, else with the rules' lexicon score (which decided it).
 */
function sentimentText(sentiment: SentimentResult): string {
  return sentiment.probability !== undefined ? `${sentiment.label} (${formatRatio(sentiment.probability)})` : `${sentiment.label} (score ${formatSigned(sentiment.score)})`;
}

/** One outline line: `#12 **Author** · stance (confidence) · sentiment (probability) · agreement — excerpt`. */
function outlineLine(comment: Comment, excerptChars: number): string {
  const nesting = Math.min(comment.depth, MAX_OUTLINE_NESTING);
  const indent = '  '.repeat(Math.max(nesting - 1, 0));
  const parts = [`#${comment.index} **${markdownExcerpt(comment.author, 60) || '(no name)'}**`];
  if (comment.depth > MAX_OUTLINE_NESTING) parts.push(`depth ${comment.depth}`);
  if (comment.stance) parts.push(`${escapeMarkdownInline(comment.stance.label)} (${formatRatio(comment.stance.confidence)})`);
  if (comment.sentiment) parts.push(sentimentText(comment.sentiment));
  if (comment.parentIndex !== 0 && comment.agreement && comment.agreement !== 'none') parts.push(comment.agreement === 'agree' ? 'agrees' : 'disagrees');
  const words = comment.ownText.trim() !== '' ? comment.ownText : comment.text;
  const excerpt = markdownExcerpt(words, excerptChars);
  return `${indent}- ${parts.join(' · ')}${excerpt === '' ? '' : ` — ${excerpt}`}`;
}

/**
 * Position in `comments` of each comment index: comments are numbered 1..n in thread order, so
 * this is usually `index - 1` without any table; otherwise (a hand-built thread) a map, where the
 * first comment with an index wins.
 */
function positionLookup(comments: Comment[]): (index: number) => number {
  let numbered = true;
  for (let p = 0; p < comments.length && numbered; p++) numbered = comments[p].index === p + 1;
  if (numbered) return (index) => (Number.isInteger(index) && index >= 1 && index <= comments.length ? index - 1 : -1);
  const positions = new Map<number, number>();
  for (let p = comments.length - 1; p >= 0; p--) positions.set(comments[p].index, p);
  return (index) => positions.get(index) ?? -1;
}

/**
 * The comments in reply-tree order (each comment, then its replies, depth first; roots and
 * siblings in thread order). A parent that is not in the thread makes a comment a root, so every
 * comment is visited exactly once. The tree is held in typed arrays (first child, next sibling,
 * parent: 12 bytes a comment, no per-comment objects) and walked without recursion or stack, so
 * a 100,000-deep chain or a million comments cost little memory.
 */
export function* replyTreeOrder(comments: Comment[]): Generator<Comment> {
  const n = comments.length;
  const positionOf = positionLookup(comments);
  const parentOf = new Int32Array(n).fill(-1);
  const firstChild = new Int32Array(n).fill(-1);
  const nextSibling = new Int32Array(n).fill(-1);
  // Built from the end so that each sibling list comes out in thread order.
  for (let p = n - 1; p >= 0; p--) {
    const c = comments[p];
    const parent = c.parentIndex !== 0 && c.parentIndex !== c.index ? positionOf(c.parentIndex) : -1;
    if (parent >= 0 && parent !== p) {
      parentOf[p] = parent;
      nextSibling[p] = firstChild[parent];
      firstChild[parent] = p;
    }
  }
  // Each comment has at most one parent, so what hangs under a root is a tree: the walk needs no
  // visited marks. Comments caught in a parent cycle hang under no root; they are listed after.
  const visited = new Uint8Array(n);
  for (let root = 0; root < n; root++) {
    if (parentOf[root] !== -1) continue;
    let p = root;
    for (;;) {
      visited[p] = 1;
      yield comments[p];
      if (firstChild[p] !== -1) {
        p = firstChild[p];
        continue;
      }
      while (p !== root && nextSibling[p] === -1) p = parentOf[p];
      if (p === root) break;
      p = nextSibling[p];
    }
  }
  for (let p = 0; p < n; p++) if (visited[p] === 0) yield comments[p];
}

function pushReplyTree(doc: MarkdownBudget, thread: AnalyzedThread, dataFiles: string[], excerptChars: number): void {
  if (thread.comments.length === 0) return;
  doc.push('## Reply tree');
  doc.push('');
  doc.push('<details>');
  doc.push(`<summary>${formatCount(thread.comments.length)} comments, each with its stance (confidence), sentiment and the start of its own words</summary>`);
  doc.push('');
  let shown = 0;
  for (const comment of replyTreeOrder(thread.comments)) {
    if (!doc.tryPush(outlineLine(comment, excerptChars), CLOSING_RESERVE)) break;
    shown++;
  }
  doc.push('');
  if (shown < thread.comments.length) {
    doc.push(`_${formatCount(thread.comments.length - shown)} more comments not shown (size limit): ${fullDataNote(dataFiles, ['comments.csv', 'thread.json'])}._`);
    doc.push('');
  }
  doc.push('</details>');
  doc.push('');
}

/**
 * `summary.md` of one analyzed thread. Deterministic, and never larger than `budgetBytes`
 * (default 900 KiB) as long as the budget leaves room for the fixed sections.
 */
export function summaryMarkdown(thread: AnalyzedThread, options: SummaryMarkdownOptions = {}): string {
  const doc = new MarkdownBudget(options.budgetBytes ?? DEFAULT_MARKDOWN_BUDGET);
  const dataFiles = options.dataFiles ?? [];
  const excerptChars = options.excerptChars ?? EXCERPT_CHARS;
  const labels = stanceLabels(thread, options.labels);
  // Only the roots of the debated sub-threads are looked up: no map over every comment.
  const debatedRoots = new Set(thread.summary.debated.slice(0, MAX_DEBATED_ROWS).map((d) => d.rootIndex));
  const byIndex = new Map<number, Comment>();
  for (const c of thread.comments) if (debatedRoots.has(c.index) && !byIndex.has(c.index)) byIndex.set(c.index, c);

  pushHeader(doc, thread);
  pushArticle(doc, thread);
  if (thread.comments.length === 0) {
    doc.push('No reader comments in this input.');
    doc.push('');
  } else {
    pushStance(doc, thread, labels);
    pushSentimentByStance(doc, thread, labels);
  }
  pushAuthors(doc, thread, dataFiles);
  pushDebated(doc, thread, byIndex, excerptChars);
  pushWarnings(doc, thread, dataFiles);
  pushReplyTree(doc, thread, dataFiles, excerptChars);
  if (dataFiles.length > 0) doc.push(`Full data: ${dataFiles.map((f) => `[${f}](${f})`).join(' · ')}`);
  return doc.toString();
}
