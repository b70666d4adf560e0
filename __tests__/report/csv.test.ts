import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { authorsCsv, commentsCsv, formatCsvNumber, neutraliseFormula, topEvidence, agreementReason } from '../../src/report/csv.js';
import { TINY_LABELS, comment, threadWithHostileText, threadWithManyComments } from '../fixtures/report/builders.js';

const HEADER =
  'index,id,parent_index,depth,line,author,created_at,reply_evidence,agreement,agreement_probability,agreement_rules,agreement_reason,' +
  'sentiment_label,sentiment_probability,sentiment_rules_label,lexicon_score,lexicon_comparative,' +
  'stance_label,stance_confidence,stance_rules_label,score_pro-microsoft,score_sceptical,top_evidence,sentiment_terms,' +
  'quote_count,own_text,text\r\n';
const HOSTILE_3 = '| a | b |\n<script>alert(1)</script> [clic](http://x.io) ![i](y.png) `code` pie ""x"" : 9 @Zoé $x$ **gras**';

describe('comments.csv', () => {
  test('RFC 4180 dialect: exact bytes, CRLF rows, multi-line cells quoted, formulas neutralised', () => {
    expect(commentsCsv(threadWithHostileText(), { labels: TINY_LABELS })).toBe(
      HEADER +
        '1,c1,0,1,5,Zoé,,none,none,,,,positive,0.9,positive,2.5,0.5,pro-microsoft,0.8,pro-microsoft,0.8,0.2,cue: coup de maître,coup de maître +2.5,0,' +
        '"Coup de maître !\nBravo 👏","Coup de maître !\nBravo 👏"\r\n' +
        '2,c2,1,2,9,\'=cmd|calc,,mention,disagree,0.72,disagree,non,negative,0.55,neutral,-1.5,-0.25,sceptical,0.6,pro-microsoft,0,0.6,disagreement: non,nul -1.5 [dampener],0,' +
        '"\'=1+1 ""non""; nul","\'@Zoé =1+1 ""non""; nul"\r\n' +
        `3,c3,0,1,12,Eve <b>,,none,none,,,,neutral,,,0,0,sceptical,0.35,,0.1,0.35,,,0,"${HOSTILE_3}","${HOSTILE_3}"\r\n`,
    );
  });

  test('excel dialect: BOM, semicolons, decimal comma, numbers unquoted', () => {
    expect(commentsCsv(threadWithHostileText(), { labels: TINY_LABELS, dialect: 'excel' })).toBe(
      '\uFEFF' +
        HEADER.replace(/,/g, ';') +
        '1;c1;0;1;5;Zoé;;none;none;;;;positive;0,9;positive;2,5;0,5;pro-microsoft;0,8;pro-microsoft;0,8;0,2;cue: coup de maître;coup de maître +2,5;0;' +
        '"Coup de maître !\nBravo 👏";"Coup de maître !\nBravo 👏"\r\n' +
        '2;c2;1;2;9;\'=cmd|calc;;mention;disagree;0,72;disagree;non;negative;0,55;neutral;-1,5;-0,25;sceptical;0,6;pro-microsoft;0;0,6;disagreement: non;nul -1,5 [dampener];0;' +
        '"\'=1+1 ""non""; nul";"\'@Zoé =1+1 ""non""; nul"\r\n' +
        `3;c3;0;1;12;Eve <b>;;none;none;;;;neutral;;;0;0;sceptical;0,35;;0,1;0,35;;;0;"${HOSTILE_3}";"${HOSTILE_3}"\r\n`,
    );
  });

  test('without labels, the score columns follow the labels found in the thread', () => {
    const firstLine = commentsCsv(threadWithHostileText()).split('\r\n')[0];
    expect(firstLine.split(',').filter((c) => c.startsWith('score_'))).toEqual(['score_pro-microsoft', 'score_sceptical']);
  });

  test('round trip through csv-parse: every cell comes back, scores as numbers', () => {
    const thread = threadWithHostileText();
    for (const [dialect, delimiter] of [['rfc4180', ','], ['excel', ';']] as const) {
      const rows = parse(commentsCsv(thread, { labels: TINY_LABELS, dialect }), { bom: true, delimiter, columns: true }) as Record<string, string>[];
      expect(rows.map((r) => r.own_text)).toEqual(['Coup de maître !\nBravo 👏', "'=1+1 \"non\"; nul", HOSTILE_3.replace(/""/g, '"')]);
      expect(rows.map((r) => r.author)).toEqual(['Zoé', "'=cmd|calc", 'Eve <b>']);
      expect(rows.map((r) => Number(r.lexicon_score.replace(',', '.')))).toEqual([2.5, -1.5, 0]);
      expect(rows.map((r) => [r.sentiment_label, r.sentiment_probability, r.sentiment_rules_label])).toEqual([
        ['positive', dialect === 'excel' ? '0,9' : '0.9', 'positive'], ['negative', dialect === 'excel' ? '0,55' : '0.55', 'neutral'], ['neutral', '', ''],
      ]);
    }
  });

  test('property: any text and author survive a round trip, neutralised, one row per comment', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), fc.string()), { minLength: 1, maxLength: 8 }), fc.boolean(), (texts, excel) => {
        const thread = threadWithManyComments(texts.length, (i) => texts[i - 1][0]);
        thread.comments.forEach((c, i) => (c.author = texts[i][1]));
        const csv = commentsCsv(thread, { labels: TINY_LABELS, dialect: excel ? 'excel' : 'rfc4180' });
        const rows = parse(csv, { bom: true, delimiter: excel ? ';' : ',', columns: true, relax_column_count: false }) as Record<string, string>[];
        expect(rows.length).toBe(texts.length);
        expect(rows.map((r) => [r.own_text, r.author])).toEqual(texts.map(([t, a]) => [neutraliseFormula(t), neutraliseFormula(a)]));
      }),
      { numRuns: 200 },
    );
  });

  test('a thread larger than one chunk: one BOM, one header, every row', () => {
    const csv = commentsCsv(threadWithManyComments(2500, (i) => `texte ${i}`), { labels: TINY_LABELS, dialect: 'excel' });
    expect(csv.split('\uFEFF').length).toBe(2);
    const rows = parse(csv, { bom: true, delimiter: ';' }) as string[][];
    expect(rows.length).toBe(2501);
    expect(rows[2500][0]).toBe('2500');
    expect(rows[1000][25]).toBe('texte 1000');
  });
});

