/**
 * `--shard K/N`: the K-th of N deterministic slices of a run's inputs, so a large archive can be
 * spread over a CI matrix or any batch scheduler and put back together with `thread-stance merge`.
 *
 * The slices are taken by position: input number `p` (0-based, in the run's input order: the
 * command-line order, folder contents and glob matches sorted by path in byte order) goes to shard
 * `p mod N + 1`. That order is the same on every machine given the same arguments and the same
 * files (relative paths, no locale, no file-system order), and round-robin keeps the shards within
 * one input of each other in count, which a hash of the path would not for small batches.
 * Adding a file may move later files to other shards; that is harmless because every matrix job
 * re-expands the same list.
 *
 * Report folder names are allocated over the FULL list before slicing, so a thread gets the same
 * folder whichever shard analyzes it, and folders of different shards never collide.
 */
import { createHash } from 'node:crypto';
import { ThreadStanceError } from '../errors.js';

/** Shard `index` (1-based) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** Parses `K/N` (1 ≤ K ≤ N); throws `USAGE_SHARD` with what was expected otherwise. */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || !Number.isSafeInteger(count) || count < 1 || index < 1 || index > count) {
    throw new ThreadStanceError('USAGE_SHARD', `--shard: expected K/N with 1 <= K <= N (e.g. 2/4), found "${text}"`);
  }
  return { index, count };
}

/** Whether the input at `position` (0-based) belongs to `shard`. */
export function inShard(position: number, shard: Shard): boolean {
  return position % shard.count === shard.index - 1;
}

/**
 * A fingerprint of a run's full input list (sources, their folder names, and the arguments that
 * named nothing), so `merge` can refuse shards that were run on different inputs.
 */
export function inputsDigest(sources: readonly string[], slugs: readonly string[], problems: readonly { source: string; message: string }[]): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ sources, slugs, problems }));
  return `sha256:${hash.digest('hex')}`;
}
