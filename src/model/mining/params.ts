/** The mining inputs (hashprice, fleet efficiency, power price, uptime): their sourced defaults and their checks. */
import { Result, numError, ok, valueError } from "../result";
import { MINING_DEFAULTS } from "./data";

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

/** `v` when finite and from `lo` to `hi`: `#NUM!` when not finite, else `#VALUE!` saying the rule. */
export function checkRange(name: string, v: number, lo: number, hi: number, rule: string): Result<number> {
  if (!Number.isFinite(v)) return numError(`${name} is not a finite number`);
  if (v < lo || v > hi) return valueError(`${name} must be ${rule}, got ${v}`);
  return ok(v);
}

/** Checks the mining inputs: `#VALUE!` with the allowed range for a value outside it. */
export function validateMiningParams(p: MiningParams): Result<MiningParams> {
  const checks = [
    checkRange("hashprice", p.hashprice, 0, 1e6, "USD per PH/s per day from 0 to 1,000,000"),
    checkRange("efficiency", p.efficiency, 0.001, 10_000, "J/TH above 0 (up to 10,000)"),
    checkRange("power price", p.powerPrice, 0, 10_000, "USD/MWh from 0 to 10,000"),
    checkRange("uptime", p.uptime, 0, 1, "a decimal from 0 to 1"),
  ];
  for (const c of checks) if (!c.ok) return c;
  return ok(p);
}
