import type { Article, InputFormat, ParsedThread } from '../model.js';
import { ThreadStanceError } from '../errors.js';
import { normalizeText } from '../input/decode.js';
import { detachedString } from '../input/detach.js';
import { detectFormat } from './detect.js';
import { parseMacg } from './macg.js';
import { parseArticle } from './article.js';
import { parseJsonl } from './jsonl.js';
import { parseCsv } from './csv.js';

export { detectFormat, SNIFF_LINES } from './detect.js';
export { parseMacg, isAvatarLine, MacgReader } from './macg.js';
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
  return withOwnStrings(PARSERS[chosen](normalized, source));
}

/**
 * The thread-level strings of a parse (title, article, metadata, unparsed regions) made
 * independent of the input, so that whoever keeps them after the analysis (a batch's index
 * entries) does not keep the input. Comment texts stay views on the input: the input is alive
 * while they are analyzed anyway, and copies would double that memory.
 */
function withOwnStrings(parsed: ParsedThread): ParsedThread {
  Object.assign(parsed, headWithOwnStrings(parsed));
  for (const region of parsed.lines.unparsed ?? []) region.text = detachedString(region.text);
  return parsed;
}

/** Title and article made independent of the input they were read from (see {@link detachedString}). */
export function headWithOwnStrings(head: { title: string; article: Article }): { title: string; article: Article } {
  const meta: Record<string, string> = {};
  for (const key of Object.keys(head.article.meta)) meta[key] = detachedString(head.article.meta[key]);
  return { title: detachedString(head.title), article: { author: detachedString(head.article.author), text: detachedString(head.article.text), meta } };
}
