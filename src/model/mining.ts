/**
 * Bitcoin mining against HPC hosting, per megawatt and by year.
 *
 * Units and conversions (all explicit):
 * - hashrate in EH/s; 1 EH/s = 1,000 PH/s = 1,000,000 TH/s.
 * - hashprice in USD per PH/s per day (Luxor's convention: what 1 PH/s earns in a day).
 * - mining revenue per year = hashrate (EH/s) x 1,000 (PH/s per EH/s) x hashprice x 365 x uptime.
 * - miners' power (MW) = hashrate (TH/s) x efficiency (J/TH) / 1,000,000 (W per MW),
 *   so one MW runs 1 / efficiency EH/s (26.85 J/TH: 0.0372 EH/s = 37.2 PH/s per MW).
 * - power cost per year = MW x 8,760 h x uptime x USD/MWh (the miners' draw; site overhead
 *   such as cooling is not added).
 * - an HPC megawatt (critical IT load) earns the CoreWeave licence fee per MW-year at the
 *   licence-fee margin; its power is passed through to the tenant and nets out of gross profit.
 *
 * Mining inputs have their own sourced defaults below; none is a registry assumption. The
 * mining power price is Core Scientific's own fleet rate, not the scenario's `power_price`
 * (the EIA industrial average used for HPC pass-through, which nets out of HPC gross profit).
 */
import { HOURS_PER_YEAR } from "./margins";
import { Result, numError, ok, valueError } from "./result";
import { ScenarioModel, yearRow } from "./scenarioModel";
import {
  CORZ_MARCH_2024_UPDATE,
  CORZ_Q4_2024,
  CORZ_Q4_2024_CALL,
  HRI_2022_REVIEW,
  HRI_2023_REVIEW,
  HRI_ROUNDUP_2024_12_23,
  LUXOR_LOOKBACK_2025_11,
  cite,
} from "./sources";

export const PH_PER_EH = 1_000;
export const TH_PER_EH = 1_000_000;
export const DAYS_PER_YEAR = 365;

/** A sourced number. */
export interface MiningFigure {
  readonly value: number;
  readonly unit: string;
  /** What the number covers, e.g. "March 2024", "FY2024". */
  readonly period: string;
  readonly source: string;
  /** When the source published it (YYYY-MM-DD or YYYY-MM). */
  readonly asOf: string;
  readonly note?: string;
}

const HRI_2022 = cite(HRI_2022_REVIEW, "2021 average $314.61 and high $412.57; 2022 average $123.88 and low $55.94 per PH/s per day");
const HRI_2023 = cite(HRI_2023_REVIEW, "2023 average $74.73 per PH/s per day");
const HRI_2025_11 = cite(LUXOR_LOOKBACK_2025_11, "November 2025 average $39.82, all-time low $35.06 on 2025-11-22");

/** Defaults for the mining side, each with its source. */
export const MINING_DEFAULTS = {
  hashprice: {
    value: 39.82,
    unit: "USD per PH/s per day",
    period: "November 2025 average",
    source: HRI_2025_11,
    asOf: "2025-12",
    note: "The most recent sourced level; the all-time low that month was $35.06 (2025-11-22).",
  },
  efficiency: {
    value: 26.85,
    unit: "J/TH",
    period: "March 2024",
    source: cite(CORZ_MARCH_2024_UPDATE, "average self-mining fleet efficiency 26.85 J/TH in March 2024"),
    asOf: "2024-04",
    note: "The latest fleet-wide figure found; newer machines (S21 class) are more efficient.",
  },
  powerPrice: {
    value: 40,
    unit: "USD/MWh",
    period: "FY2024",
    source: cite(CORZ_Q4_2024_CALL, "average fleet-wide power rate about $0.040/kWh in 2024 ($0.037 in Q4)"),
    asOf: "2025-02-26",
  },
  uptime: {
    value: 1,
    unit: "rate",
    period: "n/a",
    source: "Modelling judgement (no public figure): every hour of the year, the upper bound; curtailment (e.g. in Texas) lowers it",
    asOf: "2024-11",
  },
} as const satisfies Record<string, MiningFigure>;

/** Reference figures (not used as defaults): Core Scientific's own mining scale. */
export const MINING_REFERENCE = {
  selfMiningHashrate: {
    value: 19.1,
    unit: "EH/s",
    period: "Q4 2024",
    source: cite(CORZ_Q4_2024, "19.1 EH/s self-mining in Q4 2024"),
    asOf: "2025-02-26",
  },
  portfolioMw: {
    value: 1300,
    unit: "MW",
    period: "2024-12-31",
    source: cite(CORZ_Q4_2024, "total portfolio of 1,300 MW of powered infrastructure"),
    asOf: "2025-02-26",
  },
} as const satisfies Record<string, MiningFigure>;

