/** Shared layout of the sheets the add-in writes: names, colours, number formats, columns. */
import { SheetKey } from "./types";

export const LAYOUT_VERSION = 1;

/** The names of the sheets the add-in writes; a build may use others when these are taken. */
export type SheetNames = Readonly<Record<SheetKey, string>>;

export const SHEET_NAMES: SheetNames = {
  inputs: "CORZ Inputs",
  deal: "CORZ Deal",
  capacity: "CORZ Capacity",
  valuation: "CORZ Valuation",
  peers: "CORZ Peers",
  leases: "CORZ Leases",
  customers: "CORZ Customers",
  mining: "CORZ Mining vs HPC",
  risk: "CORZ Risk",
  summary: "CORZ Summary",
  checks: "CORZ Checks",
};

/** FAST colours: blue inputs, black calculations, green links to other sheets. */
export const COLOURS = {
  input: "#0000FF",
  link: "#008000",
  calc: "#000000",
  headerFill: "#DDEBF7",
  titleFill: "#1F3864",
  titleFont: "#FFFFFF",
  inputFill: "#FFF2CC",
  note: "#595959",
} as const;

export const FORMATS = {
  usdM: '$#,##0.0,,"M";($#,##0.0,,"M");"-"',
  usdM2: '$#,##0.00,,"M";($#,##0.00,,"M");"-"',
  pct: "0.0%;(0.0%);0.0%",
  mw: "#,##0.0;(#,##0.0);-",
  date: "yyyy-mm-dd",
  year: "0",
  int: "#,##0;(#,##0);0",
  x: '0.00"x"',
  usd: "#,##0.00;(#,##0.00)",
  factor: "0.0000",
  /**
   * TRUE/FALSE results. Excel shows a boolean as TRUE or FALSE whatever its format; LibreOffice
   * keeps a boolean as 1 or 0 and, opening an .xlsx without recalculating, shows "General" ones
   * as 1/0: this format shows them as TRUE/FALSE there too, and the value stays a boolean.
   */
  bool: '"TRUE";"TRUE";"FALSE"',
} as const;

/** The text number format: cells keep what is written in them as text. */
export const TEXT_FORMAT = "@";

/** Number format for an assumption's unit. */
export function formatForUnit(unit: string): string {
  switch (unit) {
    case "USD":
      return FORMATS.usdM;
    case "rate":
      return FORMATS.pct;
    case "MW":
      return FORMATS.mw;
    case "date":
      return FORMATS.date;
    case "year":
      return FORMATS.year;
    case "x":
      return FORMATS.x;
    case "USD/MWh":
      return FORMATS.usd;
    default:
      return FORMATS.int;
  }
}

/** Period sheets: label, unit, constant, total, then one column per year. */
export const COL = { label: 1, unit: 2, constant: 3, total: 4, firstPeriod: 5 } as const;
/** Header rows of period sheets: title, master check, contract-year index, timeline. */
export const ROW = { title: 1, check: 2, index: 3, timeline: 4, firstBlock: 6 } as const;

/** The model's largest number of contract years: 30-year term plus two 10-year renewals. */
export const MAX_CONTRACT_YEARS = 50;
