/**
 * `comments.csv` (one row per comment) and `authors.csv` (one row per author).
 *
 * Two dialects:
 * - `rfc4180` (default): UTF-8 without BOM, `,` separator, `.` decimal point, CRLF record ends.
 * - `excel`: what a French-locale Excel or LibreOffice opens right by double-click: UTF-8 with BOM
 *   (so accents are read as UTF-8), `;` separator, `,` decimal comma, CRLF record ends.
 * Both quote a field only when it holds the separator, a quote or a line end, doubling inner quotes
 * (RFC 4180 §2); line ends inside a comment stay as they are, inside quotes. Scores are written as bare numbers so spreadsheets read them
 * as numbers; text cells that a spreadsheet would run as a formula are neutralised (see
 * {@link neutraliseFormula}). Rows come out in chunks so a million-comment thread never needs one
 * giant string.
 *
 * Quoting is csv-stringify's, called once per chunk of rows for the chunk's text cells (see
 * `csv-chunk.ts`): at most {@link ROWS_PER_CHUNK} rows, and the rows of one batch of comments while
 * a thread is analyzed (`ThreadReportWriter` flushes after each batch, so rows never wait for later
 * comments). 100 rows, not more: at 1,000 rows waiting they outlived the young generation and
 * were promoted into the old one (measured: 1.27 GB peak RSS for a 200,000-comment thread at 1,000
 * rows, 1.05 GB at 50). Round trips through csv-parse are tested.
 */
import { AGREEMENT_EVIDENCE_KIND, type AnalyzedThread, type AuthorSummary, type Comment, type SentimentTerm, type StanceEvidence } from '../model.js';
import { CsvChunk, encodeField, encodeRows, neutraliseFormula, type CsvCells } from './csv-chunk.js';

export { encodeField, neutraliseFormula };

export type CsvDialect = 'rfc4180' | 'excel';

export interface CsvOptions {
  dialect?: CsvDialect;
  /**
   * Stance labels in schema order: one `score_<label>` (comments) / `share_<label>` (authors)
   * column each. Defaults to the labels found in the thread, in first-seen order.
   */
  labels?: string[];
}

const UTF8_BOM = '\uFEFF';
const ROWS_PER_CHUNK = 100;

/**
 * A number as the dialect writes it: at most 4 decimals (scores carry float noise), no `-0`,
 * decimal comma for `excel`; empty for NaN and infinities.
 */
export function formatCsvNumber(value: number, dialect: CsvDialect = 'rfc4180'): string {
  const tenThousandths = Math.round(value * 1e4);
  if (tenThousandths > -EXACT_TEN_THOUSANDTHS && tenThousandths < EXACT_TEN_THOUSANDTHS) {
    if (tenThousandths === 0) return '0';
    const units = Math.abs(tenThousandths);
    const whole = Math.floor(units / 1e4);
    const fraction = fractionText(units - whole * 1e4, dialect);
    return tenThousandths < 0 ? `-${whole}${fraction}` : `${whole}${fraction}`;
  }
  return roundedNumberText(value, dialect);
}

/**
 * {@link formatCsvNumber} by its definition: the number rounded to 4 decimals, as `String` writes
 * it (NaN and infinities: empty).
 */
function roundedNumberText(value: number, dialect: CsvDialect = 'rfc4180'): string {
  if (!Number.isFinite(value)) return '';
  // A value above about 1.8e304 overflows when scaled; at that size it has no decimals to round.
  const scaled = Math.round(value * 1e4) / 1e4;
  const rounded = Number.isFinite(scaled) ? scaled : value;
  const text = String(rounded === 0 ? 0 : rounded);
  return dialect === 'excel' ? text.replace('.', ',') : text;
}

