/**
 * The fast paths of the learned labels give what their plain definitions give: the word scanner
 * against the split it replaced, the piece count against `split(/\s+/)`, and the scorer of the
 * shipped models against `predict` over a map of features, on every comment of the seed thread.
 */
import fs from 'node:fs';
import fc from 'fast-check';
import { featureWords, spaceSeparatedCount } from '../../src/learn/feature-words.js';
import { featuresOf, writeFeatures } from '../../src/learn/features.js';
import { loadLabelModels } from '../../src/learn/label-models.js';
import { predict } from '../../src/learn/linear-model.js';
import { LabelScorer } from '../../src/learn/scorer.js';
import { readingOf } from '../../src/learn/train.js';
import { analyzeText } from '../../src/pipeline.js';
import { wordsBySplit } from './words-by-split.js';

/** Pieces that are hard for the word scanner: apostrophes, marks, spaces of every kind, astral letters, lone surrogates, combining accents. */
const PIECES = ["'", '’', '?', '!', '?!', ' ', '\u00a0', '\u202f', '\u2028', '\ufeff', '\t', 'é', 'E\u0301', 'Ça', 'l’', "qu'", 'mot', '42', '𝒜', '\ud835', '\udc9c',
  '😂', '👍🏽', '-', '_', '«', '»', 'ß', 'İ', 'œ', 'ǅ', '٣', 'Ⅻ'];
const text = fc.oneof(fc.array(fc.constantFrom(...PIECES), { maxLength: 16 }).map((p) => p.join('')), fc.string({ unit: 'binary', maxLength: 40 }));

describe('feature words', () => {
  test('a French sentence', () => {
    expect(featureWords("Pas d'accord, C’est NUL !? l’OpenAI a 2 ans… ?Hein")).toEqual(['pas', "d'", 'accord', "c'", 'est', 'nul', '!', '?', "l'", 'openai', 'a', '2', 'ans', '?hein']);
    // Each emoji is a word; skin tones, joiners and variation selectors fall away.
    expect(featureWords('bof 🙄🙄 merci 👍🏽 ?😂 🤷🏻‍♀️')).toEqual(['bof', '🙄', '🙄', 'merci', '👍', '?', '😂', '🤷', '♀']);
  });

  test('property: the scanner cuts any text as the split it replaced', () => {
    fc.assert(fc.property(text, (t) => expect(featureWords(t)).toEqual(wordsBySplit(t))), { numRuns: 3000 });
  });

  test('property: the piece count is that of split(/\\s+/)', () => {
    fc.assert(fc.property(text, (t) => expect(spaceSeparatedCount(t)).toBe(t.split(/\s+/).length)), { numRuns: 3000 });
    expect([spaceSeparatedCount(''), spaceSeparatedCount(' a  b '), spaceSeparatedCount('a\u00a0b\u3000c')]).toEqual([1, 4, 3]);
  });
});

describe('the scorer', () => {
  test('gives the labels and probabilities of predict, on every comment of the seed thread', () => {
    const models = loadLabelModels();
    const file = 'corpus/macg-altman-microsoft-comments.txt';
    const thread = analyzeText(fs.readFileSync(file, 'utf8'), file, { labelModels: null });
    const scorer = new LabelScorer([models.sentiment, models.stance, models.agreement]);
    const fromScorer: unknown[] = [];
    const fromMaps: unknown[] = [];
    for (const comment of thread.comments) {
      const reading = readingOf(thread, comment);
      scorer.begin();
      writeFeatures(reading, 'stance', scorer);
      fromScorer.push([0, 1, 2].map((m) => scorer.predict(m)));
      const features = featuresOf(reading, 'stance');
      fromMaps.push([models.sentiment, models.stance, models.agreement].map((model) => predict(model, features)));
    }
    expect(fromScorer).toEqual(fromMaps);
    expect(fromScorer.length).toBe(48);
  });
});

/**
 * Replies of the seed thread whose parent's own words hold a `?`: 24 and 26 answer 21, which ends
 * "... appartenant à OpenAI ?" (22, which only picks up a word of 21, is top level since session
 * 17; 2, 25 and 36 also ask, and have no reply).
 */
const PARENT_ASKS = [24, 26];
// Replies whose grandparent is by their own author, read from the seed thread's reply chains:
// 7 (Arnaudvietnam → pumk1n → Arnaudvietnam), 8 (pumk1n), 14, 16 (Dark Phantom), 15 (Scooby-Doo).
const ANSWERS_BACK = [7, 8, 14, 15, 16];
// Replies whose parent's author answers them in turn (the other side of the same chains): 6 and 7
// (answered by 7 and 8), 13, 14 and 15 (answered by 14, 15 and 16).
const ANSWERED_BACK = [6, 7, 13, 14, 15];

describe('the pipeline', () => {
  test('reads each comment as training does: its learned labels are predict over readingOf of the rules-only thread', () => {
    const models = loadLabelModels();
    const file = 'corpus/macg-altman-microsoft-comments.txt';
    const text = fs.readFileSync(file, 'utf8');
    const rules = analyzeText(text, file, { labelModels: null });
    const learned = analyzeText(text, file);
    const expected = rules.comments.map((comment) => {
      // Each model over the features it was trained on.
      const reading = readingOf(rules, comment);
      const agreement = predict(models.agreement, featuresOf(reading, 'agreement'));
      return [predict(models.sentiment, featuresOf(reading, 'sentiment')).label, predict(models.stance, featuresOf(reading, 'stance')).label,
        comment.parentIndex > 0 ? [agreement.label, Math.round(agreement.probability * 1000) / 1000] : ['none', undefined]];
    });
    expect(learned.comments.map((c) => [c.sentiment?.label, c.stance?.label, [c.agreement, c.agreementProbability]])).toEqual(expected);
    // The replies whose parent asks with a `?` (the `parent-question` feature) are among them.
    expect(rules.comments.filter((c) => readingOf(rules, c).parentQuestion).map((c) => c.index)).toEqual(PARENT_ASKS);
    // And those that answer back (the `answers-back` feature).
    expect(rules.comments.filter((c) => readingOf(rules, c).answersBack).map((c) => c.index)).toEqual(ANSWERS_BACK);
    // And those answered back (the `answered-back` feature).
    expect(rules.comments.filter((c) => readingOf(rules, c).answeredBack).map((c) => c.index)).toEqual(ANSWERED_BACK);
  });
});
