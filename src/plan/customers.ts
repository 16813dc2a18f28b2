/**
 * The Customers sheet: the (illustrative) pipeline as an editable table, and by year the
 * CoreWeave contracts against the probability-weighted pipeline: CoreWeave's share of HPC
 * revenue, the top-3 share and the Herfindahl–Hirschman index, as native formulas.
 */
import { DEFAULT_PIPELINE_LABEL, PipelineRow } from "../model/customers/data";
import { absCell, cell, columnLetter, sheetRef } from "./a1";
import { DEAL_ROWS, DealLayout } from "./deal";
import { COL, FORMATS, ROW, SheetNames, TEXT_FORMAT } from "./layout";
import { SheetBuilder, periodCells } from "./sheet";
import { CellContent, SheetPlan } from "./types";
import { TEXT } from "./inputRules";

export const PIPELINE_COLS = ["prospect", "category", "mw", "pricePerMwYear", "startYear", "termYears", "probability"] as const;

export const CUSTOMERS = { label: 3, header: 5, first: 6 } as const;

/** Row offsets of the by-year block, from its timeline row. */
export function customerRows(n: number) {
  const weighted0 = 2;
  const signed0 = weighted0 + n + 1;
  return {
    timeline: 0,
    coreWeave: 1,
    weighted0,
    weightedTotal: weighted0 + n,
    signed0,
    signedTotal: signed0 + n,
    expected: signed0 + n + 1,
    share: signed0 + n + 2,
    top3: signed0 + n + 3,
    hhi: signed0 + n + 4,
    shareAllWon: signed0 + n + 5,
  };
}

export interface CustomersLayout {
  readonly sheet: SheetPlan;
  /** Row of the by-year block's timeline. */
  readonly timelineRow: number;
}

