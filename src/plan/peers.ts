/**
 * The Peers sheet: a comps table in the style of Capital IQ's Comparables template. Peers
 * in rows with their sourced figures (blue: type current values over them), multiples as
 * formulas, group statistics (MEDIAN/AVERAGE/MAX/MIN skip blanks) over the peers included,
 * and the implied value of Core Scientific's HPC hosting business linked to the Deal sheet.
 */
import { GROUP_LABELS, INPUT_METRICS, MATCHED_PERIOD, METRICS, MetricKey, PEERS, PEER_GROUPS, SUBJECT_ID } from "../model/peers/data";
import { GroupChoice, MIN_PEERS, MULTIPLES, PeerOverrides, RATIO_OF, STAT_LABELS, Stat } from "../model/peers/comps";
import { AIRTRUNK_SALE_2024_09, DATACENTRES_INVESTMENT_GUIDE, cite } from "../model/sources";
import { absCell, cell, columnLetter, sheetRef } from "./a1";
import { DEAL_ROWS, DealLayout } from "./deal";
import { COL, FORMATS, ROW, SheetNames, TEXT_FORMAT, consecutive } from "./layout";
import { SheetBuilder } from "./sheet";
import { CellContent, Format, SheetPlan } from "./types";
import { NUMBER_OR_BLANK, TEXT } from "./inputRules";

export interface PeersOptions {
  readonly group: GroupChoice;
  readonly stat: Exclude<Stat, "count">;
  readonly multiple: "ev_revenue" | "ev_ebitda" | "ev_per_mw" | "ev_per_contracted_mw";
  /** Peer ids left out of the statistics. */
  readonly exclude: readonly string[];
  /** The user's figures over the defaults. */
  readonly overrides: PeerOverrides;
  /** Year of the deal's revenue or gross profit the multiple applies to. */
  readonly year: number;
  readonly shares?: number;
}

/**
 * By default the implied value is the HPC hosts' median EV per contracted MW times Core
 * Scientific's contracted MW: the hosts are the companies that do what Core Scientific does
 * (lease powered shells to GPU clouds), and contracted MW is the one measure every host
 * reports, while their revenue is mostly bitcoin mining and EBITDA is not comparable.
 */
export const DEFAULT_PEERS_OPTIONS: PeersOptions = { group: "hpc-host", stat: "median", multiple: "ev_per_contracted_mw", exclude: [], overrides: {}, year: 2027 };

const VALUATION = MULTIPLES.filter((m) => m.valuation);
const STAT_ROWS: readonly { stat: Exclude<Stat, "count">; label: string; fn: string }[] = [
  { stat: "median", label: STAT_LABELS.median, fn: "MEDIAN" },
  { stat: "mean", label: STAT_LABELS.mean, fn: "AVERAGE" },
  { stat: "high", label: STAT_LABELS.high, fn: "MAX" },
  { stat: "low", label: STAT_LABELS.low, fn: "MIN" },
];

/** Column layout of the comps table, in its order on the sheet. */
export const PEERS_COLS = (() => {
  const cols = consecutive(
    [
      "peer",
      "group",
      "segmentOf",
      "include",
      // The typed inputs, then EV (a formula over three of them): METRICS lists ev last for that.
      ["metric0", INPUT_METRICS.length],
      "ev",
      "published",
      "publishedBy",
      ["multiple0", MULTIPLES.length],
      ["used0", MULTIPLES.length],
      "names",
      "sources",
    ] as const,
    1,
  );
  return { ...cols, last: cols.sources };
})();

/** Rows of the sheet, in their order: the group selector and notice, the comps table, the statistics, the implied value. */
export const PEERS_ROWS = (() => {
  const rows = consecutive(
    ["groupSelector", "notice", null, "header", ["first", PEERS.length], null, "statHeader", ["stat0", STAT_ROWS.length], "count", null, "valuation"] as const,
    3,
  );
  return { ...rows, last: rows.first + PEERS.length - 1 };
})();

