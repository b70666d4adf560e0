// Prints the README's "measured quality" tables (run after `npm run build`):
//   node dist/tools/quality-table.js
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLED_SETS, baselineTable, measureSets, qualityTable } from '../evaluate/quality.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const measured = measureSets(BUNDLED_SETS, root);
process.stdout.write(`${qualityTable(measured)}\n${baselineTable(measured, root)}`);
