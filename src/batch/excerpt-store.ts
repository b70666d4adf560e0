/**
 * The excerpts `summary.md` quotes, kept on disk while a thread's reports are written: what is
 * kept of a comment once its entry and row are written includes the excerpt of its words that
 * the reply tree may show, and for a million comments those would weigh 200 MB of memory. They
 * go to a temporary file next to the reports instead (`.excerpts.<pid>-<thread>.tmp`, removed
 * when the reports are done or dropped), and only the few thousand `summary.md` shows are read
 * back. UTF-16 on disk, so every code unit comes back as it was (lone surrogates included).
 */
import fs from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { grown } from '../growable.js';

/** Text gathered before a write call. */
const WRITE_CHARS = 1 << 15;

export class ExcerptStore {
  private readonly file: string;
  private fd: number | undefined;
  /** Byte offset of each excerpt; `starts[count]` is the end of the last one. */
  private starts = new Float64Array(1025);
  private count = 0;
  private pending = '';

  /** Opens the temporary file in `dir` (which must exist). */
  constructor(dir: string) {
    this.file = path.join(dir, `.excerpts.${process.pid}-${threadId}.tmp`);
    this.fd = fs.openSync(this.file, 'w+');
  }

  /** Keeps `text`; returns its number, for {@link read}. */
  add(text: string): number {
    const slot = this.count++;
    this.starts = grown(this.starts, this.count + 1);
    this.starts[slot + 1] = this.starts[slot] + text.length * 2;
    this.pending += text;
    if (this.pending.length >= WRITE_CHARS) this.flush();
    return slot;
  }

  /** The text kept as number `slot`. */
  read(slot: number): string {
    this.flush();
    const start = this.starts[slot];
    const bytes = Buffer.alloc(this.starts[slot + 1] - start);
    let done = 0;
    while (done < bytes.length) done += fs.readSync(this.openFd(), bytes, done, bytes.length - done, start + done);
    return bytes.toString('utf16le');
  }

  /** Removes the file; the texts can no longer be read. Safe to call twice. */
  close(): void {
    if (this.fd === undefined) return;
    fs.closeSync(this.fd);
    this.fd = undefined;
    fs.rmSync(this.file, { force: true });
  }

  private flush(): void {
    if (this.pending === '') return;
    const bytes = Buffer.from(this.pending, 'utf16le');
    this.pending = '';
    const fd = this.openFd();
    let done = 0;
    // Appends: the file offset only moves with writes (reads give their position).
    while (done < bytes.length) done += fs.writeSync(fd, bytes, done, bytes.length - done);
  }

  private openFd(): number {
    if (this.fd === undefined) throw new Error('comment excerpts are only kept while the reports are written; read the comments from thread.json');
    return this.fd;
  }
}
