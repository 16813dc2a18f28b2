/**
 * The built-in functions the evaluator knows: those the workbook plan writes, as Excel defines
 * them (how each treats blanks, text, booleans, errors and ranges). A function gets its
 * arguments unevaluated, so IF and IFERROR compute only the branch they return.
 */
import { addMonths, toExcelSerial } from "../../model/dates";
import { irr } from "../../model/finance";
import { percentRankInc } from "../../model/leases/normalise";
import { Matrix, Scalar, Value, XlError, asMatrix, compare, dateSerial, err, flat, fromSerial, lift1, single, toBool, toNumber } from "./values";

/** An argument as the function sees it: evaluated on demand, and whether it was a reference. */
export interface Arg {
  readonly value: () => Value;
  readonly isRef: boolean;
}

/** A built-in function: its arguments in, a value (or an error value) out. */
export type Fn = (args: readonly Arg[]) => Value;

/**
 * The numbers of aggregate arguments as Excel takes them: in ranges only numbers count (text,
 * booleans and blanks are skipped); a value typed as an argument is converted or is an error.
 */
function numbers(args: readonly Arg[]): number[] | XlError {
  const out: number[] = [];
  for (const a of args) {
    const v = a.value();
    if (v instanceof Matrix || a.isRef) {
      for (const x of flat(v)) {
        if (x instanceof XlError) return x;
        if (typeof x === "number") out.push(x);
      }
    } else {
      const n = toNumber(v);
      if (n instanceof XlError) return n;
      out.push(n);
    }
  }
  return out;
}

/** One argument as a number (`fallback` when omitted; #VALUE! when omitted without one). */
const num = (a: Arg | undefined, fallback?: number): number | XlError => (a === undefined ? (fallback ?? err("#VALUE!")) : toNumber(single(a.value())));

/** The value of an argument that may be omitted (a blank then). */
const valueOf = (a: Arg | undefined): Value => a?.value() ?? null;

/** A function of one number (ABS, INT): an error argument is the result. */
const unaryNumber = (f: (x: number) => Scalar): Fn => (args) => {
  const x = num(args[0]);
  return x instanceof XlError ? x : f(x);
};

/** A function of the numbers of all its arguments (SUM, MAX, ...). */
const aggregate = (f: (xs: number[]) => Scalar): Fn => (args) => {
  const xs = numbers(args);
  return xs instanceof XlError ? xs : f(xs);
};

/** A function of the numbers of its first argument and one more number (LARGE, PERCENTRANK): an error in either is the result. */
const ofNumbersAnd = (fallback: number | undefined, f: (xs: number[], k: number, args: readonly Arg[]) => Value): Fn => (args) => {
  const xs = numbers(args.slice(0, 1));
  const k = num(args[1], fallback);
  if (xs instanceof XlError) return xs;
  if (k instanceof XlError) return k;
  return f(xs, k, args);
};

/**
 * AND and OR: booleans and numbers count; text in a range is skipped, text typed as an argument
 * must read as TRUE or FALSE; nothing to count is #VALUE!.
 */
const logical = (f: (bs: boolean[]) => boolean): Fn => (args) => {
  const bs: boolean[] = [];
  for (const a of args) {
    for (const x of flat(a.value())) {
      if (x instanceof XlError) return x;
      if (typeof x === "boolean" || typeof x === "number") bs.push(Boolean(x));
      else if (!(a.isRef || a.value() instanceof Matrix) && typeof x === "string") {
        const b = toBool(x);
        if (b instanceof XlError) return b;
        bs.push(b);
      }
    }
  }
  return bs.length === 0 ? err("#VALUE!") : f(bs);
};

function roundHalfAway(x: number, digits: number): number {
  const p = Math.pow(10, digits);
  const y = Math.abs(x) * p;
  // Excel rounds the decimal it shows: 2.675 is 2.68, though its double is 2.67499...
  const r = Math.round(Number(y.toPrecision(15)));
  return (Math.sign(x) * r) / p;
}

