/**
 * Agreement of a reply with the comment it answers, from the reply's own opening words: agreement
 * and disagreement cues of the discourse file (`bien vu`, `exactement`, `non`, `au contraire`, a
 * concession `mais`, a challenging question), a quotation of the parent followed by a negation,
 * and, when the reply says nothing of the kind, whether the two stances are the same.
 */
import { AGREEMENT_EVIDENCE_KIND, type Agreement, type Comment, type StanceEvidence } from '../model.js';
import type { AgreementCue, StanceSchema } from './schema.js';
import { insideSpans, quotedSpans } from './irony.js';
import type { TokenizedText } from './text.js';
import type { WordLookup } from './reply-memory.js';
import { flagsIn, lookedUp, MatcherSlot, WordFlag, type Vocabulary } from './words.js';
import { grown } from '../growable.js';

/** What the opening of a reply says about its parent. */
export interface AgreementResult {
  agreement: Agreement;
  /** The reply may take its parent's stance (an agreement cue other than thanks decided it). */
  inherit: boolean;
  /** Readable reasons (weight 0: they explain the agreement, they are not stance scores). */
  evidence: StanceEvidence[];
  /**
   * Only the tones oppose (see {@link detectAgreement}): too weak a sign to move the reply's stance
   * away from its parent's, which needs the reply to say it disagrees.
   */
  toneOnly?: boolean;
}

/** No agreement and nothing to explain (a top-level comment's; its evidence is never written to). */
export const NO_AGREEMENT: AgreementResult = { agreement: 'none', inherit: false, evidence: [] };

/** Index of the first token after leading interjections, punctuation and emoji. */
function startIndex(tokenized: TokenizedText, schema: StanceSchema): number {
  const tokens = lookedUp(tokenized.tokens, schema);
  let i = 0;
  while (
    i < tokens.length &&
    (tokens[i].punct || (tokens[i].word.flags & WordFlag.Interjection) !== 0 || !/[\p{L}\p{N}]/u.test(tokens[i].norm))
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
  if ((flagsIn(tokenized, schema) & WordFlag.QuestionMark) === 0) return false;
  const { text } = tokenized;
  const tokens = lookedUp(tokenized.tokens, schema);
  let sentenceStart = 0;
  for (let i = 0; i < tokens.length; i += 1) {
    if (tokens[i].sentence !== tokens[sentenceStart].sentence) sentenceStart = i;
    if (!tokens[i].punct || !tokens[i].norm.includes('?')) continue;
    const tags = schema.tables.questionTags.findAll(tokens, text, sentenceStart, i, MatcherSlot.QuestionTags);
    if (!tags.some((m) => m.to === i)) return true;
  }
  return false;
}

/**
 * The words of a comment that a reply may take up and negate ("une arnaque" → "il n'y a aucune
 * arnaque"): folded words of at least `minLength` letters that are not negators, taken from the
 * sentences that state something. The words of a question are not claims: negating them answers
 * it ("Il est gratuit ? — Non, il n'est pas gratuit").
 */
export function echoWords(tokenized: TokenizedText, schema: StanceSchema): Set<string> {
  const words = new Set<string>();
  const echo = schema.discourseData.agreement.negatedEcho;
  if (!echo) return words;
  const { tokens } = tokenized;
  // The words of the current sentence wait until its end says whether it asks.
  let pending: string[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i];
    if (!token.punct && token.norm.length >= echo.minLength && !schema.tables.negators.has(token.norm)) pending.push(token.norm);
    const next = tokens[i + 1];
    if (next === undefined || next.sentence !== token.sentence) {
      if (!(token.punct && token.norm.includes('?'))) for (const word of pending) words.add(word);
      pending = [];
    }
  }
  return words;
}

/**
 * The hashes ({@link wordHash}) of the {@link echoWords} of a text, in the same order, without a
 * set of strings: what the stance stage keeps of each comment for its replies. `hashes.count`
 * are written from 0.
 */
export class EchoHashes {
  values = new Int32Array(64);
  count = 0;

