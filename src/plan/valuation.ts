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
import { absCell, cell, sheetRef } from "./a1";
import { DEAL_ROWS, DealLayout, TRANCHE_ROWS, trancheLabel, trancheRow } from "./deal";
import { decimalYear, delayedDate, gArray } from "./formulas";
import { InputsLayout } from "./inputs";
import { COL, FORMATS, MAX_CONTRACT_YEARS, ROW, SheetNames, formatForUnit, consecutive } from "./layout";
import { ScenarioBlock, SheetBuilder, constantRange, periodCells, scenarioBlockAt } from "./sheet";
import { CellContent, SheetPlan } from "./types";

const TRANCHES = TRANCHE_IDS.length;

/**
 * Rows of one scenario's block, from its header, in their order on the sheet: constants, one capex
 * and one billing-start row per tranche, then years across. `height` is the row after the block
 * and the blank row below it.
 */
export const VALUATION_BLOCK = consecutive(
  [
    "header",
    "margin",
    "overheadRate",
    "maintenanceRate",
    "taxRate",
    "capexPerMw",
    "capexLead",
    "term",
    "rate",
    "valuationTime",
    "renewals",
    ["capex0", TRANCHES],
    ["start0", TRANCHES],
    "capexFromValuation",
    "depreciationFromValuation",
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
    null,
    "height",
  ] as const,
  0,
);
export const VALUATION_BLOCK_HEIGHT = VALUATION_BLOCK.height;

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
export const DELAY_SECTION = consecutive(["header", "index", "priceSteps", "windowStart", "windowEnd", ["scale0", TRANCHES], ["ramp0", TRANCHES], "group0"] as const, 0);

/** Rows of one delay's group, in their order on the sheet. */
const DELAY_GROUP_ROWS = consecutive([["start0", TRANCHES], ["revenue0", TRANCHES], "total", "capex", "depreciation", "height"] as const, 0);

/** Row offsets inside one delay's group: one start and one revenue row per tranche, then the totals. */
export const DELAY_GROUP = {
  start: (i: number) => DELAY_GROUP_ROWS.start0 + i,
  revenue: (i: number) => DELAY_GROUP_ROWS.revenue0 + i,
  total: DELAY_GROUP_ROWS.total,
  capex: DELAY_GROUP_ROWS.capex,
  depreciation: DELAY_GROUP_ROWS.depreciation,
  height: DELAY_GROUP_ROWS.height,
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
  const sheet = new SheetBuilder("valuation", names.valuation, "#BF8F00");
  const frame = valuationFrame(names, inputs, deal, tornado.bars.length);
  sheet.block("title", ROW.title, 1, "title", [["CORZ — Valuation: free cash flow to Core Scientific from the CoreWeave contracts, its value, sensitivities (USD)"]]);
  sheet.block("check", ROW.check, 1, "check", [[masterCheck]]);
  valueTableRows(sheet, frame);
  rateGridRows(sheet, frame);
  delayGridRows(sheet, frame);
  tornadoRows(sheet, frame, tornado);
  sheet.timeline("timeline", frame.timelineRow, deal.firstYear, deal.years, "Total");
  deal.blockRows.forEach((_, j) => {
    const block = valuationBlock(frame, j);
    scenarioBlock(sheet, block);
    // The delay grid's helper rows read the live block only.
    if (j === 0) delayRows(sheet, frame, block);
  });
  sheet.periodColumnWidths([60, 10, 14, 14], Math.max(deal.years, TORNADO_COLS.basis - COL.firstPeriod + 1), 13);
  sheet.freeze(ROW.check, 1);
  const { tableRow, rateGridRow, delayGridRow, tornadoRow, timelineRow, blockRows, delayRow } = frame;
  return { sheet: sheet.build(), tableRow, rateGridRow, delayGridRow, tornadoRow, timelineRow, blockRows, delayRow };
}

/** Where the sheet's parts sit, and the references they share. */
interface ValuationFrame {
  readonly names: SheetNames;
  readonly inputs: InputsLayout;
  readonly deal: DealLayout;
  readonly tableRow: number;
  readonly rateGridRow: number;
  readonly delayGridRow: number;
  readonly tornadoRow: number;
  /** The top of the tornado chart. */
  readonly chartTop: number;
  readonly timelineRow: number;
  /** First row of each scenario's block (index 0 = live). */
  readonly blockRows: readonly number[];
  readonly delayRow: number;
  /** An absolute cell on the Deal sheet. */
  readonly dealRef: (row: number, col: number) => string;
  /** Block j's constant cell at an offset, absolute. */
  readonly blockConstant: (j: number, offset: number) => string;
  /** Block j's period row at an offset, absolute, across the timeline. */
  readonly blockYears: (j: number, offset: number) => string;
}

/**
 * The sheet's layout. The grids and the tornado come first: their rows (and the inputs in them)
 * stay put however many scenarios are built; the table by scenario follows.
 */
function valuationFrame(names: SheetNames, inputs: InputsLayout, deal: DealLayout, bars: number): ValuationFrame {
  const blocks = deal.blockRows.length;
  const rateGridRow = ROW.title + 3;
  const delayGridRow = rateGridRow + GRID_HEIGHT + 1;
  const tornadoRow = delayGridRow + GRID_HEIGHT + 1;
  const tableRow = tornadoRow + TORNADO_ROWS.first + bars + 1;
  const chartTop = tableRow + blocks + 3;
  const timelineRow = chartTop + 22;
  const blockRows = deal.blockRows.map((_, j) => timelineRow + 2 + j * VALUATION_BLOCK_HEIGHT);
  return {
    names,
    inputs,
    deal,
    tableRow,
    rateGridRow,
    delayGridRow,
    tornadoRow,
    chartTop,
    timelineRow,
    blockRows,
    delayRow: timelineRow + 2 + blocks * VALUATION_BLOCK_HEIGHT,
    dealRef: (row, col) => sheetRef(names.deal, absCell(row, col)),
    blockConstant: (j, offset) => absCell(blockRows[j] + offset, COL.constant),
    blockYears: (j, offset) => `${absCell(blockRows[j] + offset, COL.firstPeriod)}:${absCell(blockRows[j] + offset, deal.lastCol)}`,
  };
}

