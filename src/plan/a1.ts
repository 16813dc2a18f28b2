/** A1 address arithmetic for the plan. Columns and rows are 1-based. */

export function columnLetter(col: number): string {
  if (!Number.isInteger(col) || col < 1 || col > 16384) throw new Error(`column ${col} is outside Excel's A..XFD`);
  let s = "";
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** "C7" for (7, 3); absolute parts with `$`. */
export function cell(row: number, col: number, abs: { row?: boolean; col?: boolean } = {}): string {
  return `${abs.col ? "$" : ""}${columnLetter(col)}${abs.row ? "$" : ""}${row}`;
}

/** "$C$7". */
export function absCell(row: number, col: number): string {
  return cell(row, col, { row: true, col: true });
}

/** "A1:D9" for a rectangle. */
export function rangeOf(row: number, col: number, rows: number, cols: number): string {
  if (rows === 1 && cols === 1) return cell(row, col);
  return `${cell(row, col)}:${cell(row + rows - 1, col + cols - 1)}`;
}

export function parseCell(a1: string): { row: number; col: number } {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(a1.toUpperCase());
  if (!m) throw new Error(`not an A1 cell: ${a1}`);
  return { row: Number(m[2]), col: columnNumber(m[1]) };
}

/** Quotes a sheet name for use in a formula: 'CORZ Inputs'!$D$7. */
export function sheetRef(sheet: string, a1: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${a1}`;
}

/**
 * The inverse of {@link sheetRef}: "Sheet!A1:B2" or "'My sheet'!$A$1" → the sheet (unquoted;
 * undefined when the address names none) and the range without its dollars.
 */
export function splitSheetRef(address: string): { sheet?: string; range: string } {
  const bang = address.lastIndexOf("!");
  const range = address.slice(bang + 1).replace(/\$/g, "");
  if (bang < 0) return { range };
  const raw = address.slice(0, bang);
  return { sheet: raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw, range };
}

/** Excel's last row and column: a whole column spans MAX_ROWS rows, a whole row MAX_COLS columns. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** A rectangle of cells: 1-based top-left cell, and its height and width. */
export interface Box {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

/** One end of a range: "C7", "$C$7", a whole column "C" or a whole row "7". */
function parseEnd(a1: string): { row?: number; col?: number } {
  const m = /^\$?([A-Z]{0,3})\$?(\d*)$/.exec(a1.toUpperCase());
  if (!m || (m[1] === "" && m[2] === "")) throw new Error(`not an A1 reference: ${a1}`);
  return { ...(m[1] !== "" ? { col: columnNumber(m[1]) } : {}), ...(m[2] !== "" ? { row: Number(m[2]) } : {}) };
}

/**
 * The box of an A1 range, with or without its sheet: "B2:D9", "C7", "$A$1:$B$2",
 * "'My sheet'!A1:B2"; whole columns ("A:B") span every row, whole rows ("1:4") every column.
 * The inverse of {@link rangeOf} for cells and rectangles.
 */
export function parseRange(address: string): Box {
  const [a, b = a] = splitSheetRef(address).range.split(":");
  const p = parseEnd(a);
  const q = parseEnd(b);
  const row = p.row ?? 1;
  const col = p.col ?? 1;
  return { row, col, rows: (q.row ?? MAX_ROWS) - row + 1, cols: (q.col ?? MAX_COLS) - col + 1 };
}

/** Whether a cell lies in a box. */
export function inBox(b: Box, row: number, col: number): boolean {
  return row >= b.row && row < b.row + b.rows && col >= b.col && col < b.col + b.cols;
}

/** Whether every cell of `inner` lies in `outer`. */
export function boxContains(outer: Box, inner: Box): boolean {
  return inner.row >= outer.row && inner.col >= outer.col && inner.row + inner.rows <= outer.row + outer.rows && inner.col + inner.cols <= outer.col + outer.cols;
}

/** The smallest range holding every range (A1); undefined for none. */
export function boundingRange(ranges: readonly string[]): string | undefined {
  if (ranges.length === 0) return undefined;
  const bs = ranges.map(parseRange);
  const r0 = Math.min(...bs.map((c) => c.row));
  const c0 = Math.min(...bs.map((c) => c.col));
  const r1 = Math.max(...bs.map((c) => c.row + c.rows - 1));
  const c1 = Math.max(...bs.map((c) => c.col + c.cols - 1));
  return rangeOf(r0, c0, r1 - r0 + 1, c1 - c0 + 1);
}

/** Whole rows or columns made absolute: "1:4" → "$1:$4", "A:B" → "$A:$B". */
export function absoluteSpan(span: string): string {
  return span
    .split(":")
    .map((x) => `$${x}`)
    .join(":");
}

/** A range with its rows absolute: "A1:BB644" → "A$1:BB$644". */
export function absoluteRows(range: string): string {
  return range.replace(/([A-Z]+)(\d+)/g, "$1$$$2");
}
