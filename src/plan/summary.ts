/** The Summary sheet: the key figures of every scenario side by side, and two charts. */
import { absCell, cell, columnLetter, sheetRef } from "./a1";
import { CAPACITY_ROWS, CapacityLayout } from "./capacity";
import { DEAL_ROWS, DealLayout } from "./deal";
import { VALUATION_BLOCK } from "./valuation";
import { COL, FORMATS, ROW, SheetNames } from "./layout";
import { SheetBuilder } from "./sheet";
import { CellContent, SheetPlan } from "./types";

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

export const SUMMARY = { headerRow: 4, firstRow: 5, firstCol: 3 } as const;

export function buildSummary(
  names: SheetNames,
  labels: readonly string[],
  deal: DealLayout,
  capacity: CapacityLayout,
  valuationBlocks: readonly number[],
  masterCheck: string,
): SheetPlan {
  const b = new SheetBuilder("summary", names.summary, "#7030A0");
  const D = (r: number, c: number) => sheetRef(names.deal, absCell(r, c));
  const K = (r: number, c: number) => sheetRef(names.capacity, absCell(r, c));
  b.block("title", ROW.title, 1, "title", [["CORZ — Summary: key figures by scenario"]]);
  b.block("check", ROW.check, 1, "check", [[masterCheck]]);
  b.block("header", SUMMARY.headerRow, 1, "header", [["Figure", "Unit", ...labels]]);
  const rows: CellContent[][] = SUMMARY_METRICS.map(() => []);
  b.block("labels", SUMMARY.firstRow, 1, "label", SUMMARY_METRICS.map((m) => [m.label, m.unit]));
  deal.blockRows.forEach((d0, j) => {
    const c0 = capacity.blockRows[j];
    const f: Record<(typeof SUMMARY_METRICS)[number]["id"], string> = {
      tcv: `=${D(d0 + DEAL_ROWS.initialValue, COL.constant)}`,
      tcvInclOptions: `=${D(d0 + DEAL_ROWS.tcv, COL.constant)}`,
      average: `=IF(${D(d0 + DEAL_ROWS.yearsBilled, COL.constant)}>0,${D(d0 + DEAL_ROWS.tcv, COL.constant)}/${D(d0 + DEAL_ROWS.yearsBilled, COL.constant)},0)`,
      price: `=${D(d0 + DEAL_ROWS.avgPrice, COL.constant)}`,
      licenceMargin: `=${D(d0 + DEAL_ROWS.margin, COL.constant)}`,
      reportedMargin: `=IF(${D(d0 + DEAL_ROWS.reportedRevenue, COL.total)}>0,${D(d0 + DEAL_ROWS.grossProfit, COL.total)}/${D(d0 + DEAL_ROWS.reportedRevenue, COL.total)},0)`,
      npv: `=${D(d0 + DEAL_ROWS.npv, COL.constant)}`,
      value: `=${sheetRef(names.valuation, absCell(valuationBlocks[j] + VALUATION_BLOCK.value, COL.constant))}`,
      rate: `=${D(d0 + DEAL_ROWS.rate, COL.constant)}`,
      mw: `=${D(d0 + DEAL_ROWS.contractedMw, COL.constant)}`,
      target: `=${K(c0 + CAPACITY_ROWS.target, COL.constant)}`,
      contractedAtTarget: `=${K(c0 + CAPACITY_ROWS.contractedAtTarget, COL.constant)}`,
      contractedShort: `=${K(c0 + CAPACITY_ROWS.contractedShort, COL.constant)}`,
      hpcAtTarget: `=${K(c0 + CAPACITY_ROWS.atTarget, COL.constant)}`,
      energisedShort: `=${K(c0 + CAPACITY_ROWS.energisedShort, COL.constant)}`,
      meets: `=${K(c0 + CAPACITY_ROWS.meets, COL.constant)}`,
      pipeline: `=${K(c0 + CAPACITY_ROWS.pipelineAtTarget, COL.constant)}`,
    };
    SUMMARY_METRICS.forEach((m, i) => rows[i].push(f[m.id]));
  });
  const lastCol = SUMMARY.firstCol + labels.length - 1;
  b.block("figures", SUMMARY.firstRow, SUMMARY.firstCol, "link", rows);
  SUMMARY_METRICS.forEach((m, i) => {
    const r = SUMMARY.firstRow + i;
    b.format(`${cell(r, SUMMARY.firstCol)}:${cell(r, lastCol)}`, { numberFormat: m.format });
  });

  // Charts of the live scenario (block 0).
  const years = `${cell(ROW.timeline, COL.firstPeriod)}:${cell(ROW.timeline, deal.lastCol)}`;
  const dealRow = (off: number) => `${cell(deal.blockRows[0] + off, COL.firstPeriod)}:${cell(deal.blockRows[0] + off, deal.lastCol)}`;
  const capRow = (off: number) => `${cell(capacity.blockRows[0] + off, COL.firstPeriod)}:${cell(capacity.blockRows[0] + off, deal.lastCol)}`;
  const chartTop = SUMMARY.firstRow + SUMMARY_METRICS.length + 2;
  b.chart({
    id: "summary.revenue",
    type: "ColumnClustered",
    title: "Revenue and gross profit by year, live scenario (USD)",
    categories: { name: "Year", sheet: names.deal, range: years },
    series: [
      { name: "Revenue (licence fee)", sheet: names.deal, range: dealRow(DEAL_ROWS.revenue) },
      { name: "Gross profit", sheet: names.deal, range: dealRow(DEAL_ROWS.grossProfit) },
    ],
    anchor: { from: cell(chartTop, 1), to: cell(chartTop + 18, 2) },
  });
  b.chart({
    id: "summary.capacity",
    type: "Line",
    title: "HPC capacity contracted and energised vs target, live scenario (MW)",
    categories: { name: "Year", sheet: names.capacity, range: years },
    series: [
      { name: "HPC MW contracted", sheet: names.capacity, range: capRow(CAPACITY_ROWS.contracted) },
      { name: "HPC MW energised", sheet: names.capacity, range: capRow(CAPACITY_ROWS.hpc) },
      { name: "Target", sheet: names.capacity, range: capRow(CAPACITY_ROWS.targetRow) },
    ],
    anchor: { from: cell(chartTop, 3), to: cell(chartTop + 18, Math.max(lastCol, 7)) },
  });
  b.columnWidths([
    { column: "A", width: 44 },
    { column: "B", width: 11 },
    ...labels.map((_, i) => ({ column: columnLetter(SUMMARY.firstCol + i), width: 16 })),
  ]);
  b.freeze(SUMMARY.headerRow, 2);
  return b.build();
}
