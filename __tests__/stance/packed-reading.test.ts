/**
 * The own reading of a comment (its words alone, see `own-reading.ts`) as the sentiment worker
 * makes and packs it must be what the one-thread stance stage reads, to the last bit and key
 * order (thread.json writes evidence objects as they are), and deciding from unpacked readings
 * must give every comment the stance and agreement of the one-thread walk.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Comment, Thread } from '../../src/model.js';
import { CommentAnalysis, threadOf } from '../../src/pipeline.js';
import { decodeInputWithWarnings } from '../../src/input/decode.js';
import { scoreCommentSentiment, type TextPolarity } from '../../src/sentiment/index.js';
import { scoreTexts, unpackPolarities } from '../../src/sentiment/packed.js';
import { OnePolarity, withClausePolarities } from '../../src/stance/clause-sentiment.js';
import { analyzeStance, loadSchema, StanceWalk } from '../../src/stance/index.js';
import { OwnReader, toneOfLabel, type OwnReading } from '../../src/stance/own-reading.js';
import { OwnReadingPacker, readOwnTexts, unpackOwnReadings } from '../../src/stance/packed-reading.js';
import { loadedSchemaFile, parseSchema } from '../../src/stance/schema.js';
import { dataFile } from '../../src/data/locate.js';
import { readSeedThread } from '../../src/bench/seed-thread.js';
import { syntheticThreadText } from '../../src/bench/generate.js';
import { schemaJson } from './schemas.js';

const schema = loadSchema();
const BATCH = 32;

const corpusThreads: [string, () => Thread][] = fs
  .readdirSync(path.resolve('corpus'))
  .filter((f) => f.endsWith('.txt'))
  .map((f) => [f, () => threadOf(decodeInputWithWarnings(fs.readFileSync(path.resolve('corpus', f)), f).text, f)]);

/** A generated page of 400 comments from the seed thread (as the benchmark makes them), parsed. */
function generatedThread(): Thread {
  const seedPage = fs.readFileSync(path.resolve('corpus', 'macg-altman-microsoft-comments.txt'), 'utf8');
  const page = [...syntheticThreadText(readSeedThread(seedPage, 'seed.txt'), { comments: 400, seed: 3 })].join('');
  return threadOf(page, 'generated.txt');
}

/** A reading as plain values: its stance as JSON (key order included) and exactly, and its echo hashes. */
function snapshot(reading: OwnReading): { json: string; stance: unknown; asks: boolean; echo: number[] } {
  return { json: JSON.stringify(reading.stance), stance: structuredClone(reading.stance), asks: reading.asks, echo: [...reading.echo.values.subarray(0, reading.echo.count)] };
}

/** Each comment's sentiment scored as the one-thread stage does (set on the comment), and its polarity. */
function scored(comments: readonly Comment[]): TextPolarity[] {
  return comments.map((comment) => scoreCommentSentiment(comment));
}

/** The readings of the one-thread stance stage (`StanceWalk.next` reads each comment this way). */
function oneThreadReadings(comments: readonly Comment[], polarities: readonly TextPolarity[]): ReturnType<typeof snapshot>[] {
  const reader = new OwnReader(schema);
  const polarity = new OnePolarity();
  return withClausePolarities(polarity, () => comments.map((comment, i) => {
    polarity.set(comment.ownText, polarities[i]);
    return snapshot(reader.read(comment.ownText, toneOfLabel(comment.sentiment?.label)));
  }));
}

/** The readings as the worker makes them (scored and read by batches) and the stance stage unpacks them. */
function workerReadings(comments: readonly Comment[]): OwnReading[] {
  const reader = new OwnReader(schema);
  const readings: OwnReading[] = [];
  for (let from = 0; from < comments.length; from += BATCH) {
    const texts = comments.slice(from, from + BATCH).map((c) => c.ownText);
    const packed = scoreTexts(texts);
    readings.push(...unpackOwnReadings(readOwnTexts(texts, packed.sentiments, unpackPolarities(packed), reader), schema));
  }
  return readings;
}

