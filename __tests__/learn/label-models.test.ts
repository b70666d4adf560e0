/**
 * The learned label models: the linear model itself, the features it reads, the committed models
 * being exactly what training makes of the labelled threads, and how the pipeline applies them
 * (rules' labels kept as `rulesLabel`, schema check, a damaged model file).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { featuresOf, featureWords, type RuleReading } from '../../src/learn/features.js';
import { predict, probabilities, trainLinearModel } from '../../src/learn/linear-model.js';
import { LABEL_MODELS_FILE, loadLabelModels, toFile } from '../../src/learn/label-models.js';
import { DECISION_OFFSETS, TRAINING_OPTIONS, WORD_VALUE, atWordValue, trainLabelModels, withDecisionOffsets, withWordValue } from '../../src/learn/train.js';
import { BUNDLED_SETS, isTrainingSet, labelledThreads } from '../../src/evaluate/quality.js';
import { analyzeText } from '../../src/pipeline.js';
import { loadSchema } from '../../src/stance/index.js';
import { dataFile } from '../../src/data/locate.js';

const root = new URL('../../', import.meta.url).pathname;

describe('linear model', () => {
  const examples = [
    { features: new Map([['bias', 1], ['w:bravo', 1]]), label: 'positive' },
    { features: new Map([['bias', 1], ['w:honte', 1]]), label: 'negative' },
    { features: new Map([['bias', 1], ['w:lundi', 1]]), label: 'neutral' },
    { features: new Map([['bias', 1], ['w:bravo', 1], ['w:lundi', 1]]), label: 'positive' },
  ];

  test('learns separable examples, and training twice gives the same weights', () => {
    const model = trainLinearModel(examples, ['positive', 'negative', 'neutral'], { lambda: 1, epochs: 300 });
    expect(examples.map((e) => predict(model, e.features).label)).toEqual(['positive', 'negative', 'neutral', 'positive']);
    // A word it never saw adds nothing: the bias decides.
    expect(predict(model, new Map([['bias', 1], ['w:inconnu', 1]])).label).toBe(predict(model, new Map([['bias', 1]])).label);
    expect(trainLinearModel(examples, ['positive', 'negative', 'neutral'], { lambda: 1, epochs: 300 })).toEqual(model);
  });

  test('decision offsets are added to the bias of their labels, and move the decision', () => {
    const model = trainLinearModel(examples, ['positive', 'negative', 'neutral'], { lambda: 1, epochs: 300 });
    const bias = model.weights.get('bias')!;
    const lundi = new Map([['bias', 1], ['w:lundi', 1]]);
    expect(predict(model, lundi).label).toBe('neutral');
    const shifted = withDecisionOffsets({ labels: model.labels, weights: new Map(model.weights) }, { negative: 10 });
    expect(shifted.weights.get('bias')).toEqual([bias[0], bias[1] + 10, bias[2]]);
    expect(predict(shifted, lundi).label).toBe('negative');
    // The shipped offsets: none for sentiment; stance favours the rare pro-board label.
    expect(DECISION_OFFSETS).toEqual({ sentiment: {}, stance: { 'pro-board': 0.6, sceptical: -0.2, neutral: 0.4 }, agreement: { disagree: -0.4, none: -0.4 } });
  });

  test('words trained at a value below 1 move the model less, and the stored weights read a word at 1 as training read it', () => {
    const labels = ['positive', 'negative', 'neutral'];
    const atOne = trainLinearModel(examples, labels, { lambda: 1, epochs: 300 });
    const copies = examples.map((e) => ({ features: atWordValue(new Map(e.features), 0.3), label: e.label }));
    expect(copies[3].features).toEqual(new Map([['bias', 1], ['w:bravo', 0.3], ['w:lundi', 0.3]]));
    const trained = trainLinearModel(copies, labels, { lambda: 1, epochs: 300 });
    const raw = new Map([...trained.weights].map(([name, w]) => [name, [...w]]));
    const stored = withWordValue(trained, 0.3);
    for (let i = 0; i < examples.length; i++) {
      const read = probabilities(stored, examples[i].features);
      const asTrained = probabilities({ labels, weights: raw }, copies[i].features);
      read.forEach((p, k) => expect(p).toBeCloseTo(asTrained[k], 12));
    }
    expect(stored.weights.get('bias')).toEqual(raw.get('bias'));
    // Under the same penalty, the stored weight of a word is smaller than when trained at 1.
    expect(Math.abs(stored.weights.get('w:honte')![1])).toBeLessThan(Math.abs(atOne.weights.get('w:honte')![1]));
    // The shipped values: only the sentiment model reads its words at less than 1.
    expect(WORD_VALUE).toEqual({ sentiment: 0.3, stance: 1, agreement: 1 });
  });

  test('a label outside the list is an error', () => {
    expect(() => trainLinearModel([{ features: new Map([['bias', 1]]), label: 'joyeux' }], ['positive', 'negative'], { lambda: 1, epochs: 1 }))
      .toThrow('label "joyeux" is not one of positive, negative');
  });
});

describe('features', () => {
  const reading: RuleReading = {
    ownText: "Pas d'accord, c'est nul ! 😂",
    isReply: true,
    quoted: false,
    sentiment: { score: -2, comparative: -0.4, label: 'negative', terms: [{ term: 'nul', value: -2, base: -2, rules: [] }, { term: 'accord', value: 1, base: 1, rules: ['negation'] }] },
    stance: { label: 'sceptical', confidence: 0.8, scores: { 'pro-microsoft': 0, 'pro-board': 0, sceptical: 1.2, neutral: 0 }, evidence: [{ kind: 'cue', label: 'sceptical', weight: 1.2, text: 'nul' }] },
    agreement: 'disagree',
    parentSentiment: 'positive',
    parentStance: 'pro-microsoft',
    parentQuestion: true,
    answersBack: true,
    answeredBack: true,
  };

  test('words: lower case, elisions split after the apostrophe, ? and ! on their own', () => {
    expect(featureWords("Pas d'accord, C’est NUL !?")).toEqual(['pas', "d'", 'accord', "c'", 'est', 'nul', '!', '?']);
  });

  test('sentiment features: the rules\' results, text marks, parent, words (`!` and the emoji among them); no stance feature', () => {
    const f = featuresOf(reading, 'sentiment');
    expect([...f.keys()]).toEqual(['bias', 'score', 'comparative', 'rule:negation', 'positive', 'negative', 'positives', 'negatives', 'sentiment:negative',
      'length', 'laughter', 'reply', 'parent-sentiment:positive', 'agreement:disagree',
      'w:pas', "w:d'", 'w:accord', "w:c'", 'w:est', 'w:nul', 'w:!', 'w:😂']);
    expect([f.get('score'), f.get('positive'), f.get('negative'), f.get('positives'), f.get('length')].map((v) => Number(v!.toFixed(4))))
      .toEqual([Number(Math.tanh(-1).toFixed(4)), Number(Math.tanh(0.5).toFixed(4)), Number(Math.tanh(1).toFixed(4)), 0.25, Number((Math.log1p(6) / 4).toFixed(4))]);
  });

  test('stance and agreement features add the stance rules\' label, scores, evidence kinds, the parent\'s stance and question mark, answers back both ways', () => {
    const stance = featuresOf(reading, 'stance');
    expect([...stance.keys()].filter((k) => /^(stance|evidence|parent-|answers-|answered-)/.test(k))).toEqual(['parent-sentiment:positive', 'stance:sceptical', 'stance-score:pro-microsoft', 'stance-score:pro-board',
      'stance-score:sceptical', 'stance-score:neutral', 'evidence:cue', 'parent-stance:pro-microsoft', 'parent-question', 'answers-back', 'answered-back']);
    expect(featuresOf({ ...reading, parentQuestion: false }, 'stance').has('parent-question')).toBe(false);
    expect(featuresOf({ ...reading, answersBack: false }, 'stance').has('answers-back')).toBe(false);
    expect(featuresOf({ ...reading, answeredBack: false }, 'agreement').has('answered-back')).toBe(false);
    expect(['answers-back', 'answered-back'].map((name) => featuresOf(reading, 'sentiment').has(name))).toEqual([false, false]);
    // `Non` or `Oui` opening a reply under a question: an answer, more often than a disagreement.
    const answer = { ...reading, ownText: 'Non, rien à voir.' };
    expect([featuresOf(answer, 'agreement').has('yes-no-answer'), featuresOf({ ...answer, ownText: 'Oui 👍' }, 'stance').has('yes-no-answer')]).toEqual([true, true]);
    expect(featuresOf(reading, 'agreement').has('yes-no-answer')).toBe(false);
    expect(featuresOf({ ...answer, parentQuestion: false }, 'agreement').has('yes-no-answer')).toBe(false);
    expect(featuresOf({ ...answer, ownText: 'Je dirais non.' }, 'agreement').has('yes-no-answer')).toBe(false);
    expect(featuresOf(answer, 'sentiment').has('yes-no-answer')).toBe(false);
    // A trailing-off ellipsis, three dots or the one character, in every model.
    expect(['Mais bon...', 'Mais bon…', 'Mais bon.', 'Mais bon..'].map((ownText) => featuresOf({ ...reading, ownText }, 'sentiment').has('ellipsis'))).toEqual([true, true, false, false]);
    expect([...featuresOf(reading, 'agreement').keys()]).toEqual([...stance.keys()]);
    // The agreement model alone reads the kind of each sign of agreement the rules noted.
    const conceded = { ...reading, stance: { ...reading.stance!, evidence: [...reading.stance!.evidence,
      { kind: 'disagreement', label: 'pro-microsoft', weight: 0, text: 'grants comment 1 a part to restrict the rest: "oui, mais" (concession)', fromIndex: 1, sign: 'concessive-yes' }] } };
    expect((['sentiment', 'stance', 'agreement'] as const).map((field) => featuresOf(conceded, field).has('sign:disagreement:concessive-yes'))).toEqual([false, false, true]);
    expect([...featuresOf(reading, 'sentiment', (w) => w === 'nul').keys()].filter((k) => k.startsWith('w:'))).toEqual(['w:nul']);
  });
});

describe('the shipped models', () => {
  test('are exactly what training makes of the seed and development threads (no blind thread)', () => {
    const training = BUNDLED_SETS.filter(isTrainingSet);
    expect(training.length).toBe(121);
    const models = trainLabelModels(labelledThreads(training, root), loadSchema().labelIds);
    const committed = JSON.parse(fs.readFileSync(LABEL_MODELS_FILE, 'utf8'));
    expect(JSON.parse(JSON.stringify(toFile(models, TRAINING_OPTIONS)))).toEqual(committed);
    expect(committed.trainedOn.some((name: string) => BUNDLED_SETS.find((s) => s.name === name)?.role === 'blind')).toBe(false);
  });

  test('decide the labels; the rules\' labels stay as rulesLabel / rulesAgreement', () => {
    const file = 'corpus/macg-altman-microsoft-comments.txt';
    const text = fs.readFileSync(`${root}${file}`, 'utf8');
    const rules = analyzeText(text, file, { labelModels: null });
    const learned = analyzeText(text, file);
    expect(rules.comments.every((c) => c.sentiment?.rulesLabel === undefined && c.stance?.rulesLabel === undefined && c.rulesAgreement === undefined)).toBe(true);
    expect(learned.comments.map((c) => c.sentiment?.rulesLabel)).toEqual(rules.comments.map((c) => c.sentiment?.label));
    expect(learned.comments.map((c) => c.stance?.rulesLabel)).toEqual(rules.comments.map((c) => c.stance?.label));
    expect(learned.comments.map((c) => c.rulesAgreement)).toEqual(rules.comments.map((c) => (c.parentIndex > 0 ? c.agreement : undefined)));
    expect(learned.comments.filter((c) => c.parentIndex === 0).every((c) => c.agreement === 'none')).toBe(true);
  });

  test('under another debate\'s schema only the sentiment model applies (stance and agreement read the default labels)', () => {
    const schema = loadSchema(dataFile('schemas', 'teletravail.json'));
    const thread = analyzeText('Titre\n\navatar Zoé\u00a0|\u00a0\n\nLe télétravail, c\'est génial.\n\navatar Marc\u00a0|\u00a0\n\n@Zoé pas d\'accord.\n', 'x.txt', { schema });
    expect(thread.comments.map((c) => [c.sentiment?.rulesLabel !== undefined, c.stance?.rulesLabel, c.rulesAgreement])).toEqual([[true, undefined, undefined], [true, undefined, undefined]]);
  });

  test('a damaged model file is a clear error naming the file and the field', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ts-models-'));
    try {
      const file = path.join(dir, 'm.json');
      const data = JSON.parse(fs.readFileSync(LABEL_MODELS_FILE, 'utf8'));
      data.models.sentiment.weights.bias = [1, 2];
      fs.writeFileSync(file, JSON.stringify(data));
      expect(() => loadLabelModels(file)).toThrow('label models field models.sentiment.weights.bias: expected 3 weights, found 2');
      fs.writeFileSync(file, '{"trainedOn": []}');
      expect(() => loadLabelModels(file)).toThrow(/^label models field stanceLabels: /);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
