import { scoreSentiment } from '../sentiment/index.js';
import type { TextPolarity } from '../sentiment/polarity.js';
import type { SentimentLabel } from '../model.js';

/** Where a clause lies in the text it was cut from (character offsets, end exclusive). */
export interface ClauseSource {
  text: string;
  start: number;
  end: number;
}

/**
 * Polarities of texts the sentiment stage already scored, by text, while
 * {@link withClausePolarities} runs: a clause of one of them is read off its text's polarity
 * instead of being read and scored again.
 */
let shared: PolarityLookup | undefined;

/** Polarities by text: a map of a whole thread's texts, or {@link OnePolarity} for one comment. */
export interface PolarityLookup {
  get(text: string): TextPolarity | undefined;
}

/** The polarity of one text, for the stance stage of one comment (reused from comment to comment). */
export class OnePolarity implements PolarityLookup {
  private text = '';
  private polarity: TextPolarity | undefined;

  set(text: string, polarity: TextPolarity): void {
    this.text = text;
    this.polarity = polarity;
  }

  get(text: string): TextPolarity | undefined {
    return text === this.text ? this.polarity : undefined;
  }
}

/**
 * Runs `stage` (the stance stage) with the polarities the sentiment stage computed for the same
 * texts, so that the text of every comment is read and scored once. Outside it, or for a text
 * not in `polarities`, {@link clausePolarity} scores the clause on its own.
 */
export function withClausePolarities<T>(polarities: PolarityLookup, stage: () => T): T {
  const previous = shared;
  shared = polarities;
  try {
    return stage();
  } finally {
    shared = previous;
  }
}

/**
 * Polarity of one clause that names a stance target: the single place where the stance stage asks
 * the sentiment stage for a value, so it follows whatever that stage decides (lexicon, negation,
 * irony) without the stance code knowing how. With its `source`, a clause of an already scored
 * text is read off that text's polarity: the clause's own hits, each as its own clause reads it
 * (a clause before `mais` is not damped by the contrast with the next one).
 */
export function clausePolarity(clause: string, source?: ClauseSource): { label: SentimentLabel; score: number } {
  const polarity = source !== undefined ? shared?.get(source.text) : undefined;
  if (polarity !== undefined && source !== undefined) {
    const span = polarity.between(source.start, source.end);
    return { label: span.label, score: span.score };
  }
  const result = scoreSentiment(clause);
  return { label: result.label, score: result.score };
}
