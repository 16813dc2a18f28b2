/** Small text helpers for what the pane shows. */

/**
 * A model message as a sentence: first letter capitalised (unless the message starts with an
 * assumption key such as `t1_mw`, which keeps its case) and a full stop at the end.
 */
export function sentence(message: string): string {
  const t = message.trim();
  const first = t.split(/\s/, 1)[0] ?? "";
  const s = first.includes("_") ? t : t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?)]$/.test(s) ? s : `${s}.`;
}

/** "1 scenario", "3 scenarios". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
