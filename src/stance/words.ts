/**
 * What the stance stage asks of a word, looked up once per token instead of once per question.
 *
 * Every token of a comment used to be looked up in half a dozen tables by its folded form (the
 * target forms, the case-sensitive target forms, the cue phrases, the irony markers, the negators
 * of the echo words, the eye-roll markers, the agreement cues, the clause connectors), each a map
 * lookup that hashes and compares the string again. A {@link Vocabulary} answers all of them at
 * once the first time it sees a folded form ({@link Word}), and the tokenizer gives each token its
 * `Word`: one map lookup per token, by the token as written (which also saves folding it).
 */
import type { Candidates, PhraseMatcher } from './phrases.js';
import type { StanceSchema, StanceTables } from './schema.js';
import { emojiBase, FNV_BASIS, FNV_PRIME, foldWord, TokenKind, type CueToken, type TokenizedText } from './text.js';

/** Bits of {@link Word.flags}: the word lists of the schema a folded form belongs to. */
export const WordFlag = {
  Negator: 1,
  Interjection: 2,
  ClauseConnector: 4,
  /** An irony marker (the form or its emoji base is one). */
  IronyMarker: 8,
  /** An eye-roll marker of `agreement.exasperation` (the form or its emoji base). */
  EyeRoll: 16,
  /** Punctuation holding a question mark. */
  QuestionMark: 32,
  /** May start a target form (folded or case-sensitive). */
  Target: 64,
  /** A word of `agreement.concessiveYes` (`oui`, `certes`...). */
  Concession: 128,
} as const;

/** Every {@link WordFlag}: what may be in a text whose words are not known. */
const ANY_FLAGS = 255;

/** Where the candidates of each phrase matcher of the schema are kept in {@link Word.candidates}. */
export const MatcherSlot = { Cues: 0, Targets: 1, Agreement: 2, QuestionTags: 3 } as const;
export type MatcherSlot = (typeof MatcherSlot)[keyof typeof MatcherSlot];

/** FNV-1a over the UTF-16 code units of `word`: stable, no allocation (the hash of the echo words). */
export function wordHash(word: string): number {
  let hash = FNV_BASIS;
  for (let i = 0; i < word.length; i++) {
    hash ^= word.charCodeAt(i);
    hash = Math.imul(hash, FNV_PRIME);
  }
  return hash | 0;
}

/** One folded form and all the stance stage asks of it; one object per form and vocabulary. */
export class Word {
  /** Last collection that took this word ({@link Vocabulary.newStamp}): a set without a `Set`. */
  stamp = 0;

  constructor(
    readonly vocabulary: Vocabulary,
    readonly norm: string,
    /** {@link WordFlag} bits. */
    readonly flags: number,
    /** The phrase entries this form may start, per {@link MatcherSlot}. */
    readonly candidates: readonly (Candidates<unknown> | null)[],
    /** Case-sensitive target forms that fold to this form: form as written → target id. */
    readonly exactTargets: ReadonlyMap<string, string> | undefined,
    /** {@link wordHash} of the form. */
    readonly hash: number,
    /** Bit `1 << slot` set: the form is the second word of an entry of the matcher of {@link MatcherSlot} `slot`. */
    readonly secondWordOf: number,
  ) {}
}

/** A token whose {@link Word} is known. */
export type WordToken = CueToken & { word: Word };

/** Distinct forms remembered per vocabulary; all are forgotten together between two texts when full. */
const VOCABULARY_LIMIT = 200_000;

/** A word token as written, and its word. */
export interface WordForm {
  readonly surface: string;
  /** {@link wordHash} of {@link surface}. */
  readonly hash: number;
  readonly word: Word;
}

/**
 * Word forms by their hash, in an open-addressing table: looked up by a span of a text and its
 * hash (which the tokenizer computes while it reads the word), so a word need not be cut out of
 * its text to be found, as a `Map` keyed by strings would need.
 */
