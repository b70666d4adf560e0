/** Author names with invisible characters, name twins, unknown mentions, and messy record exports. */
import { parseThread } from '../../src/parse/index.js';
import { buildThread } from '../../src/thread/index.js';
import { cleanName, looseNameKey } from '../../src/input/names.js';
import { jsonlText, macgPage } from '../thread/builders.js';

const NBSP = '\u00a0';

describe('cleanName', () => {
  test.each([
    ['Dark\u00a0Phantom', 'Dark Phantom'],
    [' Dark \u202f\t Phantom ', 'Dark Phantom'],
    ['Dark\u200bPhantom', 'DarkPhantom'],
    ['\u202eBob\u202c', 'Bob'],
    ['\u2066Iso\u2069\u200f', 'Iso'],
    ['\ufeffZoe\u0301', 'Zoé'],
    ['\u001b[31mRed\u0007', '[31mRed'],
    ['Jean-Luc O’Neil', 'Jean-Luc O’Neil'],
    ['\u200b\u00a0', ''],
  ])('%j → %j', (name, clean) => {
    expect(cleanName(name)).toBe(clean);
  });

  test('looseNameKey folds case and accents only', () => {
    expect(['Élodie', 'ZOÉ', 'Zoe', 'O’Neil', 'Dark Phantom'].map(looseNameKey)).toEqual(['elodie', 'zoe', 'zoe', 'o’neil', 'dark phantom']);
  });
});

describe('names in MacG pages', () => {
  test('a name written with U+00A0, a zero-width space or bidi controls is one author, and mentions of it resolve', () => {
    const thread = buildThread(parseThread(macgPage([
      [`Dark${NBSP}Phantom`, 'Premier avis sur Microsoft.'],
      ['\u202eBob\u202c', '@Dark Phantom je ne suis pas d’accord.'],
      ['Dark \u200bPhantom', `@\u2066Bob\u2069 tu as tort.`],
      ['Carla', `@Dark${NBSP}\u200bPhantom, une question ?`],
    ]), 'p.txt'), { continuation: false });
    expect(thread.comments.map((c) => [c.author, c.parentIndex, c.replyEvidence, c.ownText])).toEqual([
      ['Dark Phantom', 0, 'none', 'Premier avis sur Microsoft.'],
      ['Bob', 1, 'mention', 'je ne suis pas d’accord.'],
      ['Dark Phantom', 2, 'mention', 'tu as tort.'],
      ['Carla', 3, 'mention', 'une question ?'],
    ]);
    expect(thread.warnings).toEqual([]);
  });

  test('authors differing only by case or accents are different authors; a mention matches exactly first, then folded', () => {
    const thread = buildThread(parseThread(macgPage([
      ['Zoé', 'Un.'],
      ['zoe', 'Deux.'],
      ['Élodie', 'Trois.'],
      ['Max', '@Zoé exact : la première.'],
      ['Max', '@zoe exact : la seconde.'],
      ['Max', '@ZOE plié : la plus récente des deux.'],
      ['Max', '@elodie plié : Élodie.'],
    ]), 'p.txt'), { continuation: false });
    expect(thread.comments.map((c) => [c.author, c.parentIndex])).toEqual([
      ['Zoé', 0], ['zoe', 0], ['Élodie', 0], ['Max', 1], ['Max', 2], ['Max', 2], ['Max', 3],
    ]);
  });

  test('the longest known name wins: "@Dark Phantom" is Dark Phantom even when someone is called Dark', () => {
    const thread = buildThread(parseThread(macgPage([['Dark Phantom', 'Un.'], ['Dark', 'Deux.'], ['Eve', '@Dark Phantom oui.'], ['Fay', '@Dark non.']]), 'p.txt'), { continuation: false });
    expect(thread.comments.map((c) => c.parentIndex)).toEqual([0, 0, 1, 2]);
  });

  test('a mention of a name that never commented: no parent, a warning, the mention left out of the own text', () => {
    const thread = buildThread(parseThread(macgPage([['Alice', 'Un.'], ['Bob', '@Personne\u202e bonjour.']]), 'p.txt'), { continuation: false });
    expect(thread.comments.map((c) => [c.parentIndex, c.replyEvidence, c.ownText])).toEqual([[0, 'none', 'Un.'], [0, 'none', 'bonjour.']]);
    expect(thread.warnings).toEqual([
      { line: 11, code: 'REPLY_UNKNOWN_MENTION', message: 'comment 2 mentions @Personne, who wrote no earlier comment; not used as its parent' },
    ]);
  });

  test('a mention of a later commenter is no parent (mentions point back only)', () => {
    const thread = buildThread(parseThread(macgPage([['Alice', '@Bob tu verras.'], ['Bob', 'Me voici.']]), 'p.txt'), { continuation: false });
    expect(thread.comments.map((c) => c.parentIndex)).toEqual([0, 0]);
    expect(thread.warnings.map((w) => w.code)).toEqual(['REPLY_UNKNOWN_MENTION']);
  });

  test('a block with no author name (or only invisible characters) is kept, with a warning', () => {
    const parsed = parseThread(`Titre\n\navatar \u200b\u202e${NBSP}|${NBSP}\n\nSans nom.\n`, 'p.txt');
    expect(parsed.comments.map((c) => [c.author, c.text])).toEqual([['', 'Sans nom.']]);
    expect(parsed.warnings.map((w) => [w.code, w.line])).toEqual([['INPUT_NO_AUTHOR', 3]]);
  });
});

