/**
 * The Valuation sheet: free cash flow to Core Scientific from the CoreWeave contracts and its
 * value at the valuation date, in native formulas over the Deal sheet (the model's valuation.ts
 * written out), so the sheet recalculates without the add-in:
 *
 * - by scenario, the bridge from the gross-profit NPV to the value (overhead, maintenance capex,
 *   tax and Core Scientific's own capex, each at its present value) and the IRR on that capex;
 * - two sensitivity grids of the value for the live scenario: discount rate x licence margin,
 *   and supply-chain delay x a change to every tranche's price (the model's `sensitivity`);
 * - the tornado of the inputs that move the value most (the model's `tornado`, computed when the
 *   sheet is built, with a check that says when the live inputs have moved away from it) and its
 *   chart;
 * - one block per scenario (the live one first): calendar-year cash flows, then the same from
 *   the valuation date on (the date's own year counts from the date), discounted from each year
 *   end, as `cashFlowWindow` / `valueFlows` / `dealValue`;
 * - below the blocks, the live scenario's revenue, capex and depreciation under each of the delay
 *   grid's delays, which that grid reads.
 *
 * Units: USD; rates as decimals; years as decimal years (the model's time axis).
 */
import { TRANCHE_IDS, findAssumption } from "../model/assumptions";
import { PRICE_CHANGE, TornadoBar } from "../model/sensitivity";
import { absCell, cell, columnLetter, sheetRef } from "./a1";
import { DEAL_ROWS, DealLayout, TRANCHE_ROWS, decimalYear, gArray, trancheLabel, trancheRow } from "./deal";
import { InputsLayout } from "./inputs";
import { COL, FORMATS, MAX_CONTRACT_YEARS, ROW, SheetNames, formatForUnit } from "./layout";
import { SheetBuilder, consecutive, periodCells } from "./sheet";
import { CellContent, SheetPlan } from "./types";

const TRANCHES = TRANCHE_IDS.length;
const HEAD = consecutive(
  ["header", "margin", "overheadRate", "maintenanceRate", "taxRate", "capexPerMw", "capexLead", "term", "rate", "valuationTime", "renewals", "capex0"] as const,
  0,
);
/** One start row per tranche after one capex row per tranche. */
const start0 = HEAD.capex0 + TRANCHES;
const FROM_VALUATION = consecutive(["capexFromValuation", "depreciationFromValuation"] as const, start0 + TRANCHES);
const PERIODS = consecutive(
  [
    "revenue",
    "powerIn",
    "powerOut",
    "siteOpex",
    "overhead",
    "ebitda",
    "capex",
    "depreciation",
    "tax",
    "maintenance",
    "fcf",
    "countedRevenue",
    "countedCapex",
    "countedDepreciation",
    "countedTax",
    "countedFcf",
    "yearsToEnd",
    "discountFactor",
    "pv",
    "value",
    "irr",
    "bridgeNpv",
    "bridgeOverhead",
    "bridgeMaintenance",
    "bridgeTax",
    "bridgeCapex",
    "bridgeValue",
    "bridgeCheck",
  ] as const,
  FROM_VALUATION.depreciationFromValuation + 1,
);
/** Rows of one scenario's block, from its header: constants, one capex and one billing-start row per tranche, then years across. */
export const VALUATION_BLOCK = { ...HEAD, start0, ...FROM_VALUATION, ...PERIODS } as const;
export const VALUATION_BLOCK_HEIGHT = VALUATION_BLOCK.bridgeCheck + 2;

/** Columns of the by-scenario table at the top. */
export const VALUE_TABLE_COLS = consecutive(["label", "unused", "npv", "overhead", "maintenance", "tax", "capex", "value", "irr", "renewals"] as const, 1);

/** Grid size: five values each way, the middle one the live scenario's own. */
export const GRID_SIZE = 5;

/** Defaults of the grids' steps and delays (inputs on the sheet: blue, editable). */
export const GRID_DEFAULTS = { rateStep: 0.01, marginStep: 0.025, priceStep: 0.05, delays: [0, 3, 6, 9, 12] } as const;

/** Rows of a grid, from its header. */
export const GRID_ROWS = consecutive(["header", "steps", "colValues", "first"] as const, 0);
export const GRID_HEIGHT = GRID_ROWS.first + GRID_SIZE + 1;

/** Columns of the tornado table. */
export const TORNADO_COLS = consecutive(["label", "key", "low", "high", "valueLow", "valueHigh", "swing", "lowDelta", "highDelta", "basis"] as const, 1);
/** Rows of the tornado, from its header. */
export const TORNADO_ROWS = consecutive(["header", "centre", "check", "titles", "first"] as const, 0);

/** Where everything sits on the sheet, for the tests and the workbook's other sheets. */
export interface ValuationLayout {
  readonly sheet: SheetPlan;
  readonly tableRow: number;
  readonly rateGridRow: number;
  readonly delayGridRow: number;
  readonly tornadoRow: number;
  readonly timelineRow: number;
  readonly blockRows: readonly number[];
  readonly delayRow: number;
}

/** Rows of the delay section below the blocks: what every delay shares, then one group per delay. */
const DELAY_HEAD = consecutive(["header", "index", "priceSteps", "windowStart", "windowEnd", "scale0"] as const, 0);
export const DELAY_SECTION = { ...DELAY_HEAD, ramp0: DELAY_HEAD.scale0 + TRANCHES, group0: DELAY_HEAD.scale0 + 2 * TRANCHES } as const;