/** Rows of the valuation block, from PEERS_ROWS.valuation, and the references a blank row below it. */
export const VALUATION_ROWS = consecutive(
  ["header", "multiple", "stat", "year", "shares", "chosen", "base", "value", "perShare", "used", "minimum", "basis", null, "references"] as const,
  0,
);

/** The column of the choices (the peer group, the multiple, the statistic...) and of the implied value's figures. */
const CHOICE_COL = 3;
/** The first column of the list of peer groups the group selector offers. */
const GROUP_LIST_COL = 5;
/** The chosen peer group. */
const GROUP_CELL = absCell(PEERS_ROWS.groupSelector, CHOICE_COL);
/** The chosen multiple (its label). */
const MULTIPLE_CELL = absCell(PEERS_ROWS.valuation + VALUATION_ROWS.multiple, CHOICE_COL);
/** The labels of the multiples a value can rest on, in the statistics header. */
const MULTIPLE_HEADERS = `${absCell(PEERS_ROWS.statHeader, PEERS_COLS.multiple0)}:${absCell(PEERS_ROWS.statHeader, PEERS_COLS.multiple0 + VALUATION.length - 1)}`;

function figureNote(id: string): string {
  const peer = PEERS.find((x) => x.id === id)!;
  const parts = METRICS.filter((m) => peer.figures[m.key]).map((m) => {
    const figure = peer.figures[m.key]!;
    return `${m.label}: ${figure.period}, as of ${figure.asOf}, ${figure.source}${figure.note ? ` (${figure.note})` : ""}`;
  });
  for (const [multiple, pub] of Object.entries(peer.published ?? {})) {
    parts.push(`Published ${multiple}: ${pub!.value}x by ${pub!.publisher}, ${pub!.source}${pub!.note ? ` (${pub!.note})` : ""}`);
  }
  for (const note of peer.notes ?? []) parts.push(note);
  return parts.join("; ") || "No figures disclosed.";
}

export function buildPeers(names: SheetNames, deal: DealLayout, opts: PeersOptions, masterCheck: string): SheetPlan {
  const sheet = new SheetBuilder("peers", names.peers, "#00B0F0");
  sheet.block("title", ROW.title, 1, "title", [["CORZ — Peers: comparables for CoreWeave and Core Scientific's HPC hosting business"]]);
  sheet.block("check", ROW.check, 1, "check", [[masterCheck]]);
  groupRows(sheet, opts);
  peerRows(sheet, opts);
  peerFormats(sheet);
  statRows(sheet);
  impliedValueRows(sheet, names, deal, opts);
  referenceRows(sheet);
  const cols = PEERS_COLS;
  sheet.columnWidths([
    { column: "A", width: 28 },
    { column: "B", width: 16 },
    { column: "C", width: 22 },
    { column: "D", width: 8 },
    ...Array.from({ length: cols.sources - cols.metric0 }, (_, i) => ({ column: columnLetter(cols.metric0 + i), width: 13 })),
    { column: columnLetter(cols.sources), width: 90 },
  ]);
  sheet.freeze(PEERS_ROWS.header, 1);
  return sheet.build();
}

/** The peer-group selector (a list of the groups beside it) and the notice under it. */
function groupRows(sheet: SheetBuilder, opts: PeersOptions): void {
  const row = PEERS_ROWS.groupSelector;
  sheet.block("group.label", row, 1, "label", [["Peer group in the statistics", "group"]]);
  const groupSel = sheet.block("group", row, CHOICE_COL, "input", [[opts.group]], { rows: ["group"], cols: ["value"], accept: { all: TEXT, choice: true } });
  sheet.block("groups.list", row, GROUP_LIST_COL, "note", [["all", ...PEER_GROUPS]]);
  sheet.validation(groupSel, `=${absCell(row, GROUP_LIST_COL)}:${absCell(row, GROUP_LIST_COL + PEER_GROUPS.length)}`);
  sheet.block("notice", PEERS_ROWS.notice, 1, "note", [
    [
      "Market values move daily: the defaults are dated (see Sources); type current figures over the blue cells and everything follows. Blank means no source gives the figure. " +
        `Enterprise value is a formula: market value + debt - cash. HPC hosts' revenue is for one matched period, the ${MATCHED_PERIOD.label} (each figure's period says which quarter). ` +
        "A published multiple (third party, publisher and date beside it) stands in only where we have no EV.",
    ],
  ]);
}

