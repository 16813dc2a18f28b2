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
  CORZ_Q1_2025,
  CORZ_Q2_2024,
  CORZ_Q3_2024_FT,
  CORZ_Q3_2024_GSN,
  CORZ_Q4_2024_SUMMARY,
  CORZ_Q3_2025_8K,
  CORZ_Q4_2025,
  FACILITIES_DIVE_CBRE_2025_02,
  SEED_BRIEF,
  STATISTA_EIA_INDUSTRIAL_2023,
  STATISTA_PUE_2024,
  cite,
} from "./sources";

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
}

const SEED = SEED_BRIEF;
const SEED_AS_OF = "2024-11";
const RENEWALS = cite(CORZ_MUSKOGEE_2024_11, "500 MW and $8.7B over the 12-year contracts, each with two five-year options");
const FIRST_CONTRACTS = cite(
  CORZ_JUNE_2024_UPDATE,
  "a 200 MW contract with CoreWeave for ~$3.5B and a 70 MW contract for ~$1.225B, both over 12 years",
);
const JUDGEMENT = "Modelling judgement (no public figure)";
/**
 * The valuation date's default: the data's as-of date (asOf.ts's DATA_AS_OF, the latest as-of
 * date of the shipped defaults). Written out because asOf.ts reads this registry; a test keeps
 * the two equal, and since this default's own as-of date is the same day it never moves DATA_AS_OF.
 */
export const VALUATION_DATE = "2026-05-10";

function tranche(
  n: number,
  mw: number,
  value: number,
  start: string,
  rampMonths: number,
  src: { mw: string; mwAsOf: string; mwNote?: string; valueNote?: string; start: string; startAsOf: string },
): AssumptionSpec[] {
  const t = `t${n}`;
  return [
    {
      key: `${t}_mw`,
      label: `Tranche ${n} critical IT load`,
      group: "deal",
      unit: "MW",
      kind: "number",
      min: 0,
      max: 5000,
      base: mw,
      source: src.mw,
      asOf: src.mwAsOf,
      note: src.mwNote,
    },
    {
      key: `${t}_value`,
      label: `Tranche ${n} contract value`,
      group: "deal",
      unit: "USD",
      kind: "number",
      min: 0,
      max: 1e12,
      base: value,
      source: src.mw,
      asOf: src.mwAsOf,
      note: src.valueNote,
    },
    {
      key: `${t}_start`,
      label: `Tranche ${n} billing start`,
      group: "deal",
      unit: "date",
      kind: "date",
      min: "2020-01-01",
      max: "2060-12-31",
      base: start,
      source: src.start,
      asOf: src.startAsOf,
    },
    {
      key: `${t}_ramp_months`,
      label: `Tranche ${n} billing ramp`,
      group: "deal",
      unit: "months",
      kind: "integer",
      min: 0,
      max: 60,
      base: rampMonths,
      source: src.start,
      asOf: src.startAsOf,
      note: "Months from billing start until the tranche's full MW are billable (linear ramp). Calibrated to the ramp milestones in the source; each MW is billed for the full term from the day it becomes billable.",
    },
  ];
}

