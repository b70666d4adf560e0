/**
 * Input decoding: the bytes of one file in, normalized text (and what decoding had to guess) out.
 *
 * What is accepted, in this order:
 * 1. A UTF-16 file with a byte-order mark (LE or BE): decoded; unpaired surrogates or an odd byte
 *    count are `INPUT_NOT_UTF16` (with the line).
 * 2. Binary data: a NUL byte, or many control bytes in the first 64 KiB, is `INPUT_BINARY`
 *    (a UTF-16 file without BOM lands here too; the message says so).
 * 3. UTF-8, with or without BOM: decoded as is.
 * 4. Not UTF-8, but every non-ASCII byte reads as a letter or punctuation of Windows-1252 (the
 *    Latin-1 superset of French Windows exports) and no valid UTF-8 multi-byte sequence shows that
 *    the file was meant as UTF-8: decoded as Windows-1252 with an `INPUT_DECODED_CP1252` warning.
 * 5. Anything else (UTF-8 with some broken bytes, bytes that Windows-1252 leaves undefined) is
 *    `INPUT_NOT_UTF8` naming the line and byte of the first invalid sequence. Invalid bytes are
 *    never silently replaced by U+FFFD: a French text with its accents replaced would be analyzed
 *    wrongly without anyone noticing.
 *
 * Line ends are then normalized (CRLF and CR to LF) and a leading BOM dropped, so line numbers
 * in every later message are those of the file.
 */
import { ThreadStanceError } from '../errors.js';
import type { Warning } from '../model.js';

/** Shared decoders: `fatal` makes invalid input an error instead of silent U+FFFD. */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf16le = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true });
const utf16be = new TextDecoder('utf-16be', { fatal: true, ignoreBOM: true });

/** Bytes looked at for the binary test: enough to see a binary header, cheap on a 50 MB file. */
const BINARY_SAMPLE = 64 * 1024;
/** Share of control bytes (other than tab, line ends, form feed, ESC) that makes a sample binary. */
const BINARY_CONTROL_SHARE = 0.02;
/**
 * Fewest control bytes that can make a sample binary. On a short file a share is noise: two stray
 * controls (a terminal bell pasted with a link, a word processor's line break) are 3% of a 60-byte
 * comment, which is still text. Binary data without a NUL byte has far more than this.
 */
const BINARY_MIN_CONTROLS = 16;

/**
 * Windows-1252 characters of bytes 0x80-0x9F (the rest is Latin-1: byte value = code point).
 * Written out because Node's `TextDecoder('windows-1252')` decodes these bytes as Latin-1 C1
 * controls (U+0092 instead of `’`), which would lose the apostrophes and `œ` of French text.
 * The five bytes Windows-1252 leaves undefined never get here (see {@link isCp1252Undefined}).
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** Decodes Windows-1252 bytes. */
function decodeCp1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
}

/** Decoded text of one input and what decoding warned about. */
export interface DecodedInput {
  text: string;
  warnings: Warning[];
}

/**
 * Removes a leading byte-order mark and turns CRLF and lone CR line ends into LF, so that every
 * parser sees one line-end convention and line numbers stay the same as in the original file.
 */
export function normalizeText(text: string): string {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return withoutBom.indexOf('\r') === -1 ? withoutBom : withoutBom.replace(/\r\n?/g, '\n');
}

/**
 * Decodes the bytes of one input file (see the module comment for the accepted encodings) into
 * normalized text, with a warning when the encoding had to be guessed. Throws `INPUT_BINARY`,
 * `INPUT_NOT_UTF8` or `INPUT_NOT_UTF16` naming `source` (and the line when one is known).
 * This is the function the CLI should call: {@link decodeInput} drops the warnings.
 */
export function decodeInputWithWarnings(bytes: Uint8Array, source: string): DecodedInput {
  const utf16 = utf16Decoder(bytes);
  if (utf16 !== null) {
    let text: string;
    try {
      text = utf16.decoder.decode(bytes.subarray(2));
    } catch {
      throw new ThreadStanceError('INPUT_NOT_UTF16', `expected UTF-16 ${utf16.name} text after its byte-order mark, found an unpaired surrogate or an odd number of bytes`, {
        file: source, line: utf16BadLine(bytes, utf16.name === 'LE'),
      });
    }
    const nul = text.indexOf('\u0000');
    if (nul !== -1) throw binaryError(source, lineAtChar(text, nul), 'a NUL character');
    return { text: normalizeText(text), warnings: [] };
  }
  checkNotBinary(bytes, source);
  try {
    return { text: normalizeText(utf8.decode(bytes)), warnings: [] };
  } catch {
    // not UTF-8: a legacy encoding or a broken file, told apart below
  }
  const scan = scanUtf8(bytes);
  const firstBad = scan.firstInvalid;
  const line = lineAtByte(bytes, firstBad);
  const byte = `0x${bytes[firstBad].toString(16).toUpperCase().padStart(2, '0')}`;
  if (scan.validMultibyte === 0 && !scan.cp1252Undefined) {
    return {
      text: normalizeText(decodeCp1252(bytes)),
      warnings: [{
        line: 0, code: 'INPUT_DECODED_CP1252',
        message: `${source} is not UTF-8 (byte ${byte} on line ${line}); decoded as Windows-1252 (Latin-1): check its accents, or save it as UTF-8`,
      }],
    };
  }
  const why = scan.validMultibyte > 0 ? 'the rest of the file is UTF-8, so the file is damaged or mixes encodings' : 'it is no Windows-1252 text either';
  throw new ThreadStanceError('INPUT_NOT_UTF8', `expected UTF-8 text, found byte ${byte} that is not valid UTF-8 (${why})`, { file: source, line });
}

