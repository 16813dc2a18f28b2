/**
 * Core Scientific's contracts with CoreWeave as the public record states them: the tranches
 * (any number of them, in data), the cumulative statements the company made as the total
 * grew ("~500 MW ... $8.7 billion", "~590 MW", "exceeds $10 billion"), the renewal options,
 * the separate Austin contract, and site facts. Capacity is MW of critical IT load unless a
 * note says gross; money is USD over the contract term; dates are ISO YYYY-MM-DD.
 *
 * Where no page states a tranche's own MW or value, the figure is derived as the difference
 * of two sourced cumulative totals and says so (`Derived`).
 */
import {
  BUYOUT_TALKS_REPORT,
  DENTON_LEASE_8K,
  MAY_2024_UPDATE,
  MUSKOGEE_GROUNDBREAKING,
  OPTION_3_8K,
  Q2_2024_RESULTS,
  Q4_2024_CALL_SUMMARY,
  Q4_2024_SUMMARY,
  Q4_2025_RESULTS,
} from "./pages";
import { Figure, Sourced, derive, isDerived, sourced } from "./source";

// ---- Cumulative statements ---------------------------------------------------------------------

/** A total the company (or a report of it) stated for all CoreWeave contracts at a date. */
export interface CumulativeStatement {
  readonly id: string;
  /** The total as stated: MW of critical IT load, or USD over the 12-year terms. */
  readonly figure: Sourced<number>;
  readonly unit: "MW" | "USD";
  /** "approximate" for "approximately X" or a plain figure; "lower-bound" for "more than X" / "exceeds X". */
  readonly bound: "approximate" | "lower-bound";
}

const cum = (id: string, unit: "MW" | "USD", bound: CumulativeStatement["bound"], figure: Sourced<number>): CumulativeStatement => ({
  id,
  unit,
  bound,
  figure,
});

const CUM_200_MW = sourced(200, "200", MAY_2024_UPDATE, "new, long-term hosting contracts for 200 megawatts of HPC infrastructure with CoreWeave");
const CUM_3_5_BN = sourced(
  3.5e9,
  "3.5",
  MAY_2024_UPDATE,
  "they will strengthen our earnings power with an estimated $3.5 billion in cumulative revenue over their 12-year terms",
);
const CUM_382_MW = sourced(382, "382", Q2_2024_RESULTS, "Contracted 382 megawatts of infrastructure to host high-performance computing");
const CUM_6_7_BN = sourced(
  6.7e9,
  "6.7",
  Q2_2024_RESULTS,
  "including latest contract option exercise, for total potential revenue of approximately $6.7 billion over 12 years",
);
const CUM_500_MW = sourced(
  500,
  "500",
  OPTION_3_8K,
  "Expands Total Contracted HPC Infrastructure by CoreWeave to Approximately 500 Megawatts of Critical IT Load at Six Core Scientific Sites",
);
const CUM_8_7_BN = sourced(8.7e9, "8.7", OPTION_3_8K, "Increases Potential Cumulative Revenue to $8.7 Billion over 12 Year Contract Terms");
const CUM_590_MW_2025 = sourced(
  590,
  "~590 MW",
  Q4_2024_SUMMARY,
  "CoreWeave expansion added ~70 MW at Denton (to ~260 MW on site), lifting total CoreWeave contracted critical IT load to ~590 MW and total potential revenue to >$10B over 12 years",
);
const CUM_10_BN = sourced(
  10e9,
  "10",
  Q4_2024_SUMMARY,
  "“With this latest expansion, our total contracted value with CoreWeave now exceeds $10 billion,”",
  "management quote as reproduced by the summary; a lower bound",
);
const CUM_10_2_BN = sourced(
  10.2e9,
  "10.2",
  BUYOUT_TALKS_REPORT,
  "Its 12-year partnership with CoreWeave is now expected to generate $10.2 billion in revenue commitments, with 590 megawatts of infrastructure slated for delivery by early 2026.",
  "press figure; the same sentence says delivery by early 2026 where the company says early 2027",
);
const CUM_590_MW_2026 = sourced(
  590,
  "~590 MW",
  Q4_2025_RESULTS,
  "To date, energized ~350 MW of power and remain on track to deliver ~590 MW by early 2027.",
  "the company's own release confirms the ~590 MW total (as the amount to deliver under the CoreWeave contract)",
);

