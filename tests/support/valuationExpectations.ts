/**
 * What every formula cell of the Valuation sheet must show, from the model (valuation.ts,
 * sensitivity.ts): the by-scenario table, both sensitivity grids, the tornado's arithmetic, each
 * scenario's cash flows and bridge, and the delay grid's helper rows. Rows are found from the
 * plan's own block ids, so the comparison follows the layout without repeating it.
 */
import { TRANCHE_IDS } from "../../src/model/assumptions";
import { pricesFor, trancheRevenue } from "../../src/model/deal";
import { ResolvedScenario } from "../../src/model/scenarios";
import { ScenarioModel, dealNpv, valuationTime } from "../../src/model/scenarioModel";
import { CashFlowModel, CashFlowRow, cashFlowModel, cashFlowWindow, cashFlowYear, dealIrr, dealValue } from "../../src/model/valuation";
import { parseCell } from "../../src/plan/a1";
import { COL } from "../../src/plan/layout";
import { CellContent, SheetPlan } from "../../src/plan/types";
import { DELAY_GROUP, DELAY_SECTION, GRID_ROWS, GRID_SIZE, NO_CAPEX_IRR, TORNADO_COLS, TORNADO_ROWS, VALUATION_BLOCK, VALUATION_BLOCK_HEIGHT, VALUE_TABLE_COLS } from "../../src/plan/valuation";

type Want = number | string | boolean;

export interface ValuationContext {
  readonly sheet: SheetPlan;
  /** The model behind scenario block j (0 = live). */
  readonly blockModel: (j: number) => ScenarioModel;
  /** The Deal header text of block j. */
  readonly header: (j: number) => string;
  readonly blocks: number;
  readonly constantAt: (sheet: SheetPlan, row: number, col: number) => CellContent | undefined;
}

function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** The model with some values changed, as the cash flows see it. */
function variant(m: ScenarioModel, changes: Record<string, number>): CashFlowModel {
  const s: ResolvedScenario = { name: m.scenario.name, values: { ...m.scenario.values, ...changes } };
  return must(cashFlowModel(s));
}

/** Each tranche's contract value changed by `p` (the grids' price change). */
function priced(m: ScenarioModel, p: number): Record<string, number> {
  return Object.fromEntries(TRANCHE_IDS.map((id) => [`${id}_value`, m.scenario.values[`${id}_value`] * (1 + p)]));
}

