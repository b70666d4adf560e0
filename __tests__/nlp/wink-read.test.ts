/**
 * The fast reading of wink's tokens against its definition: `readWink` (one `out` call, lexemes
 * from a table, gaps counted in the text) gives the values, types and gaps wink gives token by
 * token for the same document (`winkColumnsOf`), and `readWinkTexts` (a batch as one wink
 * document) gives each text what it gets read alone (`readWinkByTokens`); `readFrenchTexts` gives
 * what `readFrench` gives text by text. Checked on every comment of the corpus, on texts made to
 * fall off the fast path, and on random strings built from the characters that matter (wink's
 * spaces, other Unicode spaces, line breaks, apostrophes, ligatures, emoji, contractions).
 *
 * How wink splits a piece of text can depend on the words it met before (`n'tmot..` gives
 * `n'tmot` `.` `.` the first time, `n'tmot` `..` once `n'tmot` is known), so two readings of one
 * text are compared on the same document, or once wink's reading of the texts has settled (read
 * until a reading gives what the one before gave: no new word is met any more).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { readFrench, readFrenchTexts } from '../../src/nlp/index.js';
import { readWinkByTokens, readWinkTexts, SENTINEL, winkColumnsOf, winkReadingOf, type WinkColumns, type WinkReading } from '../../src/nlp/wink-read.js';
import { wink } from '../../src/nlp/wink.js';
import { threadOf } from '../../src/pipeline.js';

const CORPUS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'corpus');
const corpusTexts: string[] = fs
  .readdirSync(CORPUS)
  .filter((file) => file.endsWith('.txt'))
  .flatMap((file) => threadOf(fs.readFileSync(path.join(CORPUS, file), 'utf8'), file).comments.map((comment) => comment.ownText));

/** Texts where wink's tokens do not lie end to end in the text, or that must not be joined to a neighbour. */
const AWKWARD = [
  'a\u3000b c', // wink trims the ideographic space inside a piece: the gaps are wink's own
  'ab\u3000\u3000',
  '\u2003\u2003mot', // wink's no-break spaces
  'x\u2002y',
  "I can't go, gonna cannot Can't", // contractions
  '',
  '   ',
  '\nligne\n',
  'fin\r',
  '\tdébut',
  "l'État-providence... =) ^^ #génial 🤷🏻‍♀️ cœur",
  'Le cœur a ses raisons : « bof » !',
];

/** A reading as the three columns of the definition. */
function columns(reading: WinkReading): WinkColumns {
  return { values: reading.lexemes.map((lexeme) => lexeme.value), types: reading.lexemes.map((lexeme) => lexeme.type), gaps: reading.gaps };
}

/** `readWink` and the definition on one document of `text`, as JSON. */
function bothOnOneDocument(text: string): [string, string] {
  const tokens = wink().readDoc(text).tokens();
  return [JSON.stringify(columns(winkReadingOf(tokens, text))), JSON.stringify(winkColumnsOf(tokens))];
}

/** Reads `texts` with `read` until wink's reading of them settles (at most 6 times); true when it did. */
function settle(texts: readonly string[], read: (text: string) => unknown = readWinkByTokens): boolean {
  let before = JSON.stringify(texts.map(read));
  for (let round = 0; round < 5; round++) {
    const now = JSON.stringify(texts.map(read));
    if (now === before) return true;
    before = now;
  }
  return false;
}

/** Random text from the characters that decide where wink's tokens lie. */
const awkwardText = fc
  .array(
    fc.constantFrom(
      'mot', 'Bof', "c'est", 'can', "n't", "can't", 'gonna', ' ', '  ', '\u00a0', '\u2002', '\u205f', '\u3000', '\u2000', '\u200b',
      '\n', '\r\n', '\t', '.', '...', '!', '?', '«', '»', '-', '=', ')', '^', '#', 'é', 'œ', 'Œ', 'æ', '👍', '🏼', '\u200d', '\ufe0f', "'", '’',
    ),
    { maxLength: 16 },
  )
  .map((parts) => parts.join(''));

describe('wink read by lexemes gives what wink gives token by token', () => {
  test('the corpus comments are all read', () => {
    expect(corpusTexts.length).toBe(48);
  });

  test('readWink: the corpus, awkward texts and random strings', () => {
    const differing = [...corpusTexts, ...AWKWARD].filter((text) => {
      const [fast, definition] = bothOnOneDocument(text);
      return fast !== definition;
    });
    expect(differing).toEqual([]);
    // wink drops the ideographic space: its tokens do not lie end to end, and its own gaps are kept.
    expect(JSON.parse(bothOnOneDocument('a\u3000b c')[0])).toEqual({ values: ['a', 'b', 'c'], types: ['word', 'word', 'word'], gaps: [0, 0, 1] });
    const same = (text: string): boolean => {
      const [fast, definition] = bothOnOneDocument(text);
      return fast === definition;
    };
    fc.assert(fc.property(awkwardText, same), { numRuns: 300 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 30 }), same), { numRuns: 200 });
  });

  test('the separator of a batch is a word wink knows already: reading it adds nothing to its table', () => {
    const fresh = wink().readDoc(`zqx${Date.now()}`).tokens().out(wink().its.uniqueId) as number[];
    const sentinel = wink().readDoc(SENTINEL).tokens().out(wink().its.uniqueId) as number[];
    expect(sentinel.length).toBe(1);
    expect(sentinel[0] < fresh[0]).toBe(true);
  });

  test('readWinkTexts: a batch gives each text its own reading', () => {
    const batch = [...corpusTexts, ...AWKWARD, ...corpusTexts.slice(0, 5), `a ${SENTINEL} b`, 'fin'];
    expect(settle(batch)).toBe(true);
    const read = readWinkTexts(batch).map(columns);
    expect(read.length).toBe(batch.length);
    const differing = batch.filter((text, k) => JSON.stringify(read[k]) !== JSON.stringify(readWinkByTokens(text)));
    expect(differing).toEqual([]);
    expect(readWinkTexts([])).toEqual([]);
    fc.assert(
      fc.property(fc.array(awkwardText, { maxLength: 8 }), (texts) => {
        if (!settle(texts)) return true;
        const joined = readWinkTexts(texts).map(columns);
        return joined.length === texts.length && texts.every((text, k) => JSON.stringify(joined[k]) === JSON.stringify(readWinkByTokens(text)));
      }),
      { numRuns: 200 },
    );
  });

  test('readFrenchTexts: the tokens and sentences readFrench gives text by text', () => {
    const batch = [...corpusTexts, ...AWKWARD];
    expect(settle(batch, readFrench)).toBe(true);
    const read = readFrenchTexts(batch);
    const differing = batch.filter((text, k) => JSON.stringify(read[k]) !== JSON.stringify(readFrench(text)));
    expect(differing).toEqual([]);
    expect(read[AWKWARD.indexOf('Le cœur a ses raisons : « bof » !') + corpusTexts.length].tokens.map((token) => token.text)).toEqual([
      'Le', 'cœur', 'a', 'ses', 'raisons', ':', '«', 'bof', '»', '!',
    ]);
    fc.assert(
      fc.property(fc.array(awkwardText, { maxLength: 6 }), (texts) => {
        if (!settle(texts, readFrench)) return true;
        const joined = readFrenchTexts(texts);
        return texts.every((text, k) => JSON.stringify(joined[k]) === JSON.stringify(readFrench(text)));
      }),
      { numRuns: 150 },
    );
  });
});
