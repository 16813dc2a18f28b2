/**
 * Monte Carlo over the deal's risks: a CoreWeave default, site delays, the licence margin,
 * renewal take-up and the discount rate (the spec in spec.ts). Gives the distribution of
 * the deal's value, the present value of its free cash flow as `dealValue` (CORZ.DEAL_VALUE)
 * counts it (mean, P10/P50/P90, probability below a threshold, histogram), and revenue by
 * calendar year (mean, P10/P50/P90).
 *
 * A path values the free cash flows of valuation.ts: for each calendar year from the valuation
 * date t0 on (the year t0 falls in counts [t0, year end)), licence revenue R, site opex
 * R x (1 - margin), overhead R x `overhead_rate`, EBITDA, tax `tax_rate` x max(0, EBITDA -
 * depreciation), Core Scientific's capex and maintenance capex R x `maintenance_capex_rate`;
 * free cash flow = EBITDA - tax - capex - maintenance, received at the year end and discounted
 * by (1 + rate)^-(year + 1 - t0). The path's margin and rate are its draws. A default scales
 * revenue after the default year by the recovery share, and with it site opex, overhead and
 * maintenance capex (they follow revenue); capex and depreciation are not changed by a default
 * (the build is spent, and written off, whatever CoreWeave does). With no uncertainty every
 * path equals `dealValue` exactly.
 *
 * Fast because little varies per path. Revenue, capex and depreciation depend on the path only
 * through each site's delay (whole months: capex and depreciation follow the billing start) and
 * the number of renewals taken, so each tranche's counted revenue, capex and depreciation by
 * year (valuation.ts's own window functions, over the windows `valueFlows` uses) are computed
 * once per (renewals, delay) case from the scenario model of that case (`computeScenario` with
 * `renewal_options` and `delay_months` overridden) and kept in flat tables; a path then adds a
 * few table rows per year, applies its default and margin, and discounts: arithmetic on arrays,
 * no scenario recomputation. Paths draw from one seeded stream in order, so a run is the same
 * however it is cut into chunks.
 *
 * Field names still say `npv` (`npv`, `deterministicNpv`, `sortedNpvs`): they hold this value.
 */
import { Tranche, delayedStart, trancheRevenue } from "../deal";
import { Result, numError, ok, valueError } from "../result";
import { ScenarioModel, computeScenario, revenueFrom, valuationTime } from "../scenarioModel";
import { cashFlowYears, dealValue, trancheCapex, trancheDepreciation } from "../valuation";
import { Assumptions, ResolvedScenario } from "../scenarios";
import { DEFAULT_CHUNK, RiskInput, checkRiskInput } from "./input";
import { Rng } from "./random";
import { Sampler, central, sampler, support } from "./distributions";
import { RiskSpec } from "./spec";
import { Histogram, histogramSorted, percentileSorted, percentilesUnsorted } from "./stats";

export { DEFAULT_CHUNK, MAX_PATHS, checkRiskInput } from "./input";
export type { RiskInput } from "./input";

/** Renewal options each contract carries (the assumption's upper bound). */
const MAX_RENEWALS = 2;
const NO_DEFAULT = 32767; // an Int16 "year" later than any the model reaches

/**
 * The distribution of the deal's value over the paths: the present value of free cash flow at
 * the valuation date, USD (as `dealValue`), not the gross-profit NPV despite the name.
 */
export interface NpvSummary {
  readonly mean: number;
  /** Sample standard deviation (n - 1); 0 for one path. */
  readonly sd: number;
  /** Standard error of the mean, sd / sqrt(n). */
  readonly stdError: number;
  readonly min: number;
  readonly max: number;
  /** Percentiles as Excel's PERCENTILE.INC. */
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
  readonly threshold: number;
  /** Share of paths whose value is strictly below the threshold. */
  readonly probBelow: number;
}

export interface YearSummary {
  readonly year: number;
  /** Licence-fee revenue, USD. */
  readonly mean: number;
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
}

