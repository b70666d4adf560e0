// Sentiment on a labelled file of short texts (a public tweet benchmark), thread-stance against the
// two baselines of the quality tables (run after `npm run build`):
//   node dist/tools/tweet-benchmark.js FILE.tsv [FILE.tsv ...]
// Each line of a file is `label<TAB>text`, label `negative`, `neutral` or `positive` (a first line
// `label<TAB>text` is a header). The texts are not bundled (see the README, "Measured quality",
// for where the French XLM-T tweets come from); this prints one Markdown table per file.
import fs from 'node:fs';
import path from 'node:path';
import { englishBaselineScore, plainFrenchBaselineScore } from '../evaluate/baselines.js';
import { classificationMetrics, type ClassificationMetrics } from '../evaluate/metrics.js';
import { NEUTRAL_SCORE, scoreSentiment } from '../sentiment/index.js';

const LABELS = ['positive', 'negative', 'neutral'];

interface LabelledText {
  gold: string;
  text: string;
}

/** The labelled texts of a file; a line that is not `label<TAB>text` with a known label is an error naming the file and line. */
function readLabelled(file: string): LabelledText[] {
  const items: LabelledText[] = [];
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
  lines.forEach((line, i) => {
    if (line === '' || (i === 0 && line === 'label\ttext')) return;
    const tab = line.indexOf('\t');
    const gold = tab < 0 ? '' : line.slice(0, tab);
    if (!LABELS.includes(gold)) throw new Error(`${file}:${i + 1}: expected "negative|neutral|positive<TAB>text", got ${JSON.stringify(line.slice(0, 60))}`);
    items.push({ gold, text: line.slice(tab + 1) });
  });
  return items;
}

function metricsOf(items: readonly LabelledText[], label: (text: string) => string): ClassificationMetrics {
  return classificationMetrics(items.map((item) => ({ gold: item.gold, predicted: label(item.text) })), LABELS);
}

/**
 * A score read as a label: its sign, or its sign outside a dead zone of `deadZone` (thread-stance's
 * own labels also call a long text with one mild word neutral, see `sentimentLabel`).
 */
function signLabel(score: number, deadZone: number): string {
  if (score === 0 || Math.abs(score) < deadZone) return 'neutral';
  return score > 0 ? 'positive' : 'negative';
}

function table(file: string, items: readonly LabelledText[]): string {
  const counts = LABELS.map((l) => `${items.filter((i) => i.gold === l).length} ${l}`).join(', ');
  // The baselines are labelled by the sign of their score (the quality tables' reading); each
  // labeller is also shown with the other rule, so the lexicons and rules compare on equal terms.
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
    `### ${path.basename(file)}: ${items.length} texts (${counts})`,
    '',
    '| labeller | accuracy | macro-F1 | F1 positive | F1 negative | F1 neutral |',
    '|---|---:|---:|---:|---:|---:|',
    ...rows.map(([name, m]) => `| ${name} | ${m.accuracy.toFixed(3)} | ${m.macroF1.toFixed(3)} | ${LABELS.map((l) => f1(m, l)).join(' | ')} |`),
    '',
    'thread-stance\'s labels, confusion (rows: gold, columns: predicted):',
    '',
    `| gold \\ predicted | ${ours.labels.join(' | ')} |`,
    `|---|${ours.labels.map(() => '---:').join('|')}|`,
    ...ours.labels.map((label, g) => `| ${label} | ${ours.confusion[g].join(' | ')} |`),
    '',
  ].join('\n');
}

const files = process.argv.slice(2);
if (files.length === 0) {
  process.stderr.write('usage: node dist/tools/tweet-benchmark.js FILE.tsv [FILE.tsv ...]\n');
  process.exitCode = 2;
}
for (const file of files) {
  try {
    process.stdout.write(`${table(file, readLabelled(file))}\n`);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}
