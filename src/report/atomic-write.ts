/**
 * Atomic file writes for reports: the content goes to a temporary file in the same folder, is
 * flushed to disk, then renamed over the target. A rename within one folder is atomic, so a run
 * that is interrupted (Ctrl-C, kill, crash) leaves either the previous complete file or the new
 * complete one, never half a report. A leftover temporary file is named `.<name>.<pid>-<thread>.tmp`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';

/**
 * Text chunks are encoded straight into a byte buffer of this size, written when full: few system
 * calls, and no long concatenated string to flatten and encode again (that cost 3.5% of a run).
 */
const WRITE_BUFFER_BYTES = 1 << 18;
/** UTF-8 bytes of one UTF-16 code unit, at most (a surrogate pair is 2 units, 4 bytes). */
const MAX_BYTES_PER_UNIT = 3;

/**
 * Bytes written between two flushes to disk started in the background (see
 * {@link AtomicFile.syncInBackground}). Without them the whole file waited in the page cache for
 * the `fsync` of {@link AtomicFile.commit}: a 1 GB file written at the pipeline's pace took
 * 480-510 ms to flush at the end, 18-21 ms with a background flush every 32 MiB (and the writes
 * did not get slower).
 */
const BACKGROUND_SYNC_BYTES = 32 << 20;

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
  private readonly buffer = Buffer.allocUnsafe(WRITE_BUFFER_BYTES);
  /** Bytes of {@link buffer} filled and not yet written. */
  private filled = 0;
  /** Bytes written to the file since the last background flush started. */
  private unsynced = 0;
  /** A second descriptor of the temporary file, for background flushes (opened at the first). */
  private syncFd: number | undefined;
  /** Whether a background flush is running; {@link done}: the file was committed or aborted. */
  private syncing = false;
  private done = false;

  /**
   * Opens the temporary file of `file` (the folder must exist). `backgroundSyncBytes`: bytes
   * written between two background flushes to disk (tests set it low).
   */
  constructor(private readonly file: string, private readonly backgroundSyncBytes = BACKGROUND_SYNC_BYTES) {
    // The temporary name carries the process and thread ids: worker threads never share one.
    this.temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${threadId}.tmp`);
    this.fd = fs.openSync(this.temp, 'w');
  }

  /** Appends text (written as UTF-8) or bytes (written as they are). */
  write(chunk: string | Uint8Array): void {
    const fd = this.openFd();
    if (typeof chunk !== 'string') {
      this.flush(fd);
      this.writeBytes(fd, chunk);
      return;
    }
    // The room check is by the worst case, so `write` never cuts a chunk (it would stop before a
    // character that does not fit, and the rest would have to be written again).
    if (chunk.length * MAX_BYTES_PER_UNIT > WRITE_BUFFER_BYTES - this.filled) {
      this.flush(fd);
      if (chunk.length * MAX_BYTES_PER_UNIT > WRITE_BUFFER_BYTES) {
        this.writeBytes(fd, Buffer.from(chunk, 'utf8'));
        return;
      }
    }
    this.filled += this.buffer.write(chunk, this.filled, 'utf8');
  }

  private flush(fd: number): void {
    if (this.filled > 0) this.writeBytes(fd, this.buffer.subarray(0, this.filled));
    this.filled = 0;
  }

  /** Writes bytes to the file, starting a background flush after every {@link backgroundSyncBytes}. */
  private writeBytes(fd: number, bytes: Uint8Array): void {
    writeAllBytes(fd, bytes);
    this.unsynced += bytes.length;
    if (this.unsynced >= this.backgroundSyncBytes && !this.syncing) this.syncInBackground();
  }

  /**
   * Starts flushing what is written so far to disk on libuv's thread pool, so that the disk works
   * while the thread goes on, and the `fsync` of {@link commit} has only the end left to flush.
   * It uses a descriptor of its own, which it closes itself if the file is done when it ends: the
   * file's descriptor may be closed, and its number reused, before then. Its error is not reported:
   * the `fsync` of {@link commit} flushes everything again and reports any error.
   */
  private syncInBackground(): void {
    this.unsynced = 0;
    this.syncFd ??= fs.openSync(this.temp, 'r');
    this.syncing = true;
    fs.fdatasync(this.syncFd, () => {
      this.syncing = false;
      if (this.done) this.closeSyncFd();
    });
  }

  /** Closes the background flushes' descriptor, at once or when the running flush ends. */
  private finishSyncing(): void {
    this.done = true;
    if (!this.syncing) this.closeSyncFd();
  }

  private closeSyncFd(): void {
    if (this.syncFd === undefined) return;
    try { fs.closeSync(this.syncFd); } catch { /* already closed */ }
    this.syncFd = undefined;
  }

  /** Writes what is buffered, flushes to disk and renames over the target: the file is complete. */
  commit(): void {
    const fd = this.openFd();
    this.flush(fd);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    this.fd = undefined;
    this.finishSyncing();
    fs.renameSync(this.temp, this.file);
  }

  /** Drops the temporary file; the target keeps its previous content (if any). Safe to call twice. */
  abort(): void {
    if (this.fd !== undefined) {
      try { fs.closeSync(this.fd); } catch { /* already closed */ }
      this.fd = undefined;
    }
    this.filled = 0;
    this.finishSyncing();
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
