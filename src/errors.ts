/**
 * The one error class of the library. `code` is stable (tests and users match on it); the message
 * says what was expected and what was found. `file` and `line` locate the problem when known, so
 * the CLI can print `thread-stance: <file>:<line>: <message>`.
 */
export class ThreadStanceError extends Error {
  readonly code: string;
  file?: string;
  readonly line?: number;

  constructor(code: string, message: string, where: { file?: string; line?: number } = {}) {
    super(message);
    this.name = 'ThreadStanceError';
    this.code = code;
    this.file = where.file;
    this.line = where.line;
  }

  /** `file:line: message`, the form the CLI prints. */
  get located(): string {
    const place = [this.file, this.line !== undefined && this.line > 0 ? String(this.line) : undefined]
      .filter((part): part is string => part !== undefined && part !== '')
      .join(':');
    return place ? `${place}: ${this.message}` : this.message;
  }
}
