/**
 * Which batches the sentiment worker also reads the own stance of (see `sentiment-worker.ts`),
 * so that neither thread waits long for the other. Reading a batch's texts on the worker saves
 * the calling thread less than it costs the worker (the calling thread still tokenizes the
 * replies again for their agreement, and the readings are packed and unpacked; 100,000-comment
 * synthetic page: about 1.7 s saved there for 2.6 s on the worker), and the worker's scoring is
 * already a large share of a run: given every batch, the worker became the slower thread by
 * about 2 s at 100,000 comments. So the share adapts: while the calling thread finds each batch
 * scored when it needs it, the worker is keeping up and is given more batches to read; when the
 * calling thread has to wait for a batch, fewer. The reports are the same bytes whichever thread
 * read a comment (the same reading code runs on both).
 */

/** A wait for a batch shorter than this is the reply's message being delivered, not the worker being behind. */
const BEHIND_SECONDS = 0.0005;

/** How much one batch found ready (or waited for) moves the share: about 32 batches from none to all. */
const STEP = 1 / 32;

/** The share of batches the worker reads, adjusted by the calling thread's waits (see the module comment). */
export class ReadingShare {
  /** Of the batches sent, the fraction the worker reads, from 0 to 1. */
  private share = 1;
  /** Batches owed to the worker at the current share (a batch is given when it reaches 1). */
  private credit = 0;

  /** Whether the worker reads the own stance of the next batch sent. */
  next(): boolean {
    this.credit += this.share;
    if (this.credit < 1) return false;
    this.credit -= 1;
    return true;
  }

  /** The calling thread waited `seconds` for the oldest batch the worker owed. */
  waited(seconds: number): void {
    this.share = seconds > BEHIND_SECONDS ? Math.max(0, this.share - STEP) : Math.min(1, this.share + STEP);
  }

  /** The current share (for tests and measurements). */
  get fraction(): number {
    return this.share;
  }
}
