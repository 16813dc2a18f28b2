/**
 * Every argument coercion for the CORZ functions lives here: blanks, text numbers,
 * booleans, 2-D ranges, error values and Excel date serials. Each coercer returns a model
 * `Result`, so a bad argument becomes a clear message instead of a crash, and one mistake
 * gets one error kind in every function (the README's "Errors:" rule):
 * - a wrong type (text for a number, 2.5 where a whole number is needed, a range for one
 *   value, an error value) or a number outside the argument's range: `#VALUE!` with a message;
 * - an unknown option: `#N/A` listing the valid ones;
 * - an impossible number: `#NUM!` (NaN or infinity; a year outside 1900-9999).
 */
import { PipelineRow } from "../model/customers/data";
import { EXCEL_SERIAL_MAX, fromExcelSerial } from "../model/dates";
import { Result, all, naError, numError, ok, valueError } from "../model/result";
import { Override, scenarioNames } from "../model/scenarios";

/** What Excel may hand a custom function for one argument. */
export type Arg = unknown;

/** True for values Excel passes for an omitted argument or an empty cell. */
export function isBlank(x: Arg): boolean {
  return x === undefined || x === null || x === "";
}

/** An error value passed in from a cell (when Excel lets it through). */
function isErrorValue(x: Arg): boolean {
  if (typeof x !== "object" || x === null || Array.isArray(x)) return false;
  const e = x as { code?: unknown; type?: unknown };
  return typeof e.code === "string" || e.type === "Error";
}

function describe(x: Arg): string {
  if (typeof x === "string") return `"${x}"`;
  if (typeof x === "boolean") return x ? "TRUE" : "FALSE";
  if (isErrorValue(x)) return "an error value";
  if (Array.isArray(x)) return "a range";
  return String(x);
}

/** A range as rows of cells: a single value is one row of one cell, a bare list one cell per row. */
function rowsOf(x: Arg): unknown[][] {
  return Array.isArray(x) ? (x as unknown[]).map((r) => (Array.isArray(r) ? (r as unknown[]) : [r])) : [[x]];
}

/** True for a blank argument or a range whose every cell is blank. */
export function allBlank(x: Arg): boolean {
  return rowsOf(x).every((r) => r.every(isBlank));
}

/**
 * A single value: a 1x1 range is unwrapped; larger ranges are an error, as are error
 * values passed in from cells.
 */
export function scalar(x: Arg, name: string): Result<Arg> {
  let v = x;
  if (Array.isArray(v)) {
    const rows = v as unknown[];
    if (rows.length === 1 && Array.isArray(rows[0]) && (rows[0] as unknown[]).length === 1) {
      v = (rows[0] as unknown[])[0];
    } else {
      return valueError(`${name} must be a single value, not a range`);
    }
  }
  if (isErrorValue(v)) return valueError(`${name} is an error value`);
  return ok(v);
}

/** A finite number: numbers and numeric text ("2,027", "5%") are accepted, booleans and other text are not. */
export function numberArg(x: Arg, name: string, opts: { optional?: number } = {}): Result<number> {
  if (typeof x === "number") return Number.isFinite(x) ? ok(x) : numError(`${name} is not a finite number`); // the common case, first
  const s = scalar(x, name);
  if (!s.ok) return s;
  const v = s.value;
  if (isBlank(v)) {
    return opts.optional !== undefined ? ok(opts.optional) : valueError(`${name} is required`);
  }
  if (typeof v === "number") {
    return Number.isFinite(v) ? ok(v) : numError(`${name} is not a finite number`);
  }
  if (typeof v === "string") {
    const t = v.trim().replace(/,/g, "");
    const pct = t.endsWith("%");
    const n = Number(pct ? t.slice(0, -1) : t);
    if (t !== "" && Number.isFinite(n)) return ok(pct ? n / 100 : n);
  }
  return valueError(`${name} must be a number, got ${describe(v)}`);
}

