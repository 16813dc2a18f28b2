/**
 * A cell of the user's own on one of the add-in's sheets (not a test file: jest only runs
 * *.test.ts): the first column, a few rows below the last row any block of the plans writes, so
 * it stays outside the add-in's blocks however many tranches or scenario blocks the sheet has.
 */
import { WorkbookPlan } from "../../src/plan/types";

/** "A<row>" below every block the plans put on the sheet called `sheetName`. */
export function cellBelowBlocks(sheetName: string, ...plans: WorkbookPlan[]): string {
  let last = 0;
  for (const p of plans) {
    const sheet = p.sheets.find((s) => s.name === sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName} in the plan`);
    for (const b of sheet.blocks) {
      const top = Number(/\d+$/.exec(b.at)?.[0]);
      last = Math.max(last, top + b.cells.length - 1);
    }
  }
  return `A${last + 20}`;
}
