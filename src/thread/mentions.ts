/**
 * Leading `@Name` mentions. A mention names the author of an EARLIER comment; names may hold
 * spaces (`@Dark Phantom`), so the longest known name that the text starts with wins. The index
 * maps each author name to their most recent comment so far: a few lookups per mention, never
 * a scan of earlier comments.
 *
 * How a written name is matched (both sides cleaned by `cleanName`: NFC, no zero-width or bidi
 * characters, spacing folded, so `@Dark\u00a0Phantom` finds `Dark Phantom`):
 * 1. longest candidate first; for each candidate, the exact (cleaned) name first;
 * 2. then the same candidate with case and accents folded (`@zoe` finds `Zoé`). When two authors
 *    differ only by case or accents (`Zoé` and `zoe` are two people), an exact spelling picks its
 *    author, and a folded match picks whichever of them wrote most recently.
 */
import { cleanName, looseNameKey, NameKeys } from '../input/names.js';

/** The first line of a reply that opens with a mention. */
const LEADING_MENTION = /^\s*@/u;

/** Characters that may end a name inside a mention (`@Name,`, `@Name :`, `@Name text`). */
const NAME_END = /[\s,:;!?.)\]]/u;

/** Longest name tried, in characters: bounds the work per mention. */
const MAX_NAME_LENGTH = 64;

/** Separators removed after the name with it (`@Name, `, `@Name : `). */
const AFTER_NAME = /^[\s\u00a0]*[,:;]?[\s\u00a0]*/u;

/** What a leading mention resolved to. */
export interface Mention {
  /** The name as written after `@`, cleaned (the resolved author's name, or the first word, at most 64 characters, when unknown). */
  name: string;
  /** Index of the mentioned author's most recent earlier comment; null when nobody by that name wrote before. */
  parentIndex: number | null;
  /** The text with the mention and its separator removed. */
  rest: string;
}

/** The most recent comment of a name (exact or folded), updated in place as comments come. */
interface Latest {
  index: number;
}

/** What an author name as written stands for in the index (see {@link AuthorIndex.add}). */
interface AuthorKeys {
  /** The cleaned name ('' when nothing is left: such an author is not indexed). */
  name: string;
  exact: Latest;
  loose: Latest;
}

/** Most recent comment index of each author seen so far. */
export class AuthorIndex {
  /** Cleaned name → most recent comment. */
  private readonly exact = new Map<string, Latest>();
  /** Cleaned name with case and accents folded → most recent comment. */
  private readonly loose = new Map<string, Latest>();
  /**
   * Folded prefixes of every known name, cut where a mention can be cut (before a space or
   * punctuation): a candidate that is not one of them cannot grow into a known name, so the
   * lookup of a mention stops after a word or two instead of trying every cut.
   */
  private readonly prefixes = new Set<string>();

  /**
   * The keys of each author as written, with the entries of both maps they update: an author
   * writes many comments, and cleaning a name (Unicode normalisation, folding) costs more than a
   * lookup; holding the entries makes a comment one lookup here instead of four map operations.
   */
  private readonly keysOf = new Map<string, AuthorKeys>();

  /** Records that `author` wrote comment `index` (call in thread order). */
  add(author: string, index: number): void {
    let keys = this.keysOf.get(author);
    if (keys === undefined) keys = this.newAuthor(author);
    if (keys.name === '') return;
    keys.exact.index = index;
    keys.loose.index = index;
  }

  /** The keys of an author name not seen before (a new spelling may still be a known name). */
  private newAuthor(author: string): AuthorKeys {
    const name = cleanName(author);
    const folded = name === '' ? '' : looseNameKey(name);
    const unused: Latest = { index: 0 };
    const keys: AuthorKeys = { name, exact: unused, loose: unused };
    this.keysOf.set(author, keys);
    if (name === '') return keys;
    let exact = this.exact.get(name);
    if (exact === undefined) {
      for (let j = 1; j < name.length; j++) {
        if (NAME_END.test(name[j])) this.prefixes.add(looseNameKey(name.slice(0, j).trimEnd()));
      }
      this.prefixes.add(folded);
      exact = { index: 0 };
      this.exact.set(name, exact);
    }
    let loose = this.loose.get(folded);
    if (loose === undefined) {
      loose = { index: 0 };
      this.loose.set(folded, loose);
    }
    keys.exact = exact;
    keys.loose = loose;
    return keys;
  }

  /**
   * Resolves the mention that `text` opens with, if any: the longest cut of the following text
   * at a name boundary that names a known author (exact spelling first, then folded).
   */
  leadingMention(text: string): Mention | null {
    if (!LEADING_MENTION.test(text)) return null;
    const at = text.indexOf('@');
    const after = text.slice(at + 1, at + 1 + MAX_NAME_LENGTH + 1);
    // One pass over the window, shortest cut first, building the clean and folded candidate.
    const keys = new NameKeys();
    let found: Mention | null = null;
    for (let i = 0; i < after.length; i++) {
      keys.push(after.charCodeAt(i));
      if (i + 1 !== after.length && !NAME_END.test(after[i + 1])) continue;
      const folded = keys.folded();
      if (folded === '') continue;
      if (!this.prefixes.has(folded)) break;
      const exact = keys.exact();
      if (exact.length > MAX_NAME_LENGTH) break;
      const index = (this.exact.get(exact) ?? this.loose.get(folded))?.index;
      if (index !== undefined) found = { name: exact, parentIndex: index, rest: restAfter(text, at + 1 + i + 1) };
    }
    if (found !== null) return found;
    const firstWord = /^[^\s,:;!?]*/u.exec(text.slice(at + 1))?.[0] ?? '';
    // Capped: a warning quotes the name, and a 5 MB "word" after `@` must not be copied into it.
    return { name: cleanName(firstWord.slice(0, MAX_NAME_LENGTH)), parentIndex: null, rest: restAfter(text, at + 1 + firstWord.length) };
  }
}

function restAfter(text: string, position: number): string {
  const tail = text.slice(position);
  return tail.slice(AFTER_NAME.exec(tail)?.[0].length ?? 0);
}
