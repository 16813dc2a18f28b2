/**
 * The walk from one scenario to another (by default from the seed brief to the public record):
 * MW contracted, contract value over the initial term and the NPV of gross profit, step by step.
 *
 * Steps, each applied on top of the ones before:
 * 1. **New tranches** (the Denton expansion): tranches the `to` scenario has and `from` does not,
 *    at `from`'s average price per MW-year, on `to`'s schedule.
 * 2. **Schedule slip**: `from`'s tranches on `to`'s billing dates and ramps (their contract values
 *    unchanged). Every tranche's value is discounted as one unit of contract value on its own
 *    schedule (`unitPv`), so this step also carries any difference in term, escalator, renewals,
 *    discount rate or valuation date between the two scenarios; with the built-in seed and base
 *    those are the same.
 * 3. **Price and MW as filed**: every tranche at `to`'s MW and contract value (the Denton tranche at
 *    its own value, not at `from`'s average price; tranche 1's 198 MW restated as the filed 200).
 * 4. **Margin**: `to`'s licence-fee margin.
 * The last row, `to`, equals the `to` scenario's own MW, value and NPV.
 *
 * The Deal sheet's reconciliation block computes the same steps with formulas from each
 * scenario block's per-tranche present values, so the two agree.
 *
 * Units: MW, USD; NPV as of each scenario's valuation date at its discount rate.
 */
import { ScenarioModel, npvFlows, revenueFrom } from "./scenarioModel";
import { Result, ok } from "./result";
import { CAPACITY_STATEMENTS, LICENCE_CASH_MARGIN_TARGET, TRANCHES, citeFigure } from "./record";

function recordFigure<T>(x: T | undefined, what: string): T {
  if (x === undefined) throw new Error(`the public record has no ${what}`);
  return x;
}

const DENTON = recordFigure(TRANCHES.find((t) => t.id === "denton-70"), "Denton tranche");
const INITIAL = recordFigure(TRANCHES.find((t) => t.id === "initial-200"), "initial tranche");

/** Why each step of the seed-to-base walk is there, with its public sources. */
export const SEED_TO_BASE_SOURCES = {
  newTranches: `The Denton expansion, contracted after the brief: ${citeFigure(DENTON.mw)}`,
  schedule: `Delivery pushed out after the brief: ${citeFigure(
    recordFigure(CAPACITY_STATEMENTS.find((c) => c.id === "2025-02-delivery-590"), "590 MW delivery statement").mw,
  )}; the base schedule is calibrated to reported colocation revenue (CORZ.REPORTED_VS_MODEL)`,
  price: `The Denton tranche at its own value, ${citeFigure(recordFigure(DENTON.contractValueUsd, "Denton value"))}; tranche 1 at the filed MW, ${citeFigure(INITIAL.mw)}`,
  margin: `Management's target raised from 75-80% (the brief) to 80-85%: ${citeFigure(LICENCE_CASH_MARGIN_TARGET.current)}`,
} as const;

/** Present value, at the valuation date and discount rate, of each tranche's licence revenue per USD of its contract value (0 for a tranche with no value). */
export function unitPv(m: ScenarioModel): number[] {
  const a = m.scenario.values;
  const flows = npvFlows(m);
  const pv = m.tranches.map(() => 0);
  if (!flows.ok) return pv;
  const t0 = flows.value.length > 0 ? flows.value[0].year + 1 - flows.value[0].years : 0;
  for (const f of flows.value) {
    const row = m.years[f.year - m.years[0].year];
    const byTranche = revenueFrom(m, row, t0);
    const df = 1 / Math.pow(1 + a.discount_rate, f.years);
    byTranche.forEach((r, i) => (pv[i] += r * df));
  }
  return m.tranches.map((t, i) => (t.value > 0 ? pv[i] / t.value : 0));
}

/** The steps' names, as the function and the Deal sheet show them. */
export const RECONCILE_STEPS = {
  newTranches: "+ New tranches (Denton expansion), at the starting average price",
  schedule: "Schedule slip (billing dates and ramps)",
  price: "Price and MW as filed",
  margin: "Licence-fee margin",
} as const;

/** One step of the walk: what it changes, and the change in each measure. */
export interface ReconcileStep {
  readonly step: string;
  /** MW contracted (the tranches), change or level. */
  readonly mw: number;
  /** Contract value over the initial term, USD. */
  readonly value: number;
  /** NPV of licence-fee gross profit, USD. */
  readonly npv: number;
  /** Why the step is there and where its numbers come from. */
  readonly source: string;
}

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

/**
 * The walk from `from` to `to`: a first row with `from`'s levels, one row per step with the
 * change, and a last row with `to`'s levels (the first row plus the steps, to rounding).
 * #NUM! when either scenario earns nothing after its valuation date.
 */
export function reconcile(from: ScenarioModel, to: ScenarioModel, sources: Readonly<Record<"newTranches" | "schedule" | "price" | "margin", string>>): Result<ReconcileStep[]> {
  for (const m of [from, to]) {
    const f = npvFlows(m);
    if (!f.ok) return f;
  }
  const uFrom = unitPv(from);
  const uTo = unitPv(to);
  const a = from.scenario.values;
  const mwFrom = sum(from.tranches.map((t) => t.mw));
  const valueFrom = sum(from.tranches.map((t) => t.value));
  const priceFrom = mwFrom > 0 ? valueFrom / (mwFrom * a.term_years) : 0;
  const isNew = (i: number) => from.tranches[i].mw === 0 && from.tranches[i].value === 0 && to.tranches[i].mw > 0;
  const mFrom = from.licenceMargin;
  const mTo = to.licenceMargin;

  const npv0 = mFrom * sum(from.tranches.map((t, i) => uFrom[i] * t.value));
  const newMw = sum(to.tranches.map((t, i) => (isNew(i) ? t.mw : 0)));
  const newValue = newMw * priceFrom * a.term_years;
  const newNpv = mFrom * sum(to.tranches.map((t, i) => (isNew(i) ? uTo[i] * t.mw * priceFrom * a.term_years : 0)));
  const slipNpv = mFrom * sum(from.tranches.map((t, i) => (uTo[i] - uFrom[i]) * t.value));
  const mwTo = sum(to.tranches.map((t) => t.mw));
  const valueTo = sum(to.tranches.map((t) => t.value));
  const grossAtFromMargin = sum(to.tranches.map((t, i) => uTo[i] * t.value));
  const priceNpv = mFrom * grossAtFromMargin - (npv0 + newNpv + slipNpv);
  const marginNpv = (mTo - mFrom) * grossAtFromMargin;
  return ok([
    { step: `${from.scenario.name}`, mw: mwFrom, value: valueFrom, npv: npv0, source: "The starting scenario's MW, contract value and NPV." },
    { step: RECONCILE_STEPS.newTranches, mw: newMw, value: newValue, npv: newNpv, source: sources.newTranches },
    { step: RECONCILE_STEPS.schedule, mw: 0, value: 0, npv: slipNpv, source: sources.schedule },
    { step: RECONCILE_STEPS.price, mw: mwTo - mwFrom - newMw, value: valueTo - valueFrom - newValue, npv: priceNpv, source: sources.price },
    { step: RECONCILE_STEPS.margin, mw: 0, value: 0, npv: marginNpv, source: sources.margin },
    { step: `${to.scenario.name}`, mw: mwTo, value: valueTo, npv: mTo * grossAtFromMargin, source: "The ending scenario's MW, contract value and NPV." },
  ]);
}
