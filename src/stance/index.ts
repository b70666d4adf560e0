import type { AnalyzedThread, Thread } from '../model.js';

/** A debate: stance labels, targets and cues. STUB shape: owned by the stance work. */
export interface StanceSchema {
  name: string;
  labels: { id: string; description: string }[];
}

/** Loads and validates a stance schema (the default Altman/Microsoft debate when no file is given). STUB. */
export function loadSchema(file?: string): StanceSchema {
  void file;
  return { name: 'stub', labels: [{ id: 'neutral', description: 'no position' }] };
}

/** Fills `stance` and `agreement` on every comment of the thread. STUB. */
export function analyzeStance(thread: Thread, schema: StanceSchema): void {
  void schema;
  for (const c of thread.comments) {
    c.stance = { label: 'neutral', confidence: 0, scores: { neutral: 0 }, evidence: [] };
    c.agreement = 'none';
  }
}

/** Per-author and per-thread figures. STUB. */
export function summarizeThread(thread: Thread, schema: StanceSchema): AnalyzedThread {
  void schema;
  return {
    ...thread,
    authors: [],
    summary: {
      comments: thread.comments.length, authors: 0, replies: 0, stanceCounts: {}, sentimentByStance: {},
      sentimentCounts: {}, debated: [], replyPairs: [],
    },
  };
}