  /** Fills the hashes of the echo words of `tokenized`. */
  collect(tokenized: TokenizedText, schema: StanceSchema): void {
    this.count = 0;
    const echo = schema.discourseData.agreement.negatedEcho;
    if (!echo) return;
    const tokens = lookedUp(tokenized.tokens, schema);
    if (tokens.length === 0) return;
    // A word is taken once: its stamp says whether this text took it already (a Set's job).
    const stamp = (tokens[0].word.vocabulary as Vocabulary).newStamp();
    const { minLength } = echo;
    // Each sentence is read once its end says whether it asks: the words of a question are not
    // looked at, and those of a statement are taken without a list of them to wait in.
    let sentenceStart = 0;
    for (let i = 0; i < tokens.length; i += 1) {
      const token = tokens[i];
      const next = tokens[i + 1];
      if (next !== undefined && next.sentence === token.sentence) continue;
      if (!(token.punct && (token.word.flags & WordFlag.QuestionMark) !== 0)) {
        for (let k = sentenceStart; k <= i; k += 1) {
          const candidate = tokens[k];
          if (candidate.punct || candidate.norm.length < minLength) continue;
          const word = candidate.word;
          if ((word.flags & WordFlag.Negator) !== 0 || word.stamp === stamp) continue;
          word.stamp = stamp;
          if (this.count === this.values.length) this.values = grown(this.values, this.count + 1);
          this.values[this.count++] = word.hash;
        }
      }
      sentenceStart = i + 1;
    }
  }
}

/** True when the comment quotes the comment it answers (or quotes someone it could not place). */
export function quotesParent(comment: Comment): boolean {
  for (const quote of comment.quotes) if (quote.quotedIndex === comment.parentIndex || quote.quotedIndex === null) return true;
  return false;
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
  /** The sign of the sentiment of the reply and of the parent (1, -1, 0: neutral or not scored). */
  replyTone?: number;
  parentTone?: number;
}

/**
 * The negator that answers a quotation: the first one of the reply's opening that is not itself
 * inside quotation marks (words cited again, « ils n'ont pas ... », are not the answer).
 */
function answeringNegator(tokenized: TokenizedText, end: number, schema: StanceSchema): TokenizedText['tokens'][number] | undefined {
  const { text } = tokenized;
  const tokens = lookedUp(tokenized.tokens, schema);
  const cited = quotedSpans(text);
  for (let i = 0; i < end; i += 1) {
    const token = tokens[i];
    if ((token.word.flags & WordFlag.Negator) !== 0 && !insideSpans(cited, token.start, token.end)) return token;
  }
  return undefined;
}

/** A parent word negated in the reply's opening ("aucune arnaque"), or undefined. */
function negatedEcho(cueTokens: TokenizedText['tokens'], end: number, words: WordLookup, schema: StanceSchema): string | undefined {
  const echo = schema.discourseData.agreement.negatedEcho;
  if (!echo || words.size === 0) return undefined;
  const tokens = lookedUp(cueTokens, schema);
  for (let i = 0; i < end; i += 1) {
    if ((tokens[i].word.flags & WordFlag.Negator) === 0) continue;
    for (let k = i + 1; k < end && k <= i + echo.window; k += 1) {
      if (tokens[k].punct || tokens[k].sentence !== tokens[i].sentence) break;
      if (words.has(tokens[k].norm)) return `${tokens[i].surface} … ${tokens[k].surface}`;
    }
  }
  return undefined;
}

/**
 * True when one sentence of the first `end` tokens that holds a second-person word (`tu`, `t'`, `vous`)
 * ends with a question mark, or, without any, holds a question word of `teasing.interrogatives`
 * ("t'as été payé combien"): the reply puts a question to its parent.
 */
export function questionsParent(tokenized: TokenizedText, end: number, schema: StanceSchema): boolean {
  const addressing = schema.tables.secondPerson;
  if (addressing.size === 0) return false;
  const { tokens, text } = tokenized;
  const interrogatives = schema.tables.interrogatives;
  let addressed = false;
  let asking = false;
  let marked = false;
  for (let i = 0; i < end; i += 1) {
    const token = tokens[i];
    if (i > 0 && token.sentence !== tokens[i - 1].sentence) {
      if (addressed && asking && !marked) return true;
      addressed = asking = marked = false;
    }
    if (token.punct) {
      if (!token.norm.includes('?')) continue;
      if (addressed) return true;
      marked = true;
    } else if (addressing.has(token.norm)) {
      // A one-letter form is an elision ("t'as"), not the `t` of "a-t-il".
      addressed ||= token.norm.length > 1 || text[token.end] === "'" || text[token.end] === '’';
    } else if (interrogatives.has(token.norm)) asking = true;
  }
  return addressed && asking && !marked;
}

