/**
 * Stance and agreement for every comment of a thread, using the reply tree: comments are taken in
 * thread order (a parent always comes before its replies), so one forward pass sees every parent's
 * final stance before its replies; no recursion, whatever the depth of a chain.
 */
import type { Comment, SentimentLabel, StanceEvidence, StanceResult, Thread } from '../model.js';
import { detectAgreement, NO_AGREEMENT } from './agreement.js';
import { applyResidual, confidenceOf, round3, rounded, sumScores, winningLabel } from './combine.js';
import type { StanceSchema } from './schema.js';
import { OwnReader, toneOfLabel, type OwnReading } from './own-reading.js';
import { ReplyMemory, type Tone } from './reply-memory.js';
import { fitsSchema, learnedLabels, loadLabelModels, type LabelModels } from '../learn/label-models.js';
import { holdsQuestionMark } from '../learn/features.js';
import { AnswerWatch } from './answer-watch.js';

/**
 * Stance of a text on its own (an article, or a comment without its reply context): cues and
 * target-dependent sentiment only, the own reading of a comment with no tone.
 */
export function textStance(text: string, schema: StanceSchema): StanceResult {
  return rounded(new OwnReader(schema).read(text, 0).stance);
}

/**
 * Fills `stance` and `agreement` on every comment of `thread`. An agreeing reply whose own words
 * take no position inherits its parent's stance with lower confidence (evidence `inherited from
 * comment N`); a disagreeing reply moves away from it. Only `ownText` is read: quoted passages are
 * the quoted author's position.
 */
export function analyzeStance(thread: Thread, schema: StanceSchema, labelModels?: LabelModels | null): void {
  const walk = new StanceWalk(schema, labelModels);
  for (const comment of thread.comments) walk.see(comment);
  for (const comment of thread.comments) walk.next(comment);
}

/**
 * The stance stage one comment at a time, in thread order (a parent always comes before its
 * replies, so each reply sees its parent's final stance): what lets a caller analyze a thread
 * while reading it and write each comment's reports at once. What replies need of a comment is
 * kept compactly for every comment ({@link ReplyMemory}), since replies may come at any point.
 *
 * A comment is taken in two steps: its own reading ({@link OwnReader}: its words alone and its
 * sentiment), then {@link decide} (its agreement with its parent and the stance that follows).
 * {@link next} runs both; a caller whose comments were read elsewhere (the sentiment worker)
 * calls {@link decide} with the readings it received.
 *
 * Before a comment is decided, the walk must have {@link see}n it and the comments up to
 * `ANSWER_WINDOW` after it (or to the end of the thread): the learned models read whether a
 * reply was answered back ({@link AnswerWatch}). A comment not seen counts as not answered back.
 */
export class StanceWalk {
  private readonly memory: ReplyMemory;
  private readonly answers = new AnswerWatch();
  private readonly reader: OwnReader;
  // Scores by their values (labels in schema order): one object per distinct set in the thread.
  private readonly sharedScores = new SharedScores();
  private readonly models: LabelModels | null;
  private readonly stanceModelApplies: boolean;

  /**
   * @param labelModels decide the final labels from what the rules found: the shipped models when
   * `undefined`, none (the rules' labels stay) when `null`
   */
  constructor(private readonly schema: StanceSchema, labelModels?: LabelModels | null) {
    this.memory = new ReplyMemory(schema);
    this.reader = new OwnReader(schema);
    this.models = labelModels === undefined ? loadLabelModels() : labelModels;
    this.stanceModelApplies = this.models !== null && fitsSchema(this.models, schema.labelIds);
  }

  /** Shows the walk the next comment of the thread, parent known, ahead of deciding it (see the class). */
  see(comment: Pick<Comment, 'index' | 'author' | 'parentIndex'>): void {
    this.answers.see(comment);
  }

  /** Fills `stance` and `agreement` on the next comment of the thread. */
  next(comment: Comment): void {
    this.decide(comment, this.reader.read(comment.ownText, toneOf(comment)));
  }