/**
 * A calendar year such as 2027. A date (an Excel serial from 10000 up, such as
 * DATE(2027,6,30)) stands for its year. Years run from 1900 to 9999; outside is an impossible
 * year, #NUM!. A blank gives `optional` when given.
 */
export function yearArg(x: Arg, name = "year", opts: { optional?: number } = {}): Result<number> {
  const n = numberArg(x, name, opts);
  if (!n.ok) return n;
  const v = n.value;
  if (v >= 10000 && v <= EXCEL_SERIAL_MAX) {
    const d = fromExcelSerial(v);
    return d.ok ? ok(d.value.year) : d;
  }
  if (!Number.isInteger(v)) return valueError(`${name} must be a whole calendar year such as 2027, got ${v}`);
  if (v < 1900 || v > 9999) return numError(`${name} must be a calendar year from 1900 to 9999, got ${v}`);
  return ok(v);
}

/** A number that may be left blank: blank gives undefined (the caller keeps its default). */
export function maybeNumberArg(x: Arg, name: string): Result<number | undefined> {
  const s = scalar(x, name);
  if (!s.ok) return s;
  return isBlank(s.value) ? ok(undefined) : numberArg(s.value, name);
}

/** A bound as a message shows it: 1,000,000. */
const grouped = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 6 });

/** What `rangeArg` accepts beyond its range, and how its message describes the number. */
export interface RangeOptions {
  /** What a blank gives; without it a blank is required (#VALUE!). */
  readonly optional?: number;
  /** Whole numbers only: a fraction is #VALUE!. */
  readonly whole?: boolean;
  /** What the number is, for the message: "a decimal"; default "a whole number" or "a number". */
  readonly unit?: string;
  /** An example for the message: "0.1 for P10". */
  readonly hint?: string;
}

/**
 * A number from `min` to `max` (a whole one with `whole`). A fraction where a whole number is
 * needed, or a number outside the range, is `#VALUE!` saying what is accepted
 * ("paths must be a whole number from 1 to 1,000,000, got 2.5").
 */
export function rangeArg(x: Arg, name: string, min: number, max: number, opts: RangeOptions = {}): Result<number> {
  const n = numberArg(x, name, { optional: opts.optional });
  if (!n.ok) return n;
  const v = n.value;
  if ((opts.whole && !Number.isInteger(v)) || v < min || v > max) {
    const unit = opts.unit ?? (opts.whole ? "a whole number" : "a number");
    const hint = opts.hint ? ` (${opts.hint})` : "";
    return valueError(`${name} must be ${unit} from ${grouped(min)} to ${grouped(max)}${hint}, got ${v}`);
  }
  return n;
}

/** A whole number from `min` to `max`; blank gives `optional` when given. */
export function wholeArg(x: Arg, name: string, min: number, max: number, opts: { optional?: number } = {}): Result<number> {
  return rangeArg(x, name, min, max, { ...opts, whole: true });
}

/** Text; a blank gives `fallback` when one is given. */
export function textArg(x: Arg, name: string, fallback?: string): Result<string> {
  const s = scalar(x, name);
  if (!s.ok) return s;
  if (isBlank(s.value)) {
    return fallback !== undefined ? ok(fallback) : valueError(`${name} is required`);
  }
  if (typeof s.value !== "string") return valueError(`${name} must be text, got ${describe(s.value)}`);
  return ok(s.value);
}

/**
 * TRUE or FALSE, as Excel's own flags take them (VLOOKUP's range_lookup): a boolean, 1 or 0, or
 * the text "TRUE"/"FALSE" in any case; a blank gives `fallback`.
 */
export function booleanArg(x: Arg, name: string, fallback: boolean): Result<boolean> {
  const s = scalar(x, name);
  if (!s.ok) return s;
  const v = s.value;
  if (isBlank(v)) return ok(fallback);
  if (typeof v === "boolean") return ok(v);
  if (v === 1 || v === 0) return ok(v === 1);
  if (typeof v === "string" && /^\s*(true|false)\s*$/i.test(v)) return ok(v.trim().toLowerCase() === "true");
  return valueError(`${name} must be TRUE or FALSE, got ${describe(v)}`);
}

