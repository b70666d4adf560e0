/**
 * What the learned label models see of a comment: the rules' own results (sentiment score, terms
 * and the rules that changed them, stance scores and evidence kinds, agreement), a few marks of
 * the text (length, laughter, reply, quote), the parent's rule labels, and the comment's words
 * (`?` and `!` among them). The same function feeds training (over analyzed threads) and prediction (in the stance
 * walk), so both see exactly the same features.
 */
import type { Agreement, SentimentResult, StanceResult } from '../model.js';
import type { LabelField } from '../evaluate/compare.js';

/** A comment as the rules left it, with its parent's rule labels. */
export interface RuleReading {
  ownText: string;
  isReply: boolean;
  quoted: boolean;
  sentiment: SentimentResult;
  stance: StanceResult | undefined;
  agreement: Agreement;
  /** The parent's sentiment label by the rules (replies only). */
  parentSentiment: string | undefined;
  /** The parent's stance label by the rules (replies only). */
  parentStance: string | undefined;
}

/** Feature name → value; absent features are 0. */
export type Features = Map<string, number>;

/** Laughter, which the labels read as mockery as often as fun: the model learns which. */
const LAUGHTER = /😂|🤣|😅|😆|\bmdr|\bptdr|\blol\b|haha|hihi/i;

/**
 * The words of a text for the word features: lower case, elisions split after the apostrophe
 * (`l'`, `qu'`), `?` and `!` kept as words of their own.
 */
export function featureWords(text: string): string[] {
  return text.toLowerCase().normalize('NFC').replace(/[’']/g, "' ").split(/[^\p{L}\p{N}'?!]+|(?=[?!])/u).filter((w) => w !== '');
}

/** Squashes an unbounded score into (-1, 1), so one long comment cannot dominate a weight. */
const squash = (x: number): number => Math.tanh(x);

/**
 * The features of one comment for `field`'s model (the stance and agreement sets add the stance
 * rules' label, scores and evidence). Word features (`w:` + word) are added for
 * the words `keepWord` accepts: training keeps the words of enough threads; prediction takes them
 * all, since a word the model has no weight for adds nothing.
 */
export function featuresOf(reading: RuleReading, field: LabelField, keepWord: (word: string) => boolean = () => true): Features {
  const f: Features = new Map();
  f.set('bias', 1);
  const { sentiment, ownText } = reading;
  f.set('score', squash(sentiment.score / 2));
  f.set('comparative', squash(sentiment.comparative * 3));
  let positive = 0, negative = 0, positives = 0, negatives = 0;
  for (const term of sentiment.terms) {
    if (term.value > 0) { positive += term.value; positives++; }
    else if (term.value < 0) { negative -= term.value; negatives++; }
    for (const rule of term.rules) f.set(`rule:${rule}`, 1);
  }
  f.set('positive', squash(positive / 2));
  f.set('negative', squash(negative / 2));
  f.set('positives', Math.min(positives, 4) / 4);
  f.set('negatives', Math.min(negatives, 4) / 4);
  if (sentiment.terms.length === 0) f.set('no-term', 1);
  f.set(`sentiment:${sentiment.label}`, 1);
  f.set('length', Math.log1p(ownText.split(/\s+/).length) / 4);
  if (ownText.trim() === '') f.set('empty', 1);
  if (LAUGHTER.test(ownText)) f.set('laughter', 1);
  if (reading.isReply) f.set('reply', 1);
  if (reading.quoted) f.set('quotes', 1);
  if (reading.parentSentiment !== undefined) f.set(`parent-sentiment:${reading.parentSentiment}`, 1);
  f.set(`agreement:${reading.agreement}`, 1);
  // The sentiment model reads no stance feature: it must hold under any stance schema.
  if (field !== 'sentiment' && reading.stance !== undefined) {
    const { stance } = reading;
    f.set(`stance:${stance.label}`, 1);
    for (const label in stance.scores) f.set(`stance-score:${label}`, stance.scores[label]);
    for (const evidence of stance.evidence) f.set(`evidence:${evidence.kind}`, 1);
    if (reading.parentStance !== undefined) f.set(`parent-stance:${reading.parentStance}`, 1);
  }
  // Every model reads the words, agreement too: the cue lists know the set phrases (`bien vu`,
  // `pas d'accord`), the words carry what no list holds (measured: README, "Learned labels").
  for (const word of featureWords(ownText)) if (keepWord(word)) f.set(`w:${word}`, 1);
  return f;
}
