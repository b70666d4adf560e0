/**
 * Binary search over ascending typed arrays: how the stance and sentiment stages place an offset
 * or an ordinal among the positions of a text without a pass over all of them.
 */

/**
 * Index of the first of the ascending `values` that is >= `key` (`values.length` when none):
 * also the number of values < `key`.
 */
export function firstAtLeast(values: Int32Array, key: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle] < key) low = middle + 1;
    else high = middle;
  }
  return low;
}