export interface RiskSummary {
  readonly scenario: string;
  /**
   * Every assumption value of the scenario the run simulated, keyed as in assumptions.ts, in
   * the model's units (dates as Excel serials): the inputs the Risk sheet and the pane compare
   * with the live ones, so a run on old inputs is seen as stale.
   */
  readonly inputs: Assumptions;
  /** Paths simulated. */
  readonly paths: number;
  readonly seed: number;
  /** Values are as of this date (an Excel date serial: the scenario's valuation_date). */
  readonly valuationDate: number;
  /**
   * The deterministic centre: the value (present value of free cash flow) of the scenario
   * without uncertainty, `dealValue` at the discount rate's central value (CORZ.DEAL_VALUE when
   * that is the scenario's rate, as by default), USD.
   */
  readonly deterministicNpv: number;
  /** The paths' value (present value of free cash flow), USD. */
  readonly npv: NpvSummary;
  readonly histogram: Histogram;
  /** Revenue by calendar year; empty when the summary was asked for without years. */
  readonly years: readonly YearSummary[];
  /** Share of paths in which CoreWeave defaults. */
  readonly defaultShare: number;
}

export type RiskOutcome =
  | { readonly status: "done"; readonly summary: RiskSummary }
  | { readonly status: "cancelled"; readonly done: number; readonly total: number };

/** A run in progress: prepared by `prepareRisk`, advanced by `stepRisk`, read by `summariseRisk`. */
export interface RiskRun {
  readonly total: number;
  readonly done: number;
}


/** What a run needs that does not vary per path. */
interface RunConfig {
  readonly total: number;
  readonly seed: number;
  readonly scenarioName: string;
  /** The scenario's assumption values, as the run used them. */
  readonly inputs: Assumptions;
  /** Revenue by tranche, renewal case, delay case and calendar year: index ((t * NR + r) * ND + k) * Y + y, USD. */
  readonly rev: Float64Array;
  /**
   * As `rev`, but only what the value counts: the window of `valueFlows`, [max(year, t0), year + 1),
   * nothing for a year that ends by the valuation date t0.
   */
  readonly counted: Float64Array;
  /** Core Scientific's capex over the same windows, USD (`trancheCapex`). */
  readonly capex: Float64Array;
  /** Depreciation of that capex over the same windows, USD (`trancheDepreciation`). */
  readonly depreciation: Float64Array;
  /** Whether any capex is spent at all (else `capex` and `depreciation` are all 0 and skipped). */
  readonly hasCapex: boolean;
  /** T, NR, ND and Y above. */
  readonly tranches: number;
  readonly renewalCases: number;
  readonly delayCases: number;
  readonly years: number;
  /** Calendar year of index 0: the first year with revenue or capex in any case. */
  readonly firstYear: number;
  /** Indices of the first and last year with revenue in any case: the years revenue by year covers. */
  readonly revenueFrom: number;
  readonly revenueTo: number;
  /** The scenario's rates the cash flows use (the margin is drawn). */
  readonly overheadRate: number;
  readonly maintenanceRate: number;
  readonly taxRate: number;
  /** The valuation date as a decimal year (`valuationTime`). */
  readonly valuationTime: number;
  /** For each tranche, its number among the sites a delay reaches, or -1. */
  readonly siteOf: readonly number[];
  readonly sites: number;
  readonly perSite: boolean;
  /** Months of delay in delay case 0. */
  readonly delayLow: number;
  readonly delay: Sampler;
  readonly margin: Sampler;
  readonly rate: Sampler;
  readonly renewalProbability: number | null;
  readonly defaultProbability: number;
  readonly recovery: number;
  readonly defaultFirst: number;
  readonly defaultLast: number;
  readonly threshold: number;
  readonly deterministicNpv: number;
}

class RunState implements RiskRun {
  done = 0;
  readonly total: number;
  private readonly rng: Rng;
  private sorted: Float64Array | undefined;
  private readonly offsets: Int32Array;
  /** (1 + rate)^(year + 1 - t0) by year index, for the rate `powersFor` (recomputed only when a path's rate differs). */
  private readonly powers: Float64Array;
  private powersFor = Number.NaN;
  // Per path: value (present value of free cash flow), renewal case, default year (NO_DEFAULT for none) and each site's delay case.
  private readonly npv: Float64Array;
  private readonly renewalOf: Uint8Array;
  private readonly defaultYearOf: Int16Array;
  private readonly delayOf: Uint8Array;

  constructor(private readonly c: RunConfig) {
    this.total = c.total;
    this.rng = new Rng(c.seed);
    this.offsets = new Int32Array(c.tranches);
    this.powers = new Float64Array(c.years);
    this.npv = new Float64Array(c.total);
    this.renewalOf = new Uint8Array(c.total);
    this.defaultYearOf = new Int16Array(c.total);
    this.delayOf = new Uint8Array(c.total * c.sites);
  }

