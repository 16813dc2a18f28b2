/**
 * Where a formula's array result spills, as Excel's dynamic arrays have it: from the formula's
 * cell right and down; when a cell in the way holds something (or is covered by an earlier
 * array), the array does not spill and its formula's cell shows #SPILL!.
 */
import { cell } from "../../plan/a1";
import { Content, Matrix } from "./values";

/** Where a formula's array result spills: its anchor cell and size, or why it cannot. */
export interface Spill {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
  /** Set when a cell in the way holds something: the anchor shows #SPILL! instead. */
  readonly blockedBy?: string;
}

/** The spills of one sheet: "row,col" of every cell an array covers (its anchor included) → its spill; a blocked array, its anchor only. */
export type SpillMap = ReadonlyMap<string, Spill>;

/** A cell's key in a SpillMap. */
export const cellKey = (row: number, col: number): string => `${row},${col}`;

/** The largest array the preview spills (Excel's own limit is the sheet's edge). */
const MAX_SPILL_CELLS = 100_000;

/** A sheet's cell content (1-based row and column). */
type ContentAt = (row: number, col: number) => Content;

/** The first cell (A1) in the way of an array spilling from `at`, or undefined when its cells are free. */
function blocker(content: ContentAt, covered: SpillMap, at: { row: number; col: number }, size: Matrix): string | undefined {
  for (let i = 0; i < size.rows; i++)
    for (let j = 0; j < size.cols; j++) {
      if (i === 0 && j === 0) continue;
      const c = content(at.row + i, at.col + j);
      if ((c !== undefined && c !== "") || covered.has(cellKey(at.row + i, at.col + j))) return cell(at.row + i, at.col + j);
    }
  return undefined;
}

/**
 * The spills of a sheet from the arrays its formulas return, in the sheet's order (an earlier
 * array's cells are in the way of a later one). A 1x1 array does not spill; one larger than
 * the preview draws is left as its top-left value.
 */
export function spillsOf(arrays: Iterable<{ row: number; col: number; value: Matrix }>, content: ContentAt): SpillMap {
  const map = new Map<string, Spill>();
  for (const { row, col, value } of arrays) {
    const cells = value.rows * value.cols;
    if (cells <= 1 || cells > MAX_SPILL_CELLS) continue;
    const blockedBy = blocker(content, map, { row, col }, value);
    const spill: Spill = { row, col, rows: value.rows, cols: value.cols, blockedBy };
    if (blockedBy !== undefined) map.set(cellKey(row, col), spill);
    else for (let i = 0; i < value.rows; i++) for (let j = 0; j < value.cols; j++) map.set(cellKey(row + i, col + j), spill);
  }
  return map;
}
