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
import { COL, FORMATS, ROW, SheetNames, TEXT_FORMAT } from "./layout";
import { SheetBuilder } from "./sheet";
import { CellContent, SheetPlan } from "./types";
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

/** Column layout of the comps table. */
export const PEERS_COLS = (() => {
  const first = { peer: 1, group: 2, segmentOf: 3, include: 4, metric0: 5 };
  // The typed inputs, then EV (a formula over three of them): METRICS lists ev last for that.
  const ev = first.metric0 + INPUT_METRICS.length;
  const published = ev + 1;
  const publishedBy = published + 1;
  const multiple0 = publishedBy + 1;
  const used0 = multiple0 + MULTIPLES.length;
  const names = used0 + MULTIPLES.length;
  const sources = names + 1;
  return { ...first, ev, published, publishedBy, multiple0, used0, names, sources, last: sources };
})();

export const PEERS_ROWS = {
  groupSelector: 3,
  header: 6,
  first: 7,
  last: 6 + PEERS.length,
  statHeader: 8 + PEERS.length,
  stat0: 9 + PEERS.length,
  count: 9 + PEERS.length + STAT_ROWS.length,
  valuation: 11 + PEERS.length + STAT_ROWS.length,
} as const;

/** Rows of the valuation block, from PEERS_ROWS.valuation. */
export const VALUATION_ROWS = { header: 0, multiple: 1, stat: 2, year: 3, shares: 4, chosen: 5, base: 6, value: 7, perShare: 8, used: 9, minimum: 10, basis: 11 } as const;

function figureNote(id: string): string {
  const p = PEERS.find((x) => x.id === id)!;
  const parts = METRICS.filter((m) => p.figures[m.key]).map((m) => {
    const f = p.figures[m.key]!;
    return `${m.label}: ${f.period}, as of ${f.asOf}, ${f.source}${f.note ? ` (${f.note})` : ""}`;
  });
  for (const [k, f] of Object.entries(p.published ?? {})) parts.push(`Published ${k}: ${f!.value}x by ${f!.publisher}, ${f!.source}${f!.note ? ` (${f!.note})` : ""}`);
  for (const n of p.notes ?? []) parts.push(n);
  return parts.join("; ") || "No figures disclosed.";
}

