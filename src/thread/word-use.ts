/**
 * Which comments use each content word, by word hash (see words.ts): how many earlier comments
 * used it, and the last one that did. The continuation rule asks both for the first words of
 * every comment ("is it distinctive?", "is it in the comment just above?").
 *
 * An open-addressing table of typed arrays rather than a `Map` of counts plus a `Set` of words
 * per comment: word hashes are 32-bit, so half of them are not small integers for V8 and every
 * `Map`/`Set` entry boxed one; the per-comment sets were allocated for every comment. With the
 * other changes of that session (one word scan per comment, author entries updated in place),
 * reply inference of the 100k-comment synthetic thread went from 1.97 to 1.23 s (fastest of 6).
 */
const imul = Math.imul;

/** `lastUser` of a stopword: occupied, never a comment index. */
const STOPWORD = -1;
const EMPTY = 0;
const MIN_BITS = 10;

/** Use of content words across a thread, by word hash. */
export class WordUse {
  private bits = MIN_BITS;
  private keys = new Int32Array(1 << MIN_BITS);
  /** Per slot: {@link EMPTY}, {@link STOPWORD}, or the index (>= 1) of the last comment that used the word. */
  private lastUsers = new Int32Array(1 << MIN_BITS);
  /** Per slot: how many comments used the word. */
  private counts = new Int32Array(1 << MIN_BITS);
  private size = 0;

  /** `stopwords`: hashes of words that are never content words. */
  constructor(stopwords: Iterable<number>) {
    for (const hash of stopwords) if (this.find(hash) === -1) this.insert(hash, STOPWORD);
  }

  /** True when `hash` is one of the stopwords. */
  isStopword(hash: number): boolean {
    const slot = this.find(hash);
    return slot !== -1 && this.lastUsers[slot] === STOPWORD;
  }

  /** How many comments used the word so far. */
  comments(hash: number): number {
    const slot = this.find(hash);
    return slot === -1 ? 0 : this.counts[slot];
  }

  /** The last comment that used the word (0: none; also 0 for a stopword). */
  lastUser(hash: number): number {
    const slot = this.find(hash);
    return slot === -1 || this.lastUsers[slot] === STOPWORD ? 0 : this.lastUsers[slot];
  }

  /**
   * Records that comment `index` (>= 1, increasing from call to call across comments) uses the
   * word, counting each comment once. Returns -1 for a stopword (nothing recorded), 1 when this is
   * the comment's first use of the word, 0 for a repeat.
   */
  use(hash: number, index: number): number {
    const slot = this.find(hash);
    if (slot === -1) {
      this.counts[this.insert(hash, index)] = 1;
      return 1;
    }
    const last = this.lastUsers[slot];
    if (last === STOPWORD) return -1;
    if (last === index) return 0;
    this.lastUsers[slot] = index;
    this.counts[slot]++;
    return 1;
  }

  private home(hash: number): number {
    return imul(hash, 0x9e3779b1) >>> (32 - this.bits);
  }

  private find(hash: number): number {
    const mask = this.keys.length - 1;
    for (let slot = this.home(hash); ; slot = (slot + 1) & mask) {
      if (this.lastUsers[slot] === EMPTY) return -1;
      if (this.keys[slot] === hash) return slot;
    }
  }

  /** Adds `hash` (not in the table) with `lastUser` as its value; returns its slot. Keeps the table at most half full. */
  private insert(hash: number, lastUser: number): number {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    let slot = this.home(hash);
    while (this.lastUsers[slot] !== EMPTY) slot = (slot + 1) & mask;
    this.keys[slot] = hash;
    this.lastUsers[slot] = lastUser;
    this.size++;
    return slot;
  }

  private grow(): void {
    const { keys, lastUsers, counts } = this;
    this.bits++;
    this.keys = new Int32Array(1 << this.bits);
    this.lastUsers = new Int32Array(1 << this.bits);
    this.counts = new Int32Array(1 << this.bits);
    const mask = this.keys.length - 1;
    for (let old = 0; old < keys.length; old++) {
      if (lastUsers[old] === EMPTY) continue;
      let slot = this.home(keys[old]);
      while (this.lastUsers[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.keys[slot] = keys[old];
      this.lastUsers[slot] = lastUsers[old];
      this.counts[slot] = counts[old];
    }
  }
}