/** By scenario: the bridge from gross-profit NPV to value. */
function valueTableRows(sheet: SheetBuilder, frame: ValuationFrame): void {
  const { tableRow, blockConstant } = frame;
  const blocks = frame.blockRows.length;
  const cols = VALUE_TABLE_COLS;
  sheet.block("table.header", tableRow, 1, "header", [
    [
      "Value by scenario: gross-profit NPV to the value of free cash flow, at each scenario's valuation date (USD)",
      null,
      "NPV of gross profit",
      "Less overhead",
      "Less maintenance capex",
      "Less tax",
      "Less Core's capex",
      "Value (free cash flow)",
      "IRR on Core's capex",
      "Renewal options exercised",
    ],
  ]);
  sheet.block(
    "table.rows",
    tableRow + 1,
    1,
    "link",
    frame.deal.blockRows.map((dealRow, j) => [
      `=${frame.dealRef(dealRow + DEAL_ROWS.header, 1)}`,
      null,
      ...(["bridgeNpv", "bridgeOverhead", "bridgeMaintenance", "bridgeTax", "bridgeCapex", "value", "irr", "renewals"] as const).map((row) => `=${blockConstant(j, VALUATION_BLOCK[row])}`),
    ]),
  );
  const columnRange = (from: number, to: number) => `${cell(tableRow + 1, from)}:${cell(tableRow + blocks, to)}`;
  sheet.format(columnRange(cols.npv, cols.value), { numberFormat: FORMATS.usdM });
  sheet.format(columnRange(cols.irr, cols.irr), { numberFormat: FORMATS.pct });
  sheet.format(columnRange(cols.renewals, cols.renewals), { numberFormat: FORMATS.int });
  sheet.format(columnRange(cols.value, cols.value), { bold: true });
  sheet.block("table.note", tableRow + blocks + 1, 1, "note", [
    [
      "Value counts renewal options only as far as the scenario exercises them (last column); the tornado's renewal row shows the value with none and with both. Pass-through power is billed and paid in the same amount: it nets to zero.",
    ],
  ]);
}

/** The grids' value columns. */
const GRID_COLS = Array.from({ length: GRID_SIZE }, (_, k) => COL.firstPeriod + k);
const LAST_GRID_COL = GRID_COLS[GRID_SIZE - 1];

/** The live scenario's (block 0's) rates the grids read. */
function liveRates(frame: ValuationFrame) {
  return {
    margin: frame.blockConstant(0, VALUATION_BLOCK.margin),
    overhead: frame.blockConstant(0, VALUATION_BLOCK.overheadRate),
    maintenance: frame.blockConstant(0, VALUATION_BLOCK.maintenanceRate),
    tax: frame.blockConstant(0, VALUATION_BLOCK.taxRate),
    rate: frame.blockConstant(0, VALUATION_BLOCK.rate),
  };
}

/** Present value of the live block's counted cash flows with the given revenue, depreciation and capex (row ranges), at a margin and a rate. */
function livePv(frame: ValuationFrame, revenue: string, depreciation: string, capex: string, margin: string, rate: string): string {
  const live = liveRates(frame);
  const ebitda = `${revenue}*(${margin}-${live.overhead})`;
  return `=SUMPRODUCT((${ebitda}-${live.maintenance}*${revenue}-${live.tax}*((${ebitda}-${depreciation})>0)*(${ebitda}-${depreciation})-${capex})/(1+${rate})^${frame.blockYears(0, VALUATION_BLOCK.yearsToEnd)})`;
}

/** A grid's header and the number formats of its axes and values: the row axis's format differs by grid. */
function gridFrame(sheet: SheetBuilder, gridRow: number, rowAxisFormat: string): void {
  sheet.format(`${cell(gridRow + GRID_ROWS.colValues, COL.firstPeriod)}:${cell(gridRow + GRID_ROWS.colValues, LAST_GRID_COL)}`, { numberFormat: FORMATS.pct, bold: true });
  sheet.format(`${cell(gridRow + GRID_ROWS.first, COL.constant)}:${cell(gridRow + GRID_ROWS.first + GRID_SIZE - 1, COL.constant)}`, { numberFormat: rowAxisFormat, bold: true });
  sheet.format(`${cell(gridRow + GRID_ROWS.first, COL.firstPeriod)}:${cell(gridRow + GRID_ROWS.first + GRID_SIZE - 1, LAST_GRID_COL)}`, { numberFormat: FORMATS.usdM });
}