/** Every cumulative statement, oldest first. */
export const CUMULATIVE_STATEMENTS: readonly CumulativeStatement[] = [
  cum("2024-06-initial-mw", "MW", "approximate", CUM_200_MW),
  cum("2024-06-initial-usd", "USD", "approximate", CUM_3_5_BN),
  cum("2024-08-options-mw", "MW", "approximate", CUM_382_MW),
  cum("2024-08-options-usd", "USD", "approximate", CUM_6_7_BN),
  cum("2024-10-final-option-mw", "MW", "approximate", CUM_500_MW),
  cum("2024-10-final-option-usd", "USD", "approximate", CUM_8_7_BN),
  cum("2025-02-denton-mw", "MW", "approximate", CUM_590_MW_2025),
  cum("2025-02-denton-usd", "USD", "lower-bound", CUM_10_BN),
  cum("2025-06-press-usd", "USD", "approximate", CUM_10_2_BN),
  cum("2026-03-delivery-mw", "MW", "approximate", CUM_590_MW_2026),
];

// ---- Tranches ----------------------------------------------------------------------------------

/** One contract (or group of option exercises) that added capacity. */
export interface ContractTranche {
  readonly id: string;
  readonly name: string;
  /** The site, where a source names it. */
  readonly site?: string;
  /** Part of the 12-year CoreWeave HPC hosting contracts (false: the separate Austin contract). */
  readonly partOfTwelveYearContracts: boolean;
  /** MW of critical IT load this tranche added. */
  readonly mw: Figure;
  /** USD over the term, where stated or derivable; absent when no source gives it. */
  readonly contractValueUsd?: Figure;
  /** Contract term in years. */
  readonly termYears?: Sourced<number>;
  /** Date the contract was announced or entered into (ISO), as a source states it. */
  readonly announced?: Sourced<string>;
  /** Expected delivery in the source's own words, e.g. "second half of 2026". */
  readonly expectedDelivery?: Sourced<string>;
  readonly note?: string;
}

export const TRANCHES: readonly ContractTranche[] = [
  {
    id: "initial-200",
    name: "Initial 12-year HPC hosting contracts",
    partOfTwelveYearContracts: true,
    mw: CUM_200_MW,
    contractValueUsd: CUM_3_5_BN,
    termYears: sourced(12, "12", MAY_2024_UPDATE, "an estimated $3.5 billion in cumulative revenue over their 12-year terms"),
    announced: sourced(
      "2024-06-03",
      "June 3, 2024",
      OPTION_3_8K,
      "hosting contract for high performance computing (“HPC”) entered into with CoreWeave on June 3, 2024",
    ),
  },
  {
    id: "options-1-2",
    name: "Contract options exercised June–August 2024 (two exercises, shown together)",
    partOfTwelveYearContracts: true,
    mw: derive(CUM_382_MW, CUM_200_MW, "382 MW contracted at 2024-08-07 minus the initial 200 MW"),
    contractValueUsd: derive(CUM_6_7_BN, CUM_3_5_BN, "$6.7 billion at 2024-08-07 minus the initial $3.5 billion"),
    termYears: sourced(12, "12", Q2_2024_RESULTS, "for total potential revenue of approximately $6.7 billion over 12 years"),
    note:
      "A press copy (investing.com, undated on the page) splits this into a June 2024 70 MW / $1.225 billion contract and a later exercise; not dated, so shown as one derived tranche.",
  },
  {
    id: "option-3-120",
    name: "Final contract option",
    site: "one Core Scientific site (not named)",
    partOfTwelveYearContracts: true,
    mw: sourced(
      120,
      "120",
      OPTION_3_8K,
      "Core Scientific will modify infrastructure at one of its sites to deliver approximately 120 incremental MW of critical IT load",
    ),
    contractValueUsd: sourced(2.0e9, "2.0", OPTION_3_8K, "The new contract with CoreWeave is expected to add approximately $2.0 billion"),
    termYears: sourced(12, "12", OPTION_3_8K, "This new 12-year HPC hosting contract"),
    announced: sourced("2024-10-22", "Oct. 22, 2024", OPTION_3_8K, "AUSTIN, Texas, Oct. 22, 2024 – Core Scientific, Inc. (NASDAQ: CORZ)"),
    expectedDelivery: sourced(
      "second half of 2026",
      "second half of 2026",
      OPTION_3_8K,
      "with operational status anticipated in the second half of 2026",
      "site modifications were to begin in the second half of 2025",
    ),
  },
  {
    id: "denton-70",
    name: "Denton expansion",
    site: "Denton, Texas",
    partOfTwelveYearContracts: true,
    mw: sourced(
      70,
      "~70 MW",
      Q4_2024_SUMMARY,
      "CoreWeave expansion added ~70 MW at Denton (to ~260 MW on site), lifting total CoreWeave contracted critical IT load to ~590 MW",
    ),
    contractValueUsd: derive(
      CUM_10_2_BN,
      CUM_8_7_BN,
      "$10.2 billion of revenue commitments (press, 2025-06-26) minus $8.7 billion after the final option (8-K, 2024-10-22)",
    ),
    termYears: sourced(12, "12", Q4_2024_SUMMARY, "total potential revenue to >$10B over 12 years"),
    announced: sourced(
      "2025-02-26",
      "Q4 2024",
      Q4_2024_SUMMARY,
      "Core Scientific, Inc./tx (CORZ)·Q4 2024 Earnings Summary",
      "announced with the Q4 2024 results; the company's own words: total contracted value now exceeds $10 billion",
    ),
    expectedDelivery: sourced(
      "early 2027",
      "early 2027",
      Q4_2024_SUMMARY,
      "delivery schedule now ~250 MW by YE25 and ~590 MW by early 2027 (push vs prior plan)",
      "the whole ~590 MW programme, not this tranche alone",
    ),
    note: "The tranche sums (200 + 182 + 120 + 70 = 572 MW) fall short of ~590 MW; adding the separate 16 MW Austin contract gives 588 MW. No source says which.",
  },
  {
    id: "austin-16",
    name: "Austin contract (separate from the 12-year contracts)",
    site: "Austin, Texas",
    partOfTwelveYearContracts: false,
    mw: sourced(16, "16", Q4_2024_CALL_SUMMARY, "Core Scientific signed a 16-megawatt agreement with CoreWeave in Austin, completed 30 days ahead of schedule."),
    note:
      "Value (press: 'over $100 million') and term ('multi-year') appear only on an undated press copy, so they are left out. Bloomberg via Data Center Knowledge (2024-05-09) reports the 16 MW deployed.",
  },
];

