/**
 * The evaluation report (and the two-coder comparison) as plain text for a terminal: aligned
 * tables, three decimals, the confusion matrix with the reference labels (gold, or coder A) as
 * rows and the other labels (the analyzer's, or coder B's) as columns.
 */
import type { CoderComparison, CoderDifference, CoderFieldComparison } from './compare-coders.js';
import type { EvaluationReport, FieldEvaluation, ParentEvaluation } from './compare.js';
import type { ClassificationMetrics } from './metrics.js';
import type { PooledEvaluation, PooledField, PooledParent } from './pool.js';

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

function mismatchLine<T>(mismatches: T[], describe: (m: T) => string): string[] {
  if (mismatches.length === 0) return [];
  const shown = mismatches.slice(0, MAX_MISMATCHES_SHOWN).map(describe).join(', ');
  const more = mismatches.length > MAX_MISMATCHES_SHOWN ? `, and ${mismatches.length - MAX_MISMATCHES_SHOWN} more (see --json)` : '';
  return [`  differs on: ${shown}${more}`];
}

function formatParent(parent: ParentEvaluation | PooledParent, threads = ''): string[] {
  const lines = [`parent: ${parent.compared} comments${threads}, accuracy ${fixed3(parent.accuracy)} (${parent.correct}/${parent.compared})`];
  lines.push(
    ...alignedTable([
      ['evidence used', 'comments', 'correct', 'accuracy'],
      ...parent.byEvidence.map((e) => [e.evidence, String(e.comments), String(e.correct), fixed3(e.accuracy)]),
    ]),
  );
  if ('mismatches' in parent) lines.push(...mismatchLine(parent.mismatches, (m) => `#${m.index} gold ${m.gold} got ${m.predicted}`));
  return lines;
}

/** Who plays which part in a table: the reference labels (rows) and the compared ones (columns). */
interface Roles {
  rows: string;
  columns: string;
}

/**
 * Header line, per-label table and confusion matrix of one label field. `afterMacroF1` is put
 * right after the macro-F1 figure in the header (the pooled section's per-thread mean).
 */
function metricsLines(name: string, scope: string, m: ClassificationMetrics, roles: Roles, afterMacroF1 = ''): string[] {
  const lines = [
    `${name}: ${m.total} comments (${scope}), accuracy ${fixed3(m.accuracy)} (${m.correct}/${m.total}), macro-F1 ${fixed3(m.macroF1)}${afterMacroF1}, kappa ${fixed3(m.kappa)}`,
  ];
  lines.push(
    ...alignedTable([
      ['label', 'precision', 'recall', 'F1', roles.rows, roles.columns],
      ...m.perLabel.map((l) => [l.label, fixed3(l.precision), fixed3(l.recall), fixed3(l.f1), String(l.support), String(l.predicted)]),
    ]),
  );
  lines.push(`  confusion matrix (rows: ${roles.rows}, columns: ${roles.columns})`);
  lines.push(...alignedTable([[`${roles.rows} \\ ${roles.columns}`, ...m.labels], ...m.labels.map((label, g) => [label, ...m.confusion[g].map(String)])]));
  return lines;
}

function formatField(field: FieldEvaluation): string[] {
  return [
    ...metricsLines(field.field, field.scope, field.metrics, { rows: 'gold', columns: 'predicted' }),
    ...mismatchLine(field.mismatches, (x) => `#${x.index} ${x.gold}→${x.predicted}`),
  ];
}

/** The whole report as text, ending with a newline. */
export function formatEvaluation(report: EvaluationReport): string {
  const lines = [`evaluate: ${report.input} (${report.comments} comments) against ${report.goldFile} (${report.goldRecords} labelled comments)`];
  if (report.parent) lines.push('', ...formatParent(report.parent));
  for (const field of report.fields) lines.push('', ...formatField(field));
  return `${lines.join('\n')}\n`;
}

/**
 * One field of a two-coder comparison. Parents get no per-label table or confusion matrix (one
 * "label" per parent comment would make a table as wide as the thread); `--json` has them.
 */
function formatCoderField(field: CoderFieldComparison): string[] {
  const m = field.metrics;
  const lines =
    field.field === 'parent'
      ? [`parent: ${m.total} comments (${field.scope}), accuracy ${fixed3(m.accuracy)} (${m.correct}/${m.total}), kappa ${fixed3(m.kappa)}`]
      : metricsLines(field.field, field.scope, m, { rows: 'A', columns: 'B' });
  const describe = (d: CoderDifference) => (field.field === 'parent' ? `#${d.index} A ${d.a} B ${d.b}` : `#${d.index} ${d.a}→${d.b}`);
  return [...lines, ...mismatchLine(field.differences, describe)];
}

/** The two-coder comparison as text, ending with a newline. */
export function formatCoderComparison(comparison: CoderComparison): string {
  const lines = [`compare: A = ${comparison.fileA}, B = ${comparison.fileB} (${comparison.records} labelled comments in each)`];
  for (const field of comparison.fields) lines.push('', ...formatCoderField(field));
  return `${lines.join('\n')}\n`;
}

/** An input of a several-thread evaluation that could not be evaluated, and why. */
export interface SkippedInput {
  input: string;
  error: string;
}

function threadCount(n: number): string {
  return n === 1 ? '1 thread' : `${n} threads`;
}

function formatPooledField(field: PooledField): string[] {
  const mean = ` pooled, ${fixed3(field.meanMacroF1)} mean`;
  const scope = `${field.scope}; ${threadCount(field.threads)}`;
  return metricsLines(field.field, scope, field.metrics, { rows: 'gold', columns: 'predicted' }, mean);
}

/**
 * The pooled section of a several-thread evaluation, ending with a newline: which threads were
 * pooled and which skipped, what pooled and mean mean, then parent and each field as in a thread's
 * report (no mismatch lists: those are in the threads' reports above it).
 */
export function formatPooledEvaluation(pooled: PooledEvaluation | undefined, skipped: SkippedInput[]): string {
  const evaluated = pooled?.threads ?? 0;
  const lines = [
    pooled
      ? `pooled: ${threadCount(pooled.threads)} (${pooled.comments} comments, ${pooled.goldRecords} labelled comments)`
      : 'pooled: no thread could be evaluated',
  ];
  if (skipped.length > 0) {
    lines.push(`skipped ${skipped.length} of ${threadCount(evaluated + skipped.length)} (errors above, not in the pooled figures): ${skipped.map((s) => s.input).join(', ')}`);
  }
  if (pooled) {
    lines.push('pooled = confusion matrices summed, every comment weighs the same; mean = mean of the per-thread macro-F1, every thread weighs the same');
    if (pooled.parent) lines.push('', ...formatParent(pooled.parent, ` in ${threadCount(pooled.parent.threads)}`));
    for (const field of pooled.fields) lines.push('', ...formatPooledField(field));
  }
  return `${lines.join('\n')}\n`;
}