/** Row offsets inside one delay's group: one start and one revenue row per tranche, then the totals. */
export const DELAY_GROUP = {
  start: (i: number) => i,
  revenue: (i: number) => TRANCHES + i,
  total: 2 * TRANCHES,
  capex: 2 * TRANCHES + 1,
  depreciation: 2 * TRANCHES + 2,
  height: 2 * TRANCHES + 3,
} as const;

/** The IRR cell's text when there is no capex of Core's. */
export const NO_CAPEX_IRR = "n/a: no capex of Core Scientific's to earn a return on (CoreWeave funds the build)";

/** The tornado the sheet shows (the model's `tornado`, for the scenario built first). */
export interface TornadoOnSheet {
  /** The scenario the tornado was computed for and its value then. */
  readonly scenario: string;
  readonly centre: number;
  readonly bars: readonly TornadoBar[];
}

export function buildValuation(names: SheetNames, inputs: InputsLayout, deal: DealLayout, tornado: TornadoOnSheet, masterCheck: string): ValuationLayout {
  const b = new SheetBuilder("valuation", names.valuation, "#BF8F00");
  const { firstYear, years, lastCol } = deal;
  const blocks = deal.blockRows.length;
  const D = (r: number, c: number) => sheetRef(names.deal, absCell(r, c));
  const n = TRANCHES;

  // The grids and the tornado first: their rows (and the inputs in them) stay put however many
  // scenarios are built; the table by scenario follows.
  const rateGridRow = ROW.title + 3;
  const delayGridRow = rateGridRow + GRID_HEIGHT + 1;
  const tornadoRow = delayGridRow + GRID_HEIGHT + 1;
  const tableRow = tornadoRow + TORNADO_ROWS.first + tornado.bars.length + 1;
  const chartTop = tableRow + blocks + 3;
  const timelineRow = chartTop + 22;
  const blockRows = deal.blockRows.map((_, j) => timelineRow + 2 + j * VALUATION_BLOCK_HEIGHT);
  const delayRow = timelineRow + 2 + blocks * VALUATION_BLOCK_HEIGHT;
  const group = DELAY_GROUP;

  b.block("title", ROW.title, 1, "title", [["CORZ — Valuation: free cash flow to Core Scientific from the CoreWeave contracts, its value, sensitivities (USD)"]]);
  b.block("check", ROW.check, 1, "check", [[masterCheck]]);

  /** A block's constant cell. */
  const V = (j: number, off: number) => absCell(blockRows[j] + off, COL.constant);
  const rowRange = (j: number, off: number) => `${absCell(blockRows[j] + off, COL.firstPeriod)}:${absCell(blockRows[j] + off, lastCol)}`;

  // ---- By scenario: the bridge from gross-profit NPV to value ----
  const T = VALUE_TABLE_COLS;
  b.block("table.header", tableRow, 1, "header", [
    ["Value by scenario: gross-profit NPV to the value of free cash flow, at each scenario's valuation date (USD)", null, "NPV of gross profit", "Less overhead", "Less maintenance capex", "Less tax", "Less Core's capex", "Value (free cash flow)", "IRR on Core's capex", "Renewal options exercised"],
  ]);
  b.block(
    "table.rows",
    tableRow + 1,
    1,
    "link",
    deal.blockRows.map((_, j) => [
      `=${D(deal.blockRows[j] + DEAL_ROWS.header, 1)}`,
      null,
      `=${V(j, VALUATION_BLOCK.bridgeNpv)}`,
      `=${V(j, VALUATION_BLOCK.bridgeOverhead)}`,
      `=${V(j, VALUATION_BLOCK.bridgeMaintenance)}`,
      `=${V(j, VALUATION_BLOCK.bridgeTax)}`,
      `=${V(j, VALUATION_BLOCK.bridgeCapex)}`,
      `=${V(j, VALUATION_BLOCK.value)}`,
      `=${V(j, VALUATION_BLOCK.irr)}`,
      `=${V(j, VALUATION_BLOCK.renewals)}`,
    ]),
  );
  b.format(`${cell(tableRow + 1, T.npv)}:${cell(tableRow + blocks, T.value)}`, { numberFormat: FORMATS.usdM });
  b.format(`${cell(tableRow + 1, T.irr)}:${cell(tableRow + blocks, T.irr)}`, { numberFormat: FORMATS.pct });
  b.format(`${cell(tableRow + 1, T.renewals)}:${cell(tableRow + blocks, T.renewals)}`, { numberFormat: FORMATS.int });
  b.format(`${cell(tableRow + 1, T.value)}:${cell(tableRow + blocks, T.value)}`, { bold: true });
  b.block("table.note", tableRow + blocks + 1, 1, "note", [
    [
      "Value counts renewal options only as far as the scenario exercises them (last column); the tornado's renewal row shows the value with none and with both. Pass-through power is billed and paid in the same amount: it nets to zero.",
    ],
  ]);

  // ---- Grids (live scenario, block 0) ----
  const live = {
    margin: V(0, VALUATION_BLOCK.margin),
    overhead: V(0, VALUATION_BLOCK.overheadRate),
    maintenance: V(0, VALUATION_BLOCK.maintenanceRate),
    tax: V(0, VALUATION_BLOCK.taxRate),
    rate: V(0, VALUATION_BLOCK.rate),
  };
  const gridCols = Array.from({ length: GRID_SIZE }, (_, k) => COL.firstPeriod + k);
  const lastGridCol = gridCols[GRID_SIZE - 1];
  /** Present value of the live block's counted cash flows with revenue R, depreciation Dp and capex Cp (row ranges), at margin m and rate r. */
  const pvFormula = (R: string, Dp: string, Cp: string, m: string, r: string) => {
    const ebitda = `${R}*(${m}-${live.overhead})`;
    return `=SUMPRODUCT((${ebitda}-${live.maintenance}*${R}-${live.tax}*((${ebitda}-${Dp})>0)*(${ebitda}-${Dp})-${Cp})/(1+${r})^${rowRange(0, VALUATION_BLOCK.yearsToEnd)})`;
  };

  // Discount rate x licence margin.
  {
    const g = rateGridRow;
    const rowValue = (k: number) => absCell(g + GRID_ROWS.first + k, COL.constant);
    const colValue = (k: number) => absCell(g + GRID_ROWS.colValues, gridCols[k]);
    b.block("rateGrid.header", g, 1, "header", [["Value, live scenario: discount rate (down) x licence-fee margin (across) (USD)", null, null, null]]);
    b.block("rateGrid.steps.label", g + GRID_ROWS.steps, 1, "label", [["Steps: discount rate | licence margin (yours to change)", "rate"]]);
    b.block("rateGrid.steps", g + GRID_ROWS.steps, COL.constant, "input", [[GRID_DEFAULTS.rateStep, GRID_DEFAULTS.marginStep]], { rows: ["step"], cols: ["rate", "margin"] });
    const rateStep = absCell(g + GRID_ROWS.steps, COL.constant);
    const marginStep = absCell(g + GRID_ROWS.steps, COL.total);
    b.block("rateGrid.cols", g + GRID_ROWS.colValues, 1, "calc", [
      ["Licence-fee margin (the live one in the middle)", "rate", null, null, ...gridCols.map((_, k) => `=${live.margin}+(${k - (GRID_SIZE - 1) / 2})*${marginStep}`)],
    ]);
    const R = rowRange(0, VALUATION_BLOCK.countedRevenue);
    const Dp = rowRange(0, VALUATION_BLOCK.countedDepreciation);
    const Cp = rowRange(0, VALUATION_BLOCK.countedCapex);
    b.block(
      "rateGrid.rows",
      g + GRID_ROWS.first,
      1,
      "calc",
      Array.from({ length: GRID_SIZE }, (_, k) => [
        k === 0 ? "Discount rate (the live one in the middle)" : null,
        "rate",
        `=${live.rate}+(${k - (GRID_SIZE - 1) / 2})*${rateStep}`,
        null,
        ...gridCols.map((_, i) => pvFormula(R, Dp, Cp, colValue(i), rowValue(k))),
      ]),
    );
    b.format(`${cell(g + GRID_ROWS.steps, COL.constant)}:${cell(g + GRID_ROWS.steps, COL.total)}`, { numberFormat: FORMATS.pct });
    b.format(`${cell(g + GRID_ROWS.colValues, COL.firstPeriod)}:${cell(g + GRID_ROWS.colValues, lastGridCol)}`, { numberFormat: FORMATS.pct, bold: true });
    b.format(`${cell(g + GRID_ROWS.first, COL.constant)}:${cell(g + GRID_ROWS.first + GRID_SIZE - 1, COL.constant)}`, { numberFormat: FORMATS.pct, bold: true });
    b.format(`${cell(g + GRID_ROWS.first, COL.firstPeriod)}:${cell(g + GRID_ROWS.first + GRID_SIZE - 1, lastGridCol)}`, { numberFormat: FORMATS.usdM });
  }

  // Delay x price change.
  {
    const g = delayGridRow;
    const colValue = (k: number) => absCell(g + GRID_ROWS.colValues, gridCols[k]);
    b.block("delayGrid.header", g, 1, "header", [["Value, live scenario: supply-chain delay in months (down) x change to every tranche's price (across) (USD)", null, null, null]]);
    b.block("delayGrid.steps.label", g + GRID_ROWS.steps, 1, "label", [["Step: price change (yours to change)", "rate"]]);
    b.block("delayGrid.steps", g + GRID_ROWS.steps, COL.constant, "input", [[GRID_DEFAULTS.priceStep]], { rows: ["step"], cols: ["price"] });
    const priceStep = absCell(g + GRID_ROWS.steps, COL.constant);
    b.block("delayGrid.cols", g + GRID_ROWS.colValues, 1, "calc", [
      ["Price change on every tranche (none in the middle)", "rate", null, null, ...gridCols.map((_, k) => `=(${k - (GRID_SIZE - 1) / 2})*${priceStep}`)],
    ]);
    b.block("delayGrid.delays.label", g + GRID_ROWS.first, 1, "label", GRID_DEFAULTS.delays.map((_, k) => [k === 0 ? "Delay on starts after the delay date (whole months; yours to change)" : null, "months"]));
    b.block(
      "delayGrid.delays",
      g + GRID_ROWS.first,
      COL.constant,
      "input",
      GRID_DEFAULTS.delays.map((d) => [d]),
      { rows: GRID_DEFAULTS.delays.map((_, k) => `delay${k + 1}`), cols: ["months"] },
    );
    const delayRange = (k: number, off: number) => {
      const r = delayRow + DELAY_SECTION.group0 + k * group.height + off;
      return `${absCell(r, COL.firstPeriod)}:${absCell(r, lastCol)}`;
    };
    b.block(
      "delayGrid.rows",
      g + GRID_ROWS.first,
      COL.firstPeriod,
      "calc",
      GRID_DEFAULTS.delays.map((_, k) =>
        gridCols.map((_, i) => {
          const R = `${delayRange(k, group.total)}*(1+${colValue(i)})`;
          return pvFormula(R, delayRange(k, group.depreciation), delayRange(k, group.capex), live.margin, live.rate);
        }),
      ),
    );
    b.format(cell(g + GRID_ROWS.steps, COL.constant), { numberFormat: FORMATS.pct });
    b.format(`${cell(g + GRID_ROWS.colValues, COL.firstPeriod)}:${cell(g + GRID_ROWS.colValues, lastGridCol)}`, { numberFormat: FORMATS.pct, bold: true });
    b.format(`${cell(g + GRID_ROWS.first, COL.constant)}:${cell(g + GRID_ROWS.first + GRID_SIZE - 1, COL.constant)}`, { numberFormat: FORMATS.int, bold: true });
    b.format(`${cell(g + GRID_ROWS.first, COL.firstPeriod)}:${cell(g + GRID_ROWS.first + GRID_SIZE - 1, lastGridCol)}`, { numberFormat: FORMATS.usdM });
  }

  // ---- Tornado ----
  {
    const t = tornadoRow;
    const C = TORNADO_COLS;
    const centre = absCell(t + TORNADO_ROWS.centre, COL.constant);
    const first = t + TORNADO_ROWS.first;
    const last = first + tornado.bars.length - 1;
    b.block("tornado.header", t, 1, "header", [[`Tornado: the ${tornado.bars.length} inputs that move the value most, each alone from its low to its high case (scenario "${tornado.scenario}" when the sheet was built)`, null, null, null]]);
    b.block("tornado.centre", t + TORNADO_ROWS.centre, 1, "calc", [["Value the tornado is centred on (computed by the add-in when the sheet was built)", "USD", tornado.centre]]);
    b.block("tornado.check", t + TORNADO_ROWS.check, 1, "check", [
      [
        "Tornado is current: its centre is the live value (FALSE: inputs changed since the build; refresh the sheets)",
        null,
        `=ABS(${centre}-${V(0, VALUATION_BLOCK.value)})<=1E-6*MAX(1,ABS(${V(0, VALUATION_BLOCK.value)}))`,
      ],
    ]);
    b.block("tornado.titles", t + TORNADO_ROWS.titles, 1, "label", [["Input", "Key", "Low case", "High case", "Value at low", "Value at high", "Swing", "Low less centre", "High less centre", "Basis of the range"]]);
    b.block(
      "tornado.bars",
      first,
      1,
      "calc",
      tornado.bars.map((bar) => [bar.label, bar.key, bar.low, bar.high, bar.valueLow, bar.valueHigh]),
    );
    b.block(
      "tornado.swing",
      first,
      C.swing,
      "calc",
      tornado.bars.map((_, i) => {
        const r = first + i;
        return [`=ABS(${cell(r, C.valueHigh)}-${cell(r, C.valueLow)})`, `=${cell(r, C.valueLow)}-${centre}`, `=${cell(r, C.valueHigh)}-${centre}`];
      }),
    );
    b.block(
      "tornado.basis",
      first,
      C.basis,
      "note",
      tornado.bars.map((bar) => [bar.basis]),
    );
    b.format(cell(t + TORNADO_ROWS.centre, COL.constant), { numberFormat: FORMATS.usdM });
    // Each input's cases in its own unit: rates as %, months and counts whole, money in $M.
    tornado.bars.forEach((bar, i) => {
      const unit = bar.key === PRICE_CHANGE ? "rate" : (findAssumption(bar.key)?.unit ?? "");
      b.format(`${cell(first + i, C.low)}:${cell(first + i, C.high)}`, { numberFormat: unit === "USD/MW" ? FORMATS.usdM2 : formatForUnit(unit) });
    });
    b.format(`${cell(first, C.valueLow)}:${cell(last, C.highDelta)}`, { numberFormat: FORMATS.usdM });
    b.chart({
      id: "valuation.tornado",
      type: "BarClustered",
      title: "Tornado: value at each input's low and high case, less the centre (USD)",
      categories: { name: "Input", sheet: names.valuation, range: `${cell(first, C.label)}:${cell(last, C.label)}` },
      series: [
        { name: "Low case", sheet: names.valuation, range: `${cell(first, C.lowDelta)}:${cell(last, C.lowDelta)}` },
        { name: "High case", sheet: names.valuation, range: `${cell(first, C.highDelta)}:${cell(last, C.highDelta)}` },
      ],
      anchor: { from: cell(chartTop, 1), to: cell(chartTop + 20, C.basis) },
    });
  }

  // ---- Timeline and one block per scenario ----
  b.timeline("timeline", timelineRow, firstYear, years, "Total");
  const Y = (c: number) => cell(timelineRow, c, { row: true });
  deal.blockRows.forEach((d0, j) => {
    const r0 = blockRows[j];
    const col = inputs.columns[j];
    const R = (off: number) => r0 + off;
    const at = (off: number, c: number) => cell(R(off), c);
    const C = (off: number) => V(j, off);
    const B = VALUATION_BLOCK;
    const link = (key: string) => `=${inputs.ref(key, col)}`;
    const dealAt = (off: number, c: number) => sheetRef(names.deal, cell(d0 + off, c));
    const tc = (i: number, field: number) => D(d0 + trancheRow(i, field), COL.constant);
    const id = `s${j}`;
    const t0 = C(B.valuationTime);

    b.block(`${id}.header`, R(B.header), 1, "header", [[`=${D(d0 + DEAL_ROWS.header, 1)}`, null, null, null]]);
    b.block(`${id}.links`, R(B.margin), 1, "link", [
      ["Licence-fee margin (site operating cost is the rest)", "rate", `=${D(d0 + DEAL_ROWS.margin, COL.constant)}`],
      ["Allocated overhead (share of licence revenue)", "rate", link("overhead_rate")],
      ["Maintenance capex (share of licence revenue)", "rate", link("maintenance_capex_rate")],
      ["Tax rate (on EBITDA less depreciation, never below zero)", "rate", link("tax_rate")],
      ["Core Scientific's own capex per MW", "USD/MW", link("core_capex_per_mw")],
    ]);
    b.block(`${id}.lead`, R(B.capexLead), 1, "calc", [["Build before billing starts (capex spent evenly over it)", "years", `=${inputs.ref("capex_lead_months", col)}/12`]]);
    b.block(`${id}.links2`, R(B.term), 1, "link", [
      ["Term (depreciation period)", "years", `=${D(d0 + DEAL_ROWS.term, COL.constant)}`],
      ["Discount rate", "rate", `=${D(d0 + DEAL_ROWS.rate, COL.constant)}`],
      ["Valuation date (decimal year)", "year", `=${D(d0 + DEAL_ROWS.valuationTime, COL.constant)}`],
      ["Renewal options exercised (counted in the value)", "count", `=${D(d0 + DEAL_ROWS.renewals, COL.constant)}`],
    ]);
    b.block(`${id}.tranches`, R(B.capex0), 1, "calc", [
      ...TRANCHE_IDS.map((_, i) => [`${trancheLabel(i)}: Core Scientific's capex (MW x capex per MW)`, "USD", `=${tc(i, TRANCHE_ROWS.mw)}*${C(B.capexPerMw)}`]),
      ...TRANCHE_IDS.map((_, i) => [`${trancheLabel(i)}: billing start (decimal year, after delay)`, "year", `=${tc(i, TRANCHE_ROWS.decimalStart)}`]),
    ]);
    const capexRange = `${C(B.capex0)}:${C(B.capex0 + n - 1)}`;
    const startRange = `${C(B.start0)}:${C(B.start0 + n - 1)}`;
    const L = C(B.capexLead);
    const term = C(B.term);
    /** Core's capex in [a, e): each tranche's spread evenly over the lead before its billing starts (all on the day when the lead is 0). */
    const capexIn = (a: string, e: string, starts: string) => capexFormula(capexRange, starts, L, a, e);
    /** Straight-line depreciation of that capex over the term from billing start, in [a, e). */
    const depreciationIn = (a: string, e: string, starts: string) => depreciationFormula(capexRange, starts, term, a, e);
    const yearEnd = `(INT(${t0})+1)`;
    b.block(`${id}.fromValuation`, R(B.capexFromValuation), 1, "calc", [
      ["Capex from the valuation date to the end of its year", "USD", `=${capexIn(t0, yearEnd, startRange)}`],
      ["Depreciation from the valuation date to the end of its year", "USD", `=${depreciationIn(t0, yearEnd, startRange)}`],
    ]);
    for (const off of [B.margin, B.overheadRate, B.maintenanceRate, B.taxRate, B.rate]) b.format(cell(R(off), COL.constant), { numberFormat: FORMATS.pct });
    b.format(cell(R(B.capexPerMw), COL.constant), { numberFormat: FORMATS.usdM2 });
    b.format(`${cell(R(B.capexLead), COL.constant)}:${cell(R(B.term), COL.constant)}`, { numberFormat: "0.00" });
    b.format(cell(R(B.valuationTime), COL.constant), { numberFormat: "0.0000" });
    b.format(cell(R(B.renewals), COL.constant), { numberFormat: FORMATS.int });
    b.format(`${cell(R(B.capex0), COL.constant)}:${cell(R(B.capex0 + n - 1), COL.constant)}`, { numberFormat: FORMATS.usdM });
    b.format(`${cell(R(B.start0), COL.constant)}:${cell(R(B.start0 + n - 1), COL.constant)}`, { numberFormat: "0.0000" });
    b.format(`${cell(R(B.capexFromValuation), COL.constant)}:${cell(R(B.depreciationFromValuation), COL.constant)}`, { numberFormat: FORMATS.usdM });

    const row = (off: number, label: string, unit: string, total: boolean, f: (c: number) => string): CellContent[] => periodCells(R(off), years, label, unit, total, f);
    const m = C(B.margin);
    /** From the valuation date: 0 in years that end by it, `part` in the year it falls in, the full year after. */
    const counted = (c: number, part: string, full: string) => `=IF(${Y(c)}+1<=${t0},0,IF(${Y(c)}<${t0},${part},${full}))`;
    const rows: CellContent[][] = [
      row(B.revenue, "Licence revenue", "USD", true, (c) => `=${dealAt(DEAL_ROWS.revenue, c)}`),
      row(B.powerIn, "Pass-through power billed to CoreWeave (in)", "USD", true, (c) => `=${dealAt(DEAL_ROWS.power, c)}`),
      row(B.powerOut, "Pass-through power paid to the utility (out; nets to zero)", "USD", true, (c) => `=-${at(B.powerIn, c)}`),
      row(B.siteOpex, "Site operating cost (licence revenue x (1 - margin))", "USD", true, (c) => `=${at(B.revenue, c)}*(1-${m})`),
      row(B.overhead, "Allocated overhead", "USD", true, (c) => `=${at(B.revenue, c)}*${C(B.overheadRate)}`),
      row(B.ebitda, "EBITDA", "USD", true, (c) => `=${at(B.revenue, c)}-${at(B.siteOpex, c)}-${at(B.overhead, c)}`),
      row(B.capex, "Core Scientific's capex", "USD", true, (c) => `=${capexIn(Y(c), `(${Y(c)}+1)`, startRange)}`),
      row(B.depreciation, "Depreciation of that capex", "USD", true, (c) => `=${depreciationIn(Y(c), `(${Y(c)}+1)`, startRange)}`),
      row(B.tax, "Tax", "USD", true, (c) => `=${C(B.taxRate)}*MAX(0,${at(B.ebitda, c)}-${at(B.depreciation, c)})`),
      row(B.maintenance, "Maintenance capex", "USD", true, (c) => `=${at(B.revenue, c)}*${C(B.maintenanceRate)}`),
      row(B.fcf, "Free cash flow (EBITDA - tax - capex - maintenance capex)", "USD", true, (c) => `=${at(B.ebitda, c)}-${at(B.tax, c)}-${at(B.capex, c)}-${at(B.maintenance, c)}`),
      row(B.countedRevenue, "Licence revenue from the valuation date", "USD", true, (c) => counted(c, D(d0 + DEAL_ROWS.revenueFromValuation, COL.constant), at(B.revenue, c))),
      row(B.countedCapex, "Capex from the valuation date", "USD", true, (c) => counted(c, C(B.capexFromValuation), at(B.capex, c))),
      row(B.countedDepreciation, "Depreciation from the valuation date", "USD", true, (c) => counted(c, C(B.depreciationFromValuation), at(B.depreciation, c))),
      row(B.countedTax, "Tax from the valuation date", "USD", true, (c) =>
        `=${C(B.taxRate)}*MAX(0,${at(B.countedRevenue, c)}*(${m}-${C(B.overheadRate)})-${at(B.countedDepreciation, c)})`,
      ),
      row(B.countedFcf, "Free cash flow from the valuation date", "USD", true, (c) =>
        `=${at(B.countedRevenue, c)}*(${m}-${C(B.overheadRate)}-${C(B.maintenanceRate)})-${at(B.countedTax, c)}-${at(B.countedCapex, c)}`,
      ),
      row(B.yearsToEnd, "Years from the valuation date to the year end", "years", false, (c) => `=${Y(c)}+1-${t0}`),
      row(B.discountFactor, "Discount factor (year end to the valuation date)", "factor", false, (c) => `=IF(${Y(c)}+1>${t0},1/(1+${C(B.rate)})^${at(B.yearsToEnd, c)},0)`),
      row(B.pv, "Present value of the year's free cash flow", "USD", true, (c) => `=${at(B.countedFcf, c)}*${at(B.discountFactor, c)}`),
    ];
    b.block(`${id}.periods`, R(B.revenue), 1, "calc", rows);
    const pvOf = (off: number) => `SUMPRODUCT(${rowRange(j, off)},${rowRange(j, B.discountFactor)})`;
    b.block(`${id}.value`, R(B.value), 1, "calc", [
      [`="Value of free cash flow at the valuation date (incl. "&${C(B.renewals)}&" renewal options exercised)"`, "USD", `=SUM(${rowRange(j, B.pv)})`],
      [
        "IRR on Core Scientific's own capex (calendar years, from the first capex)",
        "rate",
        `=IF(SUM(${rowRange(j, B.capex)})>0,IRR(${rowRange(j, B.fcf)}),"${NO_CAPEX_IRR}")`,
      ],
      ["Bridge: NPV of gross profit (Deal sheet)", "USD", `=${D(d0 + DEAL_ROWS.npv, COL.constant)}`],
      ["Less allocated overhead, at present value", "USD", `=-${pvOf(B.countedRevenue)}*${C(B.overheadRate)}`],
      ["Less maintenance capex, at present value", "USD", `=-${pvOf(B.countedRevenue)}*${C(B.maintenanceRate)}`],
      ["Less tax, at present value", "USD", `=-${pvOf(B.countedTax)}`],
      ["Less Core Scientific's capex, at present value", "USD", `=-${pvOf(B.countedCapex)}`],
      ["Bridge: value of free cash flow", "USD", `=SUM(${C(B.bridgeNpv)}:${C(B.bridgeCapex)})`],
      ["Check: the bridge ends at the value", null, `=ABS(${C(B.bridgeValue)}-${C(B.value)})<=1E-6*MAX(1,ABS(${C(B.value)}))`],
    ]);
    b.format(cell(R(B.value), COL.constant), { numberFormat: FORMATS.usdM, bold: true });
    b.format(cell(R(B.irr), COL.constant), { numberFormat: FORMATS.pct });
    b.format(`${cell(R(B.bridgeNpv), COL.constant)}:${cell(R(B.bridgeValue), COL.constant)}`, { numberFormat: FORMATS.usdM });
    b.format(`${cell(R(B.value), 1)}:${cell(R(B.value), COL.constant)}`, { bold: true });
    const fmtRows = (from: number, to: number, f: string) => b.format(`${cell(R(from), COL.total)}:${cell(R(to), lastCol)}`, { numberFormat: f });
    fmtRows(B.revenue, B.countedFcf, FORMATS.usdM);
    fmtRows(B.yearsToEnd, B.yearsToEnd, "0.0000");
    fmtRows(B.discountFactor, B.discountFactor, FORMATS.factor);
    fmtRows(B.pv, B.pv, FORMATS.usdM);
    for (const off of [B.ebitda, B.fcf, B.countedFcf]) b.format(`${cell(R(off), 1)}:${cell(R(off), lastCol)}`, { bold: true });

    // The delay grid's helper rows read the live block only.
    if (j === 0) delayRows(b, { names, d0, delayRow, delayGridRow, years, lastCol, Y, t0, tc, capexIn, depreciationIn });
  });

  b.columnWidths([
    { column: "A", width: 60 },
    { column: "B", width: 10 },
    { column: "C", width: 14 },
    { column: "D", width: 14 },
    ...Array.from({ length: Math.max(years, TORNADO_COLS.basis - COL.firstPeriod + 1) }, (_, i) => ({ column: columnLetter(COL.firstPeriod + i), width: 13 })),
  ]);
  b.freeze(ROW.check, 1);
  return { sheet: b.build(), tableRow, rateGridRow, delayGridRow, tornadoRow, timelineRow, blockRows, delayRow };
}

