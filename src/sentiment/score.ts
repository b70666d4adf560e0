import { createRequire } from 'node:module';
import Sentiment from 'sentiment';
import type { SentimentResult, SentimentTerm } from '../model.js';
import { ThreadStanceError } from '../errors.js';
import type { FrenchText, SentenceSpan } from '../nlp/index.js';
import { isEnglishSentence } from './english.js';
import { sentimentLabel } from './label.js';
import { frenchLexicon, SENTIMENT_EMOJI, type FrenchLexicon } from './lexicon.js';
import { applyRules, lexicalRoleCancels, markClauses, markShortQuotes, sentenceFacts, type SentenceFacts } from './rules.js';
import { lackHits } from './lack.js';
import { dampReports } from './report.js';
import { dampUnderOpeningAct } from './opening-act.js';
import { exasperations, resolveLaughter, resolveSarcasm, rhetoricalQuestions, type Hit } from './irony.js';
import { NO_POLARITY, TextPolarity } from './polarity.js';
import { frenchRules, type FrenchRules } from './rules-data.js';
import { ROLE } from './roles.js';
import { BOUNDARY_KEY, forgetLookups, isScoredFor, scoringUnits, type ScoringUnit } from './units.js';

const require = createRequire(import.meta.url);
const ENGLISH_LABELS = require('sentiment/languages/en/labels.json') as Record<string, number>;
/** What `sentiment` looks English tokens up in: AFINN-165 with its emoji table merged over it. */
const ENGLISH_LABELS_WITH_EMOJI: Record<string, number> = { ...ENGLISH_LABELS, ...(require('sentiment/build/emoji.json') as Record<string, number>) };

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
  isTerm: (unit: ScoringUnit) => boolean;
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
 * The French scoring strategy for the unit at `cursor` of lexicon value `tokenScore`: laughter
 * is set aside for the irony rule, lexical roles cancel, then the French rules apply. Records
 * the hit in `context`.
 */
function scoreUnit(context: ScoringContext, cursor: number, tokenScore: number, run: Pick<Engine, 'rules'>, isTerm: (unit: ScoringUnit) => boolean): number {
  const { units } = context;
  const unit = units[cursor];
  if ((unit.roles & ROLE.laughter) !== 0) {
    context.hits.push({ index: cursor, term: unit.term, base: tokenScore, value: 0, clauseValue: 0, rules: [], laughter: true });
    return 0;
  }
  if (lexicalRoleCancels(units, cursor, run.rules, isTerm)) return 0;
  const outcome = applyRules(units, cursor, tokenScore, run.rules, context.facts, isTerm);
  context.hits.push({ index: cursor, term: unit.term, base: tokenScore, value: outcome.value, clauseValue: outcome.clauseValue, rules: outcome.rules, laughter: false });
  return outcome.value;
}

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
  // A unit carries its label (looked up when it was made): `Object.hasOwn(lexicon.labels, unit.key)` without the search.
  const isTerm = (unit: ScoringUnit): boolean => unit.value !== undefined;
  sentiment.registerLanguage('fr', {
    labels: lexicon.labels,
    scoringStrategy: {
      apply(tokens: string[], cursor: number, tokenScore: number): number {
        const context = current;
        return context === null ? tokenScore : scoreUnit(context, cursor, tokenScore, { rules }, isTerm);
      },
    },
  });
  if (Object.hasOwn(lexicon.labels, BOUNDARY_KEY)) {
    throw new ThreadStanceError('LEXICON_BOUNDARY_KEY', `the clause-boundary key "${BOUNDARY_KEY}" must not be a lexicon entry`);
  }
  // Registering merged `sentiment`'s emoji table into the labels: lookups remembered before are dropped.
  forgetLookups();
  engine = { sentiment, lexicon, rules, isTerm };
  return engine;
}

/** Whether the scoring engine is built (the lexicon and rules loaded, their phrases read by wink). */
export function scoringEngineLoaded(): boolean {
  return engine !== undefined;
}

/**
 * The rules that read the whole text, once every word is scored: rhetorical questions,
 * exasperation at a repetition and denied nouns of what is owed (`lack`) add their hits, then ironic praise turns negative, then laughter is read as fun or derision. Leaves
 * `context.hits` in unit order and returns the change of the text's score.
 */
function resolveTextRules(context: ScoringContext, rules: FrenchRules, isTerm: (unit: ScoringUnit) => boolean): number {
  const { units, facts } = context;
  const added = rhetoricalQuestions(units, facts, rules);
  const repeated = exasperations(units, facts, context.hits, rules);
  if (repeated.length > 0) added.push(...repeated);
  const lacking = lackHits(units, facts, rules, isTerm);
  if (lacking.length > 0) added.push(...lacking);
  let change = 0;
  if (added.length > 0) {
    for (const hit of added) {
      context.hits.push(hit);
      change += hit.value;
    }
    context.hits.sort((a, b) => a.index - b.index);
  }
  change += resolveSarcasm(context.hits, units, rules);
  change += resolveLaughter(context.hits, units, rules);
  change += dampReports(context.hits, units, rules);
  return change + dampUnderOpeningAct(context.hits, units, rules);
}

