/**
 * Sentiment on a labelled file of short texts (a public tweet benchmark): thread-stance against the
 * two baselines of the quality tables, each read by the sign of its score and with the neutral
 * dead zone, so that lexicons and rules compare on equal terms. Used by `tools/tweet-benchmark`.
 */
import { englishBaselineScore, plainFrenchBaselineScore } from './baselines.js';
import { classificationMetrics, type ClassificationMetrics } from './metrics.js';
import { NEUTRAL_SCORE, scoreSentiment } from '../sentiment/index.js';

const LABELS = ['positive', 'negative', 'neutral'];

/** One labelled text. */
export interface LabelledText {
  gold: string;
  text: string;
}

/**
 * The labelled texts of a file's content: one `label<TAB>text` line each, label `negative`,
 * `neutral` or `positive`; a first line `label<TAB>text` is a header, empty lines are skipped. A
 * line of any other shape is an error naming `file` and the line number.
 */
export function parseLabelledTexts(content: string, file: string): LabelledText[] {
  const items: LabelledText[] = [];
  content.split(/\r?\n/).forEach((line, i) => {
    if (line === '' || (i === 0 && line === 'label\ttext')) return;
    const tab = line.indexOf('\t');
    const gold = tab < 0 ? '' : line.slice(0, tab);
    if (!LABELS.includes(gold)) throw new Error(`${file}:${i + 1}: expected "negative|neutral|positive<TAB>text", got ${JSON.stringify(line.slice(0, 60))}`);
    items.push({ gold, text: line.slice(tab + 1) });
  });
  return items;
}

/**
 * A score read as a label: its sign, or its sign outside a dead zone of `deadZone` (thread-stance's
 * own labels also call a long text with one mild word neutral, see `sentimentLabel`).
 */
export function signLabel(score: number, deadZone: number): string {
  if (score === 0 || Math.abs(score) < deadZone) return 'neutral';
  return score > 0 ? 'positive' : 'negative';
}

function metricsOf(items: readonly LabelledText[], label: (text: string) => string): ClassificationMetrics {
  return classificationMetrics(items.map((item) => ({ gold: item.gold, predicted: label(item.text) })), LABELS);
}

/** The Markdown table of the six labellers on `items`, and thread-stance's confusion matrix. */
export function labelledTextsTable(name: string, items: readonly LabelledText[]): string {
  const counts = LABELS.map((l) => `${items.filter((i) => i.gold === l).length} ${l}`).join(', ');
  const rows: [string, ClassificationMetrics][] = [
    ['`sentiment`, English default (sign of score)', metricsOf(items, (t) => signLabel(englishBaselineScore(t), 0))],
    [`\`sentiment\`, English default (neutral below ${NEUTRAL_SCORE})`, metricsOf(items, (t) => signLabel(englishBaselineScore(t), NEUTRAL_SCORE))],
    ['vader-fr registered as-is (sign of score)', metricsOf(items, (t) => signLabel(plainFrenchBaselineScore(t), 0))],
    [`vader-fr registered as-is (neutral below ${NEUTRAL_SCORE})`, metricsOf(items, (t) => signLabel(plainFrenchBaselineScore(t), NEUTRAL_SCORE))],
    ['thread-stance, sign of its score', metricsOf(items, (t) => signLabel(scoreSentiment(t).score, 0))],
    ['**thread-stance, its labels**', metricsOf(items, (t) => scoreSentiment(t).label)],
  ];
  const ours = rows[rows.length - 1][1];
  const f1 = (m: ClassificationMetrics, label: string) => (m.perLabel.find((p) => p.label === label)?.f1 ?? 0).toFixed(3);
  return [
    `### ${name}: ${items.length} texts (${counts})`,
    '',
    '| labeller | accuracy | macro-F1 | F1 positive | F1 negative | F1 neutral |',
    '|---|---:|---:|---:|---:|---:|',
    ...rows.map(([label, m]) => `| ${label} | ${m.accuracy.toFixed(3)} | ${m.macroF1.toFixed(3)} | ${LABELS.map((l) => f1(m, l)).join(' | ')} |`),
    '',
    "thread-stance's labels, confusion (rows: gold, columns: predicted):",
    '',
    `| gold \\ predicted | ${ours.labels.join(' | ')} |`,
    `|---|${ours.labels.map(() => '---:').join('|')}|`,
    ...ours.labels.map((label, g) => `| ${label} | ${ours.confusion[g].join(' | ')} |`),
    '',
  ].join('\n');
}
