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

/** Opening quotation mark → its closing mark, for spans of quoted words on one line. */
const QUOTE_PAIRS: Record<string, string> = { '«': '»', '“': '”', '"': '"' };
const ANY_QUOTE = /[«“"]/;

/**
 * Character spans `[start, end)` of the words set between quotation marks (« … », “ … ”, "…") on
 * one line: words the commenter cites (the article's headline, someone's phrase), not their own.
 * One pass over the text; a mark without its closing mark on the same line opens no span.
 */
export function quotedSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  // Most comments quote nothing: one native search instead of a loop over their characters.
  if (!ANY_QUOTE.test(text)) return spans;
  let open = -1;
  let closing = '';
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (open >= 0) {
      if (ch === closing) {
        spans.push([open + 1, i]);
        open = -1;
      } else if (ch === '\n') open = -1;
    } else if (QUOTE_PAIRS[ch] !== undefined) {
      open = i;
      closing = QUOTE_PAIRS[ch];
    }
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
  const markers = schema.tables.ironyMarkers;
  if (markers.size === 0) return out;
  for (const token of tokens) {
    // Words are their own base: one look-up for them, a second only for emoji sequences.
    const base = emojiBase(token.norm);
    if (markers.has(token.norm) || (base !== token.norm && markers.has(base))) out.add(token.sentence);
  }
  return out;
}
