/** The Checks sheet: each check TRUE when it holds, rolled up to one master check shown on every sheet. */
import { absCell, cell, sheetRef } from "./a1";
import { CAPACITY_ROWS, CapacityLayout } from "./capacity";
import { DEAL_ROWS, DealLayout } from "./deal";
import { COL, ROW, SheetNames, consecutive } from "./layout";
import { SheetBuilder } from "./sheet";
import { CellContent, SheetPlan } from "./types";

/** Rows of the sheet (the master check, a blank row, the table of checks) and the column of the results. */
export const CHECKS = { ...consecutive(["masterRow", null, "headerRow", "firstRow"] as const, 3), resultCol: 3 } as const;

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
  const sheet = new SheetBuilder("checks", names.checks, "#C00000");
  const rows: CellContent[][] = deal.blockRows.flatMap((dealRow, j) => scenarioChecks(names, labels[j], dealRow, deal.lastCol, capacity.blockRows[j], timelineYears));
  rows.push([RISK_CHECK, risk.scenario, `=${risk.upToDateRef}`]);
  const last = CHECKS.firstRow + rows.length - 1;
  sheet.block("title", ROW.title, 1, "title", [["CORZ — Checks: every row should be TRUE"]]);
  sheet.block("check", ROW.check, 1, "check", [[masterCheckFormula(names)]]);
  sheet.block("master", CHECKS.masterRow, 1, "check", [
    ["Master check (all checks below TRUE)", null, `=AND(${cell(CHECKS.firstRow, CHECKS.resultCol)}:${cell(last, CHECKS.resultCol)})`],
  ]);
  sheet.block("header", CHECKS.headerRow, 1, "header", [["Check", "Scenario", "Result"]]);
  sheet.block("rows", CHECKS.firstRow, 1, "calc", rows);
  sheet.columnWidths([
    { column: "A", width: 80 },
    { column: "B", width: 16 },
    { column: "C", width: 10 },
  ]);
  sheet.freeze(CHECKS.headerRow, 0);
  return sheet.build();
}

/** The checks of one scenario's blocks on the Deal and Capacity sheets (their first rows given). */
function scenarioChecks(names: SheetNames, scenario: string, dealRow: number, dealLastCol: number, capacityRow: number, timelineYears: number): CellContent[][] {
  const deal = (offset: number, col: number = COL.constant) => sheetRef(names.deal, absCell(dealRow + offset, col));
  const dealYears = (offset: number) => `${deal(offset, COL.firstPeriod)}:${absCell(dealRow + offset, dealLastCol)}`;
  const capacityYears = (offset: number) =>
    `${sheetRef(names.capacity, absCell(capacityRow + offset, COL.firstPeriod))}:${absCell(capacityRow + offset, COL.firstPeriod + timelineYears - 1)}`;
  const timeline = `${sheetRef(names.deal, absCell(ROW.timeline, COL.firstPeriod))}:${absCell(ROW.timeline, dealLastCol)}`;
  const margin = deal(DEAL_ROWS.margin);
  return [
    ["Revenue over the timeline equals the TCV incl. renewal options (to the dollar)", scenario, `=ROUND(${deal(DEAL_ROWS.revenue, COL.total)}-${deal(DEAL_ROWS.tcv)},0)=0`],
    ["Billable MW never above MW contracted", scenario, `=ROUND(MAX(${dealYears(DEAL_ROWS.mwTotal)}),6)<=ROUND(${deal(DEAL_ROWS.contractedMw)},6)`],
    ["Billable MW never negative", scenario, `=ROUND(MIN(${dealYears(DEAL_ROWS.mwTotal)}),6)>=0`],
    ["Licence-fee margin between 0% and 100%", scenario, `=AND(${margin}>=0,${margin}<=1)`],
    ["Reported margin not above the licence-fee margin", scenario, `=ROUND(${deal(DEAL_ROWS.grossProfit, COL.total)}-${margin}*${deal(DEAL_ROWS.reportedRevenue, COL.total)},0)<=0`],
    ["HPC capacity never negative", scenario, `=MIN(${capacityYears(CAPACITY_ROWS.hpc)})>=0`],
    ["Target year inside the timeline", scenario, `=ISNUMBER(MATCH(${sheetRef(names.capacity, absCell(capacityRow + CAPACITY_ROWS.targetYear, COL.constant))},${timeline},0))`],
  ];
}
