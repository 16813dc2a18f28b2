/**
 * What the TypeScript engine says every formula cell of a workbook plan must show, so that a
 * spreadsheet application's recalculation can be compared with it cell by cell.
 *
 * `expectations(plan, input)` walks every formula cell of the plan and asks the model for that
 * cell's value, by sheet and position (the plan's layout constants). A formula cell the model has
 * no figure for must be named in `UNCOMPARED` with the reason; the recalculation test fails on
 * any other, so a new formula cannot slip past the comparison.
 */
import { parseCell, cell as a1 } from "../../src/plan/a1";
import { assumptionSpec } from "../../src/model/assumptions";
import { capacityEndOfYear, contractedLines, pipelineLines, pipelineMw } from "../../src/model/capacity";
import { PipelineRow } from "../../src/model/customers/data";
import { concentrationYear, prospectRevenue } from "../../src/model/customers/concentration";
import { TRANCHE_COUNT, delayedStartSerial, pricesFor, trancheMwYears, trancheRevenue, trancheTotal } from "../../src/model/deal";
import { revenueMix } from "../../src/model/mining/mix";
import { MiningParams } from "../../src/model/mining/params";
import { compareMw } from "../../src/model/mining/perMw";
import { mwVolatility } from "../../src/model/mining/volatility";
import { ReportedVsModelRow, quarterWindow, reportedVsModel } from "../../src/model/reportedVsModel";
import { MULTIPLES, PeerSelection, basisText, groupMultiple, impliedValue, metricValue, multipleOf, refusalText } from "../../src/model/peers/comps";
import { PEERS } from "../../src/model/peers/data";
import { sameInput } from "../../src/model/risk/input";
import { Assumptions } from "../../src/model/scenarios";
import { ScenarioModel, dealNpv, revenueFrom, valuationTime, yearRow } from "../../src/model/scenarioModel";
import { CAPACITY_LINES, CAPACITY_PIPELINE, CAPACITY_ROWS, LINE_ROWS } from "../../src/plan/capacity";
import { CHECKS, RISK_CHECK } from "../../src/plan/checks";
import { CUSTOMERS, customerRows } from "../../src/plan/customers";
import { DEAL_ROWS, TRANCHE_HEIGHT, TRANCHE_ROWS, WALK_ROWS, walkRow } from "../../src/plan/deal";
import { SEED_TO_BASE_SOURCES, reconcile, unitPv } from "../../src/model/reconcile";
import { INPUTS } from "../../src/plan/inputs";
import { COL, ROW } from "../../src/plan/layout";
import { MINING_ROWS, MIX_ROWS, PER_MW_ROWS } from "../../src/plan/mining";
import { PEERS_COLS, PEERS_ROWS, VALUATION_ROWS } from "../../src/plan/peers";
import { RUN_INPUT_COLS, riskStatusText } from "../../src/plan/risk";
import { SUMMARY, SUMMARY_METRICS } from "../../src/plan/summary";
import { CellContent, SheetKey, SheetPlan, WorkbookPlan } from "../../src/plan/types";
import { valuationExpectations } from "./valuationExpectations";
import { LeasesTyped, leasesExpectations } from "./leasesExpectations";
import { dealValue } from "../../src/model/valuation";

/** A value a cell must show: a number, text ("" for an empty-looking cell) or TRUE/FALSE. */
export type Want = number | string | boolean;

/** One formula cell of the plan. */
export interface FormulaCell {
  readonly sheet: SheetPlan;
  readonly row: number;
  readonly col: number;
  readonly address: string;
  readonly formula: string;
  readonly blockId: string;
}

/** What the cell must show, or why the model has no figure for it. */
export type Expectation = { readonly want: Want } | { readonly uncompared: string };

/** What the workbook was built from, and what the user typed into it since. */
export interface ExpectationInput {
  /** The model of each plan scenario, in the plan's column order. */
  readonly models: readonly ScenarioModel[];
  /** Index into `models` of the scenario the Inputs selector picks (the live column). */
  readonly live: number;
  readonly pipeline: readonly PipelineRow[];
  readonly mining: MiningParams;
  /** Powered site MW shared by mining and HPC on the Mining sheet. */
  readonly siteMw: number;
  readonly peers: PeerSelection & { readonly stat: "median" | "mean" | "high" | "low"; readonly multiple: "ev_revenue" | "ev_ebitda" | "ev_per_mw" | "ev_per_contracted_mw"; readonly year: number; readonly shares?: number };
  /** The Monte Carlo run on the Risk sheet: the scenario it simulated and the assumption values it used. */
  readonly risk: { readonly scenario: string; readonly inputs: Assumptions };
  /** What the user typed on the Leases sheet (the library as built when absent). */
  readonly leases?: LeasesTyped;
}

