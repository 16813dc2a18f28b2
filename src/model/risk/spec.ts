/**
 * What is uncertain in the deal and how: the risk spec a Monte Carlo run draws from, its
 * defaults (each with its basis) and its validation. The distributions are in
 * distributions.ts; the named settings a two-column Excel range or a form sets, in settings.ts.
 *
 * Units: probabilities, margins and rates as decimals; delays in months.
 */
import { MARKET_RENT, assumptionSpec, averageContractPrice } from "../assumptions";
import { Result, ok, valueError } from "../result";
import { Assumptions } from "../scenarios";
import { Distribution, checkDistribution, checkProbability, fmt } from "./distributions";

export interface DefaultRisk {
  /** Probability that CoreWeave defaults in any one year (given it has not before), decimal. */
  readonly annualProbability: number;
  /**
   * Share of the remaining contracted revenue still earned after a default, decimal: every year
   * after the default year earns `recovery` times its scheduled revenue (halls re-let, or a claim
   * paid out over the term). 0 means revenue stops after the default year.
   */
  readonly recovery: number;
  /** First calendar year a default can happen in; default the year of the valuation date. */
  readonly firstYear?: number;
  /** Last calendar year a default can happen in; default the deal's last billing year. */
  readonly lastYear?: number;
}

export interface RiskSpec {
  readonly default: DefaultRisk;
  /**
   * Energisation delay of each CoreWeave site not yet energised (those starting after the
   * scenario's `delay_after` date), months; draws are rounded to whole months and replace the
   * scenario's `delay_months`.
   */
  readonly delayMonths: Distribution;
  /** One delay draw per site (true), or one draw shared by every site (false). */
  readonly delayPerSite: boolean;
  /** Licence-fee gross margin, decimal. */
  readonly licenceMargin: Distribution;
  /**
   * Probability that CoreWeave exercises a renewal option, decimal; the second option only
   * after the first, so both are taken with probability q^2. `null`: every path takes the
   * scenario's `renewal_options`.
   */
  readonly renewalProbability: number | null;
  /** Discount rate, decimal per year. */
  readonly discountRate: Distribution;
}

/** Where each uncertain number must lie: the bounds of the assumption it stands for. */
export const BOUNDS = {
  delayMonths: bounds("delay_months"),
  licenceMargin: bounds("licence_margin"),
  discountRate: bounds("discount_rate"),
} as const;

function bounds(key: string): { readonly min: number; readonly max: number; readonly label: string } {
  const s = assumptionSpec(key);
  if (!s) throw new Error(`no assumption ${key}`);
  return { min: Number(s.min), max: Number(s.max), label: s.label.toLowerCase() };
}

// ---- defaults -----------------------------------------------------------------------

/** Annual default probability of CoreWeave (see RISK_SETTINGS for the basis). */
export const DEFAULT_ANNUAL_PROBABILITY = 0.015;
/**
 * Share of the capacity that earns again after a CoreWeave default, re-let or paid by a claim
 * (see RISK_SETTINGS for the basis).
 */
export const DEFAULT_RELET_SHARE = 0.4;
/** The rent the halls re-let at after a default: the deal library's recent market rent, USD per MW-year. */
export const DEFAULT_RELET_RENT = MARKET_RENT.value;

/**
 * Recovery after a default, as a share of the revenue the contracts scheduled: the share of the
 * capacity re-let, times the re-letting rent over the scenario's average contract price, at most
 * 1 (a default never earns more than the contracts did). 0 for a deal with no price.
 *
 * @example recoveryFromReletting(0.4, 1.5e6, 1.5e6) // 0.4
 */
export function recoveryFromReletting(share: number, rentPerMwYear: number, contractPrice: number): number {
  return contractPrice > 0 ? Math.min(1, (share * rentPerMwYear) / contractPrice) : 0;
}

/** The default recovery for a scenario: 40% of its capacity re-let at the deal library's recent market rent. */
export function defaultRecovery(values: Assumptions): number {
  return recoveryFromReletting(DEFAULT_RELET_SHARE, DEFAULT_RELET_RENT, averageContractPrice(values));
}
/**
 * The licence-fee margin range management has stated: from the bottom of the earlier 75-80%
 * (the brief's) to the top of the 80-85% target it was raised to on the Q1 2026 call.
 */
export const MARGIN_RANGE = { min: 0.75, max: 0.85 } as const;
/** Extra delay on top of the scenario's: most likely +3 months, at worst +12. */
export const DELAY_MODE_EXTRA_MONTHS = 3;
export const DELAY_MAX_EXTRA_MONTHS = 12;
/** Lowest discount rate a spread rate may take: about the 10-year US Treasury yield (~4.3%, November 2024). */
export const DEFAULT_DISCOUNT_FLOOR = 0.04;

