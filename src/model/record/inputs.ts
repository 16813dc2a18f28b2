/**
 * Single sourced values the model needs, each with its page: Core Scientific's power price,
 * a PUE for liquid-cooled AI halls (and whose design it is), the cash gross margin target on
 * the CoreWeave contract, capex funded by CoreWeave versus total, the senior secured notes,
 * and the capacity pipeline (sites under development, not contracted). Money in USD, rates
 * as decimals, capacity in MW (gross or leasable as each entry says), dates ISO.
 */
import {
  APPLIED_DIGITAL_PF2,
  MUSKOGEE_EXPANSION_PRESS,
  NOTES_COLLATERAL_PRESS,
  NOTES_LAUNCH_PRESS,
  Q1_2026_REVIEW,
  Q2_2025_RESULTS,
  Q3_2025_SUMMARY,
  Q4_2024_CALL_METRICS,
  Q4_2025_RESULTS,
} from "./pages";
import { Sourced, sourced } from "./source";

// ---- Power and PUE ---------------------------------------------------------------------------

/** A power price with the period and scope it covers. */
export interface PowerPrice {
  /** USD per kWh. */
  readonly usdPerKwh: Sourced<number>;
  readonly period: string;
  readonly scope: string;
}

/** Core Scientific's one power price on record: its 2024 fleet-wide average. */
export const POWER_PRICE: PowerPrice = {
  usdPerKwh: sourced(0.04, "0.04", Q4_2024_CALL_METRICS, "Average Annual Fleet-Wide Power Rate 2024 $0.04 per kilowatt hour"),
  period: "FY2024",
  scope: "fleet-wide average for 2024, when the fleet was mostly bitcoin mining; not a rate for the colocation halls",
};

/** A power usage effectiveness (total facility power / IT power) and whose design it is. */
export interface Pue {
  readonly value: Sourced<number>;
  readonly designedBy: string;
  readonly facility: string;
  readonly status: "projected" | "measured";
}

/**
 * PUE for a purpose-built AI hall: Applied Digital's projection for its Polaris Forge 2 campus
 * in North Dakota (a peer's design, in a cold climate; no PUE published by Core Scientific
 * was found).
 */
export const PUE_AI_HALL: Pue = {
  value: sourced(
    1.18,
    "1.18",
    APPLIED_DIGITAL_PF2,
    "engineered to deliver best-in-class efficiency with a projected PUE of 1.18 and near-zero water consumption",
    "the release does not itself say liquid-cooled; press reports the same 1.18 design PUE for Polaris Forge 1, built for liquid-cooled NVIDIA GPUs",
  ),
  designedBy: "Applied Digital",
  facility: "Polaris Forge 2, near Harwood, North Dakota",
  status: "projected",
};

// ---- Margins -----------------------------------------------------------------------------------

/** A range of rates as decimals, low to high. */
export interface RateRange {
  readonly low: number;
  readonly high: number;
}

/** The cash gross margin target on the CoreWeave contract: the latest statement and the one it replaced. */
export interface MarginTarget {
  readonly current: Sourced<RateRange>;
  readonly previous: Sourced<RateRange>;
  readonly basis: string;
  /** How far the statement is confirmed. */
  readonly confirmation: string;
}

const MARGIN_QUOTE =
  "Margin upgrade: cash gross margin target raised from 75-80% to 80-85% on CoreWeave contract (mgmt cites 2 years of cost experience).";

export const LICENCE_CASH_MARGIN_TARGET: MarginTarget = {
  current: sourced({ low: 0.8, high: 0.85 }, "80-85%", Q1_2026_REVIEW, MARGIN_QUOTE),
  previous: sourced({ low: 0.75, high: 0.8 }, "75-80%", Q1_2026_REVIEW, MARGIN_QUOTE),
  basis: "management's cash gross margin target on the CoreWeave contract (licence fee, costs passed through), Q1 2026 call",
  confirmation:
    "one secondary, machine-written review of the 2026-05-06 call; no transcript was found to confirm the wording",
};

/** A reported segment gross margin for one quarter (decimal), GAAP or the company's non-GAAP cash measure. */
export interface ReportedMargin {
  readonly period: string;
  readonly measure: "gaap-gross" | "non-gaap-cash-gross";
  readonly rate: Sourced<number>;
}

