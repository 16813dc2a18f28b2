/** The revenue mix by year as a site's megawatts move from mining to HPC under the deal. */
import { Result, ok, valueError } from "../result";
import { ScenarioModel, yearRow } from "../scenarioModel";
import { MiningParams, checkRange, validateMiningParams } from "./params";
import { miningPerMw } from "./perMw";

export interface MixRow {
  readonly year: number;
  /** Average MW billable to CoreWeave over the year (the deal's MW-years). */
  readonly hpcMw: number;
  /** Site MW left for mining: site MW - HPC MW x site MW per HPC MW, floor 0. */
  readonly miningMw: number;
  readonly hpcRevenue: number;
  readonly miningRevenue: number;
  readonly hpcGrossProfit: number;
  readonly miningGrossProfit: number;
  /** HPC share of the two revenues; undefined when both are 0. */
  readonly hpcShareOfRevenue: number | undefined;
}

export interface MixOptions {
  /**
   * Site MW one HPC MW of critical IT load takes from mining; default 1 (one for one). The
   * seed's ~100 MW reallocated for 70 MW of HPC capacity implies about 1.43.
   */
  readonly siteMwPerHpcMw?: number;
  /** Years to show, inclusive; default the deal's billing years. */
  readonly first?: number;
  readonly last?: number;
}

/**
 * Revenue mix by calendar year as megawatts move from mining to HPC: HPC MW are the deal's
 * billable MW; mining runs on what is left of `siteMw` at the mining inputs `p` (one hashprice
 * for every year). Mining gross profit can be negative (no curtailment is modelled). MW
 * that stop billing (the contract's tail, years after it) go back to mining: a simplification
 * that shows the counterfactual, not a plan.
 */
export function revenueMix(m: ScenarioModel, siteMw: number, p: MiningParams, opts: MixOptions = {}): Result<MixRow[]> {
  const s = checkRange("site MW", siteMw, 0, 100_000, "a number of MW from 0 to 100,000");
  if (!s.ok) return s;
  const ratio = checkRange("site MW per HPC MW", opts.siteMwPerHpcMw ?? 1, 0, 10, "a number from 0 to 10");
  if (!ratio.ok) return ratio;
  const v = validateMiningParams(p);
  if (!v.ok) return v;
  if (m.years.length === 0 && (opts.first === undefined || opts.last === undefined)) return valueError("the deal bills in no year: give the first and last years");
  const first = opts.first ?? m.years[0].year;
  const last = opts.last ?? m.years[m.years.length - 1].year;
  if (!(Number.isInteger(first) && Number.isInteger(last) && first <= last && last - first <= 200)) {
    return valueError(`the mix years must be whole years, first <= last, at most 200 apart; got ${first} to ${last}`);
  }
  const mine = miningPerMw(p);
  const rows: MixRow[] = [];
  for (let year = first; year <= last; year++) {
    const r = yearRow(m, year);
    const miningMw = Math.max(0, siteMw - r.mwBillable * ratio.value);
    const miningRevenue = miningMw * mine.revenue;
    const total = r.revenue + miningRevenue;
    rows.push({
      year,
      hpcMw: r.mwBillable,
      miningMw,
      hpcRevenue: r.revenue,
      miningRevenue,
      hpcGrossProfit: r.grossProfit,
      miningGrossProfit: miningMw * mine.grossProfit,
      hpcShareOfRevenue: total > 0 ? r.revenue / total : undefined,
    });
  }
  return ok(rows);
}
