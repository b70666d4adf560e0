import { ThreadStanceError } from '../errors.js';

/** One shared decoder: `fatal` makes invalid UTF-8 an error instead of silent U+FFFD. */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Removes a leading byte-order mark and turns CRLF and lone CR line ends into LF, so that every
 * parser sees one line-end convention and line numbers stay the same as in the original file.
 */
export function normalizeText(text: string): string {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return withoutBom.indexOf('\r') === -1 ? withoutBom : withoutBom.replace(/\r\n?/g, '\n');
}

/**
 * Decodes the bytes of one input file into normalized text (UTF-8, with or without BOM).
 * Throws `INPUT_NOT_UTF8` when the bytes are not valid UTF-8 (other encodings come later).
 */
export function decodeInput(bytes: Uint8Array, source: string): string {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new ThreadStanceError('INPUT_NOT_UTF8', 'expected UTF-8 text, found bytes that are not valid UTF-8', {
      file: source,
    });
  }
  return normalizeText(text);
}
