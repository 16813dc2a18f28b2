/**
 * A small formula evaluator for the preview page: the Excel double stores formulas and never
 * calculates them, so the preview computes each formula cell's value itself to show it.
 *
 * It covers what the workbook plan writes (A1 references, ranges, sheet-qualified references,
 * defined names, + - * / ^ & % and comparisons with Excel's array broadcasting, and the
 * functions in FUNCTIONS below) and the CORZ custom functions through a hook. No formula engine
 * on the npm registry fits: fast-formula-parser (MIT) lacks MAX, MIN, MATCH, LARGE, MEDIAN and
 * CHOOSE, and HyperFormula is GPL. Anything else evaluates to #NAME?, never to a made-up number.
 * The tests check its results against the TypeScript model and the plan's own Checks sheet.
 */
import { CivilDate, addMonths, fromExcelSerial, toExcelSerial } from "../model/dates";
import { irr } from "../model/finance";
import { percentRankInc } from "../model/leases/normalise";
import { columnLetter, parseCell } from "../plan/a1";

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

/** The workbook the evaluator reads. */
export interface Book {
  /** The content of a cell, or undefined when the sheet does not exist (`exists` tells). */
  content(sheet: string, row: number, col: number): Content;
  /** The sheet's own spelling of a name, matched case-insensitively; undefined when absent. */
  sheetName(name: string): string | undefined;
  /** A defined name's reference ("='Sheet'!$D$8"), undefined when not defined. */
  name?(name: string): string | undefined;
  /** The sheets' names (for spills); without them nothing spills. */
  sheets?(): readonly string[];
  /** The cells of a sheet holding formulas (for spills). */
  formulaCells?(sheet: string): Iterable<{ row: number; col: number }>;
}

const NO_SPILLS: ReadonlyMap<string, Spill> = new Map();

/** Calls a custom function (e.g. "CORZ.DEAL_REVENUE") with Excel-style arguments. */
export type CustomFunctionHook = (name: string, args: unknown[]) => unknown;

const err = (code: string) => new XlError(code);

// ---------------------------------------------------------------- parsing

type Node =
  | { k: "lit"; v: Scalar }
  | { k: "ref"; sheet?: string; from: { row: number; col: number }; to?: { row: number; col: number } }
  | { k: "name"; name: string }
  | { k: "fn"; name: string; args: Node[] }
  | { k: "neg"; e: Node }
  | { k: "pct"; e: Node }
  | { k: "bin"; op: string; l: Node; r: Node };

const CELL = String.raw`\$?[A-Za-z]{1,3}\$?\d+`;
const SHEET = String.raw`(?:'((?:[^']|'')+)'|([A-Za-z_][A-Za-z0-9_.]*))!`;
const TOKEN = new RegExp(
  [
    String.raw`(?<ws>\s+)`,
    String.raw`(?<str>"(?:[^"]|"")*")`,
    String.raw`(?<err>#DIV\/0!|#N\/A|#NAME\?|#NULL!|#NUM!|#REF!|#VALUE!)`,
    String.raw`(?<ref>(?:${SHEET})?${CELL}(?::${CELL})?)(?![A-Za-z0-9_(.])`,
    String.raw`(?<num>(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)`,
    String.raw`(?<id>[A-Za-z_][A-Za-z0-9_.]*)`,
    String.raw`(?<op><=|>=|<>|[-+*/^&=<>%(),:])`,
  ].join("|"),
  "y",
);

interface Token {
  readonly kind: "str" | "err" | "ref" | "num" | "id" | "op";
  readonly text: string;
}

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < src.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(src);
    if (!m || !m.groups) throw new SyntaxError(`cannot read the formula at "${src.slice(at, at + 12)}"`);
    const kind = (Object.keys(m.groups) as Token["kind"][]).find((k) => m.groups![k] !== undefined);
    if (kind && (kind as string) !== "ws") out.push({ kind, text: m[0] });
  }
  return out;
}

function parseRef(text: string): Node {
  const bang = text.lastIndexOf("!");
  const sheetPart = bang < 0 ? undefined : text.slice(0, bang);
  const sheet = sheetPart === undefined ? undefined : sheetPart.startsWith("'") ? sheetPart.slice(1, -1).replace(/''/g, "'") : sheetPart;
  const [a, b] = text.slice(bang + 1).replace(/\$/g, "").toUpperCase().split(":");
  return { k: "ref", sheet, from: parseCell(a), to: b === undefined ? undefined : parseCell(b) };
}

