/**
 * Customer concentration of HPC hosting revenue, by calendar year: the CoreWeave contracts
 * (contracted) against a pipeline of prospects (probability-weighted), CoreWeave's share, the
 * top-3 share and the Herfindahl–Hirschman index.
 *
 * Units: revenue in USD (licence fee; pass-through power is left out, as in the deal model);
 * shares and the HHI as decimals from 0 to 1. The HHI is the sum of squared shares with shares
 * as fractions, so one customer gives 1 and n equal customers give 1/n. Competition authorities
 * quote it on a 0-10,000 scale (shares in percent): multiply by 10,000 (the US merger
 * guidelines of 2023 call above 1,800 "highly concentrated").
 *
 * The HHI here is the HHI of expected revenue (each prospect at its probability-weighted
 * revenue), not the expected HHI over the ways the pipeline could turn out.
 */
import { normaliseName } from "../names";
import { Result, fail, numError, ok, valueError } from "../result";
import { ScenarioModel, capacitySchedule, yearRow } from "../scenarioModel";
import { PipelineRow } from "./data";

/** The name the CoreWeave contracts go under; a pipeline row with this name adds to CoreWeave. */
export const COREWEAVE = "CoreWeave";

/** A list of revenues or shares as a range gives it: blanks (null, undefined) are skipped. */
export type MaybeNumbers = ReadonlyArray<number | null | undefined>;

/**
 * Each value as a share of their sum. Blanks are skipped (and get no share); negatives are
 * `#VALUE!`, non-finite values `#NUM!`, and a set with nothing above zero `#DIV/0!`.
 * Values are scaled by the largest before summing, so huge revenues (1e308) cannot overflow.
 *
 * @example shares([50, 30, 20]).value[0] // 0.5 (the first of 0.5, 0.3, 0.2)
 */
export function shares(values: MaybeNumbers): Result<number[]> {
  const xs: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    if (!Number.isFinite(v)) return numError(`value ${i + 1} is not a finite number`);
    if (v < 0) return valueError(`values must not be negative (revenues or shares), got ${v} at item ${i + 1}`);
    xs.push(v);
  }
  const max = xs.reduce((a, b) => Math.max(a, b), 0);
  if (max === 0) return fail("div0", "no value above zero to take shares of");
  const scaled = xs.map((x) => x / max);
  const sum = scaled.reduce((a, b) => a + b, 0);
  return ok(scaled.map((x) => x / sum));
}

/**
 * Herfindahl–Hirschman index: the sum of squared shares, shares as fractions (0 to 1).
 * Accepts revenues or shares alike (they are divided by their sum first); blanks are skipped.
 * Errors as `shares`.
 *
 * @example hhi([0.5, 0.3, 0.2]) // 0.38 (= 0.25 + 0.09 + 0.04)
 * @example hhi([725e6]) // 1 (a single customer)
 * @example hhi([1, 1, 1, 1]) // 0.25 (four equal customers: 1/n)
 */
export function hhi(values: MaybeNumbers): Result<number> {
  const s = shares(values);
  return s.ok ? ok(s.value.reduce((a, x) => a + x * x, 0)) : s;
}

/**
 * Share of the `n` largest values in the total (1 when there are `n` or fewer).
 *
 * @example topShare([10, 40, 30, 20], 3) // 0.9
 */
export function topShare(values: MaybeNumbers, n: number): Result<number> {
  if (!Number.isInteger(n) || n < 1) throw new Error(`topShare needs a whole n >= 1, got ${n}`);
  const s = shares(values);
  if (!s.ok) return s;
  const sorted = [...s.value].sort((a, b) => b - a);
  return ok(Math.min(1, sorted.slice(0, n).reduce((a, x) => a + x, 0)));
}

/**
 * Fraction of calendar year `year` inside a term of `termYears` years that starts at
 * `startYear` (a whole year starts on 1 January; 2028.5 is about 1 July): the overlap of
 * [start, start + term) with [year, year + 1). Whole start years and terms give 0 or 1.
 *
 * @example yearFractionInTerm(2028, 5, 2032) // 1
 * @example yearFractionInTerm(2028.5, 5, 2033) // 0.5 (the term ends about 1 July 2033)
 */
export function yearFractionInTerm(startYear: number, termYears: number, year: number): number {
  const from = Math.max(startYear, year);
  const to = Math.min(startYear + termYears, year + 1);
  return Math.max(0, to - from);
}