/** A term with the index of the token it starts at, so French and English terms merge in text order. */
interface PlacedTerm {
  at: number;
  term: SentimentTerm;
  /** Its value as its own clause reads it (see {@link RuleOutcome.clauseValue}). */
  clauseValue: number;
}

/** What scoring one group of sentences gives: its score, terms, and the counted words (token indices). */
interface PartScore {
  score: number;
  terms: PlacedTerm[];
  /** Token index of each counted word. */
  counted: number[];
}

/**
 * Scores the French sentences with the French language and the rules. This is what
 * `sentiment.analyze(keys.join(' '), { language: 'fr' })` computes with the language registered
 * above (each unit's key looked up in the registered labels, our strategy applied), done on the
 * units directly: `analyze` would join them, lower-case and re-split the string with four regular
 * expressions and build five arrays per call, about a quarter of the scoring time, to find the
 * very same units.
 */
function scoreFrench(text: FrenchText, spans: SentenceSpan[], run: Engine): PartScore {
  const units = scoringUnits(text.tokens, spans, run.lexicon, run.rules);
  const counted: number[] = [];
  if (units.length === 0) return { score: 0, terms: [], counted };
  markShortQuotes(units, run.rules);
  markClauses(units, run.rules);
  const context: ScoringContext = { units, facts: sentenceFacts(units), hits: [] };
  let score = 0;
  for (let i = 0; i < units.length; i++) {
    const unit = units[i];
    if (unit.boundary) continue;
    counted.push(unit.token);
    // The unit's label, looked up when it was made (the labels table holds only numbers).
    const value = unit.value;
    if (value === undefined) continue;
    score += scoreUnit(context, i, value, run, run.isTerm);
  }
  score += resolveTextRules(context, run.rules, run.isTerm);
  const terms = context.hits.map((hit) => ({
    at: units[hit.index].token,
    term: { term: hit.term, value: round(hit.value, 3), base: hit.base, rules: hit.rules },
    clauseValue: hit.clauseValue,
  }));
  return { score, terms, counted };
}

/** Scores one English sentence with `sentiment`'s English lexicon (AFINN-165 and its emoji). */
function scoreEnglish(text: FrenchText, span: SentenceSpan, run: Engine): PartScore {
  const words: string[] = [];
  const counted: number[] = [];
  for (let i = span.start; i < span.end; i++) {
    const token = text.tokens[i];
    if (!isScoredFor(token)) continue;
    const previous = text.tokens[i - 1];
    if (token.type === 'word' && !token.spaceBefore && i > span.start && previous.type === 'word' && words.length > 0) {
      // wink splits English contractions (`does` + `n't`): glued back, `doesn't` is a negator for `sentiment`.
      words[words.length - 1] += token.key;
    } else {
      words.push(token.key);
      counted.push(i);
    }
  }
  const result = run.sentiment.analyze(words.join(' '), { language: 'en' });
  // Each hit's word, when `sentiment` kept one token per word (it does unless a word holds punctuation it strips).
  const aligned = result.tokens.length === words.length;
  const hitWords: number[] = [];
  if (aligned) for (let w = result.tokens.length - 1; w >= 0; w--) if (Object.hasOwn(ENGLISH_LABELS_WITH_EMOJI, result.tokens[w])) hitWords.push(w);
  const terms: PlacedTerm[] = [];
  // `calculation` lists the hits from the last word to the first.
  for (let k = result.calculation.length - 1; k >= 0; k--) {
    const [term, value] = Object.entries(result.calculation[k])[0];
    const base = ENGLISH_LABELS[term] ?? SENTIMENT_EMOJI[term] ?? value;
    const word = aligned && hitWords.length === result.calculation.length ? hitWords[k] : -1;
    terms.push({ at: word >= 0 ? counted[word] : span.start, term: { term, value, base, rules: value === base ? ['english'] : ['english', 'negation'] }, clauseValue: value });
  }
  return { score: result.score, terms, counted };
}

/** A text's sentiment with, for the stance stage, where it lies in the text. */
export interface ScoredText {
  sentiment: SentimentResult;
  polarity: TextPolarity;
}

/** The scored parts of a text (English sentences one by one, then the French ones together) and its result. */
interface ScoredParts {
  sentiment: SentimentResult;
  parts: PartScore[];
  placed: PlacedTerm[];
}