/** The date a CoreWeave tranche was contracted (capacity group: MW count as contracted from it). */
function contractDate(n: number, base: string, source: string, asOf: string, note?: string): AssumptionSpec {
  return {
    key: `t${n}_contract_date`,
    label: `Tranche ${n} contracted`,
    group: "capacity",
    unit: "date",
    kind: "date",
    min: "2020-01-01",
    max: "2060-12-31",
    base,
    source,
    asOf,
    note,
  };
}

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
    base: 12,
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
    base: 0,
    source: `${JUDGEMENT}: renewal at the last contract price`,
    asOf: SEED_AS_OF,
  },
  ...tranche(1, 198, 3.5e9, "2025-05-01", 8, {
    mw: FIRST_CONTRACTS,
    mwAsOf: "2024-06-03",
    mwNote:
      "Filed as ~200 MW. Set to 198 MW so the four tranches add up to the seed's 500 MW (filings: 200 + 70 + 112 + 120 = 502 MW, reported as ~500 MW).",
    start: cite(CORZ_Q1_2025, "first 8 MW billable at Denton by the end of May 2025, ~40 MW more by the end of Q2 2025, 250 MW billable by the end of 2025"),
    startAsOf: "2025-05-07",
  }),
  ...tranche(2, 70, 1.225e9, "2025-09-01", 8, {
    mw: FIRST_CONTRACTS,
    mwAsOf: "2024-06",
    start: cite(CORZ_Q1_2025, "250 MW billable by the end of 2025 (tranches 1 and 2 reach ~233 MW by then with these ramps)"),
    startAsOf: "2025-05-07",
  }),
  ...tranche(3, 112, 1.975e9, "2026-01-01", 9, {
    mw: cite(CORZ_Q2_2024, "382 MW contracted in total, ~$6.7B over 12 years"),
    mwAsOf: "2024-08-07",
    valueNote: "Derived: total ~$6.7B after this tranche less $4.725B for tranches 1 and 2.",
    start: cite(CORZ_Q4_2025, "~350 MW energised to date, ~590 MW by early 2027"),
    startAsOf: "2026-03-02",
  }),
  ...tranche(4, 120, 2.0e9, "2026-07-01", 6, {
    mw: cite(CORZ_OPTION3_8K, "final option, ~120 MW at one site; ~500 MW in total, ~$8.7B over 12-year terms"),
    mwAsOf: "2024-10-22",
    valueNote: "Brings the total to ~$8.7B, the seed's figure.",
    start: cite(CORZ_OPTION3_8K, "site work 2H25, operational 2H26"),
    startAsOf: "2024-10-22",
  }),
  // ---- margins --------------------------------------------------------------------
  {
    key: "licence_margin",
    label: "Licence-fee gross margin",
    group: "margins",
    unit: "rate",
    kind: "rate",
    min: 0,
    max: 1,
    base: 0.775,
    source: `${SEED}: 75% to 80% gross margin, most costs passed through to CoreWeave. No public document stating the 75-80% was found`,
    asOf: SEED_AS_OF,
    note: "Midpoint of the seed's range in the base case.",
  },
  {
    key: "pue",
    label: "Power usage effectiveness",
    group: "margins",
    unit: "x",
    kind: "number",
    min: 1,
    max: 3,
    base: 1.56,
    source: cite(STATISTA_PUE_2024, "average annual PUE 1.56 at respondents' largest data centre"),
    asOf: "2024",
  },
  {
    key: "power_price",
    label: "Power price (passed through)",
    group: "margins",
    unit: "USD/MWh",
    kind: "number",
    min: 0,
    max: 1000,
    base: 80.6,
    source: cite(STATISTA_EIA_INDUSTRIAL_2023, "8.06 cents/kWh in 2023"),
    asOf: "2024-03-18",
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
  // ---- capacity -------------------------------------------------------------------
  // Contracted lines: the CoreWeave tranches above (MW, billing start = energised) with the date
  // each was contracted, and the seed's reallocated mining capacity, which the seed says was
  // reallocated for CoreWeave. Pipeline lines: named, sourced sites with no contract, in gross
  // power as the source states it; never counted as contracted or energised, never compared
  // with the target.
  contractDate(1, "2024-06-03", cite(CORZ_OPTION3_8K, "the HPC hosting contract entered into with CoreWeave on June 3, 2024"), "2024-10-22"),
  contractDate(
    2,
    "2024-08-07",
    cite(CORZ_Q2_2024, "382 MW contracted in total (tranches 1 to 3)"),
    "2024-08-07",
    "Contracted by this date at the latest: the June 2024 copy that reports the 70 MW contract is undated, so the first dated statement that includes it is used.",
  ),
  contractDate(3, "2024-08-07", cite(CORZ_Q2_2024, "382 MW contracted in total, ~$6.7B over 12 years"), "2024-08-07"),
  contractDate(4, "2024-10-22", cite(CORZ_OPTION3_8K, "final option exercised, ~120 MW at one site"), "2024-10-22"),
  {
    key: "realloc_mw",
    label: "CoreWeave: capacity reallocated from bitcoin mining (Denton expansion)",
    group: "capacity",
    unit: "MW",
    kind: "number",
    min: 0,
    max: 5000,
    base: 70,
    source: `${SEED}: ~100 MW reallocated from bitcoin mining to HPC hosting for CoreWeave raises total HPC capacity to 570 MW (570 MW: no public document found). ${cite(CORZ_Q3_2024_GSN, "100 MW reallocated from bitcoin mining to HPC, 800 MW of gross HPC infrastructure")}; ${cite(CORZ_Q4_2024_SUMMARY, "CoreWeave expansion added ~70 MW at Denton, lifting total CoreWeave contracted critical IT load to ~590 MW")}`,
    asOf: "2025-02-26",
    note: "Contracted to CoreWeave, not uncontracted: 570 MW total HPC less the 500 MW of the four tranches (the seed's figures). Treated as the ~70 MW Denton expansion CoreWeave contracted in February 2025 (a judgement: no source says they are the same MW). The deal model does not bill it (no separate value in the seed); capacity counts it as contracted and energised.",
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
  // ---- finance --------------------------------------------------------------------
  {
    key: "discount_rate",
    label: "Discount rate",
    group: "finance",
    unit: "rate",
    kind: "rate",
    min: -0.5,
    max: 1,
    base: 0.1,
    source: `${JUDGEMENT}: a round 10% for a long contract with one investment-grade-like counterparty`,
    asOf: SEED_AS_OF,
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

export type AssumptionKey = (typeof ASSUMPTIONS)[number]["key"];

const BY_KEY = new Map(ASSUMPTIONS.map((a) => [a.key, a]));

export function assumptionSpec(key: string): AssumptionSpec | undefined {
  return BY_KEY.get(key);
}

/** Folds case, spaces, underscores, hyphens and dots, so "T1 MW" finds "t1_mw". */
export function normaliseName(s: string): string {
  return s.toLowerCase().replace(/[\s_\-.]+/g, "");
}

const BY_NORMAL = new Map<string, AssumptionSpec>();
for (const a of ASSUMPTIONS) {
  BY_NORMAL.set(normaliseName(a.key), a);
  BY_NORMAL.set(normaliseName(a.label), a);
}

/** Keys that no longer exist, with what replaced them (one meaning per key: a retired key is not read as its successor). */
const RETIRED: Readonly<Record<string, string>> = {
  valuationyear: '"valuation_year" was replaced by "valuation_date": a date (YYYY-MM-DD or an Excel date), default the data\'s as-of date',
  expansionmw: '"expansion_mw" (a 450 MW placeholder toward the 1 GW target) was removed: uncontracted sites are pipeline, "pipeline_hunt_county_mw" and "pipeline_dalton_pecos_mw"',
  expansiondate: '"expansion_date" was removed with the 450 MW placeholder: pipeline sites have no energisation date on the record',
};

/** What replaced a retired assumption key or label, or undefined when `name` was never retired. */
export function retiredAssumption(name: string): string | undefined {
  return RETIRED[normaliseName(name)];
}

/** Finds an assumption by key or label, forgiving case, spaces and underscores. */
export function findAssumption(name: string): AssumptionSpec | undefined {
  return BY_NORMAL.get(normaliseName(name));
}
