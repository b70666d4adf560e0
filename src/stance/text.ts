/**
 * A small French-aware tokenizer for cue matching: words are folded (lower case, accents removed,
 * `œ` → `oe`), elisions are split by the apostrophe (`l'échalote` → `l` + `echalote`), emoji,
 * `+1` and `100 %` are tokens, URLs and @mentions are dropped. Each token knows its sentence, clause and
 * paragraph, which is all the stance stage needs; it is much cheaper than a full NLP pass and is
 * used on the same text that the sentiment stage already normalised.
 */
// Only the pure normalisation functions: the stance stage does not load the wink model.
import { foldAccents, normalizeKey } from '../nlp/normalize.js';

/** One token of a text, with its place in the text's sentences, clauses and paragraphs. */
export interface CueToken {
  /** Folded form: lower case, accents removed; punctuation and emoji as written. */
  norm: string;
  /** The token as written (for case-sensitive target forms such as `CA`). */
  surface: string;
  start: number;
  end: number;
  /** 0-based ordinals within the text. */
  sentence: number;
  clause: number;
  paragraph: number;
  /** Sentence or clause punctuation (`.`, `!`, `?`, `…`, `,`, `;`, `:`). */
  punct: boolean;
}

/** A tokenized text with the clause spans needed to score clauses separately. */
export interface TokenizedText {
  text: string;
  tokens: CueToken[];
  /** Character span of each clause, indexed by `CueToken.clause`. */
  clauses: { start: number; end: number; sentence: number }[];
}

// URLs and @mentions first (skipped), then emoji sequences, +N, words, punctuation.
const TOKEN_RE =
  /(https?:\/\/\S+|www\.\S+)|(@[\p{L}\p{N}_]+)|(\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}])*)|(\+\d+|\d+ ?%)|([\p{L}\p{M}\p{N}_]+)|([.!?…]+|[,;:])/gu;

const SENTENCE_END = /^[.!?…]+$/;
/** Two line ends with only spaces between them: a blank line, so a new paragraph. */
const PARAGRAPH_BREAK = /\n[^\S\n]*\n/;
const CLAUSE_MARK = /^[;:]$/;

/**
 * The first pictograph of an emoji sequence, without variation selector, skin tone or ZWJ parts:
 * `🤦🏽‍♂️` → `🤦`, so a list of markers needs only base emoji. Other strings are returned as they are.
 */
export function emojiBase(token: string): string {
  // No pictograph comes before `©` (U+00A9): words and punctuation return at once.
  if (token.length === 0 || token.charCodeAt(0) < 0xa9) return token;
  const first = token.codePointAt(0);
  if (first === undefined || !/\p{Extended_Pictographic}/u.test(String.fromCodePoint(first))) return token;
  return String.fromCodePoint(first);
}

const foldCache = new Map<string, string>();
const FOLD_CACHE_LIMIT = 200_000;

/**
 * Whether `word` is lower-case ASCII letters, digits and `_` only: already its own folded form, the
 * case of most French words, which then skip the cache (a map lookup hashes the word first).
 */
function isFoldedAscii(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (!((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === 0x5f)) return false;
  }
  return true;
}

/** Lower case, accents removed, ligatures expanded: the form cue phrases are matched on. */
export function foldWord(word: string): string {
  if (isFoldedAscii(word)) return word;
  let folded = foldCache.get(word);
  if (folded !== undefined) return folded;
  folded = foldAccents(normalizeKey(word));
  if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache.clear();
  foldCache.set(word, folded);
  return folded;
}

/**
 * Splits `text` into cue tokens. `clauseConnectors` (folded single words such as `mais`) open a
 * new clause: "Microsoft gagne, mais c'est une victoire à la Pyrrhus" has two clauses, so the
 * polarity of one is not charged to a target named in the other.
 */
export function tokenizeForCues(text: string, clauseConnectors: ReadonlySet<string> = new Set()): TokenizedText {
  const tokens: CueToken[] = [];
  const clauses: TokenizedText['clauses'] = [];
  let sentence = 0;
  let clause = 0;
  let paragraph = 0;
  let lastEnd = 0;
  let clauseStart = 0;
  let pendingSentenceBreak = false;
  let clauseHasTokens = false;

  const closeClause = (end: number): void => {
    if (clauseHasTokens) {
      clauses.push({ start: clauseStart, end, sentence });
      clause += 1;
    }
    clauseHasTokens = false;
  };

  // The next line end at or after `lastEnd` (-1: none left): whether the gap before a token holds
  // one is a comparison, not a cut of the gap per token.
  let nextNewline = text.indexOf('\n');
  TOKEN_RE.lastIndex = 0;
  for (let match = TOKEN_RE.exec(text); match !== null; match = TOKEN_RE.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    const gapStart = lastEnd;
    lastEnd = end;
    if (nextNewline >= 0 && nextNewline < gapStart) nextNewline = text.indexOf('\n', gapStart);
    const newline = nextNewline >= 0 && nextNewline < start;
    if (match[1] !== undefined || match[2] !== undefined) continue; // URL, @mention: not words of the comment
    if (newline || pendingSentenceBreak) {
      const newParagraph = newline && PARAGRAPH_BREAK.test(text.slice(nextNewline, start));
      if (clauseHasTokens || tokens.length > 0) {
        closeClause(start);
        if (tokens.length > 0) sentence += 1;
        if (newParagraph && tokens.length > 0) paragraph += 1;
      }
      pendingSentenceBreak = false;
      clauseStart = start;
    }
    const surface = match[0];
    const punct = match[6] !== undefined;
    const norm = match[5] !== undefined ? foldWord(surface) : match[4] !== undefined ? surface.replace(' ', '') : surface;
    if (!punct && clauseConnectors.has(norm) && clauseHasTokens) {
      closeClause(start);
      clauseStart = start;
    }
    if (!clauseHasTokens) clauseStart = start;
    tokens.push({ norm, surface, start, end, sentence, clause, paragraph, punct });
    clauseHasTokens = true;
    if (punct && SENTENCE_END.test(surface)) pendingSentenceBreak = true;
    else if (punct && CLAUSE_MARK.test(surface)) {
      closeClause(end);
      clauseStart = end;
    }
  }
  closeClause(lastEnd);
  return { text, tokens, clauses };
}
