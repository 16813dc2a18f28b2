/**
 * Public figures a cash-flow valuation of the CoreWeave contracts rests on: Core Scientific's
 * colocation segment by quarter (revenue, cost of revenue, gross profit, GAAP gross margin), its
 * own share of the build-out capex, its overheads, tax rates and loss carryforwards, the debt
 * yields a discount rate can be built from, and a data-centre REIT's recurring (maintenance)
 * capex as a peer benchmark. Money in USD, rates as decimals, dates ISO. `VALUATION_GAPS` lists
 * what was searched for and not confirmed: those defaults are judgement, not record.
 */
import {
  COREWEAVE_2031_NOTES_8K,
  COREWEAVE_CONVERTIBLE_PRICING,
  CORZ_FINANCIALS_AGGREGATOR,
  CORZ_SEGMENTS_AGGREGATOR,
  EQUINIX_Q4_2025_SUMMARY,
  IRS_CORPORATE_RATE,
  Q1_2025_CALL_METRICS,
  TEXAS_FRANCHISE_RATES_2026,
  TREASURY_10Y_2026_05_26,
} from "./pages";
import { CAPEX_BY_QUARTER, CapexQuarter } from "./inputs";
import { Derived, Sourced, derive, sourced } from "./source";

// ---- Colocation segment by quarter ----------------------------------------------------------------

/**
 * One quarter of Core Scientific's colocation segment as filed (GAAP): revenue, cost of revenue,
 * gross profit and gross margin. Revenue includes what the segment bills CoreWeave beyond the
 * licence fee, and cost of revenue includes the segment's depreciation, so the margin is not the
 * cash gross margin on the licence fee (no quarterly non-GAAP cash margin was found for 2025-2026).
 */
export interface SegmentQuarter {
  readonly period: string;
  readonly revenueUsd: Sourced<number>;
  readonly costOfRevenueUsd: Sourced<number>;
  readonly grossProfitUsd: Sourced<number>;
  /**
   * GAAP gross margin as the page rounds it (whole percent); absent where the page's margin
   * disagrees with its own gross profit over revenue (then `marginNote` says so).
   */
  readonly grossMargin?: Sourced<number>;
  readonly marginNote?: string;
}

const REVENUE_ROW = "| Colocation revenue | $77.54M+147% | $31.34M+110% | $14.95M+41.6% | $10.56M+23.2% | $8.57M+0.6% | |";
const COST_ROW = "| Colocation revenue | $33.62M+96.9% | $17.08M+54.3% | $11.07M+17.3% | $9.43M+16.3% | $8.11M+4.2% | |";
const PROFIT_ROW = "| Colocation Segment | $43.92M+208% | $14.26M+267% | $3.89M+244% | $1.13M+142% | $467K-37.2% | |";
const MARGIN_ROW = "| Colocation Segment | 57%+43.0pp | 14%-12.0pp | 26%+15.0pp | 11%+6.0pp | 5%— | |";

const REVENUE_NOTE = "row 'Colocation revenue' under 'Revenue from customers by Product'; columns Q1 '26, Q4 '25, Q3 '25, Q2 '25, Q1 '25";
const COST_NOTE = "row 'Colocation revenue' under 'Cost of Revenue by Product' (the segment's cost of revenue); columns Q1 '26 to Q1 '25";
const PROFIT_NOTE = "row 'Colocation Segment' under 'Gross Profit by Business'; columns Q1 '26 to Q1 '25";
const MARGIN_NOTE = "row 'Colocation Segment' under 'Gross margin by Business'; columns Q1 '26 to Q1 '25";

