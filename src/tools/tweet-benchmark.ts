// Sentiment on a labelled file of short texts (a public tweet benchmark), thread-stance against the
// two baselines of the quality tables (run after `npm run build`):
//   node dist/tools/tweet-benchmark.js FILE.tsv [FILE.tsv ...]
// Each line of a file is `label<TAB>text` (see `src/evaluate/labelled-texts.ts`). The texts are not
// bundled (see the README, "A public French tweet benchmark", for where the French XLM-T tweets
// come from); this prints one Markdown table per file.
import fs from 'node:fs';
import path from 'node:path';
import { labelledTextsTable, parseLabelledTexts } from '../evaluate/labelled-texts.js';

const files = process.argv.slice(2);
if (files.length === 0) {
  process.stderr.write('usage: node dist/tools/tweet-benchmark.js FILE.tsv [FILE.tsv ...]\n');
  process.exitCode = 2;
}
for (const file of files) {
  try {
    process.stdout.write(`${labelledTextsTable(path.basename(file), parseLabelledTexts(fs.readFileSync(file, 'utf8'), file))}\n`);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}
