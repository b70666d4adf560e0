/**
 * The stance signals of one text, before the reply tree is considered: stance cues (fixed-label
 * and target-resolved), and target-dependent sentiment (the polarity of a clause that names a
 * target, mapped to a label by the schema). Each distinct argument (cue group, or target with a
 * polarity) counts once per text, so a long comment repeating one point does not outweigh a short
 * one making two.
 */
import type { StanceEvidence } from '../model.js';
import { clausePolarity } from './clause-sentiment.js';
import type { PhraseMatch } from './phrases.js';
import type { CueGroup, StanceSchema } from './schema.js';
import { insideSpans, ironicSentences, quotedAside, quotedSpans } from './irony.js';
import { tokenizeForCues, type CueToken, type TokenizedText } from './text.js';
import { firstAtLeast } from '../sorted.js';
import { flagsIn, lookedUp, MatcherSlot, WordFlag, type WordToken } from './words.js';

/** A target named in a text: which one, at which token. */
export interface TargetMention {
  target: string;
  token: number;
  text: string;
}

/** Finds the targets named in a tokenized text, in order. */
export function findTargets(tokenized: TokenizedText, schema: StanceSchema): TargetMention[] {
  const { text } = tokenized;
  const mentions: TargetMention[] = [];
  if ((flagsIn(tokenized, schema) & WordFlag.Target) === 0) return mentions;
  const tokens = lookedUp(tokenized.tokens, schema);
  const folded = schema.tables.targets.findAll(tokens, text, 0, tokens.length, MatcherSlot.Targets);
  let next = 0;
  // Merge folded-form matches with case-sensitive single-word forms, both in token order.
  for (let i = 0; i < tokens.length; i += 1) {
    while (next < folded.length && folded[next].from < i) next += 1;
    if (next < folded.length && folded[next].from === i) {
      const m = folded[next];
      mentions.push({ target: m.payload.target, token: i, text: m.text });
      i = m.to - 1;
      continue;
    }
    // The case-sensitive forms (`CA`), asked only of the tokens that fold like one of them.
    const exact = tokens[i].word.exactTargets;
    const target = exact === undefined ? undefined : exact.get(tokens[i].surface);
    if (target !== undefined) mentions.push({ target, token: i, text: tokens[i].surface });
  }
  return mentions;
}

/** True when a negator stands within the window before token `from` in the same clause. */
function isNegated(tokens: readonly WordToken[], from: number, schema: StanceSchema): boolean {
  const window = schema.discourseData.negationWindow;
  const clause = tokens[from].clause;
  for (let k = from - 1; k >= 0 && k >= from - window; k -= 1) {
    const token = tokens[k];
    if (token.punct || token.clause !== clause) return false;
    if ((token.word.flags & WordFlag.Negator) !== 0) return true;
  }
  return false;
}

/**
 * Where the target mentions of one text stand (token, clause, sentence and paragraph of each, all
 * ascending in mention order, as these ordinals grow along the text), and the topic of each
 * paragraph so far: what {@link targetOfCue} and {@link nearTarget} ask for every cue, answered by
 * binary searches instead of a pass over all mentions per cue (a 5 MB comment has tens of
 * thousands of both).
 */
class MentionPlaces {
  readonly token: Int32Array;
  readonly clause: Int32Array;
  readonly sentence: Int32Array;
  readonly paragraph: Int32Array;
  /**
   * The topic of the paragraph once mention `m` is read: the target named most often in the
   * paragraph up to `m` included (on a tie, the one named last), as its latest mention.
   */
  readonly topicAfter: TargetMention[];
  private targetsBySentence: Map<number, Set<string>> | undefined;

  constructor(
    tokens: readonly CueToken[],
    readonly mentions: readonly TargetMention[],
  ) {
    const n = mentions.length;
    this.token = new Int32Array(n);
    this.clause = new Int32Array(n);
    this.sentence = new Int32Array(n);
    this.paragraph = new Int32Array(n);
    this.topicAfter = new Array<TargetMention>(n);
    let counts = new Map<string, number>();
    let latest = new Map<string, TargetMention>();
    let topic = '';
    for (let m = 0; m < n; m++) {
      const mention = mentions[m];
      const token = tokens[mention.token];
      this.token[m] = mention.token;
      this.clause[m] = token.clause;
      this.sentence[m] = token.sentence;
      this.paragraph[m] = token.paragraph;
      if (m > 0 && this.paragraph[m - 1] !== token.paragraph) {
        counts = new Map();
        latest = new Map();
        topic = '';
      }
      const count = (counts.get(mention.target) ?? 0) + 1;
      counts.set(mention.target, count);
      latest.set(mention.target, mention);
      // The target just named is the most recent one: a tie with the leader goes to it.
      if (topic === '' || count >= (counts.get(topic) as number)) topic = mention.target;
      this.topicAfter[m] = latest.get(topic) as TargetMention;
    }
  }

