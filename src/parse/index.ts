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

const PARSERS: Record<InputFormat, (text: string, source: string) => ParsedThread> = {
  macg: parseMacg,
  article: parseArticle,
  jsonl: parseJsonl,
  csv: parseCsv,
};

/**
 * Parses one decoded input text into flat comment records. `format` 'auto' detects the format
 * from the file name and the content. A BOM and CRLF/CR line ends are normalized first, so they
 * parse exactly like LF text. Throws `INPUT_EMPTY` for a file with no content.
 */
export function parseThread(text: string, source: string, format: InputFormat | 'auto' = 'auto'): ParsedThread {
  const normalized = normalizeText(text);
  if (normalized.trim() === '') {
    throw new ThreadStanceError('INPUT_EMPTY', 'expected a thread, found an empty file', { file: source });
  }
  const chosen = format === 'auto' ? detectFormat(normalized, source) : format;
  return PARSERS[chosen](normalized, source);
}
