/**
 * The `continuation` rule: a comment with no mention and no quotation that plainly continues an
 * earlier one. It fires only on clear evidence, in this order:
 * 1. it opens with a yes/no answer word followed by punctuation (`Non, ...`, `Oui !`): it answers
 *    the nearest of the last few comments (by someone else) that asks a question, else the one above;
 * 2. its first sentence holds an agreement phrase (`Tellement juste`, `en effet`, `bien vu`): it
 *    answers the comment just above;
 * 3. one of its first words is a distinctive word of the comment just above: a content word that
 *    few earlier comments use (`CEO`, `partie`), so common words of the debate never link.
 * The comment above must be by someone else and not be empty. Cues are data (`reply-cues.json`).
 */
import { readFileSync } from 'node:fs';
import { dataFile } from '../data/locate.js';
import { WordScan, wordHashes } from './words.js';

interface ReplyCues {
  answerWords: string[];
  agreementPhrases: string[];
  stopwords: string[];
}

/** The cues as word hashes (see words.ts), loaded once per process. */
interface CueTables {
  answerWords: Set<number>;
  agreementPhrases: number[][];
  stopwords: Set<number>;
}
let cues: CueTables | undefined;

function loadCues(): CueTables {
  if (cues === undefined) {
    const raw = JSON.parse(readFileSync(dataFile('thread', 'reply-cues.json'), 'utf8')) as ReplyCues;
    cues = {
      answerWords: new Set(raw.answerWords.flatMap(wordHashes)),
      agreementPhrases: raw.agreementPhrases.map(wordHashes),
      stopwords: new Set(raw.stopwords.flatMap(wordHashes)),
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
const SENTENCE_END = /[.!?…]/u;

/** What the rule remembers of a recent comment. */
interface Recent {
  index: number;
  author: string;
  asksQuestion: boolean;
  /** Hashes of its content words. */
  words: Set<number>;
}

/**
 * Finds continuations in thread order. Call {@link find} for a comment, then {@link observe}
 * for every comment (with or without a parent) so the recent window and word counts stay right.
 */
export class ContinuationFinder {
  private readonly recent: Recent[] = [];
  /** How many earlier comments use each content word (by hash). */
  private readonly commentsPerWord = new Map<number, number>();
  private observed = 0;
  private readonly cues = loadCues();
  private readonly opening = new WordScan();

  /** The index this comment continues, or null when the evidence is not clear. */
  find(author: string, ownText: string): number | null {
    const above = this.recent[this.recent.length - 1];
    if (above === undefined || above.words.size === 0 || above.author === author || ownText.trim() === '') return null;

    const answer = ANSWER_OPENING.exec(ownText);
    if (answer !== null && this.cues.answerWords.has(this.opening.scan(answer[1]).hashes[0])) {
      for (let k = this.recent.length - 1; k >= 0; k--) {
        const candidate = this.recent[k];
        if (candidate.asksQuestion && candidate.author !== author) return candidate.index;
      }
      return above.index;
    }

    const firstSentence = ownText.split(SENTENCE_END, 1)[0];
    const sentence = this.opening.scan(firstSentence, OPENING_WORDS);
    if (this.cues.agreementPhrases.some((phrase) => containsPhrase(sentence, phrase))) return above.index;

    const limit = Math.max(DISTINCT_MAX_COMMENTS, Math.floor(this.observed * DISTINCT_MAX_SHARE));
    const words = this.opening.scan(ownText, OPENING_WORDS);
    for (let w = 0; w < words.count; w++) {
      const word = words.hashes[w];
      if (this.isContentWord(words, w) && above.words.has(word) && (this.commentsPerWord.get(word) ?? 0) <= limit) {
        return above.index;
      }
    }
    return null;
  }

  /** Records comment `index` as the latest one: its own text and the scan of that text. */
  observe(index: number, author: string, ownText: string, ownWords: WordScan): void {
    const words = new Set<number>();
    for (let w = 0; w < ownWords.count; w++) if (this.isContentWord(ownWords, w)) words.add(ownWords.hashes[w]);
    for (const word of words) this.commentsPerWord.set(word, (this.commentsPerWord.get(word) ?? 0) + 1);
    this.observed++;
    this.recent.push({ index, author, asksQuestion: ownText.includes('?'), words });
    if (this.recent.length > QUESTION_WINDOW) this.recent.shift();
  }

  private isContentWord(scan: WordScan, w: number): boolean {
    return scan.lengths[w] >= MIN_CONTENT_WORD && scan.digitsOnly[w] === 0 && !this.cues.stopwords.has(scan.hashes[w]);
  }
}

/** True when the scanned words contain `phrase` (word hashes) as consecutive words. */
function containsPhrase(scan: WordScan, phrase: readonly number[]): boolean {
  for (let start = 0; start + phrase.length <= scan.count; start++) {
    let k = 0;
    while (k < phrase.length && scan.hashes[start + k] === phrase[k]) k++;
    if (k === phrase.length) return true;
  }
  return false;
}
