/**
 * The `continuation` rule: a comment with no mention and no quotation that plainly continues an
 * earlier one. It fires only on clear evidence, in this order:
 * 1. it opens with a yes/no answer word followed by punctuation (`Non, ...`, `Oui !`): it answers
 *    the nearest of the last few comments (by someone else) that asks a question, else the one above;
 * 2. it opens with a vote (`+1`, `+100`) or its first sentence holds an agreement phrase used on its
 *    own (`Tellement juste !`, `Il est excellent en effet.`, `C'est exactement ça.`): it answers the
 *    comment just above. A phrase that modifies what follows it is not a reply (`le conseil a fait
 *    exactement ce pour quoi il existe`, `c'est vrai que`), nor one in a question (`C'est quoi
 *    exactement ?`).
 * 3. it opens with an acknowledgement used on its own (`Merci !`, `Ah ok.`), or followed only by a
 *    word that begins the name of the comment above's author (`Merci Zoé, c'est plus clair`): it
 *    answers the comment just above (thanks for the article go on: `Merci pour l'article`);
 * 4. it opens with `*` and the comment above is its author's own (`*ce soir, pas ce matin`): the
 *    usual way to correct a word of one's own comment.
 * Except for rule 4, the comment above must be by someone else; it must not be empty. Cues are
 * data (`reply-cues.json`). Rules 3 and 4 and four phrases of rule 2 (`exact`, `d'accord avec
 * toi/vous`, `au temps pour moi`) were added in session 18: over the 97 training threads the rule
 * then proposed 18 parents, all right, against 12, all right, before (README, "The reply tree");
 * over the 117 training threads of session 19, 26 parents, all right.
 *
 * An earlier third rule, a distinctive word of the comment above among the first words, was dropped in
 * session 17: over the 85 labelled threads it proposed 66 parents of which 7 were right; the
 * phrases of rule 2 inside a longer sentence, 8 of which 0 were right (README, "The reply tree").
 */
import { readFileSync } from 'node:fs';
import { dataFile } from '../data/locate.js';
import { cleanName, looseNameKey } from '../input/names.js';
import { WordScan, wordHashes } from './words.js';
import { isSpaceCode } from '../parse/spaces.js';

interface ReplyCues {
  answerWords: string[];
  agreementPhrases: string[];
  acknowledgements: string[];
}

/** The cues as word hashes (see words.ts), loaded once per process. */
interface CueTables {
  answerWords: Set<number>;
  agreementPhrases: number[][];
  acknowledgements: number[][];
}
let cues: CueTables | undefined;

function loadCues(): CueTables {
  if (cues === undefined) {
    const raw = JSON.parse(readFileSync(dataFile('thread', 'reply-cues.json'), 'utf8')) as ReplyCues;
    cues = {
      answerWords: new Set(raw.answerWords.flatMap(wordHashes)),
      agreementPhrases: raw.agreementPhrases.map(wordHashes),
      acknowledgements: raw.acknowledgements.map(wordHashes),
    };
  }
  return cues;
}

/** How many earlier comments rule 1 looks back for a question. */
const QUESTION_WINDOW = 5;
/** Words at the opening of a reply that rule 2 looks at. */
const OPENING_WORDS = 12;
/** The one word that may follow an agreement phrase used on its own (`C'est exactement ça.`). */
const [THAT] = wordHashes('ça');

const ANSWER_OPENING = /^\s*([\p{L}]+)\s*[,.!…]/u;
/**
 * How much of a reply's start the opening expressions read: an answer word or a vote comes first,
 * and on a longer text the backtracking of `[\p{L}]+` over a 5 MB word overflows the stack.
 */
const OPENING_CHARS = 64;
/** A vote for the comment above (`+1`, `+100 !`): a plus sign and a number, not a longer number (`+33 6 ...`). */
const VOTE_OPENING = /^\s*\+\d{1,4}(?![\d\p{L}])(?!\s*\d)/u;
/** Fewest letters of a name by which thanks may address the author above (`Merci Zoé` for `ZoéDériveur`). */
const MIN_NAME_CHARS = 3;
/** A text whose first character past white space is a letter (so its first word starts it). */
const LETTER_OPENING = /^\s*\p{L}/u;
/** A correction of one's own words: an asterisk, then the corrected word (not `**bold**`). */
const CORRECTION_OPENING = /^\s*\*(?![*\s])/u;
/** The marks that end a sentence: `.`, `!`, `?`, `…`. */
function isSentenceEnd(code: number): boolean {
  return code === 0x2e || code === 0x21 || code === 0x3f || code === 0x2026;
}

/** What the rule remembers of a recent comment. */
interface Recent {
  index: number;
  author: string;
  asksQuestion: boolean;
  /** It has at least one word (an empty comment or one of emoji alone is never continued). */
  hasWords: boolean;
}

/**
 * Finds continuations in thread order. Call {@link find} for a comment, then {@link observe}
 * for every comment (with or without a parent) so the recent window and word counts stay right.
 */
export class ContinuationFinder {
  private readonly recent: Recent[] = [];
  private readonly cues = loadCues();
  private readonly opening = new WordScan();