/**
 * A contrastive negation in `tokens[0, end)`, as written, or undefined: a comma, `pas` and one
 * word closing the clause ("deuxième, pas troisième"), or a sentence that opens on `pas` and a
 * determiner ("Un droit d'usage, oui. Pas la capacité de ..."), or a dislocated negative copula
 * ("Signer une lettre, ce n'est pas partir"). All set a correction against what the parent
 * said. With `claims`, only a contrast that negates one of these words counts
 * (a correction of what a questioning parent stated, not an answer to its question).
 */
export function contrastiveNegation(tokens: TokenizedText['tokens'], end: number, schema: StanceSchema, claims?: WordLookup): string | undefined {
  const determiners = schema.tables.contrastDeterminers;
  if (determiners.size === 0) return undefined;
  for (let i = 0; i < end; i += 1) {
    if (tokens[i].norm !== 'pas') continue;
    const before = tokens[i - 1];
    const next = tokens[i + 1];
    if (next === undefined || next.punct) continue;
    const opensSentence = before === undefined || before.sentence !== tokens[i].sentence;
    const after = tokens[i + 2];
    if (opensSentence && i > 0 && determiners.has(next.norm)) {
      if (claims === undefined || (after !== undefined && claims.has(after.norm))) return `${tokens[i].surface} ${next.surface}`;
      continue;
    }
    const copula = dislocatedCopula(tokens, i);
    if (copula !== undefined && claims === undefined) return `, ${tokens[copula].surface} … ${tokens[i].surface}`;
    if (before?.norm !== ',') continue;
    // ", pas Y" with one word closing its clause: a correction, not "..., pas du tout" or
    // "..., pas vraiment d'accord".
    if ((after === undefined || after.sentence !== tokens[i].sentence || after.punct) && (claims === undefined || claims.has(next.norm))) {
      return `, ${tokens[i].surface} ${next.surface}`;
    }
  }
  return undefined;
}

/** The demonstratives that take up a dislocated subject ("Signer, ce n'est pas adhérer"). */
const TAKE_UP = new Set(['ce', 'c', 'ca']);

/**
 * Index of the demonstrative of a dislocated negative copula ending at `pas` (token `at`): a
 * comma, `ce`/`c'`/`ça`, an optional `n'`, `est`/`était`, `pas` ("X, ce n'est pas Y", "X, c'est
 * pas Y"): the reply sets what was said apart from what it is not. Undefined otherwise.
 */
function dislocatedCopula(tokens: TokenizedText['tokens'], at: number): number | undefined {
  let k = at - 1;
  if (k < 0 || (tokens[k].norm !== 'est' && tokens[k].norm !== 'etait')) return undefined;
  k -= 1;
  if (k >= 0 && tokens[k].norm === 'n') k -= 1;
  if (k < 1 || !TAKE_UP.has(tokens[k].norm) || tokens[k - 1].norm !== ',') return undefined;
  return k;
}

/**
 * True when the sentence of token `at` addresses the parent: it holds a second-person word (`tu`,
 * `t'`, `vous`...; a one-letter form only as an elision, "t'as", not the `t` of "a-t-il").
 */
export function addressesParent(tokenized: TokenizedText, at: number, schema: StanceSchema): boolean {
  const addressing = schema.tables.secondPerson;
  const { tokens, text } = tokenized;
  const sentence = tokens[at].sentence;
  let i = at;
  while (i > 0 && tokens[i - 1].sentence === sentence) i -= 1;
  for (; i < tokens.length && tokens[i].sentence === sentence; i += 1) {
    const token = tokens[i];
    if (token.punct || !addressing.has(token.norm)) continue;
    if (token.norm.length > 1 || text[token.end] === "'" || text[token.end] === '’') return true;
  }
  return false;
}

/** The first eye-roll of a reply (see `agreement.exasperation`), as written, or undefined. */
export function eyeRoll(tokens: TokenizedText['tokens'], schema: StanceSchema): string | undefined {
  if (schema.tables.exasperationMarkers.size === 0) return undefined;
  // Whether a form or its emoji base is a marker is known of its word.
  for (const token of lookedUp(tokens, schema)) {
    if (!token.punct && (token.word.flags & WordFlag.EyeRoll) !== 0) return token.surface;
  }
  return undefined;
}

