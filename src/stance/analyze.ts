/**
 * Stance and agreement for every comment of a thread, using the reply tree: comments are taken in
 * thread order (a parent always comes before its replies), so one forward pass sees every parent's
 * final stance before its replies; no recursion, whatever the depth of a chain.
 */
import type { StanceEvidence, StanceResult, Thread } from '../model.js';
import { asksQuestion, detectAgreement, echoWords } from './agreement.js';
import { applyResidual, confidenceOf, decideStance, rounded, sumScores, winningLabel } from './combine.js';
import type { StanceSchema } from './schema.js';
import { textEvidence } from './signals.js';
import { tokenizeForCues } from './text.js';

/**
 * Stance of a text on its own (an article, or a comment without its reply context): cues and
 * target-dependent sentiment only.
 */
export function textStance(text: string, schema: StanceSchema): StanceResult {
  return rounded(decideStance(textEvidence(text, schema), schema));
}

/**
 * Fills `stance` and `agreement` on every comment of `thread`. An agreeing reply whose own words
 * take no position inherits its parent's stance with lower confidence (evidence `inherited from
 * comment N`); a disagreeing reply moves away from it. Only `ownText` is read: quoted passages are
 * the quoted author's position.
 */
export function analyzeStance(thread: Thread, schema: StanceSchema): void {
  // Unrounded stances by comment index: carried down chains without rounding drift.
  const exact = new Map<number, StanceResult>();
  // What replies need of their parent's words: kept only for comments with replies still to
  // come, so memory follows the open sub-threads, not the size of the thread.
  const repliesLeft = new Map<number, number>();
  for (const comment of thread.comments) if (comment.parentIndex > 0) repliesLeft.set(comment.parentIndex, (repliesLeft.get(comment.parentIndex) ?? 0) + 1);
  const asking = new Set<number>();
  const wordsOf = new Map<number, Set<string>>();
  for (const comment of thread.comments) {
    const tokenized = tokenizeForCues(comment.ownText, schema.tables.clauseConnectors);
    const own = decideStance(textEvidence(comment.ownText, schema, tokenized), schema);
    const parentStance = comment.parentIndex > 0 ? exact.get(comment.parentIndex) : undefined;
    const agreement = detectAgreement(
      comment,
      tokenized,
      {
        parentLabel: parentStance?.label,
        replyLabel: own.label,
        // A question from a comment that takes a position is rhetorical; only a neutral one asks.
        parentAsks: asking.has(comment.parentIndex) && parentStance?.label === schema.neutralLabel,
        parentWords: wordsOf.get(comment.parentIndex),
      },
      schema,
    );
    const left = repliesLeft.get(comment.parentIndex);
    if (left !== undefined && left <= 1) {
      repliesLeft.delete(comment.parentIndex);
      asking.delete(comment.parentIndex);
      wordsOf.delete(comment.parentIndex);
    } else if (left !== undefined) repliesLeft.set(comment.parentIndex, left - 1);
    if (repliesLeft.has(comment.index)) {
      if (asksQuestion(tokenized, schema)) asking.add(comment.index);
      wordsOf.set(comment.index, echoWords(tokenized, schema));
    }
    const stance = withReplyContext(own, agreement.evidence, agreement.agreement, agreement.inherit, comment.parentIndex, parentStance, schema);
    exact.set(comment.index, stance);
    comment.agreement = agreement.agreement;
    comment.stance = rounded(stance);
  }
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
