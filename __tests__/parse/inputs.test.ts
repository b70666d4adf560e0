/** Small hand-written inputs for every parse rule, and bad input. */
import { readFileSync } from 'node:fs';
import { parseThread, detectFormat } from '../../src/parse/index.js';
import { decodeInput, normalizeText } from '../../src/input/decode.js';
import { ThreadStanceError } from '../../src/errors.js';
import { jsonlText, macgPage } from '../thread/builders.js';

const macgText = readFileSync(new URL('../../corpus/macg-altman-microsoft-comments.txt', import.meta.url), 'utf8');

/** The error a call throws, as `[code, located message]`. */
function thrown(call: () => unknown): [string, string] {
  try {
    call();
  } catch (error) {
    if (error instanceof ThreadStanceError) return [error.code, error.located];
    throw error;
  }
  throw new Error('expected a ThreadStanceError, nothing was thrown');
}

describe('line ends and byte-order mark', () => {
  test.each([
    ['CRLF', (text: string) => text.replace(/\n/g, '\r\n')],
    ['CR', (text: string) => text.replace(/\n/g, '\r')],
    ['BOM', (text: string) => `\ufeff${text}`],
    ['BOM and CRLF', (text: string) => `\ufeff${text.replace(/\n/g, '\r\n')}`],
  ])('the seed thread with %s parses exactly like LF', (_shape, transform) => {
    expect(parseThread(transform(macgText), 'x.txt')).toEqual(parseThread(macgText, 'x.txt'));
  });

  test('decodeInput: UTF-8 bytes with BOM and CRLF give normalized text', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('é\r\nà\rù\n')]);
    expect(decodeInput(bytes, 'a.txt')).toBe('é\nà\nù\n');
    expect(normalizeText('a\r\n\r\nb')).toBe('a\n\nb');
  });

  // Changed on purpose (issue 7): bytes that are not UTF-8 but read as Windows-1252 (`a\xE9b`,
  // a Latin-1 export) are now decoded with a warning; damaged UTF-8 is still an error, now with
  // the line of the first bad byte (see __tests__/hostile/decode.test.ts for every case).
  test('decodeInput: Latin-1 bytes decode as Windows-1252; damaged UTF-8 is an error with its line', () => {
    expect(decodeInput(new Uint8Array([0x61, 0xe9, 0x62]), 'latin1.txt')).toBe('aéb');
    const damaged = new Uint8Array([...new TextEncoder().encode('é\n'), 0x61, 0xe9, 0x62]);
    expect(thrown(() => decodeInput(damaged, 'mixed.txt')))
      .toEqual(['INPUT_NOT_UTF8', 'mixed.txt:2: expected UTF-8 text, found byte 0xE9 that is not valid UTF-8 (the rest of the file is UTF-8, so the file is damaged or mixes encodings)']);
  });
});

describe('MacG text', () => {
  test('pageWithPlainSpacesAroundTheBar: accepted like U+00A0', () => {
    const parsed = parseThread('Titre\n\nAuteur |\n\nCorps.\n\navatar Jean Dupont | \n\nBonjour.\navatar zoé_2 |\nSalut.\n', 'p.txt');
    expect(parsed.comments.map((c) => [c.author, c.text, c.line])).toEqual([['Jean Dupont', 'Bonjour.', 7], ['zoé_2', 'Salut.', 10]]);
    expect([parsed.format, parsed.title, parsed.article.author, parsed.article.text]).toEqual(['macg', 'Titre', 'Auteur', 'Corps.']);
  });

  test('pageWithEmptyComments: an avatar line followed by another avatar line is an empty comment', () => {
    const parsed = parseThread(macgPage([['A', ''], ['B', ''], ['C', 'Texte.']]), 'p.txt');
    expect(parsed.comments.map((c) => [c.author, c.text])).toEqual([['A', ''], ['B', ''], ['C', 'Texte.']]);
  });

  test('pageWithNamelessBlock: the comment is kept with an empty author and a warning', () => {
    const parsed = parseThread('Titre\n\navatar \u00a0|\u00a0\n\nSans nom.\n\navatar Bob\u00a0|\u00a0\n\nAvec nom.', 'p.txt');
    expect(parsed.comments.map((c) => [c.author, c.text])).toEqual([['', 'Sans nom.'], ['Bob', 'Avec nom.']]);
    expect(parsed.warnings).toEqual([{ line: 3, code: 'INPUT_NO_AUTHOR', message: 'expected a name after "avatar", found none; comment kept with an empty author' }]);
  });

  test('pageWithoutCommentBlocks: as MacG it warns and has no comments; detected, it is an article', () => {
    const parsed = parseThread('Titre\n\nUn paragraphe.\n', 'p.txt', 'macg');
    expect([parsed.comments, parsed.title, parsed.article.text, parsed.warnings]).toEqual([[], 'Titre', 'Un paragraphe.',
      [{ line: 0, code: 'INPUT_NO_COMMENT_BLOCKS', message: 'expected comment blocks opened by "avatar NAME |", found none' }]]);
    expect(parseThread('Titre\n\nUn paragraphe.\n', 'p.txt').format).toBe('article');
  });

  test('pageWithFooter: footer lines after the last comment are not part of it', () => {
    const parsed = parseThread(macgPage([['A', 'Dernier mot.']]), 'p.txt');
    expect(parsed.comments[0].text).toBe('Dernier mot.');
    expect(parsed.lines.footer).toEqual([{ start: 11, end: 13 }]);
  });
});