  /** Simulates up to `count` more paths. */
  step(count: number): void {
    const end = Math.min(this.total, this.done + Math.max(1, Math.floor(count)));
    const { rng, offsets, delayOf, powers } = this;
    const { counted, capex, depreciation, hasCapex, valuationTime: t0, tranches: T, years: Y, siteOf, sites: S, renewalCases: NR, delayCases: ND, firstYear } = this.c;
    const { margin, rate, delay, perSite, defaultFirst, defaultLast, overheadRate, maintenanceRate, taxRate } = this.c;
    const q = this.c.renewalProbability;
    const p = this.c.defaultProbability;
    const logSurvive = Math.log1p(-p);
    const recovery = this.c.recovery;
    // The first year index that ends after the valuation date (earlier years are history).
    let y0 = 0;
    while (y0 < Y && firstYear + y0 + 1 <= t0) y0++;
    for (let path = this.done; path < end; path++) {
      // Draws, always in this order: margin, rate, renewals, default, delays.
      const m = margin(rng);
      const g = 1 + rate(rng);
      let renewals = 0;
      if (q !== null && rng.bernoulli(q)) renewals = rng.bernoulli(q) ? 2 : 1;
      let defaultYear = NO_DEFAULT;
      if (p > 0) {
        const k = p >= 1 ? 0 : Math.floor(Math.log1p(-rng.uniform()) / logSurvive); // geometric: first year of default
        if (k <= defaultLast - defaultFirst) defaultYear = defaultFirst + k;
      }
      const dBase = path * S;
      if (S > 0) {
        if (perSite) {
          for (let s = 0; s < S; s++) delayOf[dBase + s] = this.delayCase(delay(rng));
        } else {
          const k = this.delayCase(delay(rng));
          for (let s = 0; s < S; s++) delayOf[dBase + s] = k;
        }
      }
      for (let t = 0; t < T; t++) {
        const k = siteOf[t] < 0 ? 0 : delayOf[dBase + siteOf[t]];
        offsets[t] = ((t * NR + renewals) * ND + k) * Y; // with no renewal draw there is one case, 0
      }
      if (g !== this.powersFor) {
        for (let y = y0; y < Y; y++) {
          const year = firstYear + y;
          powers[y] = Math.pow(g, year + 1 - t0);
        }
        this.powersFor = g;
      }
      // Each year's free cash flow as cashFlowWindow computes it, discounted as dealValue.
      let sum = 0;
      for (let y = y0; y < Y; y++) {
        let revenue = 0;
        let spent = 0;
        let written = 0;
        if (hasCapex) {
          for (let t = 0; t < T; t++) {
            const at = offsets[t] + y;
            revenue += counted[at];
            spent += capex[at];
            written += depreciation[at];
          }
        } else {
          for (let t = 0; t < T; t++) revenue += counted[offsets[t] + y];
        }
        if (firstYear + y > defaultYear) revenue *= recovery; // opex, overhead and maintenance follow
        const siteOpex = revenue * (1 - m);
        const overhead = revenue * overheadRate;
        const ebitda = revenue - siteOpex - overhead;
        const tax = taxRate * Math.max(0, ebitda - written);
        sum += (ebitda - tax - spent - revenue * maintenanceRate) / powers[y];
      }
      this.npv[path] = sum;
      this.renewalOf[path] = renewals;
      this.defaultYearOf[path] = defaultYear;
    }
    this.done = end;
    this.sorted = undefined;
  }

  private delayCase(months: number): number {
    const k = Math.round(months) - this.c.delayLow;
    return k < 0 ? 0 : k >= this.c.delayCases ? this.c.delayCases - 1 : k;
  }

  /** The values simulated so far, ascending. */
  sortedNpv(): Float64Array {
    if (!this.sorted) this.sorted = this.npv.slice(0, this.done).sort();
    return this.sorted;
  }

