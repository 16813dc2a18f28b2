/**
 * The Mining vs HPC sheet: a megawatt mining bitcoin against the same megawatt under the
 * CoreWeave contract, the mining margin across history-like hashprices, and the revenue mix
 * as megawatts move from mining to HPC.
 */
import { HASHPRICE_LEVELS, MINING_DEFAULTS, MINING_REFERENCE } from "../model/mining/data";
import { MiningParams } from "../model/mining/params";
import { absCell, cell, sheetRef } from "./a1";
import { DEAL_ROWS, DealLayout } from "./deal";
import { COL, FORMATS, ROW, SheetNames, TEXT_FORMAT, consecutive } from "./layout";
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

/** The inputs' rows, in their order on the sheet (the input block's row keys). */
const INPUT_ROWS = consecutive(["hashprice", "efficiency", "powerPrice", "uptime", "siteMw"] as const, 0);
/** The fixed constants' rows, in their order on the sheet. */
const CONSTANT_ROWS = consecutive(["watts", "thPerPh", "days", "hours"] as const, 0);
export const PER_MW_ROWS = consecutive(["hashrate", "revenue", "cost", "grossProfit", "margin"] as const, 0);
export const MIX_ROWS = consecutive(["timeline", "hpcMw", "miningMw", "hpcRevenue", "miningRevenue", "hpcGrossProfit", "miningGrossProfit", "hpcShare"] as const, 0);

/** Rows of the sheet's blocks, in their order on the sheet. */
export const MINING_ROWS = consecutive(
  [
    "notice",
    null,
    ["inputs", Object.keys(INPUT_ROWS).length],
    null,
    ["constants", Object.keys(CONSTANT_ROWS).length],
    null,
    "perMwHeader",
    ["perMw", Object.keys(PER_MW_ROWS).length],
    "advantage",
    "breakeven",
    "matchHpc",
    null,
    "levelsHeader",
    "levels", // one row per hashprice level
  ] as const,
  3,
);

/** Columns of the inputs and constants: label, unit, value, source. */
const VALUE_COL = 3;
const SOURCE_COL = 4;
/** Columns of the per-MW block: mining beside HPC. */
const MINING_COL = 3;
const HPC_COL = 4;

/** Columns of the hashprice levels, in their order on the sheet. */
const LEVEL_COLS = consecutive(["label", "hashprice", "miningRevenue", "miningProfit", "hpcProfit", "difference", "source"] as const, 1);

/** An input's cell. */
function inputCell(key: keyof typeof INPUT_ROWS): string {
  return absCell(MINING_ROWS.inputs + INPUT_ROWS[key], VALUE_COL);
}

/** A fixed constant's cell. */
function constantCell(key: keyof typeof CONSTANT_ROWS): string {
  return absCell(MINING_ROWS.constants + CONSTANT_ROWS[key], VALUE_COL);
}

/** A cell of the per-MW block: a row of PER_MW_ROWS, mining's column or HPC's. */
function perMwCell(offset: number, col: number): string {
  return absCell(MINING_ROWS.perMw + offset, col);
}

export interface MiningLayout {
  readonly sheet: SheetPlan;
  readonly mixRow: number;
}

export function buildMining(names: SheetNames, deal: DealLayout, opts: MiningOptions, masterCheck: string): MiningLayout {
  const sheet = new SheetBuilder("mining", names.mining, "#7F6000");
  sheet.block("title", ROW.title, 1, "title", [["CORZ — Mining vs HPC: one megawatt two ways, and the revenue mix"]]);
  sheet.block("check", ROW.check, 1, "check", [[masterCheck]]);
  sheet.block("notice", MINING_ROWS.notice, 1, "note", [["Bitcoin mining revenue moves with the hashprice; HPC hosting earns the contract price. Blue cells are inputs with their sources."]]);
  inputRows(sheet, opts);
  constantRows(sheet);
  perMwRows(sheet, (offset) => sheetRef(names.deal, absCell(deal.blockRows[0] + offset, COL.constant)));
  const mixRow = levelRows(sheet) + 3;
  mixRows(sheet, names, deal, mixRow);
  sheet.periodColumnWidths([52, 18, 16, 16], deal.years, 11);
  sheet.freeze(MINING_ROWS.notice, 1);
  return { sheet: sheet.build(), mixRow };
}

