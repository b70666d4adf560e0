/**
 * Which batches the sentiment worker also reads the own stance of (see `sentiment-worker.ts`),
 * so that the two threads are busy for about as long as each other. Reading a batch's texts on
 * the worker saves the calling thread less than it costs the worker (the calling thread still
 * tokenizes the replies again for their agreement, and the readings are packed and unpacked;
 * 100,000-comment synthetic page: about 1.2 s saved there for 2.8 s on the worker), and the
 * worker's scoring is already a large share of a run: given every batch, the worker became the
 * slower thread. So the share follows the threads' busy time: a batch is read on the worker while
 * the worker has been busy for less time than the calling thread, on the calling thread
 * otherwise. Busy time, not waits: the calling thread reads the file synchronously, so a batch's
 * answer is only delivered when it waits, and waits measured delivery as much as a worker behind
 * (a first version that moved the share by the waits settled where the calling thread waited on
 * half of the batches: 2.8 s of waiting at 100,000 comments). The reports are the same bytes
 * whichever thread read a comment (the same reading code runs on both).
 */
import { performance } from 'node:perf_hooks';

/** What the share reads of the worker: its busy seconds so far, summed over the batches it answered. */
export interface BusyWorker {
  readonly busySeconds: number;
}

/** Chooses, batch by batch, which thread reads the own stance (see the module comment). */
export class ReadingShare {
  private readonly started: number;
  private readonly workerAtStart: number;
  /** Seconds the calling thread waited for the worker since the start (not busy time). */
  private waitedSeconds = 0;

  /** @param now the clock in milliseconds (tests pass their own) */
  constructor(private readonly worker: BusyWorker, private readonly now: () => number = () => performance.now()) {
    this.started = now();
    this.workerAtStart = worker.busySeconds;
  }

  /**
   * Whether the worker reads the own stance of the next batch sent: while it has been busy for
   * less time than the calling thread since the start. The worker's time counts the batches it has
   * answered, not those still queued: a lag of at most the queue (32 batches, a few hundredths of a
   * second), not a drift, since both totals keep counting.
   */
  next(): boolean {
    const callerBusy = (this.now() - this.started) / 1000 - this.waitedSeconds;
    return this.worker.busySeconds - this.workerAtStart < callerBusy;
  }

  /** The calling thread waited `seconds` for a batch of the worker (idle, not busy). */
  waited(seconds: number): void {
    this.waitedSeconds += seconds;
  }
}