class FormTable {
  private hashes = new Int32Array(1024);
  private forms: (WordForm | undefined)[] = new Array<WordForm | undefined>(1024).fill(undefined);
  size = 0;

  /** The form written as `text[start, end)`, whose hash is `hash`, or undefined. */
  get(text: string, start: number, end: number, hash: number): WordForm | undefined {
    const { hashes, forms } = this;
    const mask = forms.length - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const form = forms[slot];
      if (form === undefined) return undefined;
      if (hashes[slot] !== hash || form.surface.length !== length) continue;
      const surface = form.surface;
      let k = 0;
      while (k < length && surface.charCodeAt(k) === text.charCodeAt(start + k)) k += 1;
      if (k === length) return form;
    }
  }

  /** Adds a form not in the table. */
  add(form: WordForm): void {
    // At most half full, so that a probe meets an empty slot soon.
    if (2 * (this.size + 1) > this.forms.length) this.resize(2 * this.forms.length);
    this.put(form);
    this.size += 1;
  }

  clear(): void {
    this.forms.fill(undefined);
    this.size = 0;
  }

  private put(form: WordForm): void {
    const mask = this.forms.length - 1;
    let slot = form.hash & mask;
    while (this.forms[slot] !== undefined) slot = (slot + 1) & mask;
    this.forms[slot] = form;
    this.hashes[slot] = form.hash;
  }

  private resize(capacity: number): void {
    const old = this.forms;
    this.hashes = new Int32Array(capacity);
    this.forms = new Array<WordForm | undefined>(capacity).fill(undefined);
    for (const form of old) if (form !== undefined) this.put(form);
  }
}

/** The {@link Word}s of one schema's tables, made on first sight of each form. */
export class Vocabulary {
  private readonly byNorm = new Map<string, Word>();
  /** Word tokens as written → their word (saves folding them). */
  private readonly wordForms = new FormTable();
  /** Other tokens (emoji, numbers, punctuation) as written → their word. */
  private readonly otherForms = new Map<string, Word>();
  private readonly matchers: readonly PhraseMatcher<unknown>[];
  private readonly exactByNorm = new Map<string, Map<string, string>>();
  private stampCount = 0;

  constructor(private readonly tables: StanceTables) {
    this.matchers = [tables.cues, tables.targets, tables.agreement, tables.questionTags] as PhraseMatcher<unknown>[];
    for (const [form, target] of tables.exactTargets) {
      // A token as written is `form` only if its folded form is the word fold of `form` (a word)
      // or `form` itself (emoji, `+1`): both are keys.
      for (const norm of new Set([foldWord(form), form])) {
        let forms = this.exactByNorm.get(norm);
        if (forms === undefined) this.exactByNorm.set(norm, (forms = new Map()));
        forms.set(form, target);
      }
    }
  }

  /**
   * Forgets every form when the vocabulary is full. Called between two texts only, so that within
   * one text a folded form always has one `Word` (what {@link newStamp} relies on).
   */
  trim(): void {
    if (this.byNorm.size + this.wordForms.size + this.otherForms.size < VOCABULARY_LIMIT) return;
    this.byNorm.clear();
    this.wordForms.clear();
    this.otherForms.clear();
  }

  /** The word of a token of `kind` written `surface` (what `tokenizeForCues` would fold it to). */
  wordAt(surface: string, kind: TokenKind): Word {
    if (kind === TokenKind.Word) return this.formAt(surface, 0, surface.length, wordHash(surface)).word;
    let word = this.otherForms.get(surface);
    if (word === undefined) {
      const norm = kind === TokenKind.Number ? surface.replace(' ', '') : surface;
      word = this.wordOf(norm);
      this.otherForms.set(surface, word);
    }
    return word;
  }

  /**
   * The form of the word token written `text[start, end)`, whose {@link wordHash} is `hash`: its
   * surface (one string per form, cut from the text on first sight only) and its word.
   */
  formAt(text: string, start: number, end: number, hash: number): WordForm {
    let form = this.wordForms.get(text, start, end, hash);
    if (form === undefined) {
      const surface = text.slice(start, end);
      form = { surface, hash, word: this.wordOf(foldWord(surface)) };
      this.wordForms.add(form);
    }
    return form;
  }

