/**
 * The evaluation report as plain text for a terminal: aligned tables, three decimals, the
 * confusion matrix with gold labels as rows and the analyzer's labels as columns.
 */
import type { EvaluationReport, FieldEvaluation, Mismatch, ParentEvaluation } from './compare.js';

/** Mismatches listed at most per field; the `--json` output has them all. */
const MAX_MISMATCHES_SHOWN = 30;

function fixed3(value: number): string {
  return value.toFixed(3);
}

/** Rows of cells as aligned columns: first column left-aligned, the others right-aligned. */
export function alignedTable(rows: string[][], indent = '  '): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, Array.from(cell).length)));
  return rows.map(
    (row) =>
      indent +
      row
        .map((cell, i) => {
          const pad = ' '.repeat(widths[i] - Array.from(cell).length);
          return i === 0 ? cell + pad : pad + cell;
        })
        .join('  ')
        .trimEnd(),
  );
}

function mismatchLine(mismatches: Mismatch[], describe: (m: Mismatch) => string): string[] {
  if (mismatches.length === 0) return [];
  const shown = mismatches.slice(0, MAX_MISMATCHES_SHOWN).map(describe).join(', ');
  const more = mismatches.length > MAX_MISMATCHES_SHOWN ? `, and ${mismatches.length - MAX_MISMATCHES_SHOWN} more (see --json)` : '';
  return [`  differs on: ${shown}${more}`];
}

function formatParent(parent: ParentEvaluation): string[] {
  const lines = [`parent: ${parent.compared} comments, accuracy ${fixed3(parent.accuracy)} (${parent.correct}/${parent.compared})`];
  lines.push(
    ...alignedTable([
      ['evidence used', 'comments', 'correct', 'accuracy'],
      ...parent.byEvidence.map((e) => [e.evidence, String(e.comments), String(e.correct), fixed3(e.accuracy)]),
    ]),
  );
  lines.push(...mismatchLine(parent.mismatches, (m) => `#${m.index} gold ${m.gold} got ${m.predicted}`));
  return lines;
}

function formatField(field: FieldEvaluation): string[] {
  const m = field.metrics;
  const lines = [
    `${field.field}: ${m.total} comments (${field.scope}), accuracy ${fixed3(m.accuracy)} (${m.correct}/${m.total}), macro-F1 ${fixed3(m.macroF1)}`,
  ];
  lines.push(
    ...alignedTable([
      ['label', 'precision', 'recall', 'F1', 'gold', 'predicted'],
      ...m.perLabel.map((l) => [l.label, fixed3(l.precision), fixed3(l.recall), fixed3(l.f1), String(l.support), String(l.predicted)]),
    ]),
  );
  lines.push('  confusion matrix (rows: gold, columns: predicted)');
  lines.push(...alignedTable([['gold \\ predicted', ...m.labels], ...m.labels.map((label, g) => [label, ...m.confusion[g].map(String)])]));
  lines.push(...mismatchLine(field.mismatches, (x) => `#${x.index} ${x.gold}→${x.predicted}`));
  return lines;
}

/** The whole report as text, ending with a newline. */
export function formatEvaluation(report: EvaluationReport): string {
  const lines = [`evaluate: ${report.input} (${report.comments} comments) against ${report.goldFile} (${report.goldRecords} labelled comments)`];
  if (report.parent) lines.push('', ...formatParent(report.parent));
  for (const field of report.fields) lines.push('', ...formatField(field));
  return `${lines.join('\n')}\n`;
}
