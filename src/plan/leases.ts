/**
 * The Leases sheet: the deal library of host-to-HPC leases as an Excel table. One row per deal
 * with its figures in blue (type over them: the critical-IT MW, value, term and whether it is
 * comparable), blank user rows for the analyst's own deals, $ per MW and per MW-year as native
 * formulas, statistics over the comparable deals above the table (nothing of the add-in's lies
 * below it: rows typed under the table are the user's, taken into it at the next refresh only
 * when nothing of theirs is lost, see src/excel/leaseRows.ts) and a chart of $/MW-year against
 * the firm term.
 */
import { parseIso, toExcelSerial } from "../model/dates";
import { LEASES, Lease } from "../model/leases/data";
import { criticalItMw } from "../model/leases/normalise";
import { PublicSource } from "../model/record/source";
import { absCell, cell, columnLetter } from "./a1";
import { FORMATS, ROW, SheetNames, TEXT_FORMAT, consecutive } from "./layout";
import { SheetBuilder } from "./sheet";
import { CellContent, SheetPlan } from "./types";
import { InputRules, TEXT } from "./inputRules";

/** The reference deal: its $/MW-year and percentile are shown above the table. */
export const LEASE_SUBJECT = "corz-coreweave";
/**
 * Blank rows inside the table for the analyst's own deals, kept across refreshes by their keys;
 * rows typed under the table are taken in as further user rows at the next refresh (src/excel/leaseRows.ts).
 */
export const LEASE_USER_ROWS = 8;
export const leaseUserKey = (i: number): string => `user-${i + 1}`;

/** Columns of the table, in order: identity, the inputs a formula reads, formulas, then text. */
const COLUMNS = [
  ["id", "Deal"],
  ["host", "Host"],
  ["tenant", "Tenant"],
  ["kind", "Kind"],
  ["mw_stated", "MW as stated"],
  ["mw_basis", "MW basis"],
  ["announced", "Announced"],
  ["critical_it_mw", "Critical-IT MW"],
  ["value_usd", "Contract value (USD, firm term)"],
  ["term_years", "Firm term (years)"],
  ["comparable", "Comparable"],
  ["usd_per_mw", "$ per MW"],
  ["usd_per_mw_year", "$ per MW-year"],
  ["in_stats", "$ per MW-year in statistics"],
  ["chart", "$ per MW-year charted"],
  ["sources", "Sources (public documents)"],
  ["note", "Note"],
] as const;
export type LeaseColumn = (typeof COLUMNS)[number][0];
export const LEASE_COLS = consecutive(
  COLUMNS.map((c) => c[0]),
  1,
) as Record<LeaseColumn, number>;
/** What describes a deal: in a user row, typed like the figures. */
export const LABEL_COLS = ["id", "host", "tenant", "kind", "mw_stated", "mw_basis", "announced"] as const;
/** What the user types over in a library row; a formula reads each of them. */
export const LEASE_INPUT_COLS = ["critical_it_mw", "value_usd", "term_years", "comparable"] as const;

/** The rules of a Leases table row: its figures (each named by its column in a refusal), Comparable, and text. */
export const LEASE_ROW_RULES: InputRules = {
  all: TEXT,
  cols: {
    ...Object.fromEntries(["critical_it_mw", "value_usd", "term_years", "mw_stated"].map((c) => [c, { kind: "number", blank: true, name: c }])),
    comparable: { kind: "boolean", blank: true, name: "Comparable" },
  },
};
/** The formula columns of every row, in the order leaseRowFormulas gives them. */
export const LEASE_CALC_COLS = ["usd_per_mw", "usd_per_mw_year", "in_stats", "chart"] as const;
/** The text columns: sources and note (a block of their own in user rows). */
export const LEASE_TEXT_COLS = ["sources", "note"] as const;
/** The user rows' two input blocks on the sheet: their labels and figures, and their texts. */
const USER_BLOCKS = { figures: "user", texts: "user.sources" } as const;
/** The same blocks' ids in the plan (the sheet's key, then the block's). */
export const LEASE_USER_BLOCKS = { figures: `leases.${USER_BLOCKS.figures}`, texts: `leases.${USER_BLOCKS.texts}` } as const;

