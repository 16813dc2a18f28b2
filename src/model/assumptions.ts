/**
 * The assumption registry: every input the deal, margin, capacity and finance models read,
 * with its unit, bounds, base-case default and where that default comes from.
 *
 * Keys are stable, lower-case ids (they are typed into Excel cells as `assumption | value`
 * override pairs and shown in the task pane); never rename one.
 *
 * Sources: the seed brief is where the base case comes from; every figure a public filing or
 * release confirms cites that document by name and address (see ./sources.ts), and a figure
 * only the brief gives says so. A value that is a modelling judgement, not a sourced figure,
 * says so in its `source`. A source never names a path inside this repository.
 */
import {
  CORZ_JUNE_2024_UPDATE,
  CORZ_MUSKOGEE_2024_11,
  CORZ_OPTION3_8K,
  CORZ_Q2_2024,
  CORZ_Q3_2024_FT,
  CORZ_Q4_2024_SUMMARY,
  CORZ_Q3_2025_8K,
  CORZ_Q4_2025,
  FACILITIES_DIVE_CBRE_2025_02,
  SEED_BRIEF,
  cite,
} from "./sources";
import {
  CAPACITY_STATEMENTS,
  ContractTranche,
  LICENCE_CASH_MARGIN_TARGET,
  POWER_PRICE,
  PUE_AI_HALL,
  REPORTED_QUARTERS,
  RUN_RATE_STATEMENTS,
  TRANCHES,
  CAPEX_BY_QUARTER,
  DISCOUNT_RATE_INPUTS,
  MAINTENANCE_CAPEX_BENCHMARK,
  TAX,
  citeFigure,
  recurringCapexShare,
} from "./record";
import { recentMarketRent } from "./leases/market";
import { byNames, nameIndex } from "./names";

export type AssumptionGroup = "deal" | "margins" | "capacity" | "finance";

/** How a value is stored and shown: dates are Excel serial numbers inside the model. */
export type AssumptionKind = "number" | "integer" | "rate" | "date";

export interface AssumptionSpec {
  readonly key: string;
  readonly label: string;
  readonly group: AssumptionGroup;
  /** "MW", "USD", "USD/MWh", "rate", "date", "months", "years", "x", "count", "year". */
  readonly unit: string;
  readonly kind: AssumptionKind;
  /** Inclusive bounds, in the stored unit (dates as ISO strings). */
  readonly min: number | string;
  readonly max: number | string;
  /** Base-case default (dates as ISO strings). */
  readonly base: number | string;
  readonly source: string;
  /** When the source said it (YYYY-MM-DD or YYYY-MM). */
  readonly asOf: string;
  /** What was adjusted or derived, and why. */
  readonly note?: string;
  /**
   * Set when the value is built from other assumptions rather than typed: it is the sum of
   * `sumOf` (builtValue), the sheets show that sum as a formula, and an override of it sets
   * `adjusts` so that the sum equals the override (resolveScenario). `base` is the sum of the
   * parts' bases.
   */
  readonly built?: { readonly sumOf: readonly string[]; readonly adjusts: string };
}

/** Decimal places a built value is kept to: 12, so 0.09 + 0.01 is exactly 0.1 (binary floating point gives 0.09999999999999999). */
export const BUILT_DECIMALS = 12;

/**
 * A built value from its parts: their sum rounded to BUILT_DECIMALS places (the sheets use
 * ROUND(..., 12) likewise). Rounding at the twelfth decimal (a hundred-millionth of a basis
 * point) changes nothing a rate means, and keeps sums of round decimals exact.
 *
 * @example sumToDecimals([0.09, 0.01]) // 0.1 (exactly; the plain sum is 0.09999999999999999)
 */
export function sumToDecimals(parts: readonly number[]): number {
  const f = 10 ** BUILT_DECIMALS;
  return Math.round(parts.reduce((x, y) => x + y, 0) * f) / f;
}

const SEED = SEED_BRIEF;
const SEED_AS_OF = "2024-11";
const RENEWALS = cite(CORZ_MUSKOGEE_2024_11, "500 MW and $8.7B over the 12-year contracts, each with two five-year options");
const FIRST_CONTRACTS = cite(
  CORZ_JUNE_2024_UPDATE,
  "a 200 MW contract with CoreWeave for ~$3.5B and a 70 MW contract for ~$1.225B, both over 12 years",
);
const JUDGEMENT = "Modelling judgement (no public figure)";
/** The discount rate's reference: CoreWeave's 9.000% senior notes due 2031, issued at par. */
const REFERENCE_NOTES = DISCOUNT_RATE_INPUTS.coreWeave2031Notes;
const REFERENCE_YIELD = REFERENCE_NOTES.couponRate.value;
/** Core Scientific's execution and site risk over CoreWeave's unsecured debt (judgement). */
const DISCOUNT_SPREAD = 0.01;
/**
 * The valuation date's default: the data's as-of date (asOf.ts's DATA_AS_OF, the latest as-of
 * date of the shipped defaults). Written out because asOf.ts reads this registry; a test keeps
 * the two equal, and since this default's own as-of date is the same day it never moves DATA_AS_OF.
 */