export function buildCustomers(names: SheetNames, deal: DealLayout, pipeline: readonly PipelineRow[], masterCheck: string): CustomersLayout {
  const b = new SheetBuilder("customers", names.customers, "#ED7D31");
  const n = pipeline.length;
  const last = CUSTOMERS.first + Math.max(n, 1) - 1;
  b.block("title", ROW.title, 1, "title", [["CORZ — Customers: the HPC pipeline and CoreWeave concentration"]]);
  b.block("check", ROW.check, 1, "check", [[masterCheck]]);
  b.block("label", CUSTOMERS.label, 1, "note", [[DEFAULT_PIPELINE_LABEL]]);
  b.block("header", CUSTOMERS.header, 1, "header", [
    ["Prospect", "Category", "MW", "Price per MW-year (USD)", "Start year", "Term (years)", "Probability", "Basis"],
  ]);
  const rowKeys = pipeline.map((_, i) => `row${i + 1}`);
  if (n > 0) {
    b.block(
      "pipeline",
      CUSTOMERS.first,
      1,
      "input",
      pipeline.map((r) => [r.prospect, r.category, r.mw, r.pricePerMwYear, r.startYear, r.termYears, r.probability]),
      { rows: rowKeys, cols: [...PIPELINE_COLS], accept: { cols: { prospect: TEXT, category: TEXT } } },
    );
    const basis = b.block("basis", CUSTOMERS.first, 8, "note", pipeline.map((r) => [r.basis]));
    b.format(basis, { numberFormat: TEXT_FORMAT });
    b.format(`${cell(CUSTOMERS.first, 3)}:${cell(last, 3)}`, { numberFormat: FORMATS.mw });
    b.format(`${cell(CUSTOMERS.first, 4)}:${cell(last, 4)}`, { numberFormat: FORMATS.usdM2 });
    b.format(`${cell(CUSTOMERS.first, 5)}:${cell(last, 5)}`, { numberFormat: "0.0" });
    b.format(`${cell(CUSTOMERS.first, 6)}:${cell(last, 6)}`, { numberFormat: "0.0" });
    b.format(`${cell(CUSTOMERS.first, 7)}:${cell(last, 7)}`, { numberFormat: FORMATS.pct });
    b.table({ name: "CORZ_Pipeline", range: `${cell(CUSTOMERS.header, 1)}:${cell(last, 8)}` });
  }

  // By year, on the Deal sheet's timeline (same columns).
  const t0 = last + 3;
  const R = customerRows(n);
  const at = (off: number, c: number) => cell(t0 + off, c);
  const lastCol = deal.lastCol;
  const Y = (c: number) => cell(t0 + R.timeline, c, { row: true });
  b.timeline("timeline", t0, deal.firstYear, deal.years, "Total");
  const period = (label: string, unit: string, total: boolean, f: (c: number) => string, off: number): CellContent[] =>
    periodCells(t0 + off, deal.years, label, unit, total, f);
  const live = deal.blockRows[0];
  b.block("coreweave", t0 + R.coreWeave, 1, "link", [
    period("CoreWeave (contracted licence revenue, live scenario)", "USD", true, (c) => `=${sheetRef(names.deal, cell(live + DEAL_ROWS.revenue, c))}`, R.coreWeave),
  ]);
  const p = (i: number, k: number) => absCell(CUSTOMERS.first + i, k);
  const inTerm = (i: number, c: number) => `MAX(0,MIN(${p(i, 5)}+${p(i, 6)},${Y(c)}+1)-MAX(${p(i, 5)},${Y(c)}))`;
  const rows: CellContent[][] = [];
  pipeline.forEach((r, i) => rows.push(period(`${r.prospect}: probability-weighted`, "USD", true, (c) => `=${p(i, 3)}*${p(i, 4)}*${inTerm(i, c)}*${p(i, 7)}`, R.weighted0 + i)));
  rows.push(period("Pipeline, probability-weighted", "USD", true, (c) => (n > 0 ? `=SUM(${at(R.weighted0, c)}:${at(R.weighted0 + n - 1, c)})` : "=0"), R.weightedTotal));
  pipeline.forEach((r, i) => rows.push(period(`${r.prospect}: if signed`, "USD", true, (c) => `=${p(i, 3)}*${p(i, 4)}*${inTerm(i, c)}`, R.signed0 + i)));
  rows.push(period("Pipeline if every prospect signs", "USD", true, (c) => (n > 0 ? `=SUM(${at(R.signed0, c)}:${at(R.signed0 + n - 1, c)})` : "=0"), R.signedTotal));
  rows.push(period("Expected HPC revenue (contracted + weighted pipeline)", "USD", true, (c) => `=${at(R.coreWeave, c)}+${at(R.weightedTotal, c)}`, R.expected));
  const customers = (c: number) => `${at(R.coreWeave, c)}:${at(R.coreWeave + n, c)}`; // CoreWeave and each weighted prospect: contiguous
  const total = (c: number) => at(R.expected, c);
  rows.push(period("CoreWeave's share of HPC revenue", "rate", false, (c) => `=IF(${total(c)}>0,${at(R.coreWeave, c)}/${total(c)},"")`, R.share));
  rows.push(
    period("Top-3 customers' share", "rate", false, (c) => {
      const large = [1, 2, 3].filter((k) => k <= n + 1).map((k) => `LARGE(${customers(c)},${k})`).join("+");
      return `=IF(${total(c)}>0,(${large})/${total(c)},"")`;
    }, R.top3),
  );
  rows.push(period("Herfindahl–Hirschman index (0 to 1; x 10,000 for points)", "index", false, (c) => `=IF(${total(c)}>0,SUMPRODUCT((${customers(c)}/${total(c)})^2),"")`, R.hhi));
  rows.push(
    period("CoreWeave's share if every prospect signs", "rate", false, (c) => `=IF(${at(R.coreWeave, c)}+${at(R.signedTotal, c)}>0,${at(R.coreWeave, c)}/(${at(R.coreWeave, c)}+${at(R.signedTotal, c)}),"")`, R.shareAllWon),
  );
  b.block("by-year", t0 + R.weighted0, 1, "calc", rows);
  b.format(`${cell(t0 + R.coreWeave, COL.total)}:${cell(t0 + R.expected, lastCol)}`, { numberFormat: FORMATS.usdM });
  b.format(`${cell(t0 + R.share, COL.firstPeriod)}:${cell(t0 + R.top3, lastCol)}`, { numberFormat: FORMATS.pct });
  b.format(`${cell(t0 + R.hhi, COL.firstPeriod)}:${cell(t0 + R.hhi, lastCol)}`, { numberFormat: "0.000" });
  b.format(`${cell(t0 + R.shareAllWon, COL.firstPeriod)}:${cell(t0 + R.shareAllWon, lastCol)}`, { numberFormat: FORMATS.pct });
  b.format(`${cell(t0 + R.share, 1)}:${cell(t0 + R.hhi, lastCol)}`, { bold: true });
  const years = `${cell(t0, COL.firstPeriod)}:${cell(t0, lastCol)}`;
  b.chart({
    id: "customers.concentration",
    type: "Line",
    title: "CoreWeave's share and the top-3 share of HPC revenue (live scenario)",
    categories: { name: "Year", sheet: names.customers, range: years },
    series: [
      { name: "CoreWeave's share", sheet: names.customers, range: `${cell(t0 + R.share, COL.firstPeriod)}:${cell(t0 + R.share, lastCol)}` },
      { name: "Top-3 share", sheet: names.customers, range: `${cell(t0 + R.top3, COL.firstPeriod)}:${cell(t0 + R.top3, lastCol)}` },
    ],
    anchor: { from: cell(t0 + R.shareAllWon + 3, 1), to: cell(t0 + R.shareAllWon + 22, 4) },
  });
  b.columnWidths([
    { column: "A", width: 58 },
    { column: "B", width: 20 },
    { column: "C", width: 11 },
    { column: "D", width: 14 },
    ...Array.from({ length: deal.years }, (_, i) => ({ column: columnLetter(COL.firstPeriod + i), width: 11 })),
  ]);
  b.freeze(CUSTOMERS.header, 1);
  return { sheet: b.build(), timelineRow: t0 };
}
