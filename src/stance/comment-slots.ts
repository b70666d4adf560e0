/**
 * Where the per-comment numbers of a thread are kept in flat arrays: comments get slots 0, 1, 2...
 * in the order they come. A parsed thread's indexes are 1..n in that order, so a comment's slot is
 * its index minus one and no table is needed; a hand-built thread may number its comments
 * otherwise, and then each index's slot is looked up in a map.
 */
export class CommentSlots {
  private count = 0;
  /** Whether every index so far was its position (1..n in order): no lookup table then. */
  private positional = true;
  /** Slot of each comment index, once an index came out of 1..n order. */
  private readonly slotOfIndex = new Map<number, number>();

  /** The slot of the next comment, numbered `index`. */
  add(index: number): number {
    const slot = this.count++;
    if (this.positional && index !== slot + 1) {
      // The first comment out of 1..n order (it may be the very first): the ones before it were positional.
      this.positional = false;
      for (let earlier = 0; earlier < slot; earlier++) this.slotOfIndex.set(earlier + 1, earlier);
    }
    if (!this.positional) this.slotOfIndex.set(index, slot);
    return slot;
  }

  /** The slot of comment `index`, or undefined when no such comment came. */
  of(index: number): number | undefined {
    if (!this.positional) return this.slotOfIndex.get(index);
    return index >= 1 && index <= this.count ? index - 1 : undefined;
  }
}