/**
 * Formula cells the model has no separate figure for, by block id (the scenario prefix
 * `sN.` removed) and why. Each is still recalculated and must not be an error.
 */
export const UNCOMPARED: Readonly<Record<string, string>> = {};

export function formulaCells(plan: WorkbookPlan): FormulaCell[] {
  const out: FormulaCell[] = [];
  for (const sheet of plan.sheets) {
    for (const b of sheet.blocks) {
      const at = parseCell(b.at);
      b.cells.forEach((r, i) =>
        r.forEach((v, j) => {
          if (typeof v === "string" && v.startsWith("=")) {
            const row = at.row + i;
            const col = at.col + j;
            out.push({ sheet, row, col, address: a1(row, col), formula: v, blockId: b.id });
          }
        }),
      );
    }
  }
  return out;
}

/** The plan's constant at a cell of a sheet (undefined for a formula or an empty cell). */
const sum = (xs: readonly number[]): number => xs.reduce((x, y) => x + y, 0);

/** The valuation date (an Excel serial) as the model's decimal year; the tests' scenarios always have a valid one. */
function unwrapTime(serial: number): number {
  const t = valuationTime(serial);
  if (!t.ok) throw new Error(t.error.message);
  return t.value;
}

function constantAt(sheet: SheetPlan, row: number, col: number): CellContent | undefined {
  for (const b of sheet.blocks) {
    const at = parseCell(b.at);
    const v = b.cells[row - at.row]?.[col - at.col];
    if (v !== undefined && v !== null && !(typeof v === "string" && v.startsWith("="))) return v;
  }
  return undefined;
}

const blank = (x: number | undefined): Want => (x === undefined ? "" : x);

