/**
 * The evaluator: computes a workbook's cells on demand, each once until the workbook changes,
 * following references, ranges and defined names across sheets, and works out where array
 * results spill. A formula that cannot be read, or names a function it does not know, is #NAME?.
 */
import { Book } from "./book";
import { CustomFunctionHook, callCustom } from "./custom";
import { Arg, builtin } from "./builtins";
import { Node, parseFormula } from "./parse";
import { Spill, SpillMap, cellKey, spillsOf } from "./spill";
import { Matrix, Scalar, Value, XlError, err, lift1, lift2, literal, scalarOp, single } from "./values";

const NO_SPILLS: SpillMap = new Map();

/** How many times the spills are worked out again at most before they are taken as settled. */
const SPILL_PASSES = 4;

/** Evaluates the cells of a workbook on demand, each once (until `clear`). */
export class Evaluator {
  private readonly cache = new Map<string, Value>();
  /** Per sheet: "row,col" of every cell an array covers → its spill (anchor included). */
  private spills = new Map<string, SpillMap>();
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
    const spill = spills.get(cellKey(row, col));
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
    return this.spillMap(sheet).get(cellKey(row, col));
  }

  /** The spills of a sheet, worked out (for every sheet at once) on first use after `clear`. */
  private spillMap(sheet: string): SpillMap {
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
    const key = (m: Map<string, SpillMap>) => JSON.stringify([...m].map(([s, x]) => [s, [...x]]));
    this.spilling = true;
    try {
      for (let pass = 0; pass < SPILL_PASSES; pass++) {
        const next = new Map(sheets.map((s) => [s, this.findSpills(s)] as const));
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

  private findSpills(sheet: string): SpillMap {
    return spillsOf(this.arraysOf(sheet), (row, col) => this.book.content(sheet, row, col));
  }

  /** The formula cells of a sheet that return an array, with the array, in the sheet's order. */
  private *arraysOf(sheet: string): Generator<{ row: number; col: number; value: Matrix }> {
    for (const { row, col } of this.book.formulaCells?.(sheet) ?? []) {
      if (!this.mayReturnArray(String(this.book.content(sheet, row, col)))) continue;
      const value = this.cellValue(sheet, row, col);
      if (value instanceof Matrix) yield { row, col, value };
    }
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
    return (tree.k === "fn" && builtin(tree.name) === undefined) || (tree.k === "ref" && tree.to !== undefined);
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

  /** A function call: a built-in gets its arguments unevaluated (each computed once, when asked); a custom function gets their values. */
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
    const f = builtin(n.name);
    if (f) return f(args);
    if (!this.custom || !n.name.includes(".")) return err("#NAME?");
    return callCustom(this.custom, n.name, args.map((a) => a.value()));
  }
}