/** Parses a formula (with or without its leading "="). Throws SyntaxError when it cannot. */
export function parseFormula(formula: string): Node {
  const tokens = tokenize(formula.replace(/^=/, ""));
  let i = 0;
  const peek = () => tokens[i];
  const isOp = (t: Token | undefined, ...ops: string[]) => t?.kind === "op" && ops.includes(t.text);
  const expect = (op: string) => {
    if (!isOp(peek(), op)) throw new SyntaxError(`expected "${op}"${peek() ? ` before "${peek().text}"` : " at the end"}`);
    i++;
  };
  const binary = (next: () => Node, ...ops: string[]) => (): Node => {
    let l = next();
    while (isOp(peek(), ...ops)) {
      const op = tokens[i++].text;
      l = { k: "bin", op, l, r: next() };
    }
    return l;
  };
  const primary = (): Node => {
    const t = tokens[i++];
    if (!t) throw new SyntaxError("the formula ends too early");
    switch (t.kind) {
      case "num":
        return { k: "lit", v: Number(t.text) };
      case "str":
        return { k: "lit", v: t.text.slice(1, -1).replace(/""/g, '"') };
      case "err":
        return { k: "lit", v: err(t.text) };
      case "ref":
        return parseRef(t.text);
      case "id": {
        if (isOp(peek(), "(")) {
          i++;
          const args: Node[] = [];
          if (!isOp(peek(), ")")) {
            do {
              // An omitted argument, as in IF(A1,,2), is blank.
              args.push(isOp(peek(), ",", ")") ? { k: "lit", v: null } : comparison());
            } while (isOp(peek(), ",") && ++i);
          }
          expect(")");
          return { k: "fn", name: t.text.toUpperCase(), args };
        }
        const up = t.text.toUpperCase();
        if (up === "TRUE" || up === "FALSE") return { k: "lit", v: up === "TRUE" };
        return { k: "name", name: t.text };
      }
      case "op":
        if (t.text === "(") {
          const e = comparison();
          expect(")");
          return e;
        }
        if (t.text === "-" || t.text === "+") {
          const e = unary();
          return t.text === "-" ? { k: "neg", e } : e;
        }
    }
    throw new SyntaxError(`unexpected "${t.text}"`);
  };
  const unary = (): Node => {
    let e = primary();
    while (isOp(peek(), "%")) {
      i++;
      e = { k: "pct", e };
    }
    return e;
  };
  const power = binary(unary, "^");
  const product = binary(power, "*", "/");
  const sum = binary(product, "+", "-");
  const concat = binary(sum, "&");
  const comparison: () => Node = binary(concat, "=", "<>", "<", ">", "<=", ">=");
  const tree = comparison();
  if (i < tokens.length) throw new SyntaxError(`unexpected "${tokens[i].text}"`);
  return tree;
}

