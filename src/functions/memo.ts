/**
 * The one cache policy of the custom functions. Excel recalculates every CORZ cell often, and a
 * sheet asks many cells of the same scenario (or the same Monte Carlo run), so results are
 * remembered. Every remembered result lives in a `Memo`:
 * - keyed by the arguments after coercion (JSON of them, or the text as typed for a fast path);
 * - holding what the model returned, errors included: the model is pure, so a hit is always the
 *   answer a fresh computation would give (a cache changes speed, never answers);
 * - bounded: at most `maxEntries` entries, and optionally at most `maxWeight` of some measure of
 *   size (paths held); the least recently used entry goes first, but the newest always stays;
 * - emptied by its module's `clear...Cache()` where tests or cold-start measurements need one
 *   (the scenario and risk caches); the tornado's Memo has none.
 * Figures read from one scenario model (capacity by year, NPV cash flows) are remembered in a
 * Memo attached to that model (`onModel` in scenario.ts), so they go when the model goes.
 */
export class Memo<V> {
  private readonly entries = new Map<string, V>();
  private weight = 0;

  /**
   * @param maxEntries Entries kept at most.
   * @param weigh The size of a value (default 0: only the entry count bounds the Memo).
   * @param maxWeight Total size kept at most (default unbounded).
   */
  constructor(
    private readonly maxEntries: number,
    private readonly weigh: (v: V) => number = () => 0,
    private readonly maxWeight = Infinity,
  ) {}

  /** The value remembered under `key`, or `compute()` remembered under it. */
  get(key: string, compute: () => V): V {
    if (this.entries.has(key)) {
      const hit = this.entries.get(key) as V;
      this.entries.delete(key); // the most recently used goes last
      this.entries.set(key, hit);
      return hit;
    }
    const v = compute();
    this.entries.set(key, v);
    this.weight += this.weigh(v);
    while (this.entries.size > this.maxEntries || (this.weight > this.maxWeight && this.entries.size > 1)) {
      const oldest = this.entries.keys().next().value as string;
      this.weight -= this.weigh(this.entries.get(oldest) as V);
      this.entries.delete(oldest);
    }
    return v;
  }

  /** How many entries are kept (for tests). */
  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
    this.weight = 0;
  }
}
