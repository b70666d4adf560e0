/**
 * fast-check generators of hostile threads: MacG page text, JSONL and CSV exports, and file names.
 * Each generator also returns what a correct parse must find (how many comments, which records),
 * so the property tests can check conservation, not just "no crash".
 */
import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';

const NBSP = '\u00a0';

/** Content that tries to take over a report, a spreadsheet or a terminal. */
export const HOSTILE_SNIPPETS = [
  "=cmd|' /C calc'!A0", '+1', '-1', '@SUM(A1:A9)', '=HYPERLINK("http://x","y")', '\t=1',
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<details>', '</details>', '<!--', '-->',
  '| a | b |', '|---|---|', '[x](javascript:alert(1))', '![i](http://x/i.png)', '**gras**', '# Titre', '---',
  'pie', '"a" : 1', '%%{init: {}}%%', '```', '```mermaid', '~~~', '`code`', '$x$', '\\', '\\|',
  '\u001b[31mrouge\u001b[0m', '\u001b]8;;http://x\u0007lien\u001b]8;;\u0007', '\u009b31m',
  '\u202eevil\u202c', '\u2066iso\u2069', '\u200b', '\u200d', '\ufeff', NBSP, '\u202f', '\t', '\u2028', '\u0085',
  '« cité »', '“guillemets”', '"', '«', '»', '> ligne citée', '…', '🙂', '👩‍👩‍👧', 'e\u0301',
  `anticonstitutionnellement${'x'.repeat(400)}`, 'Oui, tout à fait.', 'Non !', '?', '@', '@ghost',
] as const;

/** French words of a debate, so the NLP stages have something to chew on. */
const WORDS = [
  'Microsoft', 'OpenAI', 'Altman', 'je', 'pense', 'que', 'c’est', 'une', 'bonne', 'mauvaise', 'idée', 'pas',
  'd’accord', 'excellent', 'nul', 'vraiment', 'mais', 'le', 'conseil', 'a', 'raison', 'tort', 'bravo',
  'honte', 'très', 'peu', 'l’IA', 'sécurité', 'profit', 'bof', 'génial', 'catastrophe',
];

const word = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_SNIPPETS) },
  // Any code point but NUL: a NUL byte makes a file binary by rule (INPUT_BINARY, tested in
  // decode.test.ts), so a generated text thread must not hold one to be a text thread.
  { weight: 1, arbitrary: fc.string({ maxLength: 8, unit: 'binary' }).map((s) => s.replace(/\u0000/g, '\u0001')) },
);

/** One line of comment text (no line end; may be empty, hostile, or very long). */
export const textLine = fc.array(word, { maxLength: 12 }).map((words) => words.join(' ').replace(/[\n\r]/g, ' '));

/**
 * Lines that would change a MacG page's structure if they were inside a comment: avatar lines,
 * and a last line that reads as page footer. The MacG generator keeps comment text free of them
 * (the robustness property still feeds them in through arbitrary text).
 */
function safeMacgLine(line: string): string {
  const trimmed = line.trim();
  if (trimmed.startsWith('avatar')) return `« ${line} »`;
  return line;
}

/** Author names: plain, accented, case and accent twins, with invisible or hostile characters. */
export const authorName = fc.oneof(
  fc.constantFrom(
    'Alice', 'alice', 'Élodie', 'Elodie', 'elodie', 'Dark Phantom', `Dark${NBSP}Phantom`, 'Dark\u200bPhantom', 'Zoé', 'zoe',
    'Zoe\u0301', '=HYPERLINK("x")', '+33 6', '-moi', '@admin', '\u001b[31mRed', 'Bob\u202e', '\u2066Iso\u2069', 'O’Neil', 'J.R. Smith',
    '<b>x</b>', 'a|b', 'x'.repeat(70),
  ),
  fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !/[\n\r]/.test(s)),
);

/** A comment text of a few lines, optionally opening with a mention of `mention`. */
function commentText(mention: string | null): fc.Arbitrary<string> {
  return fc.array(textLine, { maxLength: 4 }).map((lines) => {
    const body = lines.map(safeMacgLine);
    if (mention !== null) body.unshift(`@${mention} ${body.shift() ?? ''}`);
    return body.join('\n');
  });
}

/** A generated MacG page and the comments a correct parse must find. */
export interface MacgCase {
  text: string;
  /** Blocks in order: the name as written, the text, the 1-based line of the avatar line, the mentioned block. */
  blocks: { author: string; text: string; line: number; mentions: number | null }[];
}