/** The inputs (blue) with their sources. */
function inputRows(sheet: SheetBuilder, opts: MiningOptions): void {
  const row = MINING_ROWS.inputs;
  const inputs: [string, string, number, string][] = [
    ["Hashprice", "USD per PH/s per day", opts.hashprice, `${MINING_DEFAULTS.hashprice.period}: ${MINING_DEFAULTS.hashprice.source} (as of ${MINING_DEFAULTS.hashprice.asOf})`],
    ["Fleet efficiency", "J/TH", opts.efficiency, `${MINING_DEFAULTS.efficiency.source} (as of ${MINING_DEFAULTS.efficiency.asOf})`],
    ["Mining power price", "USD/MWh", opts.powerPrice, `${MINING_DEFAULTS.powerPrice.source} (as of ${MINING_DEFAULTS.powerPrice.asOf})`],
    ["Uptime", "rate", opts.uptime, MINING_DEFAULTS.uptime.source],
    ["Powered site MW shared by mining and HPC", "MW", opts.siteMw, `${MINING_REFERENCE.portfolioMw.source} (as of ${MINING_REFERENCE.portfolioMw.asOf})`],
  ];
  sheet.block("inputs.labels", row, 1, "label", inputs.map(([label, unit]) => [label, unit]));
  sheet.block("inputs", row, VALUE_COL, "input", inputs.map(([, , value]) => [value]), { rows: Object.keys(INPUT_ROWS), cols: ["value"] });
  const sources = sheet.block("inputs.sources", row, SOURCE_COL, "note", inputs.map(([, , , source]) => [source]));
  sheet.format(sources, { numberFormat: TEXT_FORMAT });
  const valueCell = (key: keyof typeof INPUT_ROWS) => cell(row + INPUT_ROWS[key], VALUE_COL);
  sheet.format(`${valueCell("hashprice")}:${valueCell("powerPrice")}`, { numberFormat: "#,##0.00" });
  sheet.format(valueCell("uptime"), { numberFormat: FORMATS.pct });
  sheet.format(valueCell("siteMw"), { numberFormat: FORMATS.mw });
}

/** Unit conversions, as constants on the sheet rather than inside formulas. */
function constantRows(sheet: SheetBuilder): void {
  const row = MINING_ROWS.constants;
  sheet.block("constants", row, 1, "input", [
    ["Watts per MW", "W", 1_000_000],
    ["TH per PH", "TH", 1_000],
    ["Days per year", "days", 365],
    ["Hours per year (365 x 24)", "hours", 8760],
  ]);
  sheet.format(`${cell(row, VALUE_COL)}:${cell(row + CONSTANT_ROWS.hours, VALUE_COL)}`, { numberFormat: FORMATS.int });
}

