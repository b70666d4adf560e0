/**
 * The stance stage's fast paths (eighth session) against the definitions they replace: the pooled
 * tokenizer that gives each token its word, phrase matching read off the words and sorted by
 * second word, the echo words kept as hashes, and the quoted spans found by native searches.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { asksQuestion, EchoHashes, echoWords, eyeRoll } from '../../src/stance/agreement.js';
import { loadSchema } from '../../src/stance/index.js';
import { ironicSentences, quotedSpans } from '../../src/stance/irony.js';
import { findTargets, textEvidence } from '../../src/stance/signals.js';
import { CueTokenizer, tokenizeForCues, type TokenizedText } from '../../src/stance/text.js';
import { MatcherSlot, vocabularyOf, wordHash } from '../../src/stance/words.js';

const schema = loadSchema();

/** The quoted spans as the seventh session defined them: one pass over the characters. */
function quotedSpansByDefinition(text: string): [number, number][] {
  const pairs: Record<string, string> = { '«': '»', '“': '”', '"': '"' };
  const spans: [number, number][] = [];
  let open = -1;
  let closing = '';
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (open >= 0) {
      if (ch === closing) {
        spans.push([open + 1, i]);
        open = -1;
      } else if (ch === '\n') open = -1;
    } else if (pairs[ch] !== undefined) {
      open = i;
      closing = pairs[ch];
    }
  }
  return spans;
}

/** Everything a tokenization says, as text. */
function described(tokenized: TokenizedText): string[] {
  return [
    ...tokenized.tokens.map((t) => `${t.norm}|${t.surface}|${t.start}-${t.end}|${t.sentence}/${t.clause}/${t.paragraph}|${t.punct}`),
    ...tokenized.clauses.map((c) => `clause ${c.start}-${c.end}/${c.sentence}`),
  ];
}

/** What the matchers, searches and signals find in a tokenization, as text. */
function findings(tokenized: TokenizedText): string[] {
  const { tables } = schema;
  const matches = (name: string, found: { from: number; to: number; text: string }[]): string[] => found.map((m) => `${name} ${m.from}-${m.to} ${m.text}`);
  return [
    ...matches('cue', tables.cues.findAll(tokenized.tokens, tokenized.text)),
    ...matches('target', tables.targets.findAll(tokenized.tokens, tokenized.text)),
    ...matches('agreement', tables.agreement.findAll(tokenized.tokens, tokenized.text)),
    ...matches('tag', tables.questionTags.findAll(tokenized.tokens, tokenized.text)),
    ...findTargets(tokenized, schema).map((m) => `mention ${m.target} ${m.token} ${m.text}`),
    `ironic ${[...ironicSentences(tokenized.tokens, schema)].join(',')}`,
    `asks ${asksQuestion(tokenized, schema)}`,
    `eye-roll ${eyeRoll(tokenized.tokens, schema)}`,
    `echo ${[...echoWords(tokenized, schema)].join(',')}`,
    ...textEvidence(tokenized.text, schema, tokenized).map((e) => `evidence ${e.kind} ${e.label} ${e.weight} ${e.text}`),
  ];
}

/** The own words of the comments of the corpus (one text per paragraph is enough variety). */
const corpusTexts: string[] = fs
  .readdirSync(path.resolve('corpus'))
  .filter((f) => f.endsWith('.txt'))
  .flatMap((f) => fs.readFileSync(path.resolve('corpus', f), 'utf8').split(/\n\s*\n/));

const alphabet = [
  'a', 'le', 'pas', 'bien', 'vu', 'Microsoft', 'CA', 'ça', 'OpenAI', 'non', 'mais', 'oui', 'bravo', 'de', 'en', 'effet', "c'est", 'tu',
  ' ', ' ', '\n', '\n\n', ',', '.', '?', '!', ';', ':', '«', '»', '“', '”', '"', '🙄', '🤡', '😂', '+1', '100 %', 'É', 'gagné', 'https://x.y',
];
const randomTexts = fc.array(fc.constantFrom(...alphabet), { maxLength: 30 }).map((parts) => parts.join(' '));

