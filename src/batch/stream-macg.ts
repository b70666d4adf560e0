/**
 * A MacG page analyzed while it is read, line by line: each comment is parsed, placed in the reply
 * tree, analyzed and written before the next one is read, so neither the page nor its comments
 * are ever held whole (a million-comment page is 325 MB of UTF-8 and 650 MB as one string). What
 * stays per comment is what the summaries need (see `ThreadReportWriter`) and a few numbers for
 * reply inference and stance (see `ReplyInferrer`, `StanceWalk`).
 *
 * The reports are byte-identical to those of the whole-page path (decode, `parseMacg`,
 * `buildThread`, `analyzeAndWriteReports`), which a test checks on real and generated pages.
 */
import type { AnalyzedThread, Article, RawComment } from '../model.js';
import { ThreadStanceError } from '../errors.js';
import { Utf8LineFile } from '../input/stream.js';
import { detectFormat, headWithOwnStrings, MacgReader, SNIFF_LINES } from '../parse/index.js';
import { CONTINUATION_BY_DEFAULT, commentOf, expectedWordsOf, ReplyInferrer } from '../thread/index.js';
import type { StanceSchema } from '../stance/index.js';
import type { StageClock } from '../pipeline.js';
import { ThreadReportWriter, type ReportSettings } from './thread-reports.js';
import type { SentimentWorker } from './sentiment-worker.js';
import { grown } from '../growable.js';

/** Whitespace and invisible characters only: a page made of such lines is empty (`INPUT_EMPTY`). */
const NOTHING_VISIBLE = /^[\s\u200b-\u200d\u2060\ufeff]*$/u;

/** How a page is to be read: its format as given (`auto`: detected) and the continuation rule. */
export interface StreamOptions {
  format: 'macg' | 'auto';
  continuation?: boolean;
  /** Bytes per read of the file (default 64 KiB; tests use tiny reads). */
  readBytes?: number;
  /** Scores the comments' own words on another thread (see `sentiment-worker.ts`). */
  sentimentWorker?: SentimentWorker;
}

/**
 * Analyzes the page in `file` and writes its reports into `dir`, reading it line by line, when
 * it can be: a UTF-8 file that is (or is detected as) a MacG page. Returns null, having written
 * nothing, for any other input: the caller then reads it whole (other formats, other encodings,
 * and the messages about broken files all live there).
 */
export async function analyzeMacgStream(
  file: string, source: string, schema: StanceSchema, dir: string, settings: ReportSettings, options: StreamOptions, clock?: StageClock,
): Promise<AnalyzedThread | null> {
  const input = Utf8LineFile.open(file, source, options.readBytes);
  if (input === null) return null;
  const lines = input.lines();
  // Read with `next()`, not a `for ... of` left by `break`, which would close the generator.
  const sniffed: string[] = [];
  while (sniffed.length < SNIFF_LINES) {
    const next = lines.next();
    if (next.done === true) break;
    sniffed.push(next.value);
  }
  if (options.format === 'auto' && detectFormat(sniffed.join('\n'), source) !== 'macg') return null;

  const reader = new MacgReader();
  const writer = new ThreadReportWriter(dir, settings, schema, clock, options.sentimentWorker);
  const depths = new DepthTable();
  let head: { title: string; article: Article } | undefined;
  let inferrer: ReplyInferrer | undefined;
  let visible = false;
  const start = (): ReplyInferrer => {
    head = headWithOwnStrings(reader.head as { title: string; article: Article });
    writer.begin({ source, format: 'macg', ...head });
    return new ReplyInferrer(head, { continuation: options.continuation ?? CONTINUATION_BY_DEFAULT, expectedWords: expectedWordsOf(input.bytes) });
  };
  // Both return the writer's promise when it asks the reader to wait (see `ThreadReportWriter.add`).
  const place = (raw: RawComment): Promise<void> | undefined => {
    inferrer ??= start();
    const reply = inferrer.next(raw);
    // Mentions, quotes and continuations only ever point to earlier comments: no parent to reject.
    const comment = commentOf(raw, reply, reply.parentIndex, depths.add(reply.index, reply.parentIndex));
    clock?.lap('tree');
    return writer.add(comment);
  };
  const read = (line: string): Promise<void> | undefined => {
    if (!visible && !NOTHING_VISIBLE.test(line)) visible = true;
    const done = reader.line(line);
    if (done === null) return undefined;
    // One lap per comment, not per line: the lines read since the last lap are parsing all the
    // same, and a clock read per line cost the benchmark 50-60 ms per 830k lines (100k comments).
    clock?.lap('parse');
    return place(done);
  };

  try {
    for (const line of sniffed) {
      const wait = read(line);
      if (wait !== undefined) await wait;
    }
    sniffed.length = 0;
    for (const line of lines) {
      const wait = read(line);
      if (wait !== undefined) await wait;
    }
    if (!visible) throw new ThreadStanceError('INPUT_EMPTY', 'expected a thread, found an empty file', { file: source });
    const last = reader.end();
    clock?.lap('parse');
    if (last !== null) await place(last);
    if (inferrer === undefined) start();
    const thread = {
      source, format: 'macg' as const, ...(head as { title: string; article: Article }), comments: [],
      lines: reader.lines(), warnings: [...reader.warnings, ...(inferrer?.warnings ?? [])],
    };
    return await writer.finish(thread);
  } catch (error) {
    writer.abort();
    throw error;
  }
}

/** Depth of every comment seen (1 for top level), by index: one number each. */
class DepthTable {
  private depths = new Int32Array(1024);

  /** Records comment `index` under `parentIndex` (0: the article) and returns its depth. */
  add(index: number, parentIndex: number): number {
    this.depths = grown(this.depths, index + 1);
    const depth = this.depths[parentIndex] + 1;
    this.depths[index] = depth;
    return depth;
  }
}
