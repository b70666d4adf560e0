/**
 * `npm run train`: trains the label models on the bundled hand-labelled threads that are not
 * blind (seed and development roles) and writes `src/data/models/label-models.json`. Training is
 * deterministic: a test retrains and compares with the committed file.
 */
import fs from 'node:fs';
import { LABEL_MODELS_FILE, toFile } from '../learn/label-models.js';
import { TRAINING_OPTIONS, trainLabelModels } from '../learn/train.js';
import { loadSchema } from '../stance/index.js';
import { BUNDLED_SETS, isTrainingSet, labelledThreads } from '../evaluate/quality.js';

const root = process.argv[2] ?? '.';
const schema = loadSchema();
const models = trainLabelModels(labelledThreads(BUNDLED_SETS.filter(isTrainingSet), root), schema.labelIds);
fs.writeFileSync(LABEL_MODELS_FILE, `${JSON.stringify(toFile(models, TRAINING_OPTIONS), null, 1)}\n`);
console.log(`label models trained on ${models.trainedOn.length} threads: ${LABEL_MODELS_FILE}`);