// ---- Renewal options and sites ---------------------------------------------------------------

/** Renewal options on each contract: how many, and how long each is. */
export const RENEWAL_OPTIONS: Sourced<{ readonly count: number; readonly years: number }> = sourced(
  { count: 2, years: 5 },
  "two five-year options",
  MUSKOGEE_GROUNDBREAKING,
  "with a total potential contract value of $8.7 billion over the 12-year contracts, each with two five-year options",
);

/** A site fact: gross power (MW) or critical IT load (MW) at a named site. */
export interface SiteStatement {
  readonly site: string;
  readonly basis: "gross" | "critical-it";
  readonly mw: Sourced<number>;
  readonly expectedOperational?: Sourced<string>;
}

export const SITE_STATEMENTS: readonly SiteStatement[] = [
  {
    site: "Muskogee, Oklahoma",
    basis: "gross",
    mw: sourced(100, "100", MUSKOGEE_GROUNDBREAKING, "The 100 MW Muskogee data center will provide approximately 70 MW of critical IT load"),
  },
  {
    site: "Muskogee, Oklahoma",
    basis: "critical-it",
    mw: sourced(70, "70", MUSKOGEE_GROUNDBREAKING, "The 100 MW Muskogee data center will provide approximately 70 MW of critical IT load"),
    expectedOperational: sourced("2026", "2026", MUSKOGEE_GROUNDBREAKING, "The site is expected to be operational in 2026."),
  },
  {
    site: "Denton, Texas",
    basis: "gross",
    mw: sourced(394, "394", DENTON_LEASE_8K, "The Denton City Council's approval increases the leased land to approximately 78 acres and the Company's access to power to 394 MW."),
  },
];

// ---- Helpers -----------------------------------------------------------------------------------

/**
 * MW of critical IT load the listed tranches add up to; by default only the 12-year CoreWeave
 * contracts, with `includeSeparate` also the Austin contract.
 *
 * @example contractedMw(TRANCHES) // 572 MW
 * @example contractedMw(TRANCHES, true) // 588 MW
 */
export function contractedMw(tranches: readonly ContractTranche[], includeSeparate = false): number {
  return tranches.filter((t) => includeSeparate || t.partOfTwelveYearContracts).reduce((s, t) => s + t.mw.value, 0);
}

/** The tranches whose MW or value no page states directly (derived from cumulative totals). */
export function derivedTranches(tranches: readonly ContractTranche[]): readonly ContractTranche[] {
  return tranches.filter((t) => isDerived(t.mw) || (t.contractValueUsd !== undefined && isDerived(t.contractValueUsd)));
}

