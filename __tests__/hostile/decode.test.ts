/** Input decoding: every encoding a French export comes in, broken bytes, binary files. */
import { decodeInput, decodeInputWithWarnings } from '../../src/input/decode.js';
import { parseThread } from '../../src/parse/index.js';
import { ThreadStanceError } from '../../src/errors.js';

/**
 * Windows-1252 bytes of a text: Latin-1, plus the characters of 0x80-0x9F written out from the
 * code page chart (Node has no encoder, and its decoder reads these bytes as Latin-1 controls).
 */
const CP1252_BYTE = new Map<string, number>();
for (let b = 0; b < 256; b++) CP1252_BYTE.set(String.fromCharCode(b), b);
Array.from('€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ').forEach((c, k) => CP1252_BYTE.set(c, 0x80 + k));
function cp1252Bytes(text: string): Uint8Array {
  return new Uint8Array(Array.from(text, (c) => {
    const byte = CP1252_BYTE.get(c);
    if (byte === undefined) throw new Error(`no Windows-1252 byte for ${c}`);
    return byte;
  }));
}
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
function utf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const le = Buffer.from(text, 'utf16le');
  if (endian === 'be') for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  return new Uint8Array(le);
}

/** The error a call throws, as `[code, line, located message]`. */
function thrown(call: () => unknown): [string, number | undefined, string] {
  try {
    call();
  } catch (error) {
    if (error instanceof ThreadStanceError) return [error.code, error.line, error.located];
    throw error;
  }
  throw new Error('expected a ThreadStanceError, nothing was thrown');
}

const FRENCH = 'L’été « déjà » coûte 5 € — œuvre naïve\r\nÇa va ? Oui…\rFin';
const FRENCH_LF = 'L’été « déjà » coûte 5 € — œuvre naïve\nÇa va ? Oui…\nFin';

describe('encodings that decode', () => {
  test.each([
    ['UTF-8', utf8(FRENCH)],
    ['UTF-8 with BOM', utf8(`\ufeff${FRENCH}`)],
    ['UTF-16 LE with BOM', utf16(`\ufeff${FRENCH}`, 'le')],
    ['UTF-16 BE with BOM', utf16(`\ufeff${FRENCH}`, 'be')],
  ])('%s: exact text, CRLF and CR turned into LF, no warning', (_shape, bytes) => {
    expect(decodeInputWithWarnings(bytes, 'f.txt')).toEqual({ text: FRENCH_LF, warnings: [] });
  });

  test('Windows-1252 (a Latin-1 French export): decoded, with a warning naming the file and the first non-UTF-8 byte', () => {
    expect(decodeInputWithWarnings(cp1252Bytes(`Titre\r\n${FRENCH}`), 'exports/vieux.txt')).toEqual({
      text: `Titre\n${FRENCH_LF}`,
      warnings: [{
        line: 0, code: 'INPUT_DECODED_CP1252',
        message: 'exports/vieux.txt is not UTF-8 (byte 0x92 on line 2); decoded as Windows-1252 (Latin-1): check its accents, or save it as UTF-8',
      }],
    });
    expect(decodeInput(cp1252Bytes('été'), 'a.txt')).toBe('été');
  });

  test('ANSI escapes, tabs, U+00A0, U+202F, zero-width and bidi characters are text, kept as they are', () => {
    const text = 'a\u001b[31mb\tc\u00a0d\u202fe\u200bf\u202eg\u2066h\u2069\ufeffi';
    expect(decodeInputWithWarnings(utf8(text), 'a.txt')).toEqual({ text, warnings: [] });
  });

  test('an empty file decodes to empty text; parsing it is INPUT_EMPTY, as is one of only invisible characters', () => {
    expect(decodeInput(new Uint8Array(), 'e.txt')).toBe('');
    expect(thrown(() => parseThread(decodeInput(utf8('\ufeff \u00a0\n\u200b\t\r\n\u2060'), 'e.txt'), 'e.txt')))
      .toEqual(['INPUT_EMPTY', undefined, 'e.txt: expected a thread, found an empty file']);
  });
});

