/**
 * Leading `@Name` mentions. A mention names the author of an EARLIER comment; names may hold
 * spaces (`@Dark Phantom`), so the longest known name that the text starts with wins. The index
 * maps each author name (case-folded) to their most recent comment so far: one lookup per
 * candidate name length, never a scan of earlier comments.
 */

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
  /** The name as written after `@` (the resolved author's name, or the first word when unknown). */
  name: string;
  /** Index of the mentioned author's most recent earlier comment; null when nobody by that name wrote before. */
  parentIndex: number | null;
  /** The text with the mention and its separator removed. */
  rest: string;
}

/** Most recent comment index of each author seen so far. */
export class AuthorIndex {
  private readonly latest = new Map<string, number>();

  /** Records that `author` wrote comment `index` (call in thread order). */
  add(author: string, index: number): void {
    if (author !== '') this.latest.set(author.toLowerCase(), index);
  }

  /**
   * Resolves the mention that `text` opens with, if any: tries every cut of the following text
   * at a name boundary, longest first, against the known authors.
   */
  leadingMention(text: string): Mention | null {
    if (!LEADING_MENTION.test(text)) return null;
    const at = text.indexOf('@');
    const after = text.slice(at + 1, at + 1 + MAX_NAME_LENGTH + 1);
    const cuts: number[] = [];
    for (let i = 1; i <= after.length; i++) {
      if (i === after.length || NAME_END.test(after[i])) cuts.push(i);
    }
    for (let k = cuts.length - 1; k >= 0; k--) {
      const name = after.slice(0, cuts[k]).trim();
      const index = this.latest.get(name.toLowerCase());
      if (index !== undefined && name.length <= MAX_NAME_LENGTH) {
        return { name, parentIndex: index, rest: restAfter(text, at + 1 + cuts[k]) };
      }
    }
    const firstWord = /^[^\s,:;!?]*/u.exec(text.slice(at + 1))?.[0] ?? '';
    return { name: firstWord, parentIndex: null, rest: restAfter(text, at + 1 + firstWord.length) };
  }
}

function restAfter(text: string, position: number): string {
  const tail = text.slice(position);
  return tail.slice(AFTER_NAME.exec(tail)?.[0].length ?? 0);
}
