/**
 * What a text means against what its words say: ironic praise (sarcasm), derisive laughter and
 * rhetorical questions. These rules need the whole text scored first (a `Bravo` is ironic after a
 * complaint, laughter derisive next to one), so they run after the word-by-word rules, on the hits.
 */
import type { FrenchRules } from './rules-data.js';
import { ROLE } from './roles.js';
import type { SentenceFacts } from './rules.js';
import { firstWordUnit, foldedPlain, type ScoringUnit } from './units.js';

/** One lexicon hit (or rule hit) of a text, in unit order once sorted. */
export interface Hit {
  index: number;
  term: string;
  base: number;
  value: number;
  /** The value as the hit's own clause reads it (see `RuleOutcome.clauseValue` in rules.ts). */
  clauseValue: number;
  rules: string[];
  /** Laughter: its value is decided after the other hits of the text are known (irony rule). */
  laughter: boolean;
}

/** Each phrase of the rules joined by `-` as an expression unit's key is (`c'est-une-blague`), joined once per phrase. */
const JOINED = new WeakMap<readonly string[], string>();

function joined(phrase: readonly string[]): string {
  let key = JOINED.get(phrase);
  if (key === undefined) {
    key = phrase.join('-');
    JOINED.set(phrase, key);
  }
  return key;
}

/**
 * Multiplies a hit's value (and its clause value) by `factor` and names the rule that did it;
 * returns the change of the text's score.
 */
export function scaleHit(hit: Hit, factor: number, rule: string): number {
  const value = hit.value * factor;
  const change = value - hit.value;
  hit.value = value;
  hit.clauseValue *= factor;
  hit.rules = [...hit.rules, rule];
  return change;
}

/**
 * Rhetorical questions: a question sentence opening with an opener of `rhetoricalQuestion`
 * (`qui va acheter ça ?`, `à quoi bon ?`), or made of a single word of its `alone` list
 * (`Sérieux ?`), gets one negative hit on its first word. An opener that does not start with a
 * lead word is also looked for at the head of a later clause of the question (after a comma or a
 * lead word: `... et tu crois que ça fait vivre un commerce ?`). Returns the hits added.
 */
export function rhetoricalQuestions(
  units: readonly ScoringUnit[],
  facts: ReadonlyMap<number, SentenceFacts>,
  rules: FrenchRules,
): Hit[] {
  const added: Hit[] = [];
  const { openers, alone, lead, value } = rules.rhetoricalQuestion;
  for (const fact of facts.values()) {
    if (!fact.question) continue;
    const sentence = units[fact.firstUnit].sentence;
    // The word units of the sentence; the opening is read on its first eight.
    const sentenceWords: number[] = [];
    // Places in `sentenceWords` that open a later clause of the question (after a comma, or after
    // `et` / `mais`): `une baguette par jour et tu crois que ça fait vivre un commerce ?`.
    const clauseStarts: number[] = [];
    let last = -1;
    let afterComma = false;
    for (let i = fact.firstUnit; i < units.length && units[i].sentence === sentence; i++) {
      if (!units[i].word) {
        afterComma = units[i].plain === ',';
        continue;
      }
      if (last >= 0 && (afterComma || (last === i - 1 && lead.has(units[last].plain)))) clauseStarts.push(sentenceWords.length);
      afterComma = false;
      sentenceWords.push(i);
      last = i;
    }
    const words = sentenceWords.slice(0, 8);
    if (words.length === 0) continue;
    let first = 0;
    while (first < words.length - 1 && lead.has(units[words[first]].plain)) first += 1;
    const folded = words.map((w) => foldedPlain(units[w]));
    let matched = '';
    if (words.length - first === 1 && alone.has(units[words[first]].plain)) matched = units[words[first]].term;
    else {
      // An opener that starts with a lead word (`et les ... ?`) is tried on the first word, before the lead is skipped.
      const starts = first > 0 ? [0, first] : [0];
      for (const start of starts) {
        for (const opener of openers) {
          // An opener may also have been read as one expression unit (`c'est une blague`).
          if (folded[start] === joined(opener)) {
            matched = units[words[start]].term;
            break;
          }
          if (start + opener.length > words.length) continue;
          let same = true;
          for (let k = 0; k < opener.length && same; k++) same = folded[start + k] === opener[k];
          if (same) {
            matched = words.slice(start, start + opener.length).map((w) => units[w].term).join(' ');
            break;
          }
        }
        if (matched !== '') {
          first = start;
          break;
        }
      }
    }
    let index = words[first];
    for (let c = 0; c < clauseStarts.length && matched === ''; c++) {
      const start = clauseStarts[c];
      // Only openers that name what is doubted, not those starting with a lead word (`et les`).
      const opener = openers.find((words) => !lead.has(words[0]) && start + words.length <= sentenceWords.length
        && words.every((word, k) => foldedPlain(units[sentenceWords[start + k]]) === word));
      if (opener !== undefined) {
        matched = opener.join(' ');
        index = sentenceWords[start];
      }
    }
    if (matched === '' && last > words[first] && units[last - 1].plain === ',' && alone.has(units[last].plain)) {
      // `Cinq jours sur cinq, sérieusement ?`: the closing word is the exasperation.
      matched = units[last].term;
      index = last;
    }
    if (matched === '') continue;
    added.push({ index, term: `${matched} ?`, base: value, value, clauseValue: value, rules: ['rhetorical-question'], laughter: false });
  }
  return added;
}

