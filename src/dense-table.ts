/**
 * Values by a dense number id (wink's lexeme ids, and the token `keyId`s made from them): an
 * array indexed by the id instead of a map, which saves hashing a key for every token read. It is
 * emptied when it has been given `limit` values, which bounds its memory on million-comment inputs
 * (wink's own lexicon grows with every new word, and so do the ids).
 */
export class DenseTable<T> {
  private values: (T | undefined)[] = [];
  private count = 0;

  constructor(private readonly limit: number) {}

  /** The value kept for `id` (>= 0), if any. */
  get(id: number): T | undefined {
    return id < this.values.length ? this.values[id] : undefined;
  }

  /** Keeps `value` for `id` (>= 0), after emptying the table if it has reached its limit. */
  set(id: number, value: T): void {
    if (this.count >= this.limit) this.clear();
    // Grown one slot at a time: an array written far past its end would turn into a dictionary.
    while (this.values.length <= id) this.values.push(undefined);
    this.values[id] = value;
    this.count += 1;
  }

  /** Drops every value. */
  clear(): void {
    this.values = [];
    this.count = 0;
  }
}