/** Reported HPC hosting margins (on revenue that includes what the segment bills; a ramp quarter). */
export const REPORTED_HPC_MARGINS: readonly ReportedMargin[] = [
  {
    period: "2024-Q4",
    measure: "gaap-gross",
    rate: sourced(0.09, "9%", Q4_2024_CALL_METRICS, "Gross Margins Q4 2024 2% for digital asset self-mining, 36% for digital asset hosting, and 9% for HPC hosting."),
  },
  {
    period: "2024-Q4",
    measure: "non-gaap-cash-gross",
    rate: sourced(0.16, "16%", Q4_2024_CALL_METRICS, "Non-GAAP Cash Gross Margin Q4 2024 16% for HPC hosting."),
  },
];

// ---- Capex --------------------------------------------------------------------------------------

/** One quarter's capital expenditure and the part CoreWeave funded (USD). */
export interface CapexQuarter {
  readonly period: string;
  readonly totalUsd: Sourced<number>;
  readonly coreWeaveFundedUsd: Sourced<number>;
  /** Spending at sites not leased to CoreWeave, where stated. */
  readonly nonCoreWeaveSitesUsd?: Sourced<number>;
}

const Q2_CAPEX_QUOTE =
  "Capital expenditures were $121.3 million, with $90.3 million funded by CoreWeave under the previously announced contractual agreements.";
const Q3_CAPEX_QUOTE =
  "Capital expenditures of $244.5 million in the quarter, $196.4 million of which were funded by CoreWeave under existing colocation service agreements.";

export const CAPEX_BY_QUARTER: readonly CapexQuarter[] = [
  {
    period: "2025-Q2",
    totalUsd: sourced(121.3e6, "121.3", Q2_2025_RESULTS, Q2_CAPEX_QUOTE),
    coreWeaveFundedUsd: sourced(90.3e6, "90.3", Q2_2025_RESULTS, Q2_CAPEX_QUOTE),
    nonCoreWeaveSitesUsd: sourced(
      31.0e6,
      "31.0",
      Q2_2025_RESULTS,
      "In addition, the company spent $31.0 million in new site development at non-CoreWeave locations.",
      "121.3 - 90.3 = 31.0, so this reads as the rest of the $121.3 million despite 'in addition'",
    ),
  },
  {
    period: "2025-Q3",
    totalUsd: sourced(244.5e6, "244.5", Q3_2025_SUMMARY, Q3_CAPEX_QUOTE),
    coreWeaveFundedUsd: sourced(196.4e6, "196.4", Q3_2025_SUMMARY, Q3_CAPEX_QUOTE),
  },
];

// ---- Financing ------------------------------------------------------------------------------------

/** A debt issue: size and maturity; the coupon only when a filing gives it. */
export interface NotesIssue {
  readonly name: string;
  readonly principalUsd: Sourced<number>;
  readonly maturityYear: Sourced<number>;
  /** Annual coupon as a decimal; absent: no filing read gives it. */
  readonly couponRate?: Sourced<number>;
  readonly security: Sourced<string>;
  readonly note: string;
}

export const SENIOR_SECURED_NOTES: NotesIssue = {
  name: "Senior secured notes due 2031",
  principalUsd: sourced(
    3.3e9,
    "3.3",
    NOTES_LAUNCH_PRESS,
    "Core Scientific is planning a $3.3 billion raise through senior secured notes due 2031, backed by five subsidiaries",
  ),
  maturityYear: sourced(
    2031,
    "2031",
    NOTES_LAUNCH_PRESS,
    "Core Scientific is planning a $3.3 billion raise through senior secured notes due 2031, backed by five subsidiaries",
  ),
  security: sourced(
    "first-priority liens on the assets of Core Scientific subsidiaries in Texas, Georgia, North Carolina and Oklahoma",
    "first-priority liens",
    NOTES_COLLATERAL_PRESS,
    "Notes backed by first-priority liens on substantially all assets of Core Scientific and subsidiaries in Texas, Georgia, North Carolina, Oklahoma",
  ),
  note:
    "Launched 2026-04-21 (press). The coupon is left out: only a secondary, machine-written review (2026-05-07) gives one (7.75%); no 8-K or pricing release was found.",
};

