/**
 * Where praise is not meant: an irony marker in the same sentence (🙄, 😏, "ironie"), or the praise
 * set between quotation marks (« génial »). Praise of an actor that the same text blames is the
 * third case; it needs the resolved targets, so {@link textEvidence} decides it.
 */
import type { StanceSchema } from './schema.js';
import type { CueToken } from './text.js';
import { lookedUp, WordFlag } from './words.js';

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

const ANY_QUOTE = /[«“"]/;

/**
 * Character spans `[start, end)` of the words set between quotation marks (« … », “ … ”, "…") on
 * one line: words the commenter cites (the article's headline, someone's phrase), not their own.
 * A mark without its closing mark on the same line opens no span. The closing mark and the line
 * end are found by native searches, not by reading each character of the quote.
 */
export function quotedSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  // Most comments quote nothing: one native search instead of a loop over their characters.
  if (!ANY_QUOTE.test(text)) return spans;
  let lineEnd = -1;
  let i = 0;
  while (i < text.length) {
    const unit = text.charCodeAt(i);
    const closing = unit === 0xab ? '»' : unit === 0x201c ? '”' : unit === 0x22 ? '"' : '';
    if (closing === '') {
      i += 1;
      continue;
    }
    if (lineEnd !== -2 && lineEnd <= i) {
      lineEnd = text.indexOf('\n', i + 1);
      if (lineEnd < 0) lineEnd = -2; // no line end left
    }
    const close = text.indexOf(closing, i + 1);
    const lineLimit = lineEnd === -2 ? text.length : lineEnd;
    if (close >= 0 && close < lineLimit) {
      spans.push([i + 1, close]);
      i = close + 1;
    } else if (lineEnd === -2) break;
    else i = lineEnd + 1; // the mark stays open to the end of its line: no span on it
  }
  return spans;
}

/** True when `[start, end)` lies inside one of `spans` (from {@link quotedSpans}). */
export function insideSpans(spans: readonly [number, number][], start: number, end: number): boolean {
  for (const [from, to] of spans) if (start >= from && end <= to) return true;
  return false;
}

/** Ordinals of the sentences that carry an irony marker of the discourse file. */
export function ironicSentences(tokens: readonly CueToken[], schema: StanceSchema): Set<number> {
  const out = new Set<number>();
  if (schema.tables.ironyMarkers.size === 0) return out;
  // Whether a form or its emoji base is a marker is known of its word.
  for (const token of lookedUp(tokens, schema)) if ((token.word.flags & WordFlag.IronyMarker) !== 0) out.add(token.sentence);
  return out;
}
