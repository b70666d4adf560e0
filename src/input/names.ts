/**
 * Author names as copied from web pages carry invisible differences: U+00A0 or U+202F instead of
 * a space, zero-width spaces and joiners, a stray U+FEFF, bidi controls (which can also make a name
 * display reversed in a report), decomposed accents. Two spellings that look the same must be the
 * same author, so every name is cleaned once by {@link cleanName} where it is read; mentions in
 * comment text are cleaned the same way (with {@link NameKeys}, one character at a time) before
 * they are looked up.
 *
 * Case and accents are NOT folded by {@link cleanName}: `Zoé` and `zoe` are different authors.
 * {@link looseNameKey} folds them, for the second, looser try of mention lookup only.
 */

/** What a UTF-16 code unit is inside a name: kept as is; spacing (a run of it is one plain space,
 * none at either end); or invisible (zero-width, BOM, soft hyphen), bidi or other control: dropped. */
export const NameChar = { Keep: 0, Space: 1, Drop: 2 } as const;

/** The {@link NameChar} kind of a code unit (what {@link NameKeys.push} does with it). */
export function classifyNameChar(code: number): number {
  if (code > 0x20 && code < 0x7f) return NameChar.Keep;
  if (code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000) return NameChar.Space;
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return NameChar.Drop;
  if ((code >= 0x200b && code <= 0x200f) || code === 0x2060 || code === 0xfeff || code === 0xad || code === 0x061c ||
    (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) return NameChar.Drop;
  return NameChar.Keep;
}

/** True when `name` is printable ASCII with single inner spaces: already clean (the common case). */
const PLAIN_NAME = /^[\x21-\x7E]+(?: [\x21-\x7E]+)*$/u;

/**
 * The canonical form of an author name: NFC, zero-width, bidi and control characters removed,
 * every run of spacing (tabs, U+00A0, U+202F, ...) turned into one plain space, trimmed. Case and
 * accents are kept.
 */
export function cleanName(name: string): string {
  if (name === '' || PLAIN_NAME.test(name)) return name;
  const keys = new NameKeys();
  for (let i = 0; i < name.length; i++) keys.push(name.charCodeAt(i));
  return keys.exact();
}

/** Folded form of each non-ASCII code unit seen so far (lower case, accents removed). */
const foldCache = new Map<number, string>();
const COMBINING_MARK = /^\p{M}$/u;

function foldChar(code: number): string {
  if (code < 0x80) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : String.fromCharCode(code);
  let folded = foldCache.get(code);
  if (folded === undefined) {
    const char = String.fromCharCode(code);
    folded = COMBINING_MARK.test(char) ? '' : char.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    foldCache.set(code, folded);
  }
  return folded;
}

/** A cleaned name folded for loose comparison: lower case, accents removed. */
export function looseNameKey(cleaned: string): string {
  let key = '';
  for (let i = 0; i < cleaned.length; i++) key += foldChar(cleaned.charCodeAt(i));
  return key;
}

/**
 * Builds the clean and the folded form of a name one code unit at a time, so that a mention can
 * try every cut of the text after `@` without cleaning each candidate from scratch.
 */
export class NameKeys {
  private clean = '';
  private loose = '';
  private pendingSpace = false;
  private hasNonAscii = false;

  /** Adds the next code unit of the written name. */
  push(code: number): void {
    const kind = classifyNameChar(code);
    if (kind === NameChar.Drop) return;
    if (kind === NameChar.Space) {
      this.pendingSpace = this.clean !== '';
      return;
    }
    if (this.pendingSpace) {
      this.clean += ' ';
      this.loose += ' ';
      this.pendingSpace = false;
    }
    if (code >= 0x80) this.hasNonAscii = true;
    this.clean += String.fromCharCode(code);
    this.loose += foldChar(code);
  }

  /** The name so far, as {@link cleanName} gives it. */
  exact(): string {
    return this.hasNonAscii ? this.clean.normalize('NFC') : this.clean;
  }

  /** The name so far, as {@link looseNameKey} of {@link exact} gives it. */
  folded(): string {
    return this.loose;
  }
}