function segmentQuarter(period: string, revenue: string, cost: string, profit: string, margin: string | { readonly omitted: string }): SegmentQuarter {
  const usd = (written: string): number => {
    const n = Number(written.replace(/[$MK]/g, ""));
    return written.endsWith("K") ? n * 1e3 : n * 1e6;
  };
  const base = {
    period,
    revenueUsd: sourced(usd(revenue), revenue, CORZ_SEGMENTS_AGGREGATOR, REVENUE_ROW, REVENUE_NOTE),
    costOfRevenueUsd: sourced(usd(cost), cost, CORZ_SEGMENTS_AGGREGATOR, COST_ROW, COST_NOTE),
    grossProfitUsd: sourced(usd(profit), profit, CORZ_SEGMENTS_AGGREGATOR, PROFIT_ROW, PROFIT_NOTE),
  };
  if (typeof margin !== "string") return { ...base, marginNote: margin.omitted };
  return { ...base, grossMargin: sourced(Number(margin.replace("%", "")) / 100, margin, CORZ_SEGMENTS_AGGREGATOR, MARGIN_ROW, MARGIN_NOTE) };
}

/**
 * Colocation segment, 2025-Q1 to 2026-Q1, oldest first (one aggregator page, read from the
 * filings' segment tables; revenue minus cost equals gross profit in every column to rounding).
 */
export const COLOCATION_SEGMENT_QUARTERS: readonly SegmentQuarter[] = [
  segmentQuarter("2025-Q1", "$8.57M", "$8.11M", "$467K", "5%"),
  segmentQuarter("2025-Q2", "$10.56M", "$9.43M", "$1.13M", "11%"),
  segmentQuarter("2025-Q3", "$14.95M", "$11.07M", "$3.89M", "26%"),
  segmentQuarter("2025-Q4", "$31.34M", "$17.08M", "$14.26M", {
    omitted:
      "the page's gross margin for Q4 '25 (14%) disagrees with its own gross profit over revenue (14.26 / 31.34 = 45.5%); the margin is left out, use grossMarginOf",
  }),
  segmentQuarter("2026-Q1", "$77.54M", "$33.62M", "$43.92M", "57%"),
];

// ---- Core Scientific's own share of capex --------------------------------------------------------

/** A quarter's capex Core Scientific paid itself: total minus the part CoreWeave funded (USD). */
export interface CoreFundedCapex {
  readonly period: string;
  readonly coreFundedUsd: Derived;
}

function coreFunded(q: CapexQuarter): CoreFundedCapex {
  return {
    period: q.period,
    coreFundedUsd: derive(
      q.totalUsd,
      q.coreWeaveFundedUsd,
      `${q.period}: capital expenditures of ${q.totalUsd.asWritten} million minus ${q.coreWeaveFundedUsd.asWritten} million funded by CoreWeave`,
    ),
  };
}

/**
 * Core Scientific's own capex by quarter, from the quarters whose release splits capex (2025-Q2
 * and 2025-Q3). It includes site development away from CoreWeave's sites, so it is an upper bound
 * on Core's spend on the CoreWeave build; no split was found for 2025-Q4 or 2026-Q1.
 */
export const CORE_FUNDED_CAPEX: readonly CoreFundedCapex[] = CAPEX_BY_QUARTER.map(coreFunded);

// ---- Overheads -----------------------------------------------------------------------------------

/** Company-wide selling, general and administrative expense (USD); nothing allocates it to colocation. */
export interface Overheads {
  readonly fy2025SgaUsd: Sourced<number>;
  /** The same column's revenue, which identifies the column as fiscal 2025. */
  readonly fy2025RevenueUsd: Sourced<number>;
  readonly trailingTwelveMonthsToQ1_2026SgaUsd: Sourced<number>;
  readonly allocation: string;
}

const SGA_ROW = "| Selling, General & Admin | 205.96M | 182.6M | 120.42M | 100.93M | 226.01M | 64.55M | 16.32M | 17.54M |";
const REVENUE_BY_YEAR_ROW = "| Sales/Revenue | 354.74M | 319.02M | 510.67M | 502.4M | 640.31M | 544.48M | 60.32M | 59.52M |";