function scoreParts(text: FrenchText): ScoredParts {
  const run = scoringEngine();
  const french: SentenceSpan[] = [];
  const parts: PartScore[] = [];
  for (const span of text.sentences) {
    if (isEnglishSentence(text.tokens, span, run.rules)) parts.push(scoreEnglish(text, span, run));
    else french.push(span);
  }
  if (french.length > 0) parts.push(scoreFrench(text, french, run));
  let score = 0;
  let counted = 0;
  let placed: PlacedTerm[] = [];
  for (const part of parts) {
    score += part.score;
    counted += part.counted.length;
    placed = placed.length === 0 ? part.terms : placed.concat(part.terms);
  }
  if (parts.length > 1) placed.sort((a, b) => a.at - b.at); // stable: terms of one sentence keep their order
  score = round(score, 3);
  const comparative = counted > 0 ? round(score / counted, 4) : 0;
  const sentiment: SentimentResult = { score, comparative, label: sentimentLabel(score, comparative), terms: placed.map((entry) => entry.term) };
  return { sentiment, parts, placed };
}

/**
 * Sentiment of a text already read by {@link readFrench}: French sentences through the French
 * lexicon and rules, English sentences through `sentiment`'s English lexicon; and its
 * {@link TextPolarity}, from which the polarity of any clause of the text is read without
 * scoring it again.
 */
export function scoreReading(text: FrenchText): ScoredText {
  const { sentiment, parts, placed } = scoreParts(text);
  return { sentiment, polarity: polarityOf(text, parts, placed) };
}

/**
 * Growable columns the polarity of scored texts is appended to, text after text: where each hit
 * starts and its clause value, and where each counted word starts (see `packed.ts`, which sends
 * a batch's columns to another thread as three typed arrays).
 */
export interface PolarityColumns {
  hitStarts: number[];
  hitValues: number[];
  wordStarts: number[];
}

/**
 * {@link scoreReading}, with the text's polarity appended to `columns` instead of built as a
 * {@link TextPolarity}: the batch of a worker thread is packed without three typed arrays and a
 * polarity object per text. What is appended is exactly that polarity's arrays (nothing at all
 * for a text without hits, whose polarity is the shared empty one).
 */
export function scoreReadingInto(text: FrenchText, columns: PolarityColumns): SentimentResult {
  const { sentiment, parts, placed } = scoreParts(text);
  appendPolarity(text, parts, placed, columns);
  return sentiment;
}

/** Appends the polarity of a scored text to `columns`: its hits with a clause value, then (when there is one) its counted words, ascending. */
function appendPolarity(text: FrenchText, parts: readonly PartScore[], placed: readonly PlacedTerm[], columns: PolarityColumns): void {
  const { hitStarts, hitValues, wordStarts } = columns;
  const hitsBefore = hitStarts.length;
  for (const entry of placed) {
    if (entry.clauseValue === 0) continue;
    hitStarts.push(text.tokens[entry.at].start);
    hitValues.push(entry.clauseValue);
  }
  if (hitStarts.length === hitsBefore) return;
  const wordsBefore = wordStarts.length;
  for (const part of parts) for (const token of part.counted) wordStarts.push(text.tokens[token].start);
  if (parts.length > 1) {
    // English and French parts each list their words in order: merged, they are sorted once (as integers).
    const sorted = Int32Array.from(wordStarts.slice(wordsBefore)).sort();
    for (let k = 0; k < sorted.length; k++) wordStarts[wordsBefore + k] = sorted[k];
  }
}

/** Scratch columns of {@link polarityOf} (emptied before each use). */
const scratch: PolarityColumns = { hitStarts: [], hitValues: [], wordStarts: [] };

/** The compact {@link TextPolarity} of a scored text (a shared empty one when nothing scored). */
function polarityOf(text: FrenchText, parts: readonly PartScore[], placed: readonly PlacedTerm[]): TextPolarity {
  scratch.hitStarts.length = 0;
  scratch.hitValues.length = 0;
  scratch.wordStarts.length = 0;
  appendPolarity(text, parts, placed, scratch);
  if (scratch.hitStarts.length === 0) return NO_POLARITY;
  return new TextPolarity(Int32Array.from(scratch.hitStarts), Float64Array.from(scratch.hitValues), Int32Array.from(scratch.wordStarts));
}

/**
 * Sentiment of a text already read by {@link readFrench} (see {@link scoreReading}, which also
 * says where the sentiment lies).
 */
export function scoreFrenchText(text: FrenchText): SentimentResult {
  return scoreParts(text).sentiment;
}

/**
 * The score of the French sentences of `text` computed by `sentiment.analyze` itself with the
 * registered French language, for checking that {@link scoreReading}'s direct loop over the
 * units computes the same thing (the tests compare both).
 */
export function scoreWithSentimentPackage(text: FrenchText): number {
  const run = scoringEngine();
  const spans = text.sentences.filter((span) => !isEnglishSentence(text.tokens, span, run.rules));
  const units = scoringUnits(text.tokens, spans, run.lexicon, run.rules);
  if (units.length === 0) return 0;
  markShortQuotes(units, run.rules);
  markClauses(units, run.rules);
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
  return round(result.score + resolveTextRules(context, run.rules, run.isTerm), 3);
}