/** The value of the live scenario by discount rate (down) and licence margin (across). */
function rateGridRows(sheet: SheetBuilder, frame: ValuationFrame): void {
  const gridRow = frame.rateGridRow;
  const live = liveRates(frame);
  const rowValue = (k: number) => absCell(gridRow + GRID_ROWS.first + k, COL.constant);
  const colValue = (k: number) => absCell(gridRow + GRID_ROWS.colValues, GRID_COLS[k]);
  sheet.block("rateGrid.header", gridRow, 1, "header", [["Value, live scenario: discount rate (down) x licence-fee margin (across) (USD)", null, null, null]]);
  sheet.block("rateGrid.steps.label", gridRow + GRID_ROWS.steps, 1, "label", [["Steps: discount rate | licence margin (yours to change)", "rate"]]);
  sheet.block("rateGrid.steps", gridRow + GRID_ROWS.steps, COL.constant, "input", [[GRID_DEFAULTS.rateStep, GRID_DEFAULTS.marginStep]], { rows: ["step"], cols: ["rate", "margin"] });
  const rateStep = absCell(gridRow + GRID_ROWS.steps, COL.constant);
  const marginStep = absCell(gridRow + GRID_ROWS.steps, COL.total);
  sheet.block("rateGrid.cols", gridRow + GRID_ROWS.colValues, 1, "calc", [
    ["Licence-fee margin (the live one in the middle)", "rate", null, null, ...GRID_COLS.map((_, k) => `=${live.margin}+(${k - (GRID_SIZE - 1) / 2})*${marginStep}`)],
  ]);
  const revenue = frame.blockYears(0, VALUATION_BLOCK.countedRevenue);
  const depreciation = frame.blockYears(0, VALUATION_BLOCK.countedDepreciation);
  const capex = frame.blockYears(0, VALUATION_BLOCK.countedCapex);
  sheet.block(
    "rateGrid.rows",
    gridRow + GRID_ROWS.first,
    1,
    "calc",
    Array.from({ length: GRID_SIZE }, (_, k) => [
      k === 0 ? "Discount rate (the live one in the middle)" : null,
      "rate",
      `=${live.rate}+(${k - (GRID_SIZE - 1) / 2})*${rateStep}`,
      null,
      ...GRID_COLS.map((_, i) => livePv(frame, revenue, depreciation, capex, colValue(i), rowValue(k))),
    ]),
  );
  sheet.format(`${cell(gridRow + GRID_ROWS.steps, COL.constant)}:${cell(gridRow + GRID_ROWS.steps, COL.total)}`, { numberFormat: FORMATS.pct });
  gridFrame(sheet, gridRow, FORMATS.pct);
}

/** The value of the live scenario by supply-chain delay (down) and a change to every tranche's price (across). */
function delayGridRows(sheet: SheetBuilder, frame: ValuationFrame): void {
  const gridRow = frame.delayGridRow;
  const live = liveRates(frame);
  const colValue = (k: number) => absCell(gridRow + GRID_ROWS.colValues, GRID_COLS[k]);
  sheet.block("delayGrid.header", gridRow, 1, "header", [["Value, live scenario: supply-chain delay in months (down) x change to every tranche's price (across) (USD)", null, null, null]]);
  sheet.block("delayGrid.steps.label", gridRow + GRID_ROWS.steps, 1, "label", [["Step: price change (yours to change)", "rate"]]);
  sheet.block("delayGrid.steps", gridRow + GRID_ROWS.steps, COL.constant, "input", [[GRID_DEFAULTS.priceStep]], { rows: ["step"], cols: ["price"] });
  const priceStep = absCell(gridRow + GRID_ROWS.steps, COL.constant);
  sheet.block("delayGrid.cols", gridRow + GRID_ROWS.colValues, 1, "calc", [
    ["Price change on every tranche (none in the middle)", "rate", null, null, ...GRID_COLS.map((_, k) => `=(${k - (GRID_SIZE - 1) / 2})*${priceStep}`)],
  ]);
  sheet.block(
    "delayGrid.delays.label",
    gridRow + GRID_ROWS.first,
    1,
    "label",
    GRID_DEFAULTS.delays.map((_, k) => [k === 0 ? "Delay on starts after the delay date (whole months; yours to change)" : null, "months"]),
  );
  sheet.block(
    "delayGrid.delays",
    gridRow + GRID_ROWS.first,
    COL.constant,
    "input",
    GRID_DEFAULTS.delays.map((d) => [d]),
    { rows: GRID_DEFAULTS.delays.map((_, k) => `delay${k + 1}`), cols: ["months"] },
  );
  /** Delay k's row of the delay section at an offset in its group, across the timeline. */
  const delayYears = (k: number, offset: number) => {
    const row = frame.delayRow + DELAY_SECTION.group0 + k * DELAY_GROUP.height + offset;
    return `${absCell(row, COL.firstPeriod)}:${absCell(row, frame.deal.lastCol)}`;
  };
  sheet.block(
    "delayGrid.rows",
    gridRow + GRID_ROWS.first,
    COL.firstPeriod,
    "calc",
    GRID_DEFAULTS.delays.map((_, k) =>
      GRID_COLS.map((_, i) => {
        const revenue = `${delayYears(k, DELAY_GROUP.total)}*(1+${colValue(i)})`;
        return livePv(frame, revenue, delayYears(k, DELAY_GROUP.depreciation), delayYears(k, DELAY_GROUP.capex), live.margin, live.rate);
      }),
    ),
  );
  sheet.format(cell(gridRow + GRID_ROWS.steps, COL.constant), { numberFormat: FORMATS.pct });
  gridFrame(sheet, gridRow, FORMATS.int);
}