/** A row or a column as a list; a scalar is a list of one; anything wider is #N/A. */
function vector(v: Value): Scalar[] | XlError {
  if (!(v instanceof Matrix)) return [v];
  if (v.rows !== 1 && v.cols !== 1) return err("#N/A");
  return v.cells.flat();
}

function match(lookup: Scalar, within: Value, type: number): Scalar {
  const list = vector(within);
  if (list instanceof XlError) return list;
  if (lookup instanceof XlError) return lookup;
  if (type === 0) {
    const i = list.findIndex((x) => x !== null && !(x instanceof XlError) && typeof x === typeof lookup && compare(x, lookup) === 0);
    return i < 0 ? err("#N/A") : i + 1;
  }
  // Sorted lists: the last position whose value is <= (type 1) or >= (type -1) the lookup value.
  let found = -1;
  list.forEach((x, i) => {
    if (x === null || x instanceof XlError || typeof x !== typeof lookup) return;
    const c = compare(x, lookup);
    if ((type > 0 && c <= 0) || (type < 0 && c >= 0)) found = i;
  });
  return found < 0 ? err("#N/A") : found + 1;
}

function index(range: Value, rowArg: number, colArg: number | undefined): Value {
  const m = asMatrix(range);
  // One index into a single row picks a column; otherwise it picks a row.
  const [r, c] = colArg === undefined ? (m.rows === 1 ? [1, rowArg] : [rowArg, 1]) : [rowArg, colArg];
  if (r < 0 || c < 0 || r > m.rows || c > m.cols) return err("#REF!");
  if (r === 0 || c === 0) {
    const rows = r === 0 ? m.cells : [m.cells[r - 1]];
    return new Matrix(rows.map((row) => (c === 0 ? row : [row[c - 1]])));
  }
  return m.cells[r - 1][c - 1];
}

function edate(serial: number, months: number): Value {
  const d = fromSerial(serial);
  return d instanceof XlError ? d : toExcelSerial(addMonths(d, months));
}

function sumproduct(args: readonly Arg[]): Value {
  const arrays = args.map((a) => asMatrix(a.value()));
  if (arrays.length === 0) return err("#VALUE!");
  const [first] = arrays;
  if (arrays.some((m) => m.rows !== first.rows || m.cols !== first.cols)) return err("#VALUE!");
  let total = 0;
  for (let r = 0; r < first.rows; r++)
    for (let c = 0; c < first.cols; c++) {
      let p = 1;
      for (const m of arrays) {
        const x = m.cells[r][c];
        if (x instanceof XlError) return x;
        p *= typeof x === "number" ? x : 0;
      }
      total += p;
    }
  return total;
}