// ---- Pipeline (not contracted) ------------------------------------------------------------------

/** Capacity under development or planned: pipeline, not contracted MW. */
export interface PipelineStatement {
  readonly id: string;
  readonly site: string;
  /** "gross": power at the meter; "leasable": critical IT the company expects to lease. */
  readonly basis: "gross" | "leasable";
  readonly mw: Sourced<number>;
  /** True when the MW are an increase at existing sites rather than a site total. */
  readonly increase: boolean;
}

export const PIPELINE: readonly PipelineStatement[] = [
  {
    id: "2026-03-pipeline-1.5gw",
    site: "company-wide",
    basis: "leasable",
    mw: sourced(1500, "1.5", Q4_2025_RESULTS, "scaling our colocation platform into a 1.5 gigawatt pipeline of leasable capacity"),
    increase: false,
  },
  {
    id: "2026-03-hunt-county",
    site: "Hunt County, Texas",
    basis: "gross",
    mw: sourced(430, "~430 MW", Q4_2025_RESULTS, "expand into Hunt County, Texas, which is expected to support ~430 MW of gross power capacity"),
    increase: false,
  },
  {
    id: "2026-03-dalton-pecos",
    site: "Dalton, Georgia and Pecos, Texas",
    basis: "gross",
    mw: sourced(300, "~300 MW", Q4_2025_RESULTS, "Increased gross power capacity by ~300 MW across Dalton, Georgia and Pecos, Texas."),
    increase: true,
  },
  {
    id: "2026-05-muskogee-gross",
    site: "Muskogee, Oklahoma",
    basis: "gross",
    mw: sourced(
      1500,
      "1.5 GW",
      MUSKOGEE_EXPANSION_PRESS,
      "scale its Muskogee, Oklahoma campus to approximately 1.5 GW of gross power, or approximately 1 GW of leasable power",
      "Core Scientific's own words (its post of 2026-05-06), quoted by the press page; includes the ~70 MW contracted to CoreWeave",
    ),
    increase: false,
  },
  {
    id: "2026-05-muskogee-leasable",
    site: "Muskogee, Oklahoma",
    basis: "leasable",
    mw: sourced(
      1000,
      "1 GW",
      MUSKOGEE_EXPANSION_PRESS,
      "scale its Muskogee, Oklahoma campus to approximately 1.5 GW of gross power, or approximately 1 GW of leasable power",
    ),
    increase: false,
  },
  {
    id: "2026-05-polaris-ds-440",
    site: "Muskogee, Oklahoma (Polaris DS acquisition)",
    basis: "gross",
    mw: sourced(440, "440", MUSKOGEE_EXPANSION_PRESS, "The deal gives Core Scientific access to 440 megawatts of contracted power in Muskogee, Oklahoma."),
    increase: true,
  },
];

/** Cash price of the Polaris DS acquisition that adds Muskogee power (USD). */
export const POLARIS_DS_PRICE_USD: Sourced<number> = sourced(
  421e6,
  "421",
  MUSKOGEE_EXPANSION_PRESS,
  "Core Scientific will acquire Polaris DS LLC for approximately $421 million in cash.",
  "expected to close in Q3 2026 (press)",
);

// ---- Helpers -------------------------------------------------------------------------------------

/**
 * A power price in USD per MWh from USD per kWh.
 *
 * @example usdPerMwh(POWER_PRICE.usdPerKwh.value) // 40 USD/MWh
 */
export function usdPerMwh(usdPerKwh: number): number {
  return usdPerKwh * 1000;
}

/**
 * The middle of a range of rates.
 *
 * @example midpoint(LICENCE_CASH_MARGIN_TARGET.current.value) // 0.825
 */
export function midpoint(r: RateRange): number {
  return (r.low + r.high) / 2;
}

/**
 * The share of a quarter's capex CoreWeave funded, as a decimal.
 *
 * @example coreWeaveFundedShare(CAPEX_BY_QUARTER[1]) // 0.8033
 */
export function coreWeaveFundedShare(q: CapexQuarter): number {
  return q.coreWeaveFundedUsd.value / q.totalUsd.value;
}
