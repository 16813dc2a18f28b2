/**
 * The Deal sheet: one block per scenario (the live one first), years across, one formula
 * per row copied across. The formulas are the model's (src/model/deal.ts, ramp.ts) written
 * natively, so the sheet recalculates without the add-in:
 *
 * - billable MW in year Y = MW * (G(Y+1-s) - G(Y-s) - G(Y+1-s-N) + G(Y-s-N)), where G is the
 *   integral of the linear ramp of length r starting at s (decimal year), N the years billed;
 * - revenue in year Y = MW * p1 * SUMPRODUCT over contract years k of the price index
 *   (1+e)^(k-1) * (1 + q if k > term), 0 after the years billed (a row of each block), times
 *   (G(Y+2-s-k) - 2 G(Y+1-s-k) + G(Y-s-k));
 * - the same revenue and billable MW-years over any window [a, b] (the valuation date to its
 *   year end; each reported quarter), as the model's trancheRevenue and trancheMwYears.
 *
 * The tranches are the data's (TRANCHE_DATA): one group of constant rows and one period row
 * each, however many there are. Below the NPV, "Reported vs model" puts the reported quarters
 * across the period columns: what Core Scientific reported beside the model on the same basis
 * (the model's reportedVsModel).
 */
import { BUILT_DECIMALS, TRANCHE_IDS } from "../model/assumptions";
import { contractedLineLabel } from "../model/capacity";
import { TRANCHE_COUNT } from "../model/deal";
import { REPORTED_QUARTERS, citeFigure } from "../model/record";
import { RECONCILE_STEPS, SEED_TO_BASE_SOURCES } from "../model/reconcile";
import { absCell, cell, columnLetter } from "./a1";
import { InputsLayout } from "./inputs";
import { COL, COLOURS, FORMATS, MAX_CONTRACT_YEARS, ROW, SheetNames, TEXT_FORMAT } from "./layout";
import { SheetBuilder, consecutive, periodCells } from "./sheet";
import { CellContent, SheetPlan } from "./types";

/** Offsets inside a tranche's constant rows. */
export const TRANCHE_ROWS = { mw: 0, value: 1, planned: 2, start: 3, decimalStart: 4, ramp: 5, price: 6, valueWithRenewals: 7 } as const;
/** Rows per tranche. */
export const TRANCHE_HEIGHT = Object.keys(TRANCHE_ROWS).length;

/** The label of tranche `i` (0-based) on the sheet, from the data: "CoreWeave tranche 1: initial contracts". */
export function trancheLabel(i: number): string {
  return contractedLineLabel(TRANCHE_IDS[i]);
}

/** The reported quarters, oldest first, one per period column of the "Reported vs model" rows. */
export const DEAL_QUARTERS = REPORTED_QUARTERS;

const HEAD = consecutive(
  [
    "header",
    "term",
    "renewals",
    "renewalYears",
    "yearsBilled",
    "escalator",
    "repricing",
    "delay",
    "delayAfter",
    "margin",
    "pue",
    "powerPrice",
    "loadFactor",
    "hours",
    "rate",
    "valuationDate",
    "tranche0", // TRANCHE_HEIGHT rows per tranche, TRANCHE_COUNT tranches
  ] as const,
  0,
);
const TOTALS = consecutive(["contractedMw", "initialValue", "tcv", "avgPrice", "priceIndex", "since0"] as const, HEAD.tranche0 + TRANCHE_HEIGHT * TRANCHE_COUNT);
const mw0 = TOTALS.since0 + TRANCHE_COUNT; // after one years-since-billing-start row per tranche
const mwTotal = mw0 + TRANCHE_COUNT; // after one billable-MW row per tranche
const rev0 = mwTotal + 1; // one revenue row per tranche
const YEARS = consecutive(
  [
    "revenue",
    "pricePerMw",
    "power",
    "reportedRevenue",
    "licenceCost",
    "reportedCost",
    "grossProfit",
    "licenceMargin",
    "reportedMargin",
    "valuationTime", // constant: the valuation date as a decimal year
    "revenueFromValuation", // constant: revenue from the valuation date to the end of its year
    "counted",
    "discountFactor",
    "discounted",
    "npv",
    "fromValuation0", // constant per tranche: revenue from the valuation date to the end of its year
  ] as const,
  rev0 + TRANCHE_COUNT,
);
/** One constant per tranche: its licence revenue's present value per USD of contract value (the model's reconcile.ts unitPv). */
const unitPv0 = YEARS.fromValuation0 + TRANCHE_COUNT;
/** The "Reported vs model" rows, one blank row below the NPV: quarters across. */
const QUARTERS = consecutive(
  [
    "reportedHeader",
    "monthsPerQuarter", // constant
    "quarterLabel",
    "quarterYear", // the record's year and quarter, then its reported revenue and source (constants)
    "quarterNumber",
    "quarterStart",
    "quarterEnd",
    "reported",
    "reportedSource",
    "licence0", // one licence-revenue row per tranche
  ] as const,
  unitPv0 + TRANCHE_COUNT + 1,
);
const QUARTER_TOTALS = consecutive(
  [
    "quarterLicence",
    "quarterMwYears",
    "otherColocation", // constant linked from Inputs, shown in every quarter
    "powerShare", // constant linked from Inputs
    "quarterPower",
    "modelReported",
    "variance",
    "varianceRate",
  ] as const,
  QUARTERS.licence0 + TRANCHE_COUNT,
);

/** Row offsets inside a Deal block; every count of tranches follows the data (TRANCHE_COUNT). */
export const DEAL_ROWS = {
  ...HEAD,
  ...TOTALS,
  mw0,
  mwTotal,
  rev0,
  ...YEARS,
  unitPv0,
  ...QUARTERS,
  ...QUARTER_TOTALS,
  height: QUARTER_TOTALS.varianceRate + 2,
} as const;

