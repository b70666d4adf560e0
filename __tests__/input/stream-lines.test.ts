import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { normalizeText } from '../../src/input/decode.js';
import { Utf8LineFile } from '../../src/input/stream.js';

// The lines of a UTF-8 file read piece by piece (each line decoded on its own, or a piece with a CR
// decoded whole) must be those of the whole-file decoder: TextDecoder drops one byte-order mark,
// `normalizeText` a second one and reads CRLF and lone CR as line ends, then `split('\n')`.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'stream-lines-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function linesOf(text: string, readBytes: number): string[] | null {
  const file = path.join(work, 'page.txt');
  fs.writeFileSync(file, Buffer.from(text, 'utf8'));
  const input = Utf8LineFile.open(file, 'page.txt', readBytes);
  return input === null ? null : [...input.lines()];
}

function wholeFileLines(text: string): string[] {
  return normalizeText(new TextDecoder().decode(Buffer.from(text, 'utf8'))).split('\n');
}

describe('Utf8LineFile.lines', () => {
  test.each([
    ['plain lines', 'Titre\n\navatar Zoé |\nBonjour à tous\n', ['Titre', '', 'avatar Zoé |', 'Bonjour à tous', '']],
    ['no final line end', 'un\ndeux', ['un', 'deux']],
    ['two byte-order marks, then a third kept', '\ufeff\ufeff\ufeffa\nb', ['\ufeffa', 'b']],
    ['a byte-order mark alone', '\ufeff', ['']],
    ['CRLF and lone CR', 'a\r\nb\rc\n\r\nd', ['a', 'b', 'c', '', 'd']],
    ['a line above U+00FF next to Latin-1 lines', 'l’équipe 👏\ncafé\n', ['l’équipe 👏', 'café', '']],
  ])('%s', (_, text, expected) => {
    for (const readBytes of [1, 2, 5, 64, 1 << 16]) expect(linesOf(text, readBytes)).toEqual(expected);
  });

  test('property: the lines of any text, read in pieces of any size, are those of the whole-file decoder', () => {
    const unit = fc.constantFrom('a', 'Z', ' ', 'é', 'À', '’', '👏', '\n', '\n', '\r', '\r\n', '\ufeff', '|', '\u00a0');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 60 }).map((units) => units.join('')), fc.constantFrom(1, 2, 3, 7, 64), (text, readBytes) => {
        expect(linesOf(text, readBytes)).toEqual(wholeFileLines(text));
      }),
      { numRuns: 300 },
    );
  });
});
