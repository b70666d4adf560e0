import type { Comment, SentimentResult } from '../model.js';
import { readFrench } from '../nlp/index.js';
import type { TextPolarity } from './polarity.js';
import { scoreFrenchText, scoreReading } from './score.js';

export { scoreFrenchText, scoreReading, type ScoredText } from './score.js';
export { NO_POLARITY, TextPolarity, type SpanSentiment } from './polarity.js';
export { NEUTRAL_COMPARATIVE, NEUTRAL_SCORE, sentimentLabel } from './label.js';

/**
 * Sentiment of a text written in French (English passages detected per sentence and scored with
 * the English lexicon). Pass the commenter's own words (`comment.ownText`): quoted text is not
 * their sentiment. `label` is `neutral` when |score| < 1 or |comparative| < 0.01.
 */
export function scoreSentiment(text: string): SentimentResult {
  return scoreFrenchText(readFrench(text));
}

/**
 * The sentiment stage for one comment: fills its `sentiment` from its `ownText` and returns the
 * text's {@link TextPolarity}, for the stance stage of the same comment.
 */
export function scoreCommentSentiment(comment: Comment): TextPolarity {
  const scored = scoreReading(readFrench(comment.ownText));
  comment.sentiment = scored.sentiment;
  return scored.polarity;
}