/**
 * Picks one of `choices` (case and spacing forgiven); `aliases` maps other spellings. A blank
 * gives `fallback`, or is required (#VALUE!) when it is undefined; anything else is #N/A
 * listing the choices.
 */
export function choiceArg<T extends string>(
  x: Arg,
  name: string,
  choices: readonly T[],
  fallback: NoInfer<T> | undefined,
  aliases: Readonly<Record<string, NoInfer<T>>> = {},
): Result<T> {
  const t = textArg(x, name, fallback);
  if (!t.ok) return t;
  const key = t.value.toLowerCase().replace(/[\s_-]+/g, "");
  const hit = choices.find((c) => c.toLowerCase().replace(/[\s_-]+/g, "") === key) ?? aliases[key];
  return hit ? ok(hit) : naError(`unknown ${name} "${t.value}"; use one of ${choices.join(", ")}`);
}

export interface ScenarioArg {
  readonly name: string;
  readonly overrides: readonly Override[];
}

/** True when a scenario argument is omitted or one empty cell (read as the default scenario). */
export function scenarioOmitted(x: Arg): boolean {
  return isBlank(x) || (Array.isArray(x) && x.length === 1 && Array.isArray(x[0]) && x[0].length === 1 && isBlank(x[0][0]));
}

/**
 * The built-in scenario name a blank ("base"), a text or a one-cell range gives, exactly as
 * typed; undefined for anything else (override ranges, wrong types, errors), which
 * `scenarioArg` reads. A fast path: the common scenario argument needs no parsing.
 */
export function scenarioNameArg(x: Arg): string | undefined {
  if (scenarioOmitted(x)) return "base";
  const v = Array.isArray(x) && x.length === 1 && Array.isArray(x[0]) && x[0].length === 1 ? x[0][0] : x;
  return typeof v === "string" ? v : undefined;
}

const HEADER_WORDS = new Set(["assumption", "name", "key", "input"]);

/**
 * The optional `scenario` argument: blank means "base"; a single cell is a built-in
 * scenario name; a two-column range is `assumption | value` overrides on the base case
 * (a row named "scenario" picks another built-in case). Blank rows and a header row
 * ("assumption | value") are skipped.
 */
export function scenarioArg(x: Arg): Result<ScenarioArg> {
  if (!Array.isArray(x)) {
    if (isBlank(x)) return ok({ name: "base", overrides: [] });
    return scenarioArg([[x]]);
  }
  // Excel passes rows of cells; anything else (a bare list, no rows) is read as rows too.
  const rows = rowsOf(x);
  if (rows.length === 0 || rows.every((r) => r.length === 0)) return valueError("scenario is an empty range");
  if (rows.length === 1 && rows[0].length === 1) {
    const v = rows[0][0];
    if (isBlank(v)) return ok({ name: "base", overrides: [] });
    if (isErrorValue(v)) return valueError("scenario is an error value");
    if (typeof v !== "string") {
      return valueError(`scenario must be a name (${scenarioNames().join(", ")}) or a two-column range of assumption | value, got ${describe(v)}`);
    }
    return ok({ name: v, overrides: [] });
  }
  const width = Math.max(...rows.map((r) => r.length));
  if (width !== 2) {
    return valueError(`a scenario range must have two columns (assumption | value), got ${width}`);
  }
  const overrides: Override[] = [];
  for (let i = 0; i < rows.length; i++) {
    const [k, v] = rows[i];
    if (isBlank(k) && isBlank(v)) continue;
    if (i === 0 && typeof k === "string" && HEADER_WORDS.has(k.trim().toLowerCase())) continue;
    if (isErrorValue(k) || isErrorValue(v)) return valueError(`scenario row ${i + 1} holds an error value`);
    if (isBlank(v)) return valueError(`scenario row ${i + 1} ("${String(k)}") has no value`);
    overrides.push([k, v]);
  }
  return ok({ name: "base", overrides });
}