/** The tornado table, computed when the sheet was built, with its check against the live value, and its chart. */
function tornadoRows(sheet: SheetBuilder, frame: ValuationFrame, tornado: TornadoOnSheet): void {
  const top = frame.tornadoRow;
  const cols = TORNADO_COLS;
  const centre = absCell(top + TORNADO_ROWS.centre, COL.constant);
  const liveValue = frame.blockConstant(0, VALUATION_BLOCK.value);
  const first = top + TORNADO_ROWS.first;
  const last = first + tornado.bars.length - 1;
  sheet.block("tornado.header", top, 1, "header", [
    [`Tornado: the ${tornado.bars.length} inputs that move the value most, each alone from its low to its high case (scenario "${tornado.scenario}" when the sheet was built)`, null, null, null],
  ]);
  sheet.block("tornado.centre", top + TORNADO_ROWS.centre, 1, "calc", [["Value the tornado is centred on (computed by the add-in when the sheet was built)", "USD", tornado.centre]]);
  sheet.block("tornado.check", top + TORNADO_ROWS.check, 1, "check", [
    ["Tornado is current: its centre is the live value (FALSE: inputs changed since the build; refresh the sheets)", null, `=ABS(${centre}-${liveValue})<=1E-6*MAX(1,ABS(${liveValue}))`],
  ]);
  sheet.block("tornado.titles", top + TORNADO_ROWS.titles, 1, "label", [
    ["Input", "Key", "Low case", "High case", "Value at low", "Value at high", "Swing", "Low less centre", "High less centre", "Basis of the range"],
  ]);
  sheet.block(
    "tornado.bars",
    first,
    1,
    "calc",
    tornado.bars.map((bar) => [bar.label, bar.key, bar.low, bar.high, bar.valueLow, bar.valueHigh]),
  );
  sheet.block(
    "tornado.swing",
    first,
    cols.swing,
    "calc",
    tornado.bars.map((_, i) => {
      const row = first + i;
      return [`=ABS(${cell(row, cols.valueHigh)}-${cell(row, cols.valueLow)})`, `=${cell(row, cols.valueLow)}-${centre}`, `=${cell(row, cols.valueHigh)}-${centre}`];
    }),
  );
  sheet.block(
    "tornado.basis",
    first,
    cols.basis,
    "note",
    tornado.bars.map((bar) => [bar.basis]),
  );
  sheet.format(cell(top + TORNADO_ROWS.centre, COL.constant), { numberFormat: FORMATS.usdM });
  // Each input's cases in its own unit: rates as %, months and counts whole, money in $M.
  tornado.bars.forEach((bar, i) => {
    const unit = bar.key === PRICE_CHANGE ? "rate" : (findAssumption(bar.key)?.unit ?? "");
    sheet.format(`${cell(first + i, cols.low)}:${cell(first + i, cols.high)}`, { numberFormat: unit === "USD/MW" ? FORMATS.usdM2 : formatForUnit(unit) });
  });
  sheet.format(`${cell(first, cols.valueLow)}:${cell(last, cols.highDelta)}`, { numberFormat: FORMATS.usdM });
  const columnOfBars = (col: number) => `${cell(first, col)}:${cell(last, col)}`;
  sheet.chart({
    id: "valuation.tornado",
    type: "BarClustered",
    title: "Tornado: value at each input's low and high case, less the centre (USD)",
    categories: { name: "Input", sheet: frame.names.valuation, range: columnOfBars(cols.label) },
    series: [
      { name: "Low case", sheet: frame.names.valuation, range: columnOfBars(cols.lowDelta) },
      { name: "High case", sheet: frame.names.valuation, range: columnOfBars(cols.highDelta) },
    ],
    anchor: { from: cell(frame.chartTop, 1), to: cell(frame.chartTop + 20, cols.basis) },
  });
}

/** One scenario's block on the Valuation sheet and the cells its formulas share. */
interface ValuationBlock extends ScenarioBlock {
  /** First row of the scenario's block on the Deal sheet. */
  readonly dealRow: number;
  /** A cell of the scenario's Deal block, absolute. */
  readonly dealRef: (offset: number, col: number) => string;
  /** A cell of the scenario's Deal block, relative (a period row's cell, copied across). */
  readonly dealAt: (offset: number, col: number) => string;
  /** A constant of the scenario's Deal block, absolute. */
  readonly dealConstant: (offset: number) => string;
  /** A tranche's constant on the scenario's Deal block (field from TRANCHE_ROWS). */
  readonly trancheCell: (i: number, field: number) => string;
  /** The timeline year above column `col`. */
  readonly yearCell: (col: number) => string;
  /** The valuation date (decimal year). */
  readonly t0: string;
  /** The billing starts of the tranches, one cell each. */
  readonly startRange: string;
  /** Core's capex in [a, e): each tranche's spread evenly over the lead before its billing starts (all on the day when the lead is 0). */
  readonly capexIn: (a: string, e: string, starts: string) => string;
  /** Straight-line depreciation of that capex over the term from billing start, in [a, e). */
  readonly depreciationIn: (a: string, e: string, starts: string) => string;
  readonly years: number;
  readonly lastCol: number;
}

function valuationBlock(frame: ValuationFrame, j: number): ValuationBlock {
  const block = scenarioBlockAt(j, frame.blockRows[j], (key) => frame.inputs.ref(key, frame.inputs.columns[j]));
  const { constantCell } = block;
  const dealRow = frame.deal.blockRows[j];
  const capexRange = `${constantCell(VALUATION_BLOCK.capex0)}:${constantCell(VALUATION_BLOCK.capex0 + TRANCHES - 1)}`;
  const capexLead = constantCell(VALUATION_BLOCK.capexLead);
  const term = constantCell(VALUATION_BLOCK.term);
  return {
    ...block,
    dealRow,
    dealRef: (offset, col) => frame.dealRef(dealRow + offset, col),
    dealAt: (offset, col) => sheetRef(frame.names.deal, cell(dealRow + offset, col)),
    dealConstant: (offset) => frame.dealRef(dealRow + offset, COL.constant),
    trancheCell: (i, field) => frame.dealRef(dealRow + trancheRow(i, field), COL.constant),
    yearCell: (col) => cell(frame.timelineRow, col, { row: true }),
    t0: constantCell(VALUATION_BLOCK.valuationTime),
    startRange: `${constantCell(VALUATION_BLOCK.start0)}:${constantCell(VALUATION_BLOCK.start0 + TRANCHES - 1)}`,
    capexIn: (a, e, starts) => capexFormula(capexRange, starts, capexLead, a, e),
    depreciationIn: (a, e, starts) => depreciationFormula(capexRange, starts, term, a, e),
    years: frame.deal.years,
    lastCol: frame.deal.lastCol,
  };
}