export const VALUATION_DATE = "2026-06-09";

/** The contracts' initial term, years. */
const CONTRACT_TERM_YEARS = 12;

/** The deal library's recent market rent (renewals and re-letting are priced at it). */
export const MARKET_RENT = recentMarketRent();

/** One field of a tranche in the data: its base value and where that comes from. */
export interface TrancheField {
  readonly base: number | string;
  readonly source: string;
  readonly asOf: string;
  readonly note?: string;
}

/**
 * A CoreWeave tranche as data. The deal, the capacity view, the sheets, the functions and the
 * pane all follow `TRANCHE_DATA`: a new tranche is a new entry here, never new code. Keys are
 * `t<n>_mw`, `t<n>_value`, `t<n>_contract_date`, `t<n>_energised`, `t<n>_start` and
 * `t<n>_ramp_months`, numbered in the order of this list.
 */
export interface TrancheData {
  /** What the tranche is, e.g. "Denton expansion". */
  readonly name: string;
  /** MW of critical IT load. */
  readonly mw: TrancheField;
  /** USD over the initial term. */
  readonly value: TrancheField;
  /** The date it was contracted (MW count as contracted from then). */
  readonly contracted: TrancheField;
  /** The date all its MW are energised (power on at the site; HPC_CAPACITY counts them from then). */
  readonly energised: TrancheField;
  /** The date billing starts (the first MW billable). */
  readonly start: TrancheField;
  /** Months from billing start until all its MW are billable (linear). */
  readonly rampMonths: TrancheField;
}

const trancheSpecs = (t: TrancheData, n: number): AssumptionSpec[] => {
  const id = `t${n}`;
  const label = `Tranche ${n} (${t.name})`;
  const date = (key: string, text: string, group: AssumptionGroup, f: TrancheField): AssumptionSpec => ({
    key: `${id}_${key}`,
    label: `${label}: ${text}`,
    group,
    unit: "date",
    kind: "date",
    min: "2020-01-01",
    max: "2060-12-31",
    base: f.base,
    source: f.source,
    asOf: f.asOf,
    note: f.note,
  });
  return [
    { key: `${id}_mw`, label: `${label}: critical IT load`, group: "deal", unit: "MW", kind: "number", min: 0, max: 5000, base: t.mw.base, source: t.mw.source, asOf: t.mw.asOf, note: t.mw.note },
    { key: `${id}_value`, label: `${label}: contract value`, group: "deal", unit: "USD", kind: "number", min: 0, max: 1e12, base: t.value.base, source: t.value.source, asOf: t.value.asOf, note: t.value.note },
    date("start", "billing start", "deal", t.start),
    {
      key: `${id}_ramp_months`,
      label: `${label}: billing ramp`,
      group: "deal",
      unit: "months",
      kind: "integer",
      min: 0,
      max: 60,
      base: t.rampMonths.base,
      source: t.rampMonths.source,
      asOf: t.rampMonths.asOf,
      note:
        t.rampMonths.note ??
        "Months from billing start until the tranche's full MW are billable (linear ramp); each MW is billed for the full term from the day it becomes billable.",
    },
    date("contract_date", "contracted", "capacity", t.contracted),
    date("energised", "energised", "capacity", t.energised),
  ];
};

const CALIBRATED = `Calibrated to what Core Scientific reported (colocation revenue by quarter 2025-Q2 to 2026-Q1; see CORZ.REPORTED_VS_MODEL) and its MW statements: ${citeFigure(
  CAPACITY_STATEMENTS.find((c) => c.id === "2026-05-billing-243")?.mw ?? fail("243 MW statement"),
)}`;
const ENERGISED = `Modelling judgement: power on when billing starts, so billable MW never exceed energised MW (which tranche is energised when is not disclosed). Gives 340 MW energised at 2026-03-02 against ~350 MW on record: ${citeFigure(
  CAPACITY_STATEMENTS.find((c) => c.id === "2026-03-energized-350")?.mw ?? fail("350 MW statement"),
)}`;
/**
 * A base tranche's schedule: billing starts on `start` and ramps over `rampMonths` (calibrated to
 * what was reported), and it is energised the same day (judgement; `energisedAsOf` is the date
 * of the energised MW it is checked against).
 */
