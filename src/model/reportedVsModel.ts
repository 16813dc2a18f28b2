/**
 * The model beside what Core Scientific reported, quarter by quarter: reported colocation
 * revenue (record/reported.ts) against the model's revenue on the same basis.
 *
 * The reported basis: segment revenue holds the 12-year CoreWeave contracts' licence fees, the
 * other colocation revenue that was there before they billed (`other_colocation_revenue`, held
 * flat each quarter), and whatever share of pass-through power the segment carries
 * (`reported_power_share`, 0 by default: the run-rate on record is the licence price).
 *
 * Units: USD per quarter; a quarter is the window [first day, first day of the next quarter)
 * on the model's time axis (dates.ts `yearFraction`), the window the Deal sheet uses too.
 */
import { trancheMwYears, trancheRevenue } from "./deal";
import { yearFraction } from "./dates";
import { powerPassThrough } from "./margins";
import { REPORTED_QUARTERS, ReportedQuarter } from "./record";
import { ScenarioModel } from "./scenarioModel";

/** One reported quarter beside the model. */
export interface ReportedVsModelRow {
  /** "2025-Q3". */
  readonly period: string;
  readonly year: number;
  readonly quarter: 1 | 2 | 3 | 4;
  /** Reported colocation revenue, USD. */
  readonly reported: number;
  /** The 12-year contracts' licence revenue in the quarter, USD. */
  readonly licence: number;
  /** Other colocation revenue (held flat), USD. */
  readonly other: number;
  /** Pass-through power counted in reported revenue, USD. */
  readonly power: number;
  /** Model on the reported basis: licence + other + power, USD. */
  readonly model: number;
  /** Model less reported, USD. */
  readonly variance: number;
  /** Variance over reported (0.05 = the model is 5% above what was reported). */
  readonly varianceRate: number;
  /** Where the reported figure comes from. */
  readonly quarterRecord: ReportedQuarter;
}

/** The quarter's window [start, end) as decimal years. */
export function quarterWindow(year: number, quarter: number): { start: number; end: number } {
  const m = 3 * (quarter - 1) + 1;
  const start = yearFraction({ year, month: m, day: 1 });
  const end = quarter === 4 ? year + 1 : yearFraction({ year, month: m + 3, day: 1 });
  return { start, end };
}

/** The first quarter from which the base case is held to within 10% of what was reported. */
export const CALIBRATED_FROM = "2025-Q3";

/**
 * Every reported quarter, oldest first, beside the scenario's model on the reported basis
 * (for base from 2025-Q3 on, within 10% of what was reported: tests/model say so).
 */
export function reportedVsModel(m: ScenarioModel): ReportedVsModelRow[] {
  const a = m.scenario.values;
  return REPORTED_QUARTERS.map((q) => {
    const [y, n] = q.period.split("-Q").map(Number);
    const { start, end } = quarterWindow(y, n);
    const licence = m.tranches.reduce((s, t) => s + trancheRevenue(t, start, end), 0);
    const mwYears = m.tranches.reduce((s, t) => s + trancheMwYears(t, start, end), 0);
    const power = a.reported_power_share * powerPassThrough(mwYears, a);
    const other = a.other_colocation_revenue;
    const model = licence + other + power;
    const reported = q.colocationRevenueUsd.value;
    return {
      period: q.period,
      year: y,
      quarter: n as 1 | 2 | 3 | 4,
      reported,
      licence,
      other,
      power,
      model,
      variance: model - reported,
      varianceRate: (model - reported) / reported,
      quarterRecord: q,
    };
  });
}
