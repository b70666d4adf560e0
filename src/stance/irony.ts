/**
 * Where praise is not meant: an irony marker in the same sentence (🙄, 😏, "ironie"), or the praise
 * set between quotation marks (« génial »). Praise of an actor that the same text blames is the
 * third case; it needs the resolved targets, so {@link textEvidence} decides it.
 */
import type { StanceSchema } from './schema.js';
import { emojiBase, type CueToken } from './text.js';

const OPENING_QUOTES = new Set(['«', '"', '“', '‘', "'"]);
const CLOSING_QUOTES = new Set(['»', '"', '”', '’', "'"]);

/** True when the words `[start, end)` of `text` stand between quotation marks ("« génial »"). */
export function quotedAside(text: string, start: number, end: number): boolean {
  let before = start - 1;
  while (before >= 0 && /\s/u.test(text[before])) before -= 1;
  let after = end;
  while (after < text.length && /\s/u.test(text[after])) after += 1;
  return before >= 0 && after < text.length && OPENING_QUOTES.has(text[before]) && CLOSING_QUOTES.has(text[after]);
}

/** Ordinals of the sentences that carry an irony marker of the discourse file. */
export function ironicSentences(tokens: readonly CueToken[], schema: StanceSchema): Set<number> {
  const out = new Set<number>();
  const markers = schema.tables.ironyMarkers;
  if (markers.size === 0) return out;
  for (const token of tokens) {
    // Words are their own base: one look-up for them, a second only for emoji sequences.
    const base = emojiBase(token.norm);
    if (markers.has(token.norm) || (base !== token.norm && markers.has(base))) out.add(token.sentence);
  }
  return out;
}