/** MacG page text: title, byline, article, 0-12 comment blocks (names without line ends or bars at the end), footer. */
export const macgThread: fc.Arbitrary<MacgCase> = fc
  .record({
    title: textLine.map((t) => `Titre ${t}`),
    article: fc.array(textLine.map(safeMacgLine), { maxLength: 3 }),
    blocks: fc.array(
      fc.record({ author: authorName, mentionOf: fc.option(fc.nat(20)), crlf: fc.boolean() }),
      { maxLength: 12 },
    ),
    seedTexts: fc.array(fc.tuple(commentText(null), textLine), { minLength: 12, maxLength: 12 }),
    lineEnd: fc.constantFrom('\n', '\r\n', '\r'),
  })
  .map(({ title, article, blocks, seedTexts, lineEnd }) => {
    const lines = [title, '', `Jeanne Auteur${NBSP}|`, '', ...article, ''];
    const out: MacgCase['blocks'] = [];
    blocks.forEach((block, k) => {
      // An author line must stay one line ending in a bar: no line end in the name.
      const author = block.author.replace(/[\n\r|]/g, ' ');
      const mentions = block.mentionOf !== null && k > 0 ? block.mentionOf % k : null;
      const [body, extra] = seedTexts[k];
      const text = (mentions !== null ? `@${out[mentions].author} ${extra}` : body).split('\n').map(safeMacgLine).join('\n');
      const line = lines.length + 1;
      lines.push(`avatar ${author}${NBSP}|${NBSP}`, '', ...text.split('\n'), '');
      out.push({ author, text, line, mentions });
    });
    lines.push('Pages', '', 'CONNEXION UTILISATEUR');
    return { text: lines.join(lineEnd), blocks: out };
  });

/** How a generated record names its parent. */
type ParentKind = 'none' | 'earlier' | 'later' | 'self' | 'missing';

/** A generated record export and the distinct records it holds. */
export interface RecordCase {
  format: 'jsonl' | 'csv';
  text: string;
  /** Distinct records in file order (exact repeats left out): what the thread must hold. */
  records: { id: string; author: string; text: string; parentId?: string }[];
  /** How many exact repeats of an earlier record the file holds. */
  repeats: number;
}

/** JSONL or CSV export: ids (strings or numbers), parents earlier, later, self, missing, cycles, exact repeats. */
export const recordThread: fc.Arbitrary<RecordCase> = fc
  .record({
    format: fc.constantFrom<'jsonl' | 'csv'>('jsonl', 'csv'),
    rows: fc.array(
      fc.record({
        author: authorName,
        text: fc.array(textLine, { maxLength: 3 }).map((lines) => lines.join('\n')),
        parent: fc.constantFrom<ParentKind>('none', 'earlier', 'earlier', 'later', 'self', 'missing'),
        pick: fc.nat(50),
        numericId: fc.boolean(),
        repeat: fc.boolean(),
        blankLineAfter: fc.boolean(),
      }),
      // An empty export is INPUT_EMPTY (tested apart): at least one record here.
      { minLength: 1, maxLength: 15 },
    ),
    crlf: fc.boolean(),
  })
  .map(({ format, rows, crlf }) => {
    const ids = rows.map((row, i) => (row.numericId ? String(i + 1) : `c-${i + 1}`));
    const records = rows.map((row, i) => {
      const record: { id: string; author: string; text: string; parentId?: string } = { id: ids[i], author: row.author, text: row.text };
      if (row.parent === 'earlier' && i > 0) record.parentId = ids[row.pick % i];
      else if (row.parent === 'later' && i + 1 < rows.length) record.parentId = ids[i + 1 + (row.pick % (rows.length - i - 1))];
      else if (row.parent === 'self') record.parentId = ids[i];
      else if (row.parent === 'missing') record.parentId = `ghost-${row.pick}`;
      return record;
    });
    // Exact repeats of a record come right after it (a page exported twice).
    const written: typeof records = [];
    const blankAfter: boolean[] = [];
    let repeats = 0;
    records.forEach((record, i) => {
      written.push(record);
      blankAfter.push(rows[i].blankLineAfter);
      if (rows[i].repeat) {
        written.push(record);
        blankAfter.push(false);
        repeats++;
      }
    });
    const lineEnd = crlf ? '\r\n' : '\n';
    let text: string;
    if (format === 'jsonl') {
      text = written.map((r, i) => JSON.stringify(r) + (blankAfter[i] ? lineEnd : '')).join(lineEnd);
    } else {
      text = stringify(written.map((r) => [r.id, r.parentId ?? '', r.author, r.text]), {
        header: true, columns: ['id', 'parentId', 'author', 'text'], record_delimiter: crlf ? 'windows' : 'unix', quoted_match: /[\r\n]/,
      });
    }
    return { format, text, records, repeats };
  });

/** Any text at all, biased toward the hostile and the structural (avatar lines, JSON, CSV headers). */
export const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.array(fc.oneof(textLine, fc.constantFrom('avatar Bob\u00a0|\u00a0', 'avatar |', '{"id":1,"author":"A","text":"x"}', '{"id":1}', '[1]', 'null',
    'id,author,text', 'id,parentId,author,text', '1,,A,"x', '"', 'Pages', 'CONNEXION UTILISATEUR', '', '   ', '\ufeff')), { maxLength: 20 })
    .chain((lines) => fc.constantFrom('\n', '\r\n', '\r').map((end) => lines.join(end))),
  macgThread.map((c) => c.text),
  recordThread.map((c) => c.text),
);

/** File names with `..`, slashes turned into names, spaces, accents, controls and ANSI escapes. */
export const hostileFileStem = fc.oneof(
  fc.constantFrom('..', '...', '.hidden', 'a b', 'é à', '..%2F..%2Fetc', '-rf', 'CON', 'nul', '\u001b[31mred', 'x\u202etxt.exe', 'a\tb', '#1', '%s%n', 'thread'),
  fc.string({ minLength: 1, maxLength: 20, unit: 'binary' }),
).map((stem) => stem.replace(/[/\\\u0000]/g, '_'));
