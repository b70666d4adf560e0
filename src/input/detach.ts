/**
 * Strings detached from the text they were cut from. V8 represents a substring (a thread's title
 * sliced out of the input) or a concatenation that contains one as a view on the original string,
 * so keeping a 60-character title alive keeps the whole decoded input (tens of megabytes) alive.
 * What outlives a thread's analysis (index entries, error messages kept for `index.md`) is
 * detached first, so a long batch holds only its small per-thread figures.
 */

/**
 * A copy of `text` that shares no memory with any other string. The UTF-16 round trip keeps
 * every code unit, lone surrogates included (a UTF-8 round trip would replace those).
 */
export function detachedString(text: string): string {
  return text.length === 0 ? '' : Buffer.from(text, 'utf16le').toString('utf16le');
}