export const CORE_OVERHEADS: Overheads = {
  fy2025SgaUsd: sourced(
    182.6e6,
    "182.6M",
    CORZ_FINANCIALS_AGGREGATOR,
    SGA_ROW,
    "second column, fiscal 2025 (its revenue, 319.02M, matches the company's 2025 revenue); the aggregator's classification, not checked against the 10-K",
  ),
  fy2025RevenueUsd: sourced(319.02e6, "319.02M", CORZ_FINANCIALS_AGGREGATOR, REVENUE_BY_YEAR_ROW, "second column, fiscal 2025"),
  trailingTwelveMonthsToQ1_2026SgaUsd: sourced(
    205.96e6,
    "205.96M",
    CORZ_FINANCIALS_AGGREGATOR,
    SGA_ROW,
    "first column, twelve months to 2026-03-31 (its revenue, 354.74M, is 2025 revenue less Q1 2025 plus Q1 2026)",
  ),
  allocation:
    "No filing or call found allocates SG&A to the colocation segment; any share of overhead charged to the CoreWeave contracts is judgement.",
};

// ---- Tax -----------------------------------------------------------------------------------------

/** Tax rates and Core Scientific's loss carryforwards. */
export interface TaxRecord {
  /** US federal corporate income tax rate (flat since 2018). */
  readonly federalRate: Sourced<number>;
  /** Texas franchise (margin) tax rate for entities other than retail or wholesale: on taxable margin, not on income. */
  readonly texasFranchiseRate: Sourced<number>;
  /** Net operating loss carryforwards as stated on the Q1 2025 call (USD). */
  readonly nolCarryforwardsUsd: Sourced<number>;
}

export const TAX: TaxRecord = {
  federalRate: sourced(
    0.21,
    "21%",
    IRS_CORPORATE_RATE,
    "P.L. 115-97 replaced the graduated corporate tax structure with a flat 21% corporate tax rate, effective for tax years beginning after December 31, 2017.",
  ),
  texasFranchiseRate: sourced(
    0.0075,
    "0.75%",
    TEXAS_FRANCHISE_RATES_2026,
    "applies tax rates of 0.38% for retail/wholesale and 0.75% for other businesses",
    "2026 and 2027 report years; the tax base is apportioned taxable margin, not net income",
  ),
  nolCarryforwardsUsd: sourced(
    380e6,
    "380",
    Q1_2025_CALL_METRICS,
    "Net Operating Loss Carryforwards More than $380 million; will reduce future cash taxes.",
    "'more than' $380 million, management on the Q1 2025 call (summary); federal/state split, expiry and any section 382 limit not given; no 10-K figure was found",
  ),
};

// ---- Discount-rate inputs --------------------------------------------------------------------------

/** A fixed-rate note: coupon and, where the page gives them, size and maturity. */
export interface NoteTerms {
  readonly issuer: string;
  readonly name: string;
  readonly couponRate: Sourced<number>;
  readonly principalUsd?: Sourced<number>;
  readonly maturity?: Sourced<string>;
  readonly ranking: string;
}

/** The inputs a discount rate can be built from, each with its page; the build itself is judgement. */
export interface DiscountRateInputs {
  readonly coreWeave2031Notes: NoteTerms;
  readonly coreWeave2030Notes: NoteTerms;
  /** US 10-year Treasury yield at a close (decimal). */
  readonly treasury10y: Sourced<number>;
  readonly treasury10yDate: string;
  readonly coreNotesCoupon: string;
}

const CRWV_2031_QUOTE = "issued $1,750 million in aggregate principal amount of 9.000% Senior Notes due 2031";