  summary(years: "none" | "auto" | "grouped" | "paths"): Result<RiskSummary> {
    const n = this.done;
    if (n === 0) return valueError("no paths have been simulated yet");
    const sorted = this.sortedNpv();
    // Sum the differences from one path's value: exact when every path is the same, and less
    // rounding than a plain sum when they are close.
    const shift = this.npv[0];
    let sum = 0;
    for (let i = 0; i < n; i++) sum += this.npv[i] - shift;
    const mean = shift + sum / n;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (this.npv[i] - mean) ** 2;
    const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
    if (!Number.isFinite(mean) || !Number.isFinite(sd)) return numError("the simulated values are not finite numbers");
    let below = 0; // first index with sorted[i] >= threshold (binary search)
    for (let hi = n; below < hi; ) {
      const mid = (below + hi) >>> 1;
      if (sorted[mid] < this.c.threshold) below = mid + 1;
      else hi = mid;
    }
    let defaults = 0;
    for (let i = 0; i < n; i++) if (this.defaultYearOf[i] !== NO_DEFAULT) defaults++;
    return ok({
      scenario: this.c.scenarioName,
      inputs: this.c.inputs,
      paths: n,
      seed: this.c.seed,
      valuationDate: this.c.inputs.valuation_date,
      deterministicNpv: this.c.deterministicNpv,
      npv: {
        mean,
        sd,
        stdError: sd / Math.sqrt(n),
        min: sorted[0],
        max: sorted[n - 1],
        p10: percentileSorted(sorted, 0.1),
        p50: percentileSorted(sorted, 0.5),
        p90: percentileSorted(sorted, 0.9),
        threshold: this.c.threshold,
        probBelow: below / n,
      },
      histogram: histogramSorted(sorted),
      years: years === "none" ? [] : this.yearSummaries(years),
      defaultShare: defaults / n,
    });
  }

  /**
   * Revenue by year over the paths so far. A path's revenue in a year depends only on its case
   * (renewals taken, each site's delay) and on whether it has defaulted by then, so paths are
   * grouped by case and default year, and each year's percentiles come from the few distinct
   * values with their counts. When cases are many (independent delays at several sites), each
   * year's column is rebuilt path by path and the percentiles found by selection instead.
   */
  private yearSummaries(method: "auto" | "grouped" | "paths"): YearSummary[] {
    const n = this.done;
    const { tranches: T, sites: S, renewalCases: NR, delayCases: ND, years: Y, firstYear, revenueFrom, revenueTo } = this.c;
    const caseOf = new Int32Array(n);
    const ids = new Map<number, number>();
    const firstPath: number[] = [];
    for (let path = 0; path < n; path++) {
      let key = this.renewalOf[path];
      for (let s = 0; s < S; s++) key = key * ND + this.delayOf[path * S + s];
      let id = ids.get(key);
      if (id === undefined) {
        id = firstPath.length;
        ids.set(key, id);
        firstPath.push(path);
      }
      caseOf[path] = id;
    }
    const C = firstPath.length;
    // Table offsets of each case's tranche rows.
    const caseOffsets = new Int32Array(C * T);
    firstPath.forEach((path, c) => {
      for (let t = 0; t < T; t++) caseOffsets[c * T + t] = this.offsetOf(path, t, NR, ND);
    });
    // Bucket b of a path: it earns the recovery share in year index y exactly when b <= y (Y: never).
    const bucketOf = (path: number) => {
      const d = this.defaultYearOf[path];
      return d === NO_DEFAULT ? Y : Math.max(0, Math.min(Y, d - firstYear + 1));
    };
    if (method === "paths" || (method === "auto" && C > Math.max(256, n / 16))) return this.yearsPathByPath(caseOf, caseOffsets, bucketOf);
    const counts = new Float64Array(C * (Y + 1));
    for (let path = 0; path < n; path++) counts[caseOf[path] * (Y + 1) + bucketOf(path)]++;
    const caseTotal = new Float64Array(C);
    for (let c = 0; c < C; c++) for (let b = 0; b <= Y; b++) caseTotal[c] += counts[c * (Y + 1) + b];
    const defaulted = new Float64Array(C); // paths of the case earning the recovery share by this year
    const values = new Float64Array(2 * C);
    const weights = new Float64Array(2 * C);
    const order = Array.from({ length: 2 * C }, (_, i) => i);
    const out: YearSummary[] = [];
    for (let y = 0; y <= revenueTo; y++) {
      for (let c = 0; c < C; c++) defaulted[c] += counts[c * (Y + 1) + y];
      if (y < revenueFrom) continue; // capex only: no revenue in any case
      for (let c = 0; c < C; c++) {
        let revenue = 0;
        for (let t = 0; t < T; t++) revenue += this.c.rev[caseOffsets[c * T + t] + y];
        values[2 * c] = revenue;
        weights[2 * c] = caseTotal[c] - defaulted[c];
        values[2 * c + 1] = revenue * this.c.recovery;
        weights[2 * c + 1] = defaulted[c];
      }
      order.sort((a, b) => values[a] - values[b]);
      out.push({ year: firstYear + y, ...weightedSummary(values, weights, order, n) });
    }
    return out;
  }

