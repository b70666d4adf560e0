/**
 * The stance signals of one text, before the reply tree is considered: stance cues (fixed-label
 * and target-resolved), and target-dependent sentiment (the polarity of a clause that names a
 * target, mapped to a label by the schema). Each distinct argument (cue group, or target with a
 * polarity) counts once per text, so a long comment repeating one point does not outweigh a short
 * one making two.
 */
import type { StanceEvidence } from '../model.js';
import { clausePolarity } from './clause-sentiment.js';
import type { CueGroup, StanceSchema } from './schema.js';
import { tokenizeForCues, type CueToken, type TokenizedText } from './text.js';

/** A target named in a text: which one, at which token. */
export interface TargetMention {
  target: string;
  token: number;
  text: string;
}

/** Finds the targets named in a tokenized text, in order. */
export function findTargets(tokenized: TokenizedText, schema: StanceSchema): TargetMention[] {
  const { tokens, text } = tokenized;
  const mentions: TargetMention[] = [];
  const exact = schema.tables.exactTargets;
  const folded = schema.tables.targets.findAll(tokens, text);
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
    const target = exact.get(tokens[i].surface);
    if (target !== undefined) mentions.push({ target, token: i, text: tokens[i].surface });
  }
  return mentions;
}

/** True when a negator stands within the window before token `from` in the same clause. */
function isNegated(tokens: readonly CueToken[], from: number, schema: StanceSchema): boolean {
  const window = schema.discourseData.negationWindow;
  const clause = tokens[from].clause;
  for (let k = from - 1; k >= 0 && k >= from - window; k -= 1) {
    const token = tokens[k];
    if (token.punct || token.clause !== clause) return false;
    if (schema.tables.negators.has(token.norm)) return true;
  }
  return false;
}

/**
 * The target a polar cue is about: the first target of its clause (the subject, in French word
 * order), else the first of its sentence, else the last one named earlier in its paragraph.
 */
function targetOfCue(tokens: readonly CueToken[], at: number, mentions: readonly TargetMention[]): TargetMention | undefined {
  const cue = tokens[at];
  let sameSentence: TargetMention | undefined;
  let earlierInParagraph: TargetMention | undefined;
  for (const mention of mentions) {
    const token = tokens[mention.token];
    if (token.clause === cue.clause) return mention;
    if (token.sentence === cue.sentence) sameSentence ??= mention;
    else if (token.paragraph === cue.paragraph && mention.token < at) earlierInParagraph = mention;
  }
  return sameSentence ?? earlierInParagraph;
}

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
 */
export function textEvidence(
  text: string,
  schema: StanceSchema,
  tokenized: TokenizedText = tokenizeForCues(text, schema.tables.clauseConnectors),
): StanceEvidence[] {
  const { tokens } = tokenized;
  if (tokens.length === 0) return [];
  const mentions = findTargets(tokenized, schema);
  const book = new EvidenceBook();
  const clausesWithCue = new Set<number>();
  const yielding: { key: string; evidence: StanceEvidence; yieldsTo: string[] }[] = [];

  for (const match of schema.tables.cues.findAll(tokens, text)) {
    if (isNegated(tokens, match.from, schema)) continue;
    const group: CueGroup = match.payload;
    clausesWithCue.add(tokens[match.from].clause);
    if (group.label !== undefined) {
      if (group.near && !nearTarget(tokens, match.from, mentions, group.near)) continue;
      book.add(`cue:${group.group}:${group.label}`, { kind: 'cue', label: group.label, weight: group.weight, text: match.text });
      continue;
    }
    const mention = targetOfCue(tokens, match.from, mentions);
    const rule = mention ? ruleFor(schema, mention.target, group.polarity!) : undefined;
    if (mention && rule) {
      const evidence: StanceEvidence = { kind: 'target', label: rule.label, weight: group.weight, text: `${match.text} (${mention.text})`, target: mention.target };
      if (rule.yieldsTo.length > 0) yielding.push({ key: `cue:${group.group}`, evidence, yieldsTo: rule.yieldsTo });
      else book.add(`cue:${group.group}:${rule.label}`, evidence);
    } else if (group.fallbackLabel !== undefined) {
      book.add(`cue:${group.group}:${group.fallbackLabel}`, { kind: 'cue', label: group.fallbackLabel, weight: group.weight, text: match.text });
    }
  }

  if (schema.clauseSentimentWeight > 0) {
    const firstTargetOfClause = new Map<number, TargetMention>();
    for (const mention of mentions) {
      const clause = tokens[mention.token].clause;
      if (!firstTargetOfClause.has(clause) && !clausesWithCue.has(clause)) firstTargetOfClause.set(clause, mention);
    }
    for (const [clause, mention] of firstTargetOfClause) {
      const span = tokenized.clauses[clause];
      const clauseText = text.slice(span.start, span.end).trim();
      const polarity = clausePolarity(clauseText);
      if (polarity.label === 'neutral') continue;
      const rule = ruleFor(schema, mention.target, polarity.label);
      if (!rule) continue;
      const evidence: StanceEvidence = {
        kind: 'clause',
        label: rule.label,
        weight: rule.weight ?? schema.clauseSentimentWeight,
        text: `${polarity.label} about ${mention.text}: "${clauseText}"`,
        target: mention.target,
      };
      const key = `clause:${mention.target}:${polarity.label}`;
      if (rule.yieldsTo.length > 0) yielding.push({ key, evidence, yieldsTo: rule.yieldsTo });
      else book.add(`${key}:${rule.label}`, evidence);
    }
  }

  // Only now is it known which labels other signals support.
  const supported = new Set(book.list().map((e) => e.label));
  for (const { key, evidence, yieldsTo } of yielding) {
    const side = yieldsTo.find((label) => supported.has(label));
    if (side === undefined) book.add(`${key}:${evidence.label}`, evidence);
    else book.add(`${key}:${side}`, { ...evidence, label: side, text: `${evidence.text}, siding with ${side}` });
  }
  return book.list();
}

function nearTarget(tokens: readonly CueToken[], at: number, mentions: readonly TargetMention[], targets: readonly string[]): boolean {
  const sentence = tokens[at].sentence;
  return mentions.some((m) => tokens[m.token].sentence === sentence && targets.includes(m.target));
}
