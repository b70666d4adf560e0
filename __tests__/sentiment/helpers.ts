/** What the sentiment tests read of a scored text, written once for all of them. */
import { scoreSentiment } from '../../src/sentiment/index.js';

/** The terms of a text as `term=value[rules]`, in text order. */
export const termsOf = (text: string): string[] =>
  scoreSentiment(text).terms.map((term) => `${term.term}=${term.value}${term.rules.length > 0 ? `[${term.rules.join(',')}]` : ''}`);

/** Label and score of a text. */
export const verdict = (text: string): [string, number] => {
  const result = scoreSentiment(text);
  return [result.label, result.score];
};
