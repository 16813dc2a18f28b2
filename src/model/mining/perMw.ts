/**
 * One megawatt for a year, mining against hosting HPC. A mining MW earns the hashprice on the
 * hashrate it runs and pays for its power; an HPC megawatt (critical IT load) earns the
 * CoreWeave licence fee per MW-year at the licence-fee margin, its power passed through to the
 * tenant and netting out of gross profit.
 */
import { Result, ok } from "../result";
import { ScenarioModel } from "../scenarioModel";
import { MiningParams, validateMiningParams } from "./params";
import { DAYS_PER_YEAR, PH_PER_EH, breakevenHashprice, hashratePerMw, powerCost } from "./units";

export interface MwYear {
  /** Revenue per MW-year, USD (HPC: licence fee). */
  readonly revenue: number;
  /** Cost in gross profit per MW-year, USD (mining: power; HPC: licence-fee cost of revenue). */
  readonly cost: number;
  /** Gross profit per MW-year, USD. */
  readonly grossProfit: number;
  /** Gross profit / revenue; undefined with no revenue (or too little for a finite ratio). */
  readonly margin: number | undefined;
}

export interface MiningMwYear extends MwYear {
  /** Hashrate one MW runs, EH/s. */
  readonly hashrateEh: number;
  /** Power cost per MW-year, USD (the same as `cost`). */
  readonly powerCost: number;
  /** Hashprice that only covers power, USD per PH/s per day. */
  readonly breakevenHashprice: number;
}

/** a / b when b > 0 and the quotient is finite (a revenue of 1e-320 gives no margin, not -Infinity). */
function ratio(a: number, b: number): number | undefined {
  const q = a / b;
  return b > 0 && Number.isFinite(q) ? q : undefined;
}

/**
 * One megawatt of miners for a year: its hashrate from the fleet efficiency, revenue at the
 * hashprice, power at the power price, both at the uptime.
 *
 * @example miningPerMw(miningParams({ hashprice: 50, efficiency: 20, powerPrice: 40 })).grossProfit // 562_100 (912,500 revenue - 350,400 power)
 */
export function miningPerMw(p: MiningParams): MiningMwYear {
  const hashrateEh = hashratePerMw(p.efficiency);
  const revenue = hashrateEh * PH_PER_EH * p.hashprice * DAYS_PER_YEAR * p.uptime;
  const cost = powerCost(1, p.powerPrice, p.uptime);
  return {
    hashrateEh,
    revenue,
    cost,
    powerCost: cost,
    grossProfit: revenue - cost,
    margin: ratio(revenue - cost, revenue),
    breakevenHashprice: breakevenHashprice(p.efficiency, p.powerPrice),
  };
}

export interface HpcMwYear extends MwYear {
  /** Power passed through to the tenant per MW-year, USD: in reported revenue and cost, not in gross profit. */
  readonly passThroughPower: number;
}

/**
 * One megawatt of critical IT load under the CoreWeave contract for a year (at full run-rate):
 * the licence fee per MW-year at the licence-fee margin.
 *
 * @example hpcPerMw({ pricePerMwYear: 1_450_000, licenceMargin: 0.775, marginBridge: { powerPerMwYear: 1_101_447.36 } }).grossProfit // 1_123_750
 */
export function hpcPerMw(m: Pick<ScenarioModel, "pricePerMwYear" | "licenceMargin"> & { marginBridge: { powerPerMwYear: number } }): HpcMwYear {
  const revenue = m.pricePerMwYear;
  const grossProfit = revenue * m.licenceMargin;
  return {
    revenue,
    cost: revenue - grossProfit,
    grossProfit,
    margin: revenue > 0 ? m.licenceMargin : undefined,
    passThroughPower: m.marginBridge.powerPerMwYear,
  };
}

export interface MwComparison {
  readonly mining: MiningMwYear;
  readonly hpc: HpcMwYear;
  /** HPC gross profit less mining gross profit, per MW-year, USD. */
  readonly hpcAdvantage: number;
  /** The hashprice at which a mining MW earns the HPC MW's gross profit; undefined when uptime is 0 (or too small for a finite answer). */
  readonly hpcEquivalentHashprice: number | undefined;
}

/**
 * A megawatt mining against the same megawatt hosting HPC. Bad mining inputs are `#VALUE!`.
 * The MW are compared one for one; a converted mining site yields fewer MW of critical IT load
 * (the seed's ~100 MW reallocated from mining added 70 MW of HPC capacity).
 */
export function compareMw(m: ScenarioModel, p: MiningParams): Result<MwComparison> {
  const v = validateMiningParams(p);
  if (!v.ok) return v;
  const mining = miningPerMw(p);
  const hpc = hpcPerMw(m);
  // Revenue per unit of hashprice, USD per year per (USD per PH/s per day).
  const perHashprice = hashratePerMw(p.efficiency) * PH_PER_EH * DAYS_PER_YEAR * p.uptime;
  const equivalent = (hpc.grossProfit + mining.powerCost) / perHashprice;
  return ok({
    mining,
    hpc,
    hpcAdvantage: hpc.grossProfit - mining.grossProfit,
    hpcEquivalentHashprice: perHashprice > 0 && Number.isFinite(equivalent) ? equivalent : undefined,
  });
}
