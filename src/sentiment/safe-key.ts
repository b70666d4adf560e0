/**
 * `sentiment`'s tokenizer lower-cases its input, turns `.,/#!?$%^&*;:{}=_`"~()` into spaces and
 * splits on U+0020. Our tokens are already split and normalised, so each one is encoded to a form
 * that passes through that tokenizer unchanged: every character it would strip is mapped to a
 * private-use character. The lexicon keys are encoded the same way, so `:)` still finds `:)`.
 */
const STRIPPED = '.,/#!?$%^&*;:{}=_`"~()';
const STRIPPED_PATTERN = /[.,/#!?$%^&*;:{}=_`"~()]/g;
const PRIVATE_USE_BASE = 0xe000;

/** The form of a lookup key that `sentiment`'s tokenizer leaves intact (one token, same text). */
export function safeKey(key: string): string {
  return key.replace(STRIPPED_PATTERN, (ch) => String.fromCharCode(PRIVATE_USE_BASE + STRIPPED.indexOf(ch)));
}
