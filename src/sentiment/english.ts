import type { FrenchToken, SentenceSpan } from '../nlp/index.js';
import type { FrenchRules } from './rules-data.js';

/**
 * Is this sentence English? Counts function words that belong to only one of the two languages
 * (`the`, `is`, `you` against `le`, `est`, `vous`): English when there are at least `minimum`
 * English ones and more of them than French ones. A quoted English headline inside a French
 * comment is caught; a French sentence with one English loanword is not.
 */
export function isEnglishSentence(tokens: readonly FrenchToken[], span: SentenceSpan, rules: FrenchRules): boolean {
  let english = 0;
  let french = 0;
  for (let i = span.start; i < span.end; i++) {
    const token = tokens[i];
    if (token.type !== 'word') continue;
    if (rules.english.englishWords.has(token.key)) english += 1;
    else if (rules.english.frenchWords.has(token.key)) french += 1;
  }
  return english >= rules.english.minimum && english > french;
}
