import { labelledTextsTable, parseLabelledTexts, signLabel } from '../../src/evaluate/labelled-texts.js';

describe('labelled short texts (the tweet benchmark tool)', () => {
  test('reads label<TAB>text lines: header and empty lines skipped, CRLF accepted, later tabs kept in the text', () => {
    const content = 'label\ttext\r\npositive\tQuel plaisir !\r\n\r\nneutral\tcolonne\tsuivante\r\nnegative\tC’est nul.\r\n';
    expect(parseLabelledTexts(content, 'x.tsv')).toEqual([
      { gold: 'positive', text: 'Quel plaisir !' },
      { gold: 'neutral', text: 'colonne\tsuivante' },
      { gold: 'negative', text: 'C’est nul.' },
    ]);
  });

  test('a line with an unknown label or no tab is an error naming the file and line', () => {
    expect(() => parseLabelledTexts('positive\tbien\nmixed\tbof\n', 'tweets.tsv')).toThrow('tweets.tsv:2: expected "negative|neutral|positive<TAB>text", got "mixed\\tbof"');
    expect(() => parseLabelledTexts('label\ttext\nsans tabulation\n', 'b.tsv')).toThrow('b.tsv:2: expected "negative|neutral|positive<TAB>text", got "sans tabulation"');
  });

  test('a score read as a label: by its sign, or outside a dead zone', () => {
    expect([signLabel(0.3, 0), signLabel(-0.3, 0), signLabel(0, 0)]).toEqual(['positive', 'negative', 'neutral']);
    expect([signLabel(0.3, 1), signLabel(-0.99, 1), signLabel(1, 1), signLabel(-2, 1)]).toEqual(['neutral', 'neutral', 'positive', 'negative']);
  });

  test('the table names the set, its label counts and six labellers; clear French sentences are read right', () => {
    // Labels written by reading the sentences (codebook): praise, a complaint, a timetable.
    const items = parseLabelledTexts('positive\tC’est génial, bravo à toute l’équipe !\nnegative\tQuelle honte, ce service est vraiment nul.\nneutral\tLe train part à 8 h 12 de la gare de Lyon.\n', 'clair.tsv');
    const lines = labelledTextsTable('clair.tsv', items).split('\n');
    expect(lines[0]).toBe('### clair.tsv: 3 texts (1 positive, 1 negative, 1 neutral)');
    expect(lines.slice(4, 10).map((l) => l.split(' | ')[0])).toEqual([
      '| `sentiment`, English default (sign of score)',
      '| `sentiment`, English default (neutral below 1)',
      '| vader-fr registered as-is (sign of score)',
      '| vader-fr registered as-is (neutral below 1)',
      '| thread-stance, sign of its score',
      '| **thread-stance, its labels**',
    ]);
    expect(lines[9]).toBe('| **thread-stance, its labels** | 1.000 | 1.000 | 1.000 | 1.000 | 1.000 |');
    expect(lines.slice(-5, -1)).toEqual(['|---|---:|---:|---:|', '| positive | 1 | 0 | 0 |', '| negative | 0 | 1 | 0 |', '| neutral | 0 | 0 | 1 |']);
  });
});
