import type { FrenchRules } from './rules-data.js';
import type { ScoringUnit } from './units.js';

/** What the French rules make of one lexicon hit. */
export interface RuleOutcome {
  value: number;
  rules: string[];
}

/** Per-sentence facts the rules need, computed once per text. */
export interface SentenceFacts {
  /** Sentence written all in capitals: capitals then carry no emphasis. */
  allCapitals: boolean;
  /** Holds `!!` or more. */
  exclaims: boolean;
  /** Index of its first unit. */
  firstUnit: number;
}

/** Facts about each sentence of the units (indexed by the units' `sentence`). */
export function sentenceFacts(units: readonly ScoringUnit[]): Map<number, SentenceFacts> {
  const facts = new Map<number, SentenceFacts & { words: number; capitalWords: number }>();
  for (let i = 0; i < units.length; i++) {
    const unit = units[i];
    let fact = facts.get(unit.sentence);
    if (fact === undefined) {
      fact = { allCapitals: false, exclaims: false, firstUnit: i, words: 0, capitalWords: 0 };
      facts.set(unit.sentence, fact);
    }
    if (unit.boundary) {
      if (unit.plain === '!' && i + 1 < units.length && units[i + 1].plain === '!') fact.exclaims = true;
    } else {
      fact.words += 1;
      if (unit.capitals) fact.capitalWords += 1;
    }
  }
  for (const fact of facts.values()) fact.allCapitals = fact.words >= 2 && fact.capitalWords === fact.words;
  return facts;
}

/** True when unit `j` is in the same clause as unit `i` and there is no boundary between them. */
function sameClause(units: readonly ScoringUnit[], i: number, j: number): boolean {
  return j >= 0 && j < units.length && !units[j].boundary && units[j].sentence === units[i].sentence;
}

/** Lexical role: the word's lexicon value does not hold in this use (see `lexicalRole` in fr-rules.json). */
export function lexicalRoleCancels(units: readonly ScoringUnit[], i: number, rules: FrenchRules, isTerm: (unit: ScoringUnit) => boolean): boolean {
  const key = units[i].plain;
  const next = sameClause(units, i, i + 1) ? units[i + 1] : undefined;
  if (rules.intensifierBeforeTerm.has(key) && next !== undefined && (isTerm(next) || rules.intensity.factors.has(next.plain))) return true;
  if (rules.onlyAtClauseEnd.has(key) && next !== undefined) return true;
  if (rules.pronounBeforeNe.has(key) && next !== undefined && rules.negation.ne.has(next.plain)) return true;
  return false;
}

/** Is the hit at `i` negated? Looks back over the window and just after it, inside the clause. */
function isNegated(units: readonly ScoringUnit[], i: number, rules: FrenchRules): boolean {
  const { negation } = rules;
  if (sameClause(units, i, i - 1) && negation.adjacent.has(units[i - 1].plain)) return true;
  let neBefore = false;
  for (let j = i - 1; j >= i - negation.window - 2 && sameClause(units, i, j); j--) {
    if (negation.ne.has(units[j].plain)) neBefore = true;
  }
  for (let j = i - 1; j >= i - negation.window && sameClause(units, i, j); j--) {
    const key = units[j].plain;
    if (negation.predicateVerbs.has(key)) break;
    if (negation.before.has(key)) return true;
    if (negation.afterNe.has(key) && neBefore) return true;
  }
  // `ne` VERB `pas`: the closing negator follows the verb ("je ne m'inquiète pas", "t'inquiète pas").
  const reach = neBefore ? 2 : 1;
  for (let j = i + 1; j <= i + reach && sameClause(units, i, j); j++) {
    const key = units[j].plain;
    if (negation.after.has(key) || (neBefore && negation.afterNe.has(key))) return true;
  }
  return false;
}

/** Product of the intensifiers and dampeners just before the hit (stops at another hit). */
function intensity(units: readonly ScoringUnit[], i: number, rules: FrenchRules, isTerm: (unit: ScoringUnit) => boolean): number {
  let factor = 1;
  for (let j = i - 1; j >= i - rules.intensity.window && sameClause(units, i, j); j--) {
    const found = rules.intensity.factors.get(units[j].plain);
    if (found !== undefined) factor *= found;
    else if (isTerm(units[j])) break;
  }
  return factor;
}

/** x1.5 after an adversative of the same sentence, x0.5 before one (or before a sentence opening with one). */
function contrast(units: readonly ScoringUnit[], i: number, rules: FrenchRules, facts: Map<number, SentenceFacts>): number {
  const sentence = units[i].sentence;
  for (let j = i - 1; j >= 0 && units[j].sentence === sentence; j--) {
    if (rules.contrast.markers.has(units[j].plain)) return rules.contrast.after;
  }
  let j = i + 1;
  for (; j < units.length && units[j].sentence === sentence; j++) {
    if (rules.contrast.markers.has(units[j].plain)) return rules.contrast.before;
  }
  const next = j < units.length ? facts.get(units[j].sentence) : undefined;
  if (next !== undefined && rules.contrast.markers.has(units[next.firstUnit].plain)) return rules.contrast.before;
  return 1;
}

/** x0.5 inside a concessive clause ("bien que ...", "malgré ..."), up to the clause's end. */
function concession(units: readonly ScoringUnit[], i: number, rules: FrenchRules): number {
  for (let j = i - 1; sameClause(units, i, j); j--) {
    if (rules.concession.markers.has(units[j].plain)) return rules.concession.factor;
  }
  return 1;
}

/**
 * The French rules applied to the lexicon hit at unit `i` of value `base`: negation,
 * intensifiers and dampeners, contrast, concession, emphasis (capitals, `!!`). Each rule that
 * changes the value is named in `rules`.
 */
export function applyRules(
  units: readonly ScoringUnit[],
  i: number,
  base: number,
  rules: FrenchRules,
  facts: Map<number, SentenceFacts>,
  isTerm: (unit: ScoringUnit) => boolean,
): RuleOutcome {
  let value = base;
  const fired: string[] = [];
  const word = units[i].word;
  if (word && isNegated(units, i, rules)) {
    value *= base > 0 ? rules.negation.factor : rules.negation.negativeFactor;
    fired.push('negation');
  }
  const scale = word ? intensity(units, i, rules, isTerm) : 1;
  if (scale !== 1) {
    value *= scale;
    fired.push(scale > 1 ? 'intensifier' : 'dampener');
  }
  const weight = contrast(units, i, rules, facts);
  if (weight !== 1) {
    value *= weight;
    fired.push('contrast');
  }
  const granted = concession(units, i, rules);
  if (granted !== 1) {
    value *= granted;
    fired.push('concession');
  }
  const sentence = facts.get(units[i].sentence);
  if (units[i].capitals && sentence !== undefined && !sentence.allCapitals) {
    value *= rules.emphasis.capitals;
    fired.push('emphasis');
  }
  if (sentence?.exclaims === true) {
    value *= rules.emphasis.exclamations;
    if (!fired.includes('emphasis')) fired.push('emphasis');
  }
  return { value, rules: fired };
}