describe('the pooled tokenizer with words is the cue tokenizer', () => {
  const tokenizer = new CueTokenizer(vocabularyOf(schema));

  test('same tokens and clauses on the corpus, reusing its tokens from text to text', () => {
    for (const text of corpusTexts) {
      const expected = described(tokenizeForCues(text, schema.tables.clauseConnectors));
      expect([text, described(tokenizer.tokenize(text))]).toEqual([text, expected]);
    }
  });

  test('same tokens on random texts', () => {
    fc.assert(fc.property(randomTexts, (text) => {
      expect(described(tokenizer.tokenize(text))).toEqual(described(tokenizeForCues(text, schema.tables.clauseConnectors)));
    }), { numRuns: 1000 });
  });

  test('each token gets the word of its folded form', () => {
    const { tokens } = tokenizer.tokenize('Bien vu, CA et ça 🙄🏻 !');
    expect(tokens.map((t) => `${t.word?.norm}:${t.word?.hash === wordHash(t.norm)}`)).toEqual([
      'bien:true', 'vu:true', ',:true', 'ca:true', 'et:true', 'ca:true', '🙄🏻:true', '!:true',
    ]);
  });
});

describe('matching read off the words finds what matching by form finds', () => {
  const tokenizer = new CueTokenizer(vocabularyOf(schema));
  const both = (text: string): void => {
    const byForm = findings(tokenizeForCues(text, schema.tables.clauseConnectors));
    expect([text, findings(tokenizer.tokenize(text))]).toEqual([text, byForm]);
  };

  test('on the corpus', () => {
    for (const text of corpusTexts) both(text);
  });

  test('on random texts', () => {
    fc.assert(fc.property(randomTexts, both), { numRuns: 1000 });
  });

  test('a matcher given the slot of its words finds what it finds by form', () => {
    const text = "Bien vu. Microsoft a gagné, pas OpenAI, non ? C'est un coup de maître 🙄";
    const tokens = tokenizer.tokenize(text).tokens;
    const plain = tokenizeForCues(text, schema.tables.clauseConnectors).tokens;
    for (const [name, slot] of Object.entries(MatcherSlot)) {
      const matcher = { Cues: schema.tables.cues, Targets: schema.tables.targets, Agreement: schema.tables.agreement, QuestionTags: schema.tables.questionTags }[name]!;
      expect(matcher.findAll(tokens, text, 0, tokens.length, slot)).toEqual(matcher.findAll(plain, text));
    }
  });
});

describe('echo words kept as hashes', () => {
  const tokenizer = new CueTokenizer(vocabularyOf(schema));
  const echo = new EchoHashes();
  const hashesOf = (text: string): number[] => {
    echo.collect(tokenizer.tokenize(text), schema);
    return [...echo.values.subarray(0, echo.count)];
  };

  test('are the hashes of the echo words, in their order, each once', () => {
    const text = 'Une arnaque, vraiment. Une ARNAQUE ? Arnaque totale, totale.';
    expect(hashesOf(text)).toEqual([...echoWords(tokenizeForCues(text, schema.tables.clauseConnectors), schema)].map(wordHash));
    expect(hashesOf(text)).toEqual(['arnaque', 'vraiment', 'totale'].map(wordHash));
  });

  test('on the corpus and on random texts', () => {
    const same = (text: string): void => {
      const expected = [...echoWords(tokenizeForCues(text, schema.tables.clauseConnectors), schema)].map(wordHash);
      expect([text, hashesOf(text)]).toEqual([text, expected]);
    };
    for (const text of corpusTexts) same(text);
    fc.assert(fc.property(randomTexts, same), { numRuns: 500 });
  });
});

describe('quoted spans by native searches', () => {
  test.each([
    ['« génial » et “top” et "ok"', [[1, 9], [15, 18], [24, 26]]],
    ['« pas fermé\n» ici', []],
    ['"a" "b\n"c"', [[1, 2], [8, 9]]],
    ['« a “ b » c ”', [[1, 8]]],
    ['sans guillemets', []],
  ])('%j', (text, spans) => {
    expect(quotedSpans(text)).toEqual(spans);
    expect(quotedSpans(text)).toEqual(quotedSpansByDefinition(text));
  });

  test('are the spans of the one-pass definition on random strings', () => {
    const marks = fc.array(fc.constantFrom('a', ' ', '\n', '«', '»', '“', '”', '"', '‘', "'", '’'), { maxLength: 30 }).map((p) => p.join(''));
    fc.assert(fc.property(marks, (text) => {
      expect(quotedSpans(text)).toEqual(quotedSpansByDefinition(text));
    }), { numRuns: 3000 });
  });
});
