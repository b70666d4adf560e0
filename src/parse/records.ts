import type { Article, ParsedThread, RawComment } from '../model.js';
import { ThreadStanceError } from '../errors.js';
import type { LineLedger } from './accounting.js';

/** One generic record as read from a JSONL line or a CSV row, before validation. */
export type RecordFields = Record<string, unknown>;

/** Accepted spellings of the parent field (exports differ). */
const PARENT_FIELDS = ['parentId', 'parent_id', 'parent'];

/**
 * Validates one generic record (`id, parentId?, author, text, createdAt?`) and turns it into a
 * {@link RawComment}. Throws `INPUT_BAD_RECORD` with the file and line when a required field is
 * missing or has the wrong type, or when the id repeats an earlier record's id.
 */
export function toRawComment(fields: RecordFields, source: string, line: number, seenIds: Set<string>): RawComment {
  const fail = (what: string): never => {
    throw new ThreadStanceError('INPUT_BAD_RECORD', `expected a record with id, author and text; ${what}`, { file: source, line });
  };
  const id = scalar(fields.id);
  if (id === undefined || id === '') fail('found no id');
  if (typeof fields.author !== 'string') fail('found no author string');
  if (typeof fields.text !== 'string') fail('found no text string');
  if (seenIds.has(id as string)) fail(`found the id "${id}" a second time`);
  seenIds.add(id as string);
  const comment: RawComment = { id: id as string, author: (fields.author as string).trim(), text: normalizeRecordText(fields.text as string), line };
  for (const name of PARENT_FIELDS) {
    const parent = scalar(fields[name]);
    if (parent !== undefined && parent !== '') {
      comment.parentId = parent;
      break;
    }
  }
  const createdAt = scalar(fields.createdAt ?? fields.created_at);
  if (createdAt !== undefined && createdAt !== '') comment.createdAt = createdAt;
  return comment;
}

/** Strings and numbers become strings; null, undefined and other types become undefined. */
function scalar(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** Record texts may carry CRLF inside quoted fields: same line ends as everywhere else. */
function normalizeRecordText(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}

/** The thread of a record file: no article, no title (exports carry comments only). */
export function recordThread(source: string, format: 'jsonl' | 'csv', comments: RawComment[], ledger: LineLedger): ParsedThread {
  const article: Article = { author: '', text: '', meta: {} };
  return { source, format, title: '', article, comments, lines: ledger.result(), warnings: [] };
}