/** The row offset of a tranche's field (tranche `i` 0-based). */
export function trancheRow(i: number, field: number): number {
  return DEAL_ROWS.tranche0 + TRANCHE_HEIGHT * i + field;
}

/**
 * The seed-to-base walk below the scenario blocks (the model's reconcile.ts): a header, a row of
 * column titles, the starting scenario, the four steps, the ending scenario, and a check that the
 * end is the ending block's own NPV.
 */
export const WALK_ROWS = consecutive(["header", "titles", "from", "newTranches", "schedule", "price", "margin", "to", "check"] as const, 0);

/** Which two scenario blocks the walk goes between (block indices: 0 is the live block). */
export interface DealWalk {
  readonly from: number;
  readonly to: number;
}

/** The first row of the walk, below `blocks` scenario blocks. */
export function walkRow(blocks: number): number {
  return ROW.firstBlock + blocks * DEAL_ROWS.height;
}

export interface DealLayout {
  readonly sheet: SheetPlan;
  /** First row of each scenario's block (index 0 = live). */
  readonly blockRows: readonly number[];
  readonly firstYear: number;
  readonly years: number;
  readonly lastCol: number;
}

/**
 * The elementwise ramp integral, for use inside SUMPRODUCT (no IF: arrays):
 * G(x) = (x > 0) * (x - r/2 + (x < r) * (r - x)^2 / (2r)), which is x^2 / (2r) during the ramp,
 * x - r/2 after it, and max(x, 0) when r = 0 (the guard only keeps 0/0 out).
 */
export function gArray(x: string, r: string): string {
  return `((${x})>0)*((${x})-${r}/2+((${x})<${r})*(${r}-(${x}))^2/(2*${r}+(${r}=0)))`;
}

/** The scalar ramp integral, the same G(x) as `gArray`: 0 until x > 0. */
function gScalar(x: string, r: string): string {
  return `IF(${x}>0,${x}-${r}/2+MAX(${r}-(${x}),0)^2/(2*${r}+(${r}=0)),0)`;
}

/** A date as the model's decimal year (dates.ts yearFraction): year + days since 1 January / days in the year. */
export function decimalYear(d: string): string {
  return `YEAR(${d})+(${d}-DATE(YEAR(${d}),1,1))/(DATE(YEAR(${d})+1,1,1)-DATE(YEAR(${d}),1,1))`;
}

/** The constant cells of one tranche that its formulas read: MW, price in contract year 1, billing start (decimal year), ramp (years). */
export interface TrancheCells {
  readonly mw: string;
  readonly p1: string;
  readonly s: string;
  readonly r: string;
}

/** What every tranche's revenue formula reads: the contract-year index k, the block's price index by k, the years billed. */
export interface Terms {
  readonly K: string;
  /** The block's price index by contract year (price in year k / price in year 1; 0 after the years billed), aligned with K. */
  readonly F: string;
  readonly N: string;
}

/** MW x p1 x SUMPRODUCT over contract years k of the price index times `share(k)`, the share-years of contract year k. */
function overContractYears(t: TrancheCells, x: Terms, share: string): string {
  return `${t.mw}*${t.p1}*SUMPRODUCT(${x.F}*(${share}))`;
}

/**
 * A tranche's licence revenue in the window [a, b] (the model's trancheRevenue), given u = a - s
 * and v = b - s (years from its billing start s): the share-years of contract year k are
 * G(v+1-k) - G(u+1-k) - G(v-k) + G(u-k).
 */
export function windowRevenue(t: TrancheCells, x: Terms, u: string, v: string): string {
  const g = (w: string, plusOne: boolean) => `(${gArray(`${w}${plusOne ? "+1" : ""}-${x.K}`, t.r)})`;
  return overContractYears(t, x, `${g(v, true)}-${g(u, true)}-${g(v, false)}+${g(u, false)}`);
}

/** A tranche's MW-years billable in [a, b] (the model's trancheMwYears), given u = a - s and v = b - s: MW * (G(v) - G(u) - G(v-N) + G(u-N)). */
function windowMwYears(t: TrancheCells, N: string, u: string, v: string): string {
  return `${t.mw}*(${gScalar(v, t.r)}-${gScalar(u, t.r)}-${gScalar(`${v}-${N}`, t.r)}+${gScalar(`${u}-${N}`, t.r)})`;
}

