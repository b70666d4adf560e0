/** Schemas for the tests: the shipped ones, and variants built from their JSON. */
import { readFileSync } from 'node:fs';
import { dataFile } from '../../src/data/locate.js';
import { parseSchema, type StanceSchema } from '../../src/stance/index.js';

/** The JSON of a shipped schema, to derive variants from. */
export function schemaJson(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(dataFile('schemas', name), 'utf8'));
}

/** The default debate without the sentiment signal: cues and the reply tree only. */
export function cuesOnlySchema(): StanceSchema {
  return parseSchema({ ...schemaJson('altman-microsoft.json'), clauseSentimentWeight: 0 }, 'altman-microsoft (cues only)');
}