/** A scenario's block, top to bottom. */
function scenarioBlock(sheet: SheetBuilder, block: ValuationBlock): void {
  blockConstantRows(sheet, block);
  blockYearRows(sheet, block);
  blockValueRows(sheet, block);
}

/** The block's constants: rates linked from Inputs and the Deal sheet, each tranche's capex and billing start. */
function blockConstantRows(sheet: SheetBuilder, block: ValuationBlock): void {
  const { id, rowOf, constantCell, dealConstant, link, t0 } = block;
  const rows = VALUATION_BLOCK;
  sheet.block(`${id}.header`, rowOf(rows.header), 1, "header", [[`=${block.dealRef(DEAL_ROWS.header, 1)}`, null, null, null]]);
  sheet.block(`${id}.links`, rowOf(rows.margin), 1, "link", [
    ["Licence-fee margin (site operating cost is the rest)", "rate", `=${dealConstant(DEAL_ROWS.margin)}`],
    ["Allocated overhead (share of licence revenue)", "rate", link("overhead_rate")],
    ["Maintenance capex (share of licence revenue)", "rate", link("maintenance_capex_rate")],
    ["Tax rate (on EBITDA less depreciation, never below zero)", "rate", link("tax_rate")],
    ["Core Scientific's own capex per MW", "USD/MW", link("core_capex_per_mw")],
  ]);
  sheet.block(`${id}.lead`, rowOf(rows.capexLead), 1, "calc", [["Build before billing starts (capex spent evenly over it)", "years", `=${block.inputRef("capex_lead_months")}/12`]]);
  sheet.block(`${id}.links2`, rowOf(rows.term), 1, "link", [
    ["Term (depreciation period)", "years", `=${dealConstant(DEAL_ROWS.term)}`],
    ["Discount rate", "rate", `=${dealConstant(DEAL_ROWS.rate)}`],
    ["Valuation date (decimal year)", "year", `=${dealConstant(DEAL_ROWS.valuationTime)}`],
    ["Renewal options exercised (counted in the value)", "count", `=${dealConstant(DEAL_ROWS.renewals)}`],
  ]);
  sheet.block(`${id}.tranches`, rowOf(rows.capex0), 1, "calc", [
    ...TRANCHE_IDS.map((_, i) => [`${trancheLabel(i)}: Core Scientific's capex (MW x capex per MW)`, "USD", `=${block.trancheCell(i, TRANCHE_ROWS.mw)}*${constantCell(rows.capexPerMw)}`]),
    ...TRANCHE_IDS.map((_, i) => [`${trancheLabel(i)}: billing start (decimal year, after delay)`, "year", `=${block.trancheCell(i, TRANCHE_ROWS.decimalStart)}`]),
  ]);
  const yearEnd = `(INT(${t0})+1)`;
  sheet.block(`${id}.fromValuation`, rowOf(rows.capexFromValuation), 1, "calc", [
    ["Capex from the valuation date to the end of its year", "USD", `=${block.capexIn(t0, yearEnd, block.startRange)}`],
    ["Depreciation from the valuation date to the end of its year", "USD", `=${block.depreciationIn(t0, yearEnd, block.startRange)}`],
  ]);
  const constants = (from: number, to: number) => constantRange(rowOf(from), rowOf(to));
  for (const offset of [rows.margin, rows.overheadRate, rows.maintenanceRate, rows.taxRate, rows.rate]) sheet.format(constants(offset, offset), { numberFormat: FORMATS.pct });
  sheet.format(constants(rows.capexPerMw, rows.capexPerMw), { numberFormat: FORMATS.usdM2 });
  sheet.format(constants(rows.capexLead, rows.term), { numberFormat: "0.00" });
  sheet.format(constants(rows.valuationTime, rows.valuationTime), { numberFormat: "0.0000" });
  sheet.format(constants(rows.renewals, rows.renewals), { numberFormat: FORMATS.int });
  sheet.format(constants(rows.capex0, rows.capex0 + TRANCHES - 1), { numberFormat: FORMATS.usdM });
  sheet.format(constants(rows.start0, rows.start0 + TRANCHES - 1), { numberFormat: "0.0000" });
  sheet.format(constants(rows.capexFromValuation, rows.depreciationFromValuation), { numberFormat: FORMATS.usdM });
}

