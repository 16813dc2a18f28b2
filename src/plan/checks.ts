/** The Checks sheet: each check TRUE when it holds, rolled up to one master check shown on every sheet. */
import { absCell, cell, sheetRef } from "./a1";
import { CAPACITY_ROWS, CapacityLayout } from "./capacity";
import { DEAL_ROWS, DealLayout } from "./deal";
import { COL, ROW, SheetNames } from "./layout";
import { SheetBuilder } from "./sheet";
import { CellContent, SheetPlan } from "./types";

export const CHECKS = { masterRow: 3, headerRow: 5, firstRow: 6, resultCol: 3 } as const;

/** The check that the Risk sheet's Monte Carlo ran on the inputs now on the Inputs sheet. */
export const RISK_CHECK = "Risk sheet matches the live inputs (the Monte Carlo ran on the inputs now on the Inputs sheet)";

/** What the checks need of the Risk sheet: the run's scenario and the cell TRUE when its inputs are the live ones. */
export interface RiskCheck {
  readonly scenario: string;
  /** Sheet-qualified reference, e.g. `'CORZ Risk'!$C$80`. */
  readonly upToDateRef: string;
}

/** The formula every sheet shows in row 2: the master check in words. */
export function masterCheckFormula(names: SheetNames): string {
  const master = sheetRef(names.checks, absCell(CHECKS.masterRow, CHECKS.resultCol));
  return `=IF(${master},"Checks: all OK","Checks: FAILING, see the ${names.checks} sheet")`;
}

export function buildChecks(
  names: SheetNames,
  labels: readonly string[],
  deal: DealLayout,
  capacity: CapacityLayout,
  timelineYears: number,
  risk: RiskCheck,
): SheetPlan {
  const b = new SheetBuilder("checks", names.checks, "#C00000");
  const D = (r: number, c: number) => sheetRef(names.deal, absCell(r, c));
  const Drow = (r: number) => `${sheetRef(names.deal, absCell(r, COL.firstPeriod))}:${absCell(r, deal.lastCol)}`;
  const K = (r: number, c: number) => sheetRef(names.capacity, absCell(r, c));
  const Krow = (r: number) => `${sheetRef(names.capacity, absCell(r, COL.firstPeriod))}:${absCell(r, COL.firstPeriod + timelineYears - 1)}`;
  const timeline = `${sheetRef(names.deal, absCell(ROW.timeline, COL.firstPeriod))}:${absCell(ROW.timeline, deal.lastCol)}`;

  const rows: CellContent[][] = [];
  deal.blockRows.forEach((d0, j) => {
    const c0 = capacity.blockRows[j];
    const s = labels[j];
    const m = D(d0 + DEAL_ROWS.margin, COL.constant);
    rows.push(
      ["Revenue over the timeline equals the TCV incl. renewal options (to the dollar)", s, `=ROUND(${D(d0 + DEAL_ROWS.revenue, COL.total)}-${D(d0 + DEAL_ROWS.tcv, COL.constant)},0)=0`],
      ["Billable MW never above MW contracted", s, `=ROUND(MAX(${Drow(d0 + DEAL_ROWS.mwTotal)}),6)<=ROUND(${D(d0 + DEAL_ROWS.contractedMw, COL.constant)},6)`],
      ["Billable MW never negative", s, `=ROUND(MIN(${Drow(d0 + DEAL_ROWS.mwTotal)}),6)>=0`],
      ["Licence-fee margin between 0% and 100%", s, `=AND(${m}>=0,${m}<=1)`],
      ["Reported margin not above the licence-fee margin", s, `=ROUND(${D(d0 + DEAL_ROWS.grossProfit, COL.total)}-${m}*${D(d0 + DEAL_ROWS.reportedRevenue, COL.total)},0)<=0`],
      ["HPC capacity never negative", s, `=MIN(${Krow(c0 + CAPACITY_ROWS.hpc)})>=0`],
      ["Target year inside the timeline", s, `=ISNUMBER(MATCH(${K(c0 + CAPACITY_ROWS.targetYear, COL.constant)},${timeline},0))`],
    );
  });
  rows.push([RISK_CHECK, risk.scenario, `=${risk.upToDateRef}`]);
  const last = CHECKS.firstRow + rows.length - 1;
  b.block("title", ROW.title, 1, "title", [["CORZ — Checks: every row should be TRUE"]]);
  b.block("check", ROW.check, 1, "check", [[masterCheckFormula(names)]]);
  b.block("master", CHECKS.masterRow, 1, "check", [
    ["Master check (all checks below TRUE)", null, `=AND(${cell(CHECKS.firstRow, CHECKS.resultCol)}:${cell(last, CHECKS.resultCol)})`],
  ]);
  b.block("header", CHECKS.headerRow, 1, "header", [["Check", "Scenario", "Result"]]);
  b.block("rows", CHECKS.firstRow, 1, "calc", rows);
  b.columnWidths([
    { column: "A", width: 80 },
    { column: "B", width: 16 },
    { column: "C", width: 10 },
  ]);
  b.freeze(CHECKS.headerRow, 0);
  return b.build();
}
