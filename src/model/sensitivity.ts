/**
 * What-if analysis over the assumptions: any output of the model (value, IRR, gross-profit NPV,
 * TCV, a year's revenue or cash flow) on a grid of two assumptions, and a tornado of the inputs
 * that move value most between a low and a high case.
 *
 * A grid point is the scenario with the two assumptions set, checked exactly as an override
 * range is (the same bounds and messages), recomputed by the model: nothing is approximated, so
 * `sensitivity` at a point is what DEAL_VALUE gives for the same overrides.
 *
 * Besides the assumptions, one grid variable: `price_change`, a change to every tranche's
 * contract value (and so its price per MW-year) by the same rate: -0.1 is 10% lower.
 */
import { ASSUMPTIONS, MARKET_RENT, RENEWAL_TO_MARKET, TRANCHE_IDS, findAssumption, retiredAssumption } from "./assumptions";
import { normaliseName } from "./names";
import { trancheTotal } from "./deal";
import { Result, fail, naError, numError, ok, valueError } from "./result";
import { computeScenario, dealNpv } from "./scenarioModel";
import { ResolvedScenario, withOverrides } from "./scenarios";
import { cashFlowModel, cashFlowYear, dealIrr, dealValue } from "./valuation";

/** The grid variable that changes every tranche's price: not an assumption of its own. */
export const PRICE_CHANGE = "price_change";
const PRICE_CHANGE_MIN = -0.9;
const PRICE_CHANGE_MAX = 10;

/** Outputs a grid can show; "revenue" and "cash_flow" name a year ("revenue 2027"). */
export const SENSITIVITY_OUTPUTS = ["value", "irr", "npv", "tcv", "tcv_options", "revenue", "cash_flow"] as const;
export type SensitivityOutput =
  | { readonly kind: "value" | "irr" | "npv" | "tcv" | "tcv_options" }
  | { readonly kind: "revenue" | "cash_flow"; readonly year: number };

/** At most this many grid points (each recomputes the scenario). */
export const MAX_GRID_POINTS = 2_500;

/** The key an axis varies: an assumption's key (found by key or label as override ranges are) or `price_change`. */
export function axisKey(name: unknown, which: string): Result<string> {
  if (typeof name !== "string" || name.trim() === "") return valueError(`${which} must be an assumption name (e.g. "discount_rate") or "${PRICE_CHANGE}"`);
  if (normaliseName(name) === normaliseName(PRICE_CHANGE)) return ok(PRICE_CHANGE);
  const spec = findAssumption(name);
  if (spec) return ok(spec.key);
  return naError(retiredAssumption(name) ?? `unknown assumption "${name}"; valid names are ${PRICE_CHANGE}, ${ASSUMPTIONS.map((a) => a.key).join(", ")}`);
}

/** Reads an output name: "value" (default), "irr", "npv", "tcv", "tcv_options", "revenue 2027", "cash_flow 2027". */
export function parseOutput(raw: unknown): Result<SensitivityOutput> {
  if (raw === undefined || raw === null || raw === "") return ok({ kind: "value" });
  const bad = () => valueError<SensitivityOutput>(`output must be one of value, irr, npv, tcv, tcv_options, "revenue YYYY" or "cash_flow YYYY", got ${typeof raw === "string" ? `"${raw}"` : String(raw)}`);
  if (typeof raw !== "string") return bad();
  const s = raw.trim().toLowerCase().replace(/[\s\-]+/g, "_");
  const byYear = /^(revenue|cash_flow|free_cash_flow)_?:?_?(\d{4})$/.exec(s.replace(/:/g, "_"));
  if (byYear) return ok({ kind: byYear[1] === "revenue" ? "revenue" : "cash_flow", year: Number(byYear[2]) });
  const simple = (["value", "irr", "npv", "tcv", "tcv_options"] as const).find((k) => k === s);
  return simple ? ok({ kind: simple }) : bad();
}

