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
