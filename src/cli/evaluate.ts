/**
 * `thread-stance evaluate --gold FILE.jsonl <input>`: analyzes one input and compares its labels
 * with a person's (see `src/evaluate/`), printed as text tables or, with `--json`, as JSON.
 */
import fs from 'node:fs';
import type { InputFormat } from '../model.js';
import { analyzeText } from '../pipeline.js';
import { evaluateThread } from '../evaluate/compare.js';
import { formatEvaluation } from '../evaluate/format.js';
import { parseGold } from '../evaluate/gold.js';
import { describeError, loadSchemaOrReport, printError } from './analyze.js';
import { readInput, type CliIo } from './io.js';

export interface EvaluateCommand {
  input: string;
  goldFile: string;
  schemaFile?: string;
  inputFormat: InputFormat | 'auto';
  json: boolean;
}

/** Runs `evaluate`; returns the exit code (0 ok, 1 the input or the gold file is unusable, 2 usage). */
export async function runEvaluate(command: EvaluateCommand, io: CliIo): Promise<number> {
  const schema = loadSchemaOrReport(command.schemaFile, io);
  if (typeof schema === 'number') return schema;
  const stanceLabels = schema.labels.map((l) => l.id);
  let gold;
  try {
    gold = parseGold(fs.readFileSync(command.goldFile, 'utf8'), command.goldFile, { stanceLabels });
  } catch (error) {
    printError(io, describeError(error, command.goldFile));
    return 1;
  }
  const source = command.input === '-' ? 'stdin' : command.input;
  try {
    const input = command.input === '-' ? ({ kind: 'stdin' } as const) : ({ kind: 'file', path: command.input } as const);
    const { text } = await readInput(input, io);
    const thread = analyzeText(text, source, { format: command.inputFormat, schema });
    const report = evaluateThread(thread, gold, command.goldFile, { stanceLabels });
    io.stdout(command.json ? `${JSON.stringify(report, null, 2)}\n` : formatEvaluation(report));
    return 0;
  } catch (error) {
    printError(io, describeError(error, source));
    return 1;
  }
}