/** The column of a metric in the comps table. */
function metricCol(key: MetricKey): number {
  return PEERS_COLS.metric0 + METRICS.findIndex((x) => x.key === key);
}

/** A ratio of two cells, blank unless both are numbers and the denominator is positive. */
function ratioFormula(numerator: string, denominator: string): string {
  return `IF(AND(ISNUMBER(${numerator}),ISNUMBER(${denominator})),IF(${denominator}>0,${numerator}/${denominator},""),"")`;
}

/** A peer's multiples: each a ratio of two of its figures; EV/Revenue falls back to the published multiple beside it only where the row has no EV. */
function multipleCells(row: number): CellContent[] {
  const metricCell = (key: MetricKey) => cell(row, metricCol(key), { col: true });
  const published = cell(row, PEERS_COLS.published, { col: true });
  const ev = metricCell("ev");
  return MULTIPLES.map((multiple) => {
    const [num, den] = RATIO_OF[multiple.key].map(metricCell);
    if (multiple.key === "ev_revenue") return `=IF(AND(ISNUMBER(${num}),ISNUMBER(${den})),IF(${den}>0,${num}/${den},""),IF(AND(NOT(ISNUMBER(${ev})),ISNUMBER(${published})),${published},""))`;
    return `=${ratioFormula(num, den)}`;
  });
}

/** A peer's multiples as the statistics use them: blank when the peer is left out, outside the group, or the subject itself. */
function usedCells(row: number, isSubject: boolean): CellContent[] {
  const inGroup = `OR(${GROUP_CELL}="all",${cell(row, PEERS_COLS.group, { col: true })}=${GROUP_CELL})`;
  return MULTIPLES.map((_, k) => {
    const multiple = cell(row, PEERS_COLS.multiple0 + k);
    return isSubject ? '=""' : `=IF(AND(${cell(row, PEERS_COLS.include, { col: true })}=TRUE,${inGroup},ISNUMBER(${multiple})),${multiple},"")`;
  });
}

/** The peers in the implied value, listed as a running join down the column (no TEXTJOIN). */
function runningNameCell(row: number, i: number): CellContent {
  const cols = PEERS_COLS;
  const inImplied = `ISNUMBER(INDEX(${cell(row, cols.used0)}:${cell(row, cols.used0 + VALUATION.length - 1)},1,MATCH(${MULTIPLE_CELL},${MULTIPLE_HEADERS},0)))`;
  const name = cell(row, cols.peer);
  const above = cell(row - 1, cols.names);
  return i === 0 ? `=IF(${inImplied},${name},"")` : `=${above}&IF(${inImplied},IF(${above}="","",", ")&${name},"")`;
}