/** A scenario with one assumption (or `price_change`) set; values checked as an override's are. */
export function withChange(s: ResolvedScenario, key: string, raw: unknown): Result<ResolvedScenario> {
  if (key === PRICE_CHANGE) {
    if (typeof raw !== "number" || !Number.isFinite(raw) || raw < PRICE_CHANGE_MIN || raw > PRICE_CHANGE_MAX) {
      return valueError(`${PRICE_CHANGE} must be a rate from ${PRICE_CHANGE_MIN} to ${PRICE_CHANGE_MAX} (a decimal: -0.1 is 10% lower), got ${typeof raw === "string" ? `"${raw}"` : String(raw)}`);
    }
    const values: Record<string, number> = { ...s.values };
    for (const id of TRANCHE_IDS) values[`${id}_value`] = s.values[`${id}_value`] * (1 + raw);
    return ok({ name: s.name, values });
  }
  // Checked and settled as an override is: a spread moves the discount rate, the rate its spread.
  return withOverrides(s, [[key, raw]]);
}

/** One output of a scenario: the cash-flow outputs from its tranches alone, the gross-profit NPV from the whole model. */
export function outputOf(s: ResolvedScenario, out: SensitivityOutput): Result<number> {
  if (out.kind === "npv") {
    const m = computeScenario(s);
    return m.ok ? dealNpv(m.value, s.values.discount_rate) : m;
  }
  const c = cashFlowModel(s);
  if (!c.ok) return c;
  const m = c.value;
  let v: number;
  switch (out.kind) {
    case "value":
      return dealValue(m);
    case "irr":
      return dealIrr(m);
    case "tcv":
      v = m.tranches.reduce((x, t) => x + t.value, 0);
      break;
    case "tcv_options":
      v = m.tranches.reduce((x, t) => x + trancheTotal(t), 0);
      break;
    case "revenue":
      v = cashFlowYear(m, out.year).licenceRevenue;
      break;
    case "cash_flow":
      v = cashFlowYear(m, out.year).freeCashFlow;
      break;
  }
  return Number.isFinite(v) ? ok(v) : numError(`${out.kind} is not a finite number`);
}

/** The output with a list of changes applied in order. */
export function outputWith(s: ResolvedScenario, changes: readonly (readonly [string, unknown])[], out: SensitivityOutput): Result<number> {
  let cur: Result<ResolvedScenario> = ok(s);
  for (const [k, v] of changes) {
    if (!cur.ok) break;
    cur = withChange(cur.value, k, v);
  }
  return cur.ok ? outputOf(cur.value, out) : cur;
}

/** One axis of a grid: the key it varies and its values. */
export interface Axis {
  readonly key: string;
  readonly values: readonly unknown[];
}

/**
 * The output at every (row value, column value): rows follow `row.values`, columns
 * `col.values`. A point the model refuses (a value out of bounds, an IRR that does not exist)
 * is that point's error; the grid as a whole fails only on a bad axis.
 */
export function sensitivity(s: ResolvedScenario, row: Axis, col: Axis, out: SensitivityOutput): Result<Result<number>[][]> {
  if (row.key === col.key) return valueError(`the row and column assumptions must differ (both are ${row.key})`);
  if (row.values.length === 0 || col.values.length === 0) return valueError("each axis needs at least one value");
  const points = row.values.length * col.values.length;
  if (points > MAX_GRID_POINTS) return valueError(`a grid has at most ${MAX_GRID_POINTS} points, got ${row.values.length} x ${col.values.length} = ${points}`);
  return ok(row.values.map((rv) => col.values.map((cv) => outputWith(s, [[row.key, rv], [col.key, cv]], out))));
}

// ---- Tornado -----------------------------------------------------------------------------------

/** An input the tornado moves, with its low and high case and why those. */
export interface TornadoInput {
  readonly key: string;
  readonly low: number;
  readonly high: number;
  /** Whether low and high are offsets from the scenario's own value (true) or absolute values. */
  readonly relative: boolean;
  readonly basis: string;
}

/**
 * The inputs the tornado tries and their ranges: ranges from the record where it gives one,
 * otherwise judgement, labelled. Inputs that cannot move the value (pass-through power) are left
 * out; inputs that move it by nothing in a scenario (capex timing with no capex) sort last.
 */
const pct = (r: number): string => `${(r * 100).toFixed(2)}%`;

