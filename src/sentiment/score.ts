import { createRequire } from 'node:module';
import Sentiment from 'sentiment';
import type { SentimentResult, SentimentTerm } from '../model.js';
import { ThreadStanceError } from '../errors.js';
import type { FrenchText, SentenceSpan } from '../nlp/index.js';
import { isEnglishSentence } from './english.js';
import { sentimentLabel } from './label.js';
import { frenchLexicon, SENTIMENT_EMOJI, type FrenchLexicon } from './lexicon.js';
import { applyRules, lexicalRoleCancels, sentenceFacts, type SentenceFacts } from './rules.js';
import { frenchRules, type FrenchRules } from './rules-data.js';
import { BOUNDARY_KEY, isScoredFor, scoringUnits, type ScoringUnit } from './units.js';

const require = createRequire(import.meta.url);
const ENGLISH_LABELS = require('sentiment/languages/en/labels.json') as Record<string, number>;

/** One lexicon hit seen by the scoring strategy, in unit order once sorted. */
interface Hit {
  index: number;
  term: string;
  base: number;
  value: number;
  rules: string[];
  /** Laughter: its value is decided after the other hits of the text are known (irony rule). */
  laughter: boolean;
}

/** What the scoring strategy reads while `sentiment.analyze` runs on one text. */
interface ScoringContext {
  units: ScoringUnit[];
  facts: Map<number, SentenceFacts>;
  hits: Hit[];
}

interface Engine {
  sentiment: Sentiment;
  lexicon: FrenchLexicon;
  rules: FrenchRules;
}

/**
 * `sentiment` calls a language's scoring strategy with only (tokens, cursor, score), and
 * `analyze` is synchronous: the context of the text being analysed is set just before the call
 * and cleared just after, so the strategy can read our units (capitals, sentences, expressions)
 * and record which rules fired.
 */
let current: ScoringContext | null = null;
let engine: Engine | undefined;

const round = (x: number, digits: number): number => {
  const scale = 10 ** digits;
  return Math.round(x * scale) / scale;
};

/**
 * The `sentiment` instance with French registered once: our lexicon as labels (it merges its
 * emoji table in) and our rules as the scoring strategy. No `extras` are ever passed to
 * `analyze`: they would be merged into this shared table for good.
 */
function scoringEngine(): Engine {
  if (engine !== undefined) return engine;
  const lexicon = frenchLexicon();
  const rules = frenchRules();
  const sentiment = new Sentiment();
  const isTerm = (unit: ScoringUnit): boolean => Object.hasOwn(lexicon.labels, unit.key);
  sentiment.registerLanguage('fr', {
    labels: lexicon.labels,
    scoringStrategy: {
      apply(tokens: string[], cursor: number, tokenScore: number): number {
        const context = current;
        if (context === null) return tokenScore;
        const { units } = context;
        const unit = units[cursor];
        if (rules.laughter.has(unit.plain)) {
          context.hits.push({ index: cursor, term: unit.term, base: tokenScore, value: 0, rules: [], laughter: true });
          return 0;
        }
        if (lexicalRoleCancels(units, cursor, rules, isTerm)) return 0;
        const outcome = applyRules(units, cursor, tokenScore, rules, context.facts, isTerm);
        context.hits.push({ index: cursor, term: unit.term, base: tokenScore, value: outcome.value, rules: outcome.rules, laughter: false });
        return outcome.value;
      },
    },
  });
  if (Object.hasOwn(lexicon.labels, BOUNDARY_KEY)) {
    throw new ThreadStanceError('LEXICON_BOUNDARY_KEY', `the clause-boundary key "${BOUNDARY_KEY}" must not be a lexicon entry`);
  }
  engine = { sentiment, lexicon, rules };
  return engine;
}

/**
 * Irony: laughter next to negative content (its sentence or the one before) is mockery and
 * counts negative; otherwise it is light-hearted and keeps its positive value.
 */
function resolveLaughter(hits: Hit[], units: readonly ScoringUnit[]): number {
  let added = 0;
  for (const hit of hits) {
    if (!hit.laughter) continue;
    const sentence = units[hit.index].sentence;
    let nearby = 0;
    for (const other of hits) {
      if (other.laughter) continue;
      const otherSentence = units[other.index].sentence;
      if (otherSentence === sentence || otherSentence === sentence - 1) nearby += other.value;
    }
    if (nearby < 0) {
      hit.value = -Math.abs(hit.base);
      hit.rules = ['irony'];
    } else {
      hit.value = hit.base;
    }
    added += hit.value;
  }
  return added;
}

