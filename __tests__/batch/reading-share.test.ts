/**
 * Which batches the sentiment worker reads the own stance of (`reading-share.ts`): a batch goes to
 * the worker while the worker has been busy for less time than the calling thread, whose waits for
 * the worker are not busy time.
 */
import { ReadingShare } from '../../src/batch/reading-share.js';

/** A clock and a worker whose busy seconds the test sets. */
function setup(workerBusyAtStart = 0): { share: ReadingShare; clock: { ms: number }; worker: { busySeconds: number } } {
  const clock = { ms: 1000 };
  const worker = { busySeconds: workerBusyAtStart };
  return { share: new ReadingShare(worker, () => clock.ms), clock, worker };
}

describe('the reading share', () => {
  test('the worker reads while it has been less busy than the calling thread', () => {
    const { share, clock, worker } = setup();
    clock.ms += 300;
    worker.busySeconds = 0.2;
    expect(share.next()).toBe(true);
    worker.busySeconds = 0.3;
    expect(share.next()).toBe(false);
    worker.busySeconds = 0.35;
    expect(share.next()).toBe(false);
    clock.ms += 100;
    expect(share.next()).toBe(true);
  });

  test('the calling thread waiting for the worker is not busy time', () => {
    const { share, clock, worker } = setup();
    clock.ms += 500;
    worker.busySeconds = 0.4;
    expect(share.next()).toBe(true);
    share.waited(0.15);
    expect(share.next()).toBe(false);
  });

  test('only the busy time since the share started counts (a worker that scored an earlier input)', () => {
    const { share, clock, worker } = setup(12);
    clock.ms += 200;
    worker.busySeconds = 12.1;
    expect(share.next()).toBe(true);
    worker.busySeconds = 12.25;
    expect(share.next()).toBe(false);
  });
});
