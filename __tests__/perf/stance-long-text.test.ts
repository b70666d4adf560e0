/**
 * The stance of one very long comment: finding the target of each cue and whether a target is
 * near it are index look-ups, not a pass over every target mention of the text per cue. The
 * property checked: a text made of many copies of one paragraph (blank lines between them) has
 * the same stance, to the last number and evidence line, as one copy. Each argument counts once
 * per text and a paragraph's topic does not cross into the next one, so nothing may differ, and
 * with 3,000 copies a quadratic step would read millions of mention pairs.
 */
import { loadSchema, textStance } from '../../src/stance/index.js';

const schema = loadSchema();

// General French with targets, polar cues of every scope, a negation, a contrast and an irony marker.
const PARAGRAPH =
  "Microsoft a fait un coup de maître avec Altman. Le board d'OpenAI est ridicule, mais Satya Nadella reste calme. " +
  'Bravo le CA, quel fiasco 🙄. Je ne pense pas que Microsoft ait gagné quoi que ce soit ; OpenAI va perdre ses employés.';

test('3,000 copies of a paragraph have exactly the stance of one copy', () => {
  const one = textStance(PARAGRAPH, schema);
  // The paragraph exercises cues, cues resolved to a target, and irony (none of it lexicon-dependent).
  const kinds = one.evidence.map((e) => e.kind);
  expect(['cue', 'target', 'irony'].filter((kind) => !kinds.includes(kind))).toEqual([]);
  const many = textStance(Array(3000).fill(PARAGRAPH).join('\n\n'), schema);
  expect(many).toEqual(one);
});
