/**
 * The Customers sheet: the (illustrative) pipeline as an editable table, and by year the
 * CoreWeave contracts against the probability-weighted pipeline: CoreWeave's share of HPC
 * revenue, the top-3 share and the Herfindahl–Hirschman index, as native formulas.
 */
import { DEFAULT_PIPELINE_LABEL, PipelineRow } from "../model/customers/data";
import { absCell, cell, sheetRef } from "./a1";
import { DEAL_ROWS, DealLayout } from "./deal";
import { COL, FORMATS, ROW, SheetNames, TEXT_FORMAT, consecutive } from "./layout";
import { SheetBuilder, periodCells } from "./sheet";
import { CellContent, SheetPlan } from "./types";
import { TEXT } from "./inputRules";

export const PIPELINE_COLS = ["prospect", "category", "mw", "pricePerMwYear", "startYear", "termYears", "probability"] as const;
/** The pipeline table's columns: the inputs, then the basis of each row. */
const PIPELINE_COL = consecutive([...PIPELINE_COLS, "basis"] as const, 1);

/** Rows of the pipeline table: the label of the illustrative pipeline, its header, its first row. */
export const CUSTOMERS = consecutive(["label", null, "header", "first"] as const, 3);

/** Row offsets of the by-year block, from its timeline row, for `prospects` prospects in the pipeline. */
export function customerRows(prospects: number) {
  return consecutive(
    [
      "timeline",
      "coreWeave",
      ["weighted0", prospects], // per prospect: probability-weighted revenue
      "weightedTotal",
      ["signed0", prospects], // per prospect: revenue if signed
      "signedTotal",
      "expected",
      "share",
      "top3",
      "hhi",
      "shareAllWon",
    ] as const,
    0,
  );
}

export interface CustomersLayout {
  readonly sheet: SheetPlan;
  /** Row of the by-year block's timeline. */
  readonly timelineRow: number;
}

export function buildCustomers(names: SheetNames, deal: DealLayout, pipeline: readonly PipelineRow[], masterCheck: string): CustomersLayout {
  const sheet = new SheetBuilder("customers", names.customers, "#ED7D31");
  sheet.block("title", ROW.title, 1, "title", [["CORZ — Customers: the HPC pipeline and CoreWeave concentration"]]);
  sheet.block("check", ROW.check, 1, "check", [[masterCheck]]);
  const last = pipelineRows(sheet, pipeline);
  // By year, on the Deal sheet's timeline (same columns).
  const timelineRow = last + 3;
  sheet.timeline("timeline", timelineRow, deal.firstYear, deal.years, "Total");
  byYearRows(sheet, names, deal, pipeline, timelineRow);
  sheet.periodColumnWidths([58, 20, 11, 14], deal.years, 11);
  sheet.freeze(CUSTOMERS.header, 1);
  return { sheet: sheet.build(), timelineRow };
}

/** The pipeline as an editable table (blue) with the basis of each row. Returns its last row (the first when it is empty). */
function pipelineRows(sheet: SheetBuilder, pipeline: readonly PipelineRow[]): number {
  const first = CUSTOMERS.first;
  const last = first + Math.max(pipeline.length, 1) - 1;
  sheet.block("label", CUSTOMERS.label, 1, "note", [[DEFAULT_PIPELINE_LABEL]]);
  sheet.block("header", CUSTOMERS.header, 1, "header", [
    ["Prospect", "Category", "MW", "Price per MW-year (USD)", "Start year", "Term (years)", "Probability", "Basis"],
  ]);
  if (pipeline.length === 0) return last;
  const rowKeys = pipeline.map((_, i) => `row${i + 1}`);
  sheet.block(
    "pipeline",
    first,
    1,
    "input",
    pipeline.map((r) => [r.prospect, r.category, r.mw, r.pricePerMwYear, r.startYear, r.termYears, r.probability]),
    { rows: rowKeys, cols: [...PIPELINE_COLS], accept: { cols: { prospect: TEXT, category: TEXT } } },
  );
  const basis = sheet.block("basis", first, PIPELINE_COL.basis, "note", pipeline.map((r) => [r.basis]));
  sheet.format(basis, { numberFormat: TEXT_FORMAT });
  const formats: [col: number, numberFormat: string][] = [
    [PIPELINE_COL.mw, FORMATS.mw],
    [PIPELINE_COL.pricePerMwYear, FORMATS.usdM2],
    [PIPELINE_COL.startYear, "0.0"],
    [PIPELINE_COL.termYears, "0.0"],
    [PIPELINE_COL.probability, FORMATS.pct],
  ];
  for (const [col, numberFormat] of formats) sheet.format(`${cell(first, col)}:${cell(last, col)}`, { numberFormat });
  sheet.table({ name: "CORZ_Pipeline", range: `${cell(CUSTOMERS.header, 1)}:${cell(last, PIPELINE_COL.basis)}` });
  return last;
}

