/**
 * The workbook as the evaluator reads it: cell contents, sheet names, defined names and where the
 * formulas are. `bookOf` reads it from the Excel double's state.
 */
import { Content } from "./values";

/** The workbook the evaluator reads. */
export interface Book {
  /** The content of a cell (1-based row and column); undefined when it is empty or the sheet does not exist. */
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
