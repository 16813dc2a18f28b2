/**
 * The Deal sheet: one block per scenario (the live one first), years across, one formula
 * per row copied across. The formulas are the model's (src/model/deal.ts, ramp.ts) written
 * natively, so the sheet recalculates without the add-in:
 *
 * - billable MW in year Y = MW * (G(Y+1-s) - G(Y-s) - G(Y+1-s-N) + G(Y-s-N)), where G is the
 *   integral of the linear ramp of length r starting at s (decimal year), N the years billed;
 * - revenue in year Y = MW * p1 * SUMPRODUCT over contract years k of
 *   (1+e)^(k-1) * (1 + q if k > term) * (G(Y+2-s-k) - 2 G(Y+1-s-k) + G(Y-s-k)).
 */
import { absCell, cell, columnLetter } from "./a1";
import { InputsLayout } from "./inputs";
import { COL, FORMATS, MAX_CONTRACT_YEARS, ROW, SheetNames } from "./layout";
import { SheetBuilder, periodCells } from "./sheet";
import { CellContent, SheetPlan } from "./types";

export const TRANCHES = [1, 2, 3, 4] as const;

/** Row offsets inside a Deal block. */
export const DEAL_ROWS = (() => {
  const r = {
    header: 0,
    term: 1,
    renewals: 2,
    renewalYears: 3,
    yearsBilled: 4,
    escalator: 5,
    repricing: 6,
    delay: 7,
    delayAfter: 8,
    margin: 9,
    pue: 10,
    powerPrice: 11,
    loadFactor: 12,
    hours: 13,
    rate: 14,
    valuationDate: 15,
    tranche0: 16, // 8 rows per tranche
    contractedMw: 48,
    initialValue: 49,
    tcv: 50,
    avgPrice: 51,
    mw0: 52, // billable MW per tranche, 4 rows
    mwTotal: 56,
    rev0: 57, // revenue per tranche, 4 rows
    revenue: 61,
    pricePerMw: 62,
    power: 63,
    reportedRevenue: 64,
    licenceCost: 65,
    reportedCost: 66,
    grossProfit: 67,
    licenceMargin: 68,
    reportedMargin: 69,
    valuationTime: 70, // constant: the valuation date as a decimal year
    revenueFromValuation: 71, // constant: revenue from the valuation date to the end of its year
    counted: 72,
    discountFactor: 73,
    discounted: 74,
    npv: 75,
    height: 77,
  };
  return r;
})();

/** Offsets inside a tranche's 8 constant rows. */
export const TRANCHE_ROWS = { mw: 0, value: 1, planned: 2, start: 3, decimalStart: 4, ramp: 5, price: 6, valueWithRenewals: 7 } as const;

export interface DealLayout {
  readonly sheet: SheetPlan;
  /** First row of each scenario's block (index 0 = live). */
  readonly blockRows: readonly number[];
  readonly firstYear: number;
  readonly years: number;
  readonly lastCol: number;
}

/** The elementwise ramp integral, for use inside SUMPRODUCT (no IF: arrays). */
function gArray(x: string, r: string): string {
  return `((${x})>0)*((${x})<${r})*(${x})^2/(2*${r}+(${r}=0))+((${x})>=${r})*((${x})-${r}/2)`;
}

/** The scalar ramp integral. */
function gScalar(x: string, r: string): string {
  return `IF(${r}=0,MAX(${x},0),MIN(MAX(${x},0),${r})^2/(2*${r})+MAX(${x}-${r},0))`;
}

