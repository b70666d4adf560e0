import type { SentimentResult } from '../model.js';
import { readFrench } from '../nlp/index.js';
import { scoreFrenchText } from './score.js';

export { scoreFrenchText } from './score.js';
export { NEUTRAL_COMPARATIVE, NEUTRAL_SCORE, sentimentLabel } from './label.js';

/**
 * Sentiment of a text written in French (English passages detected per sentence and scored with
 * the English lexicon). Pass the commenter's own words (`comment.ownText`): quoted text is not
 * their sentiment. `label` is `neutral` when |score| < 1 or |comparative| < 0.01.
 */
export function scoreSentiment(text: string): SentimentResult {
  return scoreFrenchText(readFrench(text));
}