/**
 * The default risks for a scenario: a CoreWeave default at 1.5% a year, after which 40% of the
 * capacity earns the deal library's recent market rent (`defaultRecovery`);
 * each unfinished site delayed by triangular(d, d + 3, d + 12) months on top of the scenario's
 * delay d; the licence margin triangular over management's stated 75-85% with the scenario's margin as
 * the mode; the scenario's renewals and discount rate unchanged.
 */
export function defaultRiskSpec(values: Assumptions): RiskSpec {
  const d = values.delay_months;
  const m = values.licence_margin;
  return {
    default: { annualProbability: DEFAULT_ANNUAL_PROBABILITY, recovery: defaultRecovery(values) },
    delayMonths: {
      kind: "triangular",
      min: d,
      mode: Math.min(BOUNDS.delayMonths.max, d + DELAY_MODE_EXTRA_MONTHS),
      max: Math.min(BOUNDS.delayMonths.max, d + DELAY_MAX_EXTRA_MONTHS),
    },
    delayPerSite: true,
    licenceMargin: { kind: "triangular", min: Math.min(MARGIN_RANGE.min, m), mode: m, max: Math.max(MARGIN_RANGE.max, m) },
    renewalProbability: null,
    discountRate: { kind: "fixed", value: values.discount_rate },
  };
}

/** A spec with no uncertainty at all: every path is the scenario itself. */
export function certainSpec(values: Assumptions): RiskSpec {
  return {
    default: { annualProbability: 0, recovery: 0 },
    delayMonths: { kind: "fixed", value: values.delay_months },
    delayPerSite: true,
    licenceMargin: { kind: "fixed", value: values.licence_margin },
    renewalProbability: null,
    discountRate: { kind: "fixed", value: values.discount_rate },
  };
}

// ---- validation ---------------------------------------------------------------------

/** Checks a whole spec; the result carries every default filled in (normal floors and caps). */
export function checkRiskSpec(spec: unknown): Result<RiskSpec> {
  if (typeof spec !== "object" || spec === null) return valueError("the risk settings are missing");
  const s = spec as Partial<RiskSpec>;
  const dflt = s.default;
  if (typeof dflt !== "object" || dflt === null) return valueError("the default risk (annual probability and recovery) is missing");
  const p = checkProbability(dflt.annualProbability, "the annual default probability");
  if (!p.ok) return p;
  const r = checkProbability(dflt.recovery, "the recovery after a default");
  if (!r.ok) return r;
  for (const [y, n] of [[dflt.firstYear, "first"], [dflt.lastYear, "last"]] as const) {
    if (y !== undefined && !(Number.isInteger(y) && y >= 1900 && y <= 9999)) {
      return valueError(`the ${n} year a default can happen in must be a calendar year such as 2030, got ${fmt(y)}`);
    }
  }
  if (dflt.firstYear !== undefined && dflt.lastYear !== undefined && dflt.firstYear > dflt.lastYear) {
    return valueError(`the default window runs backwards: first year ${dflt.firstYear}, last year ${dflt.lastYear}`);
  }
  const delay = checkDistribution(s.delayMonths, "the energisation delay (months)", BOUNDS.delayMonths.min, BOUNDS.delayMonths.max);
  if (!delay.ok) return delay;
  if (typeof s.delayPerSite !== "boolean") return valueError("say whether each site draws its own delay (delayPerSite true or false)");
  const margin = checkDistribution(s.licenceMargin, "the licence margin", BOUNDS.licenceMargin.min, BOUNDS.licenceMargin.max);
  if (!margin.ok) return margin;
  let renewal: number | null = null;
  if (s.renewalProbability !== null && s.renewalProbability !== undefined) {
    const q = checkProbability(s.renewalProbability, "the renewal probability");
    if (!q.ok) return q;
    renewal = q.value;
  }
  const rate = checkDistribution(s.discountRate, "the discount rate", BOUNDS.discountRate.min, BOUNDS.discountRate.max);
  if (!rate.ok) return rate;
  return ok({
    default: { annualProbability: p.value, recovery: r.value, firstYear: dflt.firstYear, lastYear: dflt.lastYear },
    delayMonths: delay.value,
    delayPerSite: s.delayPerSite,
    licenceMargin: margin.value,
    renewalProbability: renewal,
    discountRate: rate.value,
  });
}