/**
 * Below this many ten-thousandths, {@link formatCsvNumber} writes `n / 1e4` as the digits of `n`
 * with a decimal point before the last four, trailing zeros dropped: that decimal has at most 15
 * significant digits, so it is the only one of 15 digits or fewer that reads back as the double
 * `n / 1e4`, hence the shortest, which `String` writes (and in plain notation, the number being
 * at least 1e-4 and below 1e21). Two integer conversions and a table instead of the shortest
 * digits of a double: on the number cells of the 10,000-comment synthetic page, 4.0 → 1.1 ms.
 */
const EXACT_TEN_THOUSANDTHS = 1e15;
/**
 * `.` or `,` and the digits of each fraction of ten-thousandths, trailing zeros dropped ('' for
 * 0), each made on its first use: building all 20,000 when the module loaded cost about 6 ms of
 * every run, a loss on a thread of a few hundred comments.
 */
const FRACTIONS: (string | undefined)[] = new Array(1e4);
const EXCEL_FRACTIONS: (string | undefined)[] = new Array(1e4);

/** The text of `fraction` ten-thousandths after the whole part (see {@link FRACTIONS}). */
function fractionText(fraction: number, dialect: CsvDialect): string {
  const table = dialect === 'excel' ? EXCEL_FRACTIONS : FRACTIONS;
  let text = table[fraction];
  if (text === undefined) {
    const digits = String(fraction).padStart(4, '0').replace(/0+$/, '');
    table[fraction] = text = digits === '' ? '' : `${dialect === 'excel' ? ',' : '.'}${digits}`;
  }
  return text;
}

/** The stance labels present in a thread, in first-seen order (comment scores, then author shares). */
function labelsOf(thread: AnalyzedThread): string[] {
  const seen = new Set<string>();
  for (const comment of thread.comments) {
    if (!comment.stance) continue;
    for (const label of Object.keys(comment.stance.scores)) seen.add(label);
    seen.add(comment.stance.label);
  }
  for (const author of thread.authors) for (const label of Object.keys(author.stanceShares)) seen.add(label);
  return [...seen];
}

/** The strongest piece of evidence for the label a comment got, as `kind: text (target)`. */
export function topEvidence(evidence: StanceEvidence[], label: string): string {
  let best: StanceEvidence | undefined;
  for (const item of evidence) {
    if (item.label !== label) continue;
    if (best === undefined || Math.abs(item.weight) > Math.abs(best.weight)) best = item;
  }
  if (best === undefined) return '';
  return `${best.kind}: ${best.text}${best.target ? ` (${best.target})` : ''}`;
}

/**
 * Why a reply agrees or disagrees with its parent: the notes of the agreement stage that point the
 * way it decided, joined by `; ` (empty for `none` and at top level). Agreement evidence is labelled
 * with the parent's stance, so {@link topEvidence} cannot show it for a reply that takes another side.
 */
export function agreementReason(evidence: StanceEvidence[], agreement: string | undefined): string {
  if (agreement !== 'agree' && agreement !== 'disagree') return '';
  const kind = AGREEMENT_EVIDENCE_KIND[agreement];
  let text = '';
  for (const item of evidence) if (item.kind === kind) text += (text === '' ? '' : '; ') + item.text;
  return text;
}

/** Sentiment terms as `term +2; autre -1 [negation]`, the rules that changed a value in brackets. */
function termsText(terms: SentimentTerm[], dialect: CsvDialect): string {
  // Appended term by term: no array of the terms' texts to join.
  let text = '';
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i];
    const value = formatCsvNumber(t.value, dialect);
    text += `${i === 0 ? '' : '; '}${t.term} ${t.value > 0 ? `+${value}` : value}${t.rules.length > 0 ? ` [${t.rules.join(', ')}]` : ''}`;
  }
  return text;
}

/** `name (2); other (1)` for a who-agrees-with-whom map, most frequent first then by name. */
function countsText(counts: Record<string, number>): string {
  return Object.entries(counts)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([name, count]) => `${name} (${count})`)
    .join('; ');
}