/**
 * Exasperation at a repetition (see `exasperation` in fr-rules.json): a sentence opening with
 * `encore un ...` or `toujours pas ...` that praises nothing gets one negative hit on its first
 * word. `hits` are the word hits already scored. Returns the hits added.
 */
export function exasperations(units: readonly ScoringUnit[], facts: ReadonlyMap<number, SentenceFacts>, hits: readonly Hit[], rules: FrenchRules): Hit[] {
  const { openers, except, lead, value } = rules.exasperation;
  const added: Hit[] = [];
  /** Sentences holding a positive hit, gathered once on the first opener found (a long text has many sentences). */
  let praising: Set<number> | undefined;
  for (const fact of facts.values()) {
    let first = fact.firstUnit;
    const sentence = units[first].sentence;
    while (first < units.length && units[first].sentence === sentence && (units[first].boundary || lead.has(units[first].plain))) first += 1;
    if (first >= units.length || units[first].sentence !== sentence) continue;
    if (startsWithAny(units, first, except) || !startsWithAny(units, first, openers)) continue;
    praising ??= praisingSentences(hits, units);
    if (!praising.has(sentence)) {
      added.push({ index: first, term: units[first].term, base: value, value, clauseValue: value, rules: ['exasperation'], laughter: false });
    }
  }
  return added;
}

/** True when the words from unit `at` on (same sentence) spell one of `phrases` (accent-folded keys). */
function startsWithAny(units: readonly ScoringUnit[], at: number, phrases: readonly string[][]): boolean {
  for (const phrase of phrases) {
    let same = true;
    for (let k = 0; k < phrase.length && same; k++) {
      const unit = units[at + k];
      same = unit !== undefined && unit.sentence === units[at].sentence && foldedPlain(unit) === phrase[k];
    }
    if (same) return true;
  }
  return false;
}

/** The sentences that hold a positive hit. */
function praisingSentences(hits: readonly Hit[], units: readonly ScoringUnit[]): Set<number> {
  const sentences = new Set<number>();
  for (const hit of hits) if (hit.value > 0) sentences.add(units[hit.index].sentence);
  return sentences;
}

/**
 * Sarcasm (see `sarcasm` in fr-rules.json): positive hits that the text does not mean turn
 * negative. `hits` must be in unit order. Returns the change of the text's score.
 */
