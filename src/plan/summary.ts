/** The Summary sheet: the key figures of every scenario side by side, and two charts. */
import { absCell, cell, columnLetter, sheetRef } from "./a1";
import { CAPACITY_ROWS, CapacityLayout } from "./capacity";
import { DEAL_ROWS, DealLayout } from "./deal";
import { VALUATION_BLOCK } from "./valuation";
import { COL, FORMATS, ROW, SheetNames, consecutive } from "./layout";
import { SheetBuilder } from "./sheet";
import { ChartPlan, SheetPlan } from "./types";

export const SUMMARY_METRICS = [
  { id: "tcv", label: "TCV: contract value, initial term", unit: "USD", format: FORMATS.usdM },
  { id: "tcvInclOptions", label: "TCV incl. renewal options (not contracted revenue)", unit: "USD", format: FORMATS.usdM },
  { id: "average", label: "Average revenue per year billed, incl. renewal options", unit: "USD", format: FORMATS.usdM },
  { id: "price", label: "Average price per MW-year (initial term)", unit: "USD", format: FORMATS.usdM2 },
  { id: "licenceMargin", label: "Licence-fee gross margin", unit: "rate", format: FORMATS.pct },
  { id: "reportedMargin", label: "Reported gross margin, whole contract", unit: "rate", format: FORMATS.pct },
  { id: "npv", label: "NPV of gross profit", unit: "USD", format: FORMATS.usdM },
  { id: "value", label: "Value of free cash flow (DEAL_VALUE; incl. the renewal options the scenario exercises)", unit: "USD", format: FORMATS.usdM },
  { id: "rate", label: "Discount rate (reference yield + spread)", unit: "rate", format: FORMATS.pct },
  { id: "mw", label: "MW contracted to CoreWeave", unit: "MW", format: FORMATS.mw },
  { id: "target", label: "HPC capacity target", unit: "MW", format: FORMATS.mw },
  { id: "contractedAtTarget", label: "HPC MW contracted at the end of the target year", unit: "MW", format: FORMATS.mw },
  { id: "contractedShort", label: "Contracted MW above (below) target", unit: "MW", format: FORMATS.mw },
  { id: "hpcAtTarget", label: "HPC MW energised at the end of the target year", unit: "MW", format: FORMATS.mw },
  { id: "energisedShort", label: "Energised MW above (below) target", unit: "MW", format: FORMATS.mw },
  { id: "meets", label: "Target met by energised MW?", unit: "TRUE/FALSE", format: FORMATS.bool },
  { id: "pipeline", label: "Pipeline MW, not contracted (gross; not counted toward the target)", unit: "MW gross", format: FORMATS.mw },
] as const;

/** Rows of the table: its header, then one row per metric; scenarios across from `firstCol`. */
export const SUMMARY = { ...consecutive(["headerRow", "firstRow"] as const, 4), firstCol: 3 } as const;

type MetricId = (typeof SUMMARY_METRICS)[number]["id"];

export function buildSummary(
  names: SheetNames,
  labels: readonly string[],
  deal: DealLayout,
  capacity: CapacityLayout,
  valuationBlocks: readonly number[],
  masterCheck: string,
): SheetPlan {
  const sheet = new SheetBuilder("summary", names.summary, "#7030A0");
  sheet.block("title", ROW.title, 1, "title", [["CORZ — Summary: key figures by scenario"]]);
  sheet.block("check", ROW.check, 1, "check", [[masterCheck]]);
  sheet.block("header", SUMMARY.headerRow, 1, "header", [["Figure", "Unit", ...labels]]);
  sheet.block("labels", SUMMARY.firstRow, 1, "label", SUMMARY_METRICS.map((m) => [m.label, m.unit]));
  const byScenario = deal.blockRows.map((_, j) => metricFormulas(names, deal.blockRows[j], capacity.blockRows[j], valuationBlocks[j]));
  sheet.block("figures", SUMMARY.firstRow, SUMMARY.firstCol, "link", SUMMARY_METRICS.map((m) => byScenario.map((formulas) => formulas[m.id])));
  const lastCol = SUMMARY.firstCol + labels.length - 1;
  SUMMARY_METRICS.forEach((m, i) => {
    const row = SUMMARY.firstRow + i;
    sheet.format(`${cell(row, SUMMARY.firstCol)}:${cell(row, lastCol)}`, { numberFormat: m.format });
  });
  liveCharts(sheet, names, deal, capacity, lastCol);
  sheet.columnWidths([
    { column: "A", width: 44 },
    { column: "B", width: 11 },
    ...labels.map((_, i) => ({ column: columnLetter(SUMMARY.firstCol + i), width: 16 })),
  ]);
  sheet.freeze(SUMMARY.headerRow, 2);
  return sheet.build();
}

