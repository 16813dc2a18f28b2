/**
 * Finding things by name the way a user types them. Every index of things by name in the model
 * (assumptions, peers, metrics, multiples, peer groups, risk settings, deal metrics) is one
 * `nameIndex`, so "T1 MW", "t1_mw" and "T1-MW" find the same thing everywhere.
 */

/** Folds case, spaces, underscores, hyphens and dots, so "T1 MW" finds "t1_mw". */
export function normaliseName(s: string): string {
  return s.toLowerCase().replace(/[\s_\-.]+/g, "");
}

/** Things found by any of their names, forgiving what `fold` folds. */
export interface NameIndex<T> {
  /** The thing `name` names, or undefined. */
  find(name: string): T | undefined;
}

/**
 * An index of things by every name they go by: `entries` pairs a name with its thing, and a
 * later pair wins a name two share (list fallbacks such as retired labels first). `fold` is
 * how names are compared; by default `normaliseName`.
 *
 * @example nameIndex([["T1 MW", 572]]).find("t1_mw") // 572
 */
export function nameIndex<T>(entries: Iterable<readonly [name: string, thing: T]>, fold: (name: string) => string = normaliseName): NameIndex<T> {
  const byName = new Map<string, T>();
  for (const [name, thing] of entries) byName.set(fold(name), thing);
  return { find: (name) => byName.get(fold(name)) };
}

/** The pairs naming `thing` by each of `names`: `byNames(peer, [peer.id, peer.name])`. */
export function byNames<T>(thing: T, names: readonly string[]): Array<readonly [string, T]> {
  return names.map((n) => [n, thing] as const);
}
