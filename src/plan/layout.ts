/** Shared layout of the sheets the add-in writes: names, colours, number formats, columns, and row offsets derived from ordered lists of names. */
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

/** The number format of each assumption unit that has its own. */
const UNIT_FORMATS: ReadonlyMap<string, string> = new Map([
  ["USD", FORMATS.usdM],
  ["rate", FORMATS.pct],
  ["MW", FORMATS.mw],
  ["date", FORMATS.date],
  ["year", FORMATS.year],
  ["x", FORMATS.x],
  ["USD/MWh", FORMATS.usd],
]);

/** Number format for an assumption's unit (whole numbers for the rest: months, counts...). */
export function formatForUnit(unit: string): string {
  return UNIT_FORMATS.get(unit) ?? FORMATS.int;
}

/**
 * One entry of an ordered list of rows (or columns): a name for one row, `[name, count]` for a
 * group of `count` rows named by its first, or null for a blank row.
 */
export type Span<K extends string> = K | readonly [name: K, count: number] | null;

/**
 * Offsets of rows (or columns) named in order, the order on the sheet, from `start`: each
 * name's offset is where the spans before it end. A last name after the block's rows ("height",
 * "next") gives the rows the block takes.
 */
export function consecutive<K extends string>(spans: readonly Span<K>[], start: number): Record<K, number> {
  const offsets: [K, number][] = [];
  let at = start;
  for (const span of spans) {
    if (span === null) {
      at += 1;
    } else if (typeof span === "string") {
      offsets.push([span as K, at]);
      at += 1;
    } else {
      const [name, count] = span as readonly [K, number];
      offsets.push([name, at]);
      at += count;
    }
  }
  return Object.fromEntries(offsets) as Record<K, number>;
}

/** Period sheets: label, unit, constant, total, then one column per year. */
export const COL = consecutive(["label", "unit", "constant", "total", "firstPeriod"] as const, 1);
/** Header rows of period sheets: title, master check, contract-year index, timeline; the blocks start a blank row below. */
export const ROW = consecutive(["title", "check", "index", "timeline", null, "firstBlock"] as const, 1);

/** The model's largest number of contract years: 30-year term plus two 10-year renewals. */
export const MAX_CONTRACT_YEARS = 50;
