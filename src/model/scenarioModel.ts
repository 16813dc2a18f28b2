/**
 * One scenario, computed: the deal's revenue and margins by calendar and contract year,
 * capacity by year, and the headline figures. Pure: the same assumptions always give the
 * same numbers.
 */
import { CapacityLine, ContractedLine, capacityEndOfYear, capacityLines, contractedLines, contractedTotal, pipelineMw } from "./capacity";
import {
  Tranche,
  buildTranches,
  dealYears,
  trancheContractYearRevenue,
  trancheMwAt,
  trancheMwYears,
  trancheRevenue,
  trancheTotal,
} from "./deal";
import { fromExcelSerial, toIso, yearFraction } from "./dates";
import { MarginBridge, marginBridge, powerPassThrough, reportedMargin } from "./margins";
import { Result, fail, numError, ok } from "./result";
import { Override, ResolvedScenario, resolveScenario } from "./scenarios";

/** Calendar years the model reports on; years outside it earn nothing. */
export const MODEL_FIRST_YEAR = 2020;
export const MODEL_LAST_YEAR = 2080;

export interface YearRow {
  readonly year: number;
  /** Licence-fee revenue, USD. */
  readonly revenue: number;
  /** Licence-fee revenue by tranche (t1..t4), USD. */
  readonly revenueByTranche: readonly number[];
  /** Average MW billable over the year (= MW-years billed). */
  readonly mwBillable: number;
  /** MW billable on 31 December. */
  readonly mwBillableEnd: number;
  /** Licence-fee gross profit, USD. */
  readonly grossProfit: number;
  /** Power passed through to the tenant, USD (in reported revenue and cost). */
  readonly passThroughPower: number;
  /** Revenue as reported: licence fee plus pass-through power, USD. */
  readonly reportedRevenue: number;
  /** Reported margin (gross profit / reported revenue), undefined in a year with no revenue. */
  readonly reportedMargin: number | undefined;
}

export interface ContractYearRow {
  /** 1 = each megawatt's first year of billing. */
  readonly contractYear: number;
  readonly revenue: number;
  readonly grossProfit: number;
}

/**
 * Capacity at 31 December of a year. Contracted and energised are MW of critical IT under
 * contract; pipeline is uncontracted sites in the basis their sources state (gross power in
 * base), never part of the other two nor of the gaps.
 */
export interface CapacityRow {
  readonly year: number;
  /** HPC MW energised by 31 December (contracted lines past their energisation date). */
  readonly energisedMw: number;
  /** HPC MW under contract by 31 December. */
  readonly contractedMw: number;
  /** Pipeline MW (uncontracted, sourced sites; gross power as stated), the same every year. */
  readonly pipelineMw: number;
  readonly targetMw: number;
  /** Contracted less target: negative when short. */
  readonly contractedGapMw: number;
  /** Energised less target: negative when short. */
  readonly energisedGapMw: number;
}

export interface ScenarioModel {
  readonly scenario: ResolvedScenario;
  readonly tranches: readonly Tranche[];
  readonly years: readonly YearRow[];
  readonly contractYears: readonly ContractYearRow[];
  readonly capacityLines: readonly CapacityLine[];
  /** Total contract value (TCV): the firm value over the initial term, renewal options excluded, USD. */
  readonly tcv: number;
  /** TCV incl. options: the initial term plus the renewal options the scenario exercises, USD. Not TCV. */
  readonly tcvInclOptions: number;
  /** TCV incl. options over the years billed per megawatt (term plus renewals), USD per year. */
  readonly averageAnnualRevenue: number;
  /** MW contracted to CoreWeave. */
  readonly contractedMw: number;
  /** All HPC MW under contract (the tranches and the reallocated capacity), whenever energised. */
  readonly contractedHpcMw: number;
  /** Pipeline MW (uncontracted, sourced sites), in the basis the sources state. */
  readonly pipelineMw: number;
  /** Initial-term value / (MW x term), USD per MW-year. */
  readonly pricePerMwYear: number;
  readonly licenceMargin: number;
  /** Gross profit / reported revenue over the whole contract. */
  readonly reportedMarginTerm: number;
  readonly marginBridge: MarginBridge;
}