const schedule = (start: string, rampMonths: number, energisedAsOf: string): Pick<TrancheData, "energised" | "start" | "rampMonths"> => ({
  energised: { base: start, source: ENERGISED, asOf: energisedAsOf },
  start: { base: start, source: CALIBRATED, asOf: "2026-05-07" },
  rampMonths: { base: rampMonths, source: CALIBRATED, asOf: "2026-05-07" },
});
/** Every tranche's assumptions of one group, tranche by tranche, so the Inputs sheet and the pane show each group once. */
const trancheSpecsOf = (group: AssumptionGroup): AssumptionSpec[] => TRANCHE_DATA.flatMap((t, i) => trancheSpecs(t, i + 1).filter((a) => a.group === group));
const RECORD_TRANCHE = (id: string): ContractTranche => TRANCHES.find((t) => t.id === id) ?? fail(`record tranche ${id}`);

function fail(what: string): never {
  throw new Error(`the public record has no ${what}`);
}

/**
 * The CoreWeave tranches on the public record at the data's as-of date (the base scenario);
 * the "seed" scenario restates them as the brief had them (four tranches, 500 MW, $8.7B).
 * Tranches 2 and 3 split the 182 MW of option exercises June to August 2024 as the June 2024
 * update does (70 MW, then the rest); tranche 5 is the Denton expansion of February 2025.
 */
export const TRANCHE_DATA: readonly TrancheData[] = [
  {
    name: "initial contracts",
    mw: { base: 200, source: citeFigure(RECORD_TRANCHE("initial-200").mw), asOf: "2024-06-05" },
    value: { base: 3.5e9, source: citeFigure(RECORD_TRANCHE("initial-200").contractValueUsd ?? fail("initial value")), asOf: "2024-06-05" },
    contracted: { base: "2024-06-03", source: cite(CORZ_OPTION3_8K, "the HPC hosting contract entered into with CoreWeave on June 3, 2024"), asOf: "2024-10-22" },
    ...schedule("2025-07-15", 14, "2026-03-02"),
  },
  {
    name: "first option",
    mw: { base: 70, source: FIRST_CONTRACTS, asOf: "2024-06" },
    value: { base: 1.225e9, source: FIRST_CONTRACTS, asOf: "2024-06" },
    contracted: {
      base: "2024-08-07",
      source: cite(CORZ_Q2_2024, "382 MW contracted in total (tranches 1 to 3)"),
      asOf: "2024-08-07",
      note: "Contracted by this date at the latest: the June 2024 copy that reports the 70 MW contract is undated, so the first dated statement that includes it is used.",
    },
    ...schedule("2025-12-01", 9, "2026-03-02"),
  },
  {
    name: "second option",
    mw: {
      base: 112,
      source: `Derived: 382 MW contracted at 2024-08-07 less tranches 1 and 2. ${cite(CORZ_Q2_2024, "382 MW contracted in total, ~$6.7B over 12 years")}`,
      asOf: "2024-08-07",
    },
    value: {
      base: 1.975e9,
      source: `Derived: ~$6.7B at 2024-08-07 less $3.5B and $1.225B for tranches 1 and 2. ${cite(CORZ_Q2_2024, "382 MW contracted in total, ~$6.7B over 12 years")}`,
      asOf: "2024-08-07",
    },
    contracted: { base: "2024-08-07", source: cite(CORZ_Q2_2024, "382 MW contracted in total, ~$6.7B over 12 years"), asOf: "2024-08-07" },
    ...schedule("2026-06-01", 3, "2026-05-07"),
  },
  {
    name: "final option",
    mw: { base: 120, source: citeFigure(RECORD_TRANCHE("option-3-120").mw), asOf: "2024-10-22" },
    value: { base: 2.0e9, source: citeFigure(RECORD_TRANCHE("option-3-120").contractValueUsd ?? fail("option 3 value")), asOf: "2024-10-22" },
    contracted: { base: "2024-10-22", source: cite(CORZ_OPTION3_8K, "final option exercised, ~120 MW at one site"), asOf: "2024-10-22" },
    ...schedule("2026-10-01", 6, "2026-05-07"),
  },
  {
    name: "Denton expansion",
    mw: { base: 70, source: citeFigure(RECORD_TRANCHE("denton-70").mw), asOf: "2025-02-26" },
    value: {
      base: 1.5e9,
      source: citeFigure(RECORD_TRANCHE("denton-70").contractValueUsd ?? fail("Denton value")),
      asOf: "2025-06-26",
      note: "The company said only that the total now exceeds $10 billion; $10.2B is the press figure for the total, so this value is a derived estimate.",
    },
    contracted: { base: "2025-02-26", source: citeFigure(RECORD_TRANCHE("denton-70").mw), asOf: "2025-02-26" },
    ...schedule("2025-12-01", 3, "2026-03-02"),
  },
];