export function resolveSarcasm(hits: Hit[], units: readonly ScoringUnit[], rules: FrenchRules): number {
  // Only a word's praise turns ironic first (the exclamations and applause after it follow it):
  // a text without one changes nothing, and is spared the sets and counts below.
  if (!praisesWithWords(hits, units)) return 0;
  const { ellipsis, praise, exclamations, interjections, addressed, shortExclamation, factor } = rules.sarcasm;
  const marked = new Set<number>();
  const laughing = new Set<number>();
  // Words per sentence, indexed by sentence (a sentence without words, or out of range, reads undefined: `?? 0`).
  const wordsIn: number[] = [];
  for (const unit of units) {
    if (unit.word) wordsIn[unit.sentence] = (wordsIn[unit.sentence] ?? 0) + 1;
  }
  for (const unit of units) {
    if ((unit.roles & ROLE.sarcasmMarker) !== 0) {
      marked.add(unit.sentence);
      // An irony emoji alone on its line speaks of the line before.
      if ((wordsIn[unit.sentence] ?? 0) === 0) marked.add(unit.sentence - 1);
    }
    if ((unit.roles & ROLE.laughter) !== 0) laughing.add(unit.sentence);
  }
  let criticism = 0;
  for (const hit of hits) if (!hit.laughter && !praise.has(units[hit.index].plain) && hit.value < 0) criticism += hit.value;

  let change = 0;
  const ironicSentences = new Set<number>();
  for (let h = 0; h < hits.length; h++) {
    const hit = hits[h];
    const unit = units[hit.index];
    if (hit.laughter || hit.value <= 0 || !unit.word) continue;
    const sentence = unit.sentence;
    // What was said just before the praise: earlier in its sentence and in the sentence before.
    let earlier = 0;
    for (let k = h - 1; k >= 0 && units[hits[k].index].sentence >= sentence - 1; k--) if (!hits[k].laughter) earlier += hits[k].value;
    const isPraise = praise.has(unit.plain);
    let ironic = marked.has(sentence);
    if (!ironic && isPraise && ellipsisFollows(units, hit.index, ellipsis)) ironic = true;
    if (!ironic && isPraise && laughing.has(sentence) && criticism < 0) ironic = true;
    // Sarcasm-prone praise as a verbless exclamation (`Belle affaire 👍`, `Au top 👏`) concludes what precedes it as `Bravo.` does.
    if (!ironic && (exclamations.has(unit.plain) || (isPraise && (wordsIn[sentence] ?? 0) <= shortExclamation))) {
      if (earlier < 0 && !praisesOtherwise(hits, units, h, praise)) ironic = true;
      else if (adjacentWord(units, hit.index, -1, interjections)) ironic = true;
      // `Bravo la mairie.`: the article form is the set phrase of sarcastic applause; said in earnest it
      // gives its reason (`Bravo la rédac pour cet article`) or comes with warmth (`Chapeau l'artiste 👏`,
      // `Merci la mairie 🙏`), and a text that complains elsewhere makes it ironic whatever it comes with.
      else if (adjacentWord(units, hit.index, 1, addressed) && (criticism < 0 || !(givesReason(units, hit.index) || cheersInSentence(hits, units, sentence)))) ironic = true;
    }
    // Irony carries over to the praise of the next sentence (`Bah bravo. On applaudit bien fort`).
    if (!ironic && isPraise && ironicSentences.has(sentence - 1)) ironic = true;
    if (!ironic) continue;
    change += scaleHit(hit, factor, 'sarcasm');
    ironicSentences.add(sentence);
  }
  if (ironicSentences.size > 0) {
    // A lone exclamation of praise (`Du génie.`) in a text whose praise turned ironic is the same irony.
    for (const hit of hits) {
      const unit = units[hit.index];
      if (hit.laughter || hit.value <= 0 || !exclamations.has(unit.plain) || (wordsIn[unit.sentence] ?? 0) !== 1) continue;
      change += scaleHit(hit, factor, 'sarcasm');
      ironicSentences.add(unit.sentence);
    }
  }
  // The applause of an ironic `Bravo 👏` is part of the irony, in its sentence and the next.
  for (const hit of hits) {
    const unit = units[hit.index];
    if (hit.laughter || unit.word || hit.value <= 0 || !(ironicSentences.has(unit.sentence) || ironicSentences.has(unit.sentence - 1))) continue;
    change += scaleHit(hit, factor, 'sarcasm');
  }
  return change;
}

/** True when `pour` follows the exclamation at `i` and its addressee in its sentence (`bravo la rédac pour ...`). */
function givesReason(units: readonly ScoringUnit[], i: number): boolean {
  for (let j = i + 2; j <= i + 4 && j < units.length && units[j].sentence === units[i].sentence; j++) if (units[j].plain === 'pour') return true;
  return false;
}

