/**
 * A size budget for Markdown reports. GitHub refuses a job summary over 1 MiB
 * (`$GITHUB_STEP_SUMMARY`), and a huge summary is useless to read anyway, so reports are written
 * line by line against a byte budget and long sections are cut with a note that says how much was
 * left out and where the full data is.
 */

/** Default budget per Markdown file: 900 KiB, safely below GitHub's 1 MiB job-summary limit. */
export const DEFAULT_MARKDOWN_BUDGET = 900 * 1024;

/** Lines of a Markdown document with their running UTF-8 size. */
export class MarkdownBudget {
  private readonly lines: string[] = [];
  private used = 0;

  /** @param limit the most bytes the finished document may take. */
  constructor(readonly limit: number) {}

  /** Bytes still free. */
  get remaining(): number {
    return this.limit - this.used;
  }

  /** Adds a line unconditionally (headings, notes: small, bounded lines). */
  push(line: string): void {
    this.lines.push(line);
    this.used += Buffer.byteLength(line, 'utf8') + 1;
  }

  /** Adds a line if it fits in `reserve` less than the remaining bytes; says whether it did. */
  tryPush(line: string, reserve: number): boolean {
    const size = Buffer.byteLength(line, 'utf8') + 1;
    if (this.used + size > this.limit - reserve) return false;
    this.lines.push(line);
    this.used += size;
    return true;
  }

  /** The document: lines joined with `\n`, trailing blank lines dropped, ending with one newline. */
  toString(): string {
    let end = this.lines.length;
    while (end > 0 && this.lines[end - 1] === '') end--;
    return end === 0 ? '' : `${this.lines.slice(0, end).join('\n')}\n`;
  }
}

/** A count with comma thousands separators (`12,345`), the same in every locale. */
export function formatCount(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `**1** comment`, `**12** comments`: a bold count and its noun, singular for exactly one. */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `**${formatCount(count)}** ${count === 1 ? singular : plural}`;
}

/** A score with a sign and at most 2 decimals: `+3`, `-1.5`, `0`. */
export function formatSigned(value: number): string {
  if (!Number.isFinite(value)) return '–';
  const rounded = Math.round(value * 100) / 100;
  if (rounded === 0) return '0';
  return rounded > 0 ? `+${rounded}` : String(rounded);
}

/** A ratio in [0, 1] with 2 decimals: `0.82`. */
export function formatRatio(value: number): string {
  return Number.isFinite(value) ? value.toFixed(2) : '–';
}

/** A share of a total as a percentage with one decimal: `25.0%` (`0.0%` for an empty total). */
export function formatShare(count: number, total: number): string {
  return `${total === 0 ? '0.0' : ((100 * count) / total).toFixed(1)}%`;
}