function computeYear(s: ResolvedScenario, tranches: readonly Tranche[], year: number): YearRow {
  const a = s.values;
  const revenueByTranche = tranches.map((t) => trancheRevenue(t, year, year + 1));
  const revenue = revenueByTranche.reduce((x, y) => x + y, 0);
  const mwBillable = tranches.reduce((x, t) => x + trancheMwYears(t, year, year + 1), 0);
  const mwBillableEnd = tranches.reduce((x, t) => x + trancheMwAt(t, year + 1), 0);
  const power = powerPassThrough(mwBillable, a);
  return {
    year,
    revenue,
    revenueByTranche,
    mwBillable,
    mwBillableEnd,
    grossProfit: revenue * a.licence_margin,
    passThroughPower: power,
    reportedRevenue: revenue + power,
    reportedMargin: reportedMargin(revenue, a.licence_margin, power),
  };
}

/** Computes a resolved scenario. */
export function computeScenario(s: ResolvedScenario): Result<ScenarioModel> {
  const a = s.values;
  const built = buildTranches(a);
  if (!built.ok) return built;
  const tranches = built.value;
  const { first, last } = dealYears(tranches);
  const years: YearRow[] = [];
  for (let y = first; y <= last; y++) years.push(computeYear(s, tranches, y));
  const maxK = Math.max(...tranches.map((t) => t.totalYears));
  const contractYears: ContractYearRow[] = [];
  for (let k = 1; k <= maxK; k++) {
    const revenue = tranches.reduce((x, t) => x + trancheContractYearRevenue(t, k), 0);
    contractYears.push({ contractYear: k, revenue, grossProfit: revenue * a.licence_margin });
  }
  const tcvInclOptions = tranches.reduce((x, t) => x + trancheTotal(t), 0);
  const contractedMw = tranches.reduce((x, t) => x + t.mw, 0);
  const tcv = tranches.reduce((x, t) => x + t.value, 0);
  const pricePerMwYear = tcv / (contractedMw * a.term_years);
  const lines = capacityLines(a, tranches);
  const totalPower = years.reduce((x, r) => x + r.passThroughPower, 0);
  const totalRevenue = years.reduce((x, r) => x + r.revenue, 0);
  const model: ScenarioModel = {
    scenario: s,
    tranches,
    years,
    contractYears,
    capacityLines: lines,
    tcv,
    tcvInclOptions,
    averageAnnualRevenue: tcvInclOptions / maxK,
    contractedMw,
    contractedHpcMw: contractedTotal(lines),
    pipelineMw: pipelineMw(lines),
    pricePerMwYear,
    licenceMargin: a.licence_margin,
    reportedMarginTerm: reportedMargin(totalRevenue, a.licence_margin, totalPower) ?? 0,
    marginBridge: marginBridge(a, pricePerMwYear),
  };
  // Backstop for "never NaN": any non-finite number becomes #NUM! naming the field.
  const bad = nonFinitePath(model, "model");
  return bad === undefined ? ok(model) : numError(`${bad} is not a finite number`);
}

/**
 * The path of the first number in `x` that is NaN or infinite ("model.years[3].revenue"), or
 * undefined if there is none. The path is spelled only when one is found: this runs on every
 * model computed.
 */
function nonFinitePath(x: unknown, path: string): string | undefined {
  const keys = nonFiniteKeys(x);
  return keys === undefined ? undefined : path + keys.reverse().map((k) => (typeof k === "number" ? `[${k}]` : `.${k}`)).join("");
}