export function buildDeal(
  names: SheetNames,
  inputs: InputsLayout,
  labels: readonly string[],
  firstYear: number,
  years: number,
  masterCheck: string,
  walk?: DealWalk,
): DealLayout {
  const b = new SheetBuilder("deal", names.deal, "#548235");
  const lastCol = COL.firstPeriod + years - 1;
  const kLast = COL.firstPeriod + MAX_CONTRACT_YEARS - 1;
  const K = `${absCell(ROW.index, COL.firstPeriod)}:${absCell(ROW.index, kLast)}`;
  const nQuarters = DEAL_QUARTERS.length;
  const lastQuarterCol = COL.firstPeriod + nQuarters - 1;

  b.block("title", ROW.title, 1, "title", [["CORZ — Deal: CoreWeave hosting revenue, margins and NPV by calendar year (USD)"]]);
  b.block("check", ROW.check, 1, "check", [[masterCheck]]);
  b.block("index.label", ROW.index, 1, "label", [["Contract year index k (used by the revenue formulas)", "k"]]);
  b.block("index", ROW.index, COL.firstPeriod, "calc", [
    Array.from({ length: MAX_CONTRACT_YEARS }, (_, i) => (i === 0 ? 1 : `=${cell(ROW.index, COL.firstPeriod + i - 1)}+1`)),
  ]);
  b.timeline("timeline", ROW.timeline, firstYear, years, "Total");
  b.format(`${cell(ROW.index, COL.firstPeriod)}:${cell(ROW.index, kLast)}`, { numberFormat: FORMATS.int, fontColor: "#808080" });

  const blockRows: number[] = [];
  inputs.columns.forEach((col, j) => {
    const r0 = ROW.firstBlock + j * DEAL_ROWS.height;
    blockRows.push(r0);
    const R = (off: number) => r0 + off;
    const C = (off: number) => absCell(R(off), COL.constant);
    const link = (key: string) => `=${inputs.ref(key, col)}`;
    const id = `s${j}`;

    b.block(`${id}.header`, R(0), 1, "header", [[labels[j], null, null, null]]);
    // Constants linked from Inputs (green) and derived (black).
    const links: [string, string, string][] = [
      ["Term", "years", "term_years"],
      ["Renewal options exercised", "count", "renewal_options"],
      ["Renewal option length", "years", "renewal_term_years"],
    ];
    b.block(`${id}.links1`, R(DEAL_ROWS.term), 1, "link", links.map(([l, u, k]) => [l, u, link(k)]));
    b.block(`${id}.yearsBilled`, R(DEAL_ROWS.yearsBilled), 1, "calc", [
      ["Years billed per MW (term + renewals)", "years", `=${C(DEAL_ROWS.term)}+${C(DEAL_ROWS.renewals)}*${C(DEAL_ROWS.renewalYears)}`],
    ]);
    const links2: [string, string, string][] = [
      ["Annual price escalator", "rate", "escalator"],
      ["Price change at renewal", "rate", "renewal_repricing"],
      ["Supply-chain delay", "months", "delay_months"],
      ["Delay applies to starts after", "date", "delay_after"],
      ["Licence-fee gross margin", "rate", "licence_margin"],
      ["Power usage effectiveness", "x", "pue"],
      ["Power price (passed through)", "USD/MWh", "power_price"],
      ["IT load drawn / billable MW", "rate", "load_factor"],
    ];
    b.block(`${id}.links2`, R(DEAL_ROWS.escalator), 1, "link", links2.map(([l, u, k]) => [l, u, link(k)]));
    b.block(`${id}.hours`, R(DEAL_ROWS.hours), 1, "input", [["Hours per year (365 x 24)", "hours", 8760]]);
    // The discount rate as it is built: reference yield + spread, to 12 decimals as the model keeps it (0.09 + 0.01 is exactly 10%).
    b.block(`${id}.rate`, R(DEAL_ROWS.rate), 1, "calc", [
      ["Discount rate (reference yield + spread)", "rate", `=ROUND(${inputs.ref("reference_yield", col)}+${inputs.ref("discount_spread", col)},${BUILT_DECIMALS})`],
    ]);
    b.block(`${id}.links3`, R(DEAL_ROWS.valuationDate), 1, "link", [["Valuation date (NPV as of this date)", "date", link("valuation_date")]]);
    const unitFormats: [number, string][] = [
      [DEAL_ROWS.term, FORMATS.int],
      [DEAL_ROWS.renewals, FORMATS.int],
      [DEAL_ROWS.renewalYears, FORMATS.int],
      [DEAL_ROWS.yearsBilled, FORMATS.int],
      [DEAL_ROWS.escalator, FORMATS.pct],
      [DEAL_ROWS.repricing, FORMATS.pct],
      [DEAL_ROWS.delay, FORMATS.int],
      [DEAL_ROWS.delayAfter, FORMATS.date],
      [DEAL_ROWS.margin, FORMATS.pct],
      [DEAL_ROWS.pue, FORMATS.x],
      [DEAL_ROWS.powerPrice, FORMATS.usd],
      [DEAL_ROWS.loadFactor, FORMATS.pct],
      [DEAL_ROWS.hours, FORMATS.int],
      [DEAL_ROWS.rate, FORMATS.pct],
      [DEAL_ROWS.valuationDate, FORMATS.date],
    ];
    for (const [off, f] of unitFormats) b.format(cell(R(off), COL.constant), { numberFormat: f });

    const T = C(DEAL_ROWS.term);
    const N = C(DEAL_ROWS.yearsBilled);
    const e = C(DEAL_ROWS.escalator);
    const q = C(DEAL_ROWS.repricing);
    const terms: Terms = { K, F: `${absCell(R(DEAL_ROWS.priceIndex), COL.firstPeriod)}:${absCell(R(DEAL_ROWS.priceIndex), kLast)}`, N };
    /** Tranche i's constant cell of a field (i 0-based). */
    const tc = (i: number, field: number) => absCell(R(trancheRow(i, field)), COL.constant);
    const tranches: TrancheCells[] = TRANCHE_IDS.map((_, i) => ({
      mw: tc(i, TRANCHE_ROWS.mw),
      p1: tc(i, TRANCHE_ROWS.price),
      s: tc(i, TRANCHE_ROWS.decimalStart),
      r: tc(i, TRANCHE_ROWS.ramp),
    }));
    TRANCHE_IDS.forEach((key, i) => {
      const t0 = R(trancheRow(i, 0));
      const label = trancheLabel(i);
      const planned = tc(i, TRANCHE_ROWS.planned);
      const start = tc(i, TRANCHE_ROWS.start);
      b.block(`${id}.${key}.links`, t0, 1, "link", [
        [`${label}: MW`, "MW", link(`${key}_mw`)],
        [`${label}: contract value`, "USD", link(`${key}_value`)],
        [`${label}: billing start (planned)`, "date", link(`${key}_start`)],
      ]);
      b.block(`${id}.${key}.calc`, t0 + TRANCHE_ROWS.start, 1, "calc", [
        [
          `${label}: billing start (after delay)`,
          "date",
          `=IF(AND(${C(DEAL_ROWS.delay)}>0,${planned}>${C(DEAL_ROWS.delayAfter)}),EDATE(${planned},${C(DEAL_ROWS.delay)}),${planned})`,
        ],
        [`${label}: billing start (decimal year)`, "year", `=${decimalYear(start)}`],
        [`${label}: ramp to full load`, "years", `=${inputs.ref(`${key}_ramp_months`, col)}/12`],
        [
          `${label}: price per MW-year, contract year 1`,
          "USD",
          `=IF(${tc(i, TRANCHE_ROWS.mw)}>0,${tc(i, TRANCHE_ROWS.value)}/(${tc(i, TRANCHE_ROWS.mw)}*IF(${e}=0,${T},((1+${e})^${T}-1)/${e})),0)`,
        ],
        [
          `${label}: value incl. renewal options`,
          "USD",
          `=${tc(i, TRANCHE_ROWS.value)}+${tc(i, TRANCHE_ROWS.mw)}*${tc(i, TRANCHE_ROWS.price)}*(1+${q})*IF(${e}=0,${N}-${T},(1+${e})^${T}*((1+${e})^(${N}-${T})-1)/${e})`,
        ],
      ]);
      b.format(cell(t0 + TRANCHE_ROWS.mw, COL.constant), { numberFormat: FORMATS.mw });
      b.format(cell(t0 + TRANCHE_ROWS.value, COL.constant), { numberFormat: FORMATS.usdM });
      b.format(`${cell(t0 + TRANCHE_ROWS.planned, COL.constant)}:${cell(t0 + TRANCHE_ROWS.start, COL.constant)}`, { numberFormat: FORMATS.date });
      b.format(cell(t0 + TRANCHE_ROWS.decimalStart, COL.constant), { numberFormat: "0.0000" });
      b.format(cell(t0 + TRANCHE_ROWS.ramp, COL.constant), { numberFormat: "0.00" });
      b.format(cell(t0 + TRANCHE_ROWS.price, COL.constant), { numberFormat: FORMATS.usdM2 });
      b.format(cell(t0 + TRANCHE_ROWS.valueWithRenewals, COL.constant), { numberFormat: FORMATS.usdM });
    });
    const trancheSum = (field: number) => `=${TRANCHE_IDS.map((_, i) => tc(i, field)).join("+")}`;
    b.block(`${id}.totals`, R(DEAL_ROWS.contractedMw), 1, "calc", [
      ["MW contracted", "MW", trancheSum(TRANCHE_ROWS.mw)],
      ["TCV: contract value, initial term", "USD", trancheSum(TRANCHE_ROWS.value)],
      ["TCV incl. renewal options (not contracted revenue)", "USD", trancheSum(TRANCHE_ROWS.valueWithRenewals)],
      [
        "Average price per MW-year, initial term",
        "USD",
        `=IF(${C(DEAL_ROWS.contractedMw)}>0,${C(DEAL_ROWS.initialValue)}/(${C(DEAL_ROWS.contractedMw)}*${T}),0)`,
      ],
    ]);
    b.format(cell(R(DEAL_ROWS.contractedMw), COL.constant), { numberFormat: FORMATS.mw });
    b.format(`${cell(R(DEAL_ROWS.initialValue), COL.constant)}:${cell(R(DEAL_ROWS.tcv), COL.constant)}`, { numberFormat: FORMATS.usdM });
    b.format(cell(R(DEAL_ROWS.avgPrice), COL.constant), { numberFormat: FORMATS.usdM2 });
    // The price schedule, by contract year k (row 3) rather than by calendar year.
    b.block(`${id}.priceIndex`, R(DEAL_ROWS.priceIndex), 1, "calc", [
      [
        "Price index by contract year k (row 3): escalated, x (1 + renewal change) after the term, 0 after the years billed",
        "x year 1",
        null,
        null,
        ...Array.from({ length: MAX_CONTRACT_YEARS }, (_, i) => {
          const k = cell(ROW.index, COL.firstPeriod + i, { row: true });
          return `=(${k}<=${N})*(1+${e})^(${k}-1)*(1+${q}*(${k}>${T}))`;
        }),
      ],
    ]);
    b.format(`${cell(R(DEAL_ROWS.priceIndex), COL.firstPeriod)}:${cell(R(DEAL_ROWS.priceIndex), kLast)}`, { numberFormat: "0.0000", fontColor: "#808080" });

    // Period rows: one formula per row, copied across.
    const Y = (c: number) => cell(ROW.timeline, c, { row: true });
    const at = (off: number, c: number) => cell(R(off), c);
    /** Label, unit, no constant, the row's total (flows only), then the formula for each year. */
    const periodRow = (off: number, label: string, unit: string, total: boolean, f: (c: number) => string): CellContent[] =>
      periodCells(R(off), years, label, unit, total, f);
    /** The sum of a period column over one row per tranche, from `first`. */
    const sumOverTranches = (first: number, c: number) => `=SUM(${at(first, c)}:${at(first + TRANCHE_COUNT - 1, c)})`;
    const rows: CellContent[][] = tranches.map((t, i) =>
      periodRow(DEAL_ROWS.since0 + i, `${trancheLabel(i)}: years from billing start to 1 January`, "years", false, (c) => `=${Y(c)}-${t.s}`),
    );
    /** Tranche i's years from billing start to 1 January of the year in column c. */
    const since = (i: number, c: number) => at(DEAL_ROWS.since0 + i, c);
    tranches.forEach((t, i) => {
      rows.push(
        periodRow(DEAL_ROWS.mw0 + i, `${trancheLabel(i)}: billable MW (average over the year)`, "MW", true, (c) => `=${windowMwYears(t, N, since(i, c), `${since(i, c)}+1`)}`),
      );
    });
    rows.push(periodRow(DEAL_ROWS.mwTotal, "Billable MW (average over the year)", "MW", true, (c) => sumOverTranches(DEAL_ROWS.mw0, c)));
    tranches.forEach((t, i) => {
      rows.push(
        periodRow(DEAL_ROWS.rev0 + i, `${trancheLabel(i)}: revenue (licence fee)`, "USD", true, (c) => {
          const u = since(i, c);
          return `=${overContractYears(t, terms, `(${gArray(`${u}+2-${K}`, t.r)})-2*(${gArray(`${u}+1-${K}`, t.r)})+(${gArray(`${u}-${K}`, t.r)})`)}`;
        }),
      );
    });
    rows.push(periodRow(DEAL_ROWS.revenue, "Revenue (licence fee)", "USD", true, (c) => sumOverTranches(DEAL_ROWS.rev0, c)));
    rows.push(
      periodRow(DEAL_ROWS.pricePerMw, "Revenue per billable MW-year", "USD", false, (c) =>
        `=IF(${at(DEAL_ROWS.mwTotal, c)}>0,${at(DEAL_ROWS.revenue, c)}/${at(DEAL_ROWS.mwTotal, c)},0)`,
      ),
    );
    /** Pass-through power for MW-years in a cell: MW-years x load x PUE x hours x price (margins.ts powerPassThrough). */
    const powerOf = (mwYears: string) => `${mwYears}*${C(DEAL_ROWS.loadFactor)}*${C(DEAL_ROWS.pue)}*${C(DEAL_ROWS.hours)}*${C(DEAL_ROWS.powerPrice)}`;
    rows.push(periodRow(DEAL_ROWS.power, "Pass-through power (MW x load x PUE x hours x price)", "USD", true, (c) => `=${powerOf(at(DEAL_ROWS.mwTotal, c))}`));
    rows.push(periodRow(DEAL_ROWS.reportedRevenue, "Reported revenue (licence fee + power)", "USD", true, (c) => `=${at(DEAL_ROWS.revenue, c)}+${at(DEAL_ROWS.power, c)}`));
    rows.push(periodRow(DEAL_ROWS.licenceCost, "Cost of the licence fee", "USD", true, (c) => `=${at(DEAL_ROWS.revenue, c)}*(1-${C(DEAL_ROWS.margin)})`));
    rows.push(periodRow(DEAL_ROWS.reportedCost, "Reported cost of revenue (cost + power)", "USD", true, (c) => `=${at(DEAL_ROWS.licenceCost, c)}+${at(DEAL_ROWS.power, c)}`));
    rows.push(periodRow(DEAL_ROWS.grossProfit, "Gross profit", "USD", true, (c) => `=${at(DEAL_ROWS.revenue, c)}-${at(DEAL_ROWS.licenceCost, c)}`));
    rows.push(
      periodRow(DEAL_ROWS.licenceMargin, "Licence-fee gross margin", "rate", false, (c) =>
        `=IF(${at(DEAL_ROWS.revenue, c)}>0,${at(DEAL_ROWS.grossProfit, c)}/${at(DEAL_ROWS.revenue, c)},"")`,
      ),
    );
    rows.push(
      periodRow(DEAL_ROWS.reportedMargin, "Reported gross margin", "rate", false, (c) =>
        `=IF(${at(DEAL_ROWS.reportedRevenue, c)}>0,${at(DEAL_ROWS.grossProfit, c)}/${at(DEAL_ROWS.reportedRevenue, c)},"")`,
      ),
    );
    // NPV as of the valuation date (the model's dealNpv): each year's gross profit from the date
    // on, received at the year end, discounted by (1 + rate)^-(year + 1 - t0).
    const t0 = C(DEAL_ROWS.valuationTime);
    const npvRows: CellContent[][] = [
      periodRow(DEAL_ROWS.counted, "Gross profit from the valuation date (earned before it is history)", "USD", true, (c) =>
        `=IF(${Y(c)}>=${t0},${at(DEAL_ROWS.grossProfit, c)},IF(${Y(c)}+1>${t0},${C(DEAL_ROWS.revenueFromValuation)}*${C(DEAL_ROWS.margin)},0))`,
      ),
      periodRow(DEAL_ROWS.discountFactor, "Discount factor (year end to the valuation date)", "factor", false, (c) =>
        `=IF(${Y(c)}+1>${t0},1/(1+${C(DEAL_ROWS.rate)})^(${Y(c)}+1-${t0}),0)`,
      ),
      periodRow(DEAL_ROWS.discounted, "Discounted gross profit", "USD", true, (c) => `=${at(DEAL_ROWS.counted, c)}*${at(DEAL_ROWS.discountFactor, c)}`),
    ];
    b.block(`${id}.periods`, R(DEAL_ROWS.since0), 1, "calc", rows);
    const d = C(DEAL_ROWS.valuationDate);
    const yearEnd = `(YEAR(${d})+1)`; // 1 January after the valuation date
    b.block(`${id}.valuation`, R(DEAL_ROWS.valuationTime), 1, "calc", [
      ["Valuation date (decimal year)", "year", `=${decimalYear(d)}`],
      ["Revenue from the valuation date to the end of its year", "USD", `=SUM(${C(DEAL_ROWS.fromValuation0)}:${C(DEAL_ROWS.fromValuation0 + TRANCHE_COUNT - 1)})`],
    ]);
    const timelineRange = `${absCell(ROW.timeline, COL.firstPeriod)}:${absCell(ROW.timeline, lastCol)}`;
    const rowRange = (off: number) => `${absCell(R(off), COL.firstPeriod)}:${absCell(R(off), lastCol)}`;
    b.block(`${id}.byTranche`, R(DEAL_ROWS.fromValuation0), 1, "calc", [
      ...tranches.map((t, i) => [`${trancheLabel(i)}: revenue from the valuation date to the end of its year`, "USD", `=${windowRevenue(t, terms, `${t0}-${t.s}`, `${yearEnd}-${t.s}`)}`]),
      // Present value of the tranche's revenue at the valuation date, per USD of its value: whole
      // years from the date on at their discount factors, plus the part of the date's own year.
      ...tranches.map((_, i) => {
        const value = tc(i, TRANCHE_ROWS.value);
        const whole = `SUMPRODUCT(${rowRange(DEAL_ROWS.rev0 + i)},${rowRange(DEAL_ROWS.discountFactor)},--(${timelineRange}>=${t0}))`;
        const part = `IF(${t0}>YEAR(${d}),${C(DEAL_ROWS.fromValuation0 + i)}/(1+${C(DEAL_ROWS.rate)})^(${yearEnd}-${t0}),0)`;
        return [`${trancheLabel(i)}: present value of its revenue per USD of contract value`, "x", `=IF(${value}>0,(${whole}+${part})/${value},0)`];
      }),
    ]);
    b.format(`${cell(R(DEAL_ROWS.fromValuation0), COL.constant)}:${cell(R(DEAL_ROWS.fromValuation0 + TRANCHE_COUNT - 1), COL.constant)}`, { numberFormat: FORMATS.usdM });
    b.format(`${cell(R(DEAL_ROWS.unitPv0), COL.constant)}:${cell(R(DEAL_ROWS.unitPv0 + TRANCHE_COUNT - 1), COL.constant)}`, { numberFormat: "0.0000" });
    b.format(cell(R(DEAL_ROWS.valuationTime), COL.constant), { numberFormat: "0.0000" });
    b.format(cell(R(DEAL_ROWS.revenueFromValuation), COL.constant), { numberFormat: FORMATS.usdM });
    b.block(`${id}.npvRows`, R(DEAL_ROWS.counted), 1, "calc", npvRows);
    b.block(`${id}.npv`, R(DEAL_ROWS.npv), 1, "calc", [["NPV of gross profit (as of the valuation date)", "USD", `=SUM(${at(DEAL_ROWS.discounted, COL.firstPeriod)}:${at(DEAL_ROWS.discounted, lastCol)})`]]);
    b.format(cell(R(DEAL_ROWS.npv), 1) + ":" + cell(R(DEAL_ROWS.npv), COL.constant), { bold: true });
    b.format(cell(R(DEAL_ROWS.npv), COL.constant), { numberFormat: FORMATS.usdM });

    const fmtRows = (from: number, to: number, f: string) =>
      b.format(`${cell(R(from), COL.total)}:${cell(R(to), lastCol)}`, { numberFormat: f });
    fmtRows(DEAL_ROWS.since0, DEAL_ROWS.mw0 - 1, "0.0000");
    fmtRows(DEAL_ROWS.mw0, DEAL_ROWS.mwTotal, FORMATS.mw);
    fmtRows(DEAL_ROWS.rev0, DEAL_ROWS.revenue, FORMATS.usdM);
    fmtRows(DEAL_ROWS.pricePerMw, DEAL_ROWS.pricePerMw, FORMATS.usdM2);
    fmtRows(DEAL_ROWS.power, DEAL_ROWS.grossProfit, FORMATS.usdM);
    fmtRows(DEAL_ROWS.licenceMargin, DEAL_ROWS.reportedMargin, FORMATS.pct);
    fmtRows(DEAL_ROWS.counted, DEAL_ROWS.counted, FORMATS.usdM);
    fmtRows(DEAL_ROWS.discountFactor, DEAL_ROWS.discountFactor, FORMATS.factor);
    fmtRows(DEAL_ROWS.discounted, DEAL_ROWS.discounted, FORMATS.usdM);
    for (const off of [DEAL_ROWS.mwTotal, DEAL_ROWS.revenue, DEAL_ROWS.grossProfit]) {
      b.format(`${cell(R(off), 1)}:${cell(R(off), lastCol)}`, { bold: true });
    }

    reportedVsModelRows(b, { id, R, C, link, tranches, terms, powerOf, lastQuarterCol });
  });

  if (walk !== undefined) walkRows(b, walk, walkRow(inputs.columns.length));

  b.columnWidths([
    { column: "A", width: 52 },
    { column: "B", width: 8 },
    { column: "C", width: 13 },
    { column: "D", width: 13 },
    ...Array.from({ length: Math.max(years, MAX_CONTRACT_YEARS, nQuarters) }, (_, i) => ({ column: columnLetter(COL.firstPeriod + i), width: 10 })),
  ]);
  b.freeze(ROW.timeline, COL.total);
  return { sheet: b.build(), blockRows, firstYear, years, lastCol };
}

