/**
 * The verified public record of Core Scientific's CoreWeave contracts, the reported ramp and
 * the inputs the base scenario is rebuilt on. Every figure carries the page it was read on;
 * `RECORD_AS_OF` is the latest publication date among them.
 */
import { CUMULATIVE_STATEMENTS, RENEWAL_OPTIONS, SITE_STATEMENTS, TRANCHES } from "./contracts";
import {
  CAPEX_BY_QUARTER,
  LICENCE_CASH_MARGIN_TARGET,
  PIPELINE,
  POLARIS_DS_PRICE_USD,
  POWER_PRICE,
  PUE_AI_HALL,
  REPORTED_HPC_MARGINS,
  SENIOR_SECURED_NOTES,
} from "./inputs";
import { CAPACITY_STATEMENTS, REPORTED_QUARTERS, RUN_RATE_STATEMENTS } from "./reported";
import { PublicSource } from "./source";
import {
  COLOCATION_SEGMENT_QUARTERS,
  CORE_FUNDED_CAPEX,
  CORE_OVERHEADS,
  DISCOUNT_RATE_INPUTS,
  MAINTENANCE_CAPEX_BENCHMARK,
  TAX,
} from "./valuation";

export * from "./source";
export * from "./contracts";
export * from "./reported";
export * from "./inputs";
export * from "./valuation";

/** The latest publication date of any source in the record (ISO). */
export const RECORD_AS_OF = "2026-05-26";

/** Every data set of the record, by name (for walking, listing and checking). */
export const RECORD = {
  tranches: TRANCHES,
  cumulativeStatements: CUMULATIVE_STATEMENTS,
  renewalOptions: RENEWAL_OPTIONS,
  siteStatements: SITE_STATEMENTS,
  reportedQuarters: REPORTED_QUARTERS,
  capacityStatements: CAPACITY_STATEMENTS,
  runRateStatements: RUN_RATE_STATEMENTS,
  powerPrice: POWER_PRICE,
  pue: PUE_AI_HALL,
  licenceCashMarginTarget: LICENCE_CASH_MARGIN_TARGET,
  reportedHpcMargins: REPORTED_HPC_MARGINS,
  capexByQuarter: CAPEX_BY_QUARTER,
  seniorSecuredNotes: SENIOR_SECURED_NOTES,
  pipeline: PIPELINE,
  polarisDsPriceUsd: POLARIS_DS_PRICE_USD,
  colocationSegmentQuarters: COLOCATION_SEGMENT_QUARTERS,
  coreFundedCapex: CORE_FUNDED_CAPEX,
  coreOverheads: CORE_OVERHEADS,
  tax: TAX,
  discountRateInputs: DISCOUNT_RATE_INPUTS,
  maintenanceCapexBenchmark: MAINTENANCE_CAPEX_BENCHMARK,
} as const;

function isPublicSource(x: unknown): x is PublicSource {
  const o = x as Partial<PublicSource> | null;
  return typeof o === "object" && o !== null && typeof o.url === "string" && typeof o.quote === "string" && typeof o.date === "string";
}

/**
 * Every source object under `value` (depth-first, in data order; the same page appears once per
 * quote that cites it).
 */
export function collectSources(value: unknown): readonly PublicSource[] {
  const out: PublicSource[] = [];
  const seen = new Set<object>();
  const walk = (v: unknown): void => {
    if (typeof v !== "object" || v === null || seen.has(v)) return;
    seen.add(v);
    if (isPublicSource(v)) {
      out.push(v);
      return;
    }
    for (const child of Array.isArray(v) ? v : Object.values(v)) walk(child);
  };
  walk(value);
  return out;
}

/**
 * The distinct pages (by address) the record cites whose publication date is before `isoDate`,
 * oldest first: the defaults a reader should know are old.
 *
 * @example sourcesPublishedBefore("2025-05-07").length // 9
 */
export function sourcesPublishedBefore(isoDate: string): readonly PublicSource[] {
  const byUrl = new Map<string, PublicSource>();
  for (const s of collectSources(RECORD)) if (s.date < isoDate && !byUrl.has(s.url)) byUrl.set(s.url, s);
  return [...byUrl.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
