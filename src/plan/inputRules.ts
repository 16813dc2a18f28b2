/**
 * What the cells of an input block accept, declared by the plan on the block (`keys.accept`), so
 * an adapter that keeps the user's typed values checks them without knowing the model or a block
 * id: it asks this module, which reads each rule (an assumption by the model's own rule).
 * Rules are plain data: the Office.js adapter records them with what it wrote.
 */
import { assumptionSpec, sumToDecimals } from "../model/assumptions";
import { validateAssumption } from "../model/scenarios";
import { Result, ok } from "../model/result";

/** What one cell accepts. */
export type InputRule =
  /** Anything (names, notes). */
  | { readonly kind: "text" }
  /** The name of a scenario of the build; one no longer built is dropped (the first is shown). */
  | { readonly kind: "scenario" }
  /** The assumption its row key names, in the scenario its column names, by the model's rule for it. */
  | { readonly kind: "assumption" }
  /** A number; `blank` accepts an empty cell; `name` is what a refusal calls the cell (the row and column keys when absent). */
  | { readonly kind: "number"; readonly blank?: boolean; readonly name?: string }
  /** TRUE or FALSE. */
  | { readonly kind: "boolean"; readonly blank?: boolean; readonly name: string };

/** The rules of a block's cells: a row's own rule wins over its column's, which wins over `all`; a number when none applies. */
export interface InputRules {
  readonly all?: InputRule;
  readonly rows?: Readonly<Record<string, InputRule>>;
  readonly cols?: Readonly<Record<string, InputRule>>;
  /** The block holds choices (a selection, not figures): kept, but not listed among the values the user edited. */
  readonly choice?: boolean;
}

export const TEXT: InputRule = { kind: "text" };
export const NUMBER_OR_BLANK: InputRule = { kind: "number", blank: true };

const NUMBER: InputRule = { kind: "number" };

/** The rule of the cell at a row and column key. */
export function ruleOf(rules: InputRules | undefined, row: string, col: string): InputRule {
  return rules?.rows?.[row] ?? rules?.cols?.[col] ?? rules?.all ?? NUMBER;
}

/** A cell's value as text: "" for an empty cell. */
export function cellText(v: unknown): string {
  return v === null || v === undefined ? "" : String(v);
}

/**
 * Why a value typed at "Sheet!C7" (row and column keys `row`, `col`) breaks a number, boolean or
 * text rule; undefined when it is acceptable. Assumptions and scenarios are read by
 * {@link readAssumption} and the build's scenario names.
 */
export function refusal(rule: InputRule, value: unknown, at: { readonly row: string; readonly col: string; readonly where: string }): string | undefined {
  const blank = cellText(value) === "";
  if (rule.kind === "boolean") {
    return typeof value === "boolean" || (rule.blank && blank) ? undefined : `${at.where}: ${rule.name} must be TRUE or FALSE, got "${cellText(value)}"`;
  }
  if (rule.kind !== "number") return undefined;
  if (typeof value === "number" || (rule.blank && blank)) return undefined;
  return `${at.where}: ${rule.name ?? `${at.row} ${at.col}`} must be a number${rule.blank ? " or blank" : ""}, got "${cellText(value)}"`;
}

/**
 * An assumption value as typed, in the model's unit (dates as Excel serials, money typed as
 * "3.5bn" as the number it stands for), or why the model refuses it. Undefined when `key` names
 * no assumption (a row of an older layout).
 *
 * @example assumptionValue("t1_mw", 150) // { ok: true, value: 150 }
 */
export function assumptionValue(key: string, raw: unknown): Result<number> | undefined {
  const spec = assumptionSpec(key);
  return spec ? validateAssumption(spec, raw) : undefined;
}

/** What a typed assumption sets in its scenario: `key` and `value` are what the sheets keep. */
export interface TypedAssumption {
  readonly key: string;
  readonly value: number;
  /** Every scenario value it sets (a built value typed sets itself and the part it adjusts). */
  readonly sets: Readonly<Record<string, number>>;
}

/**
 * Reads an assumption typed into a scenario's column. A built value (the discount rate, the sum
 * of its parts) typed on a sheet written before it had parts is kept as the part it adjusts, so
 * the sum is what was typed: `now` holds the scenario's values with the edits kept so far.
 * Undefined when `key` names no assumption.
 */
export function readAssumption(key: string, raw: unknown, now: Readonly<Record<string, number>>): Result<TypedAssumption> | undefined {
  const v = assumptionValue(key, raw);
  if (!v || !v.ok) return v;
  const built = assumptionSpec(key)?.built;
  if (!built) return ok({ key, value: v.value, sets: { [key]: v.value } });
  // The bounds make that part valid: a rate from -0.5 to 1 less a reference yield from 0 to 0.5.
  const { sumOf, adjusts } = built;
  const value = sumToDecimals([v.value, ...sumOf.filter((k) => k !== adjusts).map((k) => -now[k])]);
  return ok({ key: adjusts, value, sets: { [key]: v.value, [adjusts]: value } });
}