/** What the "Reported vs model" rows of a block need from the rest of it. */
interface BlockContext {
  readonly id: string;
  /** The sheet row of an offset in the block. */
  readonly R: (off: number) => number;
  /** The absolute constant-column cell of an offset in the block. */
  readonly C: (off: number) => string;
  /** A link to the block's scenario column on the Inputs sheet. */
  readonly link: (key: string) => string;
  readonly tranches: readonly TrancheCells[];
  readonly terms: Terms;
  readonly powerOf: (mwYears: string) => string;
  readonly lastQuarterCol: number;
}

/**
 * The model beside what Core Scientific reported, quarter by quarter (the model's
 * reportedVsModel): reported colocation revenue, with its source, against the contracts'
 * licence revenue in the quarter's window [first day, first day of the next quarter) plus
 * other colocation revenue and the share of pass-through power the segment carries.
 */
function reportedVsModelRows(b: SheetBuilder, x: BlockContext): void {
  const { id, R, C } = x;
  const cols = DEAL_QUARTERS.map((_, i) => COL.firstPeriod + i);
  const at = (off: number, c: number) => cell(R(off), c);
  /** A quarter row: label, unit, the constant (or none), no total, then `f` in each quarter's column. */
  const quarterRow = (label: string, unit: string | null, constant: CellContent, f: (c: number) => CellContent): CellContent[] => [label, unit, constant, null, ...cols.map(f)];
  const M = C(DEAL_ROWS.monthsPerQuarter);
  const quarterDate = (c: number, endOf: boolean) =>
    `DATE(${at(DEAL_ROWS.quarterYear, c)},${endOf ? "" : "("}${at(DEAL_ROWS.quarterNumber, c)}${endOf ? "" : "-1)"}*${M}+1,1)`;
  /** The year and quarter of the quarter in column c, from the record's "2025-Q3". */
  const yearQuarter = (c: number) => DEAL_QUARTERS[c - COL.firstPeriod].period.split("-Q").map(Number);

  b.block(`${id}.reported.header`, R(DEAL_ROWS.reportedHeader), 1, "header", [
    ["Reported vs model: colocation revenue by quarter (USD per quarter; quarters across)", null, null, null],
  ]);
  b.block(`${id}.reported.months`, R(DEAL_ROWS.monthsPerQuarter), 1, "input", [["Months per quarter", "months", 3]]);
  b.block(`${id}.reported.label`, R(DEAL_ROWS.quarterLabel), 1, "header", [
    quarterRow("Quarter", null, null, (c) => `=${at(DEAL_ROWS.quarterYear, c)}&"-Q"&${at(DEAL_ROWS.quarterNumber, c)}`),
  ]);
  b.block(`${id}.reported.quarters`, R(DEAL_ROWS.quarterYear), 1, "input", [
    quarterRow("Year (as reported)", "year", null, (c) => yearQuarter(c)[0]),
    quarterRow("Quarter (as reported)", "1-4", null, (c) => yearQuarter(c)[1]),
  ]);
  b.block(`${id}.reported.window`, R(DEAL_ROWS.quarterStart), 1, "calc", [
    quarterRow("Quarter start (first day, decimal year)", "year", null, (c) => `=${decimalYear(quarterDate(c, false))}`),
    quarterRow("Quarter end (first day of the next quarter, decimal year)", "year", null, (c) => `=${decimalYear(quarterDate(c, true))}`),
  ]);
  b.block(`${id}.reported.reported`, R(DEAL_ROWS.reported), 1, "input", [
    quarterRow("Reported colocation revenue", "USD", null, (c) => DEAL_QUARTERS[c - COL.firstPeriod].colocationRevenueUsd.value),
  ]);
  const sources = b.block(`${id}.reported.source`, R(DEAL_ROWS.reportedSource), 1, "note", [
    quarterRow("Source of the reported figure", null, null, (c) => citeFigure(DEAL_QUARTERS[c - COL.firstPeriod].colocationRevenueUsd)),
  ]);
  b.format(sources, { numberFormat: TEXT_FORMAT });

  const a = (c: number) => at(DEAL_ROWS.quarterStart, c);
  const e = (c: number) => at(DEAL_ROWS.quarterEnd, c);
  const rows: CellContent[][] = x.tranches.map((t, i) =>
    quarterRow(`${trancheLabel(i)}: licence revenue in the quarter`, "USD", null, (c) => `=${windowRevenue(t, x.terms, `${a(c)}-${t.s}`, `${e(c)}-${t.s}`)}`),
  );
  rows.push(
    quarterRow("Licence revenue in the quarter (12-year contracts)", "USD", null, (c) => `=SUM(${at(DEAL_ROWS.licence0, c)}:${at(DEAL_ROWS.licence0 + TRANCHE_COUNT - 1, c)})`),
    quarterRow("MW-years billable in the quarter", "MW-years", null, (c) => `=${x.tranches.map((t) => windowMwYears(t, x.terms.N, `${a(c)}-${t.s}`, `${e(c)}-${t.s}`)).join("+")}`),
    quarterRow("Other colocation revenue (held flat)", "USD", x.link("other_colocation_revenue"), () => `=${C(DEAL_ROWS.otherColocation)}`),
    quarterRow("Share of pass-through power in reported revenue", "rate", x.link("reported_power_share"), () => null),
    quarterRow("Pass-through power in reported revenue (share x MW-years x load x PUE x hours x price)", "USD", null, (c) =>
      `=${C(DEAL_ROWS.powerShare)}*${x.powerOf(at(DEAL_ROWS.quarterMwYears, c))}`,
    ),
    quarterRow("Model on the reported basis (licence + other + power)", "USD", null, (c) =>
      `=${at(DEAL_ROWS.quarterLicence, c)}+${at(DEAL_ROWS.otherColocation, c)}+${at(DEAL_ROWS.quarterPower, c)}`,
    ),
    quarterRow("Variance: model less reported", "USD", null, (c) => `=${at(DEAL_ROWS.modelReported, c)}-${at(DEAL_ROWS.reported, c)}`),
    quarterRow("Variance, % of reported", "rate", null, (c) => `=IF(${at(DEAL_ROWS.reported, c)}<>0,${at(DEAL_ROWS.variance, c)}/${at(DEAL_ROWS.reported, c)},"")`),
  );
  b.block(`${id}.reported.rows`, R(DEAL_ROWS.licence0), 1, "calc", rows);
  // The links from Inputs are green; the rest of their rows are calculations.
  b.format(`${cell(R(DEAL_ROWS.otherColocation), COL.constant)}:${cell(R(DEAL_ROWS.powerShare), COL.constant)}`, { fontColor: COLOURS.link });

  const fmt = (from: number, to: number, f: string, first: number = COL.firstPeriod) => b.format(`${cell(R(from), first)}:${cell(R(to), x.lastQuarterCol)}`, { numberFormat: f });
  b.format(cell(R(DEAL_ROWS.monthsPerQuarter), COL.constant), { numberFormat: FORMATS.int });
  fmt(DEAL_ROWS.quarterYear, DEAL_ROWS.quarterYear, FORMATS.year);
  fmt(DEAL_ROWS.quarterNumber, DEAL_ROWS.quarterNumber, FORMATS.int);
  fmt(DEAL_ROWS.quarterStart, DEAL_ROWS.quarterEnd, "0.0000");
  fmt(DEAL_ROWS.reported, DEAL_ROWS.reported, FORMATS.usdM);
  fmt(DEAL_ROWS.licence0, DEAL_ROWS.quarterLicence, FORMATS.usdM);
  fmt(DEAL_ROWS.quarterMwYears, DEAL_ROWS.quarterMwYears, FORMATS.mw);
  fmt(DEAL_ROWS.otherColocation, DEAL_ROWS.otherColocation, FORMATS.usdM, COL.constant);
  b.format(cell(R(DEAL_ROWS.powerShare), COL.constant), { numberFormat: FORMATS.pct });
  fmt(DEAL_ROWS.quarterPower, DEAL_ROWS.variance, FORMATS.usdM);
  fmt(DEAL_ROWS.varianceRate, DEAL_ROWS.varianceRate, FORMATS.pct);
  for (const off of [DEAL_ROWS.reported, DEAL_ROWS.modelReported, DEAL_ROWS.variance]) {
    b.format(`${cell(R(off), 1)}:${cell(R(off), x.lastQuarterCol)}`, { bold: true });
  }
}