/** The comps table: its header, then one row per peer with its figures (blue), EV and multiples (formulas), and sources. */
function peerRows(sheet: SheetBuilder, opts: PeersOptions): void {
  const cols = PEERS_COLS;
  const first = PEERS_ROWS.first;
  sheet.block("header", PEERS_ROWS.header, 1, "header", [
    [
      "Peer",
      "Group",
      "Segment of",
      "Include",
      ...METRICS.map((m) => `${m.label} (${m.unit})`),
      "Published EV / Revenue",
      "Published by, on",
      ...MULTIPLES.map((m) => m.label),
      ...MULTIPLES.map((m) => `In statistics: ${m.label}`),
      "In the implied value (running list)",
      "Sources and as-of dates",
    ],
  ]);
  const excluded = new Set(opts.exclude);
  const rowOf = (i: number) => first + i;
  const evCell = (row: number) => {
    const [mc, debt, cash] = (["market_cap", "debt", "cash"] as const).map((key) => cell(row, metricCol(key), { col: true }));
    return `=IF(AND(ISNUMBER(${mc}),ISNUMBER(${debt}),ISNUMBER(${cash})),${mc}+${debt}-${cash},"")`;
  };
  const figureOf = (p: (typeof PEERS)[number], key: MetricKey) => {
    const own = opts.overrides[p.id]?.[key];
    return own !== undefined ? own : (p.figures[key]?.value ?? null);
  };
  sheet.block("peers", first, 1, "label", PEERS.map((p) => [p.name, p.group, p.segmentOf ?? ""]));
  const peerIds = PEERS.map((p) => p.id);
  const include = PEERS.map((p) => [p.id !== SUBJECT_ID && !excluded.has(p.id)]);
  sheet.block("include", first, cols.include, "input", include, { rows: peerIds, cols: ["include"], accept: { all: { kind: "boolean", name: "Include" } } });
  const figures = PEERS.map((p) => INPUT_METRICS.map((mt) => figureOf(p, mt.key)));
  sheet.block("figures", first, cols.metric0, "input", figures, { rows: peerIds, cols: INPUT_METRICS.map((m) => m.key), accept: { all: NUMBER_OR_BLANK } });
  sheet.block("ev", first, cols.ev, "calc", PEERS.map((_, i) => [evCell(rowOf(i))]));
  sheet.block("published", first, cols.published, "note", PEERS.map((p) => [p.published?.ev_revenue?.value ?? null, p.published?.ev_revenue?.publisher ?? ""]));
  sheet.block("multiples", first, cols.multiple0, "calc", PEERS.map((_, i) => multipleCells(rowOf(i))));
  sheet.block("used", first, cols.used0, "calc", PEERS.map((p, i) => usedCells(rowOf(i), p.id === SUBJECT_ID)));
  sheet.block("names", first, cols.names, "calc", PEERS.map((_, i) => [runningNameCell(rowOf(i), i)]));
  const sources = sheet.block("sources", first, cols.sources, "note", PEERS.map((p) => [figureNote(p.id)]));
  sheet.format(sources, { numberFormat: TEXT_FORMAT });
}

/** Number formats of the comps table, the subject in italics, and the Excel table over it. */
function peerFormats(sheet: SheetBuilder): void {
  const cols = PEERS_COLS;
  const { first, last } = PEERS_ROWS;
  const column = (col: number, to: number = last) => `${cell(first, col)}:${cell(to, col)}`;
  sheet.format(column(cols.names), { numberFormat: TEXT_FORMAT });
  for (const mt of METRICS) sheet.format(column(metricCol(mt.key)), { numberFormat: mt.unit === "MW" ? FORMATS.mw : FORMATS.usdM });
  sheet.format(column(cols.published), { numberFormat: FORMATS.x });
  MULTIPLES.forEach((multiple, k) => {
    const numberFormat = multiple.unit === "x" ? '0.0"x"' : FORMATS.usdM2;
    sheet.format(column(cols.multiple0 + k, PEERS_ROWS.count), { numberFormat });
    sheet.format(column(cols.used0 + k), { numberFormat, fontColor: "#808080" });
  });
  const subjectRow = first + PEERS.findIndex((p) => p.id === SUBJECT_ID);
  sheet.format(`${cell(subjectRow, 1)}:${cell(subjectRow, cols.segmentOf)}`, { italic: true });
  sheet.table({ name: "CORZ_Peers", range: `${cell(PEERS_ROWS.header, 1)}:${cell(last, cols.last)}` });
}

