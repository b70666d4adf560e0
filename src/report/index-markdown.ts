/**
 * `index.md`: one table over every thread of a run, linking each thread's `summary.md`, plus the
 * inputs that could not be analyzed. Built from small per-thread entries (not whole threads), so a
 * run over thousands of files keeps nothing big in memory.
 */
import type { AnalyzedThread } from '../model.js';
import { detachedString } from '../input/detach.js';
import { escapeMarkdownInline, markdownExcerpt } from './escape.js';
import { DEFAULT_MARKDOWN_BUDGET, MarkdownBudget, countOf, formatCount } from './markdown-budget.js';

/** What `index.md` shows about one analyzed thread. */
export interface IndexEntry {
  /** Folder of the thread's reports, relative to the index. */
  slug: string;
  source: string;
  format: string;
  title: string;
  comments: number;
  authors: number;
  replies: number;
  warnings: number;
  stanceCounts: Record<string, number>;
  sentimentCounts: Record<string, number>;
  /** Stance of the article text, when the analysis measured it. */
  articleStance?: string;
  /** Whether `summary.md` was written (only with the `md` format). */
  hasSummary: boolean;
}

/** An input that could not be analyzed, with its located message (`file:line: message`). */
export interface FailedInput {
  source: string;
  message: string;
}

export interface IndexMarkdownOptions {
  /** Stance labels in schema order, for the order of the stance column. */
  labels?: string[];
  budgetBytes?: number;
  /** Run-level files written beside the index (`comments.csv`, `authors.csv`), linked under the counts. */
  combinedFiles?: string[];
}

/**
 * The index entry of an analyzed thread. Its strings are detached copies (see `detach.ts`): the
 * title is a slice of the input, and an entry lives until the end of the run.
 */
export function indexEntry(thread: AnalyzedThread, slug: string, hasSummary: boolean): IndexEntry {
  return {
    slug: detachedString(slug), source: detachedString(thread.source), format: detachedString(thread.format), title: detachedString(thread.title),
    comments: thread.summary.comments, authors: thread.summary.authors, replies: thread.summary.replies,
    warnings: thread.warnings.length, stanceCounts: { ...thread.summary.stanceCounts },
    sentimentCounts: { ...thread.summary.sentimentCounts }, hasSummary,
    ...(thread.summary.articleStance ? { articleStance: detachedString(thread.summary.articleStance.label) } : {}),
  };
}

/** `label n · label n` over non-zero counts, schema labels first then the others by name. */
function distribution(counts: Record<string, number>, labels: string[]): string {
  const order = [...labels, ...Object.keys(counts).filter((l) => !labels.includes(l)).sort()];
  return order
    .filter((l) => (counts[l] ?? 0) > 0)
    .map((l) => `${escapeMarkdownInline(l)} ${formatCount(counts[l])}`)
    .join(' · ');
}

/** `index.md` over the threads of a run, in run order, under the byte budget. */
export function indexMarkdown(entries: IndexEntry[], failed: FailedInput[] = [], options: IndexMarkdownOptions = {}): string {
  const doc = new MarkdownBudget(options.budgetBytes ?? DEFAULT_MARKDOWN_BUDGET);
  const labels = options.labels ?? [];
  const totalComments = entries.reduce((sum, e) => sum + e.comments, 0);
  const totalWarnings = entries.reduce((sum, e) => sum + e.warnings, 0);
  doc.push('# Thread stance reports');
  doc.push('');
  doc.push(
    `${countOf(entries.length, 'thread')} · ${countOf(totalComments, 'comment')} · ` +
      `${countOf(totalWarnings, 'warning')} · ${countOf(failed.length, 'input')} not analyzed`,
  );
  doc.push('');
  const combined = options.combinedFiles ?? [];
  if (combined.length > 0) {
    doc.push(`All threads in one table (first column \`thread\`, the report folder): ${combined.map((f) => `[${f}](${f})`).join(' · ')}`);
    doc.push('');
  }
  // Failures first and in full (each line is short): they are what a reader must act on.
  if (failed.length > 0) {
    doc.push('## Inputs that could not be analyzed');
    doc.push('');
    doc.push('| input | error |');
    doc.push('|---|---|');
    const reserve = doc.remaining - Math.floor(doc.remaining / 4);
    let shown = 0;
    for (const f of failed) {
      if (!doc.tryPush(`| ${markdownExcerpt(f.source, 300)} | ${markdownExcerpt(f.message, 300)} |`, reserve)) break;
      shown++;
    }
    doc.push('');
    if (shown < failed.length) {
      doc.push(`_${formatCount(failed.length - shown)} more failed inputs not shown (size limit): see the messages of the run._`);
      doc.push('');
    }
  }
  if (entries.length > 0) {
    doc.push('## Threads');
    doc.push('');
    doc.push('| thread | source | format | comments | authors | replies | warnings | stance of the comments | article stance | sentiment +/−/0 |');
    doc.push('|---|---|---|---:|---:|---:|---:|---|---|---|');
    let shown = 0;
    for (const e of entries) {
      const title = markdownExcerpt(e.title.trim() === '' ? e.slug : e.title, 120);
      const link = e.hasSummary ? `[${title}](${e.slug}/summary.md)` : title;
      const s = e.sentimentCounts;
      const row =
        `| ${link} | ${markdownExcerpt(e.source, 200)} | ${escapeMarkdownInline(e.format)} | ${formatCount(e.comments)} | ` +
        `${formatCount(e.authors)} | ${formatCount(e.replies)} | ${formatCount(e.warnings)} | ${distribution(e.stanceCounts, labels)} | ` +
        `${e.articleStance === undefined ? '' : escapeMarkdownInline(e.articleStance)} | ` +
        `${formatCount(s.positive ?? 0)} / ${formatCount(s.negative ?? 0)} / ${formatCount(s.neutral ?? 0)} |`;
      if (!doc.tryPush(row, 512)) break;
      shown++;
    }
    doc.push('');
    if (shown < entries.length) {
      doc.push(`_${formatCount(entries.length - shown)} more threads not shown (size limit): each has its own folder of reports._`);
      doc.push('');
    }
  }
  return doc.toString();
}