  /**
   * The index this comment continues, or null when the evidence is not clear. `ownWords`: the
   * scan of `ownText` when the caller has it (the reply inferrer scans every text anyway), which
   * saves scanning its opening words again here.
   */
  find(author: string, ownText: string, ownWords?: WordScan): number | null {
    const above = this.recent[this.recent.length - 1];
    if (above === undefined || !above.hasWords || ownText.trim() === '') return null;
    const openingText = ownText.length > OPENING_CHARS ? ownText.slice(0, OPENING_CHARS) : ownText;
    if (above.author === author) return CORRECTION_OPENING.test(openingText) ? above.index : null;

    const answer = ANSWER_OPENING.exec(openingText);
    if (answer !== null && this.cues.answerWords.has(this.opening.scan(answer[1]).hashes[0])) {
      for (let k = this.recent.length - 1; k >= 0; k--) {
        const candidate = this.recent[k];
        if (candidate.asksQuestion && candidate.author !== author) return candidate.index;
      }
      return above.index;
    }

    if (VOTE_OPENING.test(openingText)) return above.index;

    const words = ownWords ?? this.opening.scan(ownText, OPENING_WORDS);
    const sentenceWords = firstSentenceWords(ownText, words, OPENING_WORDS);
    for (const phrase of this.cues.agreementPhrases) if (holdsPhraseOnItsOwn(ownText, words, sentenceWords, phrase)) return above.index;
    for (const phrase of this.cues.acknowledgements) if (opensWithAcknowledgement(ownText, words, phrase, above.author)) return above.index;
    return null;
  }

  /**
   * Records comment `index` (>= 1, increasing) as the latest one, from the scan of its own text
   * (or of the text it was trimmed from: the same words and question marks).
   */
  observe(index: number, author: string, ownWords: WordScan): void {
    // The window's oldest entry is reused for the newest: no object per comment.
    const latest = this.recent.length === QUESTION_WINDOW ? (this.recent.shift() as Recent) : { index, author, asksQuestion: false, hasWords: false };
    latest.index = index;
    latest.author = author;
    latest.asksQuestion = ownWords.layout.questionMark;
    latest.hasWords = ownWords.count > 0;
    this.recent.push(latest);
  }
}

/**
 * How many of the first `max` words of `text` (`words`: its scan) lie in its first sentence, the
 * text before the first `.`, `!`, `?` or `…`: what scanning that sentence for `max` words counts.
 * A mark is never inside a word, so these are the opening words that end before the mark; they
 * are counted here rather than scanned again from a copy of the sentence, and a mark is looked
 * for only as far as the opening words reach.
 */
export function firstSentenceWords(text: string, words: WordScan, max: number): number {
  const opening = Math.min(words.count, max);
  const reach = opening === 0 ? 0 : words.ends[opening - 1];
  for (let i = 0; i < reach; i++) {
    if (isSentenceEnd(text.charCodeAt(i))) {
      let inSentence = 0;
      while (inSentence < opening && words.ends[inSentence] <= i) inSentence++;
      return inSentence;
    }
  }
  return opening;
}

/**
 * True when the first `count` scanned words contain `phrase` (word hashes) as consecutive words
 * used on their own: what follows the phrase in `text` (or the word `ça` after it) is the end of
 * the text or a mark that ends a clause (`,` `;` `:` `.` `!` `…`), not a `?` nor another word.
 */
function holdsPhraseOnItsOwn(text: string, scan: WordScan, count: number, phrase: readonly number[]): boolean {
  for (let start = 0; start + phrase.length <= count; start++) {
    let k = 0;
    while (k < phrase.length && scan.hashes[start + k] === phrase[k]) k++;
    if (k < phrase.length) continue;
    let last = start + phrase.length - 1;
    if (last + 1 < scan.count && scan.hashes[last + 1] === THAT) last++;
    if (endsClause(text, scan.ends[last])) return true;
  }
  return false;
}

/**
 * True when `text` (`scan`: its words) opens with `phrase` (word hashes) used on its own, or
 * followed only by a word that begins `aboveAuthor`'s name (thanks by name, without `@`), then the
 * end of the text or a clause-ending mark.
 */
function opensWithAcknowledgement(text: string, scan: WordScan, phrase: readonly number[], aboveAuthor: string): boolean {
  if (scan.count < phrase.length) return false;
  for (let k = 0; k < phrase.length; k++) if (scan.hashes[k] !== phrase[k]) return false;
  // The phrase must start the text: its first word is the text's first character past white space.
  if (!LETTER_OPENING.test(text)) return false;
  const last = phrase.length - 1;
  if (endsClause(text, scan.ends[last])) return true;
  if (scan.count === phrase.length || !endsClause(text, scan.ends[phrase.length])) return false;
  const name = looseNameKey(cleanName(text.slice(scan.ends[last], scan.ends[phrase.length])));
  return name.length >= MIN_NAME_CHARS && looseNameKey(aboveAuthor).startsWith(name);
}

/**
 * True when `text` from `from` on holds only white space up to its end or a clause-ending mark.
 * White space as everywhere in the parser (`isSpaceCode`): French typography puts a thin or
 * narrow no-break space before `!` and `:` (`Exact !`).
 */
function endsClause(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isSpaceCode(code)) continue;
    return code === 0x2c || code === 0x3b || code === 0x3a || code === 0x2e || code === 0x21 || code === 0x2026;
  }
  return true;
}