export function buildPeers(names: SheetNames, deal: DealLayout, opts: PeersOptions, masterCheck: string): SheetPlan {
  const b = new SheetBuilder("peers", names.peers, "#00B0F0");
  const C = PEERS_COLS;
  const R = PEERS_ROWS;
  const groupCell = absCell(R.groupSelector, 3);
  b.block("title", ROW.title, 1, "title", [["CORZ — Peers: comparables for CoreWeave and Core Scientific's HPC hosting business"]]);
  b.block("check", ROW.check, 1, "check", [[masterCheck]]);
  b.block("group.label", R.groupSelector, 1, "label", [["Peer group in the statistics", "group"]]);
  const groupSel = b.block("group", R.groupSelector, 3, "input", [[opts.group]], { rows: ["group"], cols: ["value"], accept: { all: TEXT, choice: true } });
  b.block("groups.list", R.groupSelector, 5, "note", [["all", ...PEER_GROUPS]]);
  b.validation(groupSel, `=${absCell(R.groupSelector, 5)}:${absCell(R.groupSelector, 5 + PEER_GROUPS.length)}`);
  b.block("notice", R.groupSelector + 1, 1, "note", [
    [
      "Market values move daily: the defaults are dated (see Sources); type current figures over the blue cells and everything follows. Blank means no source gives the figure. " +
        `Enterprise value is a formula: market value + debt - cash. HPC hosts' revenue is for one matched period, the ${MATCHED_PERIOD.label} (each figure's period says which quarter). ` +
        "A published multiple (third party, publisher and date beside it) stands in only where we have no EV.",
    ],
  ]);

  b.block("header", R.header, 1, "header", [
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

  const labels: CellContent[][] = [];
  const include: CellContent[][] = [];
  const figures: CellContent[][] = [];
  const evs: CellContent[][] = [];
  const published: CellContent[][] = [];
  const multiples: CellContent[][] = [];
  const used: CellContent[][] = [];
  const running: CellContent[][] = [];
  const notes: CellContent[][] = [];
  const mult = absCell(R.valuation + VALUATION_ROWS.multiple, 3);
  const multipleHeaders = `${absCell(R.statHeader, C.multiple0)}:${absCell(R.statHeader, C.multiple0 + VALUATION.length - 1)}`;
  const excluded = new Set(opts.exclude);
  PEERS.forEach((p, i) => {
    const r = R.first + i;
    const m = (k: MetricKey) => cell(r, C.metric0 + METRICS.findIndex((x) => x.key === k), { col: true });
    labels.push([p.name, p.group, p.segmentOf ?? ""]);
    include.push([p.id !== SUBJECT_ID && !excluded.has(p.id)]);
    figures.push(
      INPUT_METRICS.map((mt) => {
        const own = opts.overrides[p.id]?.[mt.key];
        return own !== undefined ? own : (p.figures[mt.key]?.value ?? null);
      }),
    );
    const [mc, debt, cash] = [m("market_cap"), m("debt"), m("cash")];
    evs.push([`=IF(AND(ISNUMBER(${mc}),ISNUMBER(${debt}),ISNUMBER(${cash})),${mc}+${debt}-${cash},"")`]);
    published.push([p.published?.ev_revenue?.value ?? null, p.published?.ev_revenue?.publisher ?? ""]);
    const pub = cell(r, C.published, { col: true });
    const ratio = (a: string, d: string) => `IF(AND(ISNUMBER(${a}),ISNUMBER(${d})),IF(${d}>0,${a}/${d},""),"")`;
    const ev = m("ev");
    multiples.push(
      MULTIPLES.map((mu) => {
        const [num, den] = RATIO_OF[mu.key].map(m);
        // EV/Revenue falls back to the published multiple beside it only where the row has no EV.
        if (mu.key === "ev_revenue") return `=IF(AND(ISNUMBER(${num}),ISNUMBER(${den})),IF(${den}>0,${num}/${den},""),IF(AND(NOT(ISNUMBER(${ev})),ISNUMBER(${pub})),${pub},""))`;
        return `=${ratio(num, den)}`;
      }),
    );
    const inGroup = `OR(${groupCell}="all",${cell(r, C.group, { col: true })}=${groupCell})`;
    const isSubject = p.id === SUBJECT_ID;
    used.push(
      MULTIPLES.map((_, k) => {
        const mc = cell(r, C.multiple0 + k);
        return isSubject ? '=""' : `=IF(AND(${cell(r, C.include, { col: true })}=TRUE,${inGroup},ISNUMBER(${mc})),${mc},"")`;
      }),
    );
    // The peers in the implied value, listed as a running join down the column (no TEXTJOIN).
    const inImplied = `ISNUMBER(INDEX(${cell(r, C.used0)}:${cell(r, C.used0 + VALUATION.length - 1)},1,MATCH(${mult},${multipleHeaders},0)))`;
    const name = cell(r, C.peer);
    const prev = cell(r - 1, C.names);
    running.push([i === 0 ? `=IF(${inImplied},${name},"")` : `=${prev}&IF(${inImplied},IF(${prev}="","",", ")&${name},"")`]);
    notes.push([figureNote(p.id)]);
  });
  b.block("peers", R.first, 1, "label", labels);
  const peerIds = PEERS.map((p) => p.id);
  b.block("include", R.first, C.include, "input", include, { rows: peerIds, cols: ["include"], accept: { all: { kind: "boolean", name: "Include" } } });
  b.block("figures", R.first, C.metric0, "input", figures, { rows: peerIds, cols: INPUT_METRICS.map((m) => m.key), accept: { all: NUMBER_OR_BLANK } });
  b.block("ev", R.first, C.ev, "calc", evs);
  b.block("published", R.first, C.published, "note", published);
  b.block("multiples", R.first, C.multiple0, "calc", multiples);
  b.block("used", R.first, C.used0, "calc", used);
  b.block("names", R.first, C.names, "calc", running);
  const sources = b.block("sources", R.first, C.sources, "note", notes);
  b.format(sources, { numberFormat: TEXT_FORMAT });
  const metricCol = (k: MetricKey) => C.metric0 + METRICS.findIndex((x) => x.key === k);
  b.format(`${cell(R.first, C.names)}:${cell(R.last, C.names)}`, { numberFormat: TEXT_FORMAT });
  for (const mt of METRICS) b.format(`${cell(R.first, metricCol(mt.key))}:${cell(R.last, metricCol(mt.key))}`, { numberFormat: mt.unit === "MW" ? FORMATS.mw : FORMATS.usdM });
  b.format(`${cell(R.first, C.published)}:${cell(R.last, C.published)}`, { numberFormat: FORMATS.x });
  MULTIPLES.forEach((mu, k) => {
    const f = mu.unit === "x" ? '0.0"x"' : FORMATS.usdM2;
    b.format(`${cell(R.first, C.multiple0 + k)}:${cell(R.count, C.multiple0 + k)}`, { numberFormat: f });
    b.format(`${cell(R.first, C.used0 + k)}:${cell(R.last, C.used0 + k)}`, { numberFormat: f, fontColor: "#808080" });
  });
  const subjectRow = R.first + PEERS.findIndex((p) => p.id === SUBJECT_ID);
  b.format(`${cell(subjectRow, 1)}:${cell(subjectRow, C.segmentOf)}`, { italic: true });
  b.table({ name: "CORZ_Peers", range: `${cell(R.header, 1)}:${cell(R.last, C.last)}` });

  // Statistics over the peers in the statistics columns (blanks and text are skipped).
  b.block("stats.header", R.statHeader, 1, "header", [["Statistic over the peers included", ...new Array<CellContent>(C.multiple0 - 2).fill(null), ...MULTIPLES.map((m) => m.label)]]);
  b.block("stats.labels", R.stat0, 1, "label", [...STAT_ROWS.map((s) => [s.label]), ["Count (peers used)"]]);
  const usedRange = (k: number) => `${absCell(R.first, C.used0 + k)}:${absCell(R.last, C.used0 + k)}`;
  b.block("stats", R.stat0, C.multiple0, "calc", [
    ...STAT_ROWS.map((s) => MULTIPLES.map((_, k) => `=IF(COUNT(${usedRange(k)})=0,"",${s.fn}(${usedRange(k)}))`)),
    MULTIPLES.map((_, k) => `=COUNT(${usedRange(k)})`),
  ]);
  b.format(`${cell(R.count, C.multiple0)}:${cell(R.count, C.multiple0 + MULTIPLES.length - 1)}`, { numberFormat: FORMATS.int });

  // The implied value, linked to the live block of the Deal sheet.
  const V = (k: keyof typeof VALUATION_ROWS) => R.valuation + VALUATION_ROWS[k];
  const d0 = deal.blockRows[0];
  const dealRef = (r: number, c: number) => sheetRef(names.deal, absCell(r, c));
  const dealRow = (off: number) => `${dealRef(d0 + off, COL.firstPeriod)}:${absCell(d0 + off, deal.lastCol)}`;
  const timeline = `${dealRef(ROW.timeline, COL.firstPeriod)}:${absCell(ROW.timeline, deal.lastCol)}`;
  const inYear = (off: number) => `IFERROR(INDEX(${dealRow(off)},1,MATCH(${absCell(V("year"), 3)},${timeline},0)),0)`;
  const statBlock = `${absCell(R.stat0, C.multiple0)}:${absCell(R.stat0 + STAT_ROWS.length - 1, C.multiple0 + MULTIPLES.length - 1)}`;
  const statLabels = `${absCell(R.stat0, 1)}:${absCell(R.stat0 + STAT_ROWS.length - 1, 1)}`;
  const countRow = `${absCell(R.count, C.multiple0)}:${absCell(R.count, C.multiple0 + MULTIPLES.length - 1)}`;
  const contractedMw = dealRef(d0 + DEAL_ROWS.contractedMw, COL.constant);
  const count = absCell(V("used"), 3);
  const minimum = absCell(V("minimum"), 3);
  const stat = absCell(V("stat"), 3);
  b.block("valuation.header", V("header"), 1, "header", [["Implied value of Core Scientific's HPC hosting business (live scenario)", null, null]]);
  b.block("valuation.choices.labels", V("multiple"), 1, "label", [
    ["Multiple", "choice"],
    ["Statistic", "choice"],
    ["Year of the deal figure", "year"],
    ["Shares outstanding (optional)", "shares"],
  ]);
  const chosenStat = STAT_LABELS[opts.stat];
  const chosenMultiple = MULTIPLES.find((m) => m.key === opts.multiple)!.label;
  b.block("valuation.choices", V("multiple"), 3, "input", [[chosenMultiple], [chosenStat], [opts.year], [opts.shares ?? null]], {
    rows: ["multiple", "stat", "year", "shares"],
    cols: ["value"],
    accept: { rows: { multiple: TEXT, stat: TEXT }, all: NUMBER_OR_BLANK, choice: true },
  });
  b.validation(cell(V("multiple"), 3), `=${multipleHeaders}`);
  b.validation(cell(V("stat"), 3), `=${statLabels}`);
  b.block("valuation", V("chosen"), 1, "calc", [
    ["Peer multiple", "x or USD/MW", `=INDEX(${statBlock},MATCH(${stat},${statLabels},0),MATCH(${mult},${multipleHeaders},0))`],
    [
      "Deal figure it applies to (revenue, gross profit as EBITDA proxy, or MW contracted)",
      "USD or MW",
      `=CHOOSE(MATCH(${mult},${multipleHeaders},0),${inYear(DEAL_ROWS.revenue)},${inYear(DEAL_ROWS.grossProfit)},${contractedMw},${contractedMw})`,
    ],
    [
      "Implied enterprise value",
      "USD",
      `=IF(${count}<${minimum},"n/a",IF(ISNUMBER(${absCell(V("chosen"), 3)}),${absCell(V("chosen"), 3)}*${absCell(V("base"), 3)},"n/a"))`,
    ],
    ["Implied value per share", "USD", `=IF(AND(ISNUMBER(${absCell(V("value"), 3)}),ISNUMBER(${absCell(V("shares"), 3)})),IF(${absCell(V("shares"), 3)}>0,${absCell(V("value"), 3)}/${absCell(V("shares"), 3)},""),"")`],
    ["Peers used", "count", `=INDEX(${countRow},1,MATCH(${mult},${multipleHeaders},0))`],
  ]);
  b.block("valuation.minimum", V("minimum"), 1, "note", [
    ["Minimum peers for an implied value", "count", MIN_PEERS, "Fixed (CORZ.IMPLIED_VALUE uses the same): with two peers the median is their mean and either moves it; from three a single outlier cannot set it."],
  ]);
  b.block("valuation.basis", V("basis"), 1, "calc", [
    [
      "What the implied value rests on",
      "text",
      `=IF(${count}<${minimum},"n/a: only "&${count}&" peer(s) in the statistics have "&${mult}&"; an implied value needs at least "&${minimum}&" so that no single peer sets it",${stat}&" "&${mult}&" of "&${count}&" peers: "&${absCell(R.last, C.names)})`,
    ],
  ]);
  b.format(cell(V("year"), 3), { numberFormat: FORMATS.year });
  b.format(cell(V("shares"), 3), { numberFormat: FORMATS.int });
  b.format(cell(V("chosen"), 3), { numberFormat: "#,##0.00" });
  b.format(cell(V("base"), 3), { numberFormat: "#,##0" });
  b.format(cell(V("value"), 3), { numberFormat: FORMATS.usdM, bold: true });
  b.format(cell(V("perShare"), 3), { numberFormat: FORMATS.usd });
  b.block("references", V("basis") + 2, 1, "note", [
    [
      "Published reference points (third party, dated; not used above; neither multiple was confirmed in a public document): " +
        `listed data-centre REITs about 24-25x EV/EBITDA (2024), ${cite(DATACENTRES_INVESTMENT_GUIDE, "data-centre REITs at 20-28x EV/EBITDA")}; ` +
        `AirTrunk sale about 23.5x EBITDA (2024), ${cite(AIRTRUNK_SALE_2024_09, "an enterprise value of A$24B ($16.1B)")}.`,
    ],
    [`Groups: ${PEER_GROUPS.map((g) => `${g} = ${GROUP_LABELS[g]}`).join("; ")}.`],
  ]);

  b.columnWidths([
    { column: "A", width: 28 },
    { column: "B", width: 16 },
    { column: "C", width: 22 },
    { column: "D", width: 8 },
    ...Array.from({ length: C.sources - C.metric0 }, (_, i) => ({ column: columnLetter(C.metric0 + i), width: 13 })),
    { column: columnLetter(C.sources), width: 90 },
  ]);
  b.freeze(R.header, 1);
  return b.build();
}