export function valuationExpectations(x: ValuationContext): (row: number, col: number) => Want | undefined {
  const { sheet } = x;
  const rowOf = (id: string) => {
    const b = sheet.blocks.find((q) => q.id === `valuation.${id}`);
    if (!b) throw new Error(`no block valuation.${id}`);
    return parseCell(b.at).row;
  };
  const num = (row: number, col: number) => {
    const v = x.constantAt(sheet, row, col);
    if (typeof v !== "number") throw new Error(`no number at ${sheet.name} row ${row}, column ${col}`);
    return v;
  };
  const tableRow = rowOf("table.header");
  const rateGrid = rowOf("rateGrid.header");
  const delayGrid = rowOf("delayGrid.header");
  const tornadoRow = rowOf("tornado.header");
  const timelineRow = rowOf("timeline.label");
  const firstYear = num(timelineRow, COL.constant);
  const lastTimelineCol = Math.max(...sheet.blocks.filter((b) => b.id === "valuation.timeline").map((b) => parseCell(b.at).col + b.cells[0].length - 1));
  const years = Array.from({ length: lastTimelineCol - COL.firstPeriod + 1 }, (_, i) => firstYear + i);
  const blockRow = (j: number) => rowOf(`s${j}.header`);
  const block0 = blockRow(0);
  const n = TRANCHE_IDS.length;
  const group = DELAY_GROUP;
  const delayRow = rowOf("delays.header");
  const live = x.blockModel(0);

  /** Everything the cash flows give for a block: full-year and from-the-valuation-date rows. */
  const flowsOf = (m: CashFlowModel) => {
    const t0 = must(valuationTime(m.scenario.values.valuation_date));
    const full = new Map(years.map((y) => [y, cashFlowYear(m, y)]));
    const zero: CashFlowRow = { licenceRevenue: 0, passThroughPower: 0, siteOpex: 0, overhead: 0, ebitda: 0, depreciation: 0, tax: 0, capex: 0, maintenanceCapex: 0, freeCashFlow: 0 };
    const counted = new Map(years.map((y) => [y, y + 1 > t0 ? cashFlowWindow(m, Math.max(y, t0), y + 1) : zero]));
    const df = (y: number) => (y + 1 > t0 ? 1 / Math.pow(1 + m.scenario.values.discount_rate, y + 1 - t0) : 0);
    return { t0, full: (y: number) => full.get(y)!, counted: (y: number) => counted.get(y)!, df };
  };
  const flowCache = new Map<number, ReturnType<typeof flowsOf>>();
  const flowsOfBlock = (j: number) => {
    let f = flowCache.get(j);
    if (!f) {
      f = flowsOf(x.blockModel(j));
      flowCache.set(j, f);
    }
    return f;
  };
  const pvSum = (j: number, f: (row: CashFlowRow) => number) => {
    const fl = flowsOfBlock(j);
    return years.reduce((s, y) => s + f(fl.counted(y)) * fl.df(y), 0);
  };
  /** Block j's constant (column C) figures. */
  const blockConstant = (j: number, off: number): Want | undefined => {
    const m = x.blockModel(j);
    const a = m.scenario.values;
    const fl = flowsOfBlock(j);
    const value = must(dealValue(m));
    const hasCapex = years.some((y) => fl.full(y).capex > 0);
    const irr = dealIrr(m);
    const B = VALUATION_BLOCK;
    const bridge = {
      npv: must(dealNpv(m, a.discount_rate)),
      overhead: -pvSum(j, (r) => r.licenceRevenue) * a.overhead_rate,
      maintenance: -pvSum(j, (r) => r.licenceRevenue) * a.maintenance_capex_rate,
      tax: -pvSum(j, (r) => r.tax),
      capex: -pvSum(j, (r) => r.capex),
    };
    const yearEnd = Math.floor(fl.t0) + 1;
    const part = cashFlowWindow(m, fl.t0, yearEnd);
    const values: Record<number, Want> = {
      ...Object.fromEntries(m.tranches.map((t, i) => [B.capex0 + i, t.mw * a.core_capex_per_mw])),
      ...Object.fromEntries(m.tranches.map((t, i) => [B.start0 + i, t.start])),
      [B.capexFromValuation]: part.capex,
      [B.depreciationFromValuation]: part.depreciation,
      [B.margin]: a.licence_margin,
      [B.overheadRate]: a.overhead_rate,
      [B.maintenanceRate]: a.maintenance_capex_rate,
      [B.taxRate]: a.tax_rate,
      [B.capexPerMw]: a.core_capex_per_mw,
      [B.capexLead]: a.capex_lead_months / 12,
      [B.term]: a.term_years,
      [B.rate]: a.discount_rate,
      [B.valuationTime]: fl.t0,
      [B.renewals]: a.renewal_options,
      [B.value]: value,
      [B.irr]: hasCapex ? must(irr) : NO_CAPEX_IRR,
      [B.bridgeNpv]: bridge.npv,
      [B.bridgeOverhead]: bridge.overhead,
      [B.bridgeMaintenance]: bridge.maintenance,
      [B.bridgeTax]: bridge.tax,
      [B.bridgeCapex]: bridge.capex,
      [B.bridgeValue]: bridge.npv + bridge.overhead + bridge.maintenance + bridge.tax + bridge.capex,
      [B.bridgeCheck]: true,
    };
    return values[off];
  };
  /** A period row's value in a year (undefined: not a period row). */
  const blockPeriod = (j: number, off: number, y: number): number | undefined => {
    const fl = flowsOfBlock(j);
    const f = fl.full(y);
    const c = fl.counted(y);
    const B = VALUATION_BLOCK;
    const values: Record<number, number> = {
      [B.revenue]: f.licenceRevenue,
      [B.powerIn]: f.passThroughPower,
      [B.powerOut]: -f.passThroughPower,
      [B.siteOpex]: f.siteOpex,
      [B.overhead]: f.overhead,
      [B.ebitda]: f.ebitda,
      [B.capex]: f.capex,
      [B.depreciation]: f.depreciation,
      [B.tax]: f.tax,
      [B.maintenance]: f.maintenanceCapex,
      [B.fcf]: f.freeCashFlow,
      [B.countedRevenue]: c.licenceRevenue,
      [B.countedCapex]: c.capex,
      [B.countedDepreciation]: c.depreciation,
      [B.countedTax]: c.tax,
      [B.countedFcf]: c.freeCashFlow,
      [B.yearsToEnd]: y + 1 - fl.t0,
      [B.discountFactor]: fl.df(y),
      [B.pv]: c.freeCashFlow * fl.df(y),
    };
    return values[off];
  };
  const byYear = (col: number, total: boolean, f: (y: number) => number): number | undefined => {
    if (col >= COL.firstPeriod) return f(firstYear + col - COL.firstPeriod);
    if (col === COL.total && total) return years.reduce((s, y) => s + f(y), 0);
    return undefined;
  };
  const NO_TOTAL = new Set<number>([VALUATION_BLOCK.yearsToEnd, VALUATION_BLOCK.discountFactor]);

  // The grids' axes as the plan writes them (steps and delays are constants the user may change).
  const rateStep = num(rateGrid + GRID_ROWS.steps, COL.constant);
  const marginStep = num(rateGrid + GRID_ROWS.steps, COL.total);
  const priceStep = num(delayGrid + GRID_ROWS.steps, COL.constant);
  const mid = (GRID_SIZE - 1) / 2;
  const rateAt = (k: number) => live.scenario.values.discount_rate + (k - mid) * rateStep;
  const marginAt = (k: number) => live.scenario.values.licence_margin + (k - mid) * marginStep;
  const priceAt = (k: number) => (k - mid) * priceStep;
  const delayAt = (k: number) => num(delayGrid + GRID_ROWS.first + k, COL.constant);
  const delayed = new Map<number, CashFlowModel>();
  const delayModel = (k: number) => {
    let m = delayed.get(k);
    if (!m) {
      m = variant(live, { delay_months: delayAt(k) });
      delayed.set(k, m);
    }
    return m;
  };

  const tornadoFirst = tornadoRow + TORNADO_ROWS.first;
  const tornadoCentre = num(tornadoRow + TORNADO_ROWS.centre, COL.constant);
  const tornadoBars = sheet.blocks.find((b) => b.id === "valuation.tornado.bars")?.cells.length ?? 0;

  return (row, col) => {
    // By-scenario table.
    if (row > tableRow && row <= tableRow + x.blocks) {
      const j = row - tableRow - 1;
      const T = VALUE_TABLE_COLS;
      if (col === T.label) return x.header(j);
      const offs: Record<number, number> = {
        [T.npv]: VALUATION_BLOCK.bridgeNpv,
        [T.overhead]: VALUATION_BLOCK.bridgeOverhead,
        [T.maintenance]: VALUATION_BLOCK.bridgeMaintenance,
        [T.tax]: VALUATION_BLOCK.bridgeTax,
        [T.capex]: VALUATION_BLOCK.bridgeCapex,
        [T.value]: VALUATION_BLOCK.value,
        [T.irr]: VALUATION_BLOCK.irr,
        [T.renewals]: VALUATION_BLOCK.renewals,
      };
      return offs[col] === undefined ? undefined : blockConstant(j, offs[col]);
    }
    // Discount rate x licence margin.
    if (row === rateGrid + GRID_ROWS.colValues) return col >= COL.firstPeriod ? marginAt(col - COL.firstPeriod) : undefined;
    if (row >= rateGrid + GRID_ROWS.first && row < rateGrid + GRID_ROWS.first + GRID_SIZE) {
      const k = row - rateGrid - GRID_ROWS.first;
      if (col === COL.constant) return rateAt(k);
      if (col < COL.firstPeriod) return undefined;
      return must(dealValue(variant(live, { licence_margin: marginAt(col - COL.firstPeriod) }), rateAt(k)));
    }
    // Delay x price change.
    if (row === delayGrid + GRID_ROWS.colValues) return col >= COL.firstPeriod ? priceAt(col - COL.firstPeriod) : undefined;
    if (row >= delayGrid + GRID_ROWS.first && row < delayGrid + GRID_ROWS.first + GRID_SIZE && col >= COL.firstPeriod) {
      const k = row - delayGrid - GRID_ROWS.first;
      return must(dealValue(variant(live, { delay_months: delayAt(k), ...priced(live, priceAt(col - COL.firstPeriod)) })));
    }
    // Tornado: its arithmetic on the constants the add-in wrote, and whether it is current.
    if (row === tornadoRow + TORNADO_ROWS.check) {
      const v = must(dealValue(live));
      return Math.abs(tornadoCentre - v) <= 1e-6 * Math.max(1, Math.abs(v));
    }
    if (row >= tornadoFirst && row < tornadoFirst + tornadoBars) {
      const C = TORNADO_COLS;
      const lo = () => num(row, C.valueLow);
      const hi = () => num(row, C.valueHigh);
      if (col === C.swing) return Math.abs(hi() - lo());
      if (col === C.lowDelta) return lo() - tornadoCentre;
      if (col === C.highDelta) return hi() - tornadoCentre;
      return undefined;
    }
    if (row === timelineRow) return col >= COL.firstPeriod ? firstYear + col - COL.firstPeriod : undefined;
    // Scenario blocks.
    if (row >= block0 && row < block0 + x.blocks * VALUATION_BLOCK_HEIGHT) {
      const j = Math.floor((row - block0) / VALUATION_BLOCK_HEIGHT);
      const off = row - blockRow(j);
      if (off === VALUATION_BLOCK.header) return col === 1 ? x.header(j) : undefined;
      if (off === VALUATION_BLOCK.value && col === 1) {
        return `Value of free cash flow at the valuation date (incl. ${x.blockModel(j).scenario.values.renewal_options} renewal options exercised)`;
      }
      if (col === COL.constant) return blockConstant(j, off);
      return byYear(col, !NO_TOTAL.has(off), (y) => {
        const v = blockPeriod(j, off, y);
        if (v === undefined) throw new Error(`no figure for Valuation block ${j} offset ${off}`);
        return v;
      });
    }
    // The delay section: what every delay shares, then each delay's group.
    if (row >= delayRow) {
      const S = DELAY_SECTION;
      const off0 = row - delayRow;
      const a = live.scenario.values;
      const t0 = must(valuationTime(a.valuation_date));
      if (off0 === S.priceSteps) {
        // The price index by contract year (as the Deal sheet's), and its step at each year.
        const p = pricesFor(1, 1, a.term_years, a.escalator, a.renewal_options, a.renewal_term_years, a.renewal_repricing);
        const F = (k: number) => (k >= 1 ? (p[k - 1] ?? 0) / p[0] : 0);
        const k = col - COL.firstPeriod + 1;
        return k >= 1 ? F(k) - F(k - 1) : undefined;
      }
      if (off0 === S.windowStart) return byYear(col, false, (y) => Math.min(Math.max(y, t0), y + 1));
      if (off0 === S.windowEnd) return byYear(col, false, (y) => y + 1);
      if (off0 >= S.scale0 && off0 < S.scale0 + n) return col === COL.constant ? live.tranches[off0 - S.scale0].mw * live.tranches[off0 - S.scale0].prices[0] : undefined;
      if (off0 >= S.ramp0 && off0 < S.ramp0 + n) return col === COL.constant ? live.tranches[off0 - S.ramp0].ramp : undefined;
      if (off0 < S.group0) return undefined;
      const k = Math.floor((off0 - S.group0) / group.height);
      const off = off0 - S.group0 - k * group.height;
      const m = delayModel(k);
      const win = (y: number) => (y + 1 > t0 ? cashFlowWindow(m, Math.max(y, t0), y + 1) : undefined);
      if (off < n) return col === COL.constant ? m.tranches[off].start : undefined;
      if (off < 2 * n) {
        const t = m.tranches[off - n];
        return byYear(col, true, (y) => (y + 1 > t0 ? trancheRevenue(t, Math.max(y, t0), y + 1) : 0));
      }
      if (off === group.total) return byYear(col, true, (y) => win(y)?.licenceRevenue ?? 0);
      if (off === group.capex) return byYear(col, true, (y) => win(y)?.capex ?? 0);
      if (off === group.depreciation) return byYear(col, true, (y) => win(y)?.depreciation ?? 0);
    }
    return undefined;
  };
}