/** The keys down to the first non-finite number in `x`, innermost first; undefined if there is none. */
function nonFiniteKeys(x: unknown): (string | number)[] | undefined {
  if (typeof x === "number") return Number.isFinite(x) ? undefined : [];
  if (Array.isArray(x)) {
    for (let i = 0; i < x.length; i++) {
      const keys = nonFiniteKeys(x[i]);
      if (keys !== undefined) return [...keys, i];
    }
    return undefined;
  }
  if (typeof x === "object" && x !== null) {
    for (const k in x) {
      const keys = nonFiniteKeys((x as Record<string, unknown>)[k]);
      if (keys !== undefined) return [...keys, k];
    }
  }
  return undefined;
}

/** Resolves and computes a scenario by name with optional overrides. */
export function runScenario(name: string, overrides: readonly Override[] = []): Result<ScenarioModel> {
  const s = resolveScenario(name, overrides);
  return s.ok ? computeScenario(s.value) : s;
}

/**
 * The calendar-year row, or an all-zero row for a year in which nothing is billed. The rows run
 * year by year without gaps, so the row is found by position (a custom function recalculating
 * thousands of cells asks for it once per cell).
 */
export function yearRow(m: ScenarioModel, year: number): YearRow {
  const row = m.years.length > 0 ? m.years[year - m.years[0].year] : undefined;
  if (row !== undefined && row.year === year) return row;
  return {
    year,
    revenue: 0,
    revenueByTranche: m.tranches.map(() => 0),
    mwBillable: 0,
    mwBillableEnd: 0,
    grossProfit: 0,
    passThroughPower: 0,
    reportedRevenue: 0,
    reportedMargin: undefined,
  };
}

/** HPC capacity by year from `first` to `last` inclusive: contracted, energised, pipeline, target and the gaps. */
export function capacitySchedule(m: ScenarioModel, first: number, last: number): CapacityRow[] {
  const rows: CapacityRow[] = [];
  const target = m.scenario.values.target_mw;
  const pipeline = pipelineMw(m.capacityLines);
  for (let y = first; y <= last; y++) {
    const contracted = capacityEndOfYear(m.capacityLines, y, "contracted");
    const energised = capacityEndOfYear(m.capacityLines, y, "energised");
    rows.push({
      year: y,
      energisedMw: energised,
      contractedMw: contracted,
      pipelineMw: pipeline,
      targetMw: target,
      contractedGapMw: contracted - target,
      energisedGapMw: energised - target,
    });
  }
  return rows;
}

/** First and last years of the capacity view: first energisation to the target year or last energisation. */
export function capacityYears(m: ScenarioModel): { first: number; last: number } {
  const dates = contractedLines(m.capacityLines)
    .filter((l: ContractedLine) => l.mw > 0)
    .map((l) => Math.floor(l.energised));
  const target = m.scenario.values.target_year;
  return { first: Math.min(...dates, target), last: Math.max(...dates, target) };
}

/**
 * The valuation date as a decimal year on the model's time axis (dates.ts `yearFraction`):
 * `year + (days since 1 January) / (days in the year)`. The Deal sheet computes the same
 * number with `YEAR(d)+(d-DATE(YEAR(d),1,1))/(DATE(YEAR(d)+1,1,1)-DATE(YEAR(d),1,1))`.
 *
 * @param serial the valuation date as an Excel date serial (a time of day is dropped)
 * @example valuationTime(45658) // 2025 (2025-01-01)
 * @example valuationTime(46152) // 2026.3534 (2026-05-10: 2026 + 129/365)
 */
export function valuationTime(serial: number): Result<number> {
  const d = fromExcelSerial(serial);
  return d.ok ? ok(yearFraction(d.value)) : d;
}

/**
 * Licence-fee revenue by tranche earned in a calendar year from decimal time `from` on, USD:
 * the year's revenue when it starts on or after `from`, nothing when it ends on or before it,
 * and `trancheRevenue` over [from, year + 1) when `from` falls inside it.
 */
export function revenueFrom(m: ScenarioModel, r: YearRow, from: number): readonly number[] {
  if (r.year >= from) return r.revenueByTranche;
  if (r.year + 1 <= from) return m.tranches.map(() => 0);
  return m.tranches.map((t) => trancheRevenue(t, from, r.year + 1));
}

