// Prints the README's "measured quality" tables (run after `npm run build`):
//   node dist/tools/quality-table.js
// Each block comes between its README markers: paste it over the README's block of the same name.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLED_SETS, CODER_PAIRS, baselineTable, coderTable, learnedTable, measureCoderPairs, measureSets, qualityTable } from '../evaluate/quality.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { learned: measured, rules } = measureSets(BUNDLED_SETS, root);
const pairs = measureCoderPairs(CODER_PAIRS, root, measured);
process.stdout.write(
  `<!-- quality:start -->\n${qualityTable(measured)}\n${baselineTable(measured, root)}<!-- quality:end -->\n\n` +
    `<!-- coders:start -->\n${coderTable(pairs)}<!-- coders:end -->\n\n` +
    `<!-- learned:start -->\n${learnedTable(measured, rules)}<!-- learned:end -->\n`,
);