  /**
   * Fills `stance` and `agreement` on the next comment of the thread, whose own reading is `own`
   * (made with the sign of its sentiment, {@link toneOf}). A reply's agreement reads its cue
   * tokens again: those of the reading just made when it was made here, else tokenized now.
   */
  decide(comment: Comment, own: OwnReading): void {
    const { schema, memory } = this;
    const tone = toneOf(comment);
    const parentStance = comment.parentIndex > 0 ? memory.stanceOf(comment.parentIndex) : undefined;
    // A comment that answers no other has no agreement: its tokens are not needed.
    const agreement = comment.parentIndex <= 0 ? NO_AGREEMENT : detectAgreement(
      comment,
      this.reader.tokenized(comment.ownText),
      {
        parentLabel: parentStance?.label,
        replyLabel: own.stance.label,
        // A question from a comment that takes a position is rhetorical; only a neutral one asks.
        parentAsks: parentStance !== undefined && memory.asksQuestion(comment.parentIndex) && parentStance.label === schema.neutralLabel,
        parentWords: parentStance !== undefined ? memory.wordsOf(comment.parentIndex) : undefined,
        replyTone: tone,
        parentTone: parentStance !== undefined ? memory.toneOf(comment.parentIndex) : 0,
      },
      schema,
    );
    // A disagreement read from opposite tones alone keeps the reply's own stance.
    const stanceAgreement = agreement.toneOnly ? 'none' : agreement.agreement;
    const stance = withReplyContext(own.stance, agreement.evidence, stanceAgreement, agreement.inherit, comment.parentIndex, parentStance, schema);
    // Replies read the rules' stance and tone of their parent: the learned labels never feed back.
    // Only the learned models read a parent's question mark: a rules-only run does not scan for it.
    memory.remember(comment, stance, own.asks, own.echo, tone, this.models !== null && holdsQuestionMark(comment.ownText));
    comment.agreement = agreement.agreement;
    comment.stance = compact(rounded(stance), this.sharedScores);
    if (this.models !== null) {
      const isReply = comment.parentIndex > 0;
      this.learnLabels(comment, isReply ? labelOfTone(memory.toneOf(comment.parentIndex)) : undefined, parentStance?.label,
        isReply && memory.hasQuestionMark(comment.parentIndex), isReply && this.answers.answersBack(comment.index),
        isReply && this.answers.answeredBack(comment.index));
    }
  }

  /** Replaces the rules' labels of `comment` by the learned ones, keeping the rules' as `rulesLabel`. */
  private learnLabels(
    comment: Comment, parentSentiment: SentimentLabel | undefined, parentStance: string | undefined, parentQuestion: boolean, answersBack: boolean, answeredBack: boolean,
  ): void {
    const { sentiment, stance, agreement } = comment;
    if (sentiment === undefined || this.models === null) return;
    const learned = learnedLabels(this.models, {
      ownText: comment.ownText, isReply: comment.parentIndex > 0, quoted: comment.quotes.length > 0,
      sentiment, stance, agreement: agreement ?? 'none', parentSentiment, parentStance, parentQuestion, answersBack, answeredBack,
    }, this.stanceModelApplies);
    // Changed in place: each comment's sentiment and stance are its own objects (the scoring and
    // the worker's unpacking make one per comment; only a stance's scores and empty evidence list
    // are shared). Copies cost 7 µs a comment in writing thread.json (100k synthetic comments).
    sentiment.rulesLabel = sentiment.label;
    sentiment.label = learned.sentiment.label;
    sentiment.probability = round3(learned.sentiment.probability);
    if (learned.stance !== undefined && stance !== undefined) {
      stance.rulesLabel = stance.label;
      stance.label = learned.stance.label;
      stance.confidence = round3(learned.stance.probability);
    }
    if (learned.agreement !== undefined) {
      comment.rulesAgreement = agreement;
      comment.agreement = learned.agreement.label;
      comment.agreementProbability = round3(learned.agreement.probability);
    }
  }
}

/** The sentiment label of a tone (the inverse of {@link toneOfLabel}). */
function labelOfTone(tone: Tone): SentimentLabel {
  return tone > 0 ? 'positive' : tone < 0 ? 'negative' : 'neutral';
}

/** The sign of the sentiment stage's label for a comment (0 when it has not been scored). */
export function toneOf(comment: Comment): Tone {
  return toneOfLabel(comment.sentiment?.label);
}

/** The evidence list of every stance without evidence (frozen: shared by many comments). */
const NO_EVIDENCE: StanceEvidence[] = Object.freeze([]) as unknown as StanceEvidence[];

/**
 * A stored stance made small: no list of its own when it has no evidence, and its scores shared
 * with every comment of the thread that has the same ones (a thread has a few dozen distinct score
 * sets, and a million-comment thread would otherwise hold a million copies). Shared objects are
 * frozen, so an accidental write fails loudly instead of changing other comments.
 */