export interface HashpriceLevel extends MiningFigure {
  readonly id: string;
  readonly label: string;
}

/**
 * History-like hashprice levels (USD per PH/s per day), highest first: published highs, lows
 * and annual averages, each with its source. They show the range mining revenue has swung
 * over, not a forecast. Levels before the April 2024 halving were earned with a 6.25 BTC
 * block subsidy, since then 3.125 BTC (and the next halving, around 2028, halves it again).
 */
export const HASHPRICE_LEVELS: readonly HashpriceLevel[] = [
  { id: "2021-high", label: "2021 high", value: 412.57, unit: "USD per PH/s per day", period: "2021", source: HRI_2022, asOf: "2023-01-11" },
  { id: "2021-avg", label: "2021 average", value: 314.61, unit: "USD per PH/s per day", period: "2021", source: HRI_2022, asOf: "2023-01-11" },
  { id: "2022-avg", label: "2022 average", value: 123.88, unit: "USD per PH/s per day", period: "2022", source: HRI_2022, asOf: "2023-01-11" },
  { id: "2023-avg", label: "2023 average", value: 74.73, unit: "USD per PH/s per day", period: "2023", source: HRI_2023, asOf: "2024-01" },
  { id: "2022-low", label: "2022 low (FTX collapse)", value: 55.94, unit: "USD per PH/s per day", period: "2022", source: HRI_2022, asOf: "2023-01-11" },
  {
    id: "2024-12",
    label: "December 2024 spot",
    value: 55.21,
    unit: "USD per PH/s per day",
    period: "2024-12-23",
    source: cite(HRI_ROUNDUP_2024_12_23, "hashprice $55.21 per PH/s per day"),
    asOf: "2024-12-23",
  },
  { id: "2025-11-avg", label: "November 2025 average", value: 39.82, unit: "USD per PH/s per day", period: "November 2025", source: HRI_2025_11, asOf: "2025-12" },
  { id: "2025-11-low", label: "All-time low (2025-11-22)", value: 35.06, unit: "USD per PH/s per day", period: "2025-11-22", source: HRI_2025_11, asOf: "2025-12" },
];

/** The mining inputs. */
export interface MiningParams {
  /** USD per PH/s per day. */
  readonly hashprice: number;
  /** Fleet efficiency, J/TH. */
  readonly efficiency: number;
  /** Power price paid by the miner, USD/MWh. */
  readonly powerPrice: number;
  /** Share of the year the miners run, 0 to 1. */
  readonly uptime: number;
}

/** The sourced defaults, with any of them replaced. */
export function miningParams(over: Partial<MiningParams> = {}): MiningParams {
  return {
    hashprice: over.hashprice ?? MINING_DEFAULTS.hashprice.value,
    efficiency: over.efficiency ?? MINING_DEFAULTS.efficiency.value,
    powerPrice: over.powerPrice ?? MINING_DEFAULTS.powerPrice.value,
    uptime: over.uptime ?? MINING_DEFAULTS.uptime.value,
  };
}

function check(name: string, v: number, lo: number, hi: number, rule: string): Result<number> {
  if (!Number.isFinite(v)) return numError(`${name} is not a finite number`);
  if (v < lo || v > hi) return valueError(`${name} must be ${rule}, got ${v}`);
  return ok(v);
}

/** Checks the mining inputs: `#VALUE!` with the allowed range for a value outside it. */
export function validateMiningParams(p: MiningParams): Result<MiningParams> {
  const checks = [
    check("hashprice", p.hashprice, 0, 1e6, "USD per PH/s per day from 0 to 1,000,000"),
    check("efficiency", p.efficiency, 0.001, 10_000, "J/TH above 0 (up to 10,000)"),
    check("power price", p.powerPrice, 0, 10_000, "USD/MWh from 0 to 10,000"),
    check("uptime", p.uptime, 0, 1, "a decimal from 0 to 1"),
  ];
  for (const c of checks) if (!c.ok) return c;
  return ok(p);
}

/**
 * Mining revenue per year, USD: `hashrate (EH/s) x 1,000 PH/s per EH/s x hashprice x 365 x uptime`.
 * Negative or out-of-range inputs are `#VALUE!`; an overflow is `#NUM!`.
 *
 * @example miningRevenue(1, 50) // 18_250_000 (1 EH/s = 1,000 PH/s x $50 x 365 days)
 * @example miningRevenue(19.1, 39.82, 0.95) // 263_724_873.5 (Core Scientific's Q4 2024 self-mining hashrate at the Nov 2025 average)
 */