  private offsetOf(path: number, t: number, NR: number, ND: number): number {
    const site = this.c.siteOf[t];
    const k = site < 0 ? 0 : this.delayOf[path * this.c.sites + site];
    return ((t * NR + this.renewalOf[path]) * ND + k) * this.c.years;
  }

  /** The many-cases fallback: each year's column of path revenues, percentiles by selection. */
  private yearsPathByPath(caseOf: Int32Array, caseOffsets: Int32Array, bucketOf: (path: number) => number): YearSummary[] {
    const n = this.done;
    const { tranches: T, firstYear, rev, recovery, revenueFrom, revenueTo } = this.c;
    const bucket = new Int32Array(n);
    for (let path = 0; path < n; path++) bucket[path] = bucketOf(path);
    const col = new Float64Array(n);
    const out: YearSummary[] = [];
    for (let y = revenueFrom; y <= revenueTo; y++) {
      let sum = 0;
      let shift = 0;
      for (let path = 0; path < n; path++) {
        const base = caseOf[path] * T;
        let revenue = 0;
        for (let t = 0; t < T; t++) revenue += rev[caseOffsets[base + t] + y];
        if (bucket[path] <= y) revenue *= recovery;
        if (path === 0) shift = revenue;
        col[path] = revenue;
        sum += revenue - shift;
      }
      const [p10, p50, p90] = percentilesUnsorted(col, [0.1, 0.5, 0.9]);
      out.push({ year: firstYear + y, mean: shift + sum / n, p10, p50, p90 });
    }
    return out;
  }
}

/**
 * Mean and PERCENTILE.INC P10/P50/P90 of values with integer weights (counts) adding up to n,
 * `order` listing the indices by ascending value.
 */
function weightedSummary(values: Float64Array, weights: Float64Array, order: readonly number[], n: number): Omit<YearSummary, "year"> {
  // The value at 0-based rank k: the first value whose cumulative count passes k.
  const ranks = [0.1, 0.5, 0.9].flatMap((q) => {
    const h = q * (n - 1);
    const lo = Math.floor(h);
    return [lo, Math.min(lo + 1, n - 1)];
  });
  const at = new Array<number>(ranks.length);
  let cum = 0;
  let shift: number | undefined;
  let sum = 0;
  let r = 0;
  const sortedRanks = ranks.map((k, i) => [k, i] as const).sort((a, b) => a[0] - b[0]);
  for (const i of order) {
    const w = weights[i];
    if (w === 0) continue;
    if (shift === undefined) shift = values[i];
    sum += (values[i] - shift) * w;
    cum += w;
    while (r < sortedRanks.length && sortedRanks[r][0] < cum) at[sortedRanks[r++][1]] = values[i];
  }
  const pct = (j: number, q: number) => {
    const h = q * (n - 1);
    const a = at[2 * j];
    const b = at[2 * j + 1];
    return a === b ? a : a + (h - Math.floor(h)) * (b - a);
  };
  return { mean: (shift ?? 0) + sum / n, p10: pct(0, 0.1), p50: pct(1, 0.5), p90: pct(2, 0.9) };
}

function state(run: RiskRun): RunState {
  if (!(run instanceof RunState)) throw new Error("not a run made by prepareRisk");
  return run;
}


/** The (renewals taken, delay in months) cases a spec can produce, with the scenario model of each. */
interface Cases {
  /** Renewals taken in each renewal case. */
  readonly renewals: readonly number[];
  /** Months of delay in delay case 0, and how many delay cases (one per whole month). */
  readonly delayLow: number;
  readonly delayCases: number;
  /** The model of case (r, k) at index r * delayCases + k. */
  readonly models: readonly ScenarioModel[];
}