/** One MW a year mining against the same MW under the contract (the live Deal block's constants through `dealConstant`), and the hashprices that make them equal. */
function perMwRows(sheet: SheetBuilder, dealConstant: (offset: number) => string): void {
  const row = MINING_ROWS.perMw;
  const [days, uptime] = [constantCell("days"), inputCell("uptime")];
  /** Gross profit and margin from the revenue and cost rows in a column. */
  const profitRows = (col: number) => [
    [`=${perMwCell(PER_MW_ROWS.revenue, col)}-${perMwCell(PER_MW_ROWS.cost, col)}`],
    [`=IF(${perMwCell(PER_MW_ROWS.revenue, col)}>0,${perMwCell(PER_MW_ROWS.grossProfit, col)}/${perMwCell(PER_MW_ROWS.revenue, col)},"")`],
  ];
  sheet.block("perMw.header", MINING_ROWS.perMwHeader, 1, "header", [["Per MW-year", "unit", "Mining", "HPC (CoreWeave contract, live scenario)"]]);
  sheet.block("perMw.labels", row, 1, "label", [
    ["Hashrate per MW", "PH/s"],
    ["Revenue", "USD"],
    ["Cost (mining: power; HPC: licence cost, power passed through)", "USD"],
    ["Gross profit", "USD"],
    ["Gross margin", "rate"],
  ]);
  sheet.block("perMw.mining", row, MINING_COL, "calc", [
    [`=${constantCell("watts")}/${inputCell("efficiency")}/${constantCell("thPerPh")}`],
    [`=${perMwCell(PER_MW_ROWS.hashrate, MINING_COL)}*${inputCell("hashprice")}*${days}*${uptime}`],
    [`=${constantCell("hours")}*${uptime}*${inputCell("powerPrice")}`],
    ...profitRows(MINING_COL),
  ]);
  sheet.block("perMw.hpc", row, HPC_COL, "link", [
    [null],
    [`=${dealConstant(DEAL_ROWS.avgPrice)}`],
    [`=${perMwCell(PER_MW_ROWS.revenue, HPC_COL)}*(1-${dealConstant(DEAL_ROWS.margin)})`],
    ...profitRows(HPC_COL),
  ]);
  const both = (offset: number, to: number = offset) => `${cell(row + offset, MINING_COL)}:${cell(row + to, HPC_COL)}`;
  sheet.format(both(PER_MW_ROWS.hashrate), { numberFormat: "0.00" });
  sheet.format(both(PER_MW_ROWS.revenue, PER_MW_ROWS.grossProfit), { numberFormat: FORMATS.usdM2 });
  sheet.format(both(PER_MW_ROWS.margin), { numberFormat: FORMATS.pct });
  const perHashprice = `(${perMwCell(PER_MW_ROWS.hashrate, MINING_COL)}*${days}*${uptime})`;
  const miningCost = perMwCell(PER_MW_ROWS.cost, MINING_COL);
  const hpcProfit = perMwCell(PER_MW_ROWS.grossProfit, HPC_COL);
  sheet.block("perMw.summary", MINING_ROWS.advantage, 1, "calc", [
    ["HPC gross profit above mining, per MW-year", "USD", `=${hpcProfit}-${perMwCell(PER_MW_ROWS.grossProfit, MINING_COL)}`],
    ["Hashprice at which mining covers its power", "USD/PH/day", `=IF(${perHashprice}>0,${miningCost}/${perHashprice},"")`],
    ["Hashprice at which mining matches HPC gross profit", "USD/PH/day", `=IF(${perHashprice}>0,(${hpcProfit}+${miningCost})/${perHashprice},"")`],
  ]);
  sheet.format(cell(MINING_ROWS.advantage, VALUE_COL), { numberFormat: FORMATS.usdM2 });
  sheet.format(`${cell(MINING_ROWS.breakeven, VALUE_COL)}:${cell(MINING_ROWS.matchHpc, VALUE_COL)}`, { numberFormat: "#,##0.00" });
}

/** Volatility: the same megawatt across history-like hashprices. Returns the last level's row. */
function levelRows(sheet: SheetBuilder): number {
  const cols = LEVEL_COLS;
  const first = MINING_ROWS.levels;
  const last = first + HASHPRICE_LEVELS.length - 1;
  sheet.block("levels.header", MINING_ROWS.levelsHeader, 1, "header", [
    ["Hashprice level (history)", "USD/PH/day", "Mining revenue per MW", "Mining gross profit per MW", "HPC gross profit per MW", "Mining less HPC", "Source"],
  ]);
  sheet.block("levels.labels", first, cols.label, "label", HASHPRICE_LEVELS.map((l) => [l.label]));
  sheet.block("levels.values", first, cols.hashprice, "input", HASHPRICE_LEVELS.map((l) => [l.value]), { rows: HASHPRICE_LEVELS.map((l) => l.id), cols: ["hashprice"] });
  sheet.block(
    "levels",
    first,
    cols.miningRevenue,
    "calc",
    HASHPRICE_LEVELS.map((_, i) => {
      const row = first + i;
      return [
        `=${perMwCell(PER_MW_ROWS.hashrate, MINING_COL)}*${absCell(row, cols.hashprice)}*${constantCell("days")}*${inputCell("uptime")}`,
        `=${cell(row, cols.miningRevenue)}-${perMwCell(PER_MW_ROWS.cost, MINING_COL)}`,
        `=${perMwCell(PER_MW_ROWS.grossProfit, HPC_COL)}`,
        `=${cell(row, cols.miningProfit)}-${cell(row, cols.hpcProfit)}`,
      ];
    }),
  );
  const sources = sheet.block("levels.sources", first, cols.source, "note", HASHPRICE_LEVELS.map((l) => [`${l.period}: ${l.source} (as of ${l.asOf})`]));
  sheet.format(sources, { numberFormat: TEXT_FORMAT });
  sheet.format(`${cell(first, cols.hashprice)}:${cell(last, cols.hashprice)}`, { numberFormat: "#,##0.00" });
  sheet.format(`${cell(first, cols.miningRevenue)}:${cell(last, cols.difference)}`, { numberFormat: FORMATS.usdM2 });
  return last;
}

