/**
 * What is uncertain in the deal and how: the distributions a Monte Carlo run draws from, their
 * defaults (each with its basis), their validation, and a flat list of named settings that a
 * two-column Excel range or a form can set.
 *
 * Units: probabilities, margins and rates as decimals; delays in months.
 */
import { MARKET_RENT, RENEWAL_TO_MARKET, assumptionSpec, averageContractPrice, normaliseName } from "../assumptions";
import { Result, naError, ok, valueError } from "../result";
import { Assumptions } from "../scenarios";
import { FITCH_COREWEAVE_2025_05, MOODYS_COREWEAVE_2025_05, cite } from "../sources";
import { Rng } from "./random";

/** A distribution for one uncertain number. */
export type Distribution =
  | { readonly kind: "fixed"; readonly value: number }
  | { readonly kind: "uniform"; readonly min: number; readonly max: number }
  | { readonly kind: "triangular"; readonly min: number; readonly mode: number; readonly max: number }
  /** Normal, with draws below `floor` set to `floor` and above `cap` set to `cap` (censored, not redrawn). */
  | { readonly kind: "normal"; readonly mean: number; readonly sd: number; readonly floor?: number; readonly cap?: number };

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

const isNum = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);
const fmt = (x: unknown) => (typeof x === "number" ? String(Math.round(x * 1e9) / 1e9) : JSON.stringify(x) ?? String(x));

/** Checks a probability-like decimal in [0, 1]. */
export function checkProbability(x: unknown, what: string): Result<number> {
  if (!isNum(x) || x < 0 || x > 1) return valueError(`${what} must be a decimal from 0 to 1 (0.05 is 5%), got ${fmt(x)}`);
  return ok(x);
}

/**
 * Checks a distribution: known kind, finite parameters in order, and a support inside
 * [lo, hi] (the bounds of the assumption it stands for). A normal's floor and cap default to
 * those bounds.
 */
export function checkDistribution(d: unknown, what: string, lo: number, hi: number): Result<Distribution> {
  const range = `${fmt(lo)} to ${fmt(hi)}`;
  if (typeof d !== "object" || d === null) return valueError(`${what} needs a distribution (fixed, uniform, triangular or normal)`);
  const x = d as Record<string, unknown>;
  const params = (...names: string[]): Result<number[]> => {
    for (const n of names) if (!isNum(x[n])) return valueError(`${what}: ${n} must be a finite number, got ${fmt(x[n])}`);
    return ok(names.map((n) => x[n] as number));
  };
  const inside = (v: number, name: string): Result<number> =>
    v >= lo && v <= hi ? ok(v) : valueError(`${what}: ${name} must be from ${range}, got ${fmt(v)}`);
  switch (x.kind) {
    case "fixed": {
      const p = params("value");
      if (!p.ok) return p;
      const v = inside(p.value[0], "value");
      return v.ok ? ok({ kind: "fixed", value: v.value }) : v;
    }
    case "uniform": {
      const p = params("min", "max");
      if (!p.ok) return p;
      const [min, max] = p.value;
      if (min > max) return valueError(`${what}: uniform needs min <= max, got min ${fmt(min)} and max ${fmt(max)}`);
      for (const [v, n] of [[min, "min"], [max, "max"]] as const) {
        const c = inside(v, n);
        if (!c.ok) return c;
      }
      return ok({ kind: "uniform", min, max });
    }
    case "triangular": {
      const p = params("min", "mode", "max");
      if (!p.ok) return p;
      const [min, mode, max] = p.value;
      if (!(min <= mode && mode <= max)) {
        return valueError(`${what}: triangular needs min <= mode <= max, got ${fmt(min)}, ${fmt(mode)}, ${fmt(max)}`);
      }
      for (const [v, n] of [[min, "min"], [max, "max"]] as const) {
        const c = inside(v, n);
        if (!c.ok) return c;
      }
      return ok({ kind: "triangular", min, mode, max });
    }
    case "normal": {
      const p = params("mean", "sd");
      if (!p.ok) return p;
      const [mean, sd] = p.value;
      if (sd < 0) return valueError(`${what}: the standard deviation must be 0 or more, got ${fmt(sd)}`);
      const floor = x.floor === undefined ? lo : x.floor;
      const cap = x.cap === undefined ? hi : x.cap;
      if (!isNum(floor) || !isNum(cap)) return valueError(`${what}: floor and cap must be finite numbers, got ${fmt(floor)} and ${fmt(cap)}`);
      if (floor > cap) return valueError(`${what}: the floor (${fmt(floor)}) is above the cap (${fmt(cap)})`);
      for (const [v, n] of [[mean, "mean"], [floor, "floor"], [cap, "cap"]] as const) {
        const c = inside(v, n);
        if (!c.ok) return c;
      }
      return ok({ kind: "normal", mean, sd, floor, cap });
    }
    default:
      return valueError(`${what}: unknown distribution ${fmt(x.kind)}; use fixed, uniform, triangular or normal`);
  }
}

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

// ---- sampling -------------------------------------------------------------------------