export const DISCOUNT_RATE_INPUTS: DiscountRateInputs = {
  coreWeave2031Notes: {
    issuer: "CoreWeave, Inc.",
    name: "9.000% Senior Notes due 2031",
    couponRate: sourced(0.09, "9.000%", COREWEAVE_2031_NOTES_8K, CRWV_2031_QUOTE),
    principalUsd: sourced(1.75e9, "1,750", COREWEAVE_2031_NOTES_8K, CRWV_2031_QUOTE),
    maturity: sourced("2031-02-01", "February 1, 2031", COREWEAVE_2031_NOTES_8K, "The Notes will mature on February 1, 2031"),
    ranking: "senior unsecured, guaranteed by subsidiaries; issued 2025-07-25 at par per the 8-K (no issue price read)",
  },
  coreWeave2030Notes: {
    issuer: "CoreWeave, Inc.",
    name: "9.250% Senior Notes due 2030",
    couponRate: sourced(
      0.0925,
      "9.250%",
      COREWEAVE_CONVERTIBLE_PRICING,
      "guarantee its existing 9.250% Senior Notes due 2030 and 9.000% Senior Notes due 2031",
    ),
    ranking: "senior unsecured; size and maturity month not read on a page here",
  },
  treasury10y: sourced(
    0.0451,
    "4.510%",
    TREASURY_10Y_2026_05_26,
    "Technically, the 10-year yield stood at 4.510% (at close May 26, 2026)",
    "one secondary market-news digest; no Treasury or FRED page for May 2026 was found",
  ),
  treasury10yDate: "2026-05-26",
  coreNotesCoupon:
    "The coupon of Core Scientific's $3.3 billion senior secured notes due 2031 is still unconfirmed: only a machine-written review gives 7.75%; no 8-K, pricing release or press report was found.",
};

// ---- Maintenance capex benchmark -------------------------------------------------------------------

/** A data-centre REIT's recurring (maintenance) capex and revenue for the same quarter (USD). */
export interface MaintenanceCapexBenchmark {
  readonly company: string;
  readonly period: string;
  readonly recurringCapexUsd: Sourced<number>;
  readonly revenueUsd: Sourced<number>;
  readonly caveat: string;
}

export const MAINTENANCE_CAPEX_BENCHMARK: MaintenanceCapexBenchmark = {
  company: "Equinix",
  period: "2025-Q4",
  recurringCapexUsd: sourced(
    139e6,
    "139",
    EQUINIX_Q4_2025_SUMMARY,
    "The company spent $139 million on recurring capital expenditures in Q4, a 20.9% increase year over year",
  ),
  revenueUsd: sourced(2.42e9, "2.42", EQUINIX_Q4_2025_SUMMARY, "Total quarterly revenues were $2.42 billion"),
  caveat:
    "Retail colocation with customer churn and refits, where the operator owns more of the fit-out; a wholesale powered-shell licence like Core Scientific's likely needs less. A benchmark, not Core's own figure (none was found).",
};

// ---- Gaps ------------------------------------------------------------------------------------------

/** What was searched for and not confirmed on any page read: defaults for these are judgement. */
export const VALUATION_GAPS: readonly string[] = [
  "Capex split (total and CoreWeave-funded) for 2025-Q4 and 2026-Q1: the releases' capex lines were not readable in the stored copies.",
  "Any per-MW build cost (total, CoreWeave-funded or Core-funded) for the CoreWeave conversions.",
  "A quarterly non-GAAP cash gross margin for the colocation segment in 2025-2026 (only the Q1 2026 target of 80-85%, secondary).",
  "The coupon or yield of Core Scientific's $3.3 billion senior secured notes due 2031 (8-K or pricing release).",
  "Core Scientific's federal NOL carryforwards as at 2025-12-31 from the 10-K, and any section 382 limitation.",
  "An allocation of SG&A or site operating costs to the colocation segment.",
  "Digital Realty's recurring capex (the supplement's page was not readable in the stored copy).",
];

// ---- Helpers -----------------------------------------------------------------------------------------

/**
 * Gross profit over revenue for a quarter of the segment, unrounded.
 *
 * @example grossMarginOf(COLOCATION_SEGMENT_QUARTERS[4]) // 0.566
 */
export function grossMarginOf(q: SegmentQuarter): number {
  return q.grossProfitUsd.value / q.revenueUsd.value;
}

/**
 * A benchmark's recurring capex as a share of revenue (decimal).
 *
 * @example recurringCapexShare(MAINTENANCE_CAPEX_BENCHMARK) // 0.0574
 */
export function recurringCapexShare(b: MaintenanceCapexBenchmark): number {
  return b.recurringCapexUsd.value / b.revenueUsd.value;
}
