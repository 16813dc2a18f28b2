/**
 * The user's values in the add-in's input blocks: found by what their rows and columns mean
 * (checked before they are kept by the rules the plan declares, see decide.ts) and written back
 * into the new plan. Pure: the adapter hands in what it read from the workbook.
 */
import { parseRange, rangeOf } from "../plan/a1";
import { InputRule, cellText } from "../plan/inputRules";
import { CellContent, WorkbookPlan } from "../plan/types";
import { WrittenBlock } from "./registry";

/** A rectangle of cells read from a sheet: 0-based offsets of its top-left cell, and its values. */
export interface Area {
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly values: readonly (readonly unknown[])[];
  /** The same cells' formulas, where they were read (the Leases sheet: rows typed under its table). */
  readonly formulas?: readonly (readonly unknown[])[];
}

export interface Edit {
  readonly block: string;
  readonly row: string;
  readonly col: string;
  readonly value: unknown;
  /** "Sheet!C7". */
  readonly where: string;
}

/** An edit kept: with what its cell is (its block's rule) and whether the block holds choices rather than figures. */
export interface KeptEdit extends Edit {
  readonly kind: InputRule["kind"];
  readonly choice: boolean;
}

/**
 * The user's values in an input block: cells changed since the add-in wrote them, and cells
 * already kept as the user's at an earlier refresh.
 */
export function findEdits(id: string, written: WrittenBlock, sheetName: string, used: Area): Edit[] {
  const edits: Edit[] = [];
  const box = parseRange(written.range);
  const kept = new Set(written.userCells);
  written.rows.forEach((row, i) => {
    if (row === null) return;
    written.cols.forEach((col, j) => {
      const r = box.row - 1 + i - used.rowIndex;
      const c = box.col - 1 + j - used.columnIndex;
      const now = used.values[r]?.[c] ?? "";
      const ours = [written.values[i]?.[j], ...(written.alsoWritten ? [written.alsoWritten[i]?.[j]] : [])];
      const same = ours.some((was) => (typeof now === "number" && typeof was === "number" ? Math.abs(now - was) <= 1e-12 * Math.max(1, Math.abs(was)) : cellText(now) === cellText(was)));
      if (!same || kept.has(`${row}|${col}`)) edits.push({ block: id, row, col, value: now, where: `${sheetName}!${rangeOf(box.row + i, box.col + j, 1, 1)}` });
    });
  });
  return edits;
}

/** The plan with the user's kept values written into the blocks, matched by row and column key. */
export function withEdits(plan: WorkbookPlan, edits: readonly Edit[]): WorkbookPlan {
  if (edits.length === 0) return plan;
  return {
    ...plan,
    sheets: plan.sheets.map((s) => ({
      ...s,
      blocks: s.blocks.map((b) => {
        const mine = edits.filter((e) => e.block === b.id);
        if (!b.keys || mine.length === 0) return b;
        const cells = b.cells.map((r) => [...r]);
        for (const e of mine) {
          const i = b.keys.rows.indexOf(e.row);
          const j = b.keys.cols.indexOf(e.col);
          if (i >= 0 && j >= 0) cells[i][j] = e.value === "" ? null : (e.value as CellContent);
        }
        return { ...b, cells };
      }),
    })),
  };
}
