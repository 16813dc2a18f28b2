/**
 * Rows the user typed directly under the Leases table (Excel grows the table over them): taken
 * into the next build as further user rows, so they join the table, its formulas, statistics and
 * chart, their values kept by key like any user row. Only what can be taken without loss is:
 * a row whose input cells hold typed values (not formulas of the user's) and whose formula cells
 * are empty or hold exactly the formula the table gives that row (Excel's own fill). The first
 * row that is not so, and everything under it, is left exactly as it is. At most
 * LEASE_ROWS_TAKEN_AT_MOST rows at a refresh: the read snapshots them with the sheet, so a write
 * that fails puts them back as they were. Pure.
 */
import { parseRange, rangeOf } from "../plan/a1";
import { cellText } from "../plan/inputRules";
import { LABEL_COLS, LEASE_CALC_COLS, LEASE_COLS, LEASE_INPUT_COLS, LEASE_TEXT_COLS, LEASE_USER_BLOCKS, LEASE_USER_ROWS, LeaseColumn, leaseLayout, leaseRowFormulas, leaseUserKey } from "../plan/leases";
import { Area, Edit } from "./edits";
import { Registry } from "./registry";

/** The user rows the next build writes, the rows under the table it takes in (as edits), and their cells ("row,col"). */
export interface RowsBelow {
  readonly userRows: number;
  readonly edits: readonly Edit[];
  readonly cells: ReadonlySet<string>;
}

/** Rows under the Leases table one refresh can take in. */
export const LEASE_ROWS_TAKEN_AT_MOST = 50;

/** The ranges to snapshot on the Leases sheet: those written last time and the rows a refresh may take in under them. */
export function leaseSnapshotRanges(ranges: readonly string[]): string[] {
  if (ranges.length === 0) return [];
  const last = Math.max(...ranges.map(parseRange).map((c) => c.row + c.rows - 1));
  return [...ranges, rangeOf(last + 1, 1, LEASE_ROWS_TAKEN_AT_MOST, LEASE_COLS.note)];
}

const USER_COLS: readonly LeaseColumn[] = [...LABEL_COLS, ...LEASE_INPUT_COLS];
const TEXT_COLS: readonly LeaseColumn[] = LEASE_TEXT_COLS;

/** `snapshot`: the box the read snapshotted on the sheet; only rows inside it are taken in. */
export function rowsBelowLeases(registry: Registry, sheetName: string, used: Area | undefined, snapshot: string | undefined, discard: boolean): RowsBelow {
  const block = registry.blocks?.[LEASE_USER_BLOCKS.figures];
  const before = Math.max(LEASE_USER_ROWS, block?.rows.length ?? 0);
  const none = { userRows: discard ? LEASE_USER_ROWS : before, edits: [], cells: new Set<string>() };
  if (discard || !block || !used?.formulas || !snapshot) return none;
  const snap = parseRange(snapshot);
  const box = parseRange(block.range);
  // Only when the table's rows are where they were: a user row at a new place would leave the old cell behind.
  if (box.row !== leaseLayout(before).firstUser || box.rows !== before) return none;
  const at = (row: number, col: number) => ({
    value: used.values[row - 1 - used.rowIndex]?.[col - 1 - used.columnIndex] ?? "",
    formula: cellText(used.formulas?.[row - 1 - used.rowIndex]?.[col - 1 - used.columnIndex]),
  });
  const edits: Edit[] = [];
  const cells = new Set<string>();
  let taken = 0;
  for (let row = box.row + box.rows; row < snap.row + snap.rows; row++) {
    const typed = [...USER_COLS, ...TEXT_COLS].filter((k) => cellText(at(row, LEASE_COLS[k]).value) !== "");
    if (typed.length === 0) break;
    if (typed.some((k) => at(row, LEASE_COLS[k]).formula.startsWith("="))) break;
    const ours = leaseRowFormulas(row);
    if (LEASE_CALC_COLS.some((k, i) => ![ours[i], ""].includes(at(row, LEASE_COLS[k]).formula))) break;
    const key = leaseUserKey(before + taken);
    for (const k of typed) {
      const col = LEASE_COLS[k];
      edits.push({ block: TEXT_COLS.includes(k) ? LEASE_USER_BLOCKS.texts : LEASE_USER_BLOCKS.figures, row: key, col: k, value: at(row, col).value, where: `${sheetName}!${rangeOf(row, col, 1, 1)}` });
    }
    for (let col = 1; col <= LEASE_COLS.note; col++) if (cellText(at(row, col).formula) !== "" || cellText(at(row, col).value) !== "") cells.add(`${row},${col}`);
    taken++;
  }
  return { userRows: before + taken, edits, cells };
}
