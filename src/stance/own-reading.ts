/**
 * What the stance stage reads of a comment's own words alone, before its parent is considered:
 * its stance from its cues and target-dependent sentiment (after the negative-tone doubt), whether
 * it asks a question, and the words a reply may negate (as hashes). Nothing here needs another
 * comment, so it can be read wherever the comment's sentiment is known: on the calling thread
 * ({@link StanceWalk} reads and then decides, comment by comment) or on the sentiment worker, which
 * reads each text right after scoring it and sends the readings back packed (`packed-reading.ts`).
 */
import type { SentimentLabel, StanceResult } from '../model.js';
import { asksQuestion, EchoHashes } from './agreement.js';
import { decideStance } from './combine.js';
import { negativeToneEvidence } from './negative-tone.js';
import type { HashedWordList, Tone } from './reply-memory.js';
import type { StanceSchema } from './schema.js';
import { findTargets, textEvidence } from './signals.js';
import { CueTokenizer, type TokenizedText } from './text.js';
import { vocabularyOf } from './words.js';

/** The stance stage's reading of one comment's own words (see the module comment). */
export interface OwnReading {
  /** Its stance from its own words, unrounded, the negative-tone doubt included. */
  stance: StanceResult;
  /** Whether it asks a question for information (see `asksQuestion`). */
  asks: boolean;
  /** The hashes of its echo words (see `EchoHashes`), in order: what its replies may negate. */
  echo: HashedWordList;
}

/** The sign of a sentiment label: what the stance stage reads of a comment's sentiment (0 when it has none). */
export function toneOfLabel(label: SentimentLabel | undefined): Tone {
  return label === 'positive' ? 1 : label === 'negative' ? -1 : 0;
}

/**
 * Reads comments' own words, one after the other. The reading {@link read} returns, and the
 * tokens it leaves in {@link tokenized}, are overwritten by the next call (the tokenizer reuses
 * its token objects, see `CueTokenizer`): a caller that keeps a reading copies it (`OwnReadingPacker`).
 */
export class OwnReader {
  private readonly tokenizer: CueTokenizer;
  private readonly echo = new EchoHashes();
  private readonly reading: OwnReading;
  private last: TokenizedText | undefined;

  constructor(readonly schema: StanceSchema) {
    this.tokenizer = new CueTokenizer(vocabularyOf(schema));
    this.reading = { stance: undefined as unknown as StanceResult, asks: false, echo: this.echo };
  }

  /**
   * The reading of `text` (a comment's own words) whose sentiment has the sign `tone`. Clauses
   * naming a target take their polarity from the text's sentiment reading when the caller runs
   * this inside `withClausePolarities` with it (see `clause-sentiment.ts`).
   */
  read(text: string, tone: Tone): OwnReading {
    const { schema } = this;
    const tokenized = this.tokenizer.tokenize(text);
    this.last = tokenized;
    // Found once for both the text's evidence and the negative-tone rule.
    const mentions = findTargets(tokenized, schema);
    const evidence = textEvidence(text, schema, tokenized, tone === -1, mentions);
    let stance = decideStance(evidence, schema);
    const doubt = negativeToneEvidence(stance, tokenized, tone, schema, mentions);
    if (doubt !== undefined) stance = decideStance([...evidence, doubt], schema);
    this.echo.collect(tokenized, schema);
    const { reading } = this;
    reading.stance = stance;
    reading.asks = asksQuestion(tokenized, schema);
    return reading;
  }

  /**
   * The cue tokens of `text`: those of the last {@link read} when it read the same words, else
   * tokenized now (what the agreement of a reply read elsewhere needs, see `StanceWalk.decide`).
   * Overwritten by the next call of either method.
   */
  tokenized(text: string): TokenizedText {
    const last = this.last;
    if (last !== undefined && last.text === text) return last;
    this.last = this.tokenizer.tokenize(text);
    return this.last;
  }
}