/** Scores the French sentences with the French language and the rules; returns score and hits. */
/** Terms with the index of the token they start at, so French and English terms merge in text order. */
interface PlacedTerm {
  at: number;
  term: SentimentTerm;
}

function scoreFrench(text: FrenchText, spans: SentenceSpan[], run: Engine): { score: number; terms: PlacedTerm[]; counted: number } {
  const units = scoringUnits(text.tokens, spans, run.lexicon);
  if (units.length === 0) return { score: 0, terms: [], counted: 0 };
  const context: ScoringContext = { units, facts: sentenceFacts(units), hits: [] };
  current = context;
  let result: Sentiment.AnalysisResult;
  try {
    result = run.sentiment.analyze(units.map((unit) => unit.key).join(' '), { language: 'fr' });
  } finally {
    current = null;
  }
  if (result.tokens.length !== units.length) {
    throw new ThreadStanceError('SENTIMENT_TOKENS_MISALIGNED', `expected ${units.length} tokens back from sentiment, found ${result.tokens.length}`);
  }
  const score = result.score + resolveLaughter(context.hits, units);
  context.hits.sort((a, b) => a.index - b.index);
  const terms = context.hits.map((hit) => ({
    at: units[hit.index].token,
    term: { term: hit.term, value: round(hit.value, 3), base: hit.base, rules: hit.rules },
  }));
  let counted = 0;
  for (const unit of units) if (!unit.boundary) counted += 1;
  return { score, terms, counted };
}

/** Scores one English sentence with `sentiment`'s English lexicon (AFINN-165 and its emoji). */
function scoreEnglish(text: FrenchText, span: SentenceSpan, run: Engine): { score: number; terms: PlacedTerm[]; counted: number } {
  const words: string[] = [];
  for (let i = span.start; i < span.end; i++) {
    const token = text.tokens[i];
    if (!isScoredFor(token)) continue;
    const previous = text.tokens[i - 1];
    if (token.type === 'word' && !token.spaceBefore && i > span.start && previous.type === 'word' && words.length > 0) {
      // wink splits English contractions (`does` + `n't`): glued back, `doesn't` is a negator for `sentiment`.
      words[words.length - 1] += token.key;
    } else {
      words.push(token.key);
    }
  }
  const result = run.sentiment.analyze(words.join(' '), { language: 'en' });
  const terms: PlacedTerm[] = [];
  // `calculation` lists the hits from the last word to the first.
  for (let k = result.calculation.length - 1; k >= 0; k--) {
    const [term, value] = Object.entries(result.calculation[k])[0];
    const base = ENGLISH_LABELS[term] ?? SENTIMENT_EMOJI[term] ?? value;
    terms.push({ at: span.start, term: { term, value, base, rules: value === base ? ['english'] : ['english', 'negation'] } });
  }
  return { score: result.score, terms, counted: words.length };
}

/**
 * Sentiment of a text already read by {@link readFrench}: French sentences through the French
 * lexicon and rules, English sentences through `sentiment`'s English lexicon.
 */
export function scoreFrenchText(text: FrenchText): SentimentResult {
  const run = scoringEngine();
  const french: SentenceSpan[] = [];
  const placed: PlacedTerm[] = [];
  let score = 0;
  let counted = 0;
  for (const span of text.sentences) {
    if (isEnglishSentence(text.tokens, span, run.rules)) {
      const english = scoreEnglish(text, span, run);
      score += english.score;
      counted += english.counted;
      placed.push(...english.terms);
    } else {
      french.push(span);
    }
  }
  if (french.length > 0) {
    const scored = scoreFrench(text, french, run);
    score += scored.score;
    counted += scored.counted;
    placed.push(...scored.terms);
  }
  placed.sort((a, b) => a.at - b.at); // stable: terms of one sentence keep their order
  score = round(score, 3);
  const comparative = counted > 0 ? round(score / counted, 4) : 0;
  return { score, comparative, label: sentimentLabel(score, comparative), terms: placed.map((entry) => entry.term) };
}