describe('packed own readings', () => {
  test.each([...corpusThreads, ['a generated page of 400 comments', generatedThread] as [string, () => Thread]])(
    '%s: unpacked, each equals the one-thread reading',
    (_, make) => {
      const { comments } = make();
      const expected = oneThreadReadings(comments, scored(comments));
      const actual = workerReadings(comments).map(snapshot);
      expect(actual.length).toBe(comments.length);
      for (let i = 0; i < comments.length; i++) {
        expect(actual[i].json).toBe(expected[i].json);
        // toEqual tells -0 from 0, which JSON does not.
        expect(actual[i]).toEqual(expected[i]);
      }
    },
  );

  test('hand-written comments with every kind of own evidence, a question and echo words round-trip too', () => {
    const texts = [
      'Microsoft ne gagne rien du tout.',
      'Bravo le CA, quel fiasco. Vraiment du grand art 🙄',
      'Le conseil n’a toujours donné aucune explication. On prépare un minimum sa sortie quand on vire quelqu’un.',
      'Microsoft sort grand gagnant, Altman aussi. Le CA a été lamentable.',
      'Pourquoi Altman est-il parti ?',
    ];
    const comments = texts.map((ownText, i) => ({ index: i + 1, parentIndex: 0, ownText }) as Comment);
    const expected = oneThreadReadings(comments, scored(comments));
    const readings = workerReadings(comments);
    expect(readings.map(snapshot)).toEqual(expected);
    expect(readings.map(snapshot).map((r) => r.json)).toEqual(expected.map((r) => r.json));
    const kinds = new Set(readings.flatMap((r) => r.stance.evidence.map((e) => e.kind)));
    expect([...kinds].sort()).toEqual(['clause', 'cue', 'irony', 'negated-cue', 'negative-tone', 'target']);
    expect(readings.map((r) => r.asks)).toEqual([false, false, false, false, true]);
    expect(readings.map((r) => r.echo.count > 0)).toEqual([true, true, true, true, false]);
  });

  test.each([...corpusThreads, ['a generated page of 400 comments', generatedThread] as [string, () => Thread]])(
    '%s: deciding from unpacked readings gives the stances and agreements of the one-thread walk',
    (_, make) => {
      const one = make();
      const polarities = scored(one.comments);
      const polarity = new OnePolarity();
      const walk = new StanceWalk(schema);
      for (const comment of one.comments) walk.see(comment);
      withClausePolarities(polarity, () => one.comments.forEach((comment, i) => {
        polarity.set(comment.ownText, polarities[i]);
        walk.next(comment);
      }));
      const split = make();
      scored(split.comments);
      const readings = workerReadings(split.comments);
      const decider = new StanceWalk(schema);
      for (const comment of split.comments) decider.see(comment);
      split.comments.forEach((comment, i) => decider.decide(comment, readings[i]));
      expect(split.comments.map((c) => JSON.stringify([c.stance, c.agreement]))).toEqual(one.comments.map((c) => JSON.stringify([c.stance, c.agreement])));
    },
  );

  test('batches read on the worker and batches read here, mixed, give the one-thread results (the reading share may change at any batch)', () => {
    const one = generatedThread();
    const whole = new CommentAnalysis(schema);
    for (const comment of one.comments) whole.see(comment);
    whole.analyzeBatch(one.comments);
    const mixed = generatedThread();
    const analysis = new CommentAnalysis(schema);
    for (const comment of mixed.comments) analysis.see(comment);
    const reader = new OwnReader(schema);
    for (let from = 0, k = 0; from < mixed.comments.length; from += BATCH, k++) {
      const batch = mixed.comments.slice(from, from + BATCH);
      const texts = batch.map((c) => c.ownText);
      const packed = scoreTexts(texts);
      // Read on the worker two batches in three, here the third.
      if (k % 3 === 2) analysis.analyzeScoredBatch(batch, packed.sentiments, unpackPolarities(packed));
      else analysis.analyzeReadBatch(batch, packed.sentiments, readOwnTexts(texts, packed.sentiments, unpackPolarities(packed), reader));
    }
    expect(mixed.comments.map((c) => JSON.stringify([c.sentiment, c.stance, c.agreement]))).toEqual(one.comments.map((c) => JSON.stringify([c.sentiment, c.stance, c.agreement])));
  });

  test('analyzeStance (one thread, no sentiment) reads and decides as the walk does', () => {
    const thread = corpusThreads.find(([name]) => name.startsWith('macg'))![1]();
    const walk = new StanceWalk(schema);
    const copy = structuredClone(thread);
    analyzeStance(thread, schema);
    for (const comment of copy.comments) walk.see(comment);
    for (const comment of copy.comments) walk.decide(comment, new OwnReader(schema).read(comment.ownText, 0));
    expect(copy.comments.map((c) => JSON.stringify([c.stance, c.agreement]))).toEqual(thread.comments.map((c) => JSON.stringify([c.stance, c.agreement])));
  });
});