/** The tranche ids in data order: "t1", "t2", ... */
export const TRANCHE_IDS: readonly string[] = TRANCHE_DATA.map((_, i) => `t${i + 1}`);

/**
 * A scenario's average contract price over its initial term, USD per MW-year: its tranches'
 * value over MW x term (0 with no MW or term). Takes any record of assumption values.
 */
export function averageContractPrice(values: Readonly<Record<string, number>>): number {
  let mw = 0;
  let value = 0;
  for (const id of TRANCHE_IDS) {
    mw += values[`${id}_mw`];
    value += values[`${id}_value`];
  }
  return mw > 0 && values.term_years > 0 ? value / (mw * values.term_years) : 0;
}

/**
 * The price change at renewal that takes the base tranches' average contract price per MW-year
 * to the recent market rent, rounded to 0.01% (a rate an analyst can read and type back).
 */
export const RENEWAL_TO_MARKET = (() => {
  const base: Record<string, number> = { term_years: CONTRACT_TERM_YEARS };
  TRANCHE_IDS.forEach((id, i) => {
    base[`${id}_mw`] = Number(TRANCHE_DATA[i].mw.base);
    base[`${id}_value`] = Number(TRANCHE_DATA[i].value.base);
  });
  const contractPrice = averageContractPrice(base);
  return { contractPrice, rate: Math.round((MARKET_RENT.value / contractPrice - 1) * 1e4) / 1e4 };
})();


