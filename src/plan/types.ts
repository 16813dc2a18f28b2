/**
 * A workbook plan: a declarative description of the sheets the add-in writes — blocks of
 * values and native formulas, number formats, styles, names, validations and charts.
 * Pure data: the Office.js adapter (src/excel) and the exceljs adapter (src/xlsx) apply
 * the same plan, and tests read it directly.
 *
 * Addresses are A1 strings without a sheet; formulas are English, A1-style, start with "="
 * and use only functions LibreOffice 7.4 also has.
 */
import type { InputRules } from "./inputRules";

/** A cell's content: a value, or a formula when a string starts with "=". */
export type CellContent = number | string | boolean | null;

/** What a block holds, which decides its style (FAST: blue inputs, black calculations, green links). */
export type BlockRole = "title" | "header" | "label" | "input" | "calc" | "link" | "check" | "note";

/**
 * Names for a block's rows and columns, so a refresh can find the user's edits by meaning, not
 * position, and what each cell accepts, so it can check them without knowing the model.
 */
export interface BlockKeys {
  /** One per row; null for rows that hold no values (group titles). */
  readonly rows: readonly (string | null)[];
  readonly cols: readonly string[];
  /** What the cells accept (src/plan/inputRules.ts); a number in every cell when absent. */
  readonly accept?: InputRules;
}

export interface Block {
  /** Stable id, unique in the workbook: the adapters record what they wrote under it. */
  readonly id: string;
  /** For blocks whose cells the user may type over: what each row and column means. */
  readonly keys?: BlockKeys;
  /** Top-left cell. */
  readonly at: string;
  /** Rows of contents, all of the same width. */
  readonly cells: readonly (readonly CellContent[])[];
  readonly role: BlockRole;
}

export interface Format {
  /** A1 range on the sheet. */
  readonly range: string;
  readonly numberFormat?: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** "#RRGGBB". */
  readonly fontColor?: string;
  readonly fill?: string;
  readonly wrap?: boolean;
}

export interface ListValidation {
  readonly range: string;
  /** A formula giving the allowed values, e.g. "=$E$6:$G$6". */
  readonly source: string;
}

export interface Series {
  readonly name: string;
  readonly sheet: string;
  readonly range: string;
}

export interface ChartPlan {
  readonly id: string;
  readonly type: "ColumnClustered" | "BarClustered" | "Line" | "XYScatter";
  readonly title: string;
  /** Category (x-axis) labels; an XYScatter's x values. */
  readonly categories: Series;
  readonly series: readonly Series[];
  /** Cells the chart covers on its own sheet. */
  readonly anchor: { readonly from: string; readonly to: string };
}

export type SheetKey = "inputs" | "deal" | "capacity" | "valuation" | "peers" | "leases" | "customers" | "mining" | "risk" | "summary" | "checks";

/** An Excel table over a range already written by blocks (header row first). */
export interface TablePlan {
  readonly name: string;
  readonly range: string;
}

/**
 * How a sheet prints: page orientation, scaling to a number of pages across, and the rows and
 * columns repeated on every page so each printed page carries its headings and row labels.
 */
export interface PrintPlan {
  readonly orientation: "portrait" | "landscape";
  /** The cells printed, as "A1:BB644": what the sheet uses, so text running past the last column is cut at the page edge. */
  readonly area: string;
  /** Pages across the sheet's width (1: fit to one page wide). */
  readonly fitToWidth: number;
  /** Pages down; 0 lets the height run to as many pages as it needs. */
  readonly fitToHeight: number;
  /** Rows repeated at the top of every page, as "1:4"; none when absent. */
  readonly titleRows?: string;
  /** Columns repeated at the left of every page, as "A:B"; none when absent. */
  readonly titleColumns?: string;
}

export interface SheetPlan {
  readonly key: SheetKey;
  readonly name: string;
  readonly tabColor: string;
  readonly blocks: readonly Block[];
  readonly formats: readonly Format[];
  readonly validations: readonly ListValidation[];
  /** Column widths in characters (Excel's "standard width" units). */
  readonly columnWidths: readonly { readonly column: string; readonly width: number }[];
  readonly freeze: { readonly rows: number; readonly columns: number };
  readonly charts: readonly ChartPlan[];
  readonly tables: readonly TablePlan[];
  /** Page setup for printing (src/plan/print.ts derives it from the sheet's layout). */
  readonly print: PrintPlan;
}

export interface NamePlan {
  readonly name: string;
  readonly sheet: string;
  readonly range: string;
  readonly comment: string;
}

export interface WorkbookPlan {
  /** Layout version; a refresh of sheets written by an older layout rebuilds them. */
  readonly layoutVersion: number;
  readonly sheets: readonly SheetPlan[];
  readonly names: readonly NamePlan[];
  /** Scenario names in column order on the Inputs sheet. */
  readonly scenarios: readonly string[];
  /** The name of each sheet. */
  readonly sheetNames: Readonly<Record<SheetKey, string>>;
}