export const TORNADO_INPUTS: readonly TornadoInput[] = [
  { key: "discount_rate", low: -0.01, high: 0.01, relative: true, basis: "±1 percentage point (judgement: about the gap between the base rate and the 9.000% CoreWeave 2031 notes it is built on)" },
  { key: "licence_margin", low: 0.8, high: 0.85, relative: false, basis: "80–85%, the range management is reported to target (Q1 2026 call, secondary)" },
  { key: PRICE_CHANGE, low: -0.1, high: 0.1, relative: false, basis: `±10% on every tranche's price (judgement; the contracts' average $${(RENEWAL_TO_MARKET.contractPrice / 1e6).toFixed(2)}M per MW-year sits below the deal library's recent median of $${(MARKET_RENT.value / 1e6).toFixed(2)}M)` },
  { key: "delay_months", low: 0, high: 9, relative: false, basis: "0 to 9 months' delay on starts not yet billing (the bear case's 9 months)" },
  { key: "renewal_options", low: 0, high: 2, relative: false, basis: "no renewal to both five-year options exercised (the contracts carry two each)" },
  {
    key: "renewal_repricing",
    low: 0,
    high: Math.round(2 * RENEWAL_TO_MARKET.rate * 1e4) / 1e4,
    relative: false,
    basis: `renewal at the last contract price (0) to twice the ${pct(RENEWAL_TO_MARKET.rate)} that takes the contracts' average price to the deal library's recent median rent of $${(MARKET_RENT.value / 1e6).toFixed(2)}M per MW-year (judgement around that median)`,
  },
  { key: "escalator", low: 0, high: 0.02, relative: false, basis: "0–2% a year (judgement; no escalator is on the record)" },
  { key: "overhead_rate", low: 0, high: 0.1, relative: false, basis: "0–10% of licence revenue (judgement around the 5% default)" },
  { key: "maintenance_capex_rate", low: 0.02, high: 0.08, relative: false, basis: "2–8% of licence revenue (judgement around Equinix's 5.74% recurring capex)" },
  { key: "tax_rate", low: 0.15, high: 0.25, relative: false, basis: "15–25% (judgement: loss carryforwards of >$380M lower it early; state taxes raise it)" },
  { key: "core_capex_per_mw", low: 0, high: 2e6, relative: false, basis: "$0–2M per MW of Core Scientific's own capex (judgement: CoreWeave funds its sites' build). Capex spent before the valuation date is sunk, but its depreciation still shields tax after it, so more capex can raise the value from that date" },
  { key: "capex_lead_months", low: 6, high: 18, relative: false, basis: "6–18 months of build before billing (judgement around 12)" },
];

/** One bar of the tornado: the value with the input at its low and its high case. */
export interface TornadoBar {
  readonly key: string;
  readonly label: string;
  readonly base: number;
  readonly low: number;
  readonly high: number;
  readonly valueLow: number;
  readonly valueHigh: number;
  /** |valueHigh - valueLow|. */
  readonly swing: number;
  readonly basis: string;
}

/** The label a tornado bar shows. */
function inputLabel(key: string): string {
  return key === PRICE_CHANGE ? "Price change on every tranche" : (findAssumption(key)?.label ?? key);
}

/**
 * The value at each input's low and high case, the others as the scenario has them, sorted by
 * swing (largest first); the first `count`. The centre is the scenario's own value.
 */
export function tornado(s: ResolvedScenario, count = 10): Result<{ centre: number; bars: TornadoBar[] }> {
  if (!Number.isInteger(count) || count < 1) return valueError(`count must be a whole number of at least 1, got ${count}`);
  const m = cashFlowModel(s);
  if (!m.ok) return m;
  const centre = dealValue(m.value);
  if (!centre.ok) return centre;
  const bars: TornadoBar[] = [];
  for (const input of TORNADO_INPUTS) {
    const base = input.key === PRICE_CHANGE ? 0 : s.values[input.key];
    const low = input.relative ? base + input.low : input.low;
    const high = input.relative ? base + input.high : input.high;
    const valueLow = outputWith(s, [[input.key, low]], { kind: "value" });
    const valueHigh = outputWith(s, [[input.key, high]], { kind: "value" });
    if (!valueLow.ok) return fail(valueLow.error.kind, `${input.key} at ${low}: ${valueLow.error.message}`);
    if (!valueHigh.ok) return fail(valueHigh.error.kind, `${input.key} at ${high}: ${valueHigh.error.message}`);
    bars.push({
      key: input.key,
      label: inputLabel(input.key),
      base,
      low,
      high,
      valueLow: valueLow.value,
      valueHigh: valueHigh.value,
      swing: Math.abs(valueHigh.value - valueLow.value),
      basis: input.basis,
    });
  }
  bars.sort((a, b) => b.swing - a.swing || a.key.localeCompare(b.key));
  return ok({ centre: centre.value, bars: bars.slice(0, count) });
}