export function buildDeal(
  names: SheetNames,
  inputs: InputsLayout,
  labels: readonly string[],
  firstYear: number,
  years: number,
  masterCheck: string,
): DealLayout {
  const b = new SheetBuilder("deal", names.deal, "#548235");
  const lastCol = COL.firstPeriod + years - 1;
  const kLast = COL.firstPeriod + MAX_CONTRACT_YEARS - 1;
  const K = `${absCell(ROW.index, COL.firstPeriod)}:${absCell(ROW.index, kLast)}`;

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
    b.block(`${id}.links3`, R(DEAL_ROWS.rate), 1, "link", [
      ["Discount rate", "rate", link("discount_rate")],
      ["Valuation date (NPV as of this date)", "date", link("valuation_date")],
    ]);
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
    for (const i of TRANCHES) {
      const t0 = R(DEAL_ROWS.tranche0 + (i - 1) * 8);
      const tc = (off: number) => absCell(t0 + off, COL.constant);
      const planned = tc(TRANCHE_ROWS.planned);
      const start = tc(TRANCHE_ROWS.start);
      b.block(`${id}.t${i}.links`, t0, 1, "link", [
        [`Tranche ${i}: MW`, "MW", link(`t${i}_mw`)],
        [`Tranche ${i}: contract value`, "USD", link(`t${i}_value`)],
        [`Tranche ${i}: billing start (planned)`, "date", link(`t${i}_start`)],
      ]);
      b.block(`${id}.t${i}.calc`, t0 + TRANCHE_ROWS.start, 1, "calc", [
        [
          `Tranche ${i}: billing start (after delay)`,
          "date",
          `=IF(AND(${C(DEAL_ROWS.delay)}>0,${planned}>${C(DEAL_ROWS.delayAfter)}),EDATE(${planned},${C(DEAL_ROWS.delay)}),${planned})`,
        ],
        [
          `Tranche ${i}: billing start (decimal year)`,
          "year",
          `=YEAR(${start})+(${start}-DATE(YEAR(${start}),1,1))/(DATE(YEAR(${start})+1,1,1)-DATE(YEAR(${start}),1,1))`,
        ],
        [`Tranche ${i}: ramp to full load`, "years", `=${inputs.ref(`t${i}_ramp_months`, col)}/12`],
        [
          `Tranche ${i}: price per MW-year, contract year 1`,
          "USD",
          `=IF(${tc(TRANCHE_ROWS.mw)}>0,${tc(TRANCHE_ROWS.value)}/(${tc(TRANCHE_ROWS.mw)}*IF(${e}=0,${T},((1+${e})^${T}-1)/${e})),0)`,
        ],
        [
          `Tranche ${i}: value incl. renewals`,
          "USD",
          `=${tc(TRANCHE_ROWS.value)}+${tc(TRANCHE_ROWS.mw)}*${tc(TRANCHE_ROWS.price)}*(1+${q})*IF(${e}=0,${N}-${T},(1+${e})^${T}*((1+${e})^(${N}-${T})-1)/${e})`,
        ],
      ]);
      b.format(cell(t0 + TRANCHE_ROWS.mw, COL.constant), { numberFormat: FORMATS.mw });
      b.format(cell(t0 + TRANCHE_ROWS.value, COL.constant), { numberFormat: FORMATS.usdM });
      b.format(`${cell(t0 + TRANCHE_ROWS.planned, COL.constant)}:${cell(t0 + TRANCHE_ROWS.start, COL.constant)}`, { numberFormat: FORMATS.date });
      b.format(cell(t0 + TRANCHE_ROWS.decimalStart, COL.constant), { numberFormat: "0.0000" });
      b.format(cell(t0 + TRANCHE_ROWS.ramp, COL.constant), { numberFormat: "0.00" });
      b.format(cell(t0 + TRANCHE_ROWS.price, COL.constant), { numberFormat: FORMATS.usdM2 });
      b.format(cell(t0 + TRANCHE_ROWS.valueWithRenewals, COL.constant), { numberFormat: FORMATS.usdM });
    }
    const trancheCells = (off: number) => TRANCHES.map((i) => absCell(R(DEAL_ROWS.tranche0 + (i - 1) * 8 + off), COL.constant));
    b.block(`${id}.totals`, R(DEAL_ROWS.contractedMw), 1, "calc", [
      ["MW contracted", "MW", `=${trancheCells(TRANCHE_ROWS.mw).join("+")}`],
      ["Contract value, initial term", "USD", `=${trancheCells(TRANCHE_ROWS.value).join("+")}`],
      ["Contract value incl. renewals", "USD", `=${trancheCells(TRANCHE_ROWS.valueWithRenewals).join("+")}`],
      [
        "Average price per MW-year, initial term",
        "USD",
        `=IF(${C(DEAL_ROWS.contractedMw)}>0,${C(DEAL_ROWS.initialValue)}/(${C(DEAL_ROWS.contractedMw)}*${T}),0)`,
      ],
    ]);
    b.format(cell(R(DEAL_ROWS.contractedMw), COL.constant), { numberFormat: FORMATS.mw });
    b.format(`${cell(R(DEAL_ROWS.initialValue), COL.constant)}:${cell(R(DEAL_ROWS.tcv), COL.constant)}`, { numberFormat: FORMATS.usdM });
    b.format(cell(R(DEAL_ROWS.avgPrice), COL.constant), { numberFormat: FORMATS.usdM2 });

    // Period rows: one formula per row, copied across.
    const Y = (c: number) => cell(ROW.timeline, c, { row: true });
    const at = (off: number, c: number) => cell(R(off), c);
    /** Label, unit, no constant, the row's total (flows only), then the formula for each year. */
    const periodRow = (off: number, label: string, unit: string, total: boolean, f: (c: number) => string): CellContent[] =>
      periodCells(R(off), years, label, unit, total, f);
    const rows: CellContent[][] = [];
    for (const i of TRANCHES) {
      const t0 = R(DEAL_ROWS.tranche0 + (i - 1) * 8);
      const mw = absCell(t0 + TRANCHE_ROWS.mw, COL.constant);
      const s = absCell(t0 + TRANCHE_ROWS.decimalStart, COL.constant);
      const r = absCell(t0 + TRANCHE_ROWS.ramp, COL.constant);
      rows.push(
        periodRow(DEAL_ROWS.mw0 + i - 1, `Tranche ${i}: billable MW (average over the year)`, "MW", true, (c) => {
          const y = Y(c);
          return `=${mw}*(${gScalar(`${y}+1-${s}`, r)}-${gScalar(`${y}-${s}`, r)}-${gScalar(`${y}+1-${s}-${N}`, r)}+${gScalar(`${y}-${s}-${N}`, r)})`;
        }),
      );
    }
    rows.push(periodRow(DEAL_ROWS.mwTotal, "Billable MW (average over the year)", "MW", true, (c) => `=SUM(${at(DEAL_ROWS.mw0, c)}:${at(DEAL_ROWS.mw0 + 3, c)})`));
    for (const i of TRANCHES) {
      const t0 = R(DEAL_ROWS.tranche0 + (i - 1) * 8);
      const mw = absCell(t0 + TRANCHE_ROWS.mw, COL.constant);
      const p1 = absCell(t0 + TRANCHE_ROWS.price, COL.constant);
      const s = absCell(t0 + TRANCHE_ROWS.decimalStart, COL.constant);
      const r = absCell(t0 + TRANCHE_ROWS.ramp, COL.constant);
      rows.push(
        periodRow(DEAL_ROWS.rev0 + i - 1, `Tranche ${i}: revenue (licence fee)`, "USD", true, (c) => {
          const y = Y(c);
          const share = `(${gArray(`${y}+2-${s}-${K}`, r)})-2*(${gArray(`${y}+1-${s}-${K}`, r)})+(${gArray(`${y}-${s}-${K}`, r)})`;
          return `=${mw}*${p1}*SUMPRODUCT((${K}<=${N})*(1+${e})^(${K}-1)*(1+${q}*(${K}>${T}))*(${share}))`;
        }),
      );
    }
    rows.push(periodRow(DEAL_ROWS.revenue, "Revenue (licence fee)", "USD", true, (c) => `=SUM(${at(DEAL_ROWS.rev0, c)}:${at(DEAL_ROWS.rev0 + 3, c)})`));
    rows.push(
      periodRow(DEAL_ROWS.pricePerMw, "Revenue per billable MW-year", "USD", false, (c) =>
        `=IF(${at(DEAL_ROWS.mwTotal, c)}>0,${at(DEAL_ROWS.revenue, c)}/${at(DEAL_ROWS.mwTotal, c)},0)`,
      ),
    );
    rows.push(
      periodRow(DEAL_ROWS.power, "Pass-through power (MW x load x PUE x hours x price)", "USD", true, (c) =>
        `=${at(DEAL_ROWS.mwTotal, c)}*${C(DEAL_ROWS.loadFactor)}*${C(DEAL_ROWS.pue)}*${C(DEAL_ROWS.hours)}*${C(DEAL_ROWS.powerPrice)}`,
      ),
    );
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
    rows.push(
      periodRow(DEAL_ROWS.counted, "Gross profit from the valuation date (earned before it is history)", "USD", true, (c) =>
        `=IF(${Y(c)}>=${t0},${at(DEAL_ROWS.grossProfit, c)},IF(${Y(c)}+1>${t0},${C(DEAL_ROWS.revenueFromValuation)}*${C(DEAL_ROWS.margin)},0))`,
      ),
    );
    rows.push(
      periodRow(DEAL_ROWS.discountFactor, "Discount factor (year end to the valuation date)", "factor", false, (c) =>
        `=IF(${Y(c)}+1>${t0},1/(1+${C(DEAL_ROWS.rate)})^(${Y(c)}+1-${t0}),0)`,
      ),
    );
    rows.push(periodRow(DEAL_ROWS.discounted, "Discounted gross profit", "USD", true, (c) => `=${at(DEAL_ROWS.counted, c)}*${at(DEAL_ROWS.discountFactor, c)}`));
    b.block(`${id}.periods`, R(DEAL_ROWS.mw0), 1, "calc", rows.slice(0, DEAL_ROWS.valuationTime - DEAL_ROWS.mw0));
    const d = C(DEAL_ROWS.valuationDate);
    const yearEnd = `(YEAR(${d})+1)`; // 1 January after the valuation date
    const fromValuation = TRANCHES.map((i) => {
      const tr = R(DEAL_ROWS.tranche0 + (i - 1) * 8);
      const mw = absCell(tr + TRANCHE_ROWS.mw, COL.constant);
      const p1 = absCell(tr + TRANCHE_ROWS.price, COL.constant);
      const s = absCell(tr + TRANCHE_ROWS.decimalStart, COL.constant);
      const r = absCell(tr + TRANCHE_ROWS.ramp, COL.constant);
      // Share-years in contract year k over [t0, year end): the window form of the revenue row's share.
      const share = `(${gArray(`${yearEnd}+1-${s}-${K}`, r)})-(${gArray(`${t0}+1-${s}-${K}`, r)})-(${gArray(`${yearEnd}-${s}-${K}`, r)})+(${gArray(`${t0}-${s}-${K}`, r)})`;
      return `${mw}*${p1}*SUMPRODUCT((${K}<=${N})*(1+${e})^(${K}-1)*(1+${q}*(${K}>${T}))*(${share}))`;
    });
    b.block(`${id}.valuation`, R(DEAL_ROWS.valuationTime), 1, "calc", [
      ["Valuation date (decimal year)", "year", `=YEAR(${d})+(${d}-DATE(YEAR(${d}),1,1))/(DATE(YEAR(${d})+1,1,1)-DATE(YEAR(${d}),1,1))`],
      ["Revenue from the valuation date to the end of its year", "USD", `=${fromValuation.join("+")}`],
    ]);
    b.format(cell(R(DEAL_ROWS.valuationTime), COL.constant), { numberFormat: "0.0000" });
    b.format(cell(R(DEAL_ROWS.revenueFromValuation), COL.constant), { numberFormat: FORMATS.usdM });
    b.block(`${id}.npvRows`, R(DEAL_ROWS.counted), 1, "calc", rows.slice(DEAL_ROWS.valuationTime - DEAL_ROWS.mw0));
    b.block(`${id}.npv`, R(DEAL_ROWS.npv), 1, "calc", [["NPV of gross profit (as of the valuation date)", "USD", `=SUM(${at(DEAL_ROWS.discounted, COL.firstPeriod)}:${at(DEAL_ROWS.discounted, lastCol)})`]]);
    b.format(cell(R(DEAL_ROWS.npv), 1) + ":" + cell(R(DEAL_ROWS.npv), COL.constant), { bold: true });
    b.format(cell(R(DEAL_ROWS.npv), COL.constant), { numberFormat: FORMATS.usdM });

    const fmtRows = (from: number, to: number, f: string) =>
      b.format(`${cell(R(from), COL.total)}:${cell(R(to), lastCol)}`, { numberFormat: f });
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
  });

  b.columnWidths([
    { column: "A", width: 52 },
    { column: "B", width: 8 },
    { column: "C", width: 13 },
    { column: "D", width: 13 },
    ...Array.from({ length: Math.max(years, MAX_CONTRACT_YEARS) }, (_, i) => ({ column: columnLetter(COL.firstPeriod + i), width: 10 })),
  ]);
  b.freeze(ROW.timeline, COL.total);
  return { sheet: b.build(), blockRows, firstYear, years, lastCol };
}