/** Column names of `comments.csv` for the given stance labels (documented in the README). */
export function commentColumns(labels: string[]): string[] {
  return [
    'index', 'id', 'parent_index', 'depth', 'line', 'author', 'created_at', 'reply_evidence', 'agreement', 'agreement_probability', 'agreement_rules', 'agreement_reason',
    'sentiment_label', 'sentiment_probability', 'sentiment_rules_label', 'lexicon_score', 'lexicon_comparative',
    'stance_label', 'stance_confidence', 'stance_rules_label', ...labels.map((l) => `score_${l}`),
    'top_evidence', 'sentiment_terms', 'quote_count', 'own_text', 'text',
  ];
}

/** Column names of `authors.csv` for the given stance labels (documented in the README). */
export function authorColumns(labels: string[]): string[] {
  return [
    'author', 'comments', 'dominant_stance', ...labels.map((l) => `share_${l}`), 'net_sentiment', 'mean_lexicon_score',
    'replies_written', 'replies_received', 'agrees_with', 'disagrees_with',
  ];
}

/**
 * A number cell: {@link formatCsvNumber}'s text, empty when there is no number. A whole number of
 * 32 bits (indexes, depths, lines, counts: two thirds of the number cells) is its `String`:
 * rounding leaves it as it is, `-0` is written `0` and there is no decimal point (tested against
 * formatCsvNumber). That saves 1-3% of the CSV rows' time (10,000-comment synthetic page).
 */
export function numberCell(value: number | null | undefined, dialect: CsvDialect): string {
  if (value === null || value === undefined) return '';
  return (value | 0) === value ? String(value) : formatCsvNumber(value, dialect);
}

/**
 * Writes a comment's row, in {@link commentColumns} order: numbers per dialect, labels, text
 * (neutralised, see {@link neutraliseFormula}); nothing as ''.
 */
export function writeCommentRow(cells: CsvCells, comment: Comment, labels: readonly string[], dialect: CsvDialect): void {
  const { sentiment, stance } = comment;
  cells.number(numberCell(comment.index, dialect));
  cells.text(comment.id);
  cells.number(numberCell(comment.parentIndex, dialect));
  cells.number(numberCell(comment.depth, dialect));
  cells.number(numberCell(comment.line, dialect));
  cells.text(comment.author);
  cells.text(comment.createdAt ?? '');
  cells.label(comment.replyEvidence);
  cells.label(comment.agreement ?? '');
  cells.number(numberCell(comment.agreementProbability, dialect));
  cells.label(comment.rulesAgreement ?? '');
  cells.text(stance ? agreementReason(stance.evidence, comment.agreement) : '');
  cells.label(sentiment?.label ?? '');
  cells.number(numberCell(sentiment?.probability, dialect));
  cells.label(sentiment?.rulesLabel ?? '');
  cells.number(sentiment ? numberCell(sentiment.score, dialect) : '');
  cells.number(sentiment ? numberCell(sentiment.comparative, dialect) : '');
  cells.label(stance?.label ?? '');
  cells.number(stance ? numberCell(stance.confidence, dialect) : '');
  cells.label(stance?.rulesLabel ?? '');
  for (const label of labels) cells.number(stance && label in stance.scores ? numberCell(stance.scores[label], dialect) : '');
  cells.text(stance ? topEvidence(stance.evidence, stance.label) : '');
  cells.text(sentiment ? termsText(sentiment.terms, dialect) : '');
  cells.number(numberCell(comment.quotes.length, dialect));
  cells.text(comment.ownText);
  cells.text(comment.text);
  cells.endRow();
}