const STATS = ["count", "median", "mean", "min", "max", "subject", "percentile"] as const;

/** The notes above the statistics, one row each. */
const LEASE_NOTES = [
  "One row per public deal (Core Scientific's contracts with CoreWeave first). Blue cells are inputs: type over them, or add your own deals in the blank rows at the foot of the table or in the rows under it (a refresh takes those into the table); a refresh keeps what you typed.",
  "MW basis: critical IT. A deal whose page gives gross or unstated MW is n/a unless you type its critical-IT MW (a gross figure is converted only where a page gives the site's IT/gross split; no PUE is assumed).",
  "Value is the contract value over the firm term: renewal options are never in it. $ per MW-year = value / critical-IT MW / firm term, undiscounted, escalators not removed.",
  "Deals marked Comparable = FALSE (a GPU service contract, whose value pays for the chips too) are listed but left out of the statistics and the chart.",
] as const;

/** The sheet's rows with `userRows` user rows at the foot of the table, in their order on the sheet. */
export function leaseLayout(userRows: number = LEASE_USER_ROWS) {
  const rows = consecutive(
    [["notes", LEASE_NOTES.length], "statHeader", ["stats0", STATS.length], null, null, "header", ["first", LEASES.length], ["firstUser", userRows], "next"] as const,
    3,
  );
  const { notes, statHeader, header, first, firstUser } = rows;
  return { notes, statHeader, stats: consecutive(STATS, rows.stats0), header, first, lastDeal: firstUser - 1, firstUser, last: rows.next - 1 };
}
export const LEASE_ROWS = leaseLayout();

/**
 * Significant digits of the percentile (Excel truncates to 3 by default). PERCENTRANK is
 * PERCENTRANK.INC under its older name, which an .xlsx file stores without the _xlfn. prefix.
 */
const PERCENT_RANK_DIGITS = 12;

function sourceText(s: PublicSource): string {
  return `${s.title} (${s.publisher}, ${s.date}) <${s.url}>`;
}

/** The public documents behind a deal's MW, value and term, each once. */
export function leaseSources(l: Lease): string {
  const docs = [l.mw.source, l.contractValueUsd.source, l.termYears.source];
  return docs.filter((d, i) => docs.findIndex((e) => e.url === d.url) === i).map(sourceText).join("; ");
}

function leaseNote(l: Lease): string {
  const mw = criticalItMw(l);
  const parts = [
    "na" in mw ? `Critical-IT MW n/a: ${mw.na.replace(`${l.id}: `, "")}; type it in to normalise.` : "",
    l.mwBasis === "gross" && l.itShareOfGross && "value" in mw ? `Critical IT = ${l.mw.value} gross MW x ${l.itShareOfGross.itMw.value}/${l.itShareOfGross.grossMw.value} (the site's IT/gross split).` : "",
    l.valueBound === "lower-bound" ? "The value is a lower bound (the page says more than)." : "",
    l.comparable ? "" : `Not in the statistics: ${l.notComparableReason ?? "not comparable"}.`,
    l.note ?? "",
  ];
  return parts.filter((p) => p !== "").join(" ");
}

/** The formulas of one table row: $ per MW, $ per MW-year, the value the statistics use, the value charted. */
export function leaseRowFormulas(r: number): CellContent[] {
  const at = (k: LeaseColumn) => cell(r, LEASE_COLS[k]);
  const [mw, value, term, comparable] = LEASE_INPUT_COLS.map(at);
  const perMw = at("usd_per_mw");
  const perMwYear = at("usd_per_mw_year");
  return [
    `=IF(AND(ISNUMBER(${mw}),ISNUMBER(${value})),IF(${mw}>0,${value}/${mw},"n/a"),IF(AND(${mw}="",${value}=""),"","n/a"))`,
    `=IF(ISNUMBER(${perMw}),IF(AND(ISNUMBER(${term}),${term}>0),${perMw}/${term},"n/a"),${perMw})`,
    `=IF(AND(${comparable}=TRUE,ISNUMBER(${perMwYear})),${perMwYear},"")`,
    // #N/A leaves the point out of the chart (text would be drawn at zero).
    `=IF(ISNUMBER(${at("in_stats")}),${at("in_stats")},NA())`,
  ];
}

