import { ThreadStanceError } from '../../src/errors.js';
import { dataFile } from '../../src/data/locate.js';
import { loadSchema, parseSchema } from '../../src/stance/index.js';

const fixture = (name: string): string => new URL(`../fixtures/stance/${name}`, import.meta.url).pathname;

function errorOf(run: () => unknown): ThreadStanceError {
  try {
    run();
  } catch (error) {
    if (error instanceof ThreadStanceError) return error;
    throw error;
  }
  throw new Error('expected a ThreadStanceError');
}

describe('the default schema', () => {
  const schema = loadSchema();

  test('is the Altman/Microsoft debate with the codebook labels', () => {
    expect(schema.name).toBe('altman-microsoft');
    expect(schema.labelIds).toEqual(['pro-microsoft', 'pro-board', 'sceptical', 'neutral']);
    expect(schema.neutralLabel).toBe('neutral');
    expect(schema.targets.map((t) => t.id)).toEqual(['microsoft', 'board', 'openai', 'altman']);
  });

  test('is compiled once and reused', () => {
    expect(loadSchema()).toBe(schema);
  });

  test('maps sentiment about each target to a label, as data', () => {
    expect(schema.targetStance.map((r) => `${r.target} ${r.polarity} -> ${r.label}`)).toEqual([
      'microsoft positive -> pro-microsoft',
      'microsoft negative -> sceptical',
      'board positive -> pro-board',
      'board negative -> sceptical',
      'openai positive -> pro-board',
      'openai negative -> sceptical',
      'altman negative -> sceptical',
    ]);
  });
});

describe('schema errors name the file, the field and the problem', () => {
  test('a missing file', () => {
    const error = errorOf(() => loadSchema('/nonexistent/debate.json'));
    expect([error.code, error.located]).toEqual(['SCHEMA_NOT_FOUND', '/nonexistent/debate.json: cannot read stance schema: no such file']);
  });

  test('a file that is not JSON, with its line', () => {
    const error = errorOf(() => loadSchema(fixture('schema-not-json.json')));
    expect([error.code, error.line]).toEqual(['SCHEMA_INVALID', 4]);
    expect(error.message).toBe('stance schema is not valid JSON: Expected double-quoted property name in JSON at position 38');
  });

  test('a field of the wrong type', () => {
    const error = errorOf(() => loadSchema(fixture('schema-threshold-not-number.json')));
    expect(error.located).toBe(`${fixture('schema-threshold-not-number.json')}: stance schema field threshold: Invalid input: expected number, received string`);
  });

  test('a case-sensitive form of two words', () => {
    const error = errorOf(() => loadSchema(fixture('schema-bad-form.json')));
    expect(error.message).toBe('stance schema field targets[1].caseSensitiveForms[0]: expected one word without spaces');
  });

  test('a cue group with both a label and a polarity', () => {
    const error = errorOf(() => loadSchema(fixture('schema-label-and-polarity.json')));
    expect(error.message).toBe(
      'stance schema field cues[0]: a cue group needs exactly one of "label" (a fixed label) or "polarity" (resolved through the target)',
    );
  });

  test('a cue for a label the schema does not define', () => {
    const error = errorOf(() => loadSchema(fixture('schema-unknown-label.json')));
    expect([error.code, error.file, error.message]).toEqual([
      'SCHEMA_INVALID',
      fixture('schema-unknown-label.json'),
      'stance schema field cues[1].label: unknown label "pro-velo" (labels: pro-teletravail, pro-bureau, neutre)',
    ]);
  });

  test('a phrase with nothing to match, given in memory', () => {
    const json = JSON.parse(JSON.stringify(loadSchema(dataFile('schemas', 'teletravail.json')), (key, value) =>
      ['file', 'discourseData', 'labelIds', 'tables'].includes(key) ? undefined : value));
    json.cues[0].phrases = ['« »'];
    const error = errorOf(() => parseSchema(json, 'memory.json'));
    expect(error.located).toBe('memory.json: stance schema field cues[0].phrases[0]: "« »" has no word to match');
  });

  const teletravailJson = (): Record<string, any> =>
    JSON.parse(JSON.stringify(loadSchema(dataFile('schemas', 'teletravail.json')), (key, value) =>
      ['file', 'discourseData', 'labelIds', 'tables'].includes(key) ? undefined : value));

  test('a phrase already given to another group (it could never fire there)', () => {
    const json = teletravailJson();
    json.cues[1].phrases.push('Temps de TRAJET');
    const error = errorOf(() => parseSchema(json, 'memory.json'));
    expect(error.message).toBe('stance schema field cues[1].phrases[9]: "Temps de TRAJET" is already a phrase of group "commuting"');
  });

  test('an irony label the schema does not define', () => {
    const error = errorOf(() => parseSchema({ ...teletravailJson(), irony: { label: 'sceptical' } }, 'memory.json'));
    expect(error.message).toBe('stance schema field irony.label: unknown label "sceptical" (labels: pro-teletravail, pro-bureau, neutre)');
  });
});
