/**
 * A UTF-8 text file read in pieces of whole lines, for inputs too big to hold as one string (a
 * million-comment page is 650 MB as a JavaScript string). A first pass checks, piece by piece,
 * that the file is what the whole-file decoder would read without a word to say: UTF-8 with no
 * NUL, no UTF-16 byte-order mark, not binary. Anything else (a Windows-1252 file, a broken byte,
 * a binary file) is left to the whole-file decoder (`decode.ts`), whose messages and warnings
 * are the ones users get; this module never reports an error of its own.
 *
 * The lines are those `normalizeText` then `split('\n')` give on the whole decoded text: BOM
 * dropped, CRLF and lone CR read as line ends.
 */
import fs from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { checkNotBinary } from './decode.js';

/** Bytes read per system call; a longer line is read whole all the same. */
const READ_BYTES = 1 << 16;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/** `text` without the byte-order marks the decoder and then the parser each drop (one each, see `normalizeText`). */
function withoutByteOrderMarks(text: string): string {
  let start = 0;
  if (text.charCodeAt(0) === 0xfeff) start++;
  if (text.charCodeAt(start) === 0xfeff) start++;
  return start === 0 ? text : text.slice(start);
}

/**
 * The pieces of a file, each ending just after a line feed (the last one: at the end of the
 * file). Each piece is a view on a buffer that the next read reuses: it must be used (checked,
 * decoded) before the next piece is asked for. Views, not copies: a copy per 64 KiB read was
 * 34 MB of short-lived buffers on the 100k-comment page.
 */
function* wholeLinePieces(file: string, readBytes: number): Generator<Buffer> {
  const fd = fs.openSync(file, 'r');
  try {
    let buffer = Buffer.alloc(readBytes);
    let kept = 0; // bytes of an unfinished line carried over from the previous read
    for (;;) {
      if (kept === buffer.length) {
        const larger = Buffer.alloc(buffer.length * 2);
        buffer.copy(larger, 0, 0, kept);
        buffer = larger;
      }
      const read = fs.readSync(fd, buffer, kept, buffer.length - kept, null);
      const filled = kept + read;
      if (read === 0) {
        if (filled > 0) yield buffer.subarray(0, filled);
        return;
      }
      const end = buffer.lastIndexOf(LINE_FEED, filled - 1) + 1;
      if (end === 0) {
        kept = filled;
        continue;
      }
      yield buffer.subarray(0, end);
      buffer.copy(buffer, 0, end, filled);
      kept = filled - end;
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** A UTF-8 file whose lines can be read one at a time (see the module comment). */
export class Utf8LineFile {
  private constructor(private readonly file: string, readonly bytes: number, private readonly readBytes: number) {}

  /**
   * The file, if the whole-file decoder would read it as plain UTF-8 without a warning; null when
   * it must go through that decoder (which then reports what is wrong, or decodes it otherwise).
   * `readBytes`: bytes per read (tests use tiny reads to cross every piece boundary).
   */
  static open(file: string, source: string, readBytes = READ_BYTES): Utf8LineFile | null {
    let bytes = 0;
    for (const piece of wholeLinePieces(file, readBytes)) {
      if (bytes === 0) {
        // A UTF-16 byte-order mark, or a start that looks binary: the whole-file decoder's case.
        if (piece.length >= 2 && ((piece[0] === 0xff && piece[1] === 0xfe) || (piece[0] === 0xfe && piece[1] === 0xff))) return null;
        try {
          checkNotBinary(piece, source);
        } catch {
          return null;
        }
      }
      // Pieces end after a line feed, never inside a UTF-8 sequence, so each is checked alone.
      if (piece.indexOf(0) !== -1 || !isUtf8(piece)) return null;
      bytes += piece.length;
    }
    return new Utf8LineFile(file, bytes, readBytes);
  }

  /**
   * The lines of the file, decoded and normalized, without their line ends. Each line is decoded
   * from the bytes on its own, not cut out of its decoded 64 KiB piece: a line cut out of a piece
   * is a view that keeps the whole piece alive as long as it lives (comments waiting for their
   * sentiment kept every piece of the page alive until it was promoted to the old generation:
   * 6.5 MB of 47 MB promoted on the 10k-comment page), and a piece with one character above
   * U+00FF is decoded as two bytes per character, every line of it with it (72% of the page's
   * characters are in lines without such a character). A piece holding a CR is decoded whole, as
   * the whole-file decoder does, to read its CRLF and lone CR as line ends.
   */
  *lines(): Generator<string> {
    let first = true;
    let carry = '';
    for (const piece of wholeLinePieces(this.file, this.readBytes)) {
      if (carry !== '' || piece.indexOf(CARRIAGE_RETURN) !== -1) {
        let text = piece.toString('utf8');
        if (first) text = withoutByteOrderMarks(text);
        first = false;
        text = text.replace(/\r\n?/g, '\n');
        const lines = (carry + text).split('\n');
        // The piece ends with a line end, so its last part is empty unless the file ends here.
        carry = lines.pop() as string;
        yield* lines;
        continue;
      }
      let start = 0;
      for (let end = piece.indexOf(LINE_FEED); end !== -1; end = piece.indexOf(LINE_FEED, start)) {
        const line = piece.toString('utf8', start, end);
        start = end + 1;
        if (first) {
          first = false;
          yield withoutByteOrderMarks(line);
        } else yield line;
      }
      // What follows the last line feed: nothing, unless the file ends here without one.
      carry = piece.toString('utf8', start);
      if (first) carry = withoutByteOrderMarks(carry);
      first = false;
    }
    yield carry;
  }
}