/** A function drawing from a checked distribution (fixed ones draw nothing from the stream). */
export type Sampler = (rng: Rng) => number;

export function sampler(d: Distribution): Sampler {
  switch (d.kind) {
    case "fixed": {
      const v = d.value;
      return () => v;
    }
    case "uniform": {
      const { min, max } = d;
      return min === max ? () => min : (rng) => rng.uniformBetween(min, max);
    }
    case "triangular": {
      const { min, mode, max } = d;
      return min === max ? () => min : (rng) => rng.triangular(min, mode, max);
    }
    case "normal": {
      const { mean, sd } = d;
      const floor = d.floor ?? -Infinity;
      const cap = d.cap ?? Infinity;
      const clamp = (v: number) => (v < floor ? floor : v > cap ? cap : v);
      return sd === 0 ? () => clamp(mean) : (rng) => clamp(mean + sd * rng.normal());
    }
  }
}

/** The smallest and largest value a checked distribution can give. */
export function support(d: Distribution): { readonly min: number; readonly max: number } {
  switch (d.kind) {
    case "fixed":
      return { min: d.value, max: d.value };
    case "uniform":
    case "triangular":
      return { min: d.min, max: d.max };
    case "normal": {
      const floor = d.floor ?? -Infinity;
      const cap = d.cap ?? Infinity;
      if (d.sd === 0) {
        const v = Math.min(cap, Math.max(floor, d.mean));
        return { min: v, max: v };
      }
      return { min: floor, max: cap };
    }
  }
}

/** The value a deterministic model would use: the fixed value, mode, midpoint or mean. */
export function central(d: Distribution): number {
  switch (d.kind) {
    case "fixed":
      return d.value;
    case "uniform":
      return (d.min + d.max) / 2;
    case "triangular":
      return d.mode;
    case "normal":
      return Math.min(d.cap ?? Infinity, Math.max(d.floor ?? -Infinity, d.mean));
  }
}

// ---- named settings (for an Excel range or a form) ------------------------------------

export interface RiskSetting {
  /** Stable lower-case id, typed into Excel as `key | value`; never rename one. */
  readonly key: string;
  readonly label: string;
  readonly unit: "rate" | "months" | "USD per MW-year";
  readonly min: number;
  readonly max: number;
  /** The default and its basis: a source, or a judgement said to be one. */
  readonly basis: string;
}

export const RISK_SETTINGS: readonly RiskSetting[] = [
  {
    key: "default_probability",
    label: "CoreWeave default probability per year",
    unit: "rate",
    min: 0,
    max: 1,
    basis:
      `1.5%: a modelling judgement, not a sourced rate. CoreWeave's debt is rated speculative grade (Ba3 Moody's, BB- Fitch, May 2025); no default rate for it is given by any source used here. 1.5% a year is about 17% over 12 years; set your own. Ratings: ${cite(MOODYS_COREWEAVE_2025_05)}; ${cite(FITCH_COREWEAVE_2025_05)}`,
  },
  {
    key: "default_recovery",
    label: "Recovery after a default",
    unit: "rate",
    min: 0,
    max: 1,
    basis:
      `Built, not typed: relet_share x relet_rent_per_mw_year / the scenario's average contract price per MW-year, at most 100% (base: ${(DEFAULT_RELET_SHARE * 100).toFixed(0)}% x ` +
      `$${(MARKET_RENT.value / 1e6).toFixed(3)}M / $${(RENEWAL_TO_MARKET.contractPrice / 1e6).toFixed(3)}M = ${((DEFAULT_RELET_SHARE * MARKET_RENT.value * 100) / RENEWAL_TO_MARKET.contractPrice).toFixed(1)}% of the revenue the contracts scheduled). A value set here replaces the build.`,
  },
  {
    key: "relet_share",
    label: "Share of capacity re-let after a default",
    unit: "rate",
    min: 0,
    max: 1,
    basis: `40%. Judgement: the middle of the RR4 band (31-50% recovery) Fitch gives CoreWeave's senior unsecured notes, May 2025, read as the share of the halls earning again (re-let, or paid by a bankruptcy lease claim) after a default. ${cite(FITCH_COREWEAVE_2025_05)}`,
  },
  {
    key: "relet_rent_per_mw_year",
    label: "Re-letting rent after a default",
    unit: "USD per MW-year",
    min: 0,
    max: 1e8,
    basis: `The deal library's recent market rent: ${MARKET_RENT.label}. The median deal: ${MARKET_RENT.source}`,
  },
  {
    key: "delay_min_months",
    label: "Site delay, least (months)",
    unit: "months",
    min: 0,
    max: 60,
    basis: "The scenario's delay_months (0 in base): no site beats its plan.",
  },
  {
    key: "delay_mode_months",
    label: "Site delay, most likely (months)",
    unit: "months",
    min: 0,
    max: 60,
    basis: "The scenario's delay plus 3 months. Judgement: the seed names generator and transfer-switch supply as a timeline risk without a size.",
  },
  {
    key: "delay_max_months",
    label: "Site delay, worst (months)",
    unit: "months",
    min: 0,
    max: 60,
    basis: "The scenario's delay plus 12 months. Judgement: puts the bear case's 9 months near the 90th percentile.",
  },
  {
    key: "margin_min",
    label: "Licence margin, lowest",
    unit: "rate",
    min: 0,
    max: 1,
    basis: "75%, the bottom of management's earlier 75-80% target (the brief's range), or the scenario's margin if lower; the mode is the scenario's margin.",
  },
  {
    key: "margin_max",
    label: "Licence margin, highest",
    unit: "rate",
    min: 0,
    max: 1,
    basis: "85%, the top of management's 80-85% target (raised on the Q1 2026 call; one secondary review), or the scenario's margin if higher.",
  },
  {
    key: "renewal_probability",
    label: "Renewal option take-up",
    unit: "rate",
    min: 0,
    max: 1,
    basis: "Not set: every path takes the scenario's renewal_options (0 in base, which values the contracted term only). Set it to draw each five-year option with this probability.",
  },
  {
    key: "discount_sd",
    label: "Discount rate spread (standard deviation)",
    unit: "rate",
    min: 0,
    max: 1,
    basis: "0: the discount rate is a valuation choice, not a risk of the cash flows, and the default risk is already simulated. Set it to draw the rate from a normal around the scenario's rate.",
  },
  {
    key: "discount_floor",
    label: "Discount rate floor",
    unit: "rate",
    min: -0.5,
    max: 1,
    basis: "4%, about the 10-year US Treasury yield in November 2024 (~4.3%); used only when discount_sd is above 0.",
  },
];

