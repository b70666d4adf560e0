/**
 * The sentiment stage of one large input on a second core, and the part of the stance stage that
 * reads a comment's own words alone. When a run has a single input (so the pool of `pool.ts` has
 * nothing to spread) and the machine has a spare core, the thread that parses the input, builds
 * its reply tree, runs the rest of the stance stage and writes the reports sends each batch of
 * comments' own words to this worker and goes on with the next batch while the worker scores it:
 * the two halves of the work overlap (see `ThreadReportWriter`).
 *
 * What crosses the thread boundary: to the worker, the batch's texts and the file of the stance
 * schema (a compiled schema does not cross threads: the worker loads the same file once); back,
 * the texts' sentiments and polarities (`src/sentiment/packed.ts`) and their own stance readings
 * (`OwnReading`: own stance, whether it asks, echo-word hashes; `src/stance/packed-reading.ts`),
 * as typed arrays and a list of distinct strings. The agreement of a reply with its parent, and
 * the stance that follows from it, are decided on the calling thread (`StanceWalk.decide`), which
 * alone knows every parent. The readings are asked for only for the share of batches that keeps
 * the worker from becoming the slower thread (`reading-share.ts`); the calling thread reads the
 * others itself.
 *
 * The results are the same to the last byte as those of a one-thread run: the worker runs the same
 * scoring and reading code on the same texts (`scoreTexts`, `OwnReader`), and batches come back in
 * the order they were sent.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { TransferredScores } from '../sentiment/packed.js';
import type { PackedOwnReadings } from '../stance/packed-reading.js';
import type { WorkerLauncher } from './pool.js';

/** A batch of texts to score (main thread → worker). */
export interface SentimentRequest {
  id: number;
  texts: string[];
  /** The file of the stance schema whose own readings of the texts are wanted; without it, none are. */
  stanceSchema?: string;
}

/** The answer to a {@link SentimentRequest} (worker → main thread). */
export type SentimentReply =
  | { id: number; scores: TransferredScores; readings?: PackedOwnReadings; seconds: number; error?: undefined }
  | { id: number; error: string; seconds: number };

/**
 * A scored batch, ready for the stance stage. Its sentiments and polarities stay packed until the
 * stance stage takes the batch (`unpackSentiments`, `unpackPolarities`, see `ThreadReportWriter`):
 * a batch waits behind up to 31 others, and objects made on arrival outlived the young generation
 * and were promoted to the old one (on the 10k-comment synthetic page, 8.6 MB of sentiment results
 * and 3.9 MB of polarity views, of 50 MB promoted).
 */
export interface ScoredBatch {
  packed: TransferredScores;
  /** The texts' own stance readings, when they were asked for (unpacked by the stance stage too). */
  readings?: PackedOwnReadings;
}

/** The compiled sentiment worker beside this module, or undefined when running from the TypeScript sources. */
export function defaultSentimentLauncher(): WorkerLauncher | undefined {
  if (!import.meta.url.endsWith('.js')) return undefined;
  const script = new URL('./sentiment-thread.js', import.meta.url);
  return fs.existsSync(fileURLToPath(script)) ? { script } : undefined;
}

/**
 * A worker thread scoring batches of texts, answered in order. If the worker dies (a crash, out
 * of memory), every batch it still owed and every later one is rejected with the reason, so the
 * input being analyzed fails with a message instead of waiting forever.
 */
export class SentimentWorker {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: (batch: ScoredBatch) => void; reject: (error: Error) => void }>();
  private nextId = 0;
  private stopped: string | undefined;
  /** Seconds the worker spent scoring and reading, summed over the batches answered (the benchmark reports it). */
  busySeconds = 0;

  constructor(launcher: WorkerLauncher) {
    this.worker = new Worker(launcher.script, { execArgv: launcher.execArgv });
    this.worker.on('message', (reply: SentimentReply) => this.answered(reply));
    this.worker.on('error', (error) => this.stop(error.message));
    this.worker.on('exit', (code) => this.stop(`exit code ${code}`));
    // An idle worker must not keep the process alive; `score` holds it while batches are owed.
    this.worker.unref();
  }

  /** False once the worker stopped (died or closed): a new one must be started. */
  get running(): boolean {
    return this.stopped === undefined;
  }

  /**
   * Scores `texts` (comments' own words) on the worker; resolves with their sentiments and
   * polarities, and with their own stance readings under the schema loaded from `stanceSchema`
   * when it is given.
   */
  score(texts: string[], stanceSchema?: string): Promise<ScoredBatch> {
    if (this.stopped !== undefined) return Promise.reject(new Error(`the sentiment worker stopped (${this.stopped})`));
    const id = this.nextId++;
    const request: SentimentRequest = stanceSchema === undefined ? { id, texts } : { id, texts, stanceSchema };
    if (this.waiting.size === 0) this.worker.ref();
    return new Promise<ScoredBatch>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage(request);
    });
  }

  /** Stops the worker (batches still owed are rejected). */
  async close(): Promise<void> {
    this.stop('closed');
    await this.worker.terminate();
  }

  private answered(reply: SentimentReply): void {
    const waiter = this.waiting.get(reply.id);
    if (waiter === undefined) return;
    this.waiting.delete(reply.id);
    if (this.waiting.size === 0) this.worker.unref();
    this.busySeconds += reply.seconds;
    if (reply.error !== undefined) waiter.reject(new Error(`sentiment stage failed: ${reply.error}`));
    else waiter.resolve({ packed: reply.scores, readings: reply.readings });
  }

  private stop(reason: string): void {
    if (this.stopped !== undefined) return;
    this.stopped = reason;
    const error = new Error(`the sentiment worker stopped (${reason})`);
    for (const waiter of this.waiting.values()) waiter.reject(error);
    this.waiting.clear();
  }
}
