/** A second debate (remote work vs the office), loaded from its own file: the schema is data. */
import { dataFile } from '../../src/data/locate.js';
import { analyzeStance, loadSchema, summarizeThread } from '../../src/stance/index.js';
import { threadOf } from './builders.js';

const schema = loadSchema(dataFile('schemas', 'teletravail.json'));

function remoteWorkThread() {
  const thread = threadOf([
    ['lea', 0, 'Fini les heures de transports en commun, je ne reviendrai pas en arrière.'],
    ['marc', 1, "Pas d'accord. Sans les collègues et la machine à café, on perd tout."],
    ['lea', 2, 'Exactement le contraire : je suis plus productive.'],
    ['nina', 1, 'Tellement juste !'],
    ['paul', 0, 'Quelqu\'un sait si la loi a changé ?'],
    ['marc', 4, 'Non.'],
  ]);
  analyzeStance(thread, schema);
  return thread;
}

test('labels, targets and cues come from the file', () => {
  expect([schema.name, schema.labelIds, schema.neutralLabel]).toEqual(['teletravail', ['pro-teletravail', 'pro-bureau', 'neutre'], 'neutre']);
});

test('comments get the labels of the second debate', () => {
  expect(remoteWorkThread().comments.map((c) => `${c.index} ${c.stance!.label} ${c.stance!.confidence} ${c.agreement}`)).toEqual([
    '1 pro-teletravail 0.6 none',
    '2 pro-bureau 0.6 disagree',
    '3 pro-teletravail 0.6 disagree',
    '4 pro-teletravail 0.48 agree',
    '5 neutre 1 none',
    '6 pro-bureau 0.384 disagree',
  ]);
});

test('a disagreeing reply without its own cues moves to the counter-stance the schema names', () => {
  expect(remoteWorkThread().comments[5].stance!.evidence.map((e) => `${e.kind} ${e.label} ${e.weight}`)).toEqual([
    'moved-away pro-teletravail -0.24',
    'counter-stance pro-bureau 0.48',
    'disagreement pro-teletravail 0',
  ]);
});

test('the summary counts the labels of the second debate', () => {
  expect(summarizeThread(remoteWorkThread(), schema).summary.stanceCounts).toEqual({ 'pro-teletravail': 3, 'pro-bureau': 2, neutre: 1 });
});
