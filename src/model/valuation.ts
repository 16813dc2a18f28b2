/**
 * Unlevered cash flows to Core Scientific from the CoreWeave contracts, and their value.
 *
 * Over any window [a, b) of the model's time axis (decimal years):
 * - licence revenue: the tranches' licence fees (deal.ts trancheRevenue);
 * - pass-through power: billed to CoreWeave and paid to the utility, in and out (nets to zero; shown);
 * - site operating cost: licence revenue x (1 - licence margin), the cash cost the margin leaves;
 * - allocated overhead: licence revenue x `overhead_rate`;
 * - Core Scientific's capex: `core_capex_per_mw` per MW of a tranche, spent evenly over the
 *   `capex_lead_months` before its billing starts (after any delay);
 * - maintenance capex: licence revenue x `maintenance_capex_rate`;
 * - tax: `tax_rate` x (EBITDA - depreciation), never below zero in a window (no loss carried:
 *   conservative); depreciation is each tranche's capex straight-line over the term from billing start.
 * Free cash flow = EBITDA - tax - capex - maintenance capex.
 *
 * Value at the valuation date t0 (`valuation_date`): each calendar year's free cash flow from t0
 * on (the year t0 falls in counts the window [t0, year end)) is received at its year end and
 * discounted by (1 + rate)^-(year + 1 - t0), the convention of the gross-profit NPV
 * (scenarioModel.ts npvFlows), so the two compare like with like.
 *
 * Units: USD; rates as decimals.
 */
import { irr } from "./finance";
import { Tranche, buildTranches, trancheMwYears, trancheRevenue } from "./deal";
import { assumptionSpec } from "./assumptions";
import { ResolvedScenario, withOverrides } from "./scenarios";
import { powerPassThrough } from "./margins";
import { Result, fail, numError, ok } from "./result";
import { ScenarioModel, valuationTime } from "./scenarioModel";

/**
 * What the cash flows read from a scenario: its values and tranches. A computed ScenarioModel
 * is one; `cashFlowModel` builds one without the rest of the model (years, capacity), for
 * what-if loops that value many variants.
 */
export type CashFlowModel = Pick<ScenarioModel, "scenario" | "tranches">;

/** The cash-flow view of a resolved scenario: its tranches only. */
export function cashFlowModel(s: ResolvedScenario): Result<CashFlowModel> {
  const tranches = buildTranches(s.values);
  return tranches.ok ? ok({ scenario: s, tranches: tranches.value }) : tranches;
}

/** One window's cash flows, USD (costs and capex as positive numbers; `freeCashFlow` is the net). */
export interface CashFlowRow {
  readonly licenceRevenue: number;
  /** Power billed to CoreWeave (in) and paid to the utility (out): the same number both ways. */
  readonly passThroughPower: number;
  readonly siteOpex: number;
  readonly overhead: number;
  readonly ebitda: number;
  readonly depreciation: number;
  readonly tax: number;
  readonly capex: number;
  readonly maintenanceCapex: number;
  readonly freeCashFlow: number;
}

/** Length of the overlap of [a, b) and [c, d). */
function overlap(a: number, b: number, c: number, d: number): number {
  return Math.max(0, Math.min(b, d) - Math.max(a, c));
}

/** Core Scientific's capex on a tranche inside [a, b): spread evenly over the lead before billing starts (all on the start day when the lead is 0). */
export function trancheCapex(t: Tranche, perMw: number, leadYears: number, a: number, b: number): number {
  const total = t.mw * perMw;
  if (total === 0) return 0;
  if (leadYears <= 0) return t.start >= a && t.start < b ? total : 0;
  return (total * overlap(a, b, t.start - leadYears, t.start)) / leadYears;
}

/** Straight-line depreciation of a tranche's capex over the term from its billing start, inside [a, b). */
export function trancheDepreciation(t: Tranche, perMw: number, a: number, b: number): number {
  const total = t.mw * perMw;
  return total === 0 || t.term <= 0 ? 0 : (total * overlap(a, b, t.start, t.start + t.term)) / t.term;
}