/** The revenue mix by year on the Deal sheet's timeline, and its chart. */
function mixRows(sheet: SheetBuilder, names: SheetNames, deal: DealLayout, top: number): void {
  const lastCol = deal.lastCol;
  const live = deal.blockRows[0];
  const at = (offset: number) => (c: number) => cell(top + offset, c);
  const period = (offset: number, label: string, unit: string, total: boolean, f: (c: number) => string): CellContent[] => periodCells(top + offset, deal.years, label, unit, total, f);
  const dealAt = (offset: number) => (c: number) => sheetRef(names.deal, cell(live + offset, c));
  const [miningMw, hpcRevenue, miningRevenue] = [at(MIX_ROWS.miningMw), at(MIX_ROWS.hpcRevenue), at(MIX_ROWS.miningRevenue)];
  sheet.timeline("mix.timeline", top, deal.firstYear, deal.years, "Total");
  sheet.block("mix", top + MIX_ROWS.hpcMw, 1, "calc", [
    period(MIX_ROWS.hpcMw, "HPC MW billable (average, live scenario)", "MW", false, (c) => `=${dealAt(DEAL_ROWS.mwTotal)(c)}`),
    period(MIX_ROWS.miningMw, "Mining MW (the rest of the site)", "MW", false, (c) => `=MAX(0,${inputCell("siteMw")}-${at(MIX_ROWS.hpcMw)(c)})`),
    period(MIX_ROWS.hpcRevenue, "HPC revenue (licence fee)", "USD", true, (c) => `=${dealAt(DEAL_ROWS.revenue)(c)}`),
    period(MIX_ROWS.miningRevenue, "Mining revenue at the hashprice above", "USD", true, (c) => `=${miningMw(c)}*${perMwCell(PER_MW_ROWS.revenue, MINING_COL)}`),
    period(MIX_ROWS.hpcGrossProfit, "HPC gross profit", "USD", true, (c) => `=${dealAt(DEAL_ROWS.grossProfit)(c)}`),
    period(MIX_ROWS.miningGrossProfit, "Mining gross profit", "USD", true, (c) => `=${miningMw(c)}*${perMwCell(PER_MW_ROWS.grossProfit, MINING_COL)}`),
    period(MIX_ROWS.hpcShare, "HPC share of revenue", "rate", false, (c) =>
      `=IF(${hpcRevenue(c)}+${miningRevenue(c)}>0,${hpcRevenue(c)}/(${hpcRevenue(c)}+${miningRevenue(c)}),"")`,
    ),
  ]);
  sheet.format(`${cell(top + MIX_ROWS.hpcMw, COL.firstPeriod)}:${cell(top + MIX_ROWS.miningMw, lastCol)}`, { numberFormat: FORMATS.mw });
  sheet.format(`${cell(top + MIX_ROWS.hpcRevenue, COL.total)}:${cell(top + MIX_ROWS.miningGrossProfit, lastCol)}`, { numberFormat: FORMATS.usdM });
  sheet.format(`${cell(top + MIX_ROWS.hpcShare, COL.firstPeriod)}:${cell(top + MIX_ROWS.hpcShare, lastCol)}`, { numberFormat: FORMATS.pct });
  sheet.periodChart({
    id: "mining.mix",
    type: "ColumnClustered",
    title: "Revenue mix: HPC hosting vs bitcoin mining (USD, live scenario)",
    timelineRow: top,
    lastCol,
    series: [
      { name: "HPC revenue", row: top + MIX_ROWS.hpcRevenue },
      { name: "Mining revenue", row: top + MIX_ROWS.miningRevenue },
    ],
    belowRow: top + MIX_ROWS.hpcShare,
  });
}