/** The block's cash flows by calendar year, then from the valuation date on, discounted from each year end. */
function blockYearRows(sheet: SheetBuilder, block: ValuationBlock): void {
  const { constantCell, yearCell, t0 } = block;
  const rows = VALUATION_BLOCK;
  const row = (offset: number, label: string, unit: string, total: boolean, f: (c: number) => string): CellContent[] =>
    periodCells(block.rowOf(offset), block.years, label, unit, total, f);
  const at = (offset: number) => (c: number) => block.cellAt(offset, c);
  const margin = constantCell(rows.margin);
  const overheadRate = constantCell(rows.overheadRate);
  const maintenanceRate = constantCell(rows.maintenanceRate);
  const taxRate = constantCell(rows.taxRate);
  const [revenue, ebitda, capex, depreciation] = [at(rows.revenue), at(rows.ebitda), at(rows.capex), at(rows.depreciation)];
  const [countedRevenue, countedTax] = [at(rows.countedRevenue), at(rows.countedTax)];
  const nextYear = (c: number) => `(${yearCell(c)}+1)`;
  /** From the valuation date: 0 in years that end by it, `part` in the year it falls in, the full year after. */
  const counted = (c: number, part: string, full: string) => `=IF(${yearCell(c)}+1<=${t0},0,IF(${yearCell(c)}<${t0},${part},${full}))`;
  sheet.block(`${block.id}.periods`, block.rowOf(rows.revenue), 1, "calc", [
    row(rows.revenue, "Licence revenue", "USD", true, (c) => `=${block.dealAt(DEAL_ROWS.revenue, c)}`),
    row(rows.powerIn, "Pass-through power billed to CoreWeave (in)", "USD", true, (c) => `=${block.dealAt(DEAL_ROWS.power, c)}`),
    row(rows.powerOut, "Pass-through power paid to the utility (out; nets to zero)", "USD", true, (c) => `=-${at(rows.powerIn)(c)}`),
    row(rows.siteOpex, "Site operating cost (licence revenue x (1 - margin))", "USD", true, (c) => `=${revenue(c)}*(1-${margin})`),
    row(rows.overhead, "Allocated overhead", "USD", true, (c) => `=${revenue(c)}*${overheadRate}`),
    row(rows.ebitda, "EBITDA", "USD", true, (c) => `=${revenue(c)}-${at(rows.siteOpex)(c)}-${at(rows.overhead)(c)}`),
    row(rows.capex, "Core Scientific's capex", "USD", true, (c) => `=${block.capexIn(yearCell(c), nextYear(c), block.startRange)}`),
    row(rows.depreciation, "Depreciation of that capex", "USD", true, (c) => `=${block.depreciationIn(yearCell(c), nextYear(c), block.startRange)}`),
    row(rows.tax, "Tax", "USD", true, (c) => `=${taxRate}*MAX(0,${ebitda(c)}-${depreciation(c)})`),
    row(rows.maintenance, "Maintenance capex", "USD", true, (c) => `=${revenue(c)}*${maintenanceRate}`),
    row(rows.fcf, "Free cash flow (EBITDA - tax - capex - maintenance capex)", "USD", true, (c) => `=${ebitda(c)}-${at(rows.tax)(c)}-${capex(c)}-${at(rows.maintenance)(c)}`),
    row(rows.countedRevenue, "Licence revenue from the valuation date", "USD", true, (c) => counted(c, block.dealConstant(DEAL_ROWS.revenueFromValuation), revenue(c))),
    row(rows.countedCapex, "Capex from the valuation date", "USD", true, (c) => counted(c, constantCell(rows.capexFromValuation), capex(c))),
    row(rows.countedDepreciation, "Depreciation from the valuation date", "USD", true, (c) => counted(c, constantCell(rows.depreciationFromValuation), depreciation(c))),
    row(rows.countedTax, "Tax from the valuation date", "USD", true, (c) => `=${taxRate}*MAX(0,${countedRevenue(c)}*(${margin}-${overheadRate})-${at(rows.countedDepreciation)(c)})`),
    row(rows.countedFcf, "Free cash flow from the valuation date", "USD", true, (c) =>
      `=${countedRevenue(c)}*(${margin}-${overheadRate}-${maintenanceRate})-${countedTax(c)}-${at(rows.countedCapex)(c)}`,
    ),
    row(rows.yearsToEnd, "Years from the valuation date to the year end", "years", false, (c) => `=${yearCell(c)}+1-${t0}`),
    row(rows.discountFactor, "Discount factor (year end to the valuation date)", "factor", false, (c) =>
      `=IF(${yearCell(c)}+1>${t0},1/(1+${constantCell(rows.rate)})^${at(rows.yearsToEnd)(c)},0)`,
    ),
    row(rows.pv, "Present value of the year's free cash flow", "USD", true, (c) => `=${at(rows.countedFcf)(c)}*${at(rows.discountFactor)(c)}`),
  ]);
}

