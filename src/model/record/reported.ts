/**
 * What Core Scientific reported, as dated data: colocation (formerly "HPC hosting") revenue
 * by quarter, the MW statements (energised, billable, billing, online) with their dates, and
 * management's guidance. Money in USD; capacity in MW of critical IT load; dates ISO.
 *
 * A model calibrated to this record compares like with like: these are segment revenues as
 * the results releases report them. The releases read do not say whether power passed through
 * to the tenant is inside the figure, so `basis` says only what the release says.
 */
import { Result, naError, ok, valueError } from "../result";
import {
  Q1_2025_HIGHLIGHTS_COPY,
  Q1_2025_RESULTS_COPY,
  Q1_2026_REVIEW,
  Q2_2025_RESULTS,
  Q3_2025_8K,
  Q3_2025_PRESS,
  Q4_2024_SUMMARY,
  Q4_2025_RESULTS,
} from "./pages";
import { Sourced, sourced } from "./source";

/** A calendar quarter, e.g. "2025-Q3". */
export type QuarterId = `${number}-Q${1 | 2 | 3 | 4}`;

/** One quarter's reported colocation revenue. */
export interface ReportedQuarter {
  readonly period: QuarterId;
  /** Last day of the quarter, ISO. */
  readonly periodEnd: string;
  /** Segment revenue in USD for the quarter. */
  readonly colocationRevenueUsd: Sourced<number>;
  /** What the figure is, in the release's words. */
  readonly basis: string;
}

const BASIS_2024 =
  "'HPC hosting' segment revenue as reported (prior-year comparative in the 2025 release); before the 12-year contracts started billing";
const BASIS_2025 =
  "'Colocation' (formerly 'HPC hosting'; 'High-Density Colocation' in Q3 2025) segment revenue as reported; the release does not say whether pass-through power is included";

/** Reported colocation revenue by quarter, oldest first. */
export const REPORTED_QUARTERS: readonly ReportedQuarter[] = [
  {
    period: "2024-Q2",
    periodEnd: "2024-06-30",
    colocationRevenueUsd: sourced(
      5.5e6,
      "5.5",
      Q2_2025_RESULTS,
      "Colocation (formerly “HPC hosting”) revenue was $10.6 million, up from $5.5 million in the second quarter of 2024.",
    ),
    basis: BASIS_2024,
  },
  {
    period: "2024-Q3",
    periodEnd: "2024-09-30",
    colocationRevenueUsd: sourced(
      10.3e6,
      "10.3",
      Q3_2025_8K,
      "High-Density Colocation (“HDC”, formerly “HPC hosting”) revenue was $15.0 million, up from $10.3 million in the third quarter of 2024.",
    ),
    basis: BASIS_2024,
  },
  {
    period: "2024-Q4",
    periodEnd: "2024-12-31",
    colocationRevenueUsd: sourced(
      8.5e6,
      "8.5",
      Q4_2025_RESULTS,
      "Colocation revenue was $31.3 million, up from $8.5 million in the fourth quarter of 2024.",
    ),
    basis: BASIS_2024,
  },
  {
    period: "2025-Q1",
    periodEnd: "2025-03-31",
    colocationRevenueUsd: sourced(
      8.6e6,
      "8.6",
      Q1_2025_RESULTS_COPY,
      "$3.8 million in Digital asset hosted mining revenue and $8.6 million in Colocation (formerly 'HPC hosting') revenue",
    ),
    basis: BASIS_2025,
  },
  {
    period: "2025-Q2",
    periodEnd: "2025-06-30",
    colocationRevenueUsd: sourced(
      10.6e6,
      "10.6",
      Q2_2025_RESULTS,
      "Colocation (formerly “HPC hosting”) revenue was $10.6 million, up from $5.5 million in the second quarter of 2024.",
      "the release: 'due to the expansion of colocation operations into Denton, Texas during the second quarter of 2025'",
    ),
    basis: BASIS_2025,
  },
  {
    period: "2025-Q3",
    periodEnd: "2025-09-30",
    colocationRevenueUsd: sourced(
      15.0e6,
      "15.0",
      Q3_2025_8K,
      "High-Density Colocation (“HDC”, formerly “HPC hosting”) revenue was $15.0 million, up from $10.3 million in the third quarter of 2024.",
    ),
    basis: BASIS_2025,
  },
  {
    period: "2025-Q4",
    periodEnd: "2025-12-31",
    colocationRevenueUsd: sourced(
      31.3e6,
      "31.3",
      Q4_2025_RESULTS,
      "Colocation revenue was $31.3 million, up from $8.5 million in the fourth quarter of 2024.",
    ),
    basis: BASIS_2025,
  },
  {
    period: "2026-Q1",
    periodEnd: "2026-03-31",
    colocationRevenueUsd: sourced(
      77.5e6,
      "77.5",
      Q1_2026_REVIEW,
      "colocation ($77.5M) overtook self-mining ($30.1M) for first time",
      "secondary: a machine-written review of the Q1 2026 results (reported 2026-05-06); the release itself was not found",
    ),
    basis: BASIS_2025,
  },
];

