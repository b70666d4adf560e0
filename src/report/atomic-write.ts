/**
 * Atomic file writes for reports: the content goes to a temporary file in the same folder, is
 * flushed to disk, then renamed over the target. A rename within one folder is atomic, so a run
 * that is interrupted (Ctrl-C, kill, crash) leaves either the previous complete file or the new
 * complete one, never half a report. A leftover temporary file is named `.<name>.<pid>.tmp`.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Chunks are gathered up to this size before a write call, to keep system calls few. */
const WRITE_BUFFER_CHARS = 1 << 16;

/** Writes all of `text` as UTF-8 (a single write call may write less than asked). */
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let offset = 0;
  while (offset < bytes.length) offset += fs.writeSync(fd, bytes, offset, bytes.length - offset);
}

/**
 * Writes `content` (a string, or chunks produced one at a time) to `file` atomically, as UTF-8.
 * The folder must exist. On any error the temporary file is removed and the error rethrown.
 */
export function writeFileAtomic(file: string, content: string | Iterable<string>): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  const fd = fs.openSync(temp, 'w');
  try {
    if (typeof content === 'string') {
      writeAll(fd, content);
    } else {
      let buffer = '';
      for (const chunk of content) {
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