/**
 * A prospect's revenue in a calendar year, USD: `MW x price x fraction of the year in its term`,
 * times its probability when `weighted` (the default). Flat price: no escalator.
 *
 * @example prospectRevenue({ prospect: "x", category: "ai-labs", mw: 100, pricePerMwYear: 1_450_000, startYear: 2028, termYears: 5, probability: 0.5, basis: "" }, 2029) // 72_500_000 (100 x 1.45M x 1 x 0.5)
 */
export function prospectRevenue(row: PipelineRow, year: number, weighted = true): number {
  const base = row.mw * row.pricePerMwYear * yearFractionInTerm(row.startYear, row.termYears, year);
  return weighted ? base * row.probability : base;
}

/**
 * The pipeline's revenue in a calendar year, USD: every prospect's `prospectRevenue`, weighted
 * by its probability when `weighted` (the default). 0 in a year no prospect bills.
 *
 * @example pipelineRevenue([{ prospect: "x", category: "ai-labs", mw: 100, pricePerMwYear: 1_450_000, startYear: 2028, termYears: 5, probability: 0.5, basis: "" }], 2029, false) // 145_000_000 (100 x 1.45M x 1)
 */
export function pipelineRevenue(pipeline: readonly PipelineRow[], year: number, weighted = true): number {
  return pipeline.reduce((a, r) => a + prospectRevenue(r, year, weighted), 0);
}

/** Checks every pipeline row; the first bad field is `#VALUE!` naming the row and field. */
export function validatePipeline(rows: readonly PipelineRow[]): Result<readonly PipelineRow[]> {
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const at = `pipeline row ${i + 1}${r.prospect ? ` (${r.prospect})` : ""}`;
    const bad = (field: string, rule: string, v: unknown) => valueError<readonly PipelineRow[]>(`${at}: ${field} must be ${rule}, got ${String(v)}`);
    if (typeof r.prospect !== "string" || r.prospect.trim() === "") return bad("prospect", "a name", r.prospect);
    if (!(Number.isFinite(r.mw) && r.mw >= 0 && r.mw <= 100_000)) return bad("MW", "a number from 0 to 100,000", r.mw);
    if (!(Number.isFinite(r.pricePerMwYear) && r.pricePerMwYear >= 0 && r.pricePerMwYear <= 1e9)) {
      return bad("price per MW-year", "a number of USD from 0 to 1,000,000,000", r.pricePerMwYear);
    }
    if (!(Number.isFinite(r.startYear) && r.startYear >= 1900 && r.startYear < 10000)) return bad("start year", "a calendar year from 1900 to 9999", r.startYear);
    if (!(Number.isFinite(r.termYears) && r.termYears > 0 && r.termYears <= 100)) return bad("term", "a number of years above 0, up to 100", r.termYears);
    if (!(Number.isFinite(r.probability) && r.probability >= 0 && r.probability <= 1)) return bad("probability", "a decimal from 0 to 1", r.probability);
  }
  return ok(rows);
}

export interface ConcentrationRow {
  readonly year: number;
  /** CoreWeave contract licence revenue, USD. */
  readonly contracted: number;
  /** Pipeline revenue weighted by each prospect's probability, USD. */
  readonly pipelineWeighted: number;
  /** Pipeline revenue if every prospect signs, USD. */
  readonly pipelineUnweighted: number;
  /** Expected HPC revenue: contracted + weighted pipeline, USD. */
  readonly hpcRevenue: number;
  /** CoreWeave's share of expected HPC revenue (its contracts plus any pipeline row named CoreWeave); undefined with no revenue. */
  readonly coreWeaveShare: number | undefined;
  /** CoreWeave's share if every prospect signs. */
  readonly coreWeaveShareAllWon: number | undefined;
  /** Share of the three largest customers in expected revenue. */
  readonly top3Share: number | undefined;
  /** HHI of expected revenue by customer, 0 to 1. */
  readonly hhi: number | undefined;
  /** Customers with expected revenue above zero (CoreWeave counts once). */
  readonly customers: number;
  /** Average MW of pipeline prospects in their term during the year (unweighted). */
  readonly pipelineMw: number;
  /** The same, weighted by probability. */
  readonly pipelineMwWeighted: number;
  /** Pipeline MW of uncontracted, sourced sites (gross power as stated): room for the prospects. */
  readonly uncontractedMw: number;
}

/** Expected revenue by customer in a year: CoreWeave first, then prospects by name (names folded). */
export function revenueByCustomer(m: ScenarioModel, pipeline: readonly PipelineRow[], year: number, weighted = true): Map<string, { name: string; revenue: number }> {
  const out = new Map<string, { name: string; revenue: number }>();
  out.set(normaliseName(COREWEAVE), { name: COREWEAVE, revenue: yearRow(m, year).revenue });
  for (const row of pipeline) {
    const key = normaliseName(row.prospect);
    const hit = out.get(key) ?? { name: row.prospect.trim(), revenue: 0 };
    out.set(key, { name: hit.name, revenue: hit.revenue + prospectRevenue(row, year, weighted) });
  }
  return out;
}

