import type { InputFormat, ParsedThread } from '../model.js';
import { ThreadStanceError } from '../errors.js';

/**
 * Parses one decoded input text into flat comment records. `format` 'auto' detects the format
 * from the content and the file name.
 * STUB: owned by the parse/tree work.
 */
export function parseThread(text: string, source: string, format: InputFormat | 'auto' = 'auto'): ParsedThread {
  throw new ThreadStanceError('NOT_IMPLEMENTED', `parser not written yet (${format})`, { file: source });
}
