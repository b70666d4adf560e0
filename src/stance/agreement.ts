/**
 * Agreement of a reply with the comment it answers, from the reply's own opening words: agreement
 * and disagreement cues of the discourse file (`bien vu`, `exactement`, `non`, `au contraire`, a
 * concession `mais`, a challenging question), a quotation of the parent followed by a negation,
 * and, when the reply says nothing of the kind, whether the two stances are the same.
 */
import type { Agreement, Comment, StanceEvidence } from '../model.js';
import type { AgreementCue, StanceSchema } from './schema.js';
import type { TokenizedText } from './text.js';

/** What the opening of a reply says about its parent. */
export interface AgreementResult {
  agreement: Agreement;
  /** The reply may take its parent's stance (an agreement cue other than thanks decided it). */
  inherit: boolean;
  /** Readable reasons (weight 0: they explain the agreement, they are not stance scores). */
  evidence: StanceEvidence[];
}

const NONE: AgreementResult = { agreement: 'none', inherit: false, evidence: [] };

/** Index of the first token after leading interjections, punctuation and emoji. */
function startIndex(tokenized: TokenizedText, schema: StanceSchema): number {
  const { tokens } = tokenized;
  let i = 0;
  while (
    i < tokens.length &&
    (tokens[i].punct || schema.tables.interjections.has(tokens[i].norm) || !/[\p{L}\p{N}]/u.test(tokens[i].norm))
  ) {
    i += 1;
  }
  return i;
}

/** One past the last token of the reply's opening (its first sentences, capped in tokens). */
function openingEnd(tokenized: TokenizedText, schema: StanceSchema): number {
  const { openingSentences, openingTokens } = schema.discourseData.agreement;
  const { tokens } = tokenized;
  const cap = Math.min(tokens.length, openingTokens);
  let end = 0;
  while (end < cap && tokens[end].sentence < openingSentences) end += 1;
  return end;
}

/** True when the comment quotes the comment it answers (or quotes someone it could not place). */
export function quotesParent(comment: Comment): boolean {
  return comment.quotes.some((q) => q.quotedIndex === comment.parentIndex || q.quotedIndex === null);
}

/**
 * Detects whether `reply` agrees with `parent`. `replyLabel` is the reply's stance from its own
 * words; `parentLabel` the parent's final stance. Top-level comments get `none`.
 */
export function detectAgreement(
  reply: Comment,
  tokenized: TokenizedText,
  parentLabel: string | undefined,
  replyLabel: string,
  schema: StanceSchema,
): AgreementResult {
  if (reply.parentIndex <= 0) return NONE;
  const from = reply.parentIndex;
  const toward = parentLabel ?? schema.neutralLabel;
  const { tokens, text } = tokenized;
  const start = startIndex(tokenized, schema);
  const end = openingEnd(tokenized, schema);
  const quoting = quotesParent(reply);

  let agree = 0;
  let disagree = 0;
  let inherit = false;
  let last: 'agree' | 'disagree' | undefined;
  const evidence: StanceEvidence[] = [];
  const note = (effect: 'agree' | 'disagree', why: string): void => {
    evidence.push({ kind: effect === 'agree' ? 'agreement' : 'disagreement', label: toward, weight: 0, text: why, fromIndex: from });
  };

  const counted = new Set<string>();
  for (const match of schema.tables.agreement.findAll(tokens, text, 0, end)) {
    const cue: AgreementCue = match.payload;
    if (cue.position === 'start' && match.from !== start) continue;
    if (cue.requiresQuote && !quoting) continue;
    // A group counts once: "en effet ... en effet" is one agreement, not two.
    if (counted.has(cue.group)) continue;
    counted.add(cue.group);
    if (cue.effect === 'agree') {
      agree += cue.weight;
      inherit ||= cue.inherit;
    } else disagree += cue.weight;
    last = cue.effect;
    note(cue.effect, `${cue.effect === 'agree' ? 'agrees with' : 'disagrees with'} comment ${from}: "${match.text}" (${cue.group})`);
  }

  if (quoting) {
    const negator = tokens.slice(0, end).find((t) => schema.tables.negators.has(t.norm));
    if (negator) {
      disagree += schema.discourseData.agreement.quotedNegation.weight;
      last ??= 'disagree';
      note('disagree', `quotes comment ${from} and answers with a negation ("${negator.surface}")`);
    }
  }

  if (agree === 0 && disagree === 0) {
    const neutral = schema.neutralLabel;
    if (parentLabel === undefined || parentLabel === neutral || replyLabel === neutral) return { ...NONE, evidence };
    const same = parentLabel === replyLabel;
    note(same ? 'agree' : 'disagree', `${same ? 'same stance as' : 'another stance than'} comment ${from} (${parentLabel})`);
    return { agreement: same ? 'agree' : 'disagree', inherit: false, evidence };
  }
  // Equal weights: the later cue wins, as in "bien vu, mais ...", where what follows is the point.
  const agreement: Agreement = agree > disagree ? 'agree' : disagree > agree ? 'disagree' : last!;
  return { agreement, inherit: agreement === 'agree' && inherit, evidence };
}