function caseModels(scenario: ResolvedScenario, spec: RiskSpec): Result<Cases> {
  const values = scenario.values;
  const renewals = spec.renewalProbability === null ? [values.renewal_options] : Array.from({ length: MAX_RENEWALS + 1 }, (_, i) => i);
  const sup = support(spec.delayMonths);
  const delayLow = Math.round(sup.min);
  const delayCases = Math.round(sup.max) - delayLow + 1;
  const models: ScenarioModel[] = [];
  for (const r of renewals) {
    for (let k = 0; k < delayCases; k++) {
      const m = computeScenario({ name: scenario.name, values: { ...values, renewal_options: r, delay_months: delayLow + k } });
      if (!m.ok) return m;
      models.push(m.value);
    }
  }
  return ok({ renewals, delayLow, delayCases, models });
}

/** Each tranche's revenue, counted revenue, capex and depreciation by year in every case (RunConfig's tables). */
type YearTables = Pick<RunConfig, "rev" | "counted" | "capex" | "depreciation" | "years" | "firstYear"> & { readonly revenueFirst: number; readonly revenueLast: number };

function yearTables(cases: Cases, tranches: number, values: Assumptions, t0: number): YearTables {
  const { models, delayCases } = cases;
  const NR = cases.renewals.length;
  // The years: every year with revenue (the model's rows) or cash flow (capex before billing) in any case.
  const flowYears = models.map(cashFlowYears);
  const revenueFirst = Math.min(...models.map((m) => m.years[0].year));
  const revenueLast = Math.max(...models.map((m) => m.years[m.years.length - 1].year));
  const firstYear = Math.min(revenueFirst, ...flowYears.map((f) => f.first));
  const lastYear = Math.max(revenueLast, ...flowYears.map((f) => f.last));
  const Y = lastYear - firstYear + 1;
  const rev = new Float64Array(tranches * NR * delayCases * Y);
  const counted = new Float64Array(rev.length);
  const capex = new Float64Array(rev.length);
  const depreciation = new Float64Array(rev.length);
  const perMw = values.core_capex_per_mw;
  const lead = values.capex_lead_months / 12;
  models.forEach((m, i) => {
    const r = Math.floor(i / delayCases);
    const k = i % delayCases;
    const at = (t: number, year: number) => ((t * NR + r) * delayCases + k) * Y + (year - firstYear);
    for (const row of m.years) for (let t = 0; t < tranches; t++) rev[at(t, row.year)] = row.revenueByTranche[t];
    // What the value counts, over the windows valueFlows uses (cashFlowWindow's terms, tranche by tranche).
    for (let year = Math.max(firstYear, Math.floor(t0)); year <= lastYear; year++) {
      if (year + 1 <= t0) continue;
      const a = Math.max(year, t0);
      // Within the model's rows, what the value counts is revenueFrom's (the row itself for a whole year).
      const row = m.years[year - m.years[0].year];
      const fromRow = row?.year === year ? revenueFrom(m, row, t0) : undefined;
      m.tranches.forEach((tr, t) => {
        counted[at(t, year)] = fromRow ? fromRow[t] : trancheRevenue(tr, a, year + 1);
        capex[at(t, year)] = trancheCapex(tr, perMw, lead, a, year + 1);
        depreciation[at(t, year)] = trancheDepreciation(tr, perMw, a, year + 1);
      });
    }
  });
  return { rev, counted, capex, depreciation, years: Y, firstYear, revenueFirst, revenueLast };
}

/** The sites a delay reaches (tranches with MW whose planned start falls after `delay_after`), numbered; -1 for the others. */
function sitesReached(tranches: readonly Tranche[], values: Assumptions, delayCases: number): { siteOf: number[]; sites: number } {
  const siteOf: number[] = [];
  let sites = 0;
  for (const t of tranches) {
    const reached = t.mw > 0 && delayedStart(t.plannedStart, { ...values, delay_months: 1 }).delayed;
    siteOf.push(reached && delayCases > 1 ? sites++ : -1);
  }
  return { siteOf, sites };
}

/**
 * Checks the input and precomputes what does not vary per path: the scenario model for each
 * (renewals taken, delay in months) case the distributions can produce, and each tranche's
 * revenue, counted revenue, capex and depreciation by year in every case. Nothing is simulated
 * yet. Bad input gives `#VALUE!` with what is wrong; a scenario with no cash flow after the
 * valuation date `#NUM!`, as `dealValue`.
 */