/**
 * Decodes the bytes of one input file into normalized text, like {@link decodeInputWithWarnings}
 * but returning the text alone (kept for callers written before decoding could warn).
 */
export function decodeInput(bytes: Uint8Array, source: string): string {
  return decodeInputWithWarnings(bytes, source).text;
}

function utf16Decoder(bytes: Uint8Array): { decoder: TextDecoder; name: 'LE' | 'BE' } | null {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { decoder: utf16le, name: 'LE' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { decoder: utf16be, name: 'BE' };
  return null;
}

/** The file's first NUL byte anywhere, or too many control bytes in its first 64 KiB, make it binary. */
export function checkNotBinary(bytes: Uint8Array, source: string): void {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const evenOdd = nul % 2 === 1 ? 'LE' : 'BE';
    const hint = looksLikeUtf16(bytes) ? ` (UTF-16 ${evenOdd} without a byte-order mark? save it as UTF-8)` : '';
    throw binaryError(source, lineAtByte(bytes, nul), `a NUL byte${hint}`);
  }
  const end = Math.min(bytes.length, BINARY_SAMPLE);
  let controls = 0;
  let first = -1;
  for (let i = 0; i < end; i++) {
    const b = bytes[i];
    // Vertical tab (0x0b) is the manual line break that word processors put in copied text.
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0d && b !== 0x0c && b !== 0x1b) || b === 0x7f) {
      controls++;
      if (first === -1) first = i;
    }
  }
  if (controls >= BINARY_MIN_CONTROLS && controls / end > BINARY_CONTROL_SHARE) {
    throw binaryError(source, lineAtByte(bytes, first), `${controls} control bytes in its first ${end} bytes`);
  }
}

function binaryError(source: string, line: number, what: string): ThreadStanceError {
  return new ThreadStanceError('INPUT_BINARY', `expected a text file, found binary data (${what})`, { file: source, line });
}

/** Every other byte NUL in the first bytes: UTF-16 text of mostly ASCII characters. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 512) & ~1;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < end; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = end / 2;
  return pairs > 0 && (even > pairs * 0.6 || odd > pairs * 0.6) && Math.min(even, odd) < pairs * 0.1;
}

/** What a byte-level UTF-8 check found. */
interface Utf8Scan {
  /** Offset of the first byte that starts no valid UTF-8 sequence (-1: none). */
  firstInvalid: number;
  /** How many valid 2- to 4-byte sequences the file holds. */
  validMultibyte: number;
  /** Whether an invalid byte is one of the five Windows-1252 leaves undefined. */
  cp1252Undefined: boolean;
}

/** Bytes Windows-1252 assigns no character to (decoders map them to C1 controls). */
function isCp1252Undefined(b: number): boolean {
  return b === 0x81 || b === 0x8d || b === 0x8f || b === 0x90 || b === 0x9d;
}

/** One linear pass over the bytes, following RFC 3629 (no overlongs, no surrogates, <= U+10FFFF). */
function scanUtf8(bytes: Uint8Array): Utf8Scan {
  const scan: Utf8Scan = { firstInvalid: -1, validMultibyte: 0, cp1252Undefined: false };
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = sequenceLength(bytes, i);
    if (length > 0) {
      scan.validMultibyte++;
      i += length;
      continue;
    }
    if (scan.firstInvalid === -1) scan.firstInvalid = i;
    if (isCp1252Undefined(b)) scan.cp1252Undefined = true;
    i++;
  }
  return scan;
}

/** Length of the valid UTF-8 multi-byte sequence starting at `i`, or 0. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  const cont = (k: number, low = 0x80, high = 0xbf): boolean => i + k < bytes.length && bytes[i + k] >= low && bytes[i + k] <= high;
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if ((b >= 0xe1 && b <= 0xec) || b === 0xee || b === 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (b === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (b === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (b >= 0xf1 && b <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (b === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

/** 1-based line of byte `offset`, counting LF, CRLF and lone CR as line ends (as normalizeText does). */
function lineAtByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) line++;
    else if (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a) line++;
  }
  return line;
}

/** 1-based line of character `offset` of a decoded text (same line-end rule). */
function lineAtChar(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) line++;
    else if (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a) line++;
  }
  return line;
}

/** Line of the first unpaired surrogate of a UTF-16 file (or of its last, odd, byte). */
function utf16BadLine(bytes: Uint8Array, littleEndian: boolean): number {
  const units = (bytes.length - 2) >> 1;
  let line = 1;
  for (let u = 0; u < units; u++) {
    const at = 2 + u * 2;
    const unit = littleEndian ? bytes[at] | (bytes[at + 1] << 8) : (bytes[at] << 8) | bytes[at + 1];
    if (unit === 0x0a) line++;
    else if (unit >= 0xd800 && unit <= 0xdbff) {
      const nextAt = at + 2;
      const next = nextAt + 1 < bytes.length ? (littleEndian ? bytes[nextAt] | (bytes[nextAt + 1] << 8) : (bytes[nextAt] << 8) | bytes[nextAt + 1]) : -1;
      if (next < 0xdc00 || next > 0xdfff) return line;
      u++;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) return line;
  }
  return line;
}
