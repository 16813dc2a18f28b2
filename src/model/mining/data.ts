/**
 * The mining side's sourced figures: the defaults of the mining inputs, Core Scientific's own
 * mining scale for reference, and history-like hashprice levels. Each figure carries its value,
 * unit, period, source and as-of date.
 *
 * None is a registry assumption. The mining power price is Core Scientific's own fleet rate, not
 * the scenario's `power_price` (the EIA industrial average used for HPC pass-through, which nets
 * out of HPC gross profit).
 */
import {
  CORZ_MARCH_2024_UPDATE,
  CORZ_Q4_2024,
  CORZ_Q4_2024_CALL,
  HRI_2022_REVIEW,
  HRI_2023_REVIEW,
  HRI_ROUNDUP_2024_12_23,
  LUXOR_LOOKBACK_2025_11,
  cite,
} from "../sources";

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