/** Builds the expectation function for one plan. */
export function expectations(plan: WorkbookPlan, input: ExpectationInput): (c: FormulaCell) => Expectation {
  const { models } = input;
  const live = models[input.live];
  /** The model behind a scenario block: block 0 is the live one, block j the j-th scenario. */
  const blockModel = (j: number) => (j === 0 ? live : models[j - 1]);
  const firstYear = (sheet: SheetPlan, row: number) => {
    const y = constantAt(sheet, row, COL.constant);
    if (typeof y !== "number") throw new Error(`no first year on ${sheet.name} row ${row}`);
    return y;
  };
  const timelines = new Map<string, { first: number; years: number[] }>();
  /** The years across a sheet's timeline row (its first year is a constant, the rest formulas). */
  const periods = (sheet: SheetPlan, timelineRow: number) => {
    const key = `${sheet.key}:${timelineRow}`;
    let t = timelines.get(key);
    if (!t) {
      const first = firstYear(sheet, timelineRow);
      const n = Math.max(...formulaCellsOf(sheet).filter((c) => c.row === timelineRow).map((c) => c.col)) - COL.firstPeriod + 1;
      t = { first, years: Array.from({ length: n }, (_, i) => first + i) };
      timelines.set(key, t);
    }
    return t;
  };
  const cellsBySheet = new Map<SheetPlan, FormulaCell[]>();
  function formulaCellsOf(sheet: SheetPlan): FormulaCell[] {
    let v = cellsBySheet.get(sheet);
    if (!v) {
      v = formulaCells({ ...plan, sheets: [sheet] });
      cellsBySheet.set(sheet, v);
    }
    return v;
  }
  /** Value for a period row: `f(year)` in each year column; the sum over the timeline in the total column when `total`. */
  const periodValue = (sheet: SheetPlan, timelineRow: number, col: number, total: boolean, f: (y: number) => Want): Want | undefined => {
    const { first, years } = periods(sheet, timelineRow);
    if (col >= COL.firstPeriod) return f(first + col - COL.firstPeriod);
    if (col === COL.total && total) return years.reduce((s, y) => s + (f(y) as number), 0);
    return undefined;
  };

  const sheetKey = (s: SheetPlan): SheetKey => s.key;
  // The Risk sheet is up to date when the run's scenario is built and every input it used is
  // the live one; otherwise its check, and so the master check, is FALSE (every other check
  // holds in the workbooks the tests write).
  const runScenario = plan.scenarios.findIndex((n) => n.toLowerCase() === input.risk.scenario.toLowerCase());
  const runLive = runScenario < 0 ? undefined : models[runScenario].scenario.values;
  const inputDiffers = (key: string) => !runLive || !sameInput(input.risk.inputs[key], runLive[key]);
  const riskUpToDate = runLive !== undefined && Object.keys(runLive).every((k) => !inputDiffers(k));
  const masterText = riskUpToDate ? "Checks: all OK" : `Checks: FAILING, see the ${plan.sheetNames.checks} sheet`;

  function deal(c: FormulaCell): Want | undefined {
    const s = c.sheet;
    if (c.row === ROW.timeline) return firstYear(s, ROW.timeline) + c.col - COL.firstPeriod;
    if (c.row === ROW.index) return c.col - COL.firstPeriod + 1;
    const j = Math.floor((c.row - ROW.firstBlock) / DEAL_ROWS.height);
    if (j > models.length) return walk(c);
    const off = c.row - ROW.firstBlock - j * DEAL_ROWS.height;
    const m = blockModel(j);
    const a = m.scenario.values;
    const t0 = unwrapTime(a.valuation_date);
    const name = j === 0 ? `Live: ${plan.scenarios[input.live]}` : undefined;
    if (off === DEAL_ROWS.header) return name;
    if (off >= DEAL_ROWS.reportedHeader) return reported(c, off, m);
    if (off === DEAL_ROWS.priceIndex) {
      // The price in contract year k over the price in year 1 (the model's prices), 0 after the years billed.
      const p = pricesFor(1, 1, a.term_years, a.escalator, a.renewal_options, a.renewal_term_years, a.renewal_repricing);
      const k = c.col - COL.firstPeriod + 1;
      return k >= 1 ? (p[k - 1] ?? 0) / p[0] : undefined;
    }
    if (c.col === COL.constant) {
      const links: Record<number, Want> = {
        [DEAL_ROWS.term]: a.term_years,
        [DEAL_ROWS.renewals]: a.renewal_options,
        [DEAL_ROWS.renewalYears]: a.renewal_term_years,
        [DEAL_ROWS.yearsBilled]: a.term_years + a.renewal_options * a.renewal_term_years,
        [DEAL_ROWS.escalator]: a.escalator,
        [DEAL_ROWS.repricing]: a.renewal_repricing,
        [DEAL_ROWS.delay]: a.delay_months,
        [DEAL_ROWS.delayAfter]: a.delay_after,
        [DEAL_ROWS.margin]: a.licence_margin,
        [DEAL_ROWS.pue]: a.pue,
        [DEAL_ROWS.powerPrice]: a.power_price,
        [DEAL_ROWS.loadFactor]: a.load_factor,
        [DEAL_ROWS.rate]: a.discount_rate,
        [DEAL_ROWS.valuationDate]: a.valuation_date,
        [DEAL_ROWS.valuationTime]: t0,
        [DEAL_ROWS.revenueFromValuation]: sum(revenueFrom(m, yearRow(m, Math.floor(t0)), t0)),
        [DEAL_ROWS.contractedMw]: m.contractedMw,
        [DEAL_ROWS.initialValue]: m.tcv,
        [DEAL_ROWS.tcv]: m.tcvInclOptions,
        [DEAL_ROWS.avgPrice]: m.pricePerMwYear,
      };
      if (off in links) return links[off];
      if (off >= DEAL_ROWS.fromValuation0 && off < DEAL_ROWS.fromValuation0 + TRANCHE_COUNT) {
        return revenueFrom(m, yearRow(m, Math.floor(t0)), t0)[off - DEAL_ROWS.fromValuation0];
      }
      if (off >= DEAL_ROWS.unitPv0 && off < DEAL_ROWS.unitPv0 + TRANCHE_COUNT) return unitPv(m)[off - DEAL_ROWS.unitPv0];
      if (off === DEAL_ROWS.npv) {
        const npv = dealNpv(m, a.discount_rate);
        return npv.ok ? npv.value : undefined;
      }
      const ti = Math.floor((off - DEAL_ROWS.tranche0) / TRANCHE_HEIGHT);
      if (ti >= 0 && ti < TRANCHE_COUNT) {
        const t = m.tranches[ti];
        const field = (off - DEAL_ROWS.tranche0) % TRANCHE_HEIGHT;
        const values: Record<number, Want> = {
          [TRANCHE_ROWS.mw]: t.mw,
          [TRANCHE_ROWS.value]: t.value,
          [TRANCHE_ROWS.planned]: t.plannedStart,
          [TRANCHE_ROWS.start]: delayedStartSerial(t.plannedStart, a),
          [TRANCHE_ROWS.decimalStart]: t.start,
          [TRANCHE_ROWS.ramp]: t.ramp,
          [TRANCHE_ROWS.price]: t.prices[0] ?? 0,
          [TRANCHE_ROWS.valueWithRenewals]: trancheTotal(t),
        };
        return values[field];
      }
      return undefined;
    }
    const period = (total: boolean, f: (y: number) => Want) => periodValue(s, ROW.timeline, c.col, total, f);
    const row = (y: number) => yearRow(m, y);
    if (off >= DEAL_ROWS.since0 && off < DEAL_ROWS.since0 + TRANCHE_COUNT) return period(false, (y) => y - m.tranches[off - DEAL_ROWS.since0].start);
    if (off >= DEAL_ROWS.mw0 && off < DEAL_ROWS.mw0 + TRANCHE_COUNT) {
      const t = m.tranches[off - DEAL_ROWS.mw0];
      return period(true, (y) => trancheMwYears(t, y, y + 1));
    }
    if (off >= DEAL_ROWS.rev0 && off < DEAL_ROWS.rev0 + TRANCHE_COUNT) return period(true, (y) => row(y).revenueByTranche[off - DEAL_ROWS.rev0]);
    // What dealNpv counts: gross profit from the valuation date on, each year's from its year end.
    const counted = (y: number) => (y >= t0 ? row(y).grossProfit : sum(revenueFrom(m, row(y), t0)) * a.licence_margin);
    const df = (y: number) => (y + 1 > t0 ? 1 / Math.pow(1 + a.discount_rate, y + 1 - t0) : 0);
    const rows: Record<number, [boolean, (y: number) => Want]> = {
      [DEAL_ROWS.mwTotal]: [true, (y) => row(y).mwBillable],
      [DEAL_ROWS.revenue]: [true, (y) => row(y).revenue],
      [DEAL_ROWS.pricePerMw]: [false, (y) => (row(y).mwBillable > 0 ? row(y).revenue / row(y).mwBillable : 0)],
      [DEAL_ROWS.power]: [true, (y) => row(y).passThroughPower],
      [DEAL_ROWS.reportedRevenue]: [true, (y) => row(y).reportedRevenue],
      [DEAL_ROWS.licenceCost]: [true, (y) => row(y).revenue - row(y).grossProfit],
      [DEAL_ROWS.reportedCost]: [true, (y) => row(y).revenue - row(y).grossProfit + row(y).passThroughPower],
      [DEAL_ROWS.grossProfit]: [true, (y) => row(y).grossProfit],
      [DEAL_ROWS.licenceMargin]: [false, (y) => (row(y).revenue > 0 ? row(y).grossProfit / row(y).revenue : "")],
      [DEAL_ROWS.reportedMargin]: [false, (y) => blank(row(y).reportedMargin)],
      [DEAL_ROWS.counted]: [true, counted],
      [DEAL_ROWS.discountFactor]: [false, df],
      [DEAL_ROWS.discounted]: [true, (y) => counted(y) * df(y)],
    };
    const r = rows[off];
    return r ? period(r[0], r[1]) : undefined;
  }

  /** The walk below the Deal sheet's blocks: the model's reconcile() between the seed and base blocks. */
  function walk(c: FormulaCell): Want | undefined {
    const off = c.row - walkRow(models.length + 1);
    const from = plan.scenarios.findIndex((n) => n.toLowerCase() === "seed");
    const to = plan.scenarios.findIndex((n) => n.toLowerCase() === "base");
    if (from < 0 || to < 0) return undefined;
    if (off === WALK_ROWS.check) return true;
    const steps = reconcile(models[from], models[to], SEED_TO_BASE_SOURCES);
    if (!steps.ok) return undefined;
    const row = steps.value[off - WALK_ROWS.from];
    if (row === undefined) return undefined;
    if (c.col === 1) return off === WALK_ROWS.from ? plan.scenarios[from] : plan.scenarios[to];
    const byCol: Record<number, Want> = { [COL.constant]: row.mw, [COL.total]: row.value, [COL.firstPeriod]: row.npv };
    return byCol[c.col];
  }

  const reportedRows = new Map<ScenarioModel, ReportedVsModelRow[]>();
  /** The Deal sheet's "Reported vs model" rows: the model's reportedVsModel, quarter by quarter across the period columns. */
  function reported(c: FormulaCell, off: number, m: ScenarioModel): Want | undefined {
    const a = m.scenario.values;
    if (c.col === COL.constant) {
      const links: Record<number, Want> = { [DEAL_ROWS.otherColocation]: a.other_colocation_revenue, [DEAL_ROWS.powerShare]: a.reported_power_share };
      return links[off];
    }
    let rows = reportedRows.get(m);
    if (!rows) reportedRows.set(m, (rows = reportedVsModel(m)));
    const q = rows[c.col - COL.firstPeriod];
    if (!q) return undefined;
    const { start, end } = quarterWindow(q.year, q.quarter);
    const t = off - DEAL_ROWS.licence0;
    if (t >= 0 && t < TRANCHE_COUNT) return trancheRevenue(m.tranches[t], start, end);
    const values: Record<number, Want> = {
      [DEAL_ROWS.quarterLabel]: q.period,
      [DEAL_ROWS.quarterStart]: start,
      [DEAL_ROWS.quarterEnd]: end,
      [DEAL_ROWS.quarterLicence]: q.licence,
      [DEAL_ROWS.quarterMwYears]: sum(m.tranches.map((x) => trancheMwYears(x, start, end))),
      [DEAL_ROWS.otherColocation]: q.other,
      [DEAL_ROWS.quarterPower]: q.power,
      [DEAL_ROWS.modelReported]: q.model,
      [DEAL_ROWS.variance]: q.variance,
      [DEAL_ROWS.varianceRate]: q.reported !== 0 ? q.varianceRate : "",
    };
    return values[off];
  }

  function capacity(c: FormulaCell): Want | undefined {
    const s = c.sheet;
    if (c.row === ROW.timeline) return firstYear(s, ROW.timeline) + c.col - COL.firstPeriod;
    const j = Math.floor((c.row - ROW.firstBlock) / CAPACITY_ROWS.height);
    const off = c.row - ROW.firstBlock - j * CAPACITY_ROWS.height;
    const m = blockModel(j);
    const a = m.scenario.values;
    if (off === CAPACITY_ROWS.header) return j === 0 ? `Live: ${plan.scenarios[input.live]}` : undefined;
    const lineOf = (i: number) => contractedLines(m.capacityLines).find((l) => l.id === CAPACITY_LINES[i].id)!;
    const pipeline = pipelineMw(m.capacityLines);
    const inTimeline = targetInTimeline(s, a.target_year);
    const contractedAt = inTimeline ? capacityEndOfYear(m.capacityLines, a.target_year, "contracted") : 0;
    const energisedAt = inTimeline ? capacityEndOfYear(m.capacityLines, a.target_year) : 0;
    if (c.col === COL.constant) {
      const fixed: Record<number, Want> = {
        [CAPACITY_ROWS.delay]: a.delay_months,
        [CAPACITY_ROWS.delayAfter]: a.delay_after,
        [CAPACITY_ROWS.target]: a.target_mw,
        [CAPACITY_ROWS.targetYear]: a.target_year,
        [CAPACITY_ROWS.contractedAtTarget]: contractedAt,
        [CAPACITY_ROWS.atTarget]: energisedAt,
        [CAPACITY_ROWS.pipelineAtTarget]: pipeline,
        [CAPACITY_ROWS.contractedShort]: contractedAt - a.target_mw,
        [CAPACITY_ROWS.energisedShort]: energisedAt - a.target_mw,
        [CAPACITY_ROWS.meetsContracted]: contractedAt >= a.target_mw,
        [CAPACITY_ROWS.meets]: energisedAt >= a.target_mw,
      };
      if (off in fixed) return fixed[off];
      const i = Math.floor((off - CAPACITY_ROWS.line0) / LINE_ROWS);
      if (off >= CAPACITY_ROWS.line0 && i < CAPACITY_LINES.length) {
        const l = lineOf(i);
        return [l.mw, l.contractDate, l.plannedDate, delayedStartSerial(l.plannedDate, a)][(off - CAPACITY_ROWS.line0) % LINE_ROWS];
      }
      const p = off - CAPACITY_ROWS.pipeline0;
      if (p >= 0 && p < CAPACITY_PIPELINE.length) return pipelineLines(m.capacityLines).find((l) => l.id === CAPACITY_PIPELINE[p].id)!.mw;
      return undefined;
    }
    if (c.col < COL.firstPeriod) return undefined;
    const y = firstYear(s, ROW.timeline) + c.col - COL.firstPeriod;
    // The sheet compares each date with 1 January of the next year, as capacityEndOfYear does.
    const k = off - CAPACITY_ROWS.contracted0;
    if (k >= 0 && k < CAPACITY_LINES.length) return lineOf(k).contracted < y + 1 ? lineOf(k).mw : 0;
    const e = off - CAPACITY_ROWS.energised0;
    if (e >= 0 && e < CAPACITY_LINES.length) return lineOf(e).energised < y + 1 ? lineOf(e).mw : 0;
    const contracted = capacityEndOfYear(m.capacityLines, y, "contracted");
    const energised = capacityEndOfYear(m.capacityLines, y);
    const rows: Record<number, Want> = {
      [CAPACITY_ROWS.contracted]: contracted,
      [CAPACITY_ROWS.hpc]: energised,
      [CAPACITY_ROWS.pipeline]: pipeline,
      [CAPACITY_ROWS.targetRow]: a.target_mw,
      [CAPACITY_ROWS.contractedGap]: contracted - a.target_mw,
      [CAPACITY_ROWS.gap]: energised - a.target_mw,
    };
    return rows[off];
  }

  function targetInTimeline(s: SheetPlan, year: number): boolean {
    const { years } = periods(s, ROW.timeline);
    return years.includes(year);
  }

  function inputs(c: FormulaCell): Want | undefined {
    if (c.row === INPUTS.indexRow) return input.live + 1;
    const key = constantAt(c.sheet, c.row, INPUTS.keyCol);
    if (typeof key !== "string") return undefined;
    if (c.col === INPUTS.liveCol) return live.scenario.values[key];
    // A built assumption (the discount rate) is a formula over its parts in each scenario's column.
    const j = c.col - INPUTS.firstScenarioCol;
    return assumptionSpec(key)?.built && j >= 0 && j < models.length ? models[j].scenario.values[key] : undefined;
  }

  function peers(c: FormulaCell): Want | undefined {
    const sel: PeerSelection = input.peers;
    const k = c.col - PEERS_COLS.multiple0;
    if (c.row >= PEERS_ROWS.first && c.row <= PEERS_ROWS.last) {
      const peer = PEERS[c.row - PEERS_ROWS.first];
      if (c.col === PEERS_COLS.ev) return blank(metricValue(peer, "ev", sel.overrides));
      if (c.col === PEERS_COLS.names) {
        // The running list of the peers in the implied value, down to this row.
        const r = groupMultiple(input.peers.multiple, "count", sel);
        const upTo = PEERS.slice(0, c.row - PEERS_ROWS.first + 1).filter((p) => r.ok && r.value.used.includes(p.id));
        return upTo.map((p) => p.name).join(", ");
      }
      if (k >= 0 && k < MULTIPLES.length) return blank(multipleOf(peer, MULTIPLES[k].key, sel.overrides)?.value);
      const u = c.col - PEERS_COLS.used0;
      if (u >= 0 && u < MULTIPLES.length) {
        const r = groupMultiple(MULTIPLES[u].key, "count", sel);
        const used = r.ok && r.value.used.includes(peer.id);
        return used ? multipleOf(peer, MULTIPLES[u].key, sel.overrides)!.value : "";
      }
      return undefined;
    }
    if (c.row >= PEERS_ROWS.stat0 && c.row <= PEERS_ROWS.count && k >= 0 && k < MULTIPLES.length) {
      const stat = (["median", "mean", "high", "low", "count"] as const)[c.row - PEERS_ROWS.stat0];
      const r = groupMultiple(MULTIPLES[k].key, stat, sel);
      if (stat === "count") return r.ok ? r.value.value : 0;
      return r.ok ? r.value.value : "";
    }
    const v = c.row - PEERS_ROWS.valuation;
    if (c.col === 3) {
      const y = yearRow(live, input.peers.year);
      const subject = { revenue: y.revenue, ebitda: y.grossProfit, mw: live.contractedMw };
      const implied = impliedValue(input.peers.multiple, input.peers.stat, subject, sel, input.peers.shares);
      const base = { ev_revenue: subject.revenue, ev_ebitda: subject.ebitda, ev_per_mw: subject.mw, ev_per_contracted_mw: subject.mw }[input.peers.multiple];
      const chosen = groupMultiple(input.peers.multiple, input.peers.stat, sel);
      const count = groupMultiple(input.peers.multiple, "count", sel);
      const values: Record<number, Want> = {
        [VALUATION_ROWS.chosen]: chosen.ok ? chosen.value.value : "",
        [VALUATION_ROWS.base]: base,
        [VALUATION_ROWS.value]: implied.ok ? implied.value.value : "n/a",
        [VALUATION_ROWS.perShare]: implied.ok && implied.value.perShare !== undefined ? implied.value.perShare : "",
        [VALUATION_ROWS.used]: count.ok ? count.value.value : 0,
        [VALUATION_ROWS.basis]: implied.ok
          ? basisText(input.peers.multiple, input.peers.stat, implied.value.used)
          : `n/a: ${refusalText(input.peers.multiple, count.ok ? count.value.value : 0)}`,
      };
      return values[v];
    }
    return undefined;
  }

  function customers(c: FormulaCell): Want | undefined {
    const n = input.pipeline.length;
    const t0 = CUSTOMERS.first + n - 1 + 3;
    const R = customerRows(n);
    const off = c.row - t0;
    if (off === R.timeline) return firstYear(c.sheet, t0) + c.col - COL.firstPeriod;
    const f = (y: number): Want | undefined => {
      const m = concentrationYear(live, input.pipeline, y);
      if (off === R.coreWeave) return m.contracted;
      if (off > R.coreWeave && off < R.weightedTotal) return prospectRevenue(input.pipeline[off - R.weighted0], y, true);
      if (off === R.weightedTotal) return m.pipelineWeighted;
      if (off >= R.signed0 && off < R.signedTotal) return prospectRevenue(input.pipeline[off - R.signed0], y, false);
      if (off === R.signedTotal) return m.pipelineUnweighted;
      if (off === R.expected) return m.contracted + m.pipelineWeighted;
      if (off === R.share) return blank(m.coreWeaveShare);
      if (off === R.top3) return blank(m.top3Share);
      if (off === R.hhi) return blank(m.hhi);
      if (off === R.shareAllWon) return blank(m.coreWeaveShareAllWon);
      return undefined;
    };
    const flows = off >= R.coreWeave && off <= R.expected;
    return periodValue(c.sheet, t0, c.col, flows, (y) => f(y) as Want);
  }

  function mining(c: FormulaCell): Want | undefined {
    const cmp = compareMw(live, input.mining);
    if (!cmp.ok) throw new Error(cmp.error.message);
    const { mining: mn, hpc } = cmp.value;
    const per = c.row - MINING_ROWS.perMw;
    if (per >= 0 && per <= PER_MW_ROWS.margin && (c.col === 3 || c.col === 4)) {
      const x = c.col === 3 ? mn : hpc;
      const values: Record<number, Want | undefined> = {
        [PER_MW_ROWS.hashrate]: c.col === 3 ? mn.hashrateEh * 1000 : undefined,
        [PER_MW_ROWS.revenue]: x.revenue,
        [PER_MW_ROWS.cost]: x.cost,
        [PER_MW_ROWS.grossProfit]: x.grossProfit,
        [PER_MW_ROWS.margin]: blank(x.revenue > 0 ? x.grossProfit / x.revenue : undefined),
      };
      return values[per];
    }
    if (c.row === MINING_ROWS.advantage) return cmp.value.hpcAdvantage;
    if (c.row === MINING_ROWS.breakeven) return mn.breakevenHashprice;
    if (c.row === MINING_ROWS.matchHpc) return blank(cmp.value.hpcEquivalentHashprice);
    const vol = mwVolatility(live, input.mining);
    if (!vol.ok) throw new Error(vol.error.message);
    const li = c.row - MINING_ROWS.levels;
    if (li >= 0 && li < vol.value.rows.length) {
      const r = vol.value.rows[li];
      return ({ 3: r.miningRevenue, 4: r.miningGrossProfit, 5: r.hpcGrossProfit, 6: r.miningLessHpc } as Record<number, Want>)[c.col];
    }
    const t0 = MINING_ROWS.levels + vol.value.rows.length - 1 + 3;
    const off = c.row - t0;
    if (off === MIX_ROWS.timeline) return firstYear(c.sheet, t0) + c.col - COL.firstPeriod;
    const { years } = periods(c.sheet, t0);
    const mix = revenueMix(live, input.siteMw, input.mining, { first: years[0], last: years[years.length - 1] });
    if (!mix.ok) throw new Error(mix.error.message);
    const at = (y: number) => mix.value[y - years[0]];
    const rows: Record<number, [boolean, (y: number) => Want]> = {
      [MIX_ROWS.hpcMw]: [false, (y) => at(y).hpcMw],
      [MIX_ROWS.miningMw]: [false, (y) => at(y).miningMw],
      [MIX_ROWS.hpcRevenue]: [true, (y) => at(y).hpcRevenue],
      [MIX_ROWS.miningRevenue]: [true, (y) => at(y).miningRevenue],
      [MIX_ROWS.hpcGrossProfit]: [true, (y) => at(y).hpcGrossProfit],
      [MIX_ROWS.miningGrossProfit]: [true, (y) => at(y).miningGrossProfit],
      [MIX_ROWS.hpcShare]: [false, (y) => blank(at(y).hpcShareOfRevenue)],
    };
    const r = rows[off];
    return r ? periodValue(c.sheet, t0, c.col, r[0], r[1]) : undefined;
  }

  /** First row of the inputs the run used (the plan's layout). */
  const runInputsRow = (sheet: SheetPlan) => parseCell(sheet.blocks.find((b) => b.id === "risk.runInputs.labels")!.at).row;

  function risk(c: FormulaCell): Want | undefined {
    const key = () => String(constantAt(c.sheet, c.row, RUN_INPUT_COLS.key));
    switch (c.blockId) {
      case "risk.status":
        return riskStatusText(plan.sheetNames, input.risk.scenario, riskUpToDate ? "current" : runLive ? "changed" : "notBuilt", runInputsRow(c.sheet));
      case "risk.runInputs.upToDate":
        return riskUpToDate;
      case "risk.runInputs.live":
        return runLive?.[key()];
      case "risk.runInputs.differs":
        return inputDiffers(key());
    }
    // The Monte Carlo's results and histogram counts are the engine's, written as values; the
    // formulas beside them are arithmetic over those values.
    const block = c.sheet.blocks.find((b) => b.id === "risk.histogram");
    if (c.blockId === "risk.histogram.shares" && block) {
      const at = parseCell(block.at);
      const counts = block.cells.map((r) => r[2] as number);
      const i = c.row - at.row;
      const total = counts.reduce((s, x) => s + x, 0);
      const upTo = counts.slice(0, i + 1).reduce((s, x) => s + x, 0);
      return c.col === 4 ? counts[i] / total : upTo / total;
    }
    if (c.blockId === "risk.results") {
      const labels = c.sheet.blocks.find((b) => b.id === "risk.results.labels");
      const values = c.sheet.blocks.find((b) => b.id === "risk.results");
      if (!labels || !values) return undefined;
      const row = (label: string) => parseCell(labels.at).row + labels.cells.findIndex((r) => r[0] === label);
      const p90 = constantAt(c.sheet, row("P90"), 3);
      const p10 = constantAt(c.sheet, row("P10"), 3);
      return c.row === row("P90 less P10") && typeof p90 === "number" && typeof p10 === "number" ? p90 - p10 : undefined;
    }
    return undefined;
  }

  function summary(c: FormulaCell): Want | undefined {
    if (c.row === SUMMARY.headerRow) return `Live: ${plan.scenarios[input.live]}`;
    const metric = SUMMARY_METRICS[c.row - SUMMARY.firstRow];
    const j = c.col - SUMMARY.firstCol;
    if (!metric || j < 0 || j > models.length) return undefined;
    const m = blockModel(j);
    const a = m.scenario.values;
    const capSheet = plan.sheets.find((s) => s.key === "capacity")!;
    const inTimeline = targetInTimeline(capSheet, a.target_year);
    const atTarget = inTimeline ? capacityEndOfYear(m.capacityLines, a.target_year) : 0;
    const contractedAtTarget = inTimeline ? capacityEndOfYear(m.capacityLines, a.target_year, "contracted") : 0;
    const npv = dealNpv(m, a.discount_rate);
    const values: Record<string, Want> = {
      tcv: m.tcv,
      tcvInclOptions: m.tcvInclOptions,
      average: m.tcvInclOptions / (a.term_years + a.renewal_options * a.renewal_term_years),
      price: m.pricePerMwYear,
      licenceMargin: a.licence_margin,
      reportedMargin: m.reportedMarginTerm,
      npv: npv.ok ? npv.value : "",
      value: (() => {
        const v = dealValue(m);
        return v.ok ? v.value : "";
      })(),
      rate: a.discount_rate,
      mw: m.contractedMw,
      target: a.target_mw,
      contractedAtTarget,
      contractedShort: contractedAtTarget - a.target_mw,
      hpcAtTarget: atTarget,
      energisedShort: atTarget - a.target_mw,
      meets: atTarget >= a.target_mw,
      pipeline: pipelineMw(m.capacityLines),
    };
    return values[metric.id];
  }

  const valuationSheet = plan.sheets.find((sh) => sh.key === "valuation");
  const valuation = valuationSheet
    ? valuationExpectations({
        sheet: valuationSheet,
        blockModel,
        header: (j) => (j === 0 ? `Live: ${plan.scenarios[input.live]}` : plan.scenarios[j - 1]),
        blocks: models.length + 1,
        constantAt,
      })
    : () => undefined;
  const bySheet: Record<SheetKey, (c: FormulaCell) => Want | undefined> = {
    inputs,
    deal,
    capacity,
    valuation: (c) => valuation(c.row, c.col),
    peers,
    leases: ((f) => (c: FormulaCell) => f(c.row, c.col))(leasesExpectations(input.leases)),
    customers,
    mining,
    risk,
    summary,
    checks: (c) => {
      if (c.row === CHECKS.masterRow) return riskUpToDate;
      if (c.row < CHECKS.firstRow) return undefined;
      return constantAt(c.sheet, c.row, 1) === RISK_CHECK ? riskUpToDate : true;
    },
  };

  return (c) => {
    if (c.row === ROW.check && c.col === 1) return { want: masterText };
    const want = bySheet[sheetKey(c.sheet)](c);
    if (want !== undefined) return { want };
    const reason = UNCOMPARED[c.blockId.replace(/^(\w+)\.s\d+\./, "$1.")];
    return reason ? { uncompared: reason } : { uncompared: "" };
  };
}

/** Relative difference of two numbers, against the larger magnitude (absolute below 1). */
export function relativeDifference(got: number, want: number): number {
  return Math.abs(got - want) / Math.max(1, Math.abs(want), Math.abs(got));
}