/** The Leases sheet with `userRows` (at least LEASE_USER_ROWS) user rows in the table. */
export function buildLeases(names: SheetNames, masterCheck: string, userRows: number = LEASE_USER_ROWS): SheetPlan {
  const sheet = new SheetBuilder("leases", names.leases, "#00B0F0");
  const rows = leaseLayout(Math.max(LEASE_USER_ROWS, userRows));
  sheet.block("title", ROW.title, 1, "title", [["CORZ — Leases: host-to-HPC lease deals, normalised to $ per critical-IT MW-year"]]);
  sheet.block("check", ROW.check, 1, "check", [[masterCheck]]);
  sheet.block("notes", rows.notes, 1, "note", LEASE_NOTES.map((note) => [note]));
  statRows(sheet, rows);
  tableRows(sheet, rows);
  tableFormats(sheet, rows);
  sheet.chart({
    id: "CORZ_LeasesChart",
    type: "XYScatter",
    title: "$ per critical-IT MW-year vs firm term (comparable deals)",
    categories: { name: "Firm term (years)", sheet: names.leases, range: `${cell(rows.first, LEASE_COLS.term_years)}:${cell(rows.last, LEASE_COLS.term_years)}` },
    series: [{ name: "$ per MW-year", sheet: names.leases, range: `${cell(rows.first, LEASE_COLS.chart)}:${cell(rows.last, LEASE_COLS.chart)}` }],
    anchor: { from: cell(rows.statHeader, 5), to: cell(rows.stats.percentile + 1, 11) },
  });
  const widths: Record<LeaseColumn, number> = {
    id: 30, host: 18, tenant: 16, kind: 16, mw_stated: 10, mw_basis: 11, announced: 11, critical_it_mw: 12, value_usd: 14, term_years: 10, comparable: 11,
    usd_per_mw: 12, usd_per_mw_year: 12, in_stats: 12, chart: 12, sources: 90, note: 90,
  };
  sheet.columnWidths(COLUMNS.map(([k]) => ({ column: columnLetter(LEASE_COLS[k]), width: widths[k] })));
  // The title row and the deal column: the table starts below the statistics, too far down to freeze above it.
  sheet.freeze(1, 1);
  return sheet.build();
}

type LeaseRows = ReturnType<typeof leaseLayout>;

/** The row of the reference deal in the table. */
function subjectRow(rows: LeaseRows): number {
  return rows.first + LEASES.findIndex((l) => l.id === LEASE_SUBJECT);
}

/** Statistics over the comparable deals (COUNT, MEDIAN... skip the blanks of the other rows). */
function statRows(sheet: SheetBuilder, rows: LeaseRows): void {
  const inStats = `${absCell(rows.first, LEASE_COLS.in_stats)}:${absCell(rows.last, LEASE_COLS.in_stats)}`;
  const subject = absCell(subjectRow(rows), LEASE_COLS.in_stats);
  /** A statistic over the deals in the statistics, blank when there are none. */
  const statOf = (fn: string) => `=IF(COUNT(${inStats})=0,"",${fn}(${inStats}))`;
  sheet.block("stats.header", rows.statHeader, 1, "header", [["Statistics over the comparable deals with a $ per MW-year", "unit", "value"]]);
  sheet.block("stats", rows.stats.count, 1, "calc", [
    ["Deals in the statistics", "count", `=COUNT(${inStats})`],
    ["Median $ per MW-year", "USD/MW-yr", statOf("MEDIAN")],
    ["Mean $ per MW-year", "USD/MW-yr", statOf("AVERAGE")],
    ["Lowest $ per MW-year", "USD/MW-yr", statOf("MIN")],
    ["Highest $ per MW-year", "USD/MW-yr", statOf("MAX")],
    ["Core Scientific - CoreWeave $ per MW-year", "USD/MW-yr", `=${subject}`],
    ["Core Scientific's percentile among them (PERCENTRANK, inclusive: 0 lowest, 1 highest)", "rank", `=IFERROR(PERCENTRANK(${inStats},${subject},${PERCENT_RANK_DIGITS}),"n/a")`],
  ]);
  sheet.format(cell(rows.stats.count, 3), { numberFormat: FORMATS.int });
  sheet.format(`${cell(rows.stats.median, 3)}:${cell(rows.stats.subject, 3)}`, { numberFormat: FORMATS.usdM2 });
  sheet.format(cell(rows.stats.percentile, 3), { numberFormat: FORMATS.pct });
}