/** A number clamped to [0, 1], elementwise (for SUMPRODUCT). */
function clamp01(z: string): string {
  return `((${z})>0)*((${z})<1)*(${z})+((${z})>=1)`;
}

/**
 * Capex in [a, e) over tranches (a range of capex and one of billing starts, cell for cell):
 * spent evenly over the lead L before billing starts, the share by e less the share by a; with
 * L = 0, all of it on the start day (a <= start < e).
 */
function capexFormula(capex: string, starts: string, L: string, a: string, e: string): string {
  const share = (x: string) => clamp01(`(${x}-${starts})/${L}+1`);
  return `IF(${L}>0,SUMPRODUCT(${capex},${share(e)}-(${share(a)})),SUMPRODUCT(${capex},(${e}>${starts})-(${a}>${starts})))`;
}

/** Straight-line depreciation in [a, e) of that capex over the term T from billing start (T is at least a year). */
function depreciationFormula(capex: string, starts: string, T: string, a: string, e: string): string {
  const share = (x: string) => clamp01(`(${x}-${starts})/${T}`);
  return `SUMPRODUCT(${capex},${share(e)}-(${share(a)}))`;
}

/** What the delay section needs from the live block. */
interface DelayContext {
  readonly names: SheetNames;
  /** First row of the live block on the Deal sheet. */
  readonly d0: number;
  readonly delayRow: number;
  readonly delayGridRow: number;
  readonly years: number;
  readonly lastCol: number;
  /** The timeline year above column c. */
  readonly Y: (c: number) => string;
  /** The live block's valuation date (decimal year). */
  readonly t0: string;
  /** A live tranche's constant on the Deal sheet. */
  readonly tc: (i: number, field: number) => string;
  /** The live block's capex and depreciation in [a, e) with billing starts in a range of one cell per tranche. */
  readonly capexIn: (a: string, e: string, starts: string) => string;
  readonly depreciationIn: (a: string, e: string, starts: string) => string;
}

