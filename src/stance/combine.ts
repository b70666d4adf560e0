import type { StanceEvidence, StanceResult } from '../model.js';
import type { StanceSchema } from './schema.js';

/** Rounds to 3 decimals: scores and confidences are read by people and compared in tests. */
export function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** Per-label sums of evidence weights, every schema label present (neutral starts at the threshold). */
export function sumScores(evidence: readonly StanceEvidence[], schema: StanceSchema): Record<string, number> {
  const scores: Record<string, number> = {};
  for (const label of schema.labelIds) scores[label] = 0;
  // Neutral is the prior: another label must gather at least `threshold` to beat it.
  scores[schema.neutralLabel] = schema.threshold;
  for (const e of evidence) if (e.label in scores) scores[e.label] += e.weight;
  for (const label of schema.labelIds) scores[label] = Math.max(0, scores[label]);
  return scores;
}

/**
 * Applies the residual rule: a residual label (doubt without taking a side) is discounted when a
 * side label reaches the threshold, since doubting the outcome while praising one side is siding.
 * Returns the discount evidence it added.
 */
export function applyResidual(scores: Record<string, number>, schema: StanceSchema): StanceEvidence[] {
  const added: StanceEvidence[] = [];
  for (const label of schema.labels) {
    if (!label.residual || scores[label.id] === 0) continue;
    const side = label.residual.whenSided.find((s) => scores[s] >= schema.threshold);
    if (side === undefined) continue;
    const discount = scores[label.id] * (1 - label.residual.factor);
    scores[label.id] -= discount;
    added.push({ kind: 'residual', label: label.id, weight: -discount, text: `${label.id} discounted: the text sides with ${side}` });
  }
  return added;
}

/** The winning label: the strongest non-neutral label reaching the threshold (schema order breaks ties), else neutral. */
export function winningLabel(scores: Record<string, number>, schema: StanceSchema): string {
  let best = schema.neutralLabel;
  let bestScore = -1;
  for (const label of schema.labelIds) {
    if (label === schema.neutralLabel) continue;
    if (scores[label] >= schema.threshold && scores[label] > bestScore) {
      best = label;
      bestScore = scores[label];
    }
  }
  return best;
}

/** Confidence of `label`: its share of the total score. */
export function confidenceOf(scores: Record<string, number>, label: string): number {
  let total = 0;
  // `for...in` visits the values in the order of `Object.values`, without an array of them.
  for (const key in scores) total += scores[key];
  return total > 0 ? scores[label] / total : 0;
}

/**
 * Decides a stance from the evidence of one text alone. Values are kept unrounded so that they
 * can be carried down a reply chain; {@link rounded} gives the form stored on a comment.
 */
export function decideStance(evidence: StanceEvidence[], schema: StanceSchema): StanceResult {
  const scores = sumScores(evidence, schema);
  const residual = applyResidual(scores, schema);
  const label = winningLabel(scores, schema);
  return { label, confidence: confidenceOf(scores, label), scores, evidence: [...evidence, ...residual] };
}

/** A stance with its numbers rounded to 3 decimals, as stored and reported. */
export function rounded(stance: StanceResult): StanceResult {
  const scores: Record<string, number> = {};
  for (const label in stance.scores) scores[label] = round3(stance.scores[label]);
  return {
    label: stance.label,
    confidence: round3(stance.confidence),
    scores,
    evidence: stance.evidence.map((e) => (e.weight === round3(e.weight) ? e : { ...e, weight: round3(e.weight) })),
  };
}
