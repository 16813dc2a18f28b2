/**
 * Reads a formula's text into a tree: numbers, strings, error values, A1 references and ranges
 * (sheet-qualified or not), defined names, function calls, and the operators with Excel's
 * precedence (unary minus binds tighter than ^; % is postfix; comparisons come last).
 */
import { parseCell, splitSheetRef } from "../../plan/a1";
import { Scalar, err } from "./values";

/** A cell as a reference names it: 1-based row and column. */
export interface CellAt {
  readonly row: number;
  readonly col: number;
}

/** A formula's tree. */
export type Node =
  | { k: "lit"; v: Scalar }
  | { k: "ref"; sheet?: string; from: CellAt; to?: CellAt }
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
  const { sheet, range } = splitSheetRef(text);
  const [a, b] = range.toUpperCase().split(":");
  return { k: "ref", sheet, from: parseCell(a), to: b === undefined ? undefined : parseCell(b) };
}

/** A recursive-descent parser over one formula's tokens, one method per level of precedence. */
class Parser {
  private i = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  /** The whole formula; throws SyntaxError when tokens are left over. */
  formula(): Node {
    const tree = this.comparison();
    if (this.i < this.tokens.length) throw new SyntaxError(`unexpected "${this.tokens[this.i].text}"`);
    return tree;
  }

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private atOp(...ops: string[]): boolean {
    const t = this.peek();
    return t?.kind === "op" && ops.includes(t.text);
  }

  private expect(op: string): void {
    const t = this.peek();
    if (!this.atOp(op)) throw new SyntaxError(`expected "${op}"${t ? ` before "${t.text}"` : " at the end"}`);
    this.i++;
  }

  /** Left-associative operators `ops` over operands read by `next`. */
  private binary(next: () => Node, ...ops: string[]): Node {
    let l = next();
    while (this.atOp(...ops)) {
      const op = this.tokens[this.i++].text;
      l = { k: "bin", op, l, r: next() };
    }
    return l;
  }

  private comparison(): Node {
    return this.binary(() => this.concat(), "=", "<>", "<", ">", "<=", ">=");
  }
  private concat(): Node {
    return this.binary(() => this.sum(), "&");
  }
  private sum(): Node {
    return this.binary(() => this.product(), "+", "-");
  }
  private product(): Node {
    return this.binary(() => this.power(), "*", "/");
  }
  private power(): Node {
    return this.binary(() => this.unary(), "^");
  }

  /** A primary followed by any number of % signs. */
  private unary(): Node {
    let e = this.primary();
    while (this.atOp("%")) {
      this.i++;
      e = { k: "pct", e };
    }
    return e;
  }

  private primary(): Node {
    const t = this.tokens[this.i++];
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
      case "id":
        return this.atOp("(") ? this.call(t.text) : this.identifier(t.text);
      case "op":
        if (t.text === "(") {
          const e = this.comparison();
          this.expect(")");
          return e;
        }
        if (t.text === "-" || t.text === "+") {
          const e = this.unary();
          return t.text === "-" ? { k: "neg", e } : e;
        }
    }
    throw new SyntaxError(`unexpected "${t.text}"`);
  }

  /** TRUE, FALSE or a defined name. */
  private identifier(text: string): Node {
    const up = text.toUpperCase();
    if (up === "TRUE" || up === "FALSE") return { k: "lit", v: up === "TRUE" };
    return { k: "name", name: text };
  }

  /** A function call, its name read and the "(" next. */
  private call(name: string): Node {
    this.i++;
    const args: Node[] = [];
    if (!this.atOp(")")) {
      do {
        // An omitted argument, as in IF(A1,,2), is blank.
        args.push(this.atOp(",", ")") ? { k: "lit", v: null } : this.comparison());
      } while (this.atOp(",") && ++this.i);
    }
    this.expect(")");
    return { k: "fn", name: name.toUpperCase(), args };
  }
}

/** Parses a formula (with or without its leading "="). Throws SyntaxError when it cannot. */
export function parseFormula(formula: string): Node {
  return new Parser(tokenize(formula.replace(/^=/, ""))).formula();
}
