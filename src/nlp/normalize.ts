/**
 * French normalisation of single strings: spaces, apostrophes, accents, elisions, emoji modifiers.
 * Pure functions, no tables to load.
 */

/** No-break space, narrow no-break space, thin space and figure space: French typography puts them before `!?:;` and inside `« »`. */
const FRENCH_SPACES = /[\u00A0\u202F\u2009\u2007]/g;

/** Replaces the non-breaking spaces of French typography by plain spaces. */
export function normalizeSpaces(text: string): string {
  return text.replace(FRENCH_SPACES, ' ');
}

/** Typographic apostrophes (’ ʼ ‘ ´ `) written in place of `'`. */
/** ASCII except the backtick, which is read as an apostrophe. */
const PLAIN_ASCII = /^[\x00-\x5f\x61-\x7f]*$/;

const APOSTROPHES = /[\u2019\u02BC\u2018\u00B4`]/g;

/**
 * The lookup key of a word: NFC, lower case, one apostrophe (`'`), the ligatures œ and æ spelt out
 * (`cœur` and `coeur` are the same word to a reader).
 */
export function normalizeKey(word: string): string {
  // Fast path: plain ASCII without a backtick needs only lower-casing (most tokens, even in French).
  if (PLAIN_ASCII.test(word)) return word.toLowerCase();
  return word.normalize('NFC').toLowerCase().replace(APOSTROPHES, "'").replace(/œ/g, 'oe').replace(/æ/g, 'ae');
}

const ASCII_ONLY = /^[\x00-\x7f]*$/;
const COMBINING_MARKS = /[\u0300-\u036f]/g;

/**
 * A key without its accents (`débile` -> `debile`, `être` -> `etre`): online French often drops
 * them, so lookups fall back to this form.
 */
export function foldAccents(key: string): string {
  if (ASCII_ONLY.test(key)) return key;
  return key.normalize('NFD').replace(COMBINING_MARKS, '').normalize('NFC');
}

/**
 * Elided articles, pronouns and conjunctions. `aujourd'hui`, `prud'homme` or `presqu'île` do not
 * start with one of these followed by the apostrophe, so they stay whole.
 */
const ELISION = /^(c|d|j|l|m|n|s|t|qu|jusqu|lorsqu|puisqu|quoiqu)(['\u2019])(.+)$/i;

/**
 * Splits an elided word into its two words (`c'était` -> [`c'`, `était`], `l’échec` ->
 * [`l’`, `échec`]); null when the word carries no elision. wink's English tokenizer keeps them
 * as one token, which would hide `était` from the lexicon.
 */
export function splitElision(word: string): [string, string] | null {
  const match = ELISION.exec(word);
  if (match === null) return null;
  return [match[1] + match[2], match[3]];
}

/** Skin-tone modifiers (U+1F3FB..U+1F3FF), variation selectors and the zero-width joiner. */
const EMOJI_MODIFIERS = /[\u{1F3FB}-\u{1F3FF}\uFE0E\uFE0F\u200D]/gu;

/** An emoji without skin tone or presentation selector: `👏🏼` -> `👏`, `❤️` -> `❤`. */
export function stripEmojiModifiers(emoji: string): string {
  return emoji.replace(EMOJI_MODIFIERS, '');
}