/** By year: CoreWeave's contracted revenue, each prospect's (weighted and if signed), and the concentration measures. */
function byYearRows(sheet: SheetBuilder, names: SheetNames, deal: DealLayout, pipeline: readonly PipelineRow[], top: number): void {
  const n = pipeline.length;
  const rows = customerRows(n);
  const at = (offset: number) => (c: number) => cell(top + offset, c);
  const yearCell = (c: number) => cell(top + rows.timeline, c, { row: true });
  const period = (label: string, unit: string, total: boolean, f: (c: number) => string, offset: number): CellContent[] =>
    periodCells(top + offset, deal.years, label, unit, total, f);
  const live = deal.blockRows[0];
  sheet.block("coreweave", top + rows.coreWeave, 1, "link", [
    period("CoreWeave (contracted licence revenue, live scenario)", "USD", true, (c) => `=${sheetRef(names.deal, cell(live + DEAL_ROWS.revenue, c))}`, rows.coreWeave),
  ]);
  const prospect = (i: number, col: keyof typeof PIPELINE_COL) => absCell(CUSTOMERS.first + i, PIPELINE_COL[col]);
  /** Prospect i's share of the year in column c inside its term. */
  const inTerm = (i: number, c: number) =>
    `MAX(0,MIN(${prospect(i, "startYear")}+${prospect(i, "termYears")},${yearCell(c)}+1)-MAX(${prospect(i, "startYear")},${yearCell(c)}))`;
  const ifSigned = (i: number, c: number) => `${prospect(i, "mw")}*${prospect(i, "pricePerMwYear")}*${inTerm(i, c)}`;
  const sumOfProspects = (first: number) => (c: number) => (n > 0 ? `=SUM(${at(first)(c)}:${at(first + n - 1)(c)})` : "=0");
  const [coreWeave, total, signedTotal] = [at(rows.coreWeave), at(rows.expected), at(rows.signedTotal)];
  const customers = (c: number) => `${coreWeave(c)}:${at(rows.coreWeave + n)(c)}`; // CoreWeave and each weighted prospect: contiguous
  sheet.block("by-year", top + rows.weighted0, 1, "calc", [
    ...pipeline.map((r, i) => period(`${r.prospect}: probability-weighted`, "USD", true, (c) => `=${ifSigned(i, c)}*${prospect(i, "probability")}`, rows.weighted0 + i)),
    period("Pipeline, probability-weighted", "USD", true, sumOfProspects(rows.weighted0), rows.weightedTotal),
    ...pipeline.map((r, i) => period(`${r.prospect}: if signed`, "USD", true, (c) => `=${ifSigned(i, c)}`, rows.signed0 + i)),
    period("Pipeline if every prospect signs", "USD", true, sumOfProspects(rows.signed0), rows.signedTotal),
    period("Expected HPC revenue (contracted + weighted pipeline)", "USD", true, (c) => `=${coreWeave(c)}+${at(rows.weightedTotal)(c)}`, rows.expected),
    period("CoreWeave's share of HPC revenue", "rate", false, (c) => `=IF(${total(c)}>0,${coreWeave(c)}/${total(c)},"")`, rows.share),
    period(
      "Top-3 customers' share",
      "rate",
      false,
      (c) => {
        const large = [1, 2, 3].filter((k) => k <= n + 1).map((k) => `LARGE(${customers(c)},${k})`).join("+");
        return `=IF(${total(c)}>0,(${large})/${total(c)},"")`;
      },
      rows.top3,
    ),
    period("Herfindahl–Hirschman index (0 to 1; x 10,000 for points)", "index", false, (c) => `=IF(${total(c)}>0,SUMPRODUCT((${customers(c)}/${total(c)})^2),"")`, rows.hhi),
    period(
      "CoreWeave's share if every prospect signs",
      "rate",
      false,
      (c) => `=IF(${coreWeave(c)}+${signedTotal(c)}>0,${coreWeave(c)}/(${coreWeave(c)}+${signedTotal(c)}),"")`,
      rows.shareAllWon,
    ),
  ]);
  concentrationFormats(sheet, deal.lastCol, top, rows);
}

/** Number formats of the by-year rows, the concentration measures in bold, and their chart. */
function concentrationFormats(sheet: SheetBuilder, lastCol: number, top: number, rows: ReturnType<typeof customerRows>): void {
  const across = (from: number, to: number, col: number = COL.firstPeriod) => `${cell(top + from, col)}:${cell(top + to, lastCol)}`;
  sheet.format(across(rows.coreWeave, rows.expected, COL.total), { numberFormat: FORMATS.usdM });
  sheet.format(across(rows.share, rows.top3), { numberFormat: FORMATS.pct });
  sheet.format(across(rows.hhi, rows.hhi), { numberFormat: "0.000" });
  sheet.format(across(rows.shareAllWon, rows.shareAllWon), { numberFormat: FORMATS.pct });
  sheet.format(across(rows.share, rows.hhi, 1), { bold: true });
  sheet.periodChart({
    id: "customers.concentration",
    type: "Line",
    title: "CoreWeave's share and the top-3 share of HPC revenue (live scenario)",
    timelineRow: top,
    lastCol,
    series: [
      { name: "CoreWeave's share", row: top + rows.share },
      { name: "Top-3 share", row: top + rows.top3 },
    ],
    belowRow: top + rows.shareAllWon,
  });
}