/** True when sentence `sentence` holds a positive emoji or emoticon (not laughter): earnest warmth. */
function cheersInSentence(hits: readonly Hit[], units: readonly ScoringUnit[], sentence: number): boolean {
  for (const hit of hits) if (!hit.laughter && hit.value > 0 && !units[hit.index].word && units[hit.index].sentence === sentence) return true;
  return false;
}

/** True when a hit is a word's positive value (not laughter's): what {@link resolveSarcasm} may find ironic. */
function praisesWithWords(hits: readonly Hit[], units: readonly ScoringUnit[]): boolean {
  for (const hit of hits) if (!hit.laughter && hit.value > 0 && units[hit.index].word) return true;
  return false;
}

/** True when the unit next to `i` (`step` -1: before, 1: after), in its sentence and clause, is a word of `keys`. */
function adjacentWord(units: readonly ScoringUnit[], i: number, step: number, keys: ReadonlySet<string>): boolean {
  const j = i + step;
  return j >= 0 && j < units.length && units[j].sentence === units[i].sentence && units[j].word && keys.has(units[j].plain);
}

/** An ellipsis right after unit `i`, or after one more word (`du grand art, vraiment…`), in its sentence. */
function ellipsisFollows(units: readonly ScoringUnit[], i: number, ellipsis: ReadonlySet<string>): boolean {
  for (let j = i + 1; j <= i + 3 && j < units.length && units[j].sentence === units[i].sentence; j++) {
    if (ellipsis.has(units[j].plain)) return true;
    if (units[j].word && j > i + 1 && units[j - 1].word) return false;
    if (units[j].boundary && units[j].plain !== ',') return false;
  }
  return false;
}

/** True when the sentence of hit `h` praises something with a word that is not a sarcasm-prone one. */
function praisesOtherwise(hits: readonly Hit[], units: readonly ScoringUnit[], h: number, praise: ReadonlySet<string>): boolean {
  const sentence = units[hits[h].index].sentence;
  for (const other of hits) {
    const unit = units[other.index];
    if (other !== hits[h] && unit.sentence === sentence && unit.word && other.value > 0 && !praise.has(unit.plain)) return true;
  }
  return false;
}

/**
 * Irony of laughter: laughter next to negative content (its sentence and the one before, or the
 * one after when the laughter opens the text, summing
 * below `derisionBelow`, a rhetorical question included: `Qui va acheter ça ? 😂`) is derision and
 * counts negative; otherwise it is light-hearted and keeps its
 * positive value. Returns the laughter's part of the score.
 */
export function resolveLaughter(hits: Hit[], units: readonly ScoringUnit[], rules: FrenchRules): number {
  let added = 0;
  const firstSentence = units.length > 0 ? units[0].sentence : 0;
  // A text that opens by rebutting (`Sauf qu'on peut ...`) laughs at the one it answers.
  const rebuts = hits.some((hit) => hit.laughter) && opensWithRebuttal(units, rules.rebuttalOpeners);
  for (const hit of hits) {
    if (!hit.laughter) continue;
    const sentence = units[hit.index].sentence;
    // Laughter opening a comment (`mdr. Le day one c'est pour les pigeons`) laughs at what comes next.
    const opensText = sentence === firstSentence;
    let nearby = 0;
    for (const other of hits) {
      if (other.laughter) continue;
      const otherSentence = units[other.index].sentence;
      if (otherSentence === sentence || otherSentence === sentence - 1 || (opensText && otherSentence === sentence + 1)) nearby += other.value;
    }
    if (nearby < rules.derisionBelow || rebuts) {
      hit.value = -Math.abs(hit.base);
      hit.rules = ['irony'];
    } else {
      hit.value = hit.base;
    }
    hit.clauseValue = hit.value;
    added += hit.value;
  }
  return added;
}

/** True when the first words of the text spell one of `openers` (accent-folded keys). */
function opensWithRebuttal(units: readonly ScoringUnit[], openers: readonly string[][]): boolean {
  const first = firstWordUnit(units);
  if (first >= units.length) return false;
  // An opener may have been read as one expression unit (`sauf-que`).
  const folded = foldedPlain(units[first]);
  for (const opener of openers) if (folded === joined(opener)) return true;
  return startsWithAny(units, first, openers);
}