/** Statistics over the peers in the statistics columns (blanks and text are skipped). */
function statRows(sheet: SheetBuilder): void {
  const cols = PEERS_COLS;
  const rows = PEERS_ROWS;
  sheet.block("stats.header", rows.statHeader, 1, "header", [["Statistic over the peers included", ...new Array<CellContent>(cols.multiple0 - 2).fill(null), ...MULTIPLES.map((m) => m.label)]]);
  sheet.block("stats.labels", rows.stat0, 1, "label", [...STAT_ROWS.map((s) => [s.label]), ["Count (peers used)"]]);
  const usedRange = (k: number) => `${absCell(rows.first, cols.used0 + k)}:${absCell(rows.last, cols.used0 + k)}`;
  sheet.block("stats", rows.stat0, cols.multiple0, "calc", [
    ...STAT_ROWS.map((s) => MULTIPLES.map((_, k) => `=IF(COUNT(${usedRange(k)})=0,"",${s.fn}(${usedRange(k)}))`)),
    MULTIPLES.map((_, k) => `=COUNT(${usedRange(k)})`),
  ]);
  sheet.format(`${cell(rows.count, cols.multiple0)}:${cell(rows.count, cols.multiple0 + MULTIPLES.length - 1)}`, { numberFormat: FORMATS.int });
}

