/**
 * Gold labels: a person's labels for the comments of one thread, one JSON object per line:
 * `{"index": N, "parent"?: P, "sentiment"?: "...", "stance"?: "...", "agreement"?: "..."}`.
 * Any subset of the label fields may be given; other fields (a `why` note) are ignored. Blank lines
 * are skipped. Every mistake is reported as a {@link ThreadStanceError} with the file and line.
 */
import { ThreadStanceError } from '../errors.js';
import type { Agreement, SentimentLabel } from '../model.js';

/** One labelled comment, and the gold file line it came from. */
export interface GoldRecord {
  index: number;
  parent?: number;
  sentiment?: SentimentLabel;
  stance?: string;
  agreement?: Agreement;
  line: number;
}

export interface GoldOptions {
  /** When given, a `stance` outside this list is an error (a typo would otherwise count as a label). */
  stanceLabels?: string[];
}

export const SENTIMENT_LABELS: readonly SentimentLabel[] = ['positive', 'negative', 'neutral'];
export const AGREEMENT_LABELS: readonly Agreement[] = ['agree', 'disagree', 'none'];

function describe(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string, fail: (m: string) => never): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    fail(`"${field}" must be one of ${allowed.join(', ')}; found ${describe(value)}`);
  }
  return value as T;
}

/** Parses and validates a gold JSONL text; `file` is used in error messages. */
export function parseGold(text: string, file: string, options: GoldOptions = {}): GoldRecord[] {
  const records: GoldRecord[] = [];
  const firstLineOf = new Map<number, number>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = i + 1;
    const fail = (message: string): never => {
      throw new ThreadStanceError('GOLD_INVALID', message, { file, line });
    };
    if (lines[i].trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(lines[i]);
    } catch (error) {
      fail(`expected one JSON object per line; ${(error as Error).message}`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(`expected a JSON object; found ${describe(value)}`);
    const record = value as Record<string, unknown>;
    const { index } = record;
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 1) fail(`"index" must be a comment number (1 or more); found ${describe(index)}`);
    const gold: GoldRecord = { index: index as number, line };
    const earlier = firstLineOf.get(gold.index);
    if (earlier !== undefined) fail(`comment ${gold.index} is labelled twice (first on line ${earlier})`);
    firstLineOf.set(gold.index, line);
    if (record.parent !== undefined) {
      const { parent } = record;
      if (typeof parent !== 'number' || !Number.isInteger(parent) || parent < 0 || parent >= gold.index) {
        fail(`"parent" must be 0 (the article) or an earlier comment number (below ${gold.index}); found ${describe(parent)}`);
      }
      gold.parent = parent as number;
    }
    if (record.sentiment !== undefined) gold.sentiment = oneOf(record.sentiment, SENTIMENT_LABELS, 'sentiment', fail);
    if (record.stance !== undefined) {
      if (options.stanceLabels) gold.stance = oneOf(record.stance, options.stanceLabels, 'stance', fail);
      else if (typeof record.stance !== 'string' || record.stance === '') fail(`"stance" must be a label name; found ${describe(record.stance)}`);
      else gold.stance = record.stance;
    }
    if (record.agreement !== undefined) gold.agreement = oneOf(record.agreement, AGREEMENT_LABELS, 'agreement', fail);
    records.push(gold);
  }
  if (records.length === 0) throw new ThreadStanceError('GOLD_EMPTY', 'no gold records: expected one JSON object per line', { file });
  return records;
}
