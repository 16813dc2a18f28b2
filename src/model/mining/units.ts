/**
 * Bitcoin mining's units and the conversions between them.
 *
 * - hashrate in EH/s; 1 EH/s = 1,000 PH/s = 1,000,000 TH/s.
 * - hashprice in USD per PH/s per day (Luxor's convention: what 1 PH/s earns in a day).
 * - mining revenue per year = hashrate (EH/s) x 1,000 (PH/s per EH/s) x hashprice x 365 x uptime.
 * - miners' power (MW) = hashrate (TH/s) x efficiency (J/TH) / 1,000,000 (W per MW),
 *   so one MW runs 1 / efficiency EH/s (26.85 J/TH: 0.0372 EH/s = 37.2 PH/s per MW).
 * - power cost per year = MW x 8,760 h x uptime x USD/MWh (the miners' draw; site overhead
 *   such as cooling is not added).
 */
import { HOURS_PER_YEAR } from "../margins";
import { Result, ok } from "../result";
import { checkRange } from "./params";

export const PH_PER_EH = 1_000;
export const TH_PER_EH = 1_000_000;
export const DAYS_PER_YEAR = 365;

/**
 * Mining revenue per year, USD: `hashrate (EH/s) x 1,000 PH/s per EH/s x hashprice x 365 x uptime`.
 * Negative or out-of-range inputs are `#VALUE!`; an overflow is `#NUM!`.
 *
 * @example miningRevenue(1, 50) // 18_250_000 (1 EH/s = 1,000 PH/s x $50 x 365 days)
 * @example miningRevenue(19.1, 39.82, 0.95) // 263_724_873.5 (Core Scientific's Q4 2024 self-mining hashrate at the Nov 2025 average)
 */
export function miningRevenue(hashrateEh: number, hashprice: number, uptime = 1): Result<number> {
  const h = checkRange("hashrate", hashrateEh, 0, 1e6, "EH/s from 0 to 1,000,000");
  if (!h.ok) return h;
  const p = checkRange("hashprice", hashprice, 0, 1e6, "USD per PH/s per day from 0 to 1,000,000");
  if (!p.ok) return p;
  const u = checkRange("uptime", uptime, 0, 1, "a decimal from 0 to 1");
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
