/**
 * Reverse keying of an item answer, x' = (min + max) - x, so that a high score means the same thing on every item
 * of a scale ("In my team, someone who makes a mistake keeps being reminded of it": 2 on 1-5 becomes 4).
 * Applying it twice gives the answer back.
 *
 * References:
 * * scoring conventions, docs/instrument.md ("Reverse-keyed item")
 *
 * Cost: O(1). Unchecked on purpose: it runs once per answer in the fast path, where answers were checked already.
 *
 * @param value the answer code, min <= value <= max
 * @param min lowest code of the item's response scale
 * @param max highest code of the item's response scale
 * @returns the reverse-keyed code
 * @example
 * reverseKey(2, 1, 5); // => 4
 */
export function reverseKey(value: number, min: number, max: number): number {
  return min + max - value;
}
