/**
 * `thread-stance merge <shard-dirs...> --out DIR`: combines the outputs of `analyze --shard K/N`
 * runs into what one run over all inputs writes: the thread folders (copied, or moved with
 * `--move`, unless already in DIR), `index.md` and the combined `comments.csv` / `authors.csv`,
 * byte for byte. The failures of the shards are printed again, in input order, and decide the
 * exit code as in a single run; the summary line is the single run's.
 */
import { gatherThreadFolders, planMerge, retireManifests, type MergePlan } from '../batch/merge.js';
import { writeRunReports } from '../batch/run-reports.js';
import { describeError } from '../batch/task.js';
import { ThreadStanceError } from '../errors.js';
import { createOutFolder, finishRun, printError } from './analyze.js';
import type { CliIo } from './io.js';

export interface MergeCommand {
  shardDirs: string[];
  out: string;
  move: boolean;
  quiet: boolean;
  failOnWarnings: boolean;
}

/** Runs `merge`; returns the exit code (0 ok, 1 an input of some shard failed or a write failed, 2 shards that do not make one batch). */
export async function runMerge(command: MergeCommand, io: CliIo): Promise<number> {
  let plan: MergePlan;
  try {
    plan = planMerge(command.shardDirs);
  } catch (error) {
    // Errors about the set of shards name no single file; those about one manifest name it.
    printError(io, error instanceof ThreadStanceError ? error.located : describeError(error, 'merge'));
    return 2;
  }
  const out = createOutFolder(command.out, io);
  if (out === undefined) return 2;
  // The messages of a single run, in its order: arguments that named nothing, then failed inputs.
  for (const p of plan.problems) printError(io, `${p.source}: ${p.message}`);
  for (const f of plan.inputFailures) printError(io, f.message);
  const failed = [...plan.problems, ...plan.inputFailures];
  const entries = plan.threads.map((t) => t.entry);
  return finishRun(io, command, entries, failed, () => {
    gatherThreadFolders(plan, out, command.move);
    writeRunReports(out, entries, failed, plan.settings);
    retireManifests(plan, out, command.move);
  });
}
