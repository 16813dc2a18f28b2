/**
 * Calling a custom function (the CORZ functions) from a formula, as Excel does: ranges go in as
 * 2-D arrays with blanks as "" (an omitted argument as null), and what comes back (a number, text, an array, or a
 * CustomFunctions.Error returned or thrown) becomes a cell value.
 */
import { Matrix, Scalar, Value, XlError, err } from "./values";

/** Calls a custom function (e.g. "CORZ.DEAL_REVENUE") with Excel-style arguments. */
export type CustomFunctionHook = (name: string, args: unknown[]) => unknown;

/** What a custom function's result becomes in a cell. */
function fromCustom(r: unknown): Value {
  if (r && typeof r === "object" && "code" in r && typeof (r as { code: unknown }).code === "string") {
    const message = (r as { message?: unknown }).message;
    return new XlError((r as { code: string }).code, typeof message === "string" ? message : "");
  }
  if (Array.isArray(r)) return new Matrix(r.map((row) => (Array.isArray(row) ? row : [row]).map((x) => fromCustom(x) as Scalar)));
  if (typeof r === "number") return Number.isFinite(r) ? r : err("#NUM!");
  if (typeof r === "string" || typeof r === "boolean") return r;
  return r === null || r === undefined ? 0 : err("#VALUE!");
}

/** An argument as a custom function gets it: a range as a 2-D array, its blanks as ""; an omitted argument is null. */
const plain = (v: Value): unknown => (v instanceof Matrix ? v.cells.map((row) => row.map((x) => (x === null ? "" : x))) : v);

/** Calls `name` through `hook` with the arguments' values; its result, or the error it threw, as a cell value. */
export function callCustom(hook: CustomFunctionHook, name: string, args: readonly Value[]): Value {
  try {
    return fromCustom(hook(name, args.map(plain)));
  } catch (e) {
    return fromCustom(e);
  }
}
