import type { LineAccounting, LineRange } from '../model.js';

/** The buckets a non-blank input line can go to (`unparsed` regions also keep their text). */
export type LineBucket = 'header' | 'article' | 'comments' | 'footer' | 'metadata' | 'unparsed' | 'chrome' | 'duplicate';

/** Where parsers record the bucket of each non-blank line. */
export interface Ledger {
  mark(line: number, bucket: LineBucket, group?: number): void;
}

/**
 * Builds the lossless {@link LineAccounting} of a parse: parsers say where each non-blank line
 * went, in file order, and consecutive lines of one bucket (blank lines between them allowed)
 * become one range. `group` keeps apart ranges that must not merge, such as two comments.
 */
export class LineLedger implements Ledger {
  private readonly accounting: Required<LineAccounting> = {
    header: [], article: [], comments: [], footer: [], metadata: [], unparsed: [], chrome: [], duplicate: [],
  };
  private readonly lastGroup = new Map<LineBucket, number>();

  /** `lines` are the file's lines (0-based array), used to read the text of unparsed regions. */
  constructor(private readonly lines: readonly string[]) {}

  /** Records that 1-based `line` went to `bucket`. Calls must come in increasing line order. */
  mark(line: number, bucket: LineBucket, group = 0): void {
    const ranges: LineRange[] = this.accounting[bucket];
    const last = ranges[ranges.length - 1];
    if (last !== undefined && this.lastGroup.get(bucket) === group && this.onlyBlankBetween(last.end, line)) {
      last.end = line;
    } else {
      ranges.push(bucket === 'unparsed' ? ({ start: line, end: line, text: '' } as LineRange) : { start: line, end: line });
      this.lastGroup.set(bucket, group);
    }
  }

  /** The finished accounting; unparsed regions get their text. */
  result(): LineAccounting {
    for (const region of this.accounting.unparsed) {
      region.text = this.lines.slice(region.start - 1, region.end).join('\n');
    }
    return this.accounting;
  }

  private onlyBlankBetween(from: number, to: number): boolean {
    for (let line = from + 1; line < to; line++) if (this.lines[line - 1].trim() !== '') return false;
    return true;
  }
}

/**
 * A ledger for parsers that account every non-blank line once, in line order (the MacG parser):
 * then "only blank lines between two marks" is "no other mark between them", so a line extends
 * a range only when the previous mark went to the same bucket and group. It needs no copy of the
 * lines and works on a page read line by line.
 */
export class OrderedLedger implements Ledger {
  private readonly accounting: Required<LineAccounting> = {
    header: [], article: [], comments: [], footer: [], metadata: [], unparsed: [], chrome: [], duplicate: [],
  };
  /** The range, bucket and group of the previous mark: no per-bucket lookups per line. */
  private lastRange: LineRange | null = null;
  private lastBucket: LineBucket | null = null;
  private lastGroup = 0;

  /** Records that 1-based `line` went to `bucket`. Calls must come in increasing line order. */
  mark(line: number, bucket: Exclude<LineBucket, 'unparsed'>, group = 0): void {
    if (this.lastRange !== null && this.lastBucket === bucket && this.lastGroup === group) {
      this.lastRange.end = line;
      return;
    }
    const range = { start: line, end: line };
    this.accounting[bucket].push(range);
    this.lastRange = range;
    this.lastBucket = bucket;
    this.lastGroup = group;
  }

  /** The finished accounting. */
  result(): LineAccounting {
    return this.accounting;
  }
}
