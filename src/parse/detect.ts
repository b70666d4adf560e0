import type { InputFormat } from '../model.js';
import { isAvatarLine } from './macg.js';

/** Header cells a CSV export must have (any order, any case). */
const CSV_REQUIRED_COLUMNS = ['id', 'author', 'text'];

/** Only the first lines are looked at: detection must not cost a pass over a large file. */
export const SNIFF_LINES = 2000;

/**
 * Detects the format of one decoded input: the file extension first (`.jsonl`/`.ndjson`, `.csv`),
 * then the content: a first line holding a JSON object means JSONL, a header row with `id`,
 * `author` and `text` means CSV, an `avatar NAME |` line means MacG text, anything else is a
 * plain article.
 */
export function detectFormat(text: string, source: string): InputFormat {
  const name = source.toLowerCase();
  if (name.endsWith('.jsonl') || name.endsWith('.ndjson')) return 'jsonl';
  if (name.endsWith('.csv')) return 'csv';
  const lines = text.split('\n', SNIFF_LINES);
  const first = lines.find((line) => line.trim() !== '')?.trim() ?? '';
  if (first.startsWith('{') && first.endsWith('}') && isJsonObject(first)) return 'jsonl';
  const cells = first.toLowerCase().split(',').map((cell) => cell.trim().replace(/^"|"$/g, ''));
  if (CSV_REQUIRED_COLUMNS.every((column) => cells.includes(column))) return 'csv';
  if (lines.some(isAvatarLine)) return 'macg';
  return 'article';
}

function isJsonObject(line: string): boolean {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