/** The block's value at the valuation date, the IRR on Core's capex, and the bridge from the Deal sheet's NPV to the value. */
function blockValueRows(sheet: SheetBuilder, block: ValuationBlock): void {
  const { rowOf, constantCell } = block;
  const rows = VALUATION_BLOCK;
  const across = (offset: number) => `${absCell(rowOf(offset), COL.firstPeriod)}:${absCell(rowOf(offset), block.lastCol)}`;
  const pvOf = (offset: number) => `SUMPRODUCT(${across(offset)},${across(rows.discountFactor)})`;
  sheet.block(`${block.id}.value`, rowOf(rows.value), 1, "calc", [
    [`="Value of free cash flow at the valuation date (incl. "&${constantCell(rows.renewals)}&" renewal options exercised)"`, "USD", `=SUM(${across(rows.pv)})`],
    ["IRR on Core Scientific's own capex (calendar years, from the first capex)", "rate", `=IF(SUM(${across(rows.capex)})>0,IRR(${across(rows.fcf)}),"${NO_CAPEX_IRR}")`],
    ["Bridge: NPV of gross profit (Deal sheet)", "USD", `=${block.dealConstant(DEAL_ROWS.npv)}`],
    ["Less allocated overhead, at present value", "USD", `=-${pvOf(rows.countedRevenue)}*${constantCell(rows.overheadRate)}`],
    ["Less maintenance capex, at present value", "USD", `=-${pvOf(rows.countedRevenue)}*${constantCell(rows.maintenanceRate)}`],
    ["Less tax, at present value", "USD", `=-${pvOf(rows.countedTax)}`],
    ["Less Core Scientific's capex, at present value", "USD", `=-${pvOf(rows.countedCapex)}`],
    ["Bridge: value of free cash flow", "USD", `=SUM(${constantCell(rows.bridgeNpv)}:${constantCell(rows.bridgeCapex)})`],
    ["Check: the bridge ends at the value", null, `=ABS(${constantCell(rows.bridgeValue)}-${constantCell(rows.value)})<=1E-6*MAX(1,ABS(${constantCell(rows.value)}))`],
  ]);
  sheet.format(cell(rowOf(rows.value), COL.constant), { numberFormat: FORMATS.usdM, bold: true });
  sheet.format(cell(rowOf(rows.irr), COL.constant), { numberFormat: FORMATS.pct });
  sheet.format(`${cell(rowOf(rows.bridgeNpv), COL.constant)}:${cell(rowOf(rows.bridgeValue), COL.constant)}`, { numberFormat: FORMATS.usdM });
  sheet.format(`${cell(rowOf(rows.value), 1)}:${cell(rowOf(rows.value), COL.constant)}`, { bold: true });
  const formatRows = (from: number, to: number, numberFormat: string) => sheet.format(`${cell(rowOf(from), COL.total)}:${cell(rowOf(to), block.lastCol)}`, { numberFormat });
  formatRows(rows.revenue, rows.countedFcf, FORMATS.usdM);
  formatRows(rows.yearsToEnd, rows.yearsToEnd, "0.0000");
  formatRows(rows.discountFactor, rows.discountFactor, FORMATS.factor);
  formatRows(rows.pv, rows.pv, FORMATS.usdM);
  for (const offset of [rows.ebitda, rows.fcf, rows.countedFcf]) sheet.format(`${cell(rowOf(offset), 1)}:${cell(rowOf(offset), block.lastCol)}`, { bold: true });
}

/** A number clamped to [0, 1], elementwise (for SUMPRODUCT). */
function clamp01(z: string): string {
  return `((${z})>0)*((${z})<1)*(${z})+((${z})>=1)`;
}

/**
 * Capex in [a, e) over tranches (a range of capex and one of billing starts, cell for cell):
 * spent evenly over the lead before billing starts, the share by e less the share by a; with
 * a lead of 0, all of it on the start day (a <= start < e).
 */
function capexFormula(capex: string, starts: string, lead: string, a: string, e: string): string {
  const share = (x: string) => clamp01(`(${x}-${starts})/${lead}+1`);
  return `IF(${lead}>0,SUMPRODUCT(${capex},${share(e)}-(${share(a)})),SUMPRODUCT(${capex},(${e}>${starts})-(${a}>${starts})))`;
}

/** Straight-line depreciation in [a, e) of that capex over the term from billing start (the term is at least a year). */
function depreciationFormula(capex: string, starts: string, term: string, a: string, e: string): string {
  const share = (x: string) => clamp01(`(${x}-${starts})/${term}`);
  return `SUMPRODUCT(${capex},${share(e)}-(${share(a)}))`;
}

/** Contract years j - 1 = 0..MAX_CONTRACT_YEARS in the delay section's index row: one more than the Deal sheet's, for the step after the last. */
const DELAY_INDEX_COUNT = MAX_CONTRACT_YEARS + 1;

/**
 * The live scenario under each delay of the delay grid, from the valuation date: each tranche's
 * billing start, its licence revenue in each year's window (the Deal sheet's formula, summed by
 * parts: revenue over [a, e) = MW x price x SUMPRODUCT of the price index's steps and G(e - s + 1 - k)
 * - G(a - s + 1 - k)), capex and depreciation.
 */
function delayRows(sheet: SheetBuilder, frame: ValuationFrame, live: ValuationBlock): void {
  delaySharedRows(sheet, frame.delayRow, live);
  GRID_DEFAULTS.delays.forEach((_, k) => delayGroupRows(sheet, frame, live, k));
}

