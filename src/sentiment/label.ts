import type { SentimentLabel } from '../model.js';

/**
 * Below this absolute score a text is neutral: one mild word (`bien` 0.8, `capacité` 0.3) or two
 * weak ones cancelling out do not make a comment evaluative; one clear word (`merci` 1.5,
 * `girouette` -2) does.
 */
export const NEUTRAL_SCORE = 1;

/**
 * Below this absolute comparative (score per counted word) a text is neutral too: a long factual
 * comment with a single passing "merci" is not an evaluative comment. 0.01 is one point of
 * valence per hundred words.
 */
export const NEUTRAL_COMPARATIVE = 0.01;

/** The label of a score, with the dead zone documented above. */
export function sentimentLabel(score: number, comparative: number): SentimentLabel {
  if (Math.abs(score) < NEUTRAL_SCORE || Math.abs(comparative) < NEUTRAL_COMPARATIVE) return 'neutral';
  return score > 0 ? 'positive' : 'negative';
}
