/**
 * What the learned label models see of a comment: the rules' own results (sentiment score, terms
 * and the rules that changed them, stance scores and evidence kinds, agreement and, for the
 * agreement model, the kinds of sign it was read from), a few marks of
 * the text (length, laughter, ellipsis, reply, quote), the parent's rule labels, and the comment's
 * words (`?`, `!` and emoji among them). One function, {@link writeFeatures}, feeds training (over analyzed
 * threads) and prediction (in the stance walk), so both see exactly the same features.
 */
import type { Agreement, SentimentResult, StanceResult } from '../model.js';
import type { LabelField } from '../evaluate/compare.js';
import { featureWords, visitWords, wordOf, WordSpans, wordText, type WordVisitor } from './feature-words.js';

export { featureWords };

/** A comment as the rules left it, with its parent's rule labels. */
export interface RuleReading {
  ownText: string;
  isReply: boolean;
  quoted: boolean;
  sentiment: SentimentResult;
  stance: StanceResult | undefined;
  agreement: Agreement;
  /** The parent's sentiment label by the rules (replies only). */
  parentSentiment: string | undefined;
  /** The parent's stance label by the rules (replies only). */
  parentStance: string | undefined;
  /** The parent's own words hold a `?` (replies only): a reply that answers a question mostly neither agrees nor disagrees. */
  parentQuestion: boolean;
  /**
   * The reply answers a comment that answered its own author (its grandparent is the author's):
   * the author comes back to an exchange, mostly to keep up a disagreement (replies only).
   */
  answersBack: boolean;
  /**
   * The author the reply answers answers it in turn, within a few comments (`src/stance/answer-watch.ts`):
   * the other side of {@link answersBack}, mostly a disagreement kept up (replies only).
   */
  answeredBack: boolean;
}

/**
 * What {@link RuleReading.parentQuestion} reads of the parent's own words: one definition for
 * training (`readingOf`) and the stance walk (which keeps it per comment in its reply memory).
 */
export function holdsQuestionMark(ownText: string): boolean {
  return ownText.includes('?');
}

/** Feature name → value; absent features are 0. */
export type Features = Map<string, number>;

/** Laughter, which the labels read as mockery as often as fun: the model learns which. */
const LAUGHTER = /😂|🤣|😅|😆|\bmdr|\bptdr|\blol\b|haha|hihi/i;

/**
 * The names of the features `prefix` + a rule, label or evidence kind, each made once: a comment
 * names a dozen, and the scorer finds a name it has seen faster than a new string (its hash is
 * kept, no concatenation to flatten). Keyed by the rule, label or kind, a small closed set, never by text.
 */
class FeatureNames {
  private readonly names = new Map<string, string>();

  constructor(private readonly prefix: string) {}

  of(key: string): string {
    let name = this.names.get(key);
    if (name === undefined) this.names.set(key, (name = `${this.prefix}${key}`));
    return name;
  }
}

const RULE = new FeatureNames('rule:'), SENTIMENT = new FeatureNames('sentiment:'), PARENT_SENTIMENT = new FeatureNames('parent-sentiment:'),
  AGREEMENT = new FeatureNames('agreement:'), STANCE = new FeatureNames('stance:'), STANCE_SCORE = new FeatureNames('stance-score:'),
  EVIDENCE = new FeatureNames('evidence:'), PARENT_STANCE = new FeatureNames('parent-stance:'), SIGN = new FeatureNames('sign:');

/** The words of the comment being written (one at a time: the sinks do not write features). */
const WORDS = new WordSpans();

/**
 * A trailing-off ellipsis, which the labels read as resignation or innuendo (`Les priorités...`,
 * `Mais bon…`). Measured leaving one round out over 73 threads: sentiment 0.716 → 0.722, stance
 * 0.753 → 0.754, agreement 0.753 → 0.752 (README, "Learned labels").
 */
const ELLIPSIS = /\.\.\.|…/;

/** The words that open a yes-or-no answer. */
const YES_NO = new Set(['oui', 'non', 'si']);

/** Squashes an unbounded score into (-1, 1), so one long comment cannot dominate a weight. */
const squash = (x: number): number => Math.tanh(x);

/**
 * Where {@link writeFeatures} puts the features of a comment: a map for training, the scorer of
 * the loaded models for prediction (`scorer.ts`). A feature set twice in one comment always has
 * the value 1 both times (a rule, an evidence kind, a word), so keeping the first is keeping it.
 */
export interface FeatureSink extends WordVisitor {
  feature(name: string, value: number): void;
  /** The word feature `w:` + the word (see `WordVisitor`). */
  word(lowered: string, start: number, end: number, elided: boolean, hash: number): void;
}

