/**
 * Doubt without cue words: a comment that speaks of the actors in a negative tone, sides with no one
 * and asks nothing ("Le conseil n'a donné aucune explication, quelle pagaille chez eux.")
 * criticises the outcome or the actors, which is what the schema's `negativeTone.label` means.
 */
import type { StanceEvidence, StanceResult } from '../model.js';
import type { StanceSchema } from './schema.js';
import { findTargets, type TargetMention } from './signals.js';
import type { TokenizedText } from './text.js';
import type { Tone } from './reply-memory.js';

/** True when the first sentence of the text ends with a question mark: the comment opens by asking. */
export function opensWithQuestion(tokenized: TokenizedText): boolean {
  const { tokens } = tokenized;
  if (tokens.length === 0) return false;
  const first = tokens[0].sentence;
  let last = 0;
  while (last + 1 < tokens.length && tokens[last + 1].sentence === first) last += 1;
  return tokens[last].punct && tokens[last].norm.includes('?');
}

/**
 * The evidence a negative comment earns for the schema's `negativeTone` label, or undefined when
 * the rule does not apply: for comments whose own stance is neutral with no score for any other
 * label (a comment leaning to a side is not doubt), that name a target and do not open with a
 * question (a worried question asks for information). `tone` is the sentiment stage's sign for
 * the comment. Replies count too: a reply's tone may be aimed at the comment it answers, but one
 * that names an actor in a negative tone speaks of the affair (sixth session: stance macro-F1 on
 * the nine Altman threads 0.7125 -> 0.7163, no thread lower, agreement unchanged). `mentions`: the
 * `findTargets` of `tokenized`, when the caller has them already.
 */
export function negativeToneEvidence(
  own: StanceResult,
  tokenized: TokenizedText,
  tone: Tone,
  schema: StanceSchema,
  mentions?: readonly TargetMention[],
): StanceEvidence | undefined {
  const rule = schema.negativeTone;
  if (rule === undefined || tone !== -1 || own.label !== schema.neutralLabel) return undefined;
  for (const label of schema.labelIds) {
    if (label !== schema.neutralLabel && label !== rule.label && own.scores[label] > 0) return undefined;
  }
  if (opensWithQuestion(tokenized)) return undefined;
  // Last, as it matches target forms again when the caller did not: most comments never get this far.
  const named = mentions ?? findTargets(tokenized, schema);
  if (named.length === 0) return undefined;
  return { kind: 'negative-tone', label: rule.label, weight: rule.weight, text: `negative tone about ${named[0].text}, no side taken`, target: named[0].target };
}
