/**
 * Report-like sentences: a sentence that names its source tells what happened (`Officiellement,
 * l'usine ferme faute de commandes`, `selon The Verge, ...`); its negative-sounding
 * nouns describe the facts rather than the writer's feeling, so they weigh less.
 */
import { scaleHit, type Hit } from './irony.js';
import type { FrenchRules } from './rules-data.js';
import { ROLE } from './roles.js';
import type { ScoringUnit } from './units.js';

/**
 * Damps the negative word hits of report sentences (see `report` in fr-rules.json): each
 * negative word hit of a sentence holding a source cue (`selon`, `officiellement`; not `selon moi`) is multiplied
 * by the factor and gets the rule `report`. Emoji and laughter keep their value. Returns the
 * change of the text's score.
 */
export function dampReports(hits: Hit[], units: readonly ScoringUnit[], rules: FrenchRules): number {
  if (hits.length === 0) return 0;
  const { factor, ownSources } = rules.report;
  let reports: Set<number> | undefined;
  for (let i = 0; i < units.length; i++) {
    const unit = units[i];
    if (!unit.word || (unit.roles & ROLE.reportSource) === 0) continue;
    // `selon moi` is the writer's own opinion, not a source.
    const next = units[i + 1];
    if (next !== undefined && next.sentence === unit.sentence && ownSources.has(next.plain)) continue;
    (reports ??= new Set()).add(unit.sentence);
  }
  if (reports === undefined) return 0;
  let change = 0;
  for (const hit of hits) {
    const unit = units[hit.index];
    if (hit.laughter || hit.value >= 0 || !unit.word || !reports.has(unit.sentence)) continue;
    change += scaleHit(hit, factor, 'report');
  }
  return change;
}
