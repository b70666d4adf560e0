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
 * Writes `content` (a string, or chunks produced one at a time: text as UTF-8, or bytes as they
 * are) to `file` atomically. The folder must exist. On any error the temporary file is removed
 * and the error rethrown. The temporary name carries the process and thread ids, so worker
 * threads of one run never share one.
 */
export function writeFileAtomic(file: string, content: string | Iterable<string | Uint8Array>): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${threadId}.tmp`);
  const fd = fs.openSync(temp, 'w');
  try {
    if (typeof content === 'string') {
      writeAll(fd, content);
    } else {
      let buffer = '';
      for (const chunk of content) {
        if (typeof chunk !== 'string') {
          if (buffer !== '') writeAll(fd, buffer);
          buffer = '';
          writeAllBytes(fd, chunk);
          continue;
        }
        buffer += chunk;
        if (buffer.length >= WRITE_BUFFER_CHARS) {
          writeAll(fd, buffer);
          buffer = '';
        }
      }
      if (buffer !== '') writeAll(fd, buffer);
    }
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(temp, file);
  } catch (error) {
    try { fs.closeSync(fd); } catch { /* already closed */ }
    fs.rmSync(temp, { force: true });
    throw error;
  }
}