describe('JSONL and CSV exports', () => {
  test('a record exported twice is counted once: a duplicate line and a warning', () => {
    const record = { id: 7, author: 'Alice', text: 'Un.' };
    const parsed = parseThread(jsonlText([record, { id: 8, author: 'Bob', text: 'Deux.' }, record]), 'x.jsonl');
    expect(parsed.comments.map((c) => c.id)).toEqual(['7', '8']);
    expect([parsed.lines.comments, parsed.lines.duplicate]).toEqual([[{ start: 1, end: 1 }, { start: 2, end: 2 }], [{ start: 3, end: 3 }]]);
    expect(parsed.warnings).toEqual([{ line: 3, code: 'INPUT_DUPLICATE_RECORD', message: 'record "7" repeats the record on line 1 exactly; counted once' }]);
  });

  test('an empty author is kept with a warning; author names are cleaned', () => {
    const parsed = parseThread(jsonlText([{ id: 1, author: ' ', text: 'x' }, { id: 2, author: `Dark${NBSP}\u200bPhantom\u202e`, text: 'y' }]), 'x.jsonl');
    expect(parsed.comments.map((c) => c.author)).toEqual(['', 'Dark Phantom']);
    expect(parsed.warnings).toEqual([{ line: 1, code: 'INPUT_NO_AUTHOR', message: 'record "1" has an empty author; comment kept with an empty author' }]);
  });

  test('CSV header names in any case', () => {
    const parsed = parseThread('ID,Parent_ID,Author,TEXT\n1,,Alice,Un\n2,1,Bob,Deux\n', 'x.csv');
    expect(parsed.comments).toEqual([{ id: '1', author: 'Alice', text: 'Un', line: 2 }, { id: '2', author: 'Bob', text: 'Deux', line: 3, parentId: '1' }]);
  });

  test('a record answering a later record is placed after it, with its own replies, and keeps its parent', () => {
    const thread = buildThread(parseThread(jsonlText([
      { id: 'r2', parentId: 'r1', author: 'B', text: 'réponse' },
      { id: 'r3', parentId: 'r2', author: 'C', text: 'réponse à la réponse' },
      { id: 'solo', author: 'D', text: 'seul' },
      { id: 'r1', author: 'A', text: 'premier' },
    ]), 'x.jsonl'));
    expect(thread.comments.map((c) => [c.index, c.id, c.parentIndex, c.depth, c.replyEvidence, c.line])).toEqual([
      [1, 'solo', 0, 1, 'none', 3], [2, 'r1', 0, 1, 'none', 4], [3, 'r2', 2, 2, 'id', 1], [4, 'r3', 3, 3, 'id', 2],
    ]);
    expect(thread.warnings).toEqual([
      { line: 1, code: 'THREAD_REORDERED', message: 'record "r2" answers "r1" on line 4, which comes later in the file; placed after it' },
    ]);
  });

  test('a three-record cycle and a self-reply stay in file order as top level, each with a warning', () => {
    const thread = buildThread(parseThread(jsonlText([
      { id: 'a', parentId: 'c', author: 'A', text: 'x' },
      { id: 'b', parentId: 'a', author: 'B', text: 'y' },
      { id: 'c', parentId: 'b', author: 'C', text: 'z' },
      { id: 'd', parentId: 'd', author: 'D', text: 'moi' },
      { id: 'e', parentId: 'c', author: 'E', text: 'sous le cycle' },
    ]), 'x.jsonl'));
    expect(thread.comments.map((c) => [c.id, c.parentIndex])).toEqual([['a', 0], ['b', 0], ['c', 0], ['d', 0], ['e', 3]]);
    expect(thread.warnings.map((w) => [w.code, w.line])).toEqual([['THREAD_CYCLE', 1], ['THREAD_CYCLE', 2], ['THREAD_CYCLE', 3], ['THREAD_SELF_REPLY', 4]]);
  });
});
