import { scoreSentiment } from '../sentiment/index.js';
import type { SentimentLabel } from '../model.js';

/**
 * Polarity of one clause that names a stance target: the single place where the stance stage asks
 * the sentiment stage for a value, so it follows whatever that stage decides (lexicon, negation,
 * irony) without the stance code knowing how.
 */
export function clausePolarity(clause: string): { label: SentimentLabel; score: number } {
  const result = scoreSentiment(clause);
  return { label: result.label, score: result.score };
}
