/**
 * The act a comment opens with governs the words that follow it. Thanks (`Merci, enfin un
 * commentaire qui explique au lieu de hurler au complot.`): the negative words name what the
 * thanked person spared the writer, not a complaint. Regret (`Dommage pour les touristes, c'était
 * bien pratique.`): the positive words name what is lost, not praise. Those words weigh less.
 */
import { scaleHit, type Hit } from './irony.js';
import type { FrenchRules } from './rules-data.js';
import { firstWordUnit, type ScoringUnit } from './units.js';

/**
 * When the first word of the text is thanks not followed by `de` (`Merci de faire leur com'
 * gratuitement` is sarcastic), multiplies each negative word hit by `openingAct.factor` (rule
 * `thanks`); when it is regret (`dommage`, `hélas`), each positive word hit (rule `regret`).
 * Hits made by the sarcasm rule and hits after a contrast (`Merci, mais c'est honteux` objects)
 * keep their value. Returns the change of the text's score.
 */
export function dampUnderOpeningAct(hits: Hit[], units: readonly ScoringUnit[], rules: FrenchRules): number {
  const { thanks, regret, sarcasticNext, factor } = rules.openingAct;
  const first = firstWordUnit(units);
  if (first >= units.length) return 0;
  const opener = units[first].plain;
  let sign = 0;
  if (thanks.has(opener)) {
    const next = units[first + 1];
    if (next !== undefined && next.word && sarcasticNext.has(next.plain)) return 0;
    sign = -1;
  } else if (regret.has(opener)) sign = 1;
  if (sign === 0) return 0;
  const rule = sign < 0 ? 'thanks' : 'regret';
  let change = 0;
  for (const hit of hits) {
    if (hit.index === first || hit.laughter || Math.sign(hit.value) !== sign || !units[hit.index].word) continue;
    if (hit.rules.includes('sarcasm') || hit.rules.includes('contrast')) continue;
    change += scaleHit(hit, factor, rule);
  }
  return change;
}
