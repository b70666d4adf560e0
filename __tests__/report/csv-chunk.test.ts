/**
 * The CSV chunk writer (text cells quoted by one csv-stringify call per chunk and put back between
 * the other cells) against its definition: each row's formatted cells, text neutralised, passed
 * whole to csv-stringify with the dialect's settings. On the corpus threads and on fast-check
 * comments and authors whose text holds separators, quotes, CR/LF, formula starts, tabs, BOM and
 * emoji, in both dialects, chunks cut anywhere.
 */
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import type { AuthorSummary, Comment } from '../../src/model.js';
import { analyzeText } from '../../src/pipeline.js';
import { CsvChunk, encodeField, neutraliseFormula, type CsvCells } from '../../src/report/csv-chunk.js';
import { authorsCsv, commentColumns, commentsCsv, csvHeader, formatCsvNumber, numberCell, writeAuthorRow, writeCommentRow, type CsvDialect } from '../../src/report/csv.js';
import { loadSchema } from '../../src/stance/index.js';
import { comment, threadWithManyComments } from '../fixtures/report/builders.js';

const DIALECTS: readonly CsvDialect[] = ['rfc4180', 'excel'];

/** The definition: every cell of a row in an array (text and labels neutralised), whole rows to csv-stringify. */
class WholeRows implements CsvCells {
  readonly rows: string[][] = [];
  private row: string[] = [];

  number(cell: string): void {
    this.row.push(cell);
  }

  label(cell: string): void {
    this.row.push(neutraliseFormula(cell));
  }

  text(cell: string): void {
    this.row.push(neutraliseFormula(cell));
  }

  endRow(): void {
    this.rows.push(this.row);
    this.row = [];
  }

  encoded(dialect: CsvDialect): string {
    return stringify(this.rows, { delimiter: dialect === 'excel' ? ';' : ',', record_delimiter: '\r\n', quoted_match: /[\r\n]/ });
  }
}

/** The rows of `items` through the chunk writer, a chunk finished after each row whose position is in `cuts`. */
function chunked<T>(items: readonly T[], writeRow: (cells: CsvCells, item: T) => void, dialect: CsvDialect, cuts: ReadonlySet<number> = new Set()): string {
  const chunk = new CsvChunk(dialect);
  let text = '';
  items.forEach((item, i) => {
    writeRow(chunk, item);
    if (cuts.has(i)) text += chunk.finish();
  });
  return text + chunk.finish();
}

/** The same rows by the definition. */
function wholeRows<T>(items: readonly T[], writeRow: (cells: CsvCells, item: T) => void, dialect: CsvDialect): string {
  const rows = new WholeRows();
  for (const item of items) writeRow(rows, item);
  return rows.encoded(dialect);
}

