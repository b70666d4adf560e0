/**
 * The fast paths of reply inference against the definitions they replaced: the word scan's
 * lookup table against the class-by-class scan, and the first-sentence count against scanning the
 * cut sentence.
 */
import fc from 'fast-check';
import { WordScan } from '../../src/thread/words.js';
import { firstSentenceWords } from '../../src/thread/continuation.js';

/** The scan as it was written before the lookup table (one class per character). */
function referenceScan(text: string, maxWords = Infinity): { hashes: number[] } {
  const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
  const fold = (code: number): string => {
    const char = String.fromCharCode(code);
    return LETTER_OR_DIGIT.test(char) ? char.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '') : '';
  };
  const kindOf = (code: number): string => {
    if (code < 0x80) {
      if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) return 'ascii';
      return code >= 48 && code <= 57 ? 'digit' : 'sep';
    }
    if (code >= 0xc0 && code <= 0x24f) return fold(code) === '' ? 'sep' : 'folded';
    if (code >= 0x300 && code <= 0x36f) return 'mark';
    if (code >= 0xd800 && code <= 0xdfff) return 'sep';
    return LETTER_OR_DIGIT.test(String.fromCharCode(code)) ? 'other' : 'sep';
  };
  const out = { hashes: [] as number[] };
  let hash = 0x811c9dc5 | 0;
  let length = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 32;
    const kind = kindOf(code);
    if (kind === 'sep') {
      if (length > 0) {
        out.hashes.push(hash);
        if (out.hashes.length >= maxWords) return out;
        hash = 0x811c9dc5 | 0;
        length = 0;
      }
      continue;
    }
    if (kind === 'mark') continue;
    if (kind === 'folded') {
      const folded = fold(code);
      for (let k = 0; k < folded.length; k++) hash = Math.imul(hash ^ folded.charCodeAt(k), 0x01000193);
      length += folded.length;
    } else {
      const lower = kind === 'ascii' ? code | 0x20 : kind === 'other' ? text[i].toLowerCase().charCodeAt(0) : code;
      hash = Math.imul(hash ^ lower, 0x01000193);
      length++;
    }
  }
  return out;
}

function scanned(scan: WordScan): { hashes: number[] } {
  return { hashes: Array.from(scan.hashes.subarray(0, scan.count)) };
}

/** Characters of every kind the scan tells apart: ASCII, Latin folds (one and two units), marks, other scripts, digits, emoji, spaces. */
const CHARS = ['a', 'Z', '7', ' ', '.', "'", '’', 'é', 'É', 'œ', 'ǆ', 'ŉ', 'ß', '\u0301', 'Σ', 'ж', '²', 'µ', '٣', '…', '\u00a0', '🤗', '\ud83d', '\n', 'İ', 'ǅ'];

describe('word scan lookup table', () => {
  test('every code unit scans as the class-by-class definition did', () => {
    const scan = new WordScan();
    const differences: number[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const c = String.fromCharCode(code);
      const text = `x${c}y ${c} ${c}${c}9 1${c}`;
      if (JSON.stringify(scanned(scan.scan(text))) !== JSON.stringify(referenceScan(text))) differences.push(code);
    }
    expect(differences).toEqual([]);
  });

  test('random texts, with and without a word limit, scan as before; ends mark where each word stops', () => {
    const scan = new WordScan();
    fc.assert(fc.property(fc.array(fc.constantFrom(...CHARS), { maxLength: 80 }), fc.integer({ min: 1, max: 12 }), (chars, max) => {
      const text = chars.join('');
      expect(scanned(scan.scan(text))).toEqual(referenceScan(text));
      const ends = Array.from(scan.ends.subarray(0, scan.count));
      const all = scanned(scan);
      ends.forEach((end, w) => expect(scanned(new WordScan().scan(text.slice(0, end))).hashes).toEqual(all.hashes.slice(0, w + 1)));
      expect(scanned(scan.scan(text, max))).toEqual(referenceScan(text, max));
    }), { numRuns: 200 });
  });
});

describe('first sentence words', () => {
  test('count what scanning the text up to its first sentence mark counts', () => {
    const scan = new WordScan();
    fc.assert(fc.property(fc.array(fc.constantFrom(...CHARS, '!', '?', '.', 'mot'), { maxLength: 60 }), (parts) => {
      const text = parts.join('');
      const sentence = text.split(/[.!?…]/u, 1)[0];
      expect(firstSentenceWords(text, scan.scan(text), 12)).toBe(new WordScan().scan(sentence, 12).count);
      expect(firstSentenceWords(text, scan.scan(text, 12), 12)).toBe(new WordScan().scan(sentence, 12).count);
    }), { numRuns: 400 });
  });

  test('a sentence ending after the opening words leaves them all in the first sentence', () => {
    const text = 'un deux trois quatre cinq six sept huit neuf dix onze douze treize. Fin';
    expect(firstSentenceWords(text, new WordScan().scan(text), 12)).toBe(12);
    expect(firstSentenceWords('Bien vu. Et alors', new WordScan().scan('Bien vu. Et alors'), 12)).toBe(2);
  });
});