/**
 * Every number in a range (or a single value), read row by row: blank cells are skipped;
 * numbers and numeric text are kept; other text, booleans and error values are `#VALUE!`
 * naming the cell. A range with no numbers gives an empty list (the caller decides).
 */
export function numbersArg(x: Arg, name: string): Result<number[]> {
  const rows = rowsOf(x);
  const out: number[] = [];
  const single = rows.length === 1 && rows[0].length === 1;
  for (let i = 0; i < rows.length; i++) {
    for (let j = 0; j < rows[i].length; j++) {
      const v = rows[i][j];
      if (isBlank(v)) continue;
      const n = numberArg(v, single ? name : `${name} (row ${i + 1}, column ${j + 1})`);
      if (!n.ok) return n;
      out.push(n.value);
    }
  }
  return ok(out);
}

/** One row of a table argument, with its 1-based row number in the range. */
export interface TableRow {
  readonly row: number;
  readonly cells: readonly unknown[];
}

/**
 * A table passed as a range of exactly `width` columns. Wholly blank rows are skipped; an
 * error value in any cell is `#VALUE!` naming the cell. Cells are returned as Excel gave them
 * (coerce each with numberArg / textArg).
 */
export function tableArg(x: Arg, name: string, width: number): Result<TableRow[]> {
  const rows = rowsOf(x);
  const w = Math.max(0, ...rows.map((r) => r.length));
  if (w !== width) return valueError(`${name} must be a range of ${width} columns, got ${w}`);
  const out: TableRow[] = [];
  for (let i = 0; i < rows.length; i++) {
    const cells = rows[i];
    if (cells.every(isBlank)) continue;
    const bad = cells.findIndex(isErrorValue);
    if (bad >= 0) return valueError(`${name} row ${i + 1}, column ${bad + 1} holds an error value`);
    out.push({ row: i + 1, cells });
  }
  return ok(out);
}

/**
 * A seven-column pipeline range (prospect | category | MW | USD per MW-year | start year | term |
 * probability); a first row whose MW cell is text is a header. A blank price is the contract
 * price. A blank range gives undefined (the caller takes the default pipeline). The model's
 * `validatePipeline` checks the values.
 */
export function pipelineArg(x: Arg, contractPrice: number): Result<PipelineRow[] | undefined> {
  if (allBlank(x)) return ok(undefined);
  const table = tableArg(x, "pipeline", 7);
  if (!table.ok) return table;
  const out: PipelineRow[] = [];
  for (const { row, cells } of table.value) {
    const [prospect, category, mw, price, start, term, probability] = cells;
    if (row === 1 && typeof mw === "string" && !numberArg(mw, "MW").ok) continue;
    const at = (field: string) => `pipeline row ${row} ${field}`;
    const r = all(
      textArg(prospect, at("prospect")),
      textArg(category, at("category"), ""),
      numberArg(mw, at("MW")),
      numberArg(price, at("price"), { optional: contractPrice }),
      numberArg(start, at("start year")),
      numberArg(term, at("term")),
      numberArg(probability, at("probability")),
    );
    if (!r.ok) return r;
    const [p, c, w, pr, st, tm, pb] = r.value;
    out.push({ prospect: p, category: c, mw: w, pricePerMwYear: pr, startYear: st, termYears: tm, probability: pb, basis: "user input" });
  }
  return ok(out);
}

/** Named numbers (the `key | value` rows of a range), each coerced as `numberArg` names it by its key. */
export function namedNumbersArg(rows: ReadonlyArray<readonly [string, unknown]>): Result<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [key, v] of rows) {
    const n = numberArg(v, key);
    if (!n.ok) return n;
    out[key] = n.value;
  }
  return ok(out);
}

/** A text or a number (a filter that may be a year); blank gives `fallback`. */
export function textOrNumberArg(x: Arg, name: string, fallback: string): Result<string | number> {
  const s = scalar(x, name);
  if (!s.ok) return s;
  return typeof s.value === "number" ? numberArg(s.value, name) : textArg(s.value, name, fallback);
}
