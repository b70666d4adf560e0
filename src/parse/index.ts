import type { InputFormat, ParsedThread } from '../model.js';
import { ThreadStanceError } from '../errors.js';
import { normalizeText } from '../input/decode.js';
import { detectFormat } from './detect.js';
import { parseMacg } from './macg.js';
import { parseArticle } from './article.js';
import { parseJsonl } from './jsonl.js';
import { parseCsv } from './csv.js';

export { detectFormat } from './detect.js';
export { parseMacg, isAvatarLine } from './macg.js';
export { parseArticle } from './article.js';
export { parseJsonl } from './jsonl.js';
export { parseCsv } from './csv.js';

/** Whitespace and invisible characters only: nothing a reader could see. */
const NOTHING_VISIBLE = /^[\s\u200b-\u200d\u2060\ufeff]*$/u;

const PARSERS: Record<InputFormat, (text: string, source: string) => ParsedThread> = {
  macg: parseMacg,
  article: parseArticle,
  jsonl: parseJsonl,
  csv: parseCsv,
};

/**
 * Parses one decoded input text into flat comment records. `format` 'auto' detects the format
 * from the file name and the content. A BOM and CRLF/CR line ends are normalized first, so they
 * parse exactly like LF text. Throws `INPUT_EMPTY` for a file with nothing visible in it (only
 * spaces, line ends, zero-width characters).
 */
export function parseThread(text: string, source: string, format: InputFormat | 'auto' = 'auto'): ParsedThread {
  const normalized = normalizeText(text);
  if (NOTHING_VISIBLE.test(normalized)) {
    throw new ThreadStanceError('INPUT_EMPTY', 'expected a thread, found an empty file', { file: source });
  }
  const chosen = format === 'auto' ? detectFormat(normalized, source) : format;
  return PARSERS[chosen](normalized, source);
}
