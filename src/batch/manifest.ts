/**
 * `shard.json`: what a `--shard K/N` run leaves beside its thread folders so `thread-stance merge`
 * can rebuild the run-level reports of the whole batch without analyzing anything again.
 *
 * ```json
 * {
 *   "manifest": "thread-stance shard", "version": "0.1.0",
 *   "shard": { "index": 1, "count": 3 },
 *   "inputCount": 5, "inputsDigest": "sha256:…",
 *   "formats": ["csv", "md", "json"], "excel": false, "rulesOnly": false, "labels": ["pro-microsoft", …],
 *   "problems": [{ "source": "missing.txt", "message": "no such file or folder" }],
 *   "threads": [{ "position": 0, "entry": { "slug": "…", "source": "…", … } }],
 *   "failed": [{ "position": 3, "source": "bad.jsonl", "message": "bad.jsonl:2: …" }]
 * }
 * ```
 * `position` is the input's place in the full input list (all shards); `entry` is the thread's
 * line of `index.md` ({@link IndexEntry}); `problems` are the arguments that named no input (the
 * same in every shard); `inputsDigest` fingerprints the full input list so shards of different
 * runs are not mixed.
 */
import fs from 'node:fs';
import { z } from 'zod';
import { ThreadStanceError } from '../errors.js';
import type { FailedInput, IndexEntry } from '../report/index-markdown.js';
import type { Shard } from './shard.js';
import { REPORT_FORMATS, type ReportFormat } from './task.js';

export const MANIFEST_FILE = 'shard.json';
const MANIFEST_KIND = 'thread-stance shard';

/** One shard's manifest (see the module comment). */
export interface ShardManifest {
  manifest: typeof MANIFEST_KIND;
  version: string;
  shard: Shard;
  inputCount: number;
  inputsDigest: string;
  formats: ReportFormat[];
  excel: boolean;
  rulesOnly: boolean;
  labels: string[];
  problems: FailedInput[];
  threads: { position: number; entry: IndexEntry }[];
  failed: (FailedInput & { position: number })[];
}

const count = z.number().int().nonnegative();
const failedInput = z.object({ source: z.string(), message: z.string() });
const indexEntrySchema = z.looseObject({
  slug: z.string().min(1), source: z.string(), format: z.string(), title: z.string(),
  comments: count, authors: count, replies: count, warnings: count,
  stanceCounts: z.record(z.string(), z.number()), sentimentCounts: z.record(z.string(), z.number()),
  articleStance: z.string().optional(), hasSummary: z.boolean(),
});
const manifestSchema = z.object({
  manifest: z.literal(MANIFEST_KIND),
  version: z.string(),
  shard: z.object({ index: z.number().int().positive(), count: z.number().int().positive() }),
  inputCount: count,
  inputsDigest: z.string(),
  formats: z.array(z.enum(REPORT_FORMATS as [ReportFormat, ...ReportFormat[]])),
  excel: z.boolean(),
  // Absent from the manifests of versions before the flag: those runs used the learned models.
  rulesOnly: z.boolean().default(false),
  labels: z.array(z.string()),
  problems: z.array(failedInput),
  threads: z.array(z.object({ position: count, entry: indexEntrySchema })),
  failed: z.array(failedInput.extend({ position: count })),
});

/** The manifest as written: 2-space JSON, one thread per line group, trailing newline. */
export function manifestJson(manifest: ShardManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/**
 * Reads and checks the manifest at `file`. Throws `MERGE_NO_MANIFEST` when it cannot be read and
 * `MERGE_BAD_MANIFEST` (naming the field) when it is not a shard manifest.
 */
export function readManifest(file: string): ShardManifest {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new ThreadStanceError('MERGE_NO_MANIFEST', `expected a shard manifest written by "analyze --shard K/N", found none (${(error as Error).message})`, { file });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ThreadStanceError('MERGE_BAD_MANIFEST', `expected JSON: ${(error as Error).message}`, { file });
  }
  const result = manifestSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ThreadStanceError('MERGE_BAD_MANIFEST', `not a thread-stance shard manifest: ${issue.path.join('.') || '(top)'}: ${issue.message}`, { file });
  }
  return result.data as ShardManifest;
}