export function prepareRisk(input: RiskInput): Result<RiskRun> {
  const checked = checkRiskInput(input);
  if (!checked.ok) return checked;
  const { spec, paths, seed, threshold } = checked.value;
  const values = input.scenario.values;
  const base = computeScenario(input.scenario);
  if (!base.ok) return base;
  const deterministic = dealValue(base.value, central(spec.discountRate));
  if (!deterministic.ok) return deterministic;
  const cases = caseModels(input.scenario, spec);
  if (!cases.ok) return cases;
  const t0 = valuationTime(values.valuation_date);
  if (!t0.ok) return t0;
  const { delayLow, delayCases } = cases.value;
  const { revenueFirst, revenueLast, ...tables } = yearTables(cases.value, base.value.tranches.length, values, t0.value);
  const d = spec.default;
  return ok(
    new RunState({
      ...tables,
      ...sitesReached(base.value.tranches, values, delayCases),
      total: paths,
      seed,
      scenarioName: input.scenario.name,
      inputs: Object.freeze({ ...values }),
      hasCapex: tables.capex.some((x) => x !== 0) || tables.depreciation.some((x) => x !== 0),
      tranches: base.value.tranches.length,
      renewalCases: cases.value.renewals.length,
      delayCases,
      revenueFrom: revenueFirst - tables.firstYear,
      revenueTo: revenueLast - tables.firstYear,
      overheadRate: values.overhead_rate,
      maintenanceRate: values.maintenance_capex_rate,
      taxRate: values.tax_rate,
      valuationTime: t0.value,
      perSite: spec.delayPerSite,
      delayLow,
      delay: sampler(spec.delayMonths),
      margin: sampler(spec.licenceMargin),
      rate: sampler(spec.discountRate),
      renewalProbability: spec.renewalProbability,
      defaultProbability: d.annualProbability,
      recovery: d.recovery,
      defaultFirst: d.firstYear ?? Math.floor(t0.value),
      defaultLast: d.lastYear ?? revenueLast,
      threshold: threshold ?? deterministic.value,
      deterministicNpv: deterministic.value,
    }),
  );
}

/** Simulates up to `count` more paths of a prepared run; returns the paths done so far. */
export function stepRisk(run: RiskRun, count: number): number {
  const s = state(run);
  s.step(count);
  return s.done;
}

/**
 * Summarises the paths simulated so far (all of them once the run is complete). Leave out
 * revenue by year with `years: false` when only the value is wanted.
 */
export function summariseRisk(run: RiskRun, opts: SummaryOptions = {}): Result<RiskSummary> {
  return state(run).summary(opts.years === false ? "none" : (opts.yearMethod ?? "auto"));
}

export interface SummaryOptions {
  /** Revenue by year (default true). */
  readonly years?: boolean;
  /**
   * How revenue by year is summarised: "grouped" by case, "paths" one path at a time, or
   * "auto" (default): grouped unless the cases are many. Both give the same percentiles.
   */
  readonly yearMethod?: "auto" | "grouped" | "paths";
}

/** The values (present value of free cash flow) simulated so far, ascending (shared: do not modify). */
export function sortedNpvs(run: RiskRun): Float64Array {
  return state(run).sortedNpv();
}

export interface RunOptions extends SummaryOptions {
  /** Called after each chunk; returning false cancels the run. */
  readonly onProgress?: (done: number, total: number) => boolean | void;
  /** Paths per chunk; default 10,000. */
  readonly chunk?: number;
}

/**
 * Prepares, simulates and summarises a run in one call, reporting progress after each chunk.
 * A progress callback that returns false stops the run: the outcome is then "cancelled".
 */
export function runRisk(input: RiskInput, opts: RunOptions = {}): Result<RiskOutcome> {
  const chunk = opts.chunk ?? DEFAULT_CHUNK;
  if (!Number.isInteger(chunk) || chunk < 1) throw new Error(`chunk must be a whole number of paths, got ${chunk}`);
  const prepared = prepareRisk(input);
  if (!prepared.ok) return prepared;
  const run = prepared.value;
  while (run.done < run.total) {
    stepRisk(run, chunk); // each step advances at least one path, so the loop ends
    if (opts.onProgress && opts.onProgress(run.done, run.total) === false && run.done < run.total) {
      return ok({ status: "cancelled", done: run.done, total: run.total });
    }
  }
  const summary = summariseRisk(run, opts);
  return summary.ok ? ok({ status: "done", summary: summary.value }) : summary;
}
