/**
 * Reproach by absence: a noun of what a reader is owed (an explanation, an answer, a solution)
 * carries nothing when present and a reproach when denied (`aucune réponse`, `pas de solution`,
 * `manque de transparence`). See `lack` in fr-rules.json.
 */
import type { Hit } from './irony.js';
import type { FrenchRules } from './rules-data.js';
import { ROLE } from './roles.js';
import { applyRules, negationScope, type SentenceFacts } from './rules.js';
import type { ScoringUnit } from './units.js';

/** True when a word of `needs` (`besoin`) stands in the negation window before unit `i`, in its clause: `pas besoin d'explication` is no lack. */
function needed(units: readonly ScoringUnit[], i: number, rules: FrenchRules): boolean {
  for (let j = i - 1; j >= i - rules.negation.window && j >= 0 && !units[j].boundary && units[j].sentence === units[i].sentence; j--) {
    if (rules.lack.needs.has(units[j].plain)) return true;
  }
  return false;
}

/**
 * The hits of the nouns of `lack.nouns` that a negator or a privative word denies: each scores
 * `lack.base` through the French rules (negation turns it into a reproach), rule `lack`. Nouns
 * that are lexicon terms are left to the ordinary scoring. Returns the hits added, in unit order.
 */
export function lackHits(
  units: readonly ScoringUnit[],
  facts: Map<number, SentenceFacts>,
  rules: FrenchRules,
  isTerm: (unit: ScoringUnit) => boolean,
): Hit[] {
  const added: Hit[] = [];
  const { base } = rules.lack;
  for (let i = 0; i < units.length; i++) {
    const unit = units[i];
    if (!unit.word || unit.quoted || (unit.roles & ROLE.lackNoun) === 0 || isTerm(unit)) continue;
    const scope = negationScope(units, i, rules, facts, isTerm);
    if ((scope !== 'flip' && scope !== 'object') || needed(units, i, rules)) continue;
    const outcome = applyRules(units, i, base, rules, facts, isTerm, true);
    added.push({ index: i, term: unit.term, base, value: outcome.value, clauseValue: outcome.clauseValue, rules: ['lack', ...outcome.rules], laughter: false });
  }
  return added;
}
