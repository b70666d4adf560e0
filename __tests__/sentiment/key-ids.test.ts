/**
 * What the sentiment stage remembers by a token's `keyId` against the definitions it replaces:
 * tokens of one keyId share their key (and a word its text), so the units made with the facts
 * remembered per keyId are the units made with every key looked up afresh (a token without a
 * keyId, -1, takes that path), and the English test gives what its map gives key by key. Checked
 * on every comment of the corpus and on random strings built from the characters that matter
 * (no-break and narrow no-break spaces, tabs, CR/LF, emoji with skin tones, elisions with ' and ’,
 * hashtags, compounds, ligatures, capitals). And the early return of the sarcasm rule for a text
 * without praise in words, and a batch scored once the engine is loaded (one wink document) against
 * its texts scored one by one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { readFrench, type FrenchToken } from '../../src/nlp/index.js';
import { threadOf } from '../../src/pipeline.js';
import { isEnglishSentence } from '../../src/sentiment/english.js';
import { frenchLexicon } from '../../src/sentiment/lexicon.js';
import { frenchRules, type FrenchRules } from '../../src/sentiment/rules-data.js';
import { scoreSentiment } from '../../src/sentiment/index.js';
import { scoringUnits } from '../../src/sentiment/units.js';
import { scoreTexts } from '../../src/sentiment/packed.js';
import { scoreReading, scoringEngineLoaded } from '../../src/sentiment/score.js';

const CORPUS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'corpus');
const corpusTexts: string[] = fs
  .readdirSync(CORPUS)
  .filter((file) => file.endsWith('.txt'))
  .flatMap((file) => threadOf(fs.readFileSync(path.join(CORPUS, file), 'utf8'), file).comments.map((comment) => comment.ownText));

/** Random text from the pieces whose reading differs: spaces of all kinds, breaks, emoji, elisions, capitals, glued tokens. */
const awkwardText = fc
  .array(
    fc.constantFrom(
      'mot', 'Bof', 'NUL', 'Orange', 'génial', 'Génial', 'GÉNIAL', 'déconnent', 'ils', "c'est", 'c’est', "l'État", 'L’échec', "qu'il", 'aujourd’hui',
      'the', 'is', 'you', 'le', 'est', 'pas', 'mal', 'à', 'la', 'fois', 'sous-traiter', 'week-end', '#génial', '#Top', 'cœur', 'Œuvre',
      ' ', '  ', '\u00a0', '\u202f', '\u2009', '\t', '\n', '\r\n', '.', '!', '?', '...', '…', ',', '«', '»', '"', '-', '=)', '^^', ':)',
      '👍', '👍🏼', '👏🏿', '🤷🏻‍♀️', '❤️', '🙄', '😂', 'mdr', '+1', '42',
    ),
    { maxLength: 20 },
  )
  .map((parts) => parts.join(''));

/** `tokens` as tokens without a keyId: every fact is then worked out from the key and text themselves. */
function withoutKeyIds(tokens: readonly FrenchToken[]): FrenchToken[] {
  return tokens.map((token) => ({ ...token, keyId: -1 }));
}

/** The keyIds of `texts` whose tokens do not all share one key (and, for words, one text): the tokens' texts and keys. */
function keyIdsNotShared(texts: readonly string[]): string[] {
  const seen = new Map<number, FrenchToken>();
  const differing: string[] = [];
  for (const text of texts) {
    for (const token of readFrench(text).tokens) {
      if (token.keyId < 0) continue;
      const first = seen.get(token.keyId);
      if (first === undefined) seen.set(token.keyId, token);
      else if (first.key !== token.key || (token.type === 'word' && first.text !== token.text) || first.type !== token.type) {
        differing.push(`${first.text}/${first.key} ${token.text}/${token.key}`);
      }
    }
  }
  return differing;
}

/**
 * The units of `text` as JSON, made from its tokens as read and without their keyIds. One reading
 * for both: how wink splits a new word can change once it has met it (see wink-read.test.ts).
 */
function unitsBothWays(text: string): [string, string] {
  const { tokens, sentences } = readFrench(text);
  const units = (from: FrenchToken[]): string => JSON.stringify(scoringUnits(from, sentences, frenchLexicon(), frenchRules()));
  return [units(tokens), units(withoutKeyIds(tokens))];
}

/** Whether the units of `text` are the same made with the facts remembered by keyId and without. */
function sameUnits(text: string): boolean {
  const [withIds, without] = unitsBothWays(text);
  return withIds === without;
}

/** `isEnglishSentence` of every sentence of `text`, with its tokens as read and without their keyIds, and from the two word sets. */
function englishReadings(text: string, rules: FrenchRules): [string, string, string] {
  const { tokens, sentences } = readFrench(text);
  const bySets = sentences.map((span) => {
    let english = 0;
    let french = 0;
    for (let i = span.start; i < span.end; i++) {
      if (tokens[i].type !== 'word') continue;
      if (rules.english.englishWords.has(tokens[i].key)) english += 1;
      else if (rules.english.frenchWords.has(tokens[i].key)) french += 1;
    }
    return english >= rules.english.minimum && english > french;
  });
  const bare = withoutKeyIds(tokens);
  return [
    JSON.stringify(sentences.map((span) => isEnglishSentence(tokens, span, rules))),
    JSON.stringify(sentences.map((span) => isEnglishSentence(bare, span, rules))),
    JSON.stringify(bySets),
  ];
}