  /** The targets named in each sentence (built on first use). */
  targetsIn(sentence: number): ReadonlySet<string> | undefined {
    if (this.targetsBySentence === undefined) {
      this.targetsBySentence = new Map();
      for (let m = 0; m < this.mentions.length; m++) {
        let targets = this.targetsBySentence.get(this.sentence[m]);
        if (targets === undefined) this.targetsBySentence.set(this.sentence[m], (targets = new Set()));
        targets.add(this.mentions[m].target);
      }
    }
    return this.targetsBySentence.get(sentence);
  }
}

/**
 * The target a polar cue is about. With a `window`, the nearest target of its sentence within that
 * many words (weak evaluative words judge what they stand next to; on equal distance, the one
 * before the cue). Otherwise the first target of its clause (the subject, in French word order),
 * else the first of its sentence, else (scope `paragraph`) the topic of the paragraph so far:
 * the target named most often before it, the one named last on a tie.
 */
function targetOfCue(tokens: readonly CueToken[], at: number, places: MentionPlaces, group: CueGroup): TargetMention | undefined {
  const cue = tokens[at];
  const { mentions } = places;
  if (group.window !== undefined) {
    // The nearest mention on each side; mentions of the cue's sentence are contiguous around it.
    const after = firstAtLeast(places.token, at + 1);
    const before = after - 1;
    let nearest: TargetMention | undefined;
    let distance = Infinity;
    if (before >= 0 && places.sentence[before] === cue.sentence && at - places.token[before] <= group.window) {
      nearest = mentions[before];
      distance = at - places.token[before];
    }
    if (after < mentions.length && places.sentence[after] === cue.sentence && places.token[after] - at <= group.window && places.token[after] - at < distance) {
      nearest = mentions[after];
    }
    return nearest;
  }
  const inClause = firstAtLeast(places.clause, cue.clause);
  if (inClause < mentions.length && places.clause[inClause] === cue.clause) return mentions[inClause];
  if (group.scope === 'clause') return undefined;
  const inSentence = firstAtLeast(places.sentence, cue.sentence);
  const sameSentence = inSentence < mentions.length && places.sentence[inSentence] === cue.sentence ? mentions[inSentence] : undefined;
  if (sameSentence || group.scope === 'sentence') return sameSentence;
  // No mention in the cue's sentence: the topic of the mentions of its paragraph before it.
  const last = firstAtLeast(places.token, at) - 1;
  return last >= 0 && places.paragraph[last] === cue.paragraph ? places.topicAfter[last] : undefined;
}

/** A polar cue with the target it is about and its polarity once irony is taken into account. */
interface PolarCue {
  match: PhraseMatch<CueGroup>;
  mention: TargetMention | undefined;
  polarity: 'positive' | 'negative';
  ironic: boolean;
}

/** A clause naming a target, with the polarity the sentiment stage gives it. */
interface ClauseSignal {
  mention: TargetMention;
  polarity: 'positive' | 'negative';
  clauseText: string;
}

const NO_SENTENCES: ReadonlySet<number> = new Set();
const NO_SPANS: readonly [number, number][] = [];

/** Accumulates evidence; each key (argument) counts once, keeping its strongest occurrence. */
class EvidenceBook {
  private readonly byKey = new Map<string, StanceEvidence>();

  add(key: string, evidence: StanceEvidence): void {
    const seen = this.byKey.get(key);
    if (!seen || evidence.weight > seen.weight) this.byKey.set(key, evidence);
  }

  list(): StanceEvidence[] {
    return [...this.byKey.values()];
  }
}

/** Label of a polarity toward a target, or undefined when the schema maps it to nothing. */
function ruleFor(schema: StanceSchema, target: string, polarity: 'positive' | 'negative') {
  return schema.tables.targetRules.get(`${target}/${polarity}`);
}

