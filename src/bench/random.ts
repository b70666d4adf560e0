/**
 * Seeded randomness for the synthetic thread generator: the same seed gives the same thread, byte
 * for byte, on every machine (Math.random cannot be seeded, so it is never used here).
 */

/** A source of uniform numbers in [0, 1), reproducible from its seed. */
export interface Random {
  /** The next number in [0, 1). */
  next(): number;
  /** An integer in [0, bound). */
  below(bound: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
}

/**
 * mulberry32: a 32-bit generator, tiny, fast and good enough for shuffling test data (not for
 * anything secret).
 */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    below: (bound) => Math.floor(next() * bound),
    chance: (p) => next() < p,
  };
}

/** Fisher–Yates shuffle of a copy of `items`. */
export function shuffled<T>(items: readonly T[], random: Random): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.below(i + 1);
    const swap = out[i];
    out[i] = out[j];
    out[j] = swap;
  }
  return out;
}

/**
 * Draws ranks 0..size-1 with probability proportional to 1/(rank+1)^exponent (Zipf): a few
 * authors write much, most write once, as in real comment sections. The cumulative table is built
 * once, so each draw is a binary search.
 */
export function zipfSampler(size: number, exponent: number, random: Random): () => number {
  const cumulative = new Float64Array(size);
  let total = 0;
  for (let rank = 0; rank < size; rank++) {
    total += 1 / Math.pow(rank + 1, exponent);
    cumulative[rank] = total;
  }
  return () => {
    const target = random.next() * total;
    let low = 0;
    let high = size - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (cumulative[mid] > target) high = mid;
      else low = mid + 1;
    }
    return low;
  };
}

/** A draw from {1, 2, 3, ...} with the given mean (geometric law): how far back a reply reaches. */
export function geometricDraw(mean: number, random: Random): number {
  if (mean <= 1) return 1;
  const p = 1 / mean;
  return 1 + Math.floor(Math.log(1 - random.next()) / Math.log(1 - p));
}

/** Picks an index with probability proportional to its weight. */
export function weightedPick(weights: readonly number[], random: Random): number {
  let total = 0;
  for (const w of weights) total += w;
  let target = random.next() * total;
  for (let i = 0; i < weights.length; i++) {
    target -= weights[i];
    if (target < 0) return i;
  }
  return weights.length - 1;
}