function median(xs: number[]): Scalar {
  if (xs.length === 0) return err("#NUM!");
  const s = [...xs].sort((a, b) => a - b);
  const h = Math.floor(s.length / 2);
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

/** Excel's PERCENTRANK (= PERCENTRANK.INC): the rank of x in the numbers, truncated to `significance` digits (3 when omitted). */
const percentRank = ofNumbersAnd(undefined, (xs, x, args) => {
  const digits = num(args[2], 3);
  if (digits instanceof XlError) return digits;
  if (digits < 1) return err("#NUM!");
  const r = percentRankInc(xs, x);
  const scale = 10 ** Math.trunc(digits);
  return r.ok ? Math.floor(r.value * scale + 1e-9) / scale : err("#N/A");
});

/** The functions on numbers and lists of numbers. */
const MATHS: Readonly<Record<string, Fn>> = {
  SUM: aggregate((xs) => xs.reduce((s, x) => s + x, 0)),
  MIN: aggregate((xs) => (xs.length === 0 ? 0 : Math.min(...xs))),
  MAX: aggregate((xs) => (xs.length === 0 ? 0 : Math.max(...xs))),
  AVERAGE: aggregate((xs) => (xs.length === 0 ? err("#DIV/0!") : xs.reduce((s, x) => s + x, 0) / xs.length)),
  MEDIAN: aggregate(median),
  PERCENTRANK: percentRank,
  COUNT: (args) => args.reduce((n, a) => n + flat(a.value()).filter((x) => typeof x === "number").length, 0),
  LARGE: ofNumbersAnd(undefined, (xs, k) => {
    const s = [...xs].sort((a, b) => b - a);
    return k < 1 || k > s.length ? err("#NUM!") : s[Math.ceil(k) - 1];
  }),
  ROUND: (args) => {
    const x = num(args[0]);
    const d = num(args[1], 0);
    return x instanceof XlError ? x : d instanceof XlError ? d : roundHalfAway(x, Math.trunc(d));
  },
  SUMPRODUCT: sumproduct,
  INT: unaryNumber(Math.floor),
  ABS: unaryNumber(Math.abs),
  IRR: (args) => {
    // Excel's IRR over the numbers of a range (text and blanks skipped; a guess, if given, is not used); no rate: #NUM!.
    const xs = numbers(args.slice(0, 1));
    if (xs instanceof XlError) return xs;
    const r = irr(xs);
    return r.ok ? r.value : err("#NUM!");
  },
};

/** The logical functions; IF and IFERROR evaluate only the argument they return. */
const LOGIC: Readonly<Record<string, Fn>> = {
  NA: () => err("#N/A"),
  IF: (args) => {
    const c = toBool(single(valueOf(args[0])));
    if (c instanceof XlError) return c;
    const chosen = c ? args[1] : args[2];
    return chosen ? chosen.value() : c ? true : false;
  },
  IFERROR: (args) => {
    const v = valueOf(args[0]);
    return single(v) instanceof XlError ? valueOf(args[1]) : v;
  },
  AND: logical((bs) => bs.every(Boolean)),
  OR: logical((bs) => bs.some(Boolean)),
  NOT: (args) => {
    const b = toBool(single(valueOf(args[0])));
    return b instanceof XlError ? b : !b;
  },
  ISNUMBER: (args) => lift1(valueOf(args[0]), (x) => typeof x === "number"),
};

/** The date functions, on Excel's serial numbers. */
const DATES: Readonly<Record<string, Fn>> = {
  DATE: (args) => {
    const [y, m, d] = [num(args[0]), num(args[1]), num(args[2])];
    for (const x of [y, m, d]) if (x instanceof XlError) return x;
    return dateSerial(Math.trunc(y as number), Math.trunc(m as number), Math.trunc(d as number));
  },
  YEAR: unaryNumber((s) => {
    const d = fromSerial(s);
    return d instanceof XlError ? d : d.year;
  }),
  EDATE: (args) => {
    const [s, m] = [num(args[0]), num(args[1])];
    return s instanceof XlError ? s : m instanceof XlError ? m : edate(s, m);
  },
};

/** The lookup functions. */
const LOOKUP: Readonly<Record<string, Fn>> = {
  MATCH: (args) => {
    const t = num(args[2], 1);
    return t instanceof XlError ? t : match(single(valueOf(args[0])), valueOf(args[1]), Math.sign(t));
  },
  INDEX: (args) => {
    const r = num(args[1], 0);
    const c = args[2] === undefined ? undefined : num(args[2]);
    if (r instanceof XlError) return r;
    if (c instanceof XlError) return c;
    return index(valueOf(args[0]), Math.trunc(r), c === undefined ? undefined : Math.trunc(c));
  },
  CHOOSE: (args) => {
    const i = num(args[0]);
    if (i instanceof XlError) return i;
    const chosen = args[Math.trunc(i)];
    return i < 1 || !chosen || Math.trunc(i) === 0 ? err("#VALUE!") : chosen.value();
  },
};

/** The functions the evaluator knows: those the workbook plan uses, as Excel defines them. */
export const FUNCTIONS: Readonly<Record<string, Fn>> = { ...MATHS, ...LOGIC, ...DATES, ...LOOKUP };

/** The built-in function of an upper-case name (Excel writes newer ones as _XLFN.NAME); undefined when there is none. */
export const builtin = (name: string): Fn | undefined => FUNCTIONS[name.replace(/^_XLFN\./, "")];
