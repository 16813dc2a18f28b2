/**
 * The named risk settings: a flat list of the risks' parameters that a two-column Excel range
 * (`key | value`) or a form sets, each with its unit, range and the basis of its default, and
 * the spec they give.
 *
 * Units: probabilities, margins and rates as decimals; delays in months.
 */
import { MARKET_RENT, RENEWAL_TO_MARKET, averageContractPrice } from "../assumptions";
import { byNames, nameIndex } from "../names";
import { Result, naError, valueError } from "../result";
import { Assumptions, Override } from "../scenarios";
import { FITCH_COREWEAVE_2025_05, MOODYS_COREWEAVE_2025_05, cite } from "../sources";
import { Distribution, fmt, isNum } from "./distributions";
import { BOUNDS, DEFAULT_DISCOUNT_FLOOR, DEFAULT_RELET_RENT, DEFAULT_RELET_SHARE, RiskSpec, checkRiskSpec, defaultRiskSpec, recoveryFromReletting } from "./spec";

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

const SETTING_BY_NAME = nameIndex(RISK_SETTINGS.flatMap((s) => byNames(s, [s.key, s.label])));

/** Finds a risk setting by key or label, forgiving case, spaces and underscores. */
export function findRiskSetting(name: string): RiskSetting | undefined {
  return SETTING_BY_NAME.find(name);
}

/**
 * Splits the rows of a scenario range into risk settings (by the setting's key, the value as
 * given) and assumption overrides (everything else, in order).
 */
export function splitRiskRows(rows: readonly Override[]): { overrides: Override[]; settings: Array<[string, unknown]> } {
  const overrides: Override[] = [];
  const settings: Array<[string, unknown]> = [];
  for (const [k, v] of rows) {
    const setting = typeof k === "string" ? findRiskSetting(k) : undefined;
    if (setting) settings.push([setting.key, v]);
    else overrides.push([k, v]);
  }
  return { overrides, settings };
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
