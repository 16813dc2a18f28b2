/**
 * The CORZ mining functions: bitcoin mining revenue and a megawatt mining against the same
 * megawatt hosting HPC under the CoreWeave contract. Thin wrappers over src/model/mining/
 * (see functions.ts for the conventions). Mining defaults are sourced: see HASHPRICE_LEVELS().
 */
import { HASHPRICE_LEVELS, MINING_DEFAULTS } from "../model/mining/data";
import { miningParams } from "../model/mining/params";
import { compareMw } from "../model/mining/perMw";
import { miningRevenue } from "../model/mining/units";
import { all, andThen, map, ok } from "../model/result";
import { choiceArg, numberArg } from "./args";
import { cell } from "./errors";
import { modelFor, usd } from "./scenario";

/**
 * Bitcoin mining revenue per year, in USD: hashrate (EH/s) x 1,000 PH/s per EH/s x hashprice x 365 days x uptime.
 * @customfunction MINING_REVENUE
 * @helpurl https://localhost:3000/help/functions/MINING_REVENUE.html
 * @param hashrate_eh Hashrate in EH/s (exahash per second), e.g. 19.1.
 * @param hashprice USD per PH/s per day, e.g. 39.82 (the November 2025 average); see CORZ.HASHPRICE_LEVELS().
 * @param [uptime] Share of the year the miners run, a decimal from 0 to 1; blank = 1 (every hour).
 * @returns Revenue in USD per year.
 */
export function miningRevenueFn(hashrate_eh: any, hashprice: any, uptime?: any): number {
  return cell(() => {
    const args = all(numberArg(hashrate_eh, "hashrate_eh"), numberArg(hashprice, "hashprice"), numberArg(uptime, "uptime", { optional: 1 }));
    return map(andThen(args, ([h, p, u]) => miningRevenue(h, p, u)), usd);
  });
}

/**
 * One megawatt for a year used for bitcoin mining or for HPC hosting under the CoreWeave contract, in USD per MW-year: gross profit (default), revenue or cost. HPC power is passed through and nets out.
 * @customfunction MW_ECONOMICS
 * @helpurl https://localhost:3000/help/functions/MW_ECONOMICS.html
 * @param use "hpc" (the contract's licence fee per MW-year at the licence-fee margin) or "mining" (1 / efficiency EH/s per MW at the hashprice, less power).
 * @param [scenario] "base" (default), "seed", "bull", "bear", or a two-column range of assumption | value overrides; sets the HPC price and margin.
 * @param [hashprice] USD per PH/s per day; blank = 39.82 (Luxor, November 2025 average). Used by "mining".
 * @param [measure] "gross_profit" (default), "revenue" or "cost" (mining: power; HPC: licence-fee cost of revenue).
 * @param [efficiency] Miners' efficiency in J/TH; blank = 26.85 (Core Scientific fleet, March 2024).
 * @param [power_price] Miners' power price in USD/MWh; blank = 40 (Core Scientific fleet average, 2024).
 * @param [uptime] Share of the year the miners run, 0 to 1; blank = 1.
 * @returns USD per MW per year.
 */
export function mwEconomicsFn(use: any, scenario?: any[][], hashprice?: any, measure?: any, efficiency?: any, power_price?: any, uptime?: any): number {
  const d = MINING_DEFAULTS;
  return cell(() => {
    const args = all(
      choiceArg(use, "use", ["hpc", "mining"] as const, undefined, { hosting: "hpc", hpchosting: "hpc", colocation: "hpc", bitcoin: "mining", btc: "mining", bitcoinmining: "mining" }),
      choiceArg(measure, "measure", ["gross_profit", "revenue", "cost"] as const, "gross_profit", { gp: "gross_profit", profit: "gross_profit" }),
      numberArg(hashprice, "hashprice", { optional: d.hashprice.value }),
      numberArg(efficiency, "efficiency", { optional: d.efficiency.value }),
      numberArg(power_price, "power_price", { optional: d.powerPrice.value }),
      numberArg(uptime, "uptime", { optional: d.uptime.value }),
      modelFor(scenario),
    );
    if (!args.ok) return args;
    const [u, ms, hp, ef, pp, up, m] = args.value;
    return map(compareMw(m, miningParams({ hashprice: hp, efficiency: ef, powerPrice: pp, uptime: up })), (c) => {
      const side = u === "hpc" ? c.hpc : c.mining;
      return usd(ms === "gross_profit" ? side.grossProfit : ms === "revenue" ? side.revenue : side.cost);
    });
  });
}

/**
 * Spills the sourced history-like hashprice levels (highs, lows and annual averages) used to show how mining revenue swings.
 * @customfunction HASHPRICE_LEVELS
 * @helpurl https://localhost:3000/help/functions/HASHPRICE_LEVELS.html
 * @returns A table with a header row: level, USD per PH/s per day, period, source and as-of date.
 */
export function hashpriceLevelsFn(): any[][] {
  return cell(() => ok([["Level", "USD per PH/s per day", "Period", "Source", "As of"], ...HASHPRICE_LEVELS.map((l) => [l.label, l.value, l.period, l.source, l.asOf])]));
}
