/**
 * How every sheet prints, derived from its layout rather than typed per sheet: landscape, as
 * few pages across as keep the text readable (one when the sheet fits at a readable scale,
 * otherwise up to MAX_PAGES_ACROSS), as many pages down as the rows need, the heading rows
 * (the frozen rows) at the top of every page and the row-label columns (the frozen columns,
 * at least column A) at the left of every page, so each printed page carries its labels. The
 * print area is the cells the sheet uses: a long note does not widen the printout (LibreOffice
 * would otherwise print the empty cells its text runs into, at a smaller scale).
 */
import { columnLetter, columnNumber, parseCell } from "./a1";
import { Block, ChartPlan, PrintPlan } from "./types";

/** A sheet printed wider than this many pages across stops being a report; the scale shrinks instead. */
export const MAX_PAGES_ACROSS = 3;
/** The smallest print scale at which an 11-point font stays readable (about 6.6 points). */
export const MIN_READABLE_SCALE = 0.6;
/**
 * Printable width of a landscape page in points: US Letter (11 in, narrower than A4's 11.69 in)
 * less Excel's "Normal" side margins of 0.7 in each, which both adapters keep.
 */
export const PRINTABLE_WIDTH_PT = (11 - 2 * 0.7) * 72;
/** Excel's width of a column with no width set, in characters. */
const DEFAULT_COLUMN_WIDTH = 8.43;

/** A column `chars` characters wide, in points: Excel's 7-pixel digit plus 5 pixels of padding, at 96 pixels per inch. */
export function columnPoints(chars: number): number {
  return ((7 * chars + 5) * 72) / 96;
}

/** What a sheet's print setup is derived from. */
export interface PrintLayout {
  readonly blocks: readonly Block[];
  readonly charts: readonly ChartPlan[];
  readonly columnWidths: readonly { readonly column: string; readonly width: number }[];
  readonly freeze: { readonly rows: number; readonly columns: number };
}

/** The last row and column anything on the sheet uses (blocks and charts). */
export function usedExtent(layout: PrintLayout): { rows: number; cols: number } {
  let rows = 1;
  let cols = 1;
  for (const block of layout.blocks) {
    const at = parseCell(block.at);
    rows = Math.max(rows, at.row + block.cells.length - 1);
    cols = Math.max(cols, at.col + Math.max(1, ...block.cells.map((r) => r.length)) - 1);
  }
  for (const chart of layout.charts) {
    const to = parseCell(chart.anchor.to);
    rows = Math.max(rows, to.row);
    cols = Math.max(cols, to.col);
  }
  return { rows, cols };
}

/** The print scale `pages` pages across need, when the label columns repeat on each page. */
export function scaleFor(labelPt: number, restPt: number, pages: number): number {
  return Math.min(1, PRINTABLE_WIDTH_PT / (labelPt + restPt / pages));
}

/** The print setup of a sheet laid out as `layout`. */
export function printPlanFor(layout: PrintLayout): PrintPlan {
  const widths = new Map(layout.columnWidths.map((w) => [columnNumber(w.column), w.width]));
  const widthPt = (col: number) => columnPoints(widths.get(col) ?? DEFAULT_COLUMN_WIDTH);
  const used = usedExtent(layout);
  const last = used.cols;
  const labels = Math.min(Math.max(layout.freeze.columns, 1), last);
  let labelPt = 0;
  let restPt = 0;
  for (let c = 1; c <= last; c++) {
    if (c <= labels) labelPt += widthPt(c);
    else restPt += widthPt(c);
  }
  let across = 1;
  while (across < MAX_PAGES_ACROSS && scaleFor(labelPt, restPt, across) < MIN_READABLE_SCALE) across++;
  return {
    orientation: "landscape",
    area: `A1:${columnLetter(last)}${used.rows}`,
    fitToWidth: across,
    fitToHeight: 0,
    titleRows: `1:${Math.max(layout.freeze.rows, 1)}`,
    titleColumns: `A:${columnLetter(labels)}`,
  };
}