// ---- MW statements -------------------------------------------------------------------------------

/**
 * What a MW figure counts. "energized": power on at the site; "online"/"delivered": handed to
 * the tenant; "billable"/"billing": the tenant pays for it. Energised is not billed.
 */
export type CapacityMeasure = "energized" | "delivered" | "online" | "billable" | "billing";

/** A dated MW statement: an actual ("to date") or guidance (a target). */
export interface CapacityStatement {
  readonly id: string;
  readonly measure: CapacityMeasure;
  readonly kind: "actual" | "guidance";
  /** MW of critical IT load. */
  readonly mw: Sourced<number>;
  /** True when the MW add to what was there before ("an additional ~40MW"). */
  readonly incremental: boolean;
  /** What it covers, e.g. "CoreWeave contracts, all sites" or "Denton". */
  readonly scope: string;
  /** ISO date the statement was made (an actual describes that date). */
  readonly statedOn: string;
  /** Guidance: the target in the source's words. */
  readonly targetAsStated?: string;
  /** Guidance: the target as a date, only where the words fix one (end of a month, quarter or year). */
  readonly targetIso?: string;
}

const ALL_SITES = "CoreWeave contracts, all sites";

export const CAPACITY_STATEMENTS: readonly CapacityStatement[] = [
  {
    id: "2025-02-delivery-250",
    measure: "delivered",
    kind: "guidance",
    mw: sourced(250, "~250 MW", Q4_2024_SUMMARY, "delivery schedule now ~250 MW by YE25 and ~590 MW by early 2027 (push vs prior plan)"),
    incremental: false,
    scope: ALL_SITES,
    statedOn: "2025-02-26",
    targetAsStated: "by YE25",
    targetIso: "2025-12-31",
  },
  {
    id: "2025-02-delivery-590",
    measure: "delivered",
    kind: "guidance",
    mw: sourced(
      590,
      "~590 MW",
      Q4_2024_SUMMARY,
      "delivery schedule now ~250 MW by YE25 and ~590 MW by early 2027 (push vs prior plan)",
      "pushed from ~500 MW by the second half of 2026",
    ),
    incremental: false,
    scope: ALL_SITES,
    statedOn: "2025-02-26",
    targetAsStated: "early 2027",
  },
  {
    id: "2025-05-billable-8-denton",
    measure: "billable",
    kind: "guidance",
    mw: sourced(
      8,
      "8MW",
      Q1_2025_HIGHLIGHTS_COPY,
      "First tranche of 8MW of billable capacity at Denton to be delivered to CoreWeave by the end of this month",
    ),
    incremental: false,
    scope: "Denton",
    statedOn: "2025-05-07",
    targetAsStated: "by the end of this month (May 2025)",
    targetIso: "2025-05-31",
  },
  {
    id: "2025-05-billable-40-more",
    measure: "billable",
    kind: "guidance",
    mw: sourced(40, "40MW", Q1_2025_HIGHLIGHTS_COPY, "an additional approximately 40MW by the end of this quarter"),
    incremental: true,
    scope: "Denton (the sentence continues the Denton tranche)",
    statedOn: "2025-05-07",
    targetAsStated: "by the end of this quarter (Q2 2025)",
    targetIso: "2025-06-30",
  },
  {
    id: "2025-05-billable-250",
    measure: "billable",
    kind: "guidance",
    mw: sourced(250, "250MW", Q1_2025_HIGHLIGHTS_COPY, "On track to deliver 250MW of billable capacity to CoreWeave by the end of this year"),
    incremental: false,
    scope: ALL_SITES,
    statedOn: "2025-05-07",
    targetAsStated: "by the end of this year",
    targetIso: "2025-12-31",
  },
  {
    id: "2025-10-online-250",
    measure: "online",
    kind: "guidance",
    mw: sourced(
      250,
      "250 MW",
      Q3_2025_PRESS,
      "Core Scientific plans to have 250 MW online for CoreWeave",
      "press reading of the Q3 2025 10-Q: 250 MW online by the end of 2025",
    ),
    incremental: false,
    scope: ALL_SITES,
    statedOn: "2025-10-26",
    targetAsStated: "by the end of the year",
    targetIso: "2025-12-31",
  },
  {
    id: "2026-03-energized-350",
    measure: "energized",
    kind: "actual",
    mw: sourced(350, "~350 MW", Q4_2025_RESULTS, "To date, energized ~350 MW of power and remain on track to deliver ~590 MW by early 2027."),
    incremental: false,
    scope: ALL_SITES,
    statedOn: "2026-03-02",
  },
  {
    id: "2026-03-delivery-590",
    measure: "delivered",
    kind: "guidance",
    mw: sourced(590, "~590 MW", Q4_2025_RESULTS, "To date, energized ~350 MW of power and remain on track to deliver ~590 MW by early 2027."),
    incremental: false,
    scope: ALL_SITES,
    statedOn: "2026-03-02",
    targetAsStated: "early 2027",
  },
  {
    id: "2026-05-billing-243",
    measure: "billing",
    kind: "actual",
    mw: sourced(
      243,
      "243 MW",
      Q1_2026_REVIEW,
      "CoreWeave colocation 243 MW billing (~$350M annualized), 350 MW energized; on track for 450 MW billing by end of summer 2026",
      "stated with the Q1 2026 results on 2026-05-06; the review does not say whether at 2026-03-31 or at the call",
    ),
    incremental: false,
    scope: ALL_SITES,
    statedOn: "2026-05-06",
  },
  {
    id: "2026-05-energized-350",
    measure: "energized",
    kind: "actual",
    mw: sourced(
      350,
      "350 MW",
      Q1_2026_REVIEW,
      "CoreWeave colocation 243 MW billing (~$350M annualized), 350 MW energized; on track for 450 MW billing by end of summer 2026",
    ),
    incremental: false,
    scope: ALL_SITES,
    statedOn: "2026-05-06",
  },
  {
    id: "2026-05-billing-450",
    measure: "billing",
    kind: "guidance",
    mw: sourced(
      450,
      "450 MW",
      Q1_2026_REVIEW,
      "CoreWeave colocation 243 MW billing (~$350M annualized), 350 MW energized; on track for 450 MW billing by end of summer 2026",
    ),
    incremental: false,
    scope: ALL_SITES,
    statedOn: "2026-05-06",
    targetAsStated: "by end of summer 2026",
  },
  {
    id: "2026-05-delivery-590",
    measure: "delivered",
    kind: "guidance",
    mw: sourced(590, "590 MW", Q1_2026_REVIEW, "590 MW (full CoreWeave contract) by early 2027"),
    incremental: false,
    scope: ALL_SITES,
    statedOn: "2026-05-06",
    targetAsStated: "early 2027",
  },
];

