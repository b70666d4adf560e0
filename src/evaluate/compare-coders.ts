/**
 * Inter-coder reliability: two label files of the same thread (coder A and coder B, e.g. two people
 * following the codebook without seeing each other's labels) compared field by field, with no
 * analyzer run. Each field present in both files gets accuracy (observed agreement), macro-F1 with
 * A as the reference, Cohen's kappa, the confusion matrix (rows A, columns B) and the comments
 * where the coders differ. Agreement is compared on the comments both coders call replies.
 */
import { ThreadStanceError } from '../errors.js';
import type { EvaluateOptions, LabelField } from './compare.js';
import { AGREEMENT_LABELS, SENTIMENT_LABELS, type GoldRecord } from './gold.js';
import { classificationMetrics, type ClassificationMetrics, type LabelPair } from './metrics.js';

export type CodedField = 'parent' | LabelField;

/** One comment the two coders labelled differently. */
export interface CoderDifference {
  index: number;
  a: string;
  b: string;
}

export interface CoderFieldComparison {
  field: CodedField;
  /** Which comments were compared, in words. */
  scope: string;
  /** Coder A plays the gold role: precision and recall are B's, measured against A. */
  metrics: ClassificationMetrics;
  differences: CoderDifference[];
}

export interface CoderComparison {
  fileA: string;
  fileB: string;
  /** Labelled comments in each file (the same comments in both). */
  records: number;
  fields: CoderFieldComparison[];
}

const ALL_LABELLED = 'labelled by both coders';
const REPLIES = 'replies for both coders: no coder gives parent 0';

/**
 * Pairs the records of A and B by comment number. Both files must label the same comments: a
 * length difference is reported at the first record of the longer file that the other lacks, an
 * index difference at the first record of A that B lacks, each with its file and line.
 */
function pairRecords(a: GoldRecord[], b: GoldRecord[], fileA: string, fileB: string): { a: GoldRecord; b: GoldRecord }[] {
  const byIndexA = new Map(a.map((r) => [r.index, r] as const));
  const byIndexB = new Map(b.map((r) => [r.index, r] as const));
  if (a.length !== b.length) {
    const [longer, longerFile, shorterIndex, shorterFile] = a.length > b.length ? [a, fileA, byIndexB, fileB] : [b, fileB, byIndexA, fileA];
    // Indexes are unique within a file, so the longer file has at least one the shorter lacks.
    const extra = longer.find((r) => !shorterIndex.has(r.index)) as GoldRecord;
    throw new ThreadStanceError(
      'CODERS_LENGTH_MISMATCH',
      `${fileA} labels ${a.length} comments and ${fileB} labels ${b.length}; comment ${extra.index} is labelled here but not in ${shorterFile} (both files must label the same comments of the same thread)`,
      { file: longerFile, line: extra.line },
    );
  }
  return a.map((recordA) => {
    const recordB = byIndexB.get(recordA.index);
    if (recordB === undefined) {
      throw new ThreadStanceError(
        'CODERS_INDEX_MISMATCH',
        `comment ${recordA.index} is labelled here but not in ${fileB} (both files must label the same comments of the same thread)`,
        { file: fileA, line: recordA.line },
      );
    }
    return { a: recordA, b: recordB };
  });
}

function fieldValue(record: GoldRecord, field: CodedField): string | undefined {
  const value = record[field];
  return value === undefined ? undefined : String(value);
}

function compareField(
  pairs: { a: GoldRecord; b: GoldRecord }[],
  field: CodedField,
  order: (values: string[]) => string[],
  scope: string,
): CoderFieldComparison {
  const labelPairs: LabelPair[] = [];
  const differences: CoderDifference[] = [];
  for (const pair of pairs) {
    const a = fieldValue(pair.a, field);
    const b = fieldValue(pair.b, field);
    if (a === undefined || b === undefined) continue;
    labelPairs.push({ gold: a, predicted: b });
    if (a !== b) differences.push({ index: pair.a.index, a, b });
  }
  const values = labelPairs.flatMap((p) => [p.gold, p.predicted]);
  return { field, scope, metrics: classificationMetrics(labelPairs, order(values)), differences };
}

/** Parent values in numeric order (`10` after `9`), article (`0`) first. */
function numericOrder(values: string[]): string[] {
  return [...new Set(values)].sort((x, y) => Number(x) - Number(y));
}

/**
 * Compares two label files of one thread (see the module comment). `fileA` and `fileB` name the
 * files in messages and in the report; `options.stanceLabels` orders the stance rows. A field is
 * compared when both files carry it somewhere, on the comments where both carry it.
 * @throws {ThreadStanceError} `CODERS_LENGTH_MISMATCH` or `CODERS_INDEX_MISMATCH` (with file and
 * line) when the files do not label the same comments.
 */
export function compareCoders(a: GoldRecord[], b: GoldRecord[], fileA: string, fileB: string, options: EvaluateOptions = {}): CoderComparison {
  const pairs = pairRecords(a, b, fileA, fileB);
  const inBoth = (field: CodedField) => a.some((r) => r[field] !== undefined) && b.some((r) => r[field] !== undefined);
  const fixed = (labels: readonly string[]) => () => [...labels];
  // A comment is a reply unless a coder puts it under the article. A coder who gave no parent
  // excludes nothing: files without parents compare agreement on every comment both labelled.
  const replies = pairs.filter((p) => p.a.parent !== 0 && p.b.parent !== 0);
  const fields: CoderFieldComparison[] = [];
  if (inBoth('parent')) fields.push(compareField(pairs, 'parent', numericOrder, ALL_LABELLED));
  if (inBoth('sentiment')) fields.push(compareField(pairs, 'sentiment', fixed(SENTIMENT_LABELS), ALL_LABELLED));
  if (inBoth('stance')) fields.push(compareField(pairs, 'stance', fixed(options.stanceLabels ?? []), ALL_LABELLED));
  if (inBoth('agreement')) fields.push(compareField(replies, 'agreement', fixed(AGREEMENT_LABELS), REPLIES));
  return { fileA, fileB, records: pairs.length, fields };
}
