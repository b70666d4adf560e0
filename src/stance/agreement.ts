/**
 * Agreement of a reply with the comment it answers, from the reply's own opening words: agreement
 * and disagreement cues of the discourse file (`bien vu`, `exactement`, `non`, `au contraire`, a
 * concession `mais`, a challenging question), a quotation of the parent followed by a negation,
 * and, when the reply says nothing of the kind, whether the two stances are the same.
 */
import type { Agreement, Comment, StanceEvidence } from '../model.js';
import type { AgreementCue, StanceSchema } from './schema.js';
import type { TokenizedText } from './text.js';
import type { WordLookup } from './reply-memory.js';

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

/**
 * True when a text asks a question for information (one of its sentences ends with `?`), not for
 * agreement: a tag question ("..., non ?", "hein ?") invites a yes or a no that agrees or
 * disagrees, so it is not counted.
 */
export function asksQuestion(tokenized: TokenizedText, schema: StanceSchema): boolean {
  const { tokens, text } = tokenized;
  let sentenceStart = 0;
  for (let i = 0; i < tokens.length; i += 1) {
    if (tokens[i].sentence !== tokens[sentenceStart].sentence) sentenceStart = i;
    if (!tokens[i].punct || !tokens[i].norm.includes('?')) continue;
    const tags = schema.tables.questionTags.findAll(tokens, text, sentenceStart, i);
    if (!tags.some((m) => m.to === i)) return true;
  }
  return false;
}

/**
 * The words of a comment that a reply may take up and negate ("une arnaque" → "il n'y a aucune
 * arnaque"): folded words of at least `minLength` letters that are not negators.
 */
export function echoWords(tokenized: TokenizedText, schema: StanceSchema): Set<string> {
  const words = new Set<string>();
  const echo = schema.discourseData.agreement.negatedEcho;
  if (!echo) return words;
  for (const token of tokenized.tokens) {
    if (!token.punct && token.norm.length >= echo.minLength && !schema.tables.negators.has(token.norm)) words.add(token.norm);
  }
  return words;
}

/** True when the comment quotes the comment it answers (or quotes someone it could not place). */
export function quotesParent(comment: Comment): boolean {
  return comment.quotes.some((q) => q.quotedIndex === comment.parentIndex || q.quotedIndex === null);
}

/** What is known of the parent and of the reply when agreement is decided. */
export interface ReplyContext {
  /** The parent's final stance, and the reply's stance from its own words. */
  parentLabel?: string;
  replyLabel: string;
  /** The parent asks a question (see {@link asksQuestion}). */
  parentAsks?: boolean;
  /** The parent's words a reply may negate (see {@link echoWords}). */
  parentWords?: WordLookup;
}

/** A parent word negated in the reply's opening ("aucune arnaque"), or undefined. */
function negatedEcho(tokens: TokenizedText['tokens'], end: number, words: WordLookup, schema: StanceSchema): string | undefined {
  const echo = schema.discourseData.agreement.negatedEcho;
  if (!echo || words.size === 0) return undefined;
  for (let i = 0; i < end; i += 1) {
    if (!schema.tables.negators.has(tokens[i].norm)) continue;
    for (let k = i + 1; k < end && k <= i + echo.window; k += 1) {
      if (tokens[k].punct || tokens[k].sentence !== tokens[i].sentence) break;
      if (words.has(tokens[k].norm)) return `${tokens[i].surface} … ${tokens[k].surface}`;
    }
  }
  return undefined;
}

/**
 * Detects whether `reply` agrees with its parent, from the reply's opening words (cues weighted by
 * the sentence they stand in), a quotation of the parent followed by a negation, a word of the
 * parent taken up and negated, and, when none of these speaks, whether the two stances are
 * the same. Top-level comments get `none`.
 */
export function detectAgreement(reply: Comment, tokenized: TokenizedText, context: ReplyContext, schema: StanceSchema): AgreementResult {
  if (reply.parentIndex <= 0) return NONE;
  const { parentLabel, replyLabel, parentAsks = false } = context;
  const settings = schema.discourseData.agreement;
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
    // Only interjections and punctuation may come before a `start` cue ("ben oui" is a start).
    if (cue.position === 'start' && match.from > start) continue;
    if (cue.requiresQuote && !quoting) continue;
    // "Oui" / "non" to a question answers it; it does not take sides with the asker.
    if (cue.answersQuestion && parentAsks) continue;
    // A "none" cue only keeps its words from being read as another cue ("rien à voir avec le sujet").
    if (cue.effect === 'none') continue;
    // A group counts once: "en effet ... en effet" is one agreement, not two.
    if (counted.has(cue.group)) continue;
    counted.add(cue.group);
    const weights = settings.sentenceWeights;
    const weight = cue.positionWeighted ? cue.weight * weights[Math.min(tokens[match.from].sentence, weights.length - 1)] : cue.weight;
    if (cue.effect === 'agree') {
      agree += weight;
      inherit ||= cue.inherit;
    } else disagree += weight;
    last = cue.effect;
    note(cue.effect, `${cue.effect === 'agree' ? 'agrees with' : 'disagrees with'} comment ${from}: "${match.text}" (${cue.group})`);
  }

  if (quoting) {
    const negator = tokens.slice(0, end).find((t) => schema.tables.negators.has(t.norm));
    if (negator) {
      disagree += settings.quotedNegation.weight;
      last ??= 'disagree';
      note('disagree', `quotes comment ${from} and answers with a negation ("${negator.surface}")`);
    }
  } else if (context.parentWords && settings.negatedEcho && !parentAsks) {
    const echoed = negatedEcho(tokens, end, context.parentWords, schema);
    if (echoed !== undefined) {
      disagree += settings.negatedEcho.weight;
      last ??= 'disagree';
      note('disagree', `negates words of comment ${from} ("${echoed}")`);
    }
  }

  if (agree === 0 && disagree === 0) {
    if (parentAsks) return { ...NONE, evidence };
    const neutral = schema.neutralLabel;
    if (parentLabel !== undefined && parentLabel !== neutral && replyLabel !== neutral) {
      const same = parentLabel === replyLabel;
      note(same ? 'agree' : 'disagree', `${same ? 'same stance as' : 'another stance than'} comment ${from} (${parentLabel})`);
      return { agreement: same ? 'agree' : 'disagree', inherit: false, evidence };
    }
    return { ...NONE, evidence };
  }
  // Equal weights: the later cue wins, as in "bien vu, mais ...", where what follows is the point.
  const agreement: Agreement = agree > disagree ? 'agree' : disagree > agree ? 'disagree' : last!;
  return { agreement, inherit: agreement === 'agree' && inherit, evidence };
}