describe('the packed columns', () => {
  test('optional evidence fields (target, fromIndex), -0 and repeated strings come back as given, in key order', () => {
    const reading: OwnReading = {
      stance: {
        label: 'sceptical',
        confidence: 0.25,
        scores: Object.fromEntries(schema.labelIds.map((label, i) => [label, i === 0 ? -0 : i / 3])),
        evidence: [
          { kind: 'cue', label: 'sceptical', weight: 1.5, text: 'fiasco' },
          { kind: 'target', label: 'sceptical', weight: -0.125, text: 'nul (CA)', target: 'board' },
          { kind: 'inherited', label: 'sceptical', weight: 0.5, text: 'fiasco', fromIndex: 7 },
        ],
      },
      asks: true,
      echo: { values: Int32Array.from([5, -9, 1 << 30, 99]), count: 3 },
    };
    const packer = new OwnReadingPacker(schema);
    packer.add(reading);
    packer.add({ ...reading, asks: false, echo: { values: new Int32Array(0), count: 0 } });
    const packed = packer.packed();
    expect(packed.strings).toEqual(['sceptical', 'cue', 'fiasco', 'target', 'nul (CA)', 'board', 'inherited']);
    const [first, second] = unpackOwnReadings(packed, schema).map(snapshot);
    expect(first).toEqual({ ...snapshot(reading), echo: [5, -9, 1 << 30] });
    expect(first.json).toBe(JSON.stringify(reading.stance));
    expect(Object.is((first.stance as { scores: Record<string, number> }).scores[schema.labelIds[0]], -0)).toBe(true);
    expect(second).toEqual({ ...snapshot(reading), asks: false, echo: [] });
  });
  test('columns grown past the size the packer started with keep every reading', () => {
    const readings: OwnReading[] = Array.from({ length: 300 }, (_, i) => ({
      stance: {
        label: schema.labelIds[i % schema.labelIds.length],
        confidence: i / 7,
        scores: Object.fromEntries(schema.labelIds.map((label, k) => [label, (i * k) / 11])),
        evidence: Array.from({ length: i % 4 }, (__, k) => ({ kind: 'cue', label: schema.labelIds[k % schema.labelIds.length], weight: k - i / 3, text: `mot ${i % 5}` })),
      },
      asks: i % 3 === 0,
      echo: { values: Int32Array.from({ length: 40 }, (__, k) => i * 100 + k), count: i % 41 },
    }));
    // Sized for one reading: every column grows several times.
    const packer = new OwnReadingPacker(schema, 1);
    for (const reading of readings) packer.add(reading);
    const packed = packer.packed();
    expect(packed.echo.length).toBe(readings.reduce((sum, r) => sum + r.echo.count, 0));
    expect(packed.numbers.length).toBe(readings.reduce((sum, r) => sum + 1 + schema.labelIds.length + r.stance.evidence.length, 0));
    expect(unpackOwnReadings(packed, schema).map(snapshot)).toEqual(readings.map((reading) => ({ ...snapshot(reading), echo: [...reading.echo.values.subarray(0, reading.echo.count)] })));
  });
});

describe('which schemas the worker can load', () => {
  test('a schema loaded from a file names its absolute path; the default one its data file', () => {
    expect(loadedSchemaFile(schema)).toBe(dataFile('schemas', 'altman-microsoft.json'));
    const second = loadSchema(path.relative(process.cwd(), dataFile('schemas', 'teletravail.json')));
    expect(loadedSchemaFile(second)).toBe(dataFile('schemas', 'teletravail.json'));
  });

  test('a schema built in memory or copied has none (its comments are read on the calling thread)', () => {
    expect(loadedSchemaFile(parseSchema(schemaJson('altman-microsoft.json'), 'altman-microsoft.json'))).toBe(undefined);
    expect(loadedSchemaFile({ ...schema, threshold: 0.5 })).toBe(undefined);
  });
});