/**
 * The live scenario under each delay of the delay grid, from the valuation date: each tranche's
 * billing start, its licence revenue in each year's window (the Deal sheet's formula, summed by
 * parts: revenue over [a, e) = MW x price x SUMPRODUCT of the price index's steps and G(e - s + 1 - k)
 * - G(a - s + 1 - k)), capex and depreciation.
 */
function delayRows(b: SheetBuilder, x: DelayContext): void {
  const S = DELAY_SECTION;
  const g = DELAY_GROUP;
  const r0 = x.delayRow;
  const n = TRANCHES;
  const D = (r: number, c: number) => sheetRef(x.names.deal, absCell(r, c));
  const kCount = MAX_CONTRACT_YEARS + 1;
  const kCols = Array.from({ length: kCount }, (_, i) => COL.firstPeriod + i);
  const span = (row: number) => `${absCell(row, COL.firstPeriod)}:${absCell(row, COL.firstPeriod + kCount - 1)}`;
  const F = (k: number) => D(x.d0 + DEAL_ROWS.priceIndex, COL.firstPeriod + k - 1); // k = 1..MAX_CONTRACT_YEARS
  const periodCols = Array.from({ length: x.years }, (_, i) => COL.firstPeriod + i);
  const a = (c: number) => cell(r0 + S.windowStart, c, { row: true });
  const e = (c: number) => cell(r0 + S.windowEnd, c, { row: true });

  b.block("delays.header", r0 + S.header, 1, "header", [["Live scenario under each delay of the delay grid: billing starts, revenue, capex and depreciation from the valuation date", null, null, null]]);
  b.block("delays.index.label", r0 + S.index, 1, "label", [["Contract year index less one, j - 1 (used by the revenue formulas)", "j - 1"]]);
  b.block("delays.index", r0 + S.index, COL.firstPeriod, "calc", [kCols.map((_, i) => i)]);
  b.block("delays.steps", r0 + S.priceSteps, 1, "calc", [
    [
      "Step in the price index at contract year j (index j less index j-1)",
      "x year 1",
      null,
      null,
      ...kCols.map((_, i) => {
        const k = i + 1;
        if (k === 1) return `=${F(1)}`;
        if (k > MAX_CONTRACT_YEARS) return `=-${F(MAX_CONTRACT_YEARS)}`;
        return `=${F(k)}-${F(k - 1)}`;
      }),
    ],
  ]);
  b.block("delays.window", r0 + S.windowStart, 1, "calc", [
    ["Window start: the later of 1 January and the valuation date (the window is empty before it)", "year", null, null, ...periodCols.map((c) => `=MIN(MAX(${x.Y(c)},${x.t0}),${x.Y(c)}+1)`)],
    ["Window end: 1 January of the next year", "year", null, null, ...periodCols.map((c) => `=${x.Y(c)}+1`)],
  ]);
  b.block("delays.tranches", r0 + S.scale0, 1, "calc", [
    ...TRANCHE_IDS.map((_, i) => [`${trancheLabel(i)}: MW x price per MW-year in contract year 1`, "USD", `=${x.tc(i, TRANCHE_ROWS.mw)}*${x.tc(i, TRANCHE_ROWS.price)}`]),
    ...TRANCHE_IDS.map((_, i) => [`${trancheLabel(i)}: ramp to full load`, "years", `=${x.tc(i, TRANCHE_ROWS.ramp)}`]),
  ]);
  b.format(`${cell(r0 + S.index, COL.firstPeriod)}:${cell(r0 + S.priceSteps, COL.firstPeriod + kCount - 1)}`, { numberFormat: "0.0000", fontColor: "#808080" });
  b.format(`${cell(r0 + S.windowStart, COL.firstPeriod)}:${cell(r0 + S.windowEnd, x.lastCol)}`, { numberFormat: "0.0000" });
  b.format(`${cell(r0 + S.scale0, COL.constant)}:${cell(r0 + S.scale0 + n - 1, COL.constant)}`, { numberFormat: FORMATS.usdM });
  b.format(`${cell(r0 + S.ramp0, COL.constant)}:${cell(r0 + S.ramp0 + n - 1, COL.constant)}`, { numberFormat: "0.00" });
  const K = span(r0 + S.index);
  const steps = span(r0 + S.priceSteps);
  const delayAfter = D(x.d0 + DEAL_ROWS.delayAfter, COL.constant);

  GRID_DEFAULTS.delays.forEach((_, k) => {
    const g0 = r0 + S.group0 + k * g.height;
    const d = absCell(x.delayGridRow + GRID_ROWS.first + k, COL.constant);
    const starts = TRANCHE_IDS.map((_, i) => absCell(g0 + g.start(i), COL.constant));
    b.block(
      `delays.d${k}.starts`,
      g0,
      1,
      "calc",
      TRANCHE_IDS.map((_, i) => {
        const planned = x.tc(i, TRANCHE_ROWS.planned);
        const dated = `IF(AND(${d}>0,${planned}>${delayAfter}),EDATE(${planned},${d}),${planned})`;
        return [`Delay ${k + 1}: ${trancheLabel(i)}: billing start (decimal year)`, "year", `=${decimalYear(dated)}`];
      }),
    );
    b.format(`${cell(g0, COL.constant)}:${cell(g0 + n - 1, COL.constant)}`, { numberFormat: "0.0000" });
    const row = (off: number, label: string, f: (c: number) => string): CellContent[] => periodCells(g0 + off, x.years, label, "USD", true, f);
    const rows: CellContent[][] = TRANCHE_IDS.map((_, i) =>
      row(g.revenue(i), `Delay ${k + 1}: ${trancheLabel(i)}: licence revenue from the valuation date`, (c) => {
        const s = starts[i];
        const ramp = absCell(r0 + S.ramp0 + i, COL.constant);
        const G = (w: string) => gArray(`${w}-${s}-${K}`, ramp);
        return `=${absCell(r0 + S.scale0 + i, COL.constant)}*SUMPRODUCT(${steps},(${G(e(c))})-(${G(a(c))}))`;
      }),
    );
    const ts = `${starts[0]}:${starts[n - 1]}`;
    rows.push(
      row(g.total, `Delay ${k + 1}: licence revenue from the valuation date`, (c) => `=SUM(${cell(g0 + g.revenue(0), c)}:${cell(g0 + g.revenue(n - 1), c)})`),
      row(g.capex, `Delay ${k + 1}: capex from the valuation date`, (c) => `=${x.capexIn(a(c), e(c), ts)}`),
      row(g.depreciation, `Delay ${k + 1}: depreciation from the valuation date`, (c) => `=${x.depreciationIn(a(c), e(c), ts)}`),
    );
    b.block(`delays.d${k}.rows`, g0 + g.revenue(0), 1, "calc", rows);
    b.format(`${cell(g0 + g.revenue(0), COL.total)}:${cell(g0 + g.depreciation, x.lastCol)}`, { numberFormat: FORMATS.usdM });
  });
}