/** The announcement date as an Excel date (it sorts and filters as one), like a date typed in a user row. */
function announcedCell(iso: string): CellContent {
  const d = parseIso(iso);
  return d.ok ? toExcelSerial(d.value) : iso;
}

/** The table: one row per deal (identity, inputs in blue, formulas, sources), then the blank user rows. */
function tableRows(sheet: SheetBuilder, rows: LeaseRows): void {
  const cols = LEASE_COLS;
  sheet.block("header", rows.header, 1, "header", [COLUMNS.map((c) => c[1])]);
  const deals = LEASES.map((_, i) => rows.first + i);
  const users = Array.from({ length: rows.last - rows.firstUser + 1 }, (_, i) => rows.firstUser + i);
  const labelCells = (l: Lease): CellContent[] => [l.id, l.host, l.tenant, l.kind, l.mw.value, l.mwBasis, announcedCell(l.announced)];
  sheet.block("deals", rows.first, 1, "label", LEASES.map(labelCells));
  sheet.block(
    "deals.inputs",
    rows.first,
    cols.critical_it_mw,
    "input",
    LEASES.map((l) => {
      const mw = criticalItMw(l);
      return ["value" in mw ? mw.value : null, l.contractValueUsd.value, l.termYears.value, l.comparable];
    }),
    { rows: LEASES.map((l) => l.id), cols: [...LEASE_INPUT_COLS], accept: LEASE_ROW_RULES },
  );
  const userKeys = users.map((_, i) => leaseUserKey(i));
  sheet.block(USER_BLOCKS.figures, rows.firstUser, 1, "input", users.map(() => [...LABEL_COLS.map(() => null), null, null, null, true]), {
    rows: userKeys,
    cols: [...LABEL_COLS, ...LEASE_INPUT_COLS],
    accept: LEASE_ROW_RULES,
  });
  sheet.block("calc", rows.first, cols.usd_per_mw, "calc", [...deals, ...users].map(leaseRowFormulas));
  const texts = sheet.block("sources", rows.first, cols.sources, "note", LEASES.map((l) => [leaseSources(l), leaseNote(l)]));
  const userTexts = sheet.block(USER_BLOCKS.texts, rows.firstUser, cols.sources, "input", users.map(() => [null, null]), { rows: userKeys, cols: [...LEASE_TEXT_COLS], accept: { all: TEXT } });
  for (const range of [texts, userTexts, `${cell(rows.first, cols.id)}:${cell(rows.last, cols.kind)}`, `${cell(rows.first, cols.mw_basis)}:${cell(rows.last, cols.mw_basis)}`]) {
    sheet.format(range, { numberFormat: TEXT_FORMAT });
  }
}

/** Number formats of the table's columns, the reference deal in bold, and the Excel table over it. */
function tableFormats(sheet: SheetBuilder, rows: LeaseRows): void {
  const column = (k: LeaseColumn) => `${cell(rows.first, LEASE_COLS[k])}:${cell(rows.last, LEASE_COLS[k])}`;
  sheet.format(column("mw_stated"), { numberFormat: FORMATS.mw });
  sheet.format(column("critical_it_mw"), { numberFormat: FORMATS.mw });
  sheet.format(column("announced"), { numberFormat: FORMATS.date });
  sheet.format(column("value_usd"), { numberFormat: FORMATS.usdM });
  sheet.format(column("term_years"), { numberFormat: "0.0" });
  for (const k of LEASE_CALC_COLS) sheet.format(column(k), { numberFormat: FORMATS.usdM2 });
  sheet.format(column("in_stats"), { fontColor: "#808080" });
  sheet.format(column("chart"), { fontColor: "#808080" });
  const subject = subjectRow(rows);
  sheet.format(`${cell(subject, LEASE_COLS.id)}:${cell(subject, LEASE_COLS.tenant)}`, { bold: true });
  sheet.table({ name: "CORZ_Leases", range: `${cell(rows.header, 1)}:${cell(rows.last, LEASE_COLS.note)}` });
}