const UNIT_WORDS: Readonly<Record<RiskSetting["unit"], string>> = { months: "a number of months", rate: "a decimal", "USD per MW-year": "an amount in USD per MW-year" };

const SETTING_BY_NAME = new Map<string, RiskSetting>();
for (const s of RISK_SETTINGS) {
  SETTING_BY_NAME.set(normaliseName(s.key), s);
  SETTING_BY_NAME.set(normaliseName(s.label), s);
}

/** Finds a risk setting by key or label, forgiving case, spaces and underscores. */
export function findRiskSetting(name: string): RiskSetting | undefined {
  return SETTING_BY_NAME.get(normaliseName(name));
}

/**
 * The default spec for a scenario with named settings applied (values in the settings' units).
 * A triangular's unset ends widen to take in the ones set, and its mode is kept inside them:
 * `delay_max_months = 2` alone gives triangular(0, 2, 2) in base.
 */
export function riskSpecFromSettings(values: Assumptions, settings: Readonly<Record<string, number>>): Result<RiskSpec> {
  const set: Record<string, number> = {};
  for (const [name, v] of Object.entries(settings)) {
    const s = findRiskSetting(name);
    if (!s) return naError(`unknown risk setting "${name}"; valid names are ${RISK_SETTINGS.map((x) => x.key).join(", ")}`);
    if (!isNum(v) || v < s.min || v > s.max) {
      return valueError(`${s.key} must be ${UNIT_WORDS[s.unit]} from ${s.min} to ${s.max}, got ${fmt(v)}`);
    }
    set[s.key] = v;
  }
  const base = defaultRiskSpec(values);
  const tri = (d: Distribution, keys: [string | undefined, string | undefined, string | undefined]): Distribution => {
    if (d.kind !== "triangular") throw new Error("the defaults are triangular");
    const [kMin, kMode, kMax] = keys;
    const given = keys.map((k) => (k !== undefined ? set[k] : undefined)).filter((v): v is number => v !== undefined);
    const min = kMin !== undefined && set[kMin] !== undefined ? set[kMin] : Math.min(d.min, ...given);
    const max = kMax !== undefined && set[kMax] !== undefined ? set[kMax] : Math.max(d.max, ...given);
    const mode = kMode !== undefined && set[kMode] !== undefined ? set[kMode] : Math.min(max, Math.max(min, d.mode));
    return { kind: "triangular", min, mode, max };
  };
  const sd = set.discount_sd ?? 0;
  const spec: RiskSpec = {
    default: {
      annualProbability: set.default_probability ?? base.default.annualProbability,
      recovery:
        set.default_recovery ??
        recoveryFromReletting(set.relet_share ?? DEFAULT_RELET_SHARE, set.relet_rent_per_mw_year ?? DEFAULT_RELET_RENT, averageContractPrice(values)),
    },
    delayMonths: tri(base.delayMonths, ["delay_min_months", "delay_mode_months", "delay_max_months"]),
    delayPerSite: true,
    licenceMargin: tri(base.licenceMargin, ["margin_min", undefined, "margin_max"]),
    renewalProbability: set.renewal_probability ?? null,
    discountRate:
      sd > 0
        ? { kind: "normal", mean: values.discount_rate, sd, floor: set.discount_floor ?? Math.min(DEFAULT_DISCOUNT_FLOOR, values.discount_rate), cap: BOUNDS.discountRate.max }
        : { kind: "fixed", value: values.discount_rate },
  };
  return checkRiskSpec(spec);
}
