/**
 * `thread-stance merge`: puts the outputs of `analyze --shard K/N` runs back together. It checks
 * that the manifests belong to one batch (same inputs, settings and version, each shard once, every
 * input accounted for exactly once), gathers the thread folders into one report folder, and gives
 * the entries and failures in input order so the run-level reports come out as a single run's.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ThreadStanceError } from '../errors.js';
import type { FailedInput, IndexEntry } from '../report/index-markdown.js';
import { MANIFEST_FILE, readManifest, type ShardManifest } from './manifest.js';
import type { RunReportSettings } from './run-reports.js';
import { threadDir } from './task.js';

/** Everything needed to finish a merged run. */
export interface MergePlan {
  settings: RunReportSettings;
  /** Analyzed threads in input order, each with the shard folder it was written to. */
  threads: { entry: IndexEntry; shardDir: string }[];
  /** Arguments that named nothing (printed as `source: message`). */
  problems: FailedInput[];
  /** Inputs that failed, in input order (`message` is the located error as printed). */
  inputFailures: FailedInput[];
  shardDirs: string[];
}

function mismatch(file: string, what: string, expected: unknown, found: unknown): ThreadStanceError {
  return new ThreadStanceError(
    'MERGE_MISMATCH',
    `this shard belongs to another run: its ${what} is ${JSON.stringify(found)}, the first shard's is ${JSON.stringify(expected)}`,
    { file },
  );
}

/** Checks that `other` was produced by the same batch as `first`. */
function checkSameRun(first: ShardManifest, other: ShardManifest, file: string): void {
  const same: [string, unknown, unknown][] = [
    ['thread-stance version', first.version, other.version],
    ['shard count', first.shard.count, other.shard.count],
    ['input count', first.inputCount, other.inputCount],
    ['input list digest', first.inputsDigest, other.inputsDigest],
    ['formats', first.formats, other.formats],
    ['--excel setting', first.excel, other.excel],
    ['--rules-only setting', first.rulesOnly, other.rulesOnly],
    ['stance labels', first.labels, other.labels],
  ];
  for (const [what, expected, found] of same) {
    if (JSON.stringify(expected) !== JSON.stringify(found)) throw mismatch(file, what, expected, found);
  }
}

/**
 * Reads the manifests of `shardDirs` and checks they make one complete batch. Throws
 * `MERGE_NO_MANIFEST`, `MERGE_BAD_MANIFEST`, `MERGE_MISMATCH`, `MERGE_DUPLICATE_SHARD`,
 * `MERGE_MISSING_SHARD` or `MERGE_BAD_MANIFEST` (an input claimed twice or by no shard).
 */
export function planMerge(shardDirs: string[]): MergePlan {
  if (shardDirs.length === 0) throw new ThreadStanceError('MERGE_NO_MANIFEST', 'give the report folders of the shards to merge');
  const manifests = shardDirs.map((dir) => ({ dir, file: path.join(dir, MANIFEST_FILE), manifest: readManifest(path.join(dir, MANIFEST_FILE)) }));
  const first = manifests[0].manifest;
  const byShard = new Map<number, string>();
  for (const { file, manifest } of manifests) {
    checkSameRun(first, manifest, file);
    const earlier = byShard.get(manifest.shard.index);
    if (earlier !== undefined) {
      throw new ThreadStanceError('MERGE_DUPLICATE_SHARD', `shard ${manifest.shard.index}/${manifest.shard.count} is given twice (also ${earlier})`, { file });
    }
    byShard.set(manifest.shard.index, file);
  }
  const missing: string[] = [];
  for (let k = 1; k <= first.shard.count; k++) if (!byShard.has(k)) missing.push(`${k}/${first.shard.count}`);
  if (missing.length > 0) {
    throw new ThreadStanceError('MERGE_MISSING_SHARD', `expected all ${first.shard.count} shards, missing ${missing.join(', ')}: the merged index would leave inputs out`);
  }

  // Every input position is claimed by exactly one shard, as a thread or as a failure.
  const threads: (MergePlan['threads'][number] | undefined)[] = new Array(first.inputCount);
  const failures: (FailedInput | undefined)[] = new Array(first.inputCount);
  const claim = (position: number, file: string): void => {
    if (position >= first.inputCount || threads[position] !== undefined || failures[position] !== undefined) {
      throw new ThreadStanceError('MERGE_BAD_MANIFEST', `input #${position + 1} is claimed twice or lies beyond the ${first.inputCount} inputs`, { file });
    }
  };
  for (const { dir, file, manifest } of manifests) {
    for (const t of manifest.threads) {
      claim(t.position, file);
      threads[t.position] = { entry: t.entry, shardDir: dir };
    }
    for (const f of manifest.failed) {
      claim(f.position, file);
      failures[f.position] = { source: f.source, message: f.message };
    }
  }
  const unclaimed: number[] = [];
  for (let p = 0; p < first.inputCount; p++) if (threads[p] === undefined && failures[p] === undefined) unclaimed.push(p + 1);
  if (unclaimed.length > 0) {
    throw new ThreadStanceError('MERGE_BAD_MANIFEST', `no shard accounts for input${unclaimed.length === 1 ? '' : 's'} #${unclaimed.slice(0, 5).join(', #')}`);
  }
  return {
    settings: { formats: first.formats, excel: first.excel, labels: first.labels },
    threads: threads.filter((t): t is MergePlan['threads'][number] => t !== undefined),
    problems: first.problems,
    inputFailures: failures.filter((f): f is FailedInput => f !== undefined),
    shardDirs,
  };
}

function samePath(a: string, b: string): boolean {
  return path.resolve(a) === path.resolve(b);
}

/**
 * Puts each thread folder of the plan into `out`: copied (or moved with `move`) through a
 * temporary name then renamed, so an interrupted merge never leaves half a folder under its real
 * name. A folder already in `out` (merging into one of the shard folders) stays where it is.
 */
export function gatherThreadFolders(plan: MergePlan, out: string, move: boolean): void {
  for (const { entry, shardDir } of plan.threads) {
    const from = threadDir(path.resolve(shardDir), entry.slug);
    const to = threadDir(out, entry.slug);
    if (samePath(from, to)) continue;
    const temp = path.join(out, `.${entry.slug}.merge-${process.pid}.tmp`);
    fs.rmSync(temp, { recursive: true, force: true });
    let moved = false;
    if (move) {
      try {
        fs.renameSync(from, temp);
        moved = true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error; // another disk: copy
      }
    }
    if (!moved) fs.cpSync(from, temp, { recursive: true });
    fs.rmSync(to, { recursive: true, force: true });
    fs.renameSync(temp, to);
    if (move && !moved) fs.rmSync(from, { recursive: true, force: true });
  }
}

/**
 * Removes the shard manifests that no longer describe their folder: the one in `out` (now a
 * merged run, like a single run, which has none) and, after `move`, those of the emptied shards.
 */
export function retireManifests(plan: MergePlan, out: string, move: boolean): void {
  for (const dir of plan.shardDirs) {
    if (samePath(dir, out) || move) fs.rmSync(path.join(dir, MANIFEST_FILE), { force: true });
  }
}