/** The rows every delay shares: the index j - 1, the price index's steps, each year's window, each tranche's scale and ramp. */
function delaySharedRows(sheet: SheetBuilder, top: number, live: ValuationBlock): void {
  const rows = DELAY_SECTION;
  const indexCols = Array.from({ length: DELAY_INDEX_COUNT }, (_, i) => COL.firstPeriod + i);
  const periodCols = Array.from({ length: live.years }, (_, i) => COL.firstPeriod + i);
  /** The live Deal block's price index in contract year k = 1..MAX_CONTRACT_YEARS. */
  const priceIndex = (k: number) => live.dealRef(DEAL_ROWS.priceIndex, COL.firstPeriod + k - 1);
  const constants = (from: number) => constantRange(top + from, top + from + TRANCHES - 1);
  sheet.block("delays.header", top + rows.header, 1, "header", [
    ["Live scenario under each delay of the delay grid: billing starts, revenue, capex and depreciation from the valuation date", null, null, null],
  ]);
  sheet.block("delays.index.label", top + rows.index, 1, "label", [["Contract year index less one, j - 1 (used by the revenue formulas)", "j - 1"]]);
  sheet.block("delays.index", top + rows.index, COL.firstPeriod, "calc", [indexCols.map((_, i) => i)]);
  sheet.block("delays.steps", top + rows.priceSteps, 1, "calc", [
    [
      "Step in the price index at contract year j (index j less index j-1)",
      "x year 1",
      null,
      null,
      ...indexCols.map((_, i) => {
        const k = i + 1;
        if (k === 1) return `=${priceIndex(1)}`;
        if (k > MAX_CONTRACT_YEARS) return `=-${priceIndex(MAX_CONTRACT_YEARS)}`;
        return `=${priceIndex(k)}-${priceIndex(k - 1)}`;
      }),
    ],
  ]);
  sheet.block("delays.window", top + rows.windowStart, 1, "calc", [
    [
      "Window start: the later of 1 January and the valuation date (the window is empty before it)",
      "year",
      null,
      null,
      ...periodCols.map((c) => `=MIN(MAX(${live.yearCell(c)},${live.t0}),${live.yearCell(c)}+1)`),
    ],
    ["Window end: 1 January of the next year", "year", null, null, ...periodCols.map((c) => `=${live.yearCell(c)}+1`)],
  ]);
  sheet.block("delays.tranches", top + rows.scale0, 1, "calc", [
    ...TRANCHE_IDS.map((_, i) => [`${trancheLabel(i)}: MW x price per MW-year in contract year 1`, "USD", `=${live.trancheCell(i, TRANCHE_ROWS.mw)}*${live.trancheCell(i, TRANCHE_ROWS.price)}`]),
    ...TRANCHE_IDS.map((_, i) => [`${trancheLabel(i)}: ramp to full load`, "years", `=${live.trancheCell(i, TRANCHE_ROWS.ramp)}`]),
  ]);
  sheet.format(`${cell(top + rows.index, COL.firstPeriod)}:${cell(top + rows.priceSteps, COL.firstPeriod + DELAY_INDEX_COUNT - 1)}`, { numberFormat: "0.0000", fontColor: "#808080" });
  sheet.format(`${cell(top + rows.windowStart, COL.firstPeriod)}:${cell(top + rows.windowEnd, live.lastCol)}`, { numberFormat: "0.0000" });
  sheet.format(constants(rows.scale0), { numberFormat: FORMATS.usdM });
  sheet.format(constants(rows.ramp0), { numberFormat: "0.00" });
}

/** Delay k's group: each tranche's billing start and revenue, the total, capex and depreciation. */
function delayGroupRows(sheet: SheetBuilder, frame: ValuationFrame, live: ValuationBlock, k: number): void {
  const top = frame.delayRow;
  const rows = DELAY_SECTION;
  const group = DELAY_GROUP;
  const first = top + rows.group0 + k * group.height;
  const delay = absCell(frame.delayGridRow + GRID_ROWS.first + k, COL.constant);
  const delayAfter = live.dealConstant(DEAL_ROWS.delayAfter);
  const starts = TRANCHE_IDS.map((_, i) => absCell(first + group.start(i), COL.constant));
  const indexRow = (offset: number) => `${absCell(top + offset, COL.firstPeriod)}:${absCell(top + offset, COL.firstPeriod + DELAY_INDEX_COUNT - 1)}`;
  const contractYears = indexRow(rows.index);
  const steps = indexRow(rows.priceSteps);
  const windowStart = (c: number) => cell(top + rows.windowStart, c, { row: true });
  const windowEnd = (c: number) => cell(top + rows.windowEnd, c, { row: true });
  sheet.block(
    `delays.d${k}.starts`,
    first,
    1,
    "calc",
    TRANCHE_IDS.map((_, i) => {
      const planned = live.trancheCell(i, TRANCHE_ROWS.planned);
      return [`Delay ${k + 1}: ${trancheLabel(i)}: billing start (decimal year)`, "year", `=${decimalYear(delayedDate(planned, delay, delayAfter))}`];
    }),
  );
  sheet.format(constantRange(first, first + TRANCHES - 1), { numberFormat: "0.0000" });
  const row = (offset: number, label: string, f: (c: number) => string): CellContent[] => periodCells(first + offset, live.years, label, "USD", true, f);
  const allStarts = `${starts[0]}:${starts[TRANCHES - 1]}`;
  sheet.block(`delays.d${k}.rows`, first + group.revenue(0), 1, "calc", [
    ...TRANCHE_IDS.map((_, i) =>
      row(group.revenue(i), `Delay ${k + 1}: ${trancheLabel(i)}: licence revenue from the valuation date`, (c) => {
        const ramp = absCell(top + rows.ramp0 + i, COL.constant);
        const rampIntegral = (w: string) => gArray(`${w}-${starts[i]}-${contractYears}`, ramp);
        return `=${absCell(top + rows.scale0 + i, COL.constant)}*SUMPRODUCT(${steps},(${rampIntegral(windowEnd(c))})-(${rampIntegral(windowStart(c))}))`;
      }),
    ),
    row(group.total, `Delay ${k + 1}: licence revenue from the valuation date`, (c) => `=SUM(${cell(first + group.revenue(0), c)}:${cell(first + group.revenue(TRANCHES - 1), c)})`),
    row(group.capex, `Delay ${k + 1}: capex from the valuation date`, (c) => `=${live.capexIn(windowStart(c), windowEnd(c), allStarts)}`),
    row(group.depreciation, `Delay ${k + 1}: depreciation from the valuation date`, (c) => `=${live.depreciationIn(windowStart(c), windowEnd(c), allStarts)}`),
  ]);
  sheet.format(`${cell(first + group.revenue(0), COL.total)}:${cell(first + group.depreciation, live.lastCol)}`, { numberFormat: FORMATS.usdM });
}