/** The implied value, linked to the live block of the Deal sheet: the choices (blue), the multiple, the figure it applies to, the value. */
function impliedValueRows(sheet: SheetBuilder, names: SheetNames, deal: DealLayout, opts: PeersOptions): void {
  const cols = PEERS_COLS;
  const rows = PEERS_ROWS;
  const rowOf = (k: keyof typeof VALUATION_ROWS) => rows.valuation + VALUATION_ROWS[k];
  const valueCell = (k: keyof typeof VALUATION_ROWS) => absCell(rowOf(k), CHOICE_COL);
  const liveRow = deal.blockRows[0];
  const dealRef = (r: number, c: number) => sheetRef(names.deal, absCell(r, c));
  const dealYears = (offset: number) => `${dealRef(liveRow + offset, COL.firstPeriod)}:${absCell(liveRow + offset, deal.lastCol)}`;
  const timeline = `${dealRef(ROW.timeline, COL.firstPeriod)}:${absCell(ROW.timeline, deal.lastCol)}`;
  const inYear = (offset: number) => `IFERROR(INDEX(${dealYears(offset)},1,MATCH(${valueCell("year")},${timeline},0)),0)`;
  const statBlock = `${absCell(rows.stat0, cols.multiple0)}:${absCell(rows.stat0 + STAT_ROWS.length - 1, cols.multiple0 + MULTIPLES.length - 1)}`;
  const statLabels = `${absCell(rows.stat0, 1)}:${absCell(rows.stat0 + STAT_ROWS.length - 1, 1)}`;
  const countRow = `${absCell(rows.count, cols.multiple0)}:${absCell(rows.count, cols.multiple0 + MULTIPLES.length - 1)}`;
  const contractedMw = dealRef(liveRow + DEAL_ROWS.contractedMw, COL.constant);
  const [count, minimum, stat, chosen, shares, value] = (["used", "minimum", "stat", "chosen", "shares", "value"] as const).map(valueCell);
  const matchMultiple = `MATCH(${MULTIPLE_CELL},${MULTIPLE_HEADERS},0)`;
  sheet.block("valuation.header", rowOf("header"), 1, "header", [["Implied value of Core Scientific's HPC hosting business (live scenario)", null, null]]);
  sheet.block("valuation.choices.labels", rowOf("multiple"), 1, "label", [
    ["Multiple", "choice"],
    ["Statistic", "choice"],
    ["Year of the deal figure", "year"],
    ["Shares outstanding (optional)", "shares"],
  ]);
  const chosenStat = STAT_LABELS[opts.stat];
  const chosenMultiple = MULTIPLES.find((m) => m.key === opts.multiple)!.label;
  sheet.block("valuation.choices", rowOf("multiple"), CHOICE_COL, "input", [[chosenMultiple], [chosenStat], [opts.year], [opts.shares ?? null]], {
    rows: ["multiple", "stat", "year", "shares"],
    cols: ["value"],
    accept: { rows: { multiple: TEXT, stat: TEXT }, all: NUMBER_OR_BLANK, choice: true },
  });
  sheet.validation(cell(rowOf("multiple"), CHOICE_COL), `=${MULTIPLE_HEADERS}`);
  sheet.validation(cell(rowOf("stat"), CHOICE_COL), `=${statLabels}`);
  sheet.block("valuation", rowOf("chosen"), 1, "calc", [
    ["Peer multiple", "x or USD/MW", `=INDEX(${statBlock},MATCH(${stat},${statLabels},0),${matchMultiple})`],
    [
      "Deal figure it applies to (revenue, gross profit as EBITDA proxy, or MW contracted)",
      "USD or MW",
      `=CHOOSE(${matchMultiple},${inYear(DEAL_ROWS.revenue)},${inYear(DEAL_ROWS.grossProfit)},${contractedMw},${contractedMw})`,
    ],
    ["Implied enterprise value", "USD", `=IF(${count}<${minimum},"n/a",IF(ISNUMBER(${chosen}),${chosen}*${valueCell("base")},"n/a"))`],
    ["Implied value per share", "USD", `=IF(AND(ISNUMBER(${value}),ISNUMBER(${shares})),IF(${shares}>0,${value}/${shares},""),"")`],
    ["Peers used", "count", `=INDEX(${countRow},1,${matchMultiple})`],
  ]);
  sheet.block("valuation.minimum", rowOf("minimum"), 1, "note", [
    ["Minimum peers for an implied value", "count", MIN_PEERS, "Fixed (CORZ.IMPLIED_VALUE uses the same): with two peers the median is their mean and either moves it; from three a single outlier cannot set it."],
  ]);
  sheet.block("valuation.basis", rowOf("basis"), 1, "calc", [
    [
      "What the implied value rests on",
      "text",
      `=IF(${count}<${minimum},"n/a: only "&${count}&" peer(s) in the statistics have "&${MULTIPLE_CELL}&"; an implied value needs at least "&${minimum}&" so that no single peer sets it",${stat}&" "&${MULTIPLE_CELL}&" of "&${count}&" peers: "&${absCell(rows.last, cols.names)})`,
    ],
  ]);
  const formats: [row: keyof typeof VALUATION_ROWS, format: Omit<Format, "range">][] = [
    ["year", { numberFormat: FORMATS.year }],
    ["shares", { numberFormat: FORMATS.int }],
    ["chosen", { numberFormat: "#,##0.00" }],
    ["base", { numberFormat: "#,##0" }],
    ["value", { numberFormat: FORMATS.usdM, bold: true }],
    ["perShare", { numberFormat: FORMATS.usd }],
  ];
  for (const [row, format] of formats) sheet.format(cell(rowOf(row), CHOICE_COL), format);
}

/** Published reference points (not used in the value) and what the group ids mean. */
function referenceRows(sheet: SheetBuilder): void {
  sheet.block("references", PEERS_ROWS.valuation + VALUATION_ROWS.references, 1, "note", [
    [
      "Published reference points (third party, dated; not used above; neither multiple was confirmed in a public document): " +
        `listed data-centre REITs about 24-25x EV/EBITDA (2024), ${cite(DATACENTRES_INVESTMENT_GUIDE, "data-centre REITs at 20-28x EV/EBITDA")}; ` +
        `AirTrunk sale about 23.5x EBITDA (2024), ${cite(AIRTRUNK_SALE_2024_09, "an enterprise value of A$24B ($16.1B)")}.`,
    ],
    [`Groups: ${PEER_GROUPS.map((g) => `${g} = ${GROUP_LABELS[g]}`).join("; ")}.`],
  ]);
}
