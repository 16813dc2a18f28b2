/**
 * Two views of the hosting margin.
 *
 * - Licence-fee view (the seed's 75-80%): revenue is the licence fee; power is passed
 *   through to CoreWeave and appears in neither revenue nor cost.
 * - Reported view (what filings show, ~26-30% in 2025): pass-through power is billed to the
 *   tenant and counted in both revenue and cost of revenue at zero margin, which dilutes the
 *   percentage without changing the gross profit in dollars.
 */
import { Assumptions } from "./scenarios";

export const HOURS_PER_YEAR = 8760;

/**
 * Power passed through for `mwYears` of billable IT load, USD:
 * `MW-years * load factor * PUE * 8,760 h * USD/MWh`.
 *
 * @example powerPassThrough(1, { load_factor: 1, pue: 1.56, power_price: 80.6 }) // 1,101,447.36 USD
 */
export function powerPassThrough(mwYears: number, a: Assumptions): number {
  return mwYears * a.load_factor * a.pue * HOURS_PER_YEAR * a.power_price;
}

/**
 * Gross margin with pass-through power in revenue and cost: `GP / (licence + power)`,
 * where `GP = licence revenue * licence margin`; undefined when there is no revenue.
 *
 * @example reportedMargin(1_450_000, 0.775, 1_101_447.36) // 0.4404 (77.5% on the licence fee alone)
 */
export function reportedMargin(licenceRevenue: number, licenceMargin: number, power: number): number | undefined {
  const revenue = licenceRevenue + power;
  return revenue > 0 ? (licenceRevenue * licenceMargin) / revenue : undefined;
}

export interface MarginBridge {
  /** The seed's licence-fee margin. */
  readonly licenceMargin: number;
  /** Pass-through power per billable MW-year, USD. */
  readonly powerPerMwYear: number;
  /** Licence fee per MW-year, USD. */
  readonly pricePerMwYear: number;
  /** Reported margin at full run-rate once power is in revenue and cost. */
  readonly reportedAtRunRate: number;
  /** Points of margin lost to the pass-through (licence - reported at run-rate). */
  readonly passThroughEffect: number;
  /** The margin filings reported. */
  readonly observed: number;
  /** Points that pass-through power does not explain (ramp-phase costs, depreciation and other costs outside the seed's view). */
  readonly unexplained: number;
}

/** Reconciles the seed's licence-fee margin with the reported margin, at full run-rate. */
export function marginBridge(a: Assumptions, pricePerMwYear: number): MarginBridge {
  const powerPerMwYear = powerPassThrough(1, a);
  const reportedAtRunRate = reportedMargin(pricePerMwYear, a.licence_margin, powerPerMwYear) ?? 0;
  return {
    licenceMargin: a.licence_margin,
    powerPerMwYear,
    pricePerMwYear,
    reportedAtRunRate,
    passThroughEffect: a.licence_margin - reportedAtRunRate,
    observed: a.reported_margin_observed,
    unexplained: reportedAtRunRate - a.reported_margin_observed,
  };
}
