/**
 * `thread-stance compare A.jsonl B.jsonl`: two label files of the same thread (two coders), compared
 * field by field with no analyzer run (see `src/evaluate/compare-coders.ts`), printed as text
 * tables or, with `--json`, as JSON.
 */
import fs from 'node:fs';
import { compareCoders } from '../evaluate/compare-coders.js';
import { formatCoderComparison } from '../evaluate/format.js';
import { parseGold } from '../evaluate/gold.js';
import { describeError, loadSchemaOrReport, printError } from './analyze.js';
import type { CliIo } from './io.js';

export interface CompareCommand {
  fileA: string;
  fileB: string;
  schemaFile?: string;
  json: boolean;
}

/** Runs `compare`; returns the exit code (0 ok, 1 a label file is unusable or they do not match, 2 usage). */
export function runCompare(command: CompareCommand, io: CliIo): number {
  const schema = loadSchemaOrReport(command.schemaFile, io);
  if (typeof schema === 'number') return schema;
  const stanceLabels = schema.labels.map((l) => l.id);
  let file = command.fileA;
  try {
    const a = parseGold(fs.readFileSync(command.fileA, 'utf8'), command.fileA, { stanceLabels });
    file = command.fileB;
    const b = parseGold(fs.readFileSync(command.fileB, 'utf8'), command.fileB, { stanceLabels });
    const comparison = compareCoders(a, b, command.fileA, command.fileB, { stanceLabels });
    io.stdout(command.json ? `${JSON.stringify(comparison, null, 2)}\n` : formatCoderComparison(comparison));
    return 0;
  } catch (error) {
    printError(io, describeError(error, file));
    return 1;
  }
}
