import type { Article, ParsedThread, RawComment, Warning } from '../model.js';
import { ThreadStanceError } from '../errors.js';
import { cleanName } from '../input/names.js';
import type { LineLedger } from './accounting.js';

/** One generic record as read from a JSONL line or a CSV row, before validation. */
export type RecordFields = Record<string, unknown>;

/** Accepted spellings of the parent field (exports differ). */
const PARENT_FIELDS = ['parentId', 'parent_id', 'parent'];

/**
 * Validates the records of one JSONL or CSV file (`id, parentId?, author, text, createdAt?`) and
 * collects them as {@link RawComment}s, in file order, accounting each record's lines.
 *
 * - A required field missing or of the wrong type throws `INPUT_BAD_RECORD` with the file and line.
 * - An id seen before on a record with the same author, text, parent and date is the same record
 *   exported twice: its lines are accounted as `duplicate` with an `INPUT_DUPLICATE_RECORD`
 *   warning. An id seen before on a DIFFERENT record throws `INPUT_BAD_RECORD`: which of the two
 *   a reply answers cannot be known, and guessing would silently misplace replies.
 * - An empty author is kept, with an `INPUT_NO_AUTHOR` warning.
 */
export class RecordReader {
  readonly comments: RawComment[] = [];
  readonly warnings: Warning[] = [];
  private readonly byId = new Map<string, RawComment>();

  constructor(private readonly source: string, private readonly ledger: LineLedger) {}

  /** Reads one record whose first line is `line` and whose lines are `[line, lastLine]`. */
  add(fields: RecordFields, line: number, lastLine: number, isContentLine: (line: number) => boolean = () => true): void {
    const comment = toRawComment(fields, this.source, line);
    const earlier = this.byId.get(comment.id);
    let bucket: 'comments' | 'duplicate' = 'comments';
    if (earlier !== undefined) {
      if (!sameRecord(earlier, comment)) {
        throw new ThreadStanceError('INPUT_BAD_RECORD', `expected a record with id, author and text; found the id "${comment.id}" a second time (first on line ${earlier.line}), on a different record`, {
          file: this.source, line,
        });
      }
      this.warnings.push({
        line, code: 'INPUT_DUPLICATE_RECORD',
        message: `record "${comment.id}" repeats the record on line ${earlier.line} exactly; counted once`,
      });
      bucket = 'duplicate';
    } else {
      this.byId.set(comment.id, comment);
      this.comments.push(comment);
      if (comment.author === '') {
        this.warnings.push({ line, code: 'INPUT_NO_AUTHOR', message: `record "${comment.id}" has an empty author; comment kept with an empty author` });
      }
    }
    for (let l = line; l <= lastLine; l++) if (isContentLine(l)) this.ledger.mark(l, bucket, this.comments.length);
  }

  /** The thread of the records read: no article, no title (exports carry comments only). */
  result(format: 'jsonl' | 'csv'): ParsedThread {
    const article: Article = { author: '', text: '', meta: {} };
    return { source: this.source, format, title: '', article, comments: this.comments, lines: this.ledger.result(), warnings: this.warnings };
  }
}

/**
 * Validates one generic record and turns it into a {@link RawComment} (author name cleaned, see
 * `cleanName`). Throws `INPUT_BAD_RECORD` with the file and line when a required field is missing
 * or has the wrong type.
 */
export function toRawComment(fields: RecordFields, source: string, line: number): RawComment {
  const fail = (what: string): never => {
    throw new ThreadStanceError('INPUT_BAD_RECORD', `expected a record with id, author and text; ${what}`, { file: source, line });
  };
  const id = scalar(fields.id);
  if (id === undefined || id === '') fail('found no id');
  if (typeof fields.author !== 'string') fail('found no author string');
  if (typeof fields.text !== 'string') fail('found no text string');
  const comment: RawComment = { id: id as string, author: cleanName(fields.author as string), text: normalizeRecordText(fields.text as string), line };
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

function sameRecord(a: RawComment, b: RawComment): boolean {
  return a.author === b.author && a.text === b.text && a.parentId === b.parentId && a.createdAt === b.createdAt;
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