describe('authors.csv', () => {
  test('exact bytes, shares per label, formula author neutralised', () => {
    expect(authorsCsv(threadWithHostileText(), { labels: TINY_LABELS })).toBe(
      'author,comments,dominant_stance,share_pro-microsoft,share_sceptical,net_sentiment,mean_lexicon_score,replies_written,replies_received,agrees_with,disagrees_with\r\n' +
        'Zoé,1,pro-microsoft,1,0,1,2.5,0,1,,\r\n' +
        "'=cmd|calc,1,sceptical,0,1,-1,-1.5,1,0,,Zoé (1)\r\n" +
        'Eve <b>,1,sceptical,0.2222,0.7778,0,0,0,0,,\r\n',
    );
  });
});

describe('cells', () => {
  test.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+33 6 12', "'+33 6 12"],
    ['-2 points', "'-2 points"],
    ['@Dark Phantom oui', "'@Dark Phantom oui"],
    ['\tindent', "'\tindent"],
    ['\rcr', "'\rcr"],
    ['Bien vu = oui', 'Bien vu = oui'],
    ['', ''],
    // Only the first character counts, and only those six: a full-width `＝`, a leading space or
    // an apostrophe already there start nothing.
    ['\uFF1D1', '\uFF1D1'],
    [' =1', ' =1'],
    ["'=1", "'=1"],
  ])('neutraliseFormula(%j) is %j', (input, expected) => {
    expect(neutraliseFormula(input)).toBe(expected);
  });

  test.each([
    [-1.5, 'rfc4180', '-1.5'],
    [-1.5, 'excel', '-1,5'],
    [1 / 3, 'rfc4180', '0.3333'],
    [-0.00001, 'rfc4180', '0'],
    [12, 'excel', '12'],
    [Number.NaN, 'rfc4180', ''],
  ] as const)('formatCsvNumber(%p, %s) is %j', (value, dialect, expected) => {
    expect(formatCsvNumber(value, dialect)).toBe(expected);
  });

  test('top evidence is the heaviest signal for the chosen label, with its target', () => {
    const evidence = [
      { kind: 'cue', label: 'sceptical', weight: 3, text: 'victoire à la Pyrrhus' },
      { kind: 'target', label: 'pro-microsoft', weight: 1.5, text: 'bien joué', target: 'microsoft' },
      { kind: 'cue', label: 'pro-microsoft', weight: -1, text: 'malin' },
    ];
    expect(topEvidence(evidence, 'pro-microsoft')).toBe('target: bien joué (microsoft)');
    expect(topEvidence(evidence, 'neutral')).toBe('');
  });

  test('the agreement reason shows the notes that point the way the reply decided, whatever their label', () => {
    // A reply that disagrees with a pro-Microsoft comment and is itself sceptical: its agreement
    // notes carry the parent's label, so top_evidence (the sceptical signals) cannot show them.
    const evidence = [
      { kind: 'cue', label: 'sceptical', weight: 1, text: 'on verra' },
      { kind: 'agreement', label: 'pro-microsoft', weight: 0, text: 'agrees with comment 4: "pas faux" (agree)' },
      { kind: 'disagreement', label: 'pro-microsoft', weight: 0, text: 'disagrees with comment 4: "mais" (concession)' },
      { kind: 'disagreement', label: 'pro-microsoft', weight: 0, text: 'another stance than comment 4 (pro-microsoft)' },
    ];
    expect(agreementReason(evidence, 'disagree')).toBe(
      'disagrees with comment 4: "mais" (concession); another stance than comment 4 (pro-microsoft)',
    );
    expect(agreementReason(evidence, 'agree')).toBe('agrees with comment 4: "pas faux" (agree)');
    expect(agreementReason(evidence, 'none')).toBe('');
    expect(agreementReason(evidence, undefined)).toBe('');
    expect(topEvidence(evidence, 'sceptical')).toBe('cue: on verra');
  });

  test('a comment without sentiment or stance leaves those cells empty', () => {
    const thread = threadWithManyComments(1, () => 'x');
    thread.comments[0] = comment(1, { text: 'x', ownText: 'x' });
    expect(commentsCsv(thread, { labels: TINY_LABELS }).split('\r\n')[1]).toBe('1,c1,0,1,10,author1,,none,,,,,,,,,,,,,,,,,0,x,x');
  });
});
