/**
 * The share of batches whose own stance the sentiment worker reads (`reading-share.ts`): all while
 * the calling thread finds every batch ready, fewer as it waits, more again as it stops waiting.
 */
import { ReadingShare } from '../../src/batch/reading-share.js';

/** Which of the next `count` batches the worker is given, as a string of 1 (read there) and 0. */
function given(share: ReadingShare, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += share.next() ? '1' : '0';
  return out;
}

describe('the reading share', () => {
  test('starts with every batch read on the worker', () => {
    const share = new ReadingShare();
    expect(share.fraction).toBe(1);
    expect(given(share, 8)).toBe('11111111');
  });

  test('a wait of a message delivery (under half a millisecond) is not the worker being behind', () => {
    const share = new ReadingShare();
    share.waited(0.0004);
    expect(share.fraction).toBe(1);
  });

  test('each longer wait gives the worker 1/32 fewer batches, down to none; batches found ready give them back', () => {
    const share = new ReadingShare();
    for (let i = 0; i < 16; i++) share.waited(0.002);
    expect(share.fraction).toBe(0.5);
    expect(given(share, 8)).toBe('01010101');
    for (let i = 0; i < 40; i++) share.waited(0.01);
    expect(share.fraction).toBe(0);
    expect(given(share, 4)).toBe('0000');
    for (let i = 0; i < 8; i++) share.waited(0);
    expect(share.fraction).toBe(0.25);
    expect(given(share, 8)).toBe('00010001');
    for (let i = 0; i < 40; i++) share.waited(0);
    expect(share.fraction).toBe(1);
  });
});
