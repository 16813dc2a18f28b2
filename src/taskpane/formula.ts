/**
 * The formula builder's text, as pure functions: what the analyst typed for each argument
 * becomes an Excel formula such as `=CORZ.DEAL_REVENUE(2027, "bull")`.
 *
 * An argument goes in as typed when it is a number (10%, 1e9 too), TRUE/FALSE, a cell or
 * range reference (A1, $B$2:C9, 'My sheet'!D4) or already a quoted text; anything else is
 * quoted, with its quotes doubled. A leading "=" means "use the rest as it is" (a defined
 * name, a nested formula). Formulas are written with en-US separators, which is what
 * Range.formulas expects whatever the user's locale.
 */
import { FunctionInfo, NAMESPACE } from "./catalog";

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?%?$/i;
const BOOLEAN = /^(true|false)$/i;
const QUOTED = /^"(?:[^"]|"")*"$/;
const CELL = String.raw`\$?[A-Za-z]{1,3}\$?[0-9]{1,7}`;
const SHEET = String.raw`(?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!`;
const REFERENCE = new RegExp(`^(?:${SHEET})?${CELL}(?::${CELL})?$`);

/** One argument as it appears in the formula; "" when nothing was typed. */
export function formatArgument(raw: string): string {
  const t = raw.trim();
  if (t === "") return "";
  if (t.startsWith("=")) return t.slice(1).trim();
  if (NUMBER.test(t) || QUOTED.test(t) || REFERENCE.test(t)) return t;
  if (BOOLEAN.test(t)) return t.toUpperCase();
  return `"${t.replace(/"/g, '""')}"`;
}

/**
 * The formula for `fn` with the typed arguments (one per parameter, in order). Trailing
 * empty arguments are left out; an empty argument before a filled one stays as a blank,
 * which Excel passes to the function as omitted.
 */
export function formulaText(fn: FunctionInfo, raws: readonly string[]): string {
  const args = fn.parameters.map((_, i) => formatArgument(raws[i] ?? ""));
  while (args.length > 0 && args[args.length - 1] === "") args.pop();
  return `=${NAMESPACE}.${fn.id}(${args.join(", ")})`;
}

/** Names of the required parameters left empty. */
export function missingArguments(fn: FunctionInfo, raws: readonly string[]): string[] {
  return fn.parameters.filter((p, i) => !p.optional && (raws[i] ?? "").trim() === "").map((p) => p.name);
}