/** One calendar year's gross profit as the NPV counts it. */
export interface NpvFlow {
  readonly year: number;
  /**
   * Licence-fee gross profit earned in the year from the valuation date on, USD: the whole
   * year's when it starts on or after the valuation date, the part earned from the date to
   * 31 December when the date falls inside it (integrated over the ramp as revenue is).
   */
  readonly grossProfit: number;
  /** Years from the valuation date to the year's end, when the flow is received: `year + 1 - t0` (> 0). */
  readonly years: number;
}

/**
 * The cash flows `dealNpv` discounts: for each calendar year that ends after the valuation
 * date (t0, a decimal year), the licence-fee gross profit earned from t0 on, received at the
 * year end. Gross profit earned before t0 is history: a year that ends on or before t0 is
 * left out, and a year t0 falls inside counts only `margin x revenue over [t0, year + 1)`.
 * #NUM! when no billing year ends after the valuation date. With a valuation date of
 * 1 January 2025 these are the gross profit of every year from 2025, each in full, received
 * 1, 2, 3, ... years after the date.
 */
export function npvFlows(m: ScenarioModel): Result<NpvFlow[]> {
  const a = m.scenario.values;
  const t0 = valuationTime(a.valuation_date);
  if (!t0.ok) return t0;
  const from = t0.value;
  const flows: NpvFlow[] = [];
  for (const r of m.years) {
    if (r.year + 1 <= from) continue; // earned before the valuation date: history
    const grossProfit = r.year >= from ? r.grossProfit : revenueFrom(m, r, from).reduce((x, y) => x + y, 0) * a.licence_margin;
    flows.push({ year: r.year, grossProfit, years: r.year + 1 - from });
  }
  if (flows.length === 0) {
    const d = fromExcelSerial(a.valuation_date);
    return numError(`no gross profit is earned after the valuation date ${d.ok ? toIso(d.value) : a.valuation_date}`);
  }
  return ok(flows);
}

/**
 * Present value of `npvFlows` at `rate`: `sum of grossProfit x (1 + rate)^-years`, USD as of
 * the valuation date (a flow received on the date would count at face value).
 *
 * @param rate annual discount rate as a decimal (0.1 = 10%)
 * @example discountFlows([{ year: 2025, grossProfit: 110, years: 1 }, { year: 2026, grossProfit: 121, years: 2 }], 0.1) // 200
 */
export function discountFlows(flows: readonly NpvFlow[], rate: number): Result<number> {
  if (!Number.isFinite(rate)) return numError("rate must be a finite number");
  if (rate <= -1) return rate === -1 ? fail("div0", "rate of -100% divides by zero") : numError("rate must be more than -100%");
  let sum = 0;
  for (const f of flows) sum += f.grossProfit * (1 / Math.pow(1 + rate, f.years));
  return Number.isFinite(sum) ? ok(sum) : numError("NPV overflows at this rate");
}

/**
 * NPV of the licence-fee gross profit as of the valuation date (`valuation_date`, default the
 * data's as-of date), USD. Convention: each calendar year's gross profit is received at its year
 * end and discounted by `(1 + rate)^-(year + 1 - t0)`, t0 the valuation date as a decimal year
 * (`valuationTime`); gross profit earned before the date is history and not counted, so a year
 * the date falls inside counts only what is earned from the date to 31 December. A valuation
 * date of 1 January Y gives Excel's `NPV(rate, gross profit of Y, Y+1, ...)`; moving the date
 * one year later drops what is earned in that year and multiplies the value of the rest by
 * `1 + rate`. tests/model/scenarioModel.test.ts checks these against sums written out by hand.
 */
export function dealNpv(m: ScenarioModel, rate: number): Result<number> {
  const flows = npvFlows(m);
  return flows.ok ? discountFlows(flows.value, rate) : flows;
}