/** Writes an author's row, in {@link authorColumns} order (see {@link writeCommentRow}). */
export function writeAuthorRow(cells: CsvCells, author: AuthorSummary, labels: readonly string[], dialect: CsvDialect): void {
  cells.text(author.author);
  cells.number(numberCell(author.comments, dialect));
  cells.label(author.dominantStance);
  for (const label of labels) cells.number(label in author.stanceShares ? numberCell(author.stanceShares[label], dialect) : '');
  cells.number(numberCell(author.netSentiment, dialect));
  cells.number(numberCell(author.meanScore, dialect));
  cells.number(numberCell(author.repliesWritten, dialect));
  cells.number(numberCell(author.repliesReceived, dialect));
  cells.text(countsText(author.agreesWith));
  cells.text(countsText(author.disagreesWith));
  cells.endRow();
}

/**
 * The first line of a CSV file of the dialect: the byte-order mark for `excel`, then the header
 * row. Combined files (all threads of a run) start with this and `thread` as first column.
 */
export function csvHeader(columns: string[], dialect: CsvDialect = 'rfc4180'): string {
  return (dialect === 'excel' ? UTF8_BOM : '') + encodeRows([columns], dialect);
}

/**
 * A table built one item at a time: each item's cells are written when it is added (so what they
 * were read from may be let go right after), and every `ROWS_PER_CHUNK` rows come back encoded,
 * ready to write.
 */
export class CsvRows<T> {
  private readonly chunk: CsvChunk;
  private rows = 0;

  /** @param writeRow writes an item's cells (see {@link writeCommentRow}) */
  constructor(private readonly columns: string[], private readonly writeRow: (cells: CsvCells, item: T) => void, private readonly dialect: CsvDialect) {
    this.chunk = new CsvChunk(dialect);
  }

  /** The first chunk of the file: BOM (excel) and header row. */
  header(): string {
    return csvHeader(this.columns, this.dialect);
  }

  /** Adds an item's row; returns an encoded chunk when a batch is full, else ''. */
  add(item: T): string {
    this.writeRow(this.chunk, item);
    return ++this.rows >= ROWS_PER_CHUNK ? this.flush() : '';
  }

  /** The rows added since the last chunk, encoded ('' when none). */
  flush(): string {
    this.rows = 0;
    return this.chunk.finish();
  }
}

/** Rows of any table, header first (after the BOM for `excel`), `ROWS_PER_CHUNK` rows per chunk. */
function* tableChunks<T>(rows: CsvRows<T>, items: Iterable<T>): Generator<string> {
  yield rows.header();
  for (const item of items) {
    const chunk = rows.add(item);
    if (chunk !== '') yield chunk;
  }
  const last = rows.flush();
  if (last !== '') yield last;
}

/** The rows of `comments.csv`, one comment at a time (see {@link CsvRows}). */
export function commentsCsvRows(labels: string[], dialect: CsvDialect): CsvRows<Comment> {
  return new CsvRows(commentColumns(labels), (cells: CsvCells, comment: Comment) => writeCommentRow(cells, comment, labels, dialect), dialect);
}

/** `comments.csv` of a thread, in chunks (join them for the whole file). */
export function commentsCsvChunks(thread: AnalyzedThread, options: CsvOptions = {}): Generator<string> {
  return tableChunks(commentsCsvRows(options.labels ?? labelsOf(thread), options.dialect ?? 'rfc4180'), thread.comments);
}

/** `authors.csv` of a thread, in chunks (join them for the whole file). */
export function authorsCsvChunks(thread: AnalyzedThread, options: CsvOptions = {}): Generator<string> {
  const dialect = options.dialect ?? 'rfc4180';
  const labels = options.labels ?? labelsOf(thread);
  return tableChunks(new CsvRows(authorColumns(labels), (cells: CsvCells, a: AuthorSummary) => writeAuthorRow(cells, a, labels, dialect), dialect), thread.authors);
}

/** `comments.csv` of a thread as one string. */
export function commentsCsv(thread: AnalyzedThread, options: CsvOptions = {}): string {
  return [...commentsCsvChunks(thread, options)].join('');
}

/** `authors.csv` of a thread as one string. */
export function authorsCsv(thread: AnalyzedThread, options: CsvOptions = {}): string {
  return [...authorsCsvChunks(thread, options)].join('');
}