// ---- Revenue run-rate statements ----------------------------------------------------------------

/** An annualised colocation revenue figure management gave (guidance or run-rate), USD per year. */
export interface RunRateStatement {
  readonly id: string;
  readonly kind: "actual" | "guidance";
  readonly usdPerYear: Sourced<number>;
  readonly statedOn: string;
  readonly targetAsStated?: string;
}

export const RUN_RATE_STATEMENTS: readonly RunRateStatement[] = [
  {
    id: "2025-05-enter-2026-360m",
    kind: "guidance",
    usdPerYear: sourced(
      360e6,
      "360",
      Q1_2025_HIGHLIGHTS_COPY,
      "anticipate entering 2026 with annualized colocation revenue of approximately $360 million",
    ),
    statedOn: "2025-05-07",
    targetAsStated: "entering 2026",
  },
  {
    id: "2026-05-run-rate-350m",
    kind: "actual",
    usdPerYear: sourced(
      350e6,
      "350",
      Q1_2026_REVIEW,
      "CoreWeave colocation 243 MW billing (~$350M annualized), 350 MW energized",
      "the annualised revenue of the 243 MW billing at the time of the Q1 2026 call",
    ),
    statedOn: "2026-05-06",
  },
];

// ---- Helpers -----------------------------------------------------------------------------------

const QUARTER_END: Readonly<Record<string, string>> = { "1": "03-31", "2": "06-30", "3": "09-30", "4": "12-31" };

/**
 * The last day of a quarter "YYYY-Qn" as ISO text, or #VALUE! for anything else.
 *
 * @example Number(quarterEnd("2025-Q3").value.slice(5, 7)) // 9
 */
export function quarterEnd(period: string): Result<string> {
  const m = /^(\d{4})-Q([1-4])$/.exec(period);
  return m ? ok(`${m[1]}-${QUARTER_END[m[2]]}`) : valueError(`"${period}" is not a quarter like 2025-Q3`);
}

/** The reported quarter, or #N/A naming the quarters on record. */
export function reportedQuarter(period: string): Result<ReportedQuarter> {
  const q = REPORTED_QUARTERS.find((r) => r.period === period);
  return q !== undefined
    ? ok(q)
    : naError(`no reported quarter ${period}; the record has ${REPORTED_QUARTERS.map((r) => r.period).join(", ")}`);
}

/**
 * A calendar year's colocation revenue as the sum of its four reported quarters (USD), or
 * #N/A when a quarter is missing. Derived: the annual figure itself was not read on a page.
 *
 * @example annualFromQuarters(2025) // 65_500_000 USD
 */
export function annualFromQuarters(year: number): Result<number> {
  const quarters = [1, 2, 3, 4].map((n) => REPORTED_QUARTERS.find((r) => r.period === `${year}-Q${n}`));
  const missing = quarters.findIndex((q) => q === undefined);
  if (missing >= 0) return naError(`${year}-Q${missing + 1} is not on record`);
  return ok(quarters.reduce((s, q) => s + (q as ReportedQuarter).colocationRevenueUsd.value, 0));
}

/** The MW statements of one measure, oldest first. */
export function capacityStatements(measure: CapacityMeasure): readonly CapacityStatement[] {
  return CAPACITY_STATEMENTS.filter((c) => c.measure === measure).slice().sort((a, b) => (a.statedOn < b.statedOn ? -1 : 1));
}