/** One scenario's figures: links to its blocks on the Deal, Capacity and Valuation sheets (first rows given). */
function metricFormulas(names: SheetNames, dealRow: number, capacityRow: number, valuationRow: number): Record<MetricId, string> {
  const deal = (offset: number, col: number = COL.constant) => sheetRef(names.deal, absCell(dealRow + offset, col));
  const capacity = (offset: number) => sheetRef(names.capacity, absCell(capacityRow + offset, COL.constant));
  return {
    tcv: `=${deal(DEAL_ROWS.initialValue)}`,
    tcvInclOptions: `=${deal(DEAL_ROWS.tcv)}`,
    average: `=IF(${deal(DEAL_ROWS.yearsBilled)}>0,${deal(DEAL_ROWS.tcv)}/${deal(DEAL_ROWS.yearsBilled)},0)`,
    price: `=${deal(DEAL_ROWS.avgPrice)}`,
    licenceMargin: `=${deal(DEAL_ROWS.margin)}`,
    reportedMargin: `=IF(${deal(DEAL_ROWS.reportedRevenue, COL.total)}>0,${deal(DEAL_ROWS.grossProfit, COL.total)}/${deal(DEAL_ROWS.reportedRevenue, COL.total)},0)`,
    npv: `=${deal(DEAL_ROWS.npv)}`,
    value: `=${sheetRef(names.valuation, absCell(valuationRow + VALUATION_BLOCK.value, COL.constant))}`,
    rate: `=${deal(DEAL_ROWS.rate)}`,
    mw: `=${deal(DEAL_ROWS.contractedMw)}`,
    target: `=${capacity(CAPACITY_ROWS.target)}`,
    contractedAtTarget: `=${capacity(CAPACITY_ROWS.contractedAtTarget)}`,
    contractedShort: `=${capacity(CAPACITY_ROWS.contractedShort)}`,
    hpcAtTarget: `=${capacity(CAPACITY_ROWS.atTarget)}`,
    energisedShort: `=${capacity(CAPACITY_ROWS.energisedShort)}`,
    meets: `=${capacity(CAPACITY_ROWS.meets)}`,
    pipeline: `=${capacity(CAPACITY_ROWS.pipelineAtTarget)}`,
  };
}

/** Charts of the live scenario (block 0): revenue and gross profit from the Deal sheet, capacity against the target from the Capacity sheet. */
function liveCharts(sheet: SheetBuilder, names: SheetNames, deal: DealLayout, capacity: CapacityLayout, lastCol: number): void {
  const years = `${cell(ROW.timeline, COL.firstPeriod)}:${cell(ROW.timeline, deal.lastCol)}`;
  const chartTop = SUMMARY.firstRow + SUMMARY_METRICS.length + 2;
  /** A chart of rows of the live block on another sheet (its first row given) over the years. */
  const liveChart = (c: { id: string; type: ChartPlan["type"]; title: string; sheetName: string; blockRow: number; series: [name: string, offset: number][]; cols: [number, number] }) =>
    sheet.chart({
      id: c.id,
      type: c.type,
      title: c.title,
      categories: { name: "Year", sheet: c.sheetName, range: years },
      series: c.series.map(([name, offset]) => ({ name, sheet: c.sheetName, range: `${cell(c.blockRow + offset, COL.firstPeriod)}:${cell(c.blockRow + offset, deal.lastCol)}` })),
      anchor: { from: cell(chartTop, c.cols[0]), to: cell(chartTop + 18, c.cols[1]) },
    });
  liveChart({
    id: "summary.revenue",
    type: "ColumnClustered",
    title: "Revenue and gross profit by year, live scenario (USD)",
    sheetName: names.deal,
    blockRow: deal.blockRows[0],
    series: [
      ["Revenue (licence fee)", DEAL_ROWS.revenue],
      ["Gross profit", DEAL_ROWS.grossProfit],
    ],
    cols: [1, 2],
  });
  liveChart({
    id: "summary.capacity",
    type: "Line",
    title: "HPC capacity contracted and energised vs target, live scenario (MW)",
    sheetName: names.capacity,
    blockRow: capacity.blockRows[0],
    series: [
      ["HPC MW contracted", CAPACITY_ROWS.contracted],
      ["HPC MW energised", CAPACITY_ROWS.hpc],
      ["Target", CAPACITY_ROWS.targetRow],
    ],
    cols: [3, Math.max(lastCol, 7)],
  });
}
