/** The code-unit space tests of the MacG parser against the regular expressions and `trim` they replace. */
import { endsWithSpace, isBlank, isSpaceCode } from '../../src/parse/spaces.js';

test('every code unit is space exactly when \\s and trim say so', () => {
  const differences: number[] = [];
  for (let code = 0; code <= 0xffff; code++) {
    const c = String.fromCharCode(code);
    const space = /\s/u.test(c);
    if (isSpaceCode(code) !== space || (c.trim() === '') !== space) differences.push(code);
  }
  expect(differences).toEqual([]);
});

test('blank lines and trailing space read as trim and /\\s$/u read them', () => {
  const lines = ['', ' ', '\u00a0\u202f', 'mot', ' mot', 'mot ', 'mot\u00a0', 'mot\u200b', '\t\r', 'a\ufeff', '🤗', 'x\ud83d'];
  for (const line of lines) {
    expect([line, isBlank(line)]).toEqual([line, line.trim() === '']);
    expect([line, endsWithSpace(line)]).toEqual([line, /\s$/u.test(line)]);
  }
});
