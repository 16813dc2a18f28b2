/**
 * The Mining vs HPC sheet: a megawatt mining bitcoin against the same megawatt under the
 * CoreWeave contract, the mining margin across history-like hashprices, and the revenue mix
 * as megawatts move from mining to HPC.
 */
import { HASHPRICE_LEVELS, MINING_DEFAULTS, MINING_REFERENCE } from "../model/mining/data";
import { MiningParams } from "../model/mining/params";
import { absCell, cell, columnLetter, sheetRef } from "./a1";
import { DEAL_ROWS, DealLayout } from "./deal";
import { COL, FORMATS, ROW, SheetNames, TEXT_FORMAT } from "./layout";
import { SheetBuilder, periodCells } from "./sheet";
import { CellContent, SheetPlan } from "./types";

export interface MiningOptions extends MiningParams {
  /** Powered site MW shared between mining and HPC. */
  readonly siteMw: number;
}

export const DEFAULT_MINING_OPTIONS: MiningOptions = {
  hashprice: MINING_DEFAULTS.hashprice.value,
  efficiency: MINING_DEFAULTS.efficiency.value,
  powerPrice: MINING_DEFAULTS.powerPrice.value,
  uptime: MINING_DEFAULTS.uptime.value,
  siteMw: MINING_REFERENCE.portfolioMw.value,
};

/** Rows of the sheet's blocks. */
export const MINING_ROWS = {
  inputs: 5, // hashprice, efficiency, power price, uptime, site MW
  constants: 11, // watts per MW, TH per PH, days, hours
  perMwHeader: 16,
  perMw: 17, // hashrate, revenue, cost, gross profit, margin
  advantage: 22,
  breakeven: 23,
  matchHpc: 24,
  levelsHeader: 26,
  levels: 27,
} as const;

export const PER_MW_ROWS = { hashrate: 0, revenue: 1, cost: 2, grossProfit: 3, margin: 4 } as const;
export const MIX_ROWS = { timeline: 0, hpcMw: 1, miningMw: 2, hpcRevenue: 3, miningRevenue: 4, hpcGrossProfit: 5, miningGrossProfit: 6, hpcShare: 7 } as const;

export interface MiningLayout {
  readonly sheet: SheetPlan;
  readonly mixRow: number;
}