describe('the chunk writer writes what csv-stringify writes of whole rows', () => {
  const schema = loadSchema();
  const labels = schema.labelIds;
  const corpus = fs.readdirSync('corpus').filter((f) => f.endsWith('.txt')).sort();

  test.each(corpus)('corpus thread %s: comments and authors, both dialects, chunks of 1, 7 and all rows', (file) => {
    const thread = analyzeText(fs.readFileSync(path.join('corpus', file), 'utf8'), file, { schema });
    for (const dialect of DIALECTS) {
      const writeComment = (cells: CsvCells, c: Comment): void => writeCommentRow(cells, c, labels, dialect);
      const writeAuthor = (cells: CsvCells, a: AuthorSummary): void => writeAuthorRow(cells, a, labels, dialect);
      const expected = wholeRows(thread.comments, writeComment, dialect);
      for (const every of [1, 7, thread.comments.length]) {
        const cuts = new Set(thread.comments.map((_, i) => i).filter((i) => (i + 1) % every === 0));
        expect(chunked(thread.comments, writeComment, dialect, cuts)).toBe(expected);
      }
      expect(chunked(thread.authors, writeAuthor, dialect)).toBe(wholeRows(thread.authors, writeAuthor, dialect));
      // The public files are the header then these rows.
      expect(commentsCsv(thread, { labels, dialect })).toBe(csvHeader(commentColumns(labels), dialect) + expected);
    }
  });

  /** Pieces that are hard for CSV: separators, quotes, line ends, formula starts, tab, BOM, emoji, controls. */
  const HARD_PIECES = ['"', '""', ',', ';', '\r', '\n', '\r\n', '=1+1', '+33', '-2', '@Zoé', '\t', '\uFEFF', '', ' ', '\ud83d\udc4f', '\ud800', 'é', 'a"b', 'mot', '’', '\u2028'];
  const hardText = fc.oneof(
    fc.array(fc.constantFrom(...HARD_PIECES), { maxLength: 12 }).map((pieces) => pieces.join('')),
    fc.string({ unit: 'binary', maxLength: 30 }),
  );
  /** Schema labels too may hold a separator or a quote: they are quoted then. */
  const label = fc.constantFrom('pour', 'contre, sceptique', 'a;b', '"cité"', '=pro', 'neutral');
  const score = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(0, -0, 0.5, 1 / 3, -1.5, 1e21, 1e-7));

  const commentRecord = fc.record({
    id: hardText, author: hardText, createdAt: fc.option(hardText, { nil: undefined }), text: hardText, ownText: hardText,
    agreement: fc.option(fc.constantFrom('agree', 'disagree', 'none', 'a,b'), { nil: undefined }),
    rulesAgreement: fc.option(fc.constantFrom('agree', 'disagree', 'none'), { nil: undefined }),
    agreementProbability: fc.option(score, { nil: undefined }),
    sentiment: fc.option(fc.record({
      score, comparative: score, label: fc.constantFrom('positive', 'negative', 'neutral'), term: hardText, value: score, rule: fc.option(hardText, { nil: undefined }),
      rulesLabel: fc.option(fc.constantFrom('positive', 'negative', 'neutral'), { nil: undefined }), probability: fc.option(score, { nil: undefined }),
    }), { nil: undefined }),
    stance: fc.option(fc.record({ label, confidence: score, scores: fc.dictionary(label, score), evidence: hardText, target: fc.option(hardText, { nil: undefined }), rulesLabel: fc.option(label, { nil: undefined }) }), { nil: undefined }),
    quotes: fc.nat(3),
  });

  type CommentRecord = typeof commentRecord extends fc.Arbitrary<infer T> ? T : never;

  function commentOf(r: CommentRecord, i: number): Comment {
    const c = comment(i + 1, { id: r.id, author: r.author, createdAt: r.createdAt, text: r.text, ownText: r.ownText, agreement: r.agreement as Comment['agreement'], rulesAgreement: r.rulesAgreement, agreementProbability: r.agreementProbability });
    c.quotes = Array.from({ length: r.quotes }, () => ({ text: r.text, quotedIndex: null }));
    if (r.sentiment) {
      const s = r.sentiment;
      c.sentiment = {
        score: s.score, comparative: s.comparative, label: s.label as 'neutral', terms: [{ term: s.term, value: s.value, base: 0, rules: s.rule === undefined ? [] : [s.rule] }],
        rulesLabel: s.rulesLabel as 'neutral' | undefined, probability: s.probability,
      };
    }
    if (r.stance) {
      const s = r.stance;
      c.stance = { label: s.label, confidence: s.confidence, scores: s.scores, evidence: [{ kind: 'cue', label: s.label, weight: 1, text: s.evidence, target: s.target }], rulesLabel: s.rulesLabel };
    }
    return c;
  }

  test('property: comments with any text, labels and numbers, chunks cut anywhere, both dialects', () => {
    fc.assert(
      fc.property(fc.array(commentRecord, { maxLength: 12 }), fc.array(label, { maxLength: 4 }), fc.array(fc.nat(12)), fc.constantFrom(...DIALECTS), (records, labels, cuts, dialect) => {
        const comments = records.map(commentOf);
        const writeComment = (cells: CsvCells, c: Comment): void => writeCommentRow(cells, c, labels, dialect);
        expect(chunked(comments, writeComment, dialect, new Set(cuts))).toBe(wholeRows(comments, writeComment, dialect));
      }),
      { numRuns: 400 },
    );
  });

  test('property: authors with any names, counts and shares, both dialects', () => {
    const authorRecord = fc.record({ author: hardText, dominantStance: label, share: score, net: score, mean: score, agrees: fc.dictionary(hardText, fc.nat(5)), disagrees: fc.dictionary(hardText, fc.nat(5)) });
    fc.assert(
      fc.property(fc.array(authorRecord, { maxLength: 8 }), fc.array(label, { maxLength: 3 }), fc.constantFrom(...DIALECTS), (records, labels, dialect) => {
        const authors: AuthorSummary[] = records.map((r, i) => ({
          author: r.author, comments: i, dominantStance: r.dominantStance, stanceShares: Object.fromEntries(labels.map((l) => [l, r.share])),
          netSentiment: r.net, meanScore: r.mean, repliesWritten: i, repliesReceived: 2 * i, agreesWith: r.agrees, disagreesWith: r.disagrees,
        }));
        const writeAuthor = (cells: CsvCells, a: AuthorSummary): void => writeAuthorRow(cells, a, labels, dialect);
        expect(chunked(authors, writeAuthor, dialect)).toBe(wholeRows(authors, writeAuthor, dialect));
      }),
      { numRuns: 200 },
    );
  });
});

