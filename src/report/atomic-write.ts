/**
 * Atomic file writes for reports: the content goes to a temporary file in the same folder, is
 * flushed to disk, then renamed over the target. A rename within one folder is atomic, so a run
 * that is interrupted (Ctrl-C, kill, crash) leaves either the previous complete file or the new
 * complete one, never half a report. A leftover temporary file is named `.<name>.<pid>-<thread>.tmp`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';

/** Chunks are gathered up to this size before a write call, to keep system calls few. */
const WRITE_BUFFER_CHARS = 1 << 16;

/** Writes all of `text` as UTF-8 (a single write call may write less than asked). */
function writeAll(fd: number, text: string): void {
  writeAllBytes(fd, Buffer.from(text, 'utf8'));
}

/** Writes all of `bytes` (a single write call may write less than asked). */
function writeAllBytes(fd: number, bytes: Uint8Array): void {
  let offset = 0;
  while (offset < bytes.length) offset += fs.writeSync(fd, bytes, offset, bytes.length - offset);
}

/**
 * A report file being written: chunks go to a temporary file next to it; {@link commit} flushes it
 * to disk and renames it over the target, {@link abort} removes it. For reports written while the
 * thread is still being analyzed (several files open at once, filled comment by comment).
 */
export class AtomicFile {
  private readonly temp: string;
  private fd: number | undefined;
  private buffer = '';

  /** Opens the temporary file of `file` (the folder must exist). */
  constructor(private readonly file: string) {
    // The temporary name carries the process and thread ids: worker threads never share one.
    this.temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${threadId}.tmp`);
    this.fd = fs.openSync(this.temp, 'w');
  }

  /** Appends text (written as UTF-8) or bytes (written as they are). */
  write(chunk: string | Uint8Array): void {
    const fd = this.openFd();
    if (typeof chunk !== 'string') {
      if (this.buffer !== '') writeAll(fd, this.buffer);
      this.buffer = '';
      writeAllBytes(fd, chunk);
      return;
    }
    this.buffer += chunk;
    if (this.buffer.length >= WRITE_BUFFER_CHARS) {
      writeAll(fd, this.buffer);
      this.buffer = '';
    }
  }

  /** Writes what is buffered, flushes to disk and renames over the target: the file is complete. */
  commit(): void {
    const fd = this.openFd();
    if (this.buffer !== '') writeAll(fd, this.buffer);
    this.buffer = '';
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    this.fd = undefined;
    fs.renameSync(this.temp, this.file);
  }

  /** Drops the temporary file; the target keeps its previous content (if any). Safe to call twice. */
  abort(): void {
    if (this.fd !== undefined) {
      try { fs.closeSync(this.fd); } catch { /* already closed */ }
      this.fd = undefined;
    }
    this.buffer = '';
    fs.rmSync(this.temp, { force: true });
  }

  private openFd(): number {
    if (this.fd === undefined) throw new Error(`${this.file}: written after commit or abort`);
    return this.fd;
  }
}

/**
 * Writes `content` (a string, or chunks produced one at a time: text as UTF-8, or bytes as they
 * are) to `file` atomically. The folder must exist. On any error the temporary file is removed
 * and the error rethrown.
 */
export function writeFileAtomic(file: string, content: string | Iterable<string | Uint8Array>): void {
  const out = new AtomicFile(file);
  try {
    if (typeof content === 'string') out.write(content);
    else for (const chunk of content) out.write(chunk);
    out.commit();
  } catch (error) {
    out.abort();
    throw error;
  }
}