/**
 * The opening words of a counter-question ("Et les salaires, ils sont passés où ?"), or
 * undefined: the reply's first words (from `start`) are an opener (`et`) and a determiner, and its
 * first sentence ends with a question mark.
 */
export function counterQuestion(tokens: TokenizedText['tokens'], start: number, schema: StanceSchema): string | undefined {
  const opener = tokens[start];
  const determiner = tokens[start + 1];
  if (opener === undefined || determiner === undefined || !schema.tables.counterOpeners.has(opener.norm)) return undefined;
  if (!schema.tables.contrastDeterminers.has(determiner.norm)) return undefined;
  for (let i = start + 2; i < tokens.length && tokens[i].sentence === opener.sentence; i += 1) {
    if (tokens[i].punct && tokens[i].norm.includes('?')) return `${opener.surface} ${determiner.surface}`;
  }
  return undefined;
}

/**
 * The parent's word an echo question throws back ("Le sauveur de qui ?"), as written, or
 * undefined: the reply's first sentence (from `start`) ends with a question mark, has at most
 * `maxWords` words, and one of them is a word the parent stated.
 */
export function echoQuestion(tokens: TokenizedText['tokens'], start: number, words: WordLookup, maxWords: number): string | undefined {
  const first = tokens[start];
  if (first === undefined || words.size === 0) return undefined;
  let echoed: string | undefined;
  let count = 0;
  for (let i = start; i < tokens.length && tokens[i].sentence === first.sentence; i += 1) {
    const token = tokens[i];
    if (token.punct) {
      if (token.norm.includes('?')) return echoed;
      continue;
    }
    count += 1;
    if (count > maxWords) return undefined;
    if (echoed === undefined && words.has(token.norm)) echoed = token.surface;
  }
  return undefined;
}

/**
 * The concession of a reply's opening ("Pour les actionnaires, oui."), as written, or undefined:
 * a word of `concessiveYes` that closes a clause of words (a word, or a word and a comma or colon,
 * comes before it in its sentence, punctuation or the sentence's end after it) and is followed by
 * at least two more words of the reply. A doubled or emphatic yes ("oui oui", "mais oui") is no
 * concession.
 */
export function concessiveYes(tokens: TokenizedText['tokens'], start: number, end: number, schema: StanceSchema): string | undefined {
  const words = schema.tables.concessionWords;
  if (words.size === 0) return undefined;
  for (let i = start + 1; i < end; i += 1) {
    const token = tokens[i];
    if (token.punct || !words.has(token.norm)) continue;
    let before = i - 1;
    if (tokens[before].punct && /^[,:]$/.test(tokens[before].norm)) before -= 1;
    const previous = tokens[before];
    if (previous === undefined || previous.punct || previous.sentence !== token.sentence) continue;
    if (words.has(previous.norm) || previous.norm === 'mais') continue;
    const next = tokens[i + 1];
    if (next !== undefined && !next.punct && next.sentence === token.sentence) continue;
    let after = 0;
    for (let k = i + 1; k < tokens.length && after < 2; k += 1) if (!tokens[k].punct) after += 1;
    if (after >= 2) return `${tokens[i - 1].surface} ${token.surface}`;
  }
  return undefined;
}

/**
 * The weights of agreement and disagreement a reply gathers, and the evidence that explains them.
 * An object rather than closures over the locals of {@link detectAgreement}: one allocation per
 * reply, and the locals stay out of a heap context.
 */
class Tally {
  agree = 0;
  disagree = 0;
  /** The effect of the first opposition or of the last cue (see {@link detectAgreement}). */
  last: 'agree' | 'disagree' | undefined;
  readonly evidence: StanceEvidence[] = [];

  constructor(
    private readonly toward: string,
    private readonly from: number,
  ) {}

  /**
   * Adds the reason `why` for `effect`, a sign of kind `sign` (weight 0: it explains, it does not
   * score; the agreement model weighs each sign, see `StanceEvidence.sign`).
   */
  note(effect: 'agree' | 'disagree', why: string, sign: string): void {
    this.evidence.push({ kind: AGREEMENT_EVIDENCE_KIND[effect], label: this.toward, weight: 0, text: why, fromIndex: this.from, sign });
  }

  /** A disagreement read from the two tones alone (no cue spoke), for the reason `why`, a sign of kind `sign`. */
  fromTones(why: string, sign: string): AgreementResult {
    this.note('disagree', why, sign);
    return { agreement: 'disagree', inherit: false, evidence: this.evidence, toneOnly: true };
  }

