import type { SentimentResult } from '../model.js';

/**
 * Sentiment of a text written in French (English passages detected per sentence).
 * STUB: owned by the sentiment work.
 */
export function scoreSentiment(text: string): SentimentResult {
  void text;
  return { score: 0, comparative: 0, label: 'neutral', terms: [] };
}