export function miningRevenue(hashrateEh: number, hashprice: number, uptime = 1): Result<number> {
  const h = check("hashrate", hashrateEh, 0, 1e6, "EH/s from 0 to 1,000,000");
  if (!h.ok) return h;
  const p = check("hashprice", hashprice, 0, 1e6, "USD per PH/s per day from 0 to 1,000,000");
  if (!p.ok) return p;
  const u = check("uptime", uptime, 0, 1, "a decimal from 0 to 1");
  if (!u.ok) return u;
  return ok(hashrateEh * PH_PER_EH * hashprice * DAYS_PER_YEAR * uptime);
}

/**
 * Power drawn by miners, MW: `hashrate (TH/s) x efficiency (J/TH) / 1,000,000`, i.e. EH/s x J/TH.
 *
 * @example miningPowerMw(1, 26.85) // 26.85 (1 EH/s = 1,000,000 TH/s x 26.85 W per TH/s = 26.85 MW)
 */
export function miningPowerMw(hashrateEh: number, efficiency: number): number {
  return (hashrateEh * TH_PER_EH * efficiency) / 1_000_000;
}

/**
 * Hashrate one MW runs, EH/s: `1,000,000 W / efficiency (J/TH) / 1,000,000 TH/s per EH/s`.
 *
 * @example hashratePerMw(26.85) // 0.037244 EH/s (37.2 PH/s)
 */
export function hashratePerMw(efficiency: number): number {
  return 1_000_000 / efficiency / TH_PER_EH;
}

/**
 * Power cost per year, USD: `MW x 8,760 h x uptime x USD/MWh`.
 *
 * @example powerCost(1, 40) // 350_400
 */
export function powerCost(mw: number, powerPrice: number, uptime = 1): number {
  return mw * HOURS_PER_YEAR * uptime * powerPrice;
}

/**
 * The hashprice at which mining revenue just pays for power, USD per PH/s per day:
 * `efficiency (J/TH) x 1,000 TH/s per PH/s x 24 h / 1,000,000 W per MW x USD/MWh`
 * = `efficiency x 0.024 x USD/MWh`. Uptime cancels out.
 *
 * @example breakevenHashprice(26.85, 40) // 25.776
 */
export function breakevenHashprice(efficiency: number, powerPrice: number): number {
  return efficiency * 0.024 * powerPrice;
}

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

export interface VolatilityRow {
  readonly id: string;
  readonly label: string;
  readonly hashprice: number;
  readonly miningRevenue: number;
  readonly miningGrossProfit: number;
  /** Contracted HPC licence fee per MW-year, the same in every row. */
  readonly hpcRevenue: number;
  readonly hpcGrossProfit: number;
  /** Mining gross profit less HPC gross profit, per MW-year, USD. */
  readonly miningLessHpc: number;
}

export interface Volatility {
  readonly rows: readonly VolatilityRow[];
  readonly miningGrossProfitLow: number;
  readonly miningGrossProfitHigh: number;
  /** Levels at which a mining MW out-earns the HPC MW. */
  readonly levelsAboveHpc: number;
}

/**
 * Revenue and gross profit of a mining MW over a set of hashprice levels (default: the
 * sourced history-like levels) against the contracted HPC MW. Other mining inputs from `p`.
 */
export function mwVolatility(m: ScenarioModel, p: MiningParams, levels: readonly { id: string; label: string; value: number }[] = HASHPRICE_LEVELS): Result<Volatility> {
  if (levels.length === 0) return valueError("give at least one hashprice level");
  const rows: VolatilityRow[] = [];
  for (const level of levels) {
    const c = compareMw(m, { ...p, hashprice: level.value });
    if (!c.ok) return valueError(`hashprice level "${level.label}": ${c.error.message}`);
    rows.push({
      id: level.id,
      label: level.label,
      hashprice: level.value,
      miningRevenue: c.value.mining.revenue,
      miningGrossProfit: c.value.mining.grossProfit,
      hpcRevenue: c.value.hpc.revenue,
      hpcGrossProfit: c.value.hpc.grossProfit,
      miningLessHpc: -c.value.hpcAdvantage,
    });
  }
  const gp = rows.map((r) => r.miningGrossProfit);
  return ok({
    rows,
    miningGrossProfitLow: Math.min(...gp),
    miningGrossProfitHigh: Math.max(...gp),
    levelsAboveHpc: rows.filter((r) => r.miningLessHpc > 0).length,
  });
}

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
  const s = check("site MW", siteMw, 0, 100_000, "a number of MW from 0 to 100,000");
  if (!s.ok) return s;
  const ratio = check("site MW per HPC MW", opts.siteMwPerHpcMw ?? 1, 0, 10, "a number from 0 to 10");
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