  /** Counts a sign of disagreement of kind `sign` found after the cues, of `weight`, for the reason `why`. */
  opposes(weight: number, why: string, sign: string): void {
    this.disagree += weight;
    this.last ??= 'disagree';
    this.note('disagree', why, sign);
  }
}

/**
 * Detects whether `reply` agrees with its parent, from the reply's opening words (cues weighted by
 * the sentence they stand in), a quotation of the parent followed by a negation, a word of the
 * parent taken up and negated, a contrastive correction, a counter-question, an eye-roll, and,
 * when none of these speaks, whether the two stances are the same. Top-level comments get `none`.
 */
export function detectAgreement(reply: Comment, tokenized: TokenizedText, context: ReplyContext, schema: StanceSchema): AgreementResult {
  if (reply.parentIndex <= 0) return NO_AGREEMENT;
  const { parentLabel, replyLabel, parentAsks = false } = context;
  const settings = schema.discourseData.agreement;
  const from = reply.parentIndex;
  const toward = parentLabel ?? schema.neutralLabel;
  const { tokens, text } = tokenized;
  // Searches for words the text does not hold are skipped.
  const flags = flagsIn(tokenized, schema);
  const start = startIndex(tokenized, schema);
  const end = openingEnd(tokenized, schema);
  const quoting = quotesParent(reply);

  const tally = new Tally(toward, from);
  const { evidence } = tally;
  let inherit = false;

  // Groups already counted (made at the first cue: most replies have none).
  let counted: Set<string> | undefined;
  for (const match of schema.tables.agreement.findAll(lookedUp(tokens, schema), text, 0, end, MatcherSlot.Agreement)) {
    const cue: AgreementCue = match.payload;
    // Only interjections and punctuation may come before a `start` cue ("ben oui" is a start);
    // a `later` cue never opens the reply.
    if (cue.position === 'start' && match.from > start) continue;
    if (cue.position === 'later' && match.from <= start) continue;
    if (cue.requiresQuote && !quoting) continue;
    // "Oui" / "non" to a question answers it; it does not take sides with the asker.
    if (cue.answersQuestion && parentAsks) continue;
    if (cue.opensSentenceInAnswer && parentAsks && match.from > 0 && tokens[match.from - 1].sentence === tokens[match.from].sentence) continue;
    // A group counts once: "en effet ... en effet" is one agreement, not two.
    if (counted?.has(cue.group)) continue;
    const weights = settings.sentenceWeights;
    const weight = cue.positionWeighted ? cue.weight * weights[Math.min(tokens[match.from].sentence, weights.length - 1)] : cue.weight;
    if (cue.laughter && settings.teasing && (questionsParent(tokenized, end, schema) || (cue.softener && addressesParent(tokenized, match.from, schema)))) {
      // Laughing while questioning the parent ("t'as des actions ou quoi ? 😄") is laughing at
      // it; an embarrassed laugh in a sentence addressed to it softens a jab ("grâce à toi 😅").
      (counted ??= new Set()).add(cue.group);
      tally.disagree += settings.teasing.weight;
      tally.last = 'disagree';
      tally.note('disagree', `laughs at comment ${from} while ${cue.softener ? 'addressing' : 'questioning'} it: "${match.text}" (teasing)`, 'teasing');
      continue;
    }
    // A "none" cue only keeps its words from being read as another cue ("rien à voir avec le sujet").
    if (cue.effect === 'none') continue;
    (counted ??= new Set()).add(cue.group);
    if (cue.effect === 'agree') {
      tally.agree += weight;
      inherit ||= cue.inherit;
    } else tally.disagree += weight;
    tally.last = cue.effect;
    tally.note(cue.effect, `${cue.effect === 'agree' ? 'agrees with' : 'disagrees with'} comment ${from}: "${match.text}" (${cue.group})`, cue.group);
  }

  // What a questioning parent stated may still be corrected: only its statements' words count.
  const claims = parentAsks ? context.parentWords : undefined;
  if (quoting) {
    const negator = (flags & WordFlag.Negator) !== 0 ? answeringNegator(tokenized, end, schema) : undefined;
    if (negator) tally.opposes(settings.quotedNegation.weight, `quotes comment ${from} and answers with a negation ("${negator.surface}")`, 'quoted-negation');
  } else if (context.parentWords && settings.negatedEcho) {
    const echoed = (flags & WordFlag.Negator) !== 0 ? negatedEcho(tokens, end, context.parentWords, schema) : undefined;
    if (echoed !== undefined) tally.opposes(settings.negatedEcho.weight, `negates words of comment ${from} ("${echoed}")`, 'negated-echo');
  }

  // Every contrastive negation holds `pas`: when `pas` is a negator (French), a text without a
  // negator has none to search for.
  const mayContrast = (flags & WordFlag.Negator) !== 0 || !schema.tables.negators.has('pas');
  const contrast = settings.contrastiveNegation && (!parentAsks || claims) && mayContrast ? contrastiveNegation(tokens, end, schema, claims) : undefined;
  if (contrast !== undefined) tally.opposes(settings.contrastiveNegation!.weight, `corrects comment ${from} with a contrastive negation ("${contrast}")`, 'contrastive-negation');

  // Both questions need a question mark.
  const asking = (flags & WordFlag.QuestionMark) !== 0;
  const counter = settings.counterQuestion && !parentAsks && asking ? counterQuestion(tokens, start, schema) : undefined;
  if (counter !== undefined) tally.opposes(settings.counterQuestion!.weight, `raises what comment ${from} leaves out: "${counter} … ?" (counter-question)`, 'counter-question');

  const thrownBack = settings.echoQuestion && !parentAsks && !quoting && asking && context.parentWords ? echoQuestion(tokens, start, context.parentWords, settings.echoQuestion.maxWords) : undefined;
  if (thrownBack !== undefined) tally.opposes(settings.echoQuestion!.weight, `throws a word of comment ${from} back as a question ("${thrownBack} … ?")`, 'echo-question');

  // Under a question, "..., oui" answers it.
  const conceded = settings.concessiveYes && !parentAsks && (flags & WordFlag.Concession) !== 0 ? concessiveYes(tokens, start, end, schema) : undefined;
  if (conceded !== undefined) tally.opposes(settings.concessiveYes!.weight, `grants comment ${from} a part to restrict the rest: "${conceded}" (concession)`, 'concessive-yes');

  const rolled = settings.exasperation && (flags & WordFlag.EyeRoll) !== 0 ? eyeRoll(tokens, schema) : undefined;
  if (rolled !== undefined) tally.opposes(settings.exasperation!.weight, `rolls its eyes at comment ${from}: "${rolled}" (exasperation)`, 'exasperation');

  const { agree, disagree, last } = tally;
  if (agree === 0 && disagree === 0) {
    if (parentAsks) return { ...NO_AGREEMENT, evidence };
    const neutral = schema.neutralLabel;
    if (parentLabel !== undefined && parentLabel !== neutral && replyLabel !== neutral) {
      const same = parentLabel === replyLabel;
      tally.note(same ? 'agree' : 'disagree', `${same ? 'same stance as' : 'another stance than'} comment ${from} (${parentLabel})`, same ? 'same-stance' : 'other-stance');
      return { agreement: same ? 'agree' : 'disagree', inherit: false, evidence };
    }
    const { replyTone = 0, parentTone = 0 } = context;
    if (replyTone !== 0 && replyTone === -parentTone) {
      return tally.fromTones(`the opposite tone of comment ${from} (${replyTone > 0 ? 'positive' : 'negative'} after ${parentTone > 0 ? 'positive' : 'negative'})`, 'opposite-tone');
    }
    if (settings.answersCriticism === true && parentTone < 0) {
      return tally.fromTones(`answers the criticism of comment ${from} without agreeing with it (negative tone, no agreement cue)`, 'answers-criticism');
    }
    // A reply as warm as the praise it answers joins it as often as not: only a flat one argues.
    if (settings.answersPraise === true && parentTone > 0 && replyTone === 0) {
      return tally.fromTones(`answers the praise of comment ${from} flatly, without agreeing with it (positive tone, no agreement cue)`, 'answers-praise');
    }
    return { ...NO_AGREEMENT, evidence };
  }
  // Equal weights: the later cue wins, as in "bien vu, mais ...", where what follows is the point.
  const agreement: Agreement = agree > disagree ? 'agree' : disagree > agree ? 'disagree' : last!;
  return { agreement, inherit: agreement === 'agree' && inherit, evidence };
}