describe('empty input', () => {
  test.each([['an empty file', ''], ['blank lines only', '\n \n\t\n'], ['a lone BOM', '\ufeff']])('%s is an error', (_shape, text) => {
    expect(thrown(() => parseThread(text, 'empty.txt'))).toEqual(['INPUT_EMPTY', 'empty.txt: expected a thread, found an empty file']);
  });
});

describe('JSONL and CSV records', () => {
  test('jsonlWithParents: ids, parents, dates, accounting', () => {
    const text = jsonlText([
      { id: 1, author: 'Alice', text: 'Un.', createdAt: '2023-11-20T10:00:00Z' },
      { id: 2, parentId: 1, author: 'Bob', text: 'Deux.' },
    ]);
    const parsed = parseThread(`${text}\n`, 'export.jsonl');
    expect(parsed.comments).toEqual([
      { id: '1', author: 'Alice', text: 'Un.', line: 1, createdAt: '2023-11-20T10:00:00Z' },
      { id: '2', author: 'Bob', text: 'Deux.', line: 2, parentId: '1' },
    ]);
    expect([parsed.format, parsed.title, parsed.lines.comments]).toEqual(['jsonl', '', [{ start: 1, end: 1 }, { start: 2, end: 2 }]]);
  });

  test('csvWithMultilineHeader: a quoted header cell over two lines is all header (found by fast-check)', () => {
    const text = '"id\n",author,text\n1,Alice,"a\nb"\n';
    const parsed = parseThread(text, 'export.csv');
    expect(parsed.comments).toEqual([{ id: '1', author: 'Alice', text: 'a\nb', line: 3 }]);
    expect([parsed.lines.header, parsed.lines.comments]).toEqual([[{ start: 1, end: 2 }], [{ start: 3, end: 4 }]]);
  });

  test('csvWithMultilineText: header row, quoted newlines, record lines', () => {
    const text = 'id,parentId,author,text\n1,,Alice,"Un\nsur deux lignes"\n\n2,1,Bob,Deux\n';
    const parsed = parseThread(text, 'export.csv');
    expect(parsed.comments).toEqual([
      { id: '1', author: 'Alice', text: 'Un\nsur deux lignes', line: 2 },
      { id: '2', author: 'Bob', text: 'Deux', line: 5, parentId: '1' },
    ]);
    expect([parsed.lines.header, parsed.lines.comments]).toEqual([[{ start: 1, end: 1 }], [{ start: 2, end: 3 }, { start: 5, end: 5 }]]);
  });

  test.each([
    ['invalid JSON', '{"id":1,"author":"A","text":"x"}\n{"id":2,', 'bad.jsonl', 2, /^expected a JSON object, found invalid JSON/],
    ['a JSON array', '[1,2]\n', 'bad.jsonl', 1, /^expected a JSON object, found an array$/],
    ['no author', '{"id":1,"text":"x"}\n', 'bad.jsonl', 1, /^expected a record with id, author and text; found no author string$/],
    ['no id', '{"author":"A","text":"x"}\n', 'bad.jsonl', 1, /^expected a record with id, author and text; found no id$/],
    ['a repeated id', '{"id":1,"author":"A","text":"x"}\n\n{"id":1,"author":"B","text":"y"}\n', 'bad.jsonl', 3, /^expected a record with id, author and text; found the id "1" a second time \(first on line 1\), on a different record$/],
    ['a short CSV row', 'id,author,text\n1,A\n', 'bad.csv', 2, /^expected CSV records with a header row: Invalid Record Length/],
    ['a CSV row with no text column', 'id,author\n1,A\n', 'bad.csv', 2, /^expected a record with id, author and text; found no text string$/],
  ])('a record with %s is INPUT_BAD_RECORD with its line', (_shape, text, file, line, message) => {
    let caught: unknown;
    try {
      parseThread(text, file);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ThreadStanceError);
    const error = caught as ThreadStanceError;
    expect([error.code, error.file, error.line]).toEqual(['INPUT_BAD_RECORD', file, line]);
    expect(error.message).toMatch(message);
  });
});

describe('format detection', () => {
  test.each([
    ['a.jsonl', 'x', 'jsonl'], ['a.NDJSON', 'x', 'jsonl'], ['a.csv', 'x', 'csv'],
    ['-', '{"id":1,"author":"A","text":"x"}', 'jsonl'], ['-', 'id,author,text\n1,A,x', 'csv'],
    ['a.txt', 'Titre\navatar Bob\u00a0|\u00a0\nSalut', 'macg'], ['a.txt', 'Titre\nCorps', 'article'],
  ])('%s holding %j is %s', (source, text, format) => {
    expect(detectFormat(text, source)).toBe(format);
  });
});