export const ASSUMPTIONS: readonly AssumptionSpec[] = [
  // ---- deal -----------------------------------------------------------------------
  {
    key: "term_years",
    label: "Contract term",
    group: "deal",
    unit: "years",
    kind: "integer",
    min: 1,
    max: 30,
    base: CONTRACT_TERM_YEARS,
    source: cite(CORZ_OPTION3_8K, "12-year contract terms (the seed brief's figure too)"),
    asOf: SEED_AS_OF,
  },
  {
    key: "escalator",
    label: "Annual price escalator",
    group: "deal",
    unit: "rate",
    kind: "rate",
    min: -0.1,
    max: 0.2,
    base: 0,
    source: "Not disclosed in any source found; 0 = flat price",
    asOf: SEED_AS_OF,
    note: "The contract value is held fixed: an escalator lowers the year-1 price and raises later years, it does not add value.",
  },
  {
    key: "renewal_options",
    label: "Renewal options exercised",
    group: "deal",
    unit: "count",
    kind: "integer",
    min: 0,
    max: 2,
    base: 0,
    source: RENEWALS,
    asOf: "2024-11-18",
    note: "Each contract carries two five-year renewal options; the base case exercises none (off by default).",
  },
  {
    key: "renewal_term_years",
    label: "Renewal option length",
    group: "deal",
    unit: "years",
    kind: "integer",
    min: 1,
    max: 10,
    base: 5,
    source: RENEWALS,
    asOf: "2024-11-18",
  },
  {
    key: "renewal_repricing",
    label: "Price change at renewal",
    group: "deal",
    unit: "rate",
    kind: "rate",
    min: -0.5,
    max: 1,
    base: RENEWAL_TO_MARKET.rate,
    source: `Renewal at the recent market rent: ${MARKET_RENT.label}, over the base tranches' average contract price of $${(RENEWAL_TO_MARKET.contractPrice / 1e6).toFixed(3)}M per MW-year, rounded to 0.01%. The median deal: ${MARKET_RENT.source}`,
    asOf: MARKET_RENT.through,
    note: "Applied to each tranche's last contract price, so with a flat price the MW-weighted renewal price is the library's recent median; 0 renews at the last contract price.",
  },
  ...trancheSpecsOf("deal"),
  // ---- margins --------------------------------------------------------------------
  {
    key: "licence_margin",
    label: "Licence-fee gross margin",
    group: "margins",
    unit: "rate",
    kind: "rate",
    min: 0,
    max: 1,
    base: 0.825,
    source: `${citeFigure(LICENCE_CASH_MARGIN_TARGET.current)} (${LICENCE_CASH_MARGIN_TARGET.confirmation})`,
    asOf: "2026-05-06",
    note: "Midpoint of management's 80-85% cash gross margin target on the CoreWeave contract, raised from 75-80% on the Q1 2026 call; the seed scenario keeps the brief's 75-80% (midpoint 77.5%).",
  },
  {
    key: "pue",
    label: "Power usage effectiveness (liquid-cooled AI halls)",
    group: "margins",
    unit: "x",
    kind: "number",
    min: 1,
    max: 3,
    base: 1.18,
    source: `${citeFigure(PUE_AI_HALL.value)}. A peer's design PUE for a purpose-built AI campus (${PUE_AI_HALL.facility}); no PUE published by Core Scientific was found`,
    asOf: "2025-10-22",
    note: "Total facility power over IT power in a hall built for liquid-cooled GPUs; the survey average of 1.56 describes the installed base of older, air-cooled data centres.",
  },
  {
    key: "power_price",
    label: "Power price (passed through)",
    group: "margins",
    unit: "USD/MWh",
    kind: "number",
    min: 0,
    max: 1000,
    base: 40,
    source: citeFigure(POWER_PRICE.usdPerKwh),
    asOf: "2025-02-26",
    note: "Core Scientific's own 2024 fleet-wide average ($0.04/kWh = $40/MWh), the same rate the mining model uses: one power price for the company. A fleet average from the mining years, not a tariff for the colocation halls.",
  },
  {
    key: "load_factor",
    label: "IT load drawn / billable MW",
    group: "margins",
    unit: "rate",
    kind: "rate",
    min: 0,
    max: 1,
    base: 1,
    source: `${JUDGEMENT}: billable IT load fully drawn, the upper bound of pass-through power`,
    asOf: SEED_AS_OF,
  },
  {
    key: "reported_margin_observed",
    label: "Reported colocation gross margin (filed)",
    group: "margins",
    unit: "rate",
    kind: "rate",
    min: -1,
    max: 1,
    base: 0.26,
    source: cite(
      CORZ_Q3_2025_8K,
      "colocation revenue $15.0M; the 26% colocation gross margin is from a third-party earnings summary, not confirmed against the filing's tables",
    ),
    asOf: "2025-10-24",
    note: "Used only by the margin bridge, to show how much of the gap to the seed's 75-80% pass-through power explains.",
  },
  {
    key: "other_colocation_revenue",
    label: "Other colocation revenue per quarter (not the 12-year contracts)",
    group: "deal",
    unit: "USD",
    kind: "number",
    min: 0,
    max: 1e10,
    base: 8.6e6,
    source: `${citeFigure(REPORTED_QUARTERS.find((q) => q.period === "2025-Q1")?.colocationRevenueUsd ?? fail("2025-Q1 revenue"))}: the last quarter before the 12-year contracts billed`,
    asOf: "2025-05-07",
    note: "What reported colocation revenue holds besides the 12-year CoreWeave contracts (the earlier Austin contract and other tenants), held flat: a judgement. Used only to compare the model with reported revenue (CORZ.REPORTED_VS_MODEL), never in the deal's value.",
  },
  {
    key: "reported_power_share",
    label: "Share of pass-through power inside reported colocation revenue",
    group: "deal",
    unit: "rate",
    kind: "rate",
    min: 0,
    max: 1,
    base: 0,
    source: `Judgement from the run-rate on record: ~$350M a year on 243 MW billing is ~$1.44M per MW-year, the contracts' licence price, so reported revenue carries little or no power. ${citeFigure(
      RUN_RATE_STATEMENTS.find((r) => r.id === "2026-05-run-rate-350m")?.usdPerYear ?? fail("run-rate statement"),
    )}`,
    asOf: "2026-05-07",
    note: "The releases do not say whether power passed through to CoreWeave is in colocation revenue; 1 adds all of it (at the power price, PUE and load factor) to the model on the reported basis.",
  },
  // ---- capacity -------------------------------------------------------------------
  // Contracted lines: the CoreWeave tranches (their contract and energised dates here) with the date
  // each was contracted, and the seed's reallocated mining capacity, which the seed says was
  // reallocated for CoreWeave. Pipeline lines: named, sourced sites with no contract, in gross
  // power as the source states it; never counted as contracted or energised, never compared
  // with the target.
  ...trancheSpecsOf("capacity"),
  {
    key: "realloc_mw",
    label: "CoreWeave: capacity reallocated from bitcoin mining (seed only)",
    group: "capacity",
    unit: "MW",
    kind: "number",
    min: 0,
    max: 5000,
    base: 0,
    source: `${SEED}: ~100 MW reallocated from bitcoin mining to HPC hosting for CoreWeave raises total HPC capacity to 570 MW (570 MW: no public document found). On the public record these MW are the Denton expansion, tranche 5: ${citeFigure(RECORD_TRANCHE("denton-70").mw)}`,
    asOf: "2025-02-26",
    note: "0 in base, where the ~70 MW are tranche 5 (contracted, valued and billed). The seed scenario sets 70 MW (570 MW less its 500 MW of tranches): contracted to CoreWeave and energised, but not billed, since the brief gives them no value.",
  },
  {
    key: "realloc_contract_date",
    label: "CoreWeave: reallocated capacity contracted",
    group: "capacity",
    unit: "date",
    kind: "date",
    min: "2020-01-01",
    max: "2060-12-31",
    base: "2025-02-26",
    source: cite(CORZ_Q4_2024_SUMMARY, "CoreWeave expansion added ~70 MW at Denton, announced with the Q4 2024 results"),
    asOf: "2025-02-26",
  },
  {
    key: "realloc_date",
    label: "CoreWeave: reallocated capacity energised",
    group: "capacity",
    unit: "date",
    kind: "date",
    min: "2020-01-01",
    max: "2060-12-31",
    base: "2027-03-31",
    source: cite(CORZ_Q4_2025, "~590 MW delivered to CoreWeave by early 2027"),
    asOf: "2026-03-02",
  },
  {
    key: "pipeline_hunt_county_mw",
    label: "Pipeline: Hunt County, Texas (gross power, not contracted)",
    group: "capacity",
    unit: "MW",
    kind: "number",
    min: 0,
    max: 10000,
    base: 430,
    source: cite(CORZ_Q4_2025, "expand into Hunt County, Texas, which is expected to support ~430 MW of gross power capacity"),
    asOf: "2026-03-02",
    note: "Gross power at the meter as the source states it, not critical IT load. No contract and no energisation date: shown as pipeline, never counted as contracted or energised, never compared with the target.",
  },
  {
    key: "pipeline_dalton_pecos_mw",
    label: "Pipeline: Dalton, Georgia and Pecos, Texas (gross power added, not contracted)",
    group: "capacity",
    unit: "MW",
    kind: "number",
    min: 0,
    max: 10000,
    base: 300,
    source: cite(CORZ_Q4_2025, "Increased gross power capacity by ~300 MW across Dalton, Georgia and Pecos, Texas"),
    asOf: "2026-03-02",
    note: "An increase of gross power at two existing sites, as the source states it; not critical IT load. The company-wide \"1.5 gigawatt pipeline of leasable capacity\" (same release) overlaps these sites and is not added.",
  },
  {
    key: "delay_months",
    label: "Supply-chain delay (generators, transfer switches)",
    group: "capacity",
    unit: "months",
    kind: "integer",
    min: 0,
    max: 60,
    base: 0,
    source: `${SEED}: names generator and transfer-switch supply as a timeline risk, without a size. ${cite(
      CORZ_Q2_2024,
      "the team is \"working diligently to address supply chain challenges as they emerge\"",
    )}; ${cite(FACILITIES_DIVE_CBRE_2025_02, "\"persistent shortages in critical materials like generators, chillers and transformers\"")}`,
    asOf: SEED_AS_OF,
    note: "Shifts the energisation (and billing start) of every site not yet energised after the 'delay applies after' date.",
  },
  {
    key: "delay_after",
    label: "Delay applies to sites energising after",
    group: "capacity",
    unit: "date",
    kind: "date",
    min: "2020-01-01",
    max: "2060-12-31",
    base: "2026-03-02",
    source: cite(CORZ_Q4_2025, "the last status report (~350 MW energised)"),
    asOf: "2026-03-02",
  },
  {
    key: "target_mw",
    label: "HPC capacity target",
    group: "capacity",
    unit: "MW",
    kind: "number",
    min: 0,
    max: 100000,
    base: 1000,
    source: `${SEED}: more than 1 GW of HPC capacity by 2027. ${cite(CORZ_Q3_2024_FT, "\"line of sight to a total of more than one gigawatt of critical IT load to contract\" (no year given)")}`,
    asOf: SEED_AS_OF,
    note: "Compared with the MW contracted and the MW energised by the end of the target year; pipeline (uncontracted) MW are shown beside it, never counted toward it.",
  },
  {
    key: "target_year",
    label: "HPC capacity target year",
    group: "capacity",
    unit: "year",
    kind: "integer",
    min: 2020,
    max: 2060,
    base: 2027,
    source: `${SEED}: the 1 GW ambition is dated 2027 (no public document with the year was found)`,
    asOf: SEED_AS_OF,
  },
  // ---- valuation (unlevered cash flows to Core Scientific) ------------------------
  {
    key: "overhead_rate",
    label: "Overhead allocated to the contracts (share of licence revenue)",
    group: "finance",
    unit: "rate",
    kind: "rate",
    min: 0,
    max: 1,
    base: 0.05,
    source: `${JUDGEMENT}: corporate overhead the contracts carry; no public allocation of SG&A to colocation was found`,
    asOf: VALUATION_DATE,
  },
  {
    key: "core_capex_per_mw",
    label: "Core Scientific's own capex per MW (CoreWeave funds the rest)",
    group: "finance",
    unit: "USD/MW",
    kind: "number",
    min: 0,
    max: 1e8,
    base: 0,
    source: `CoreWeave funds the build at its sites: ${citeFigure(
      CAPEX_BY_QUARTER[0].coreWeaveFundedUsd,
    )}; the rest of that quarter's capex was at other sites, ${citeFigure(CAPEX_BY_QUARTER[0].nonCoreWeaveSitesUsd ?? fail("non-CoreWeave capex"))}. No per-MW figure for Core's own share was found`,
    asOf: "2025-08-08",
    note: "0: what Core Scientific spent on these sites before (land, power, the mining-era shells) is sunk, not a cash flow after the valuation date. With 0 there is no capex of Core's to earn a return on, so DEAL_IRR is #NUM!; set a figure to test a share of the build.",
  },
  {
    key: "capex_lead_months",
    label: "Months of build before billing starts (capex spent evenly over them)",
    group: "finance",
    unit: "months",
    kind: "integer",
    min: 0,
    max: 60,
    base: 12,
    source: `${JUDGEMENT}: about a year of site work before billing, as the final option's 8-K had it (site work 2H25, operational 2H26)`,
    asOf: VALUATION_DATE,
  },
  {
    key: "maintenance_capex_rate",
    label: "Maintenance capex (share of licence revenue)",
    group: "finance",
    unit: "rate",
    kind: "rate",
    min: 0,
    max: 1,
    base: Math.round(recurringCapexShare(MAINTENANCE_CAPEX_BENCHMARK) * 10000) / 10000,
    source: `Derived: ${MAINTENANCE_CAPEX_BENCHMARK.company}'s recurring capex over revenue in ${MAINTENANCE_CAPEX_BENCHMARK.period}, ${citeFigure(
      MAINTENANCE_CAPEX_BENCHMARK.recurringCapexUsd,
    )}; ${citeFigure(MAINTENANCE_CAPEX_BENCHMARK.revenueUsd)}`,
    asOf: "2026-02-11",
    note: `A peer benchmark, not Core Scientific's own figure (none was found): ${MAINTENANCE_CAPEX_BENCHMARK.caveat}`,
  },
  {
    key: "tax_rate",
    label: "Cash tax rate on taxable profit",
    group: "finance",
    unit: "rate",
    kind: "rate",
    min: 0,
    max: 1,
    base: 0.21,
    source: citeFigure(TAX.federalRate),
    asOf: "2018-04-13",
    note: `The federal rate on profit after depreciation, from the first year; conservative: Core Scientific's loss carryforwards (${TAX.nolCarryforwardsUsd.asWritten}+ million, ${TAX.nolCarryforwardsUsd.source.publisher}) would defer tax and are not modelled, and Texas's ${TAX.texasFranchiseRate.asWritten} franchise tax is on margin, not profit, and is left out.`,
  },
  // ---- finance --------------------------------------------------------------------
  {
    key: "reference_yield",
    label: "Reference yield: CoreWeave's senior unsecured notes",
    group: "finance",
    unit: "rate",
    kind: "rate",
    min: 0,
    max: 0.5,
    base: REFERENCE_YIELD,
    source: `${citeFigure(REFERENCE_NOTES.couponRate)}. ${REFERENCE_NOTES.issuer} ${REFERENCE_NOTES.name}: ${REFERENCE_NOTES.ranking}; at par, the coupon is the yield at issue`,
    asOf: REFERENCE_NOTES.couponRate.source.date,
    note: "The contracts' payments are an unsecured claim on CoreWeave, as these notes are, and the notes run to 2031, inside the contracts' term: what lenders asked for CoreWeave's credit is the base of the rate. Core Scientific's own $3.3B senior secured notes are not used: their coupon is unconfirmed (no 8-K or pricing release was found).",
  },
  {
    key: "discount_spread",
    label: "Spread over the reference yield (Core Scientific's execution and site risk)",
    group: "finance",
    unit: "rate",
    kind: "rate",
    min: -1,
    max: 1,
    base: DISCOUNT_SPREAD,
    source: `${JUDGEMENT}: what delivering and running the halls (Core Scientific's execution and site risk) adds over lending to CoreWeave unsecured. No premium for concentration on CoreWeave: its default is simulated by the Monte Carlo (CORZ.DEAL_NPV_RISK), and counting it in the rate too would count it twice`,
    asOf: VALUATION_DATE,
  },
  {
    key: "discount_rate",
    label: "Discount rate",
    group: "finance",
    unit: "rate",
    kind: "rate",
    min: -0.5,
    max: 1,
    base: sumToDecimals([REFERENCE_YIELD, DISCOUNT_SPREAD]),
    source: `Built, not typed: reference_yield + discount_spread, ${citeFigure(REFERENCE_NOTES.couponRate)} plus a 1% spread (modelling judgement: Core Scientific's execution and site risk)`,
    asOf: VALUATION_DATE,
    note: "The sum of the two inputs above (kept to 12 decimal places, so 9% + 1% is exactly 10%). A value given for discount_rate itself (an override range, a scenario saved before the rate was built) sets the spread so that the rate is that value; given with the spread, the rate is their sum.",
    built: { sumOf: ["reference_yield", "discount_spread"], adjusts: "discount_spread" },
  },
  {
    key: "valuation_date",
    label: "Valuation date (NPV as of this date)",
    group: "finance",
    unit: "date",
    kind: "date",
    min: "2020-01-01",
    max: "2060-12-31",
    base: VALUATION_DATE,
    source: `${JUDGEMENT}: value the contracts at the data's as-of date (CORZ.DATA_AS_OF(), the latest as-of date of the defaults the add-in ships); gross profit earned before it is history, not value`,
    asOf: VALUATION_DATE,
    note: "Each calendar year's gross profit is discounted from its year end to this date, (1 + rate)^-(year + 1 - t0) with t0 the date as a decimal year; a year the date falls in counts only what is earned from the date on.",
  },
];

