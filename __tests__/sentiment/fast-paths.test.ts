/**
 * The speed-ups of the sentiment stage against the definitions they replace: the rule-list bits
 * of a key (`rolesOf`) against the lists themselves, the one-map English test against the two
 * word sets, the keys of non-word tokens against `normalizeKey`, and the packed polarity of a
 * batch against the one of `scoreReading`, on every comment of the corpus and on random strings;
 * and expressions, looked up by their second word, against their lists tried in order.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { foldAccents, normalizeKey, readFrench } from '../../src/nlp/index.js';
import { threadOf } from '../../src/pipeline.js';
import { isEnglishSentence } from '../../src/sentiment/english.js';
import { forTransfer, packSentiments, scoreTexts, unpackPolarities, unpackSentiments } from '../../src/sentiment/packed.js';
import { frenchRules, type FrenchRules } from '../../src/sentiment/rules-data.js';
import { ROLE, rolesOf } from '../../src/sentiment/roles.js';
import { scoreReading } from '../../src/sentiment/score.js';
import { frenchLexicon, type Expression, type FrenchLexicon } from '../../src/sentiment/lexicon.js';
import { scoringUnits } from '../../src/sentiment/units.js';

const CORPUS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'corpus');
const corpusTexts: string[] = fs
  .readdirSync(CORPUS)
  .filter((file) => file.endsWith('.txt'))
  .flatMap((file) => threadOf(fs.readFileSync(path.join(CORPUS, file), 'utf8'), file).comments.map((comment) => comment.ownText));

/** Each role bit and the list it stands for. */
function roleLists(rules: FrenchRules): Array<[number, ReadonlySet<string>]> {
  return [
    [ROLE.purpose, rules.purpose.markers],
    [ROLE.preference, rules.preference.markers],
    [ROLE.condition, rules.condition.markers],
    [ROLE.conditionSubject, rules.condition.subjects],
    [ROLE.reportConjunction, rules.reported.conjunctions],
    [ROLE.sarcasmMarker, rules.sarcasm.markers],
    [ROLE.laughter, rules.laughter],
    [ROLE.lackNoun, rules.lack.nouns],
    [ROLE.reportSource, rules.report.sources],
    [ROLE.contrast, rules.contrast.markers],
  ];
}

/** The roles of `key` asked of the lists one by one (the definition `rolesOf` memoises). */
function rolesByLists(key: string, rules: FrenchRules): number {
  let roles = 0;
  for (const [bit, list] of roleLists(rules)) if (list.has(key)) roles |= bit;
  return roles;
}

/** `isEnglishSentence` as it was written before the two word sets became one map. */
function englishByTwoSets(tokens: ReturnType<typeof readFrench>['tokens'], start: number, end: number, rules: FrenchRules): boolean {
  let english = 0;
  let french = 0;
  for (let i = start; i < end; i++) {
    if (tokens[i].type !== 'word') continue;
    if (rules.english.englishWords.has(tokens[i].key)) english += 1;
    else if (rules.english.frenchWords.has(tokens[i].key)) french += 1;
  }
  return english >= rules.english.minimum && english > french;
}

const NOT_WORDS = new Set(['punctuation', 'symbol', 'number', 'url', 'mention']);