/** The cash flows over the window [a, b) (decimal years). */
export function cashFlowWindow(m: CashFlowModel, a: number, b: number): CashFlowRow {
  const v = m.scenario.values;
  const licenceRevenue = m.tranches.reduce((s, t) => s + trancheRevenue(t, a, b), 0);
  const mwYears = m.tranches.reduce((s, t) => s + trancheMwYears(t, a, b), 0);
  const passThroughPower = powerPassThrough(mwYears, v);
  const siteOpex = licenceRevenue * (1 - v.licence_margin);
  const overhead = licenceRevenue * v.overhead_rate;
  const ebitda = licenceRevenue - siteOpex - overhead;
  const lead = v.capex_lead_months / 12;
  const capex = m.tranches.reduce((s, t) => s + trancheCapex(t, v.core_capex_per_mw, lead, a, b), 0);
  const depreciation = m.tranches.reduce((s, t) => s + trancheDepreciation(t, v.core_capex_per_mw, a, b), 0);
  const tax = v.tax_rate * Math.max(0, ebitda - depreciation);
  const maintenanceCapex = licenceRevenue * v.maintenance_capex_rate;
  return {
    licenceRevenue,
    passThroughPower,
    siteOpex,
    overhead,
    ebitda,
    depreciation,
    tax,
    capex,
    maintenanceCapex,
    freeCashFlow: ebitda - tax - capex - maintenanceCapex,
  };
}

/** The calendar years with any cash flow: from the first capex to the last billing. */
export function cashFlowYears(m: CashFlowModel): { first: number; last: number } {
  const lead = m.scenario.values.capex_lead_months / 12;
  const live = m.tranches.filter((t) => t.mw > 0);
  const first = Math.min(...live.map((t) => Math.floor(t.start - (m.scenario.values.core_capex_per_mw > 0 ? lead : 0))));
  const last = Math.max(...live.map((t) => Math.ceil(t.start + t.totalYears + t.ramp) - 1));
  return { first, last };
}

/** A calendar year's cash flows, USD. */
export function cashFlowYear(m: CashFlowModel, year: number): CashFlowRow {
  return cashFlowWindow(m, year, year + 1);
}

/** One year's free cash flow as the value counts it: from the valuation date on, received at the year end. */
export interface ValueFlow {
  readonly year: number;
  readonly freeCashFlow: number;
  /** Years from the valuation date to the year end. */
  readonly years: number;
}

/** The flows `dealValue` discounts: each year ending after the valuation date, from the date on. */
export function valueFlows(m: CashFlowModel): Result<ValueFlow[]> {
  const t0 = valuationTime(m.scenario.values.valuation_date);
  if (!t0.ok) return t0;
  const { first, last } = cashFlowYears(m);
  const flows: ValueFlow[] = [];
  for (let y = Math.max(first, Math.floor(t0.value)); y <= last; y++) {
    if (y + 1 <= t0.value) continue;
    flows.push({ year: y, freeCashFlow: cashFlowWindow(m, Math.max(y, t0.value), y + 1).freeCashFlow, years: y + 1 - t0.value });
  }
  return flows.length > 0 ? ok(flows) : numError("no cash flow falls after the valuation date");
}

/**
 * Present value of the free cash flows at the valuation date, USD, at `rate` (the scenario's
 * discount rate unless given).
 */
export function dealValue(m: CashFlowModel, rate: number = m.scenario.values.discount_rate): Result<number> {
  if (!Number.isFinite(rate)) return numError("rate must be a finite number");
  if (rate <= -1) return rate === -1 ? fail("div0", "rate of -100% divides by zero") : numError("rate must be more than -100%");
  const flows = valueFlows(m);
  if (!flows.ok) return flows;
  const pv = flows.value.reduce((s, f) => s + f.freeCashFlow / Math.pow(1 + rate, f.years), 0);
  return Number.isFinite(pv) ? ok(pv) : numError("value overflows at this rate");
}

/**
 * Internal rate of return on Core Scientific's own capex: the yearly free cash flows from the
 * first capex to the last billing (history included: a return is earned over the whole life).
 * #NUM! when there is no capex (nothing to earn a return on) or no rate solves it.
 */
export function dealIrr(m: CashFlowModel): Result<number> {
  const { first, last } = cashFlowYears(m);
  const flows: number[] = [];
  for (let y = first; y <= last; y++) flows.push(cashFlowYear(m, y).freeCashFlow);
  if (!flows.some((f) => f < 0)) return numError("no year has a negative cash flow (no capex of Core Scientific's to earn a return on): IRR is undefined");
  return irr(flows);
}

/**
 * The scenario's cash-flow model with none of the renewal options exercised (the firm initial
 * term only) or all of them (each contract's two five-year options).
 */
export function withRenewals(s: ResolvedScenario, renewals: "none" | "all"): Result<CashFlowModel> {
  const exercised = renewals === "none" ? 0 : Number(assumptionSpec("renewal_options")?.max ?? 2);
  const sc = withOverrides(s, [["renewal_options", exercised]]);
  return sc.ok ? cashFlowModel(sc.value) : sc;
}