const BY_KEY = new Map(ASSUMPTIONS.map((a) => [a.key, a]));

export function assumptionSpec(key: string): AssumptionSpec | undefined {
  return BY_KEY.get(key);
}

// The tranche labels of version 1.2 ("Tranche 1 billing start"), so override ranges typed with
// them still resolve: the same keys, only the labels now name each tranche. Listed first, so a
// current key or label that folds to the same name wins it.
const OLD_TRANCHE_LABELS: readonly (readonly [string, string])[] = [
  ["critical IT load", "mw"],
  ["contract value", "value"],
  ["billing start", "start"],
  ["billing ramp", "ramp_months"],
  ["contracted", "contract_date"],
];
const BY_NAME = nameIndex<AssumptionSpec>([
  ...TRANCHE_IDS.flatMap((id, i) =>
    OLD_TRANCHE_LABELS.flatMap(([text, field]) => {
      const spec = BY_KEY.get(`${id}_${field}`);
      return spec ? byNames(spec, [`Tranche ${i + 1} ${text}`]) : [];
    }),
  ),
  ...ASSUMPTIONS.flatMap((a) => byNames(a, [a.key, a.label])),
]);

/** Keys that no longer exist, with what replaced them (one meaning per key: a retired key is not read as its successor). */
const RETIRED = nameIndex(
  Object.entries({
    valuationyear: '"valuation_year" was replaced by "valuation_date": a date (YYYY-MM-DD or an Excel date), default the data\'s as-of date',
    expansionmw: '"expansion_mw" (a 450 MW placeholder toward the 1 GW target) was removed: uncontracted sites are pipeline, "pipeline_hunt_county_mw" and "pipeline_dalton_pecos_mw"',
    expansiondate: '"expansion_date" was removed with the 450 MW placeholder: pipeline sites have no energisation date on the record',
  }),
);

/** What replaced a retired assumption key or label, or undefined when `name` was never retired. */
export function retiredAssumption(name: string): string | undefined {
  return RETIRED.find(name);
}

/** Finds an assumption by key or label, forgiving case, spaces and underscores. */
export function findAssumption(name: string): AssumptionSpec | undefined {
  return BY_NAME.find(name);
}