describe('fast paths give what they replace', () => {
  const rules = frenchRules();

  test('the corpus comments are all read', () => {
    expect(corpusTexts.length).toBe(48);
  });

  test('rolesOf: every key of every list, every corpus key and random strings', () => {
    const keys = new Set<string>();
    for (const [, list] of roleLists(rules)) for (const key of list) keys.add(key);
    for (const text of corpusTexts) for (const token of readFrench(text).tokens) keys.add(token.key);
    const mismatches = [...keys].filter((key) => rolesOf(key, rules) !== rolesByLists(key, rules));
    expect(mismatches).toEqual([]);
    expect(rolesOf('mais', rules) & ROLE.contrast).toBe(ROLE.contrast);
    fc.assert(fc.property(fc.string(), (key) => rolesOf(key, rules) === rolesByLists(key, rules)));
  });

  test('isEnglishSentence: every sentence of the corpus and random mixes of function words', () => {
    const words = [...rules.english.englishWords, ...rules.english.frenchWords, 'génial', 'nul', 'the', 'le'];
    const texts = [...corpusTexts, 'The deal is done. Le deal est fait.', 'You are the best, vous êtes les meilleurs'];
    const mismatches: string[] = [];
    for (const text of texts) {
      const { tokens, sentences } = readFrench(text);
      for (const span of sentences) {
        if (isEnglishSentence(tokens, span, rules) !== englishByTwoSets(tokens, span.start, span.end, rules)) mismatches.push(text);
      }
    }
    expect(mismatches).toEqual([]);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 12 }), (picked) => {
        const { tokens } = readFrench(picked.join(' '));
        return isEnglishSentence(tokens, { start: 0, end: tokens.length }, rules) === englishByTwoSets(tokens, 0, tokens.length, rules);
      }),
    );
  });

  test('the key of a token that is not a word is normalizeKey of its text', () => {
    const check = (text: string): string[] =>
      readFrench(text)
        .tokens.filter((token) => NOT_WORDS.has(token.type) && token.key !== normalizeKey(token.text))
        .map((token) => token.text);
    expect(corpusTexts.flatMap(check)).toEqual([]);
    expect(check('Prix : 12 € — « vraiment » ? `OK` 2023 ÉTÉ… A+B http://Ex.com/A @Bob')).toEqual([]);
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (text) => check(text).length === 0), { numRuns: 50 });
  });

  test('a packed batch holds the polarity scoreReading gives, text by text', () => {
    const texts = [...corpusTexts, 'The deal is done, great. Mais le prix est scandaleux !', 'Nice. Super génial 👍'];
    const packed = scoreTexts(texts);
    const polarities = unpackPolarities(packed);
    const differing = texts.filter((text, i) => {
      const scored = scoreReading(readFrench(text));
      const polarity = polarities[i];
      return (
        JSON.stringify(scored.sentiment) !== JSON.stringify(packed.sentiments[i]) ||
        [...scored.polarity.hitStarts].join() !== [...polarity.hitStarts].join() ||
        [...scored.polarity.hitValues].join() !== [...polarity.hitValues].join() ||
        [...scored.polarity.wordStarts].join() !== [...polarity.wordStarts].join()
      );
    });
    expect(differing).toEqual([]);
  });

  test('sentiments packed for another thread come back equal, field by field and in the same order', () => {
    const texts = [...corpusTexts, 'The deal is done, great. Mais le prix est scandaleux !', 'Nice. Super génial 👍', '', 'mdr'];
    const packed = scoreTexts(texts);
    const unpacked = unpackSentiments(packSentiments(packed.sentiments));
    expect(unpacked).toStrictEqual(packed.sentiments);
    expect(unpacked.map((sentiment) => JSON.stringify(sentiment))).toEqual(packed.sentiments.map((sentiment) => JSON.stringify(sentiment)));
    expect(unpackSentiments(forTransfer(packed).sentiments)).toStrictEqual(packed.sentiments);
    expect(unpackSentiments(packSentiments([]))).toEqual([]);
    const handMade = [{ score: -0.5, comparative: -0.25, label: 'negative' as const, terms: [{ term: 'nul', value: -0.5, base: -2, rules: ['negation', 'report'] }] }];
    expect(unpackSentiments(packSentiments(handMade))).toStrictEqual(handMade);
  });
});

/**
 * The unit key of the expression matched at the start of `words` (folded keys, all words) as the
 * lists were searched before they were grouped by second word: the first of the first word's list
 * (longest first) whose words all match.
 */
function expressionByList(words: readonly string[], expressions: ReadonlyMap<string, readonly Expression[]>): string | undefined {
  for (const expression of expressions.get(words[0]) ?? []) {
    if (expression.folded.length <= words.length && expression.folded.every((word, k) => word === words[k])) return expression.key;
  }
  return undefined;
}

/** The expressions of each first word in one list, longest first, as they were kept before being grouped by second word. */
function listsByFirstWord(lexicon: FrenchLexicon): Map<string, Expression[]> {
  const lists = new Map<string, Expression[]>();
  for (const [first, bySecond] of lexicon.expressions) lists.set(first, [...bySecond.values()].flat().sort((a, b) => b.folded.length - a.folded.length));
  return lists;
}

describe('expressions looked up by their second word', () => {
  const lexicon = frenchLexicon();
  const rules = frenchRules();
  const lists = listsByFirstWord(lexicon);
  const all = [...lists.values()].flat();

  /** The unit key the units of `text` open with, and the one the lists tried in order give (from the words' folded keys). */
  function firstUnit(text: string): { actual: string; expected: string | undefined } {
    const { tokens, sentences } = readFrench(text);
    return { actual: scoringUnits(tokens, sentences, lexicon, rules)[0].plain, expected: expressionByList(tokens.map((token) => foldAccents(token.key)), lists) };
  }

  test('every expression of the lexicon, written alone, becomes the unit its list gives', () => {
    expect(all.length).toBeGreaterThan(100);
    const differing = all.map((expression) => expression.term).filter((term) => {
      const { actual, expected } = firstUnit(term);
      return expected !== undefined && actual !== expected;
    });
    expect(differing).toEqual([]);
    expect(all.filter((expression) => firstUnit(expression.term).actual === expression.key).length).toBeGreaterThan(0.9 * all.length);
  });

  test('first words that open many expressions, followed by random words of expressions', () => {
    const firstWords = [...lists.entries()].filter(([, list]) => list.length >= 5).map(([word]) => word);
    expect(firstWords).toContain('pas');
    const words = [...new Set(all.flatMap((expression) => expression.folded))].filter((word) => /^[a-z]+$/.test(word));
    fc.assert(
      fc.property(fc.constantFrom(...firstWords), fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 4 }), (first, rest) => {
        const { actual, expected } = firstUnit([first, ...rest].join(' '));
        // Without an expression, the first unit is the first word's own.
        return expected === undefined ? !actual.includes('-') || first.includes('-') : actual === expected;
      }),
      { numRuns: 300 },
    );
  });
});