/**
 * The features of one comment for `field`'s model (the stance and agreement sets add the stance
 * rules' label, scores and evidence; the agreement set adds the agreement signs, so it holds the
 * stance set), in a fixed order, into `sink`.
 */
export function writeFeatures(reading: RuleReading, field: LabelField, sink: FeatureSink): void {
  const { sentiment, ownText } = reading;
  // One scan for the words, read last, and the length: the scan counts the pieces.
  const lowered = wordText(ownText);
  const pieces = visitWords(lowered, WORDS.reset(lowered));
  sink.feature('bias', 1);
  sink.feature('score', squash(sentiment.score / 2));
  sink.feature('comparative', squash(sentiment.comparative * 3));
  let positive = 0, negative = 0, positives = 0, negatives = 0;
  for (const term of sentiment.terms) {
    if (term.value > 0) { positive += term.value; positives++; }
    else if (term.value < 0) { negative -= term.value; negatives++; }
    for (const rule of term.rules) sink.feature(RULE.of(rule), 1);
  }
  sink.feature('positive', squash(positive / 2));
  sink.feature('negative', squash(negative / 2));
  sink.feature('positives', Math.min(positives, 4) / 4);
  sink.feature('negatives', Math.min(negatives, 4) / 4);
  if (sentiment.terms.length === 0) sink.feature('no-term', 1);
  sink.feature(SENTIMENT.of(sentiment.label), 1);
  sink.feature('length', Math.log1p(pieces) / 4);
  if (ownText.trim() === '') sink.feature('empty', 1);
  if (LAUGHTER.test(ownText)) sink.feature('laughter', 1);
  if (ELLIPSIS.test(ownText)) sink.feature('ellipsis', 1);
  if (reading.isReply) sink.feature('reply', 1);
  if (reading.quoted) sink.feature('quotes', 1);
  if (reading.parentSentiment !== undefined) sink.feature(PARENT_SENTIMENT.of(reading.parentSentiment), 1);
  sink.feature(AGREEMENT.of(reading.agreement), 1);
  // The sentiment model reads no stance feature: it must hold under any stance schema.
  if (field !== 'sentiment' && reading.stance !== undefined) {
    const { stance } = reading;
    sink.feature(STANCE.of(stance.label), 1);
    for (const label in stance.scores) sink.feature(STANCE_SCORE.of(label), stance.scores[label]);
    for (const evidence of stance.evidence) {
      sink.feature(EVIDENCE.of(evidence.kind), 1);
      // The agreement model weighs each kind of sign the rules read (a cue group, a quoted
      // negation, opposite tones...), not only their verdict: some signs are sure, others a guess.
      // Measured leaving one round out over 121 threads: agreement 0.790 → 0.800; the stance
      // model lost 0.003 with them, so it does not read them (README, "Learned labels").
      if (field === 'agreement' && evidence.sign !== undefined) sink.feature(SIGN.of(`${evidence.kind}:${evidence.sign}`), 1);
    }
    if (reading.parentStance !== undefined) sink.feature(PARENT_STANCE.of(reading.parentStance), 1);
    // Measured leaving one round out over 49 threads: agreement 0.716 → 0.724, stance 0.733 → 0.736
    // (README, "Learned labels"); the sentiment model lost 0.003 with it, so it does not read it.
    if (reading.parentQuestion) {
      sink.feature('parent-question', 1);
      // `Non, …` under a question answers it more often than it disagrees. Measured leaving one
      // round out over 69 threads, with emoji as words: agreement 0.762 → 0.765 (README, "Learned labels").
      if (YES_NO.has(WORDS.first() ?? '')) sink.feature('yes-no-answer', 1);
    }
    // Measured leaving one round out over 57 threads: agreement 0.742 → 0.756, stance 0.746 → 0.755
    // (README, "Learned labels").
    if (reading.answersBack) sink.feature('answers-back', 1);
    // Measured leaving one round out over 97 threads: agreement 0.782 → 0.790, stance 0.779 →
    // 0.782 (README, "Learned labels").
    if (reading.answeredBack) sink.feature('answered-back', 1);
  }
  // Every model reads the words, agreement too: the cue lists know the set phrases (`bien vu`,
  // `pas d'accord`), the words carry what no list holds (measured: README, "Learned labels").
  WORDS.replay(sink);
}

/**
 * The features of one comment as a map (training and tests). Word features (`w:` + word) are
 * kept for the words `keepWord` accepts: training keeps the words of enough threads.
 */
export function featuresOf(reading: RuleReading, field: LabelField, keepWord: (word: string) => boolean = () => true): Features {
  const f: Features = new Map();
  writeFeatures(reading, field, {
    feature: (name, value) => f.set(name, value),
    word: (lowered, start, end, elided) => {
      const word = wordOf(lowered, start, end, elided);
      if (keepWord(word)) f.set(`w:${word}`, 1);
    },
  });
  return f;
}
