/**
 * The values a formula works with, and Excel's rules for them: error values, scalars and arrays,
 * conversion to number, boolean and text, comparison, the arithmetic operators, and how an
 * operation on arrays applies element by element (Excel's broadcasting).
 */
import { CivilDate, addMonths, fromExcelSerial, toExcelSerial } from "../../model/dates";

/** An Excel error value, with the message a custom function gave it (Excel shows it on hover). */
export class XlError {
  constructor(
    readonly code: string,
    readonly message = "",
  ) {}
  toString(): string {
    return this.code;
  }
}

/** One cell's value: null is an empty cell. */
export type Scalar = number | string | boolean | null | XlError;

/** A range's values, or an array an operation produced. */
export class Matrix {
  constructor(readonly cells: Scalar[][]) {}
  get rows(): number {
    return this.cells.length;
  }
  get cols(): number {
    return this.cells[0]?.length ?? 0;
  }
  at(r: number, c: number): Scalar {
    const row = this.rows === 1 ? 0 : r;
    const col = this.cols === 1 ? 0 : c;
    return row < this.rows && col < this.cols ? this.cells[row][col] : new XlError("#N/A");
  }
}

export type Value = Scalar | Matrix;

/** What a stored cell holds (the double's content): a formula is a string starting with "=". */
export type Content = string | number | boolean | undefined;

/** An error value without a message. */
export const err = (code: string): XlError => new XlError(code);

/**
 * Excel's serial number of DATE(year, month, day): months and days past the end roll over as in
 * Excel (DATE(2025, 13, 1) is 1 January 2026); years below 1900 count from 1900.
 */
export function dateSerial(year: number, month: number, day: number): number {
  const y = year < 1900 ? year + 1900 : year;
  const first = addMonths({ year: y, month: 1, day: 1 }, month - 1);
  return toExcelSerial(first) + day - 1;
}

/** The civil date of a serial (the model's calendar), or #NUM! outside Excel's dates. */
export function fromSerial(serial: number): CivilDate | XlError {
  const d = fromExcelSerial(serial);
  return d.ok ? d.value : err("#NUM!");
}

/** A stored cell's value, formulas aside: "date:2025-01-01" (text Excel took as a date) is its serial. */
export function literal(content: Content): Scalar {
  if (content === undefined || content === "") return null;
  if (typeof content !== "string") return content;
  const d = /^date:(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(content);
  if (d) return dateSerial(Number(d[1]), Number(d[2]), d[3] ? Number(d[3]) : 1);
  return content;
}

/** A value as a number: a blank is 0, TRUE is 1, text must read as a number (or a percentage). */
export function toNumber(v: Scalar): number | XlError {
  if (v instanceof XlError) return v;
  if (v === null) return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  const t = v.trim();
  const n = t === "" ? NaN : Number(t.endsWith("%") ? t.slice(0, -1) : t);
  if (Number.isFinite(n)) return t.endsWith("%") ? n / 100 : n;
  return err("#VALUE!");
}

/** A value as a boolean: text must be TRUE or FALSE (any case); a number is TRUE unless 0. */
export function toBool(v: Scalar): boolean | XlError {
  if (v instanceof XlError) return v;
  if (typeof v === "string") {
    const up = v.toUpperCase();
    return up === "TRUE" ? true : up === "FALSE" ? false : err("#VALUE!");
  }
  return Boolean(v);
}

/** Excel's text for a value, as & and the grid's General format show it. */
export function toText(v: Scalar): string {
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return String(Number(v.toPrecision(15)));
  return v.toString();
}

/** Excel's comparison: numbers < text < booleans; text ignores case; a blank is 0, "" or FALSE. */
export function compare(a: Scalar, b: Scalar): number {
  const rank = (v: Scalar) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
  if (a === null) a = typeof b === "string" ? "" : typeof b === "boolean" ? false : 0;
  if (b === null) b = typeof a === "string" ? "" : typeof a === "boolean" ? false : 0;
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === "string") {
    const x = a.toLowerCase();
    const y = (b as string).toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return Number(a) - Number(b);
}

/** + - * / ^ on two numbers; an infinite or undefined result is #NUM!, a division by zero #DIV/0!. */
function arithmetic(op: string, x: number, y: number): number | XlError {
  let r: number;
  switch (op) {
    case "+":
      r = x + y;
      break;
    case "-":
      r = x - y;
      break;
    case "*":
      r = x * y;
      break;
    case "/":
      if (y === 0) return err("#DIV/0!");
      r = x / y;
      break;
    default:
      if (x === 0 && y < 0) return err("#DIV/0!");
      r = Math.pow(x, y);
  }
  return Number.isFinite(r) ? r : err("#NUM!");
}

/** A binary operator on two scalars: an error on either side is the result. */
export function scalarOp(op: string, a: Scalar, b: Scalar): Scalar {
  if (a instanceof XlError) return a;
  if (b instanceof XlError) return b;
  if (op === "&") return toText(a) + toText(b);
  if (["=", "<>", "<", ">", "<=", ">="].includes(op)) {
    const c = compare(a, b);
    return op === "=" ? c === 0 : op === "<>" ? c !== 0 : op === "<" ? c < 0 : op === ">" ? c > 0 : op === "<=" ? c <= 0 : c >= 0;
  }
  const x = toNumber(a);
  const y = toNumber(b);
  if (x instanceof XlError) return x;
  if (y instanceof XlError) return y;
  return arithmetic(op, x, y);
}

/** A value as an array: a scalar is a 1x1 array. */
export const asMatrix = (v: Value): Matrix => (v instanceof Matrix ? v : new Matrix([[v]]));

/** Applies `f` element by element when either side is an array (Excel's broadcasting). */
export function lift2(a: Value, b: Value, f: (x: Scalar, y: Scalar) => Scalar): Value {
  if (!(a instanceof Matrix) && !(b instanceof Matrix)) return f(a, b);
  const A = asMatrix(a);
  const B = asMatrix(b);
  const rows = Math.max(A.rows, B.rows);
  const cols = Math.max(A.cols, B.cols);
  return new Matrix(Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => f(A.at(r, c), B.at(r, c)))));
}

/** Applies `f` to a scalar, or to each element of an array. */
export function lift1(a: Value, f: (x: Scalar) => Scalar): Value {
  return a instanceof Matrix ? new Matrix(a.cells.map((row) => row.map(f))) : f(a);
}

/** A single value where one is wanted: an array gives its top-left element. */
export function single(v: Value): Scalar {
  return v instanceof Matrix ? (v.rows > 0 && v.cols > 0 ? v.cells[0][0] : err("#VALUE!")) : v;
}

/** Every element of a value, row by row. */
export const flat = (v: Value): Scalar[] => (v instanceof Matrix ? v.cells.flat() : [v]);
