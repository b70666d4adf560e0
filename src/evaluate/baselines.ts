/**
 * The two baselines the French analyzer must beat, measured on the same labelled texts:
 * - `sentiment` as shipped (English lexicon) on the comment's own words;
 * - the vader-fr lexicon registered as-is with `sentiment` (keys lower-cased, elisions split,
 *   a 3-token negation window), i.e. "a plain French lexicon" without curation or French rules.
 * Labels are the sign of the score (the usual reading of `sentiment`'s score).
 */
import fs from 'node:fs';
import Sentiment from 'sentiment';
import type { SentimentLabel } from '../model.js';
import { dataFile } from '../data/locate.js';
import { classificationMetrics } from './metrics.js';

const NEGATORS = new Set(['ne', "n'", 'pas', 'plus', 'jamais', 'rien', 'aucun', 'aucune', 'sans', 'ni', 'guère']);
const NEGATION_WINDOW = 3;

let engines: { english: Sentiment; french: Sentiment } | undefined;

function baselineEngines(): { english: Sentiment; french: Sentiment } {
  if (engines) return engines;
  const labels: Record<string, number> = {};
  for (const line of fs.readFileSync(dataFile('lexicons', 'vader-fr', 'fr_lexicon.txt'), 'utf8').split('\n')) {
    const at = line.lastIndexOf('->');
    if (at <= 0) continue;
    const key = line.slice(0, at).toLowerCase();
    if (!(key in labels)) labels[key] = Number(line.slice(at + 2));
  }
  const french = new Sentiment();
  french.registerLanguage('fr-baseline', {
    labels,
    scoringStrategy: {
      apply(tokens: string[], cursor: number, tokenScore: number): number {
        for (let i = Math.max(0, cursor - NEGATION_WINDOW); i < cursor; i++) if (NEGATORS.has(tokens[i])) return -tokenScore;
        return tokenScore;
      },
    },
  });
  engines = { english: new Sentiment(), french };
  return engines;
}

function labelOf(score: number): SentimentLabel {
  return score > 0 ? 'positive' : score < 0 ? 'negative' : 'neutral';
}

/** The score of `sentiment`'s English default on a text. */
export function englishBaselineScore(text: string): number {
  return baselineEngines().english.analyze(text).score;
}

/** `sentiment`'s English default on a text. */
export function englishBaseline(text: string): SentimentLabel {
  return labelOf(englishBaselineScore(text));
}

/** The score of vader-fr as-is: elisions split so `l'échec` reaches `échec`. */
export function plainFrenchBaselineScore(text: string): number {
  const prepared = text.toLowerCase().replace(/([a-zàâçéèêëîïôûùüÿœ]+['’])/g, (elided) => `${elided.slice(0, -1)}' `);
  return baselineEngines().french.analyze(prepared, { language: 'fr-baseline' }).score;
}

/** vader-fr as-is, labelled by the sign of its score. */
export function plainFrenchBaseline(text: string): SentimentLabel {
  return labelOf(plainFrenchBaselineScore(text));
}

/** Macro-F1 of a labeller over texts with gold sentiment labels. */
export function baselineMacroF1(items: { text: string; gold: string }[], label: (text: string) => string): number {
  return classificationMetrics(items.map((item) => ({ gold: item.gold, predicted: label(item.text) })), ['positive', 'negative', 'neutral']).macroF1;
}
