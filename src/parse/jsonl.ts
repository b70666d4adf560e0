import type { ParsedThread } from '../model.js';
import { ThreadStanceError } from '../errors.js';
import { LineLedger } from './accounting.js';
import { RecordReader } from './records.js';

/**
 * Parses a JSONL export: one JSON object per line (`id, parentId?, author, text, createdAt?`),
 * one file per thread, blank lines ignored. A line that is not a JSON object, or a record that
 * misses a field, throws `INPUT_BAD_RECORD` with its line (see {@link RecordReader} for repeated ids).
 */
export function parseJsonl(text: string, source: string): ParsedThread {
  const lines = text.split('\n');
  const reader = new RecordReader(source, new LineLedger(lines));
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new ThreadStanceError('INPUT_BAD_RECORD', `expected a JSON object, found invalid JSON (${(error as Error).message})`, { file: source, line: i + 1 });
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new ThreadStanceError('INPUT_BAD_RECORD', `expected a JSON object, found ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}`, { file: source, line: i + 1 });
    }
    reader.add(value as Record<string, unknown>, i + 1, i + 1);
  }
  return reader.result('jsonl');
}
