/**
 * Typed arrays that grow: per-comment numbers of a thread read as a stream, whose length is not
 * known in advance, kept in one flat array each instead of one object per comment.
 */

/** `array` itself when it holds `needed` elements, else a copy at least twice as long. */
export function grown<T extends Int32Array | Float64Array | Uint8Array>(array: T, needed: number): T {
  if (needed <= array.length) return array;
  let length = Math.max(array.length * 2, 1024);
  while (length < needed) length *= 2;
  const next = new (array.constructor as new (n: number) => T)(length);
  next.set(array);
  return next;
}
