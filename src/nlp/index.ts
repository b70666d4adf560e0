/** French NLP: wink-nlp tokens with French normalisation, shared by the sentiment and stance stages. */
export { wink, type Wink } from './wink.js';
export { foldAccents, normalizeKey, normalizeSpaces, splitElision, stripEmojiModifiers } from './normalize.js';
export {
  frenchSentences,
  frenchTokens,
  phraseKeys,
  readFrench,
  readFrenchTexts,
  sentenceText,
  type FrenchSentence,
  type FrenchText,
  type FrenchToken,
  type FrenchTokenType,
  type SentenceSpan,
} from './tokens.js';