/**
 * Stance evidence found in `text` (a comment's own words, or an article): cues first, then the
 * sentiment of the clauses that name a target and carry no cue (a cue is more specific than the
 * lexicon: "victoire à la Pyrrhus" must not count as a positive "victoire" for Microsoft).
 * Evidence whose schema rule `yieldsTo` a label that other signals support is given to that label.
 * `negativeText`: the sentiment stage read the whole text as negative, which makes the praise of
 * groups marked `ironicInNegativeText` sarcastic. `mentions`: the {@link findTargets} of
 * `tokenized`, when the caller has them already.
 */
export function textEvidence(
  text: string,
  schema: StanceSchema,
  tokenized: TokenizedText = tokenizeForCues(text, schema.tables.clauseConnectors),
  negativeText = false,
  mentions: readonly TargetMention[] = findTargets(tokenized, schema),
): StanceEvidence[] {
  if (tokenized.tokens.length === 0) return [];
  const tokens = lookedUp(tokenized.tokens, schema);
  const cues = schema.tables.cues.findAll(tokens, text, 0, tokens.length, MatcherSlot.Cues);
  // Without a cue, only the clauses that name a target may speak; without a target either, nothing
  // does (most comments): none of the books below is needed.
  if (cues.length === 0 && mentions.length === 0) return [];
  const book = new EvidenceBook();
  const clausesWithCue = new Set<number>();
  const yielding: { key: string; evidence: StanceEvidence; yieldsTo: string[] }[] = [];

  const polar: PolarCue[] = [];
  // What only cues ask for, made when a text has one (most comments have none).
  let places: MentionPlaces | undefined;
  const ironic = cues.length === 0 || (flagsIn(tokenized, schema) & WordFlag.IronyMarker) === 0 ? NO_SENTENCES : ironicSentences(tokens, schema);
  const quoted = cues.length === 0 ? NO_SPANS : quotedSpans(text);
  for (const match of cues) {
    const group: CueGroup = match.payload;
    const negated = group.negatable && isNegated(tokens, match.from, schema);
    if (negated && group.negatedLabel === undefined) continue;
    clausesWithCue.add(tokens[match.from].clause);
    if (group.near && !nearTarget(tokens, match.from, (places ??= new MentionPlaces(tokens, mentions)), group.near, group.nearScope)) continue;
    if (negated) {
      // "Microsoft n'a rien gagné": denying a side's gain is a position of its own.
      book.add(`cue:${group.group}:${group.negatedLabel}`, { kind: 'negated-cue', label: group.negatedLabel!, weight: group.weight, text: `${match.text} (negated)` });
      continue;
    }
    // Cited words are not the commenter's position: cited blame or doubt does not count, and cited
    // praise (« Microsoft sort grand gagnant »… gagnant de quoi ?) is held up to ridicule.
    const cited = quoted.length > 0 && insideSpans(quoted, tokens[match.from].start, tokens[match.to - 1].end);
    const praise = group.polarity === 'positive' || (group.label !== undefined && group.label !== schema.neutralLabel && group.label !== schema.irony?.label);
    if (cited && !praise) continue;
    const isIronic =
      schema.irony !== undefined &&
      (cited ||
        (negativeText && group.ironicInNegativeText) ||
        ironic.has(tokens[match.from].sentence) ||
        quotedAside(text, tokens[match.from].start, tokens[match.to - 1].end));
    if (group.label !== undefined) {
      if (isIronic && group.label !== schema.irony!.label && group.label !== schema.neutralLabel) {
        const label = schema.irony!.label;
        book.add(`cue:${group.group}:${label}`, { kind: 'irony', label, weight: group.weight, text: `${match.text} (ironic)` });
      } else book.add(`cue:${group.group}:${group.label}`, { kind: 'cue', label: group.label, weight: group.weight, text: match.text });
      continue;
    }
    const mention = targetOfCue(tokens, match.from, (places ??= new MentionPlaces(tokens, mentions)), group);
    const flip = isIronic && group.polarity === 'positive';
    polar.push({ match, mention, polarity: flip ? 'negative' : group.polarity!, ironic: flip });
  }

  const clauses = clauseSignals(tokenized, mentions, clausesWithCue, schema);

  // Praise of an actor the same text blames or mocks is sarcasm ("bravo le CA, quel fiasco").
  if (schema.irony !== undefined) {
    const blamed = new Set<string>();
    for (const p of polar) if (p.polarity === 'negative' && p.mention) blamed.add(p.mention.target);
    // Only cues blame: a clause's lexicon polarity is too weak to make praise sarcastic ("les
    // administrateurs ont le devoir de l'arrêter" does not make "courageuse" ironic).
    for (const cue of polar) {
      if (cue.polarity === 'positive' && cue.mention && blamed.has(cue.mention.target)) {
        cue.polarity = 'negative';
        cue.ironic = true;
      }
    }
  }

  for (const { match, mention, polarity, ironic: isIronic } of polar) {
    const group = match.payload;
    const rule = mention ? ruleFor(schema, mention.target, polarity) : undefined;
    if (mention && rule) {
      const note = isIronic ? ', ironic' : '';
      const evidence: StanceEvidence = { kind: isIronic ? 'irony' : 'target', label: rule.label, weight: group.weight, text: `${match.text} (${mention.text}${note})`, target: mention.target };
      if (rule.yieldsTo.length > 0) yielding.push({ key: `cue:${group.group}`, evidence, yieldsTo: rule.yieldsTo });
      else book.add(`cue:${group.group}:${rule.label}`, evidence);
    } else if (isIronic && !mention) {
      const label = schema.irony!.label;
      book.add(`cue:${group.group}:${label}`, { kind: 'irony', label, weight: group.weight, text: `${match.text} (ironic)` });
    } else if (group.fallbackLabel !== undefined && !isIronic && (!mention || group.fallbackWithTarget)) {
      book.add(`cue:${group.group}:${group.fallbackLabel}`, { kind: 'cue', label: group.fallbackLabel, weight: group.weight, text: match.text });
    }
  }

  for (const { mention, polarity, clauseText } of clauses) {
    const rule = ruleFor(schema, mention.target, polarity);
    if (!rule) continue;
    const evidence: StanceEvidence = {
      kind: 'clause',
      label: rule.label,
      weight: rule.weight ?? schema.clauseSentimentWeight,
      text: `${polarity} about ${mention.text}: "${clauseText}"`,
      target: mention.target,
    };
    const key = `clause:${mention.target}:${polarity}`;
    if (rule.yieldsTo.length > 0) yielding.push({ key, evidence, yieldsTo: rule.yieldsTo });
    else book.add(`${key}:${rule.label}`, evidence);
  }

  if (yielding.length === 0) return book.list();
  // Only now is it known which labels other signals support.
  const supported = new Set(book.list().map((e) => e.label));
  for (const { key, evidence, yieldsTo } of yielding) {
    const side = yieldsTo.find((label) => supported.has(label));
    if (side === undefined) book.add(`${key}:${evidence.label}`, evidence);
    else book.add(`${key}:${side}`, { ...evidence, label: side, text: `${evidence.text}, siding with ${side}` });
  }
  return book.list();
}

