import type { ParsedThread, Thread } from '../model.js';

export interface ThreadOptions {
  /** Use the `continuation` rule of reply inference. */
  continuation?: boolean;
}

/**
 * Reply inference then tree building: flat records in, checked tree out.
 * STUB: owned by the parse/tree work.
 */
export function buildThread(parsed: ParsedThread, options: ThreadOptions = {}): Thread {
  void options;
  return {
    source: parsed.source, format: parsed.format, title: parsed.title, article: parsed.article,
    lines: parsed.lines, warnings: parsed.warnings,
    comments: parsed.comments.map((c, i) => ({
      index: i + 1, id: c.id, author: c.author, parentIndex: 0, depth: 1, replyEvidence: 'none',
      text: c.text, ownText: c.text, quotes: [], line: c.line, createdAt: c.createdAt,
    })),
  };
}
