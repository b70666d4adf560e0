/**
 * The `continuation` rule: a comment with no mention and no quotation that plainly continues an
 * earlier one. It fires only on clear evidence, in this order:
 * 1. it opens with a yes/no answer word followed by punctuation (`Non, ...`, `Oui !`): it answers
 *    the nearest of the last few comments (by someone else) that asks a question, else the one above;
 * 2. it opens with a vote (`+1`, `+100`) or its first sentence holds an agreement phrase
 *    (`Tellement juste`, `en effet`, `bien vu`): it answers the comment just above;
 * 3. one of its first words is a distinctive word of the comment just above: a content word that
 *    few earlier comments use (`CEO`, `partie`), so common words of the debate never link.
 * The comment above must be by someone else and not be empty. Cues are data (`reply-cues.json`).
 */
import { readFileSync } from 'node:fs';
import { dataFile } from '../data/locate.js';
import { WordScan, wordHashes } from './words.js';
import { WordUse } from './word-use.js';

interface ReplyCues {
  answerWords: string[];
  agreementPhrases: string[];
  stopwords: string[];
}

/** The cues as word hashes (see words.ts), loaded once per process. */
interface CueTables {
  answerWords: Set<number>;
  agreementPhrases: number[][];
  stopwords: number[];
}
let cues: CueTables | undefined;

function loadCues(): CueTables {
  if (cues === undefined) {
    const raw = JSON.parse(readFileSync(dataFile('thread', 'reply-cues.json'), 'utf8')) as ReplyCues;
    cues = {
      answerWords: new Set(raw.answerWords.flatMap(wordHashes)),
      agreementPhrases: raw.agreementPhrases.map(wordHashes),
      stopwords: raw.stopwords.flatMap(wordHashes),
    };
  }
  return cues;
}

/** How many earlier comments rule 1 looks back for a question. */
const QUESTION_WINDOW = 5;
/** Words at the opening of a reply that rules 2 and 3 look at. */
const OPENING_WORDS = 12;
/** Distinctive: used by at most this many earlier comments, or this share of them. */
const DISTINCT_MAX_COMMENTS = 2;
const DISTINCT_MAX_SHARE = 0.02;
const MIN_CONTENT_WORD = 3;

const ANSWER_OPENING = /^\s*([\p{L}]+)\s*[,.!…]/u;
/** A vote for the comment above (`+1`, `+100 !`): a plus sign and a number, not a longer number (`+33 6 ...`). */
const VOTE_OPENING = /^\s*\+\d{1,4}(?![\d\p{L}])(?!\s*\d)/u;
/** The marks that end a sentence: `.`, `!`, `?`, `…`. */
function isSentenceEnd(code: number): boolean {
  return code === 0x2e || code === 0x21 || code === 0x3f || code === 0x2026;
}

/** What the rule remembers of a recent comment. */
interface Recent {
  index: number;
  author: string;
  asksQuestion: boolean;
  /** How many distinct content words it has (which ones: see {@link WordUse.lastUser}). */
  contentWords: number;
}

/**
 * Finds continuations in thread order. Call {@link find} for a comment, then {@link observe}
 * for every comment (with or without a parent) so the recent window and word counts stay right.
 */
export class ContinuationFinder {
  private readonly recent: Recent[] = [];
  private readonly cues = loadCues();
  /** How many earlier comments use each content word, and the last one that did. */
  private readonly wordUse = new WordUse(this.cues.stopwords);
  private observed = 0;
  private readonly opening = new WordScan();

  /**
   * The index this comment continues, or null when the evidence is not clear. `ownWords`: the
   * scan of `ownText` when the caller has it (the reply inferrer scans every text anyway), which
   * saves scanning its opening words again here.
   */
  find(author: string, ownText: string, ownWords?: WordScan): number | null {
    const above = this.recent[this.recent.length - 1];
    if (above === undefined || above.contentWords === 0 || above.author === author || ownText.trim() === '') return null;

    const answer = ANSWER_OPENING.exec(ownText);
    if (answer !== null && this.cues.answerWords.has(this.opening.scan(answer[1]).hashes[0])) {
      for (let k = this.recent.length - 1; k >= 0; k--) {
        const candidate = this.recent[k];
        if (candidate.asksQuestion && candidate.author !== author) return candidate.index;
      }
      return above.index;
    }

    if (VOTE_OPENING.test(ownText)) return above.index;

    const words = ownWords ?? this.opening.scan(ownText, OPENING_WORDS);
    const opening = Math.min(words.count, OPENING_WORDS);
    const sentenceWords = firstSentenceWords(ownText, words, OPENING_WORDS);
    for (const phrase of this.cues.agreementPhrases) if (containsPhrase(words, sentenceWords, phrase)) return above.index;

    const limit = Math.max(DISTINCT_MAX_COMMENTS, Math.floor(this.observed * DISTINCT_MAX_SHARE));
    for (let w = 0; w < opening; w++) {
      const word = words.hashes[w];
      // A stopword is never the last use of anyone (lastUser 0), so it never passes the second test.
      if (isContentLength(words, w) && this.wordUse.lastUser(word) === above.index && this.wordUse.comments(word) <= limit) {
        return above.index;
      }
    }
    return null;
  }

  /**
   * Records comment `index` (>= 1, increasing) as the latest one, from the scan of its own text
   * (or of the text it was trimmed from: the same words and question marks).
   */
  observe(index: number, author: string, ownWords: WordScan): void {
    let contentWords = 0;
    for (let w = 0; w < ownWords.count; w++) {
      if (isContentLength(ownWords, w) && this.wordUse.use(ownWords.hashes[w], index) === 1) contentWords++;
    }
    this.observed++;
    // The window's oldest entry is reused for the newest: no object per comment.
    const latest = this.recent.length === QUESTION_WINDOW ? (this.recent.shift() as Recent) : { index, author, asksQuestion: false, contentWords };
    latest.index = index;
    latest.author = author;
    latest.asksQuestion = ownWords.layout.questionMark;
    latest.contentWords = contentWords;
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

/** True when word `w` could be a content word by its form: long enough, not digits only (stopwords aside). */
function isContentLength(scan: WordScan, w: number): boolean {
  return scan.lengths[w] >= MIN_CONTENT_WORD && scan.digitsOnly[w] === 0;
}

/** True when the first `count` scanned words contain `phrase` (word hashes) as consecutive words. */
function containsPhrase(scan: WordScan, count: number, phrase: readonly number[]): boolean {
  for (let start = 0; start + phrase.length <= count; start++) {
    let k = 0;
    while (k < phrase.length && scan.hashes[start + k] === phrase[k]) k++;
    if (k === phrase.length) return true;
  }
  return false;
}