describe('cells written without csv-stringify', () => {
  test('property: a number as formatCsvNumber writes it is a cell csv-stringify leaves as it is', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.integer(), fc.double({ min: -1e6, max: 1e6 })), fc.constantFrom(...DIALECTS), (value, dialect) => {
        const cell = formatCsvNumber(value, dialect);
        expect(encodeField(cell, dialect)).toBe(cell);
      }),
      { numRuns: 2000 },
    );
  });

  test('property: a number cell is what formatCsvNumber writes, whole numbers of 32 bits included', () => {
    const edges = fc.constantFrom(0, -0, 1, -1, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, -(2 ** 31) - 1, 2 ** 53 - 1, 1e21, 0.5, -0.00001, NaN, Infinity);
    fc.assert(
      fc.property(fc.oneof(edges, fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.double(), fc.integer()), fc.constantFrom(...DIALECTS), (value, dialect) => {
        expect(numberCell(value, dialect)).toBe(formatCsvNumber(value, dialect));
      }),
      { numRuns: 2000 },
    );
    expect(numberCell(null, 'excel')).toBe('');
    expect(numberCell(undefined, 'rfc4180')).toBe('');
  });

  test('a label holding the separator or a quote is quoted, as a text cell', () => {
    const chunk = new CsvChunk('rfc4180');
    for (const label of ['pour, contre', 'a;b', 'dit "non"', '=x']) {
      chunk.label(label);
      chunk.number('1');
      chunk.endRow();
    }
    expect(chunk.finish()).toBe('"pour, contre",1\r\na;b,1\r\n"dit ""non""",1\r\n\'=x,1\r\n');
  });

  test('rows without text cells, empty text cells and an empty chunk', () => {
    const chunk = new CsvChunk('excel');
    expect(chunk.finish()).toBe('');
    chunk.number('1,5');
    chunk.text('');
    chunk.endRow();
    chunk.text('');
    chunk.endRow();
    expect(chunk.finish()).toBe('1,5;\r\n\r\n');
    chunk.text('a;b');
    chunk.text('');
    chunk.text('"');
    chunk.endRow();
    expect(chunk.finish()).toBe('"a;b";;""""\r\n');
  });
});

describe('the files', () => {
  test('a comment and an author whose every text cell is hard: exact bytes', () => {
    const thread = threadWithManyComments(0, () => '');
    thread.comments = [comment(1, { id: '=id', author: 'A;B, "C"', createdAt: '\t2023', ownText: 'ligne\r\nsuite', text: '\uFEFF@x 👏' })];
    thread.authors = [{
      author: '@Zoé', comments: 2, dominantStance: 'l', stanceShares: { l: 0.5 }, netSentiment: -0.5, meanScore: -0.25, repliesWritten: 1, repliesReceived: 0,
      agreesWith: { 'x,y': 1 }, disagreesWith: {},
    }];
    expect(commentsCsv(thread, { labels: ['l'], dialect: 'excel' }).split('\r\n').slice(1).join('\r\n')).toBe(
      "1;'=id;0;1;10;\"A;B, \"\"C\"\"\";'\t2023;none;;;;;;;;;;;;;;;;0;\"ligne\r\nsuite\";\uFEFF@x 👏\r\n",
    );
    expect(authorsCsv(thread, { labels: ['l'] }).split('\r\n')[1]).toBe('\'@Zoé,2,l,0.5,-0.5,-0.25,1,0,"x,y (1)",');
  });
});