describe('bytes that are refused, with the file and the line', () => {
  test('UTF-8 damaged in one place (the rest is UTF-8): INPUT_NOT_UTF8 at the line of the first bad byte', () => {
    const bytes = new Uint8Array([...utf8('déjà\r\nligne 2\rligne 3\n'), 0x61, 0xc3, 0x28, ...utf8('\nété')]);
    expect(thrown(() => decodeInput(bytes, 'cassé.txt'))).toEqual(['INPUT_NOT_UTF8', 4,
      'cassé.txt:4: expected UTF-8 text, found byte 0xC3 that is not valid UTF-8 (the rest of the file is UTF-8, so the file is damaged or mixes encodings)']);
  });

  test.each([
    ['an overlong encoding', [0x61, 0x0a, 0xc0, 0xaf], 'a\nÀ¯'],
    ['a UTF-16 surrogate encoded in UTF-8', [0x0a, 0x0a, 0xed, 0xa0, 0x80], '\n\ní\u00a0€'],
  ])('%s (not UTF-8, no valid multi-byte sequence): read as Windows-1252, with the warning', (_shape, raw, text) => {
    const decoded = decodeInputWithWarnings(new Uint8Array(raw), 'x.txt');
    expect([decoded.text, decoded.warnings.map((w) => w.code)]).toEqual([text, ['INPUT_DECODED_CP1252']]);
  });

  test('bytes that are neither UTF-8 nor Windows-1252 (0x81 is undefined there): INPUT_NOT_UTF8', () => {
    expect(thrown(() => decodeInput(new Uint8Array([0x61, 0x0a, 0x81, 0x62]), 'x.txt'))).toEqual(['INPUT_NOT_UTF8', 2,
      'x.txt:2: expected UTF-8 text, found byte 0x81 that is not valid UTF-8 (it is no Windows-1252 text either)']);
  });

  test('a NUL byte: INPUT_BINARY with its line', () => {
    expect(thrown(() => decodeInput(new Uint8Array([...utf8('a\nb\n'), 0, 1, 2]), 'img.txt')))
      .toEqual(['INPUT_BINARY', 3, 'img.txt:3: expected a text file, found binary data (a NUL byte)']);
  });

  test('a PNG file: INPUT_BINARY', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(thrown(() => decodeInput(png, 'photo.txt'))).toEqual(['INPUT_BINARY', 3, 'photo.txt:3: expected a text file, found binary data (a NUL byte)']);
  });

  test('many control bytes but no NUL: INPUT_BINARY', () => {
    const bytes = new Uint8Array(200).map((_, i) => (i % 4 === 0 ? 0x01 : 0x41));
    expect(thrown(() => decodeInput(bytes, 'b.bin'))).toEqual(['INPUT_BINARY', 1, 'b.bin:1: expected a text file, found binary data (50 control bytes in its first 200 bytes)']);
  });

  test('a short text with a few stray controls (bells, vertical tabs) is text, not binary', () => {
    // 2 bells in 35 bytes are 6% of the file, but far fewer than binary data holds.
    expect(decodeInput(utf8('Titre \u0007\u0007\n\navatar Zoé\u00a0|\u00a0\n\nOui'), 'p.txt')).toBe('Titre \u0007\u0007\n\navatar Zoé\u00a0|\u00a0\n\nOui');
    expect(decodeInput(utf8('Ligne un\u000bligne deux\u000b\u000b\u000b'), 'w.txt')).toBe('Ligne un\u000bligne deux\u000b\u000b\u000b');
    // 15 controls in 100 bytes: under the fewest that count; 16: binary.
    const controls = (n: number): Uint8Array => new Uint8Array(100).map((_, i) => (i < n ? 0x01 : 0x41));
    expect(decodeInput(controls(15), 'c15.txt').length).toBe(100);
    expect(thrown(() => decodeInput(controls(16), 'c16.txt'))).toEqual(['INPUT_BINARY', 1, 'c16.txt:1: expected a text file, found binary data (16 control bytes in its first 100 bytes)']);
  });

  test('UTF-16 without a byte-order mark: INPUT_BINARY, with a hint', () => {
    expect(thrown(() => decodeInput(utf16('Bonjour\nà tous', 'le'), 'u16.txt'))).toEqual(['INPUT_BINARY', 1,
      'u16.txt:1: expected a text file, found binary data (a NUL byte (UTF-16 LE without a byte-order mark? save it as UTF-8))']);
  });

  test('UTF-16 with an unpaired surrogate, or an odd byte count: INPUT_NOT_UTF16 with the line', () => {
    const lone = utf16('\ufeffa\nb\nc', 'le');
    lone.set([0x00, 0xd8], 8); // the `b` on line 2 becomes a lone high surrogate
    expect(thrown(() => decodeInput(lone, 's.txt'))).toEqual(['INPUT_NOT_UTF16', 2,
      's.txt:2: expected UTF-16 LE text after its byte-order mark, found an unpaired surrogate or an odd number of bytes']);
    const odd = new Uint8Array([...utf16('\ufeffab', 'be'), 0x00]);
    expect(thrown(() => decodeInput(odd, 'o.txt'))[0]).toBe('INPUT_NOT_UTF16');
  });

  test('UTF-16 text holding a NUL character: INPUT_BINARY', () => {
    expect(thrown(() => decodeInput(utf16('\ufeffa\n\u0000', 'le'), 'n.txt'))).toEqual(['INPUT_BINARY', 2, 'n.txt:2: expected a text file, found binary data (a NUL character)']);
  });
});