// ---------------------------------------------------------------- values

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
function fromSerial(serial: number): CivilDate | XlError {
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

function toNumber(v: Scalar): number | XlError {
  if (v instanceof XlError) return v;
  if (v === null) return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  const t = v.trim();
  const n = t === "" ? NaN : Number(t.endsWith("%") ? t.slice(0, -1) : t);
  if (Number.isFinite(n)) return t.endsWith("%") ? n / 100 : n;
  return err("#VALUE!");
}

function toBool(v: Scalar): boolean | XlError {
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
function compare(a: Scalar, b: Scalar): number {
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

function scalarOp(op: string, a: Scalar, b: Scalar): Scalar {
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

/** Applies `f` element by element when either side is an array (Excel's broadcasting). */
function lift2(a: Value, b: Value, f: (x: Scalar, y: Scalar) => Scalar): Value {
  if (!(a instanceof Matrix) && !(b instanceof Matrix)) return f(a, b);
  const A = a instanceof Matrix ? a : new Matrix([[a]]);
  const B = b instanceof Matrix ? b : new Matrix([[b]]);
  const rows = Math.max(A.rows, B.rows);
  const cols = Math.max(A.cols, B.cols);
  return new Matrix(Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => f(A.at(r, c), B.at(r, c)))));
}

function lift1(a: Value, f: (x: Scalar) => Scalar): Value {
  return a instanceof Matrix ? new Matrix(a.cells.map((row) => row.map(f))) : f(a);
}

/** A single value where one is wanted: an array gives its top-left element. */
function single(v: Value): Scalar {
  return v instanceof Matrix ? (v.rows > 0 && v.cols > 0 ? v.cells[0][0] : err("#VALUE!")) : v;
}

const flat = (v: Value): Scalar[] => (v instanceof Matrix ? v.cells.flat() : [v]);

// ---------------------------------------------------------------- functions

/** An argument as the function sees it: evaluated on demand, and whether it was a reference. */
interface Arg {
  readonly value: () => Value;
  readonly isRef: boolean;
}

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

const num = (a: Arg | undefined, fallback?: number): number | XlError => (a === undefined ? (fallback ?? err("#VALUE!")) : toNumber(single(a.value())));
const aggregate = (f: (xs: number[]) => Scalar) => (args: readonly Arg[]): Value => {
  const xs = numbers(args);
  return xs instanceof XlError ? xs : f(xs);
};
const logical = (f: (bs: boolean[]) => boolean) => (args: readonly Arg[]): Value => {
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
  const m = range instanceof Matrix ? range : new Matrix([[range]]);
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
  const arrays = args.map((a) => {
    const v = a.value();
    return v instanceof Matrix ? v : new Matrix([[v]]);
  });
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

type Fn = (args: readonly Arg[]) => Value;

/** The functions the evaluator knows: those the workbook plan uses, as Excel defines them. */
export const FUNCTIONS: Readonly<Record<string, Fn>> = {
  SUM: aggregate((xs) => xs.reduce((s, x) => s + x, 0)),
  MIN: aggregate((xs) => (xs.length === 0 ? 0 : Math.min(...xs))),
  MAX: aggregate((xs) => (xs.length === 0 ? 0 : Math.max(...xs))),
  AVERAGE: aggregate((xs) => (xs.length === 0 ? err("#DIV/0!") : xs.reduce((s, x) => s + x, 0) / xs.length)),
  MEDIAN: aggregate((xs) => {
    if (xs.length === 0) return err("#NUM!");
    const s = [...xs].sort((a, b) => a - b);
    const h = Math.floor(s.length / 2);
    return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
  }),
  PERCENTRANK: (args) => {
    // Excel's PERCENTRANK (= PERCENTRANK.INC): the rank of x in the numbers, truncated to `significance` digits (3 when omitted).
    const xs = numbers(args.slice(0, 1));
    const x = num(args[1]);
    const digits = num(args[2], 3);
    if (xs instanceof XlError) return xs;
    if (x instanceof XlError) return x;
    if (digits instanceof XlError) return digits;
    if (digits < 1) return err("#NUM!");
    const r = percentRankInc(xs, x);
    const scale = 10 ** Math.trunc(digits);
    return r.ok ? Math.floor(r.value * scale + 1e-9) / scale : err("#N/A");
  },
  NA: () => err("#N/A"),
  COUNT: (args) => args.reduce((n, a) => n + flat(a.value()).filter((x) => typeof x === "number").length, 0),
  LARGE: (args) => {
    const xs = numbers(args.slice(0, 1));
    const k = num(args[1]);
    if (xs instanceof XlError) return xs;
    if (k instanceof XlError) return k;
    const s = [...xs].sort((a, b) => b - a);
    return k < 1 || k > s.length ? err("#NUM!") : s[Math.ceil(k) - 1];
  },
  ROUND: (args) => {
    const x = num(args[0]);
    const d = num(args[1], 0);
    return x instanceof XlError ? x : d instanceof XlError ? d : roundHalfAway(x, Math.trunc(d));
  },
  SUMPRODUCT: sumproduct,
  INT: (args) => {
    const x = num(args[0]);
    return x instanceof XlError ? x : Math.floor(x);
  },
  IRR: (args) => {
    // Excel's IRR over the numbers of a range (text and blanks skipped); no rate: #NUM!.
    const xs = numbers(args.slice(0, 1));
    if (xs instanceof XlError) return xs;
    const r = irr(xs);
    return r.ok ? r.value : err("#NUM!");
  },
  ABS: (args) => {
    const x = num(args[0]);
    return x instanceof XlError ? x : Math.abs(x);
  },
  IF: (args) => {
    const c = toBool(single(args[0]?.value() ?? null));
    if (c instanceof XlError) return c;
    const chosen = c ? args[1] : args[2];
    return chosen ? chosen.value() : c ? true : false;
  },
  IFERROR: (args) => {
    const v = args[0]?.value() ?? null;
    return single(v) instanceof XlError ? (args[1]?.value() ?? null) : v;
  },
  AND: logical((bs) => bs.every(Boolean)),
  OR: logical((bs) => bs.some(Boolean)),
  NOT: (args) => {
    const b = toBool(single(args[0]?.value() ?? null));
    return b instanceof XlError ? b : !b;
  },
  ISNUMBER: (args) => lift1(args[0]?.value() ?? null, (x) => typeof x === "number"),
  DATE: (args) => {
    const [y, m, d] = [num(args[0]), num(args[1]), num(args[2])];
    for (const x of [y, m, d]) if (x instanceof XlError) return x;
    return dateSerial(Math.trunc(y as number), Math.trunc(m as number), Math.trunc(d as number));
  },
  YEAR: (args) => {
    const s = num(args[0]);
    if (s instanceof XlError) return s;
    const d = fromSerial(s);
    return d instanceof XlError ? d : d.year;
  },
  EDATE: (args) => {
    const [s, m] = [num(args[0]), num(args[1])];
    return s instanceof XlError ? s : m instanceof XlError ? m : edate(s, m);
  },
  MATCH: (args) => {
    const t = num(args[2], 1);
    return t instanceof XlError ? t : match(single(args[0]?.value() ?? null), args[1]?.value() ?? null, Math.sign(t));
  },
  INDEX: (args) => {
    const r = num(args[1], 0);
    const c = args[2] === undefined ? undefined : num(args[2]);
    if (r instanceof XlError) return r;
    if (c instanceof XlError) return c;
    return index(args[0]?.value() ?? null, Math.trunc(r), c === undefined ? undefined : Math.trunc(c));
  },
  CHOOSE: (args) => {
    const i = num(args[0]);
    if (i instanceof XlError) return i;
    const chosen = args[Math.trunc(i)];
    return i < 1 || !chosen || Math.trunc(i) === 0 ? err("#VALUE!") : chosen.value();
  },
};

// ---------------------------------------------------------------- the workbook

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

/** Where a formula's array result spills: its anchor cell and size, or why it cannot. */
export interface Spill {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
  /** Set when a cell in the way holds something: the anchor shows #SPILL! instead. */
  readonly blockedBy?: string;
}

/** The largest array the preview spills (Excel's own limit is the sheet's edge). */
const MAX_SPILL_CELLS = 100_000;

/** Evaluates the cells of a workbook on demand, each once (until `clear`). */
export class Evaluator {
  private readonly cache = new Map<string, Value>();
  /** Per sheet: "row,col" of every cell an array covers → its spill (anchor included). */
  private spills = new Map<string, Map<string, Spill>>();
  private spilling = false;
  private prepared = false;
  private readonly parsed = new Map<string, Node | SyntaxError>();
  private readonly inProgress = new Set<string>();

  constructor(
    private readonly book: Book,
    private readonly custom?: CustomFunctionHook,
  ) {}

  /** Forget every computed value (after the workbook changed). */
  clear(): void {
    this.cache.clear();
    this.spills.clear();
    this.prepared = false;
  }

  /**
   * The value a cell shows (1-based row and column), as Excel's dynamic arrays have it: a
   * formula's result or, when it returns an array, the array's top-left; an empty cell inside
   * an array's spill shows the array's element; an array blocked by a cell in its way is #SPILL!.
   */
  value(sheet: string, row: number, col: number): Scalar {
    const spills = this.spillMap(sheet);
    // Most sheets have no arrays: no lookups beyond the cell's own value.
    if (spills.size === 0) return single(this.cellValue(sheet, row, col));
    const content = this.book.content(sheet, row, col);
    const spill = spills.get(`${row},${col}`);
    if (spill?.blockedBy !== undefined && spill.row === row && spill.col === col) {
      return new XlError("#SPILL!", `The array this formula returns needs ${spill.rows} rows by ${spill.cols} columns, but ${spill.blockedBy} is in the way. Clear it to let the result spill.`);
    }
    if ((content === undefined || content === "") && spill && spill.blockedBy === undefined) {
      const whole = this.cellValue(sheet, spill.row, spill.col);
      return whole instanceof Matrix ? whole.cells[row - spill.row][col - spill.col] : null;
    }
    return single(this.cellValue(sheet, row, col));
  }

  /** The spill a cell is part of (anchor or covered cell), if any. */
  spillOf(sheet: string, row: number, col: number): Spill | undefined {
    return this.spillMap(sheet).get(`${row},${col}`);
  }

  /** The spills of a sheet, worked out (for every sheet at once) on first use after `clear`. */
  private spillMap(sheet: string): ReadonlyMap<string, Spill> {
    if (!this.prepared && !this.spilling) this.prepare();
    return this.spills.get(sheet) ?? NO_SPILLS;
  }

  /**
   * Finds every array result and the cells it covers. Which cells an array covers depends on
   * values, and values on which cells are covered, so it repeats until the spills settle: the
   * first pass reads covered cells as empty, and a pass that finds new spills computes again.
   */
  private prepare(): void {
    const sheets = this.book.sheets?.() ?? [];
    this.spilling = true;
    try {
      for (let pass = 0; pass < 4; pass++) {
        const next = new Map(sheets.map((s) => [s, this.findSpills(s)] as const));
        const key = (m: Map<string, Map<string, Spill>>) => JSON.stringify([...m].map(([s, x]) => [s, [...x]]));
        const settled = key(next) === key(this.spills);
        this.spills = next;
        if (settled) break;
        this.cache.clear();
      }
    } finally {
      this.spilling = false;
      this.prepared = true;
    }
  }

  private findSpills(sheet: string): Map<string, Spill> {
    const map = new Map<string, Spill>();
    for (const { row, col } of this.book.formulaCells?.(sheet) ?? []) {
      if (!this.mayReturnArray(String(this.book.content(sheet, row, col)))) continue;
      const v = this.cellValue(sheet, row, col);
      if (!(v instanceof Matrix) || v.rows * v.cols <= 1 || v.rows * v.cols > MAX_SPILL_CELLS) continue;
      let blockedBy: string | undefined;
      for (let i = 0; i < v.rows && blockedBy === undefined; i++)
        for (let j = 0; j < v.cols && blockedBy === undefined; j++) {
          if (i === 0 && j === 0) continue;
          const c = this.book.content(sheet, row + i, col + j);
          if ((c !== undefined && c !== "") || map.has(`${row + i},${col + j}`)) blockedBy = `${columnLetter(col + j)}${row + i}`;
        }
      const spill: Spill = { row, col, rows: v.rows, cols: v.cols, blockedBy };
      if (blockedBy !== undefined) map.set(`${row},${col}`, spill);
      else for (let i = 0; i < v.rows; i++) for (let j = 0; j < v.cols; j++) map.set(`${row + i},${col + j}`, spill);
    }
    return map;
  }

  /** The whole result of a cell's formula (an array when it spills). */
  cellValue(sheet: string, row: number, col: number): Value {
    const key = `${sheet}\u0000${row},${col}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    if (this.inProgress.has(key)) return err("#CIRC!");
    const content = this.book.content(sheet, row, col);
    if (typeof content !== "string" || !content.startsWith("=")) return literal(content);
    this.inProgress.add(key);
    try {
      const v = this.formula(content, sheet);
      this.cache.set(key, v);
      return v;
    } finally {
      this.inProgress.delete(key);
    }
  }

  /**
   * Whether a formula can spill: a custom function (CORZ.DEAL_SCHEDULE) or a bare range (=A1:B3).
   * Built-in functions the plan writes return one value each; checking only these keeps a
   * redraw from computing every formula of the workbook.
   */
  private mayReturnArray(formula: string): boolean {
    const tree = this.parse(formula);
    if (tree instanceof SyntaxError) return false;
    return (tree.k === "fn" && FUNCTIONS[tree.name.replace(/^_XLFN\./, "")] === undefined) || (tree.k === "ref" && tree.to !== undefined);
  }

  private parse(formula: string): Node | SyntaxError {
    let tree = this.parsed.get(formula);
    if (tree === undefined) {
      try {
        tree = parseFormula(formula);
      } catch (e) {
        tree = e instanceof SyntaxError ? e : new SyntaxError(String(e));
      }
      this.parsed.set(formula, tree);
    }
    return tree;
  }

  /** Evaluates a formula as if it were in a cell of `sheet`. */
  formula(formula: string, sheet: string): Value {
    const tree = this.parse(formula);
    return tree instanceof SyntaxError ? err("#NAME?") : this.eval(tree, sheet);
  }

  private eval(n: Node, sheet: string): Value {
    switch (n.k) {
      case "lit":
        return n.v;
      case "ref":
        return this.ref(n, sheet);
      case "name": {
        const reference = this.book.name?.(n.name);
        return reference === undefined ? err("#NAME?") : this.formula(reference, sheet);
      }
      case "neg":
        return lift1(this.eval(n.e, sheet), (x) => scalarOp("-", 0, x));
      case "pct":
        return lift1(this.eval(n.e, sheet), (x) => scalarOp("/", x, 100));
      case "bin":
        return lift2(this.eval(n.l, sheet), this.eval(n.r, sheet), (x, y) => scalarOp(n.op, x, y));
      case "fn":
        return this.call(n, sheet);
    }
  }

  private ref(n: Extract<Node, { k: "ref" }>, sheet: string): Value {
    const target = n.sheet === undefined ? sheet : this.book.sheetName(n.sheet);
    if (target === undefined) return err("#REF!");
    if (!n.to) return this.value(target, n.from.row, n.from.col);
    const [r0, r1] = [Math.min(n.from.row, n.to.row), Math.max(n.from.row, n.to.row)];
    const [c0, c1] = [Math.min(n.from.col, n.to.col), Math.max(n.from.col, n.to.col)];
    return new Matrix(Array.from({ length: r1 - r0 + 1 }, (_, i) => Array.from({ length: c1 - c0 + 1 }, (_, j) => this.value(target, r0 + i, c0 + j))));
  }

  private call(n: Extract<Node, { k: "fn" }>, sheet: string): Value {
    const args: Arg[] = n.args.map((a) => {
      let memo: Value | undefined;
      let done = false;
      return {
        isRef: a.k === "ref",
        value: () => {
          if (!done) [memo, done] = [this.eval(a, sheet), true];
          return memo as Value;
        },
      };
    });
    const builtin = FUNCTIONS[n.name.replace(/^_XLFN\./, "")];
    if (builtin) return builtin(args);
    if (!this.custom || !n.name.includes(".")) return err("#NAME?");
    // Custom functions get ranges as 2-D arrays, blanks as "" and omitted arguments as null.
    const plain = (v: Value): unknown => (v instanceof Matrix ? v.cells.map((row) => row.map((x) => (x === null ? "" : x))) : v);
    try {
      return fromCustom(this.custom(n.name, args.map((a) => plain(a.value()))));
    } catch (e) {
      return fromCustom(e);
    }
  }
}

/** The part of the Excel double (src/preview/excelDouble.ts) a Book is read from. */
export interface StoredWorkbook {
  readonly sheets: readonly { readonly name: string; readonly cells: ReadonlyMap<string, { readonly formula?: string | number | boolean }> }[];
  readonly names: ReadonlyMap<string, { readonly reference: string }>;
}

/** The Excel double's workbook as the evaluator reads it. */
export function bookOf(workbook: StoredWorkbook): Book {
  const find = (name: string) => workbook.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  const names = () => new Map([...workbook.names].map(([k, v]) => [k.toLowerCase(), v.reference]));
  return {
    content: (sheet, row, col) => find(sheet)?.cells.get(`${row},${col}`)?.formula,
    sheetName: (name) => find(name)?.name,
    name: (name) => names().get(name.toLowerCase()),
    sheets: () => workbook.sheets.map((s) => s.name),
    formulaCells: function* (sheet) {
      for (const [k, c] of find(sheet)?.cells ?? []) {
        if (typeof c.formula !== "string" || !c.formula.startsWith("=")) continue;
        const [row, col] = k.split(",").map(Number);
        yield { row, col };
      }
    },
  };
}