  /** The word of a folded form. */
  wordOf(norm: string): Word {
    let word = this.byNorm.get(norm);
    if (word === undefined) {
      word = this.made(norm);
      this.byNorm.set(norm, word);
    }
    return word;
  }

  /** A number no earlier collection used: words whose `stamp` is not it are not taken yet. */
  newStamp(): number {
    this.stampCount += 1;
    return this.stampCount;
  }

  private made(norm: string): Word {
    const t = this.tables;
    const base = emojiBase(norm);
    const flags =
      (t.negators.has(norm) ? WordFlag.Negator : 0) |
      (t.interjections.has(norm) ? WordFlag.Interjection : 0) |
      (t.clauseConnectors.has(norm) ? WordFlag.ClauseConnector : 0) |
      (t.ironyMarkers.has(norm) || t.ironyMarkers.has(base) ? WordFlag.IronyMarker : 0) |
      (t.exasperationMarkers.has(norm) || t.exasperationMarkers.has(base) ? WordFlag.EyeRoll : 0) |
      (t.concessionWords.has(norm) ? WordFlag.Concession : 0) |
      // No word, number or emoji holds a `?`: only punctuation does.
      (norm.includes('?') ? WordFlag.QuestionMark : 0);
    const candidates = this.matchers.map((matcher) => matcher.entriesStartedBy(norm));
    const exactTargets = this.exactByNorm.get(norm);
    const target = candidates[MatcherSlot.Targets] !== null || exactTargets !== undefined ? WordFlag.Target : 0;
    let secondWordOf = 0;
    this.matchers.forEach((matcher, slot) => {
      if (matcher.isSecondWord(norm)) secondWordOf |= 1 << slot;
    });
    return new Word(this, norm, flags | target, candidates, exactTargets, wordHash(norm), secondWordOf);
  }
}

/** The vocabulary of the schema used last, and of every schema seen (schemas are few). */
let lastTables: StanceTables | undefined;
let lastVocabulary: Vocabulary | undefined;
const vocabularies = new WeakMap<StanceTables, Vocabulary>();

/** The vocabulary of `schema`'s tables (made once per schema). */
export function vocabularyOf(schema: StanceSchema): Vocabulary {
  const tables = schema.tables;
  if (tables === lastTables) return lastVocabulary as Vocabulary;
  let vocabulary = vocabularies.get(tables);
  if (vocabulary === undefined) vocabularies.set(tables, (vocabulary = new Vocabulary(tables)));
  lastTables = tables;
  lastVocabulary = vocabulary;
  return vocabulary;
}

/**
 * `tokens` with the words of `schema`'s vocabulary: as they are when the stance tokenizer of that
 * schema made them (the usual case: one comparison), else looked up now by their folded form (the
 * tokens of `tokenizeForCues`, or of another schema). All tokens of one tokenization share a
 * vocabulary, so the first token tells.
 */
export function lookedUp(tokens: readonly CueToken[], schema: StanceSchema): readonly WordToken[] {
  const vocabulary = vocabularyOf(schema);
  if (tokens.length === 0 || tokens[0].word?.vocabulary === vocabulary) return tokens as readonly WordToken[];
  for (const token of tokens) token.word = vocabulary.wordOf(token.norm);
  return tokens as readonly WordToken[];
}

/**
 * The {@link WordFlag}s of the words of `tokenized` put together, as the stance tokenizer of
 * `schema` found them: a flag not in it is on no token, so a search for it can be skipped. All
 * flags when the text was tokenized otherwise.
 */
export function flagsIn(tokenized: TokenizedText, schema: StanceSchema): number {
  return tokenized.vocabulary !== undefined && tokenized.vocabulary === vocabularyOf(schema) ? (tokenized.wordFlags as number) : ANY_FLAGS;
}
