/** A mining megawatt over the hashprice levels it has earned, against the contracted HPC megawatt. */
import { Result, ok, valueError } from "../result";
import { ScenarioModel } from "../scenarioModel";
import { HASHPRICE_LEVELS } from "./data";
import { MiningParams } from "./params";
import { compareMw } from "./perMw";

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
