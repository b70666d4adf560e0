/**
 * `TextPolarity.between` on a very long text: each clause costs a binary search and its own hits,
 * not a pass over every hit of the text, and the sums are those of the plain definition (the hits
 * of the span added in their given order) to the last bit. Work is counted, never timed.
 */
import fc from 'fast-check';
import { TextPolarity } from '../../src/sentiment/polarity.js';
import { sentimentLabel } from '../../src/sentiment/label.js';

const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** The definition: every hit looked at, those starting in the span added in their given order. */
function plainBetween(hitStarts: Int32Array, hitValues: Float64Array, wordStarts: Int32Array, start: number, end: number) {
  let sum = 0;
  for (let k = 0; k < hitStarts.length; k++) if (hitStarts[k] >= start && hitStarts[k] < end) sum += hitValues[k];
  const score = round(sum, 3);
  let words = 0;
  for (const at of wordStarts) if (at >= start && at < end) words++;
  const comparative = words > 0 ? round(score / words, 4) : 0;
  return { score, comparative, label: sentimentLabel(score, comparative) };
}

/** An Int32Array whose element reads are counted. */
function counted(values: Int32Array): { array: Int32Array; reads: () => number } {
  let reads = 0;
  const array = new Proxy(values, {
    get(target, key) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { array, reads: () => reads };
}

describe('TextPolarity.between', () => {
  test('equals the plain definition on any hits (in or out of order, repeated starts) and any span', () => {
    const hit = fc.record({ at: fc.integer({ min: 0, max: 60 }), value: fc.double({ min: -4, max: 4, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(hit, { maxLength: 30 }), fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 30 }), fc.array(fc.tuple(fc.integer({ min: -2, max: 62 }), fc.integer({ min: -2, max: 62 })), { minLength: 1, maxLength: 10 }), (hits, words, spans) => {
        const hitStarts = Int32Array.from(hits.map((h) => h.at));
        const hitValues = Float64Array.from(hits.map((h) => h.value));
        const wordStarts = Int32Array.from(words).sort();
        const polarity = new TextPolarity(hitStarts, hitValues, wordStarts);
        for (const [start, end] of spans) expect(polarity.between(start, end)).toEqual(plainBetween(hitStarts, hitValues, wordStarts, start, end));
      }),
      { numRuns: 300 },
    );
  });

  test('a text with 100,000 hits and 100,000 clauses: a logarithmic number of reads per clause, same results as a sweep', () => {
    const clauses = 100_000;
    const clauseLength = 50;
    // One hit every 50 characters with awkward decimals, one word every 5 characters.
    const starts = new Int32Array(clauses);
    const values = new Float64Array(clauses);
    for (let k = 0; k < clauses; k++) {
      starts[k] = k * clauseLength + (k % 7);
      values[k] = ((k % 13) - 6) * 0.137 + 0.0005;
    }
    const wordStarts = new Int32Array(clauses * 10);
    for (let w = 0; w < wordStarts.length; w++) wordStarts[w] = w * 5;
    const counter = counted(starts);
    const polarity = new TextPolarity(counter.array, values, wordStarts);

    let hit = 0;
    let mismatches = 0;
    for (let c = 0; c < clauses; c++) {
      const start = c * clauseLength;
      const end = start + clauseLength;
      // The sweep: the hits of this clause, in order, from where the last clause stopped.
      let sum = 0;
      while (hit < clauses && starts[hit] < end) sum += values[hit++];
      const score = round(sum, 3);
      const comparative = round(score / 10, 4);
      const got = polarity.between(start, end);
      if (got.score !== score || got.comparative !== comparative || got.label !== sentimentLabel(score, comparative)) mismatches++;
    }
    expect(mismatches).toBe(0);
    // One pass to see the hits are in order, then two binary searches per clause (17 steps each).
    expect(counter.reads()).toBeLessThanOrEqual(clauses + clauses * 2 * 18);
    // A pass over every hit per clause would have read 10^10 values.
  });
});