describe('facts remembered by keyId give what the keys give', () => {
  const rules = frenchRules();

  test('the corpus comments are all read', () => {
    expect(corpusTexts.length).toBe(48);
  });

  test('tokens of one keyId share their key, type and (words) text; glued tokens have none', () => {
    expect(keyIdsNotShared(corpusTexts)).toEqual([]);
    fc.assert(fc.property(fc.array(awkwardText, { maxLength: 5 }), (texts) => keyIdsNotShared(texts).length === 0), { numRuns: 200 });
    const tokens = readFrench("C'est #génial, le week-end =) au cœur de l’été").tokens;
    expect(tokens.map((token) => [token.text, token.keyId < 0])).toEqual([
      ["C'", false], ['est', false], ['#génial', true], [',', false], ['le', false], ['week-end', true], ['=)', true],
      ['au', false], ['cœur', true], ['de', false], ['l’', false], ['été', false],
    ]);
    // The two halves of an elision and the whole word have keyIds of their own.
    const [elided, verb] = tokens;
    expect(verb.keyId - elided.keyId).toBe(1);
  });

  test('scoringUnits: the corpus and random strings, with and without keyIds', () => {
    // Read twice: the second reading finds every fact remembered by the first.
    for (let round = 0; round < 2; round++) {
      expect(corpusTexts.filter((text) => !sameUnits(text))).toEqual([]);
    }
    fc.assert(fc.property(awkwardText, sameUnits), { numRuns: 400 });
  });

  test('a word in capitals, a proper name and a plural verb are read from each token as before', () => {
    const units = JSON.parse(unitsBothWays('NUL. Chez Orange, ils trichent. Orange est NUL')[0]) as Array<{ plain: string; capitals: boolean; name: boolean }>;
    expect(units.map((unit) => [unit.plain, unit.capitals, unit.name])).toEqual([
      ['nul', true, false], ['.', false, false], ['chez', false, false], ['\u{E0FF}orange', false, true], [',', false, false],
      ['ils', false, false], ['tricher', false, false], ['.', false, false], ['orange', false, false], ['est', false, false], ['nul', true, false],
    ]);
  });

  test('isEnglishSentence: the corpus and random strings, with and without keyIds, against the two word sets', () => {
    const texts = [...corpusTexts, 'The deal is done. Le deal est fait.', 'You are the best, vous êtes les meilleurs'];
    const differing = texts.filter((text) => {
      const [asRead, bare, bySets] = englishReadings(text, rules);
      return asRead !== bySets || bare !== bySets;
    });
    expect(differing).toEqual([]);
    expect(englishReadings('The deal is done. Le deal est fait.', rules)[0]).toBe('[true,false]');
    fc.assert(
      fc.property(awkwardText, (text) => {
        const [asRead, bare, bySets] = englishReadings(text, rules);
        return asRead === bySets && bare === bySets;
      }),
      { numRuns: 300 },
    );
  });
});

describe('sarcasm needs praise in words', () => {
  test('without a positive word, an irony emoji leaves applause as it is', () => {
    const terms = scoreSentiment('Encore une panne 🙄 👏').terms;
    expect(terms.filter((term) => term.rules.includes('sarcasm'))).toEqual([]);
    const applause = terms.find((term) => term.term === '👏');
    expect(applause?.value).toBe(applause?.base);
    expect(applause?.base).toBeGreaterThan(0);
  });

  test('with one, the praise and its applause turn', () => {
    const terms = scoreSentiment('Bravo 🙄 👏').terms;
    expect(terms.map((term) => [term.term, term.rules])).toEqual([
      ['bravo', ['sarcasm']], ['🙄', []], ['👏', ['sarcasm']],
    ]);
    const { factor } = frenchRules().sarcasm;
    for (const term of [terms[0], terms[2]]) expect(term.value).toBeCloseTo(term.base * factor, 10);
  });
});

describe('a batch scored once the scoring engine is loaded', () => {
  /** Each text's sentiment and polarity from the batch, and from the text scored alone, as JSON. */
  function batchAndAlone(texts: readonly string[]): [string, string] {
    const packed = scoreTexts(texts);
    const alone = texts.map((text) => scoreReading(readFrench(text)));
    return [
      JSON.stringify([packed.sentiments, [...packed.hitStarts], [...packed.hitValues], [...packed.wordStarts]]),
      JSON.stringify([
        alone.map((scored) => scored.sentiment),
        alone.flatMap((scored) => [...scored.polarity.hitStarts]),
        alone.flatMap((scored) => [...scored.polarity.hitValues]),
        alone.flatMap((scored) => [...scored.polarity.wordStarts]),
      ]),
    ];
  }

  /** Reads `texts` until a reading gives what the one before gave (at most 6 times); true when it did. */
  function settled(texts: readonly string[]): boolean {
    let before = JSON.stringify(texts.map((text) => readFrench(text)));
    for (let round = 0; round < 5; round++) {
      const now = JSON.stringify(texts.map((text) => readFrench(text)));
      if (now === before) return true;
      before = now;
    }
    return false;
  }

  test('is read as one document and gives what its texts give one by one: the corpus and random batches', () => {
    scoreSentiment('Bonjour');
    expect(scoringEngineLoaded()).toBe(true);
    const [batch, alone] = batchAndAlone(corpusTexts);
    expect(batch).toBe(alone);
    fc.assert(
      fc.property(fc.array(awkwardText, { maxLength: 8 }), (texts) => {
        // Read until wink's reading settles: its splitting of a new word can change once it has met it (see wink-read.test.ts).
        if (!settled(texts)) return true;
        const [inBatch, byText] = batchAndAlone(texts);
        return inBatch === byText;
      }),
      { numRuns: 150 },
    );
  });
});