function compact(stance: StanceResult, sharedScores: SharedScores): StanceResult {
  stance.scores = sharedScores.shared(stance.scores);
  if (stance.evidence.length === 0) stance.evidence = NO_EVIDENCE;
  return stance;
}

/** A shared score record and its labels in their order. */
interface SharedRecord {
  labels: string[];
  scores: Record<string, number>;
}

/**
 * One frozen score record per distinct set of scores: two records are the same set when they
 * have the same labels in the same order and the same values (`Object.is`: -0 is not 0). Found
 * by a hash of the values, not by a text key: writing each score as text for the key was 3% of the
 * stance stage (eighth session, 10k synthetic comments).
 */
class SharedScores {
  private readonly byHash = new Map<number, SharedRecord[]>();

  /** The shared record holding the same scores as `scores` (which becomes it, frozen, if none does). */
  shared(scores: Record<string, number>): Record<string, number> {
    let hash = 0;
    for (const label in scores) hash = (Math.imul(hash, 31) + (Math.round(scores[label] * 1000) | 0)) | 0;
    let records = this.byHash.get(hash);
    if (records === undefined) this.byHash.set(hash, (records = []));
    for (const record of records) if (sameScores(record, scores)) return record.scores;
    const labels: string[] = [];
    for (const label in scores) labels.push(label);
    records.push({ labels, scores: Object.freeze(scores) as Record<string, number> });
    return scores;
  }
}

/** Whether `scores` has the labels of `record` in their order, with the same values. */
function sameScores(record: SharedRecord, scores: Record<string, number>): boolean {
  const { labels } = record;
  let k = 0;
  for (const label in scores) {
    if (k === labels.length || labels[k] !== label || !Object.is(record.scores[label], scores[label])) return false;
    k += 1;
  }
  return k === labels.length;
}

/** Combines a reply's own stance with its parent's, according to the agreement found. */
function withReplyContext(
  own: StanceResult,
  agreementEvidence: StanceEvidence[],
  agreement: 'agree' | 'disagree' | 'none',
  inherit: boolean,
  parentIndex: number,
  parent: StanceResult | undefined,
  schema: StanceSchema,
): StanceResult {
  const neutral = schema.neutralLabel;
  if (!parent || agreement === 'none' || parent.label === neutral) {
    return agreementEvidence.length === 0 ? own : { ...own, evidence: [...own.evidence, ...agreementEvidence] };
  }
  const ownSignals = own.evidence.filter((e) => e.kind !== 'residual');
  const decay = schema.inheritance.decay;

  if (agreement === 'agree' && inherit && own.label === neutral) {
    // The reply only agrees: it takes the parent's position, less surely, and less again down a chain.
    const inherited: StanceEvidence[] = [];
    for (const label of schema.labelIds) {
      if (label === neutral || parent.scores[label] <= 0) continue;
      inherited.push({ kind: 'inherited', label, weight: parent.scores[label] * decay, text: `inherited from comment ${parentIndex}`, fromIndex: parentIndex });
    }
    const scores = sumScores([...ownSignals, ...inherited], schema);
    return {
      label: parent.label,
      confidence: parent.confidence * decay,
      scores,
      evidence: [...ownSignals, ...agreementEvidence, ...inherited],
    };
  }

  if (agreement === 'disagree') {
    const movedAway: StanceEvidence = {
      kind: 'moved-away',
      label: parent.label,
      weight: -schema.disagreement.penalty * parent.confidence,
      text: `disagrees with comment ${parentIndex} (${parent.label})`,
      fromIndex: parentIndex,
    };
    const counter = schema.disagreement.counterStance[parent.label];
    if (own.label === neutral && counter !== undefined) {
      const countered: StanceEvidence = {
        kind: 'counter-stance',
        label: counter,
        weight: schema.threshold * parent.confidence,
        text: `answers ${parent.label} comment ${parentIndex} with disagreement`,
        fromIndex: parentIndex,
      };
      const evidence = [...ownSignals, movedAway, countered];
      return { label: counter, confidence: parent.confidence * decay, scores: sumScores(evidence, schema), evidence: [...evidence, ...agreementEvidence] };
    }
    const evidence = [...ownSignals, movedAway];
    const scores = sumScores(evidence, schema);
    const residual = applyResidual(scores, schema);
    const label = winningLabel(scores, schema);
    return { label, confidence: confidenceOf(scores, label), scores, evidence: [...evidence, ...residual, ...agreementEvidence] };
  }
  return { ...own, evidence: [...own.evidence, ...agreementEvidence] };
}