/**
 * Polarity of each clause that names a target and carries no cue (a cue is more specific than
 * the lexicon: "victoire à la Pyrrhus" must not count as a positive "victoire" for Microsoft).
 */
function clauseSignals(tokenized: TokenizedText, mentions: readonly TargetMention[], clausesWithCue: ReadonlySet<number>, schema: StanceSchema): ClauseSignal[] {
  const out: ClauseSignal[] = [];
  if (schema.clauseSentimentWeight <= 0) return out;
  const { tokens, text } = tokenized;
  const firstTargetOfClause = new Map<number, TargetMention>();
  for (const mention of mentions) {
    const clause = tokens[mention.token].clause;
    if (!firstTargetOfClause.has(clause) && !clausesWithCue.has(clause)) firstTargetOfClause.set(clause, mention);
  }
  for (const [clause, mention] of firstTargetOfClause) {
    const span = tokenized.clauses[clause];
    const clauseText = text.slice(span.start, span.end).trim();
    const polarity = clausePolarity(clauseText, { text, start: span.start, end: span.end });
    if (polarity.label !== 'neutral') out.push({ mention, polarity: polarity.label, clauseText });
  }
  return out;
}

/**
 * True when one of `targets` is named in the cue's sentence or (scope `paragraph`), when its
 * sentence names no target, is the last target named before it in its paragraph.
 */
function nearTarget(tokens: readonly CueToken[], at: number, places: MentionPlaces, targets: readonly string[], scope: 'sentence' | 'paragraph'): boolean {
  const named = places.targetsIn(tokens[at].sentence);
  if (named !== undefined) return targets.some((target) => named.has(target));
  if (scope === 'sentence') return false;
  // No target in the cue's sentence: a pronoun ("ils tiennent les deux bouts") takes up the
  // target named last before it in the same paragraph.
  const last = firstAtLeast(places.token, at) - 1;
  return last >= 0 && places.paragraph[last] === tokens[at].paragraph && targets.includes(places.mentions[last].target);
}
