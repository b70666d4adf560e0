/**
 * Training the label models from hand-labelled threads analyzed by the rules alone. Words become
 * features only when they occur in enough different threads, so a model cannot learn a name, a
 * topic word or a phrase of one thread.
 */
import type { AnalyzedThread, Comment } from '../model.js';
import type { GoldRecord } from '../evaluate/gold.js';
import type { LabelField } from '../evaluate/compare.js';
import { featuresOf, featureWords, holdsQuestionMark, type Features, type RuleReading } from './features.js';
import { trainLinearModel, type Example, type LinearModel } from './linear-model.js';
import type { LabelModels } from './label-models.js';
import { answerWatchOf, type AnswerWatch } from '../stance/answer-watch.js';

/** A labelled thread, analyzed with the rules only (`labelModels: null`). */
export interface LabelledThread {
  name: string;
  thread: AnalyzedThread;
  gold: readonly GoldRecord[];
}

/** Fewest threads a word must occur in to become a feature. */
export const MIN_WORD_THREADS = 4;
/** L2 penalty per field: agreement reads few features and needs more smoothing (measured, README). */
export const LAMBDA: Record<LabelField, number> = { sentiment: 1, stance: 1, agreement: 10 };
export const EPOCHS = 300;
/**
 * The value a word feature has in training, per field (rule features have theirs, mostly 1): under
 * the same L2 penalty, a word read at 0.3 needs about ten times the evidence to move the model
 * as far, which keeps the sentiment model from leaning on the topic words of a few threads. Chosen
 * over 45 threads (README, "Learned labels"): sentiment macro-F1 leaving one round out 0.698 at 1,
 * 0.707 at 0.5, 0.713 at 0.3, 0.706 at 0.2; leaving one thread out 0.697 → 0.715. The stance and
 * agreement models gained nothing (stance 0.726 → 0.730 at 0.5, agreement 0.721 → 0.713).
 * The trained word weights are stored multiplied by this value, so prediction reads every word
 * at 1 and gets the same sums ({@link withWordValue}).
 */
export const WORD_VALUE: Record<LabelField, number> = { sentiment: 0.3, stance: 1, agreement: 1 };
/**
 * Added to a label's bias after training, per field and label: the models are trained for the
 * likelihood of each label, the reports are judged by macro-F1 (and agreement by accuracy), which
 * weighs a rare label (pro-board) as much as a frequent one. Chosen by leave-one-thread-out over
 * the 37 development threads, checked by choosing them again without each thread (README,
 * "Learned labels"): stance macro-F1 0.731 → 0.749, agreement accuracy 0.743 → 0.750, sentiment
 * no gain. A label not named here gets 0.
 */
export const DECISION_OFFSETS: Record<LabelField, Record<string, number>> = {
  sentiment: {},
  stance: { 'pro-board': 0.6, sceptical: -0.2, neutral: 0.4 },
  agreement: { disagree: -0.4, none: -0.4 },
};

const SENTIMENT_LABELS = ['positive', 'negative', 'neutral'];
const AGREEMENT_LABELS = ['agree', 'disagree', 'none'];

/**
 * What the rules made of a comment of an analyzed thread, with its parent's rule labels.
 * `answers` has seen the thread's comments (a caller reading many comments makes it once).
 */
export function readingOf(thread: AnalyzedThread, comment: Comment, answers: AnswerWatch = answerWatchOf(thread.comments)): RuleReading {
  const parent = comment.parentIndex > 0 ? thread.comments[comment.parentIndex - 1] : undefined;
  if (comment.sentiment === undefined) throw new Error(`comment ${comment.index} has no sentiment`);
  return {
    ownText: comment.ownText,
    isReply: comment.parentIndex > 0,
    quoted: comment.quotes.length > 0,
    sentiment: comment.sentiment,
    stance: comment.stance,
    agreement: comment.agreement ?? 'none',
    parentSentiment: parent?.sentiment?.label,
    parentStance: parent?.stance?.label,
    parentQuestion: parent !== undefined && holdsQuestionMark(parent.ownText),
    answersBack: parent !== undefined && answers.answersBack(comment.index),
    answeredBack: parent !== undefined && answers.answeredBack(comment.index),
  };
}