export function buildMining(names: SheetNames, deal: DealLayout, opts: MiningOptions, masterCheck: string): MiningLayout {
  const b = new SheetBuilder("mining", names.mining, "#7F6000");
  const M = MINING_ROWS;
  b.block("title", ROW.title, 1, "title", [["CORZ — Mining vs HPC: one megawatt two ways, and the revenue mix"]]);
  b.block("check", ROW.check, 1, "check", [[masterCheck]]);
  b.block("notice", 3, 1, "note", [["Bitcoin mining revenue moves with the hashprice; HPC hosting earns the contract price. Blue cells are inputs with their sources."]]);
  const inputs: [string, string, number, string][] = [
    ["Hashprice", "USD per PH/s per day", opts.hashprice, `${MINING_DEFAULTS.hashprice.period}: ${MINING_DEFAULTS.hashprice.source} (as of ${MINING_DEFAULTS.hashprice.asOf})`],
    ["Fleet efficiency", "J/TH", opts.efficiency, `${MINING_DEFAULTS.efficiency.source} (as of ${MINING_DEFAULTS.efficiency.asOf})`],
    ["Mining power price", "USD/MWh", opts.powerPrice, `${MINING_DEFAULTS.powerPrice.source} (as of ${MINING_DEFAULTS.powerPrice.asOf})`],
    ["Uptime", "rate", opts.uptime, MINING_DEFAULTS.uptime.source],
    ["Powered site MW shared by mining and HPC", "MW", opts.siteMw, `${MINING_REFERENCE.portfolioMw.source} (as of ${MINING_REFERENCE.portfolioMw.asOf})`],
  ];
  b.block("inputs.labels", M.inputs, 1, "label", inputs.map(([l, u]) => [l, u]));
  b.block("inputs", M.inputs, 3, "input", inputs.map(([, , v]) => [v]), { rows: ["hashprice", "efficiency", "powerPrice", "uptime", "siteMw"], cols: ["value"] });
  const srcs = b.block("inputs.sources", M.inputs, 4, "note", inputs.map(([, , , s]) => [s]));
  b.format(srcs, { numberFormat: TEXT_FORMAT });
  const inp = (i: number) => absCell(M.inputs + i, 3);
  const [hashprice, efficiency, power, uptime, siteMw] = [0, 1, 2, 3, 4].map(inp);
  b.format(`${cell(M.inputs, 3)}:${cell(M.inputs + 2, 3)}`, { numberFormat: "#,##0.00" });
  b.format(cell(M.inputs + 3, 3), { numberFormat: FORMATS.pct });
  b.format(cell(M.inputs + 4, 3), { numberFormat: FORMATS.mw });
  b.block("constants", M.constants, 1, "input", [
    ["Watts per MW", "W", 1_000_000],
    ["TH per PH", "TH", 1_000],
    ["Days per year", "days", 365],
    ["Hours per year (365 x 24)", "hours", 8760],
  ]);
  b.format(`${cell(M.constants, 3)}:${cell(M.constants + 3, 3)}`, { numberFormat: FORMATS.int });
  const [watts, thPerPh, days, hours] = [0, 1, 2, 3].map((i) => absCell(M.constants + i, 3));

  const live = deal.blockRows[0];
  const dealC = (off: number) => sheetRef(names.deal, absCell(live + off, COL.constant));
  b.block("perMw.header", M.perMwHeader, 1, "header", [["Per MW-year", "unit", "Mining", "HPC (CoreWeave contract, live scenario)"]]);
  const P = (off: number, c: number) => absCell(M.perMw + off, c);
  b.block("perMw.labels", M.perMw, 1, "label", [
    ["Hashrate per MW", "PH/s"],
    ["Revenue", "USD"],
    ["Cost (mining: power; HPC: licence cost, power passed through)", "USD"],
    ["Gross profit", "USD"],
    ["Gross margin", "rate"],
  ]);
  b.block("perMw.mining", M.perMw, 3, "calc", [
    [`=${watts}/${efficiency}/${thPerPh}`],
    [`=${P(PER_MW_ROWS.hashrate, 3)}*${hashprice}*${days}*${uptime}`],
    [`=${hours}*${uptime}*${power}`],
    [`=${P(PER_MW_ROWS.revenue, 3)}-${P(PER_MW_ROWS.cost, 3)}`],
    [`=IF(${P(PER_MW_ROWS.revenue, 3)}>0,${P(PER_MW_ROWS.grossProfit, 3)}/${P(PER_MW_ROWS.revenue, 3)},"")`],
  ]);
  b.block("perMw.hpc", M.perMw, 4, "link", [
    [null],
    [`=${dealC(DEAL_ROWS.avgPrice)}`],
    [`=${P(PER_MW_ROWS.revenue, 4)}*(1-${dealC(DEAL_ROWS.margin)})`],
    [`=${P(PER_MW_ROWS.revenue, 4)}-${P(PER_MW_ROWS.cost, 4)}`],
    [`=IF(${P(PER_MW_ROWS.revenue, 4)}>0,${P(PER_MW_ROWS.grossProfit, 4)}/${P(PER_MW_ROWS.revenue, 4)},"")`],
  ]);
  b.format(`${cell(M.perMw, 3)}:${cell(M.perMw, 4)}`, { numberFormat: "0.00" });
  b.format(`${cell(M.perMw + 1, 3)}:${cell(M.perMw + 3, 4)}`, { numberFormat: FORMATS.usdM2 });
  b.format(`${cell(M.perMw + 4, 3)}:${cell(M.perMw + 4, 4)}`, { numberFormat: FORMATS.pct });
  const perHashprice = `(${P(PER_MW_ROWS.hashrate, 3)}*${days}*${uptime})`;
  b.block("perMw.summary", M.advantage, 1, "calc", [
    ["HPC gross profit above mining, per MW-year", "USD", `=${P(PER_MW_ROWS.grossProfit, 4)}-${P(PER_MW_ROWS.grossProfit, 3)}`],
    ["Hashprice at which mining covers its power", "USD/PH/day", `=IF(${perHashprice}>0,${P(PER_MW_ROWS.cost, 3)}/${perHashprice},"")`],
    ["Hashprice at which mining matches HPC gross profit", "USD/PH/day", `=IF(${perHashprice}>0,(${P(PER_MW_ROWS.grossProfit, 4)}+${P(PER_MW_ROWS.cost, 3)})/${perHashprice},"")`],
  ]);
  b.format(cell(M.advantage, 3), { numberFormat: FORMATS.usdM2 });
  b.format(`${cell(M.breakeven, 3)}:${cell(M.matchHpc, 3)}`, { numberFormat: "#,##0.00" });

  // Volatility: the same megawatt across history-like hashprices.
  b.block("levels.header", M.levelsHeader, 1, "header", [["Hashprice level (history)", "USD/PH/day", "Mining revenue per MW", "Mining gross profit per MW", "HPC gross profit per MW", "Mining less HPC", "Source"]]);
  b.block("levels.labels", M.levels, 1, "label", HASHPRICE_LEVELS.map((l) => [l.label]));
  b.block("levels.values", M.levels, 2, "input", HASHPRICE_LEVELS.map((l) => [l.value]), { rows: HASHPRICE_LEVELS.map((l) => l.id), cols: ["hashprice"] });
  b.block(
    "levels",
    M.levels,
    3,
    "calc",
    HASHPRICE_LEVELS.map((_, i) => {
      const r = M.levels + i;
      const hp = absCell(r, 2);
      return [
        `=${P(PER_MW_ROWS.hashrate, 3)}*${hp}*${days}*${uptime}`,
        `=${cell(r, 3)}-${P(PER_MW_ROWS.cost, 3)}`,
        `=${P(PER_MW_ROWS.grossProfit, 4)}`,
        `=${cell(r, 4)}-${cell(r, 5)}`,
      ];
    }),
  );
  const lsrc = b.block("levels.sources", M.levels, 7, "note", HASHPRICE_LEVELS.map((l) => [`${l.period}: ${l.source} (as of ${l.asOf})`]));
  b.format(lsrc, { numberFormat: TEXT_FORMAT });
  const lastLevel = M.levels + HASHPRICE_LEVELS.length - 1;
  b.format(`${cell(M.levels, 2)}:${cell(lastLevel, 2)}`, { numberFormat: "#,##0.00" });
  b.format(`${cell(M.levels, 3)}:${cell(lastLevel, 6)}`, { numberFormat: FORMATS.usdM2 });

  // The revenue mix by year on the Deal sheet's timeline.
  const t0 = lastLevel + 3;
  const lastCol = deal.lastCol;
  const at = (off: number, c: number) => cell(t0 + off, c);
  b.timeline("mix.timeline", t0, deal.firstYear, deal.years, "Total");
  const period = (off: number, label: string, unit: string, total: boolean, f: (c: number) => string): CellContent[] =>
    periodCells(t0 + off, deal.years, label, unit, total, f);
  const dealRow = (off: number, c: number) => sheetRef(names.deal, cell(live + off, c));
  b.block("mix", t0 + MIX_ROWS.hpcMw, 1, "calc", [
    period(MIX_ROWS.hpcMw, "HPC MW billable (average, live scenario)", "MW", false, (c) => `=${dealRow(DEAL_ROWS.mwTotal, c)}`),
    period(MIX_ROWS.miningMw, "Mining MW (the rest of the site)", "MW", false, (c) => `=MAX(0,${siteMw}-${at(MIX_ROWS.hpcMw, c)})`),
    period(MIX_ROWS.hpcRevenue, "HPC revenue (licence fee)", "USD", true, (c) => `=${dealRow(DEAL_ROWS.revenue, c)}`),
    period(MIX_ROWS.miningRevenue, "Mining revenue at the hashprice above", "USD", true, (c) => `=${at(MIX_ROWS.miningMw, c)}*${P(PER_MW_ROWS.revenue, 3)}`),
    period(MIX_ROWS.hpcGrossProfit, "HPC gross profit", "USD", true, (c) => `=${dealRow(DEAL_ROWS.grossProfit, c)}`),
    period(MIX_ROWS.miningGrossProfit, "Mining gross profit", "USD", true, (c) => `=${at(MIX_ROWS.miningMw, c)}*${P(PER_MW_ROWS.grossProfit, 3)}`),
    period(MIX_ROWS.hpcShare, "HPC share of revenue", "rate", false, (c) => `=IF(${at(MIX_ROWS.hpcRevenue, c)}+${at(MIX_ROWS.miningRevenue, c)}>0,${at(MIX_ROWS.hpcRevenue, c)}/(${at(MIX_ROWS.hpcRevenue, c)}+${at(MIX_ROWS.miningRevenue, c)}),"")`),
  ]);
  b.format(`${cell(t0 + MIX_ROWS.hpcMw, COL.firstPeriod)}:${cell(t0 + MIX_ROWS.miningMw, lastCol)}`, { numberFormat: FORMATS.mw });
  b.format(`${cell(t0 + MIX_ROWS.hpcRevenue, COL.total)}:${cell(t0 + MIX_ROWS.miningGrossProfit, lastCol)}`, { numberFormat: FORMATS.usdM });
  b.format(`${cell(t0 + MIX_ROWS.hpcShare, COL.firstPeriod)}:${cell(t0 + MIX_ROWS.hpcShare, lastCol)}`, { numberFormat: FORMATS.pct });
  const years = `${cell(t0, COL.firstPeriod)}:${cell(t0, lastCol)}`;
  b.chart({
    id: "mining.mix",
    type: "ColumnClustered",
    title: "Revenue mix: HPC hosting vs bitcoin mining (USD, live scenario)",
    categories: { name: "Year", sheet: names.mining, range: years },
    series: [
      { name: "HPC revenue", sheet: names.mining, range: `${cell(t0 + MIX_ROWS.hpcRevenue, COL.firstPeriod)}:${cell(t0 + MIX_ROWS.hpcRevenue, lastCol)}` },
      { name: "Mining revenue", sheet: names.mining, range: `${cell(t0 + MIX_ROWS.miningRevenue, COL.firstPeriod)}:${cell(t0 + MIX_ROWS.miningRevenue, lastCol)}` },
    ],
    anchor: { from: cell(t0 + MIX_ROWS.hpcShare + 3, 1), to: cell(t0 + MIX_ROWS.hpcShare + 22, 4) },
  });
  b.columnWidths([
    { column: "A", width: 52 },
    { column: "B", width: 18 },
    { column: "C", width: 16 },
    { column: "D", width: 16 },
    ...Array.from({ length: deal.years }, (_, i) => ({ column: columnLetter(COL.firstPeriod + i), width: 11 })),
  ]);
  b.freeze(3, 1);
  return { sheet: b.build(), mixRow: t0 };
}