/**
 * The walk from one scenario block to another (by default seed to base), the model's
 * reconcile(): MW contracted, contract value over the initial term and NPV of gross profit. Each
 * tranche's value is discounted at its own block's present value per USD (the unitPv rows), so
 * every step is a formula over the two blocks.
 */
function walkRows(b: SheetBuilder, walk: DealWalk, r0: number): void {
  const blockCell = (j: number, off: number, col: number = COL.constant) => absCell(ROW.firstBlock + j * DEAL_ROWS.height + off, col);
  const F = (off: number) => blockCell(walk.from, off);
  const T = (off: number) => blockCell(walk.to, off);
  const tr = (at: (off: number) => string, i: number, field: number) => at(trancheRow(i, field));
  const u = (at: (off: number) => string, i: number) => at(DEAL_ROWS.unitPv0 + i);
  const each = (f: (i: number) => string) => TRANCHE_IDS.map((_, i) => f(i)).join("+");
  const isNew = (i: number) => `(${tr(F, i, TRANCHE_ROWS.mw)}=0)*(${tr(F, i, TRANCHE_ROWS.value)}=0)*(${tr(T, i, TRANCHE_ROWS.mw)}>0)`;
  const at = (row: number, col: number) => absCell(r0 + row, col);
  const MW = COL.constant;
  const VALUE = COL.total;
  const NPV = COL.firstPeriod;
  const priceTerm = `${F(DEAL_ROWS.avgPrice)}*${F(DEAL_ROWS.term)}`;
  /** The ending scenario's gross-profit base: sum of its tranches' values at their present value per USD. */
  const toBase = `(${each((i) => `${u(T, i)}*${tr(T, i, TRANCHE_ROWS.value)}`)})`;
  const mFrom = F(DEAL_ROWS.margin);
  const W = WALK_ROWS;
  const head = (off: number) => at(off, NPV);

  b.block("walk.header", r0 + W.header, 1, "header", [
    ["Seed to base, step by step: MW contracted, contract value and NPV of gross profit (USD), from the two blocks above as their Inputs columns stand", null, null, null],
  ]);
  b.block("walk.titles", r0 + W.titles, 1, "label", [["Step", null, "MW contracted", "Contract value, initial term", "NPV of gross profit", "Source"]]);
  const S = SEED_TO_BASE_SOURCES;
  b.block("walk.rows", r0 + W.from, 1, "calc", [
    [
      `=${blockCell(walk.from, DEAL_ROWS.header, 1)}`,
      null,
      `=${F(DEAL_ROWS.contractedMw)}`,
      `=${F(DEAL_ROWS.initialValue)}`,
      `=${mFrom}*(${each((i) => `${u(F, i)}*${tr(F, i, TRANCHE_ROWS.value)}`)})`,
      "The starting scenario's block above.",
    ],
    [
      RECONCILE_STEPS.newTranches,
      null,
      `=${each((i) => `${isNew(i)}*${tr(T, i, TRANCHE_ROWS.mw)}`)}`,
      `=${at(W.newTranches, MW)}*${priceTerm}`,
      `=${mFrom}*(${each((i) => `${isNew(i)}*${u(T, i)}*${tr(T, i, TRANCHE_ROWS.mw)}`)})*${priceTerm}`,
      S.newTranches,
    ],
    [RECONCILE_STEPS.schedule, null, 0, 0, `=${mFrom}*(${each((i) => `(${u(T, i)}-${u(F, i)})*${tr(F, i, TRANCHE_ROWS.value)}`)})`, S.schedule],
    [
      RECONCILE_STEPS.price,
      null,
      `=${T(DEAL_ROWS.contractedMw)}-${F(DEAL_ROWS.contractedMw)}-${at(W.newTranches, MW)}`,
      `=${T(DEAL_ROWS.initialValue)}-${F(DEAL_ROWS.initialValue)}-${at(W.newTranches, VALUE)}`,
      `=${mFrom}*${toBase}-SUM(${head(W.from)}:${head(W.schedule)})`,
      S.price,
    ],
    [RECONCILE_STEPS.margin, null, 0, 0, `=(${T(DEAL_ROWS.margin)}-${mFrom})*${toBase}`, S.margin],
    [`=${blockCell(walk.to, DEAL_ROWS.header, 1)}`, null, `=${T(DEAL_ROWS.contractedMw)}`, `=${T(DEAL_ROWS.initialValue)}`, `=${T(DEAL_ROWS.margin)}*${toBase}`, "The ending scenario's block above."],
    ["Check: the walk ends at the ending block's NPV", null, null, null, `=ABS(${head(W.to)}-${T(DEAL_ROWS.npv)})<=1E-6*MAX(1,ABS(${T(DEAL_ROWS.npv)}))`, null],
  ]);
  b.format(`${cell(r0 + W.from, MW)}:${cell(r0 + W.to, MW)}`, { numberFormat: FORMATS.mw });
  b.format(`${cell(r0 + W.from, VALUE)}:${cell(r0 + W.to, NPV)}`, { numberFormat: FORMATS.usdM });
  for (const off of [W.from, W.to]) b.format(`${cell(r0 + off, 1)}:${cell(r0 + off, NPV)}`, { bold: true });
}