/** The gold label of `field` for a comment, when the labelled thread has one (agreement: replies only). */
function goldLabel(record: GoldRecord, comment: Comment, field: LabelField): string | undefined {
  if (field === 'agreement' && comment.parentIndex <= 0) return undefined;
  return record[field];
}

/** The models trained on `threads`; `stanceLabels` are the default schema's label ids. */
export function trainLabelModels(threads: readonly LabelledThread[], stanceLabels: readonly string[]): LabelModels {
  const train = (field: LabelField, labels: readonly string[]) => {
    const labelled = threads.map(({ thread, gold }) => {
      const answers = answerWatchOf(thread.comments);
      return gold.flatMap((record) => {
        const comment = thread.comments[record.index - 1];
        const label = goldLabel(record, comment, field);
        return label === undefined ? [] : [{ reading: readingOf(thread, comment, answers), label }];
      });
    }).filter((items) => items.length > 0);
    const vocabulary = wordsOfEnoughThreads(labelled.map((items) => items.map((i) => i.reading.ownText)));
    const examples: Example[] = labelled.flat().map(({ reading, label }) => ({ features: atWordValue(featuresOf(reading, field, (w) => vocabulary.has(w)), WORD_VALUE[field]), label }));
    const model = trainLinearModel(examples, labels, { lambda: LAMBDA[field], epochs: EPOCHS });
    return withDecisionOffsets(withWordValue(model, WORD_VALUE[field]), DECISION_OFFSETS[field]);
  };
  return {
    sentiment: train('sentiment', SENTIMENT_LABELS),
    stance: train('stance', stanceLabels),
    agreement: train('agreement', AGREEMENT_LABELS),
    stanceLabels: [...stanceLabels],
    trainedOn: threads.map((t) => t.name),
  };
}

/** `features` with every word feature (`w:` + word) set to `value`. */
export function atWordValue(features: Features, value: number): Features {
  if (value !== 1) for (const name of features.keys()) if (name.startsWith('w:')) features.set(name, value);
  return features;
}

/**
 * `model`, trained with its words at `value`, with its word weights multiplied by `value`: it then
 * scores a word read at 1 as the trained model scores it at `value`.
 */
export function withWordValue(model: LinearModel, value: number): LinearModel {
  if (value === 1) return model;
  for (const [name, weights] of model.weights) if (name.startsWith('w:')) model.weights.set(name, weights.map((w) => w * value));
  return model;
}

/** `model` with `offsets` added to the bias weight of their labels. */
export function withDecisionOffsets(model: LinearModel, offsets: Record<string, number>): LinearModel {
  const bias = model.weights.get('bias');
  if (bias === undefined) throw new Error('a trained model has a bias weight');
  model.weights.set('bias', bias.map((weight, k) => weight + (offsets[model.labels[k]] ?? 0)));
  return model;
}

/** The words that occur in at least {@link MIN_WORD_THREADS} of the threads (each a list of texts). */
function wordsOfEnoughThreads(threads: readonly (readonly string[])[]): Set<string> {
  const threadCount = new Map<string, number>();
  for (const texts of threads) {
    const seen = new Set(texts.flatMap(featureWords));
    for (const word of seen) threadCount.set(word, (threadCount.get(word) ?? 0) + 1);
  }
  return new Set([...threadCount].filter(([, n]) => n >= MIN_WORD_THREADS).map(([word]) => word));
}

/** The training options, as written into the models' data file. */
export const TRAINING_OPTIONS = { minWordThreads: MIN_WORD_THREADS, lambda: LAMBDA, wordValue: WORD_VALUE, epochs: EPOCHS, decisionOffsets: DECISION_OFFSETS };