function shareOr(values: number[], f: (xs: number[]) => Result<number>): number | undefined {
  const r = f(values);
  return r.ok ? r.value : undefined;
}

/**
 * Concentration in one calendar year for a scenario and a (validated) pipeline. Years
 * outside the deal and the pipeline have no revenue and undefined shares.
 */
export function concentrationYear(m: ScenarioModel, pipeline: readonly PipelineRow[], year: number): ConcentrationRow {
  const contracted = yearRow(m, year).revenue;
  const expected = revenueByCustomer(m, pipeline, year, true);
  const allWon = revenueByCustomer(m, pipeline, year, false);
  const cwKey = normaliseName(COREWEAVE);
  const pipelineWeighted = pipelineRevenue(pipeline, year, true);
  const pipelineUnweighted = pipelineRevenue(pipeline, year, false);
  const revenues = [...expected.values()].map((c) => c.revenue);
  const total = revenues.reduce((a, b) => a + b, 0);
  const totalAllWon = [...allWon.values()].reduce((a, c) => a + c.revenue, 0);
  const fraction = (r: PipelineRow) => yearFractionInTerm(r.startYear, r.termYears, year);
  const capacity = capacitySchedule(m, year, year)[0];
  return {
    year,
    contracted,
    pipelineWeighted,
    pipelineUnweighted,
    hpcRevenue: contracted + pipelineWeighted,
    coreWeaveShare: total > 0 ? expected.get(cwKey)!.revenue / total : undefined,
    coreWeaveShareAllWon: totalAllWon > 0 ? allWon.get(cwKey)!.revenue / totalAllWon : undefined,
    top3Share: shareOr(revenues, (xs) => topShare(xs, 3)),
    hhi: shareOr(revenues, hhi),
    customers: revenues.filter((r) => r > 0).length,
    pipelineMw: pipeline.reduce((a, r) => a + r.mw * fraction(r), 0),
    pipelineMwWeighted: pipeline.reduce((a, r) => a + r.mw * fraction(r) * r.probability, 0),
    uncontractedMw: capacity.pipelineMw,
  };
}

/** What CORZ.CONCENTRATION measures: CoreWeave's share, its share if every prospect signs, the top three's share, or the HHI. */
export const CONCENTRATION_MEASURES = ["coreweave", "coreweave_all_won", "top3", "hhi"] as const;
export type ConcentrationMeasure = (typeof CONCENTRATION_MEASURES)[number];

const MEASURE_FIELD: Readonly<Record<ConcentrationMeasure, "coreWeaveShare" | "coreWeaveShareAllWon" | "top3Share" | "hhi">> = {
  coreweave: "coreWeaveShare",
  coreweave_all_won: "coreWeaveShareAllWon",
  top3: "top3Share",
  hhi: "hhi",
};

/** One measure of concentration in a calendar year, a decimal from 0 to 1; `#DIV/0!` in a year with no HPC revenue. */
export function concentrationMeasure(m: ScenarioModel, pipeline: readonly PipelineRow[], year: number, measure: ConcentrationMeasure): Result<number> {
  const v = concentrationYear(m, pipeline, year)[MEASURE_FIELD[measure]];
  return v === undefined ? fail("div0", `no HPC revenue in ${year}`) : ok(v);
}

/** First and last calendar years with contracted or pipeline revenue (the deal's years if the pipeline is empty). */
export function concentrationYears(m: ScenarioModel, pipeline: readonly PipelineRow[]): { first: number; last: number } {
  const dealYears = m.years.map((r) => r.year);
  const active = pipeline.filter((r) => r.mw > 0 && r.pricePerMwYear > 0);
  const first = Math.min(...dealYears, ...active.map((r) => Math.floor(r.startYear)));
  const last = Math.max(...dealYears, ...active.map((r) => Math.ceil(r.startYear + r.termYears) - 1));
  return { first, last };
}

/** Concentration by calendar year over the deal and the pipeline. Bad pipeline rows are `#VALUE!`. */
export function concentrationPath(m: ScenarioModel, pipeline: readonly PipelineRow[]): Result<ConcentrationRow[]> {
  const valid = validatePipeline(pipeline);
  if (!valid.ok) return valid;
  const { first, last } = concentrationYears(m, pipeline);
  const rows: ConcentrationRow[] = [];
  for (let y = first; y <= last; y++) rows.push(concentrationYear(m, pipeline, y));
  return ok(rows);
}
