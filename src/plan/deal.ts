/**
 * The Deal sheet: one block per scenario (the live one first), years across, one formula
 * per row copied across. The formulas are the model's (src/model/deal.ts, ramp.ts) written
 * natively (the tranche formulas in formulas.ts), so the sheet recalculates without the add-in:
 *
 * - billable MW in year Y = MW * (G(Y+1-s) - G(Y-s) - G(Y+1-s-N) + G(Y-s-N)), where G is the
 *   integral of the linear ramp of length r starting at s (decimal year), N the years billed;
 * - revenue in year Y = MW * p1 * SUMPRODUCT over contract years k of the price index
 *   (1+e)^(k-1) * (1 + q if k > term), 0 after the years billed (a row of each block), times
 *   (G(Y+2-s-k) - 2 G(Y+1-s-k) + G(Y-s-k));
 * - the same revenue and billable MW-years over any window [a, b] (the valuation date to its
 *   year end; each reported quarter), as the model's trancheRevenue and trancheMwYears.
 *
 * The tranches are the data's (TRANCHE_DATA): one group of constant rows and one period row
 * each, however many there are. Below the NPV, "Reported vs model" puts the reported quarters
 * across the period columns: what Core Scientific reported beside the model on the same basis
 * (the model's reportedVsModel).
 */
import { BUILT_DECIMALS, TRANCHE_IDS } from "../model/assumptions";
import { contractedLineLabel } from "../model/capacity";
import { TRANCHE_COUNT } from "../model/deal";
import { REPORTED_QUARTERS, citeFigure } from "../model/record";
import { RECONCILE_STEPS, SEED_TO_BASE_SOURCES } from "../model/reconcile";
import { absCell, cell } from "./a1";
import { Terms, TrancheCells, decimalYear, delayedDate, gArray, overContractYears, windowMwYears, windowRevenue } from "./formulas";
import { InputsLayout } from "./inputs";
import { COL, COLOURS, FORMATS, MAX_CONTRACT_YEARS, ROW, TEXT_FORMAT, consecutive } from "./layout";
import { ScenarioBlock, ScenarioSheetArgs, SheetBuilder, constantRange, periodCells, scenarioBlockAt } from "./sheet";
import { CellContent, SheetPlan } from "./types";

/** Offsets inside a tranche's constant rows. */
export const TRANCHE_ROWS = consecutive(["mw", "value", "planned", "start", "decimalStart", "ramp", "price", "valueWithRenewals"] as const, 0);
/** Rows per tranche. */
export const TRANCHE_HEIGHT = Object.keys(TRANCHE_ROWS).length;

/** The label of tranche `i` (0-based) on the sheet, from the data: "CoreWeave tranche 1: initial contracts". */
export function trancheLabel(i: number): string {
  return contractedLineLabel(TRANCHE_IDS[i]);
}

/** The reported quarters, oldest first, one per period column of the "Reported vs model" rows. */
export const DEAL_QUARTERS = REPORTED_QUARTERS;

/**
 * Row offsets inside a Deal block, in the order of the rows on the sheet; every count of tranches
 * follows the data (TRANCHE_COUNT). `height` is the row after the block and the blank row below it.
 */
export const DEAL_ROWS = consecutive(
  [
    "header",
    "term",
    "renewals",
    "renewalYears",
    "yearsBilled",
    "escalator",
    "repricing",
    "delay",
    "delayAfter",
    "margin",
    "pue",
    "powerPrice",
    "loadFactor",
    "hours",
    "rate",
    "valuationDate",
    ["tranche0", TRANCHE_HEIGHT * TRANCHE_COUNT], // TRANCHE_ROWS for each tranche
    "contractedMw",
    "initialValue",
    "tcv",
    "avgPrice",
    "priceIndex",
    ["since0", TRANCHE_COUNT], // per tranche: years since its billing start
    ["mw0", TRANCHE_COUNT], // per tranche: billable MW
    "mwTotal",
    ["rev0", TRANCHE_COUNT], // per tranche: revenue
    "revenue",
    "pricePerMw",
    "power",
    "reportedRevenue",
    "licenceCost",
    "reportedCost",
    "grossProfit",
    "licenceMargin",
    "reportedMargin",
    "valuationTime", // constant: the valuation date as a decimal year
    "revenueFromValuation", // constant: revenue from the valuation date to the end of its year
    "counted",
    "discountFactor",
    "discounted",
    "npv",
    ["fromValuation0", TRANCHE_COUNT], // constant per tranche: revenue from the valuation date to the end of its year
    ["unitPv0", TRANCHE_COUNT], // constant per tranche: its licence revenue's present value per USD of contract value (the model's reconcile.ts unitPv)
    null,
    // "Reported vs model", one blank row below the NPV: quarters across.
    "reportedHeader",
    "monthsPerQuarter", // constant
    "quarterLabel",
    "quarterYear", // the record's year and quarter, then its reported revenue and source (constants)
    "quarterNumber",
    "quarterStart",
    "quarterEnd",
    "reported",
    "reportedSource",
    ["licence0", TRANCHE_COUNT], // per tranche: licence revenue in the quarter
    "quarterLicence",
    "quarterMwYears",
    "otherColocation", // constant linked from Inputs, shown in every quarter
    "powerShare", // constant linked from Inputs
    "quarterPower",
    "modelReported",
    "variance",
    "varianceRate",
    null,
    "height",
  ] as const,
  0,
);

/** The row offset of a tranche's field (tranche `i` 0-based). */
export function trancheRow(i: number, field: number): number {
  return DEAL_ROWS.tranche0 + TRANCHE_HEIGHT * i + field;
}

/**
 * The seed-to-base walk below the scenario blocks (the model's reconcile.ts): a header, a row of
 * column titles, the starting scenario, the four steps, the ending scenario, and a check that the
 * end is the ending block's own NPV.
 */
export const WALK_ROWS = consecutive(["header", "titles", "from", "newTranches", "schedule", "price", "margin", "to", "check"] as const, 0);

/** Which two scenario blocks the walk goes between (block indices: 0 is the live block). */
export interface DealWalk {
  readonly from: number;
  readonly to: number;
}

/** The first row of the walk, below `blocks` scenario blocks. */
export function walkRow(blocks: number): number {
  return ROW.firstBlock + blocks * DEAL_ROWS.height;
}

export interface DealLayout {
  readonly sheet: SheetPlan;
  /** First row of each scenario's block (index 0 = live). */
  readonly blockRows: readonly number[];
  readonly firstYear: number;
  readonly years: number;
  readonly lastCol: number;
}

/** The column of the last contract year k. */
const LAST_CONTRACT_YEAR_COL = COL.firstPeriod + MAX_CONTRACT_YEARS - 1;
/** The contract-year index k across the sheet (row ROW.index), absolute. */
const CONTRACT_YEARS = `${absCell(ROW.index, COL.firstPeriod)}:${absCell(ROW.index, LAST_CONTRACT_YEAR_COL)}`;
/** The column of the last reported quarter in the "Reported vs model" rows. */
const LAST_QUARTER_COL = COL.firstPeriod + DEAL_QUARTERS.length - 1;

export function buildDeal(...[names, inputs, labels, firstYear, years, masterCheck, walk]: [...ScenarioSheetArgs, walk?: DealWalk]): DealLayout {
  const sheet = new SheetBuilder("deal", names.deal, "#548235");
  const lastCol = COL.firstPeriod + years - 1;
  headerRows(sheet, firstYear, years, masterCheck);
  const blockRows = inputs.columns.map((col, j) => {
    const block = dealBlock(inputs, col, j, years);
    scenarioBlock(sheet, block, labels[j]);
    return block.firstRow;
  });
  if (walk !== undefined) walkRows(sheet, walk, walkRow(inputs.columns.length));
  sheet.periodColumnWidths([52, 8, 13, 13], Math.max(years, MAX_CONTRACT_YEARS, DEAL_QUARTERS.length), 10);
  sheet.freeze(ROW.timeline, COL.total);
  return { sheet: sheet.build(), blockRows, firstYear, years, lastCol };
}

/** Title, master check, the contract-year index k and the timeline. */
function headerRows(sheet: SheetBuilder, firstYear: number, years: number, masterCheck: string): void {
  sheet.block("title", ROW.title, 1, "title", [["CORZ — Deal: CoreWeave hosting revenue, margins and NPV by calendar year (USD)"]]);
  sheet.block("check", ROW.check, 1, "check", [[masterCheck]]);
  sheet.block("index.label", ROW.index, 1, "label", [["Contract year index k (used by the revenue formulas)", "k"]]);
  sheet.block("index", ROW.index, COL.firstPeriod, "calc", [
    Array.from({ length: MAX_CONTRACT_YEARS }, (_, i) => (i === 0 ? 1 : `=${cell(ROW.index, COL.firstPeriod + i - 1)}+1`)),
  ]);
  sheet.timeline("timeline", ROW.timeline, firstYear, years, "Total");
  sheet.format(`${cell(ROW.index, COL.firstPeriod)}:${cell(ROW.index, LAST_CONTRACT_YEAR_COL)}`, { numberFormat: FORMATS.int, fontColor: "#808080" });
}

/** One scenario's block on the Deal sheet and the cells its formulas share. */
interface DealBlock extends ScenarioBlock {
  readonly years: number;
  readonly lastCol: number;
  /** Tranche i's constant cell of a field (i 0-based; field from TRANCHE_ROWS). */
  readonly trancheCell: (i: number, field: number) => string;
  readonly tranches: readonly TrancheCells[];
  readonly terms: Terms;
  /** Pass-through power for MW-years in a cell: MW-years x load x PUE x hours x price (margins.ts powerPassThrough). */
  readonly powerOf: (mwYears: string) => string;
}

function dealBlock(inputs: InputsLayout, col: number, j: number, years: number): DealBlock {
  const block = scenarioBlockAt(j, ROW.firstBlock + j * DEAL_ROWS.height, (key) => inputs.ref(key, col));
  const { rowOf, constantCell } = block;
  const trancheCell = (i: number, field: number) => absCell(rowOf(trancheRow(i, field)), COL.constant);
  return {
    ...block,
    years,
    lastCol: COL.firstPeriod + years - 1,
    trancheCell,
    tranches: TRANCHE_IDS.map((_, i) => ({
      mw: trancheCell(i, TRANCHE_ROWS.mw),
      price: trancheCell(i, TRANCHE_ROWS.price),
      start: trancheCell(i, TRANCHE_ROWS.decimalStart),
      ramp: trancheCell(i, TRANCHE_ROWS.ramp),
    })),
    terms: {
      contractYear: CONTRACT_YEARS,
      priceIndex: `${absCell(rowOf(DEAL_ROWS.priceIndex), COL.firstPeriod)}:${absCell(rowOf(DEAL_ROWS.priceIndex), LAST_CONTRACT_YEAR_COL)}`,
      yearsBilled: constantCell(DEAL_ROWS.yearsBilled),
    },
    powerOf: (mwYears) =>
      `${mwYears}*${constantCell(DEAL_ROWS.loadFactor)}*${constantCell(DEAL_ROWS.pue)}*${constantCell(DEAL_ROWS.hours)}*${constantCell(DEAL_ROWS.powerPrice)}`,
  };
}

/** A scenario's block, top to bottom. */
function scenarioBlock(sheet: SheetBuilder, block: DealBlock, label: string): void {
  sheet.block(`${block.id}.header`, block.rowOf(DEAL_ROWS.header), 1, "header", [[label, null, null, null]]);
  contractRows(sheet, block);
  TRANCHE_IDS.forEach((key, i) => trancheRows(sheet, block, key, i));
  totalRows(sheet, block);
  yearRows(sheet, block);
  npvRows(sheet, block);
  yearFormats(sheet, block);
  reportedVsModelRows(sheet, block);
}

/** The number format of each contract-term constant. */
const CONTRACT_FORMATS: readonly [offset: number, format: string][] = [
  [DEAL_ROWS.term, FORMATS.int],
  [DEAL_ROWS.renewals, FORMATS.int],
  [DEAL_ROWS.renewalYears, FORMATS.int],
  [DEAL_ROWS.yearsBilled, FORMATS.int],
  [DEAL_ROWS.escalator, FORMATS.pct],
  [DEAL_ROWS.repricing, FORMATS.pct],
  [DEAL_ROWS.delay, FORMATS.int],
  [DEAL_ROWS.delayAfter, FORMATS.date],
  [DEAL_ROWS.margin, FORMATS.pct],
  [DEAL_ROWS.pue, FORMATS.x],
  [DEAL_ROWS.powerPrice, FORMATS.usd],
  [DEAL_ROWS.loadFactor, FORMATS.pct],
  [DEAL_ROWS.hours, FORMATS.int],
  [DEAL_ROWS.rate, FORMATS.pct],
  [DEAL_ROWS.valuationDate, FORMATS.date],
];

/** The contract's terms: constants linked from Inputs (green) and derived (black). */
function contractRows(sheet: SheetBuilder, block: DealBlock): void {
  const { id, rowOf, constantCell, link } = block;
  /** A block of constants linked from Inputs: label, unit, assumption key. */
  const linkBlock = (name: string, offset: number, rows: [label: string, unit: string, key: string][]) =>
    sheet.block(`${id}.${name}`, rowOf(offset), 1, "link", rows.map(([label, unit, key]) => [label, unit, link(key)]));
  linkBlock("links1", DEAL_ROWS.term, [
    ["Term", "years", "term_years"],
    ["Renewal options exercised", "count", "renewal_options"],
    ["Renewal option length", "years", "renewal_term_years"],
  ]);
  sheet.block(`${id}.yearsBilled`, rowOf(DEAL_ROWS.yearsBilled), 1, "calc", [
    ["Years billed per MW (term + renewals)", "years", `=${constantCell(DEAL_ROWS.term)}+${constantCell(DEAL_ROWS.renewals)}*${constantCell(DEAL_ROWS.renewalYears)}`],
  ]);
  linkBlock("links2", DEAL_ROWS.escalator, [
    ["Annual price escalator", "rate", "escalator"],
    ["Price change at renewal", "rate", "renewal_repricing"],
    ["Supply-chain delay", "months", "delay_months"],
    ["Delay applies to starts after", "date", "delay_after"],
    ["Licence-fee gross margin", "rate", "licence_margin"],
    ["Power usage effectiveness", "x", "pue"],
    ["Power price (passed through)", "USD/MWh", "power_price"],
    ["IT load drawn / billable MW", "rate", "load_factor"],
  ]);
  sheet.block(`${id}.hours`, rowOf(DEAL_ROWS.hours), 1, "input", [["Hours per year (365 x 24)", "hours", 8760]]);
  // The discount rate as it is built: reference yield + spread, to 12 decimals as the model keeps it (0.09 + 0.01 is exactly 10%).
  sheet.block(`${id}.rate`, rowOf(DEAL_ROWS.rate), 1, "calc", [
    ["Discount rate (reference yield + spread)", "rate", `=ROUND(${block.inputRef("reference_yield")}+${block.inputRef("discount_spread")},${BUILT_DECIMALS})`],
  ]);
  linkBlock("links3", DEAL_ROWS.valuationDate, [["Valuation date (NPV as of this date)", "date", "valuation_date"]]);
  for (const [offset, numberFormat] of CONTRACT_FORMATS) sheet.format(cell(rowOf(offset), COL.constant), { numberFormat });
}

/** One tranche's constants: MW, value and planned start linked from Inputs; start after delay, ramp, price and value with renewals derived. */
function trancheRows(sheet: SheetBuilder, block: DealBlock, key: string, i: number): void {
  const { constantCell, trancheCell } = block;
  const first = block.rowOf(trancheRow(i, 0));
  const label = trancheLabel(i);
  const planned = trancheCell(i, TRANCHE_ROWS.planned);
  const mw = trancheCell(i, TRANCHE_ROWS.mw);
  const value = trancheCell(i, TRANCHE_ROWS.value);
  const term = constantCell(DEAL_ROWS.term);
  const yearsBilled = constantCell(DEAL_ROWS.yearsBilled);
  const escalator = constantCell(DEAL_ROWS.escalator);
  const repricing = constantCell(DEAL_ROWS.repricing);
  const delay = constantCell(DEAL_ROWS.delay);
  sheet.block(`${block.id}.${key}.links`, first, 1, "link", [
    [`${label}: MW`, "MW", block.link(`${key}_mw`)],
    [`${label}: contract value`, "USD", block.link(`${key}_value`)],
    [`${label}: billing start (planned)`, "date", block.link(`${key}_start`)],
  ]);
  sheet.block(`${block.id}.${key}.calc`, first + TRANCHE_ROWS.start, 1, "calc", [
    [`${label}: billing start (after delay)`, "date", `=${delayedDate(planned, delay, constantCell(DEAL_ROWS.delayAfter))}`],
    [`${label}: billing start (decimal year)`, "year", `=${decimalYear(trancheCell(i, TRANCHE_ROWS.start))}`],
    [`${label}: ramp to full load`, "years", `=${block.inputRef(`${key}_ramp_months`)}/12`],
    [`${label}: price per MW-year, contract year 1`, "USD", `=IF(${mw}>0,${value}/(${mw}*IF(${escalator}=0,${term},((1+${escalator})^${term}-1)/${escalator})),0)`],
    [
      `${label}: value incl. renewal options`,
      "USD",
      `=${value}+${mw}*${trancheCell(i, TRANCHE_ROWS.price)}*(1+${repricing})*IF(${escalator}=0,${yearsBilled}-${term},(1+${escalator})^${term}*((1+${escalator})^(${yearsBilled}-${term})-1)/${escalator})`,
    ],
  ]);
  const formats: [from: number, to: number, numberFormat: string][] = [
    [TRANCHE_ROWS.mw, TRANCHE_ROWS.mw, FORMATS.mw],
    [TRANCHE_ROWS.value, TRANCHE_ROWS.value, FORMATS.usdM],
    [TRANCHE_ROWS.planned, TRANCHE_ROWS.start, FORMATS.date],
    [TRANCHE_ROWS.decimalStart, TRANCHE_ROWS.decimalStart, "0.0000"],
    [TRANCHE_ROWS.ramp, TRANCHE_ROWS.ramp, "0.00"],
    [TRANCHE_ROWS.price, TRANCHE_ROWS.price, FORMATS.usdM2],
    [TRANCHE_ROWS.valueWithRenewals, TRANCHE_ROWS.valueWithRenewals, FORMATS.usdM],
  ];
  for (const [from, to, numberFormat] of formats) sheet.format(constantRange(first + from, first + to), { numberFormat });
}

/** Totals over the tranches and the price schedule by contract year k (row 3) rather than by calendar year. */
function totalRows(sheet: SheetBuilder, block: DealBlock): void {
  const { rowOf, constantCell } = block;
  const trancheSum = (field: number) => `=${TRANCHE_IDS.map((_, i) => block.trancheCell(i, field)).join("+")}`;
  const term = constantCell(DEAL_ROWS.term);
  const escalator = constantCell(DEAL_ROWS.escalator);
  sheet.block(`${block.id}.totals`, rowOf(DEAL_ROWS.contractedMw), 1, "calc", [
    ["MW contracted", "MW", trancheSum(TRANCHE_ROWS.mw)],
    ["TCV: contract value, initial term", "USD", trancheSum(TRANCHE_ROWS.value)],
    ["TCV incl. renewal options (not contracted revenue)", "USD", trancheSum(TRANCHE_ROWS.valueWithRenewals)],
    [
      "Average price per MW-year, initial term",
      "USD",
      `=IF(${constantCell(DEAL_ROWS.contractedMw)}>0,${constantCell(DEAL_ROWS.initialValue)}/(${constantCell(DEAL_ROWS.contractedMw)}*${term}),0)`,
    ],
  ]);
  sheet.format(constantRange(rowOf(DEAL_ROWS.contractedMw), rowOf(DEAL_ROWS.contractedMw)), { numberFormat: FORMATS.mw });
  sheet.format(constantRange(rowOf(DEAL_ROWS.initialValue), rowOf(DEAL_ROWS.tcv)), { numberFormat: FORMATS.usdM });
  sheet.format(constantRange(rowOf(DEAL_ROWS.avgPrice), rowOf(DEAL_ROWS.avgPrice)), { numberFormat: FORMATS.usdM2 });
  sheet.block(`${block.id}.priceIndex`, rowOf(DEAL_ROWS.priceIndex), 1, "calc", [
    [
      "Price index by contract year k (row 3): escalated, x (1 + renewal change) after the term, 0 after the years billed",
      "x year 1",
      null,
      null,
      ...Array.from({ length: MAX_CONTRACT_YEARS }, (_, i) => {
        const k = cell(ROW.index, COL.firstPeriod + i, { row: true });
        return `=(${k}<=${block.terms.yearsBilled})*(1+${escalator})^(${k}-1)*(1+${constantCell(DEAL_ROWS.repricing)}*(${k}>${term}))`;
      }),
    ],
  ]);
  sheet.format(`${cell(rowOf(DEAL_ROWS.priceIndex), COL.firstPeriod)}:${cell(rowOf(DEAL_ROWS.priceIndex), LAST_CONTRACT_YEAR_COL)}`, {
    numberFormat: "0.0000",
    fontColor: "#808080",
  });
}

/** The timeline cell of the year in column `col`, row-absolute. */
function yearCell(col: number): string {
  return cell(ROW.timeline, col, { row: true });
}

/** A period row of the block at `offset`: label, unit, no constant, the row's total (flows only), then the formula for each year. */
function periodRow(block: DealBlock, offset: number, label: string, unit: string, total: boolean, f: (col: number) => string): CellContent[] {
  return periodCells(block.rowOf(offset), block.years, label, unit, total, f);
}

/** Period rows, one formula per row copied across: billable MW and revenue by tranche, then the margins. */
function yearRows(sheet: SheetBuilder, block: DealBlock): void {
  const { cellAt, constantCell, tranches } = block;
  const contractYear = block.terms.contractYear;
  const row = (offset: number, label: string, unit: string, total: boolean, f: (col: number) => string) => periodRow(block, offset, label, unit, total, f);
  /** The sum of a period column over one row per tranche, from `first`. */
  const sumOverTranches = (first: number, c: number) => `=SUM(${cellAt(first, c)}:${cellAt(first + TRANCHE_COUNT - 1, c)})`;
  /** Tranche i's years from billing start to 1 January of the year in column c. */
  const since = (i: number, c: number) => cellAt(DEAL_ROWS.since0 + i, c);
  const revenueShare = (t: TrancheCells, u: string) =>
    `(${gArray(`${u}+2-${contractYear}`, t.ramp)})-2*(${gArray(`${u}+1-${contractYear}`, t.ramp)})+(${gArray(`${u}-${contractYear}`, t.ramp)})`;
  const at = (offset: number) => (c: number) => cellAt(offset, c);
  const revenue = at(DEAL_ROWS.revenue);
  const grossProfit = at(DEAL_ROWS.grossProfit);
  const power = at(DEAL_ROWS.power);
  const licenceCost = at(DEAL_ROWS.licenceCost);
  const mwTotal = at(DEAL_ROWS.mwTotal);
  const reportedRevenue = at(DEAL_ROWS.reportedRevenue);
  const rows: CellContent[][] = [
    ...tranches.map((t, i) => row(DEAL_ROWS.since0 + i, `${trancheLabel(i)}: years from billing start to 1 January`, "years", false, (c) => `=${yearCell(c)}-${t.start}`)),
    ...tranches.map((t, i) =>
      row(DEAL_ROWS.mw0 + i, `${trancheLabel(i)}: billable MW (average over the year)`, "MW", true, (c) => `=${windowMwYears(t, block.terms.yearsBilled, since(i, c), `${since(i, c)}+1`)}`),
    ),
    row(DEAL_ROWS.mwTotal, "Billable MW (average over the year)", "MW", true, (c) => sumOverTranches(DEAL_ROWS.mw0, c)),
    ...tranches.map((t, i) => row(DEAL_ROWS.rev0 + i, `${trancheLabel(i)}: revenue (licence fee)`, "USD", true, (c) => `=${overContractYears(t, block.terms, revenueShare(t, since(i, c)))}`)),
    row(DEAL_ROWS.revenue, "Revenue (licence fee)", "USD", true, (c) => sumOverTranches(DEAL_ROWS.rev0, c)),
    row(DEAL_ROWS.pricePerMw, "Revenue per billable MW-year", "USD", false, (c) => `=IF(${mwTotal(c)}>0,${revenue(c)}/${mwTotal(c)},0)`),
    row(DEAL_ROWS.power, "Pass-through power (MW x load x PUE x hours x price)", "USD", true, (c) => `=${block.powerOf(mwTotal(c))}`),
    row(DEAL_ROWS.reportedRevenue, "Reported revenue (licence fee + power)", "USD", true, (c) => `=${revenue(c)}+${power(c)}`),
    row(DEAL_ROWS.licenceCost, "Cost of the licence fee", "USD", true, (c) => `=${revenue(c)}*(1-${constantCell(DEAL_ROWS.margin)})`),
    row(DEAL_ROWS.reportedCost, "Reported cost of revenue (cost + power)", "USD", true, (c) => `=${licenceCost(c)}+${power(c)}`),
    row(DEAL_ROWS.grossProfit, "Gross profit", "USD", true, (c) => `=${revenue(c)}-${licenceCost(c)}`),
    row(DEAL_ROWS.licenceMargin, "Licence-fee gross margin", "rate", false, (c) => `=IF(${revenue(c)}>0,${grossProfit(c)}/${revenue(c)},"")`),
    row(DEAL_ROWS.reportedMargin, "Reported gross margin", "rate", false, (c) => `=IF(${reportedRevenue(c)}>0,${grossProfit(c)}/${reportedRevenue(c)},"")`),
  ];
  sheet.block(`${block.id}.periods`, block.rowOf(DEAL_ROWS.since0), 1, "calc", rows);
}

/**
 * NPV as of the valuation date (the model's dealNpv): each year's gross profit from the date on,
 * received at the year end, discounted by (1 + rate)^-(year + 1 - t0); and each tranche's revenue
 * from the date to its year end and present value per USD of contract value.
 */
function npvRows(sheet: SheetBuilder, block: DealBlock): void {
  const { id, rowOf, constantCell, cellAt, lastCol } = block;
  const t0 = constantCell(DEAL_ROWS.valuationTime);
  const rate = constantCell(DEAL_ROWS.rate);
  const date = constantCell(DEAL_ROWS.valuationDate);
  const yearEnd = `(YEAR(${date})+1)`; // 1 January after the valuation date
  sheet.block(`${id}.valuation`, rowOf(DEAL_ROWS.valuationTime), 1, "calc", [
    ["Valuation date (decimal year)", "year", `=${decimalYear(date)}`],
    ["Revenue from the valuation date to the end of its year", "USD", `=SUM(${constantCell(DEAL_ROWS.fromValuation0)}:${constantCell(DEAL_ROWS.fromValuation0 + TRANCHE_COUNT - 1)})`],
  ]);
  const timelineRange = `${absCell(ROW.timeline, COL.firstPeriod)}:${absCell(ROW.timeline, lastCol)}`;
  const rowRange = (offset: number) => `${absCell(rowOf(offset), COL.firstPeriod)}:${absCell(rowOf(offset), lastCol)}`;
  sheet.block(`${id}.byTranche`, rowOf(DEAL_ROWS.fromValuation0), 1, "calc", [
    ...block.tranches.map((t, i) => [
      `${trancheLabel(i)}: revenue from the valuation date to the end of its year`,
      "USD",
      `=${windowRevenue(t, block.terms, `${t0}-${t.start}`, `${yearEnd}-${t.start}`)}`,
    ]),
    // Present value of the tranche's revenue at the valuation date, per USD of its value: whole
    // years from the date on at their discount factors, plus the part of the date's own year.
    ...block.tranches.map((_, i) => {
      const value = block.trancheCell(i, TRANCHE_ROWS.value);
      const whole = `SUMPRODUCT(${rowRange(DEAL_ROWS.rev0 + i)},${rowRange(DEAL_ROWS.discountFactor)},--(${timelineRange}>=${t0}))`;
      const part = `IF(${t0}>YEAR(${date}),${constantCell(DEAL_ROWS.fromValuation0 + i)}/(1+${rate})^(${yearEnd}-${t0}),0)`;
      return [`${trancheLabel(i)}: present value of its revenue per USD of contract value`, "x", `=IF(${value}>0,(${whole}+${part})/${value},0)`];
    }),
  ]);
  sheet.format(constantRange(rowOf(DEAL_ROWS.fromValuation0), rowOf(DEAL_ROWS.fromValuation0 + TRANCHE_COUNT - 1)), { numberFormat: FORMATS.usdM });
  sheet.format(constantRange(rowOf(DEAL_ROWS.unitPv0), rowOf(DEAL_ROWS.unitPv0 + TRANCHE_COUNT - 1)), { numberFormat: "0.0000" });
  sheet.format(cell(rowOf(DEAL_ROWS.valuationTime), COL.constant), { numberFormat: "0.0000" });
  sheet.format(cell(rowOf(DEAL_ROWS.revenueFromValuation), COL.constant), { numberFormat: FORMATS.usdM });
  sheet.block(`${id}.npvRows`, rowOf(DEAL_ROWS.counted), 1, "calc", [
    periodRow(block, DEAL_ROWS.counted, "Gross profit from the valuation date (earned before it is history)", "USD", true, (c) =>
      `=IF(${yearCell(c)}>=${t0},${cellAt(DEAL_ROWS.grossProfit, c)},IF(${yearCell(c)}+1>${t0},${constantCell(DEAL_ROWS.revenueFromValuation)}*${constantCell(DEAL_ROWS.margin)},0))`,
    ),
    periodRow(block, DEAL_ROWS.discountFactor, "Discount factor (year end to the valuation date)", "factor", false, (c) =>
      `=IF(${yearCell(c)}+1>${t0},1/(1+${rate})^(${yearCell(c)}+1-${t0}),0)`,
    ),
    periodRow(block, DEAL_ROWS.discounted, "Discounted gross profit", "USD", true, (c) => `=${cellAt(DEAL_ROWS.counted, c)}*${cellAt(DEAL_ROWS.discountFactor, c)}`),
  ]);
  sheet.block(`${id}.npv`, rowOf(DEAL_ROWS.npv), 1, "calc", [
    ["NPV of gross profit (as of the valuation date)", "USD", `=SUM(${cellAt(DEAL_ROWS.discounted, COL.firstPeriod)}:${cellAt(DEAL_ROWS.discounted, lastCol)})`],
  ]);
  sheet.format(cell(rowOf(DEAL_ROWS.npv), 1) + ":" + cell(rowOf(DEAL_ROWS.npv), COL.constant), { bold: true });
  sheet.format(cell(rowOf(DEAL_ROWS.npv), COL.constant), { numberFormat: FORMATS.usdM });
}

/** Number formats of the period rows, and the totals in bold. */
function yearFormats(sheet: SheetBuilder, block: DealBlock): void {
  const rowsRange = (from: number, to: number) => `${cell(block.rowOf(from), COL.total)}:${cell(block.rowOf(to), block.lastCol)}`;
  const formats: [from: number, to: number, numberFormat: string][] = [
    [DEAL_ROWS.since0, DEAL_ROWS.mw0 - 1, "0.0000"],
    [DEAL_ROWS.mw0, DEAL_ROWS.mwTotal, FORMATS.mw],
    [DEAL_ROWS.rev0, DEAL_ROWS.revenue, FORMATS.usdM],
    [DEAL_ROWS.pricePerMw, DEAL_ROWS.pricePerMw, FORMATS.usdM2],
    [DEAL_ROWS.power, DEAL_ROWS.grossProfit, FORMATS.usdM],
    [DEAL_ROWS.licenceMargin, DEAL_ROWS.reportedMargin, FORMATS.pct],
    [DEAL_ROWS.counted, DEAL_ROWS.counted, FORMATS.usdM],
    [DEAL_ROWS.discountFactor, DEAL_ROWS.discountFactor, FORMATS.factor],
    [DEAL_ROWS.discounted, DEAL_ROWS.discounted, FORMATS.usdM],
  ];
  for (const [from, to, numberFormat] of formats) sheet.format(rowsRange(from, to), { numberFormat });
  for (const offset of [DEAL_ROWS.mwTotal, DEAL_ROWS.revenue, DEAL_ROWS.grossProfit]) {
    sheet.format(`${cell(block.rowOf(offset), 1)}:${cell(block.rowOf(offset), block.lastCol)}`, { bold: true });
  }
}

/** The year and quarter of a reported quarter, from the record's "2025-Q3". */
function yearQuarter(q: (typeof DEAL_QUARTERS)[number]): [year: number, quarter: number] {
  const [year, quarter] = q.period.split("-Q").map(Number);
  return [year, quarter];
}

/** A quarter row: label, unit, the constant (or none), no total, then `f` in each quarter's column. */
function quarterRow(label: string, unit: string | null, constant: CellContent, f: (col: number) => CellContent): CellContent[] {
  return [label, unit, constant, null, ...DEAL_QUARTERS.map((_, i) => f(COL.firstPeriod + i))];
}

/** The reported quarter in column `col`. */
function quarterIn(col: number): (typeof DEAL_QUARTERS)[number] {
  return DEAL_QUARTERS[col - COL.firstPeriod];
}

/**
 * The model beside what Core Scientific reported, quarter by quarter (the model's
 * reportedVsModel): reported colocation revenue, with its source, against the contracts'
 * licence revenue in the quarter's window [first day, first day of the next quarter) plus
 * other colocation revenue and the share of pass-through power the segment carries.
 */
function reportedVsModelRows(sheet: SheetBuilder, block: DealBlock): void {
  reportedQuarterRows(sheet, block);
  modelQuarterRows(sheet, block);
  quarterFormats(sheet, block);
}

/** The reported quarters: their window on the model's time axis, the reported revenue and its source. */
function reportedQuarterRows(sheet: SheetBuilder, block: DealBlock): void {
  const { id, rowOf, cellAt } = block;
  const months = block.constantCell(DEAL_ROWS.monthsPerQuarter);
  const quarterDate = (c: number, endOf: boolean) =>
    `DATE(${cellAt(DEAL_ROWS.quarterYear, c)},${endOf ? "" : "("}${cellAt(DEAL_ROWS.quarterNumber, c)}${endOf ? "" : "-1)"}*${months}+1,1)`;
  sheet.block(`${id}.reported.header`, rowOf(DEAL_ROWS.reportedHeader), 1, "header", [
    ["Reported vs model: colocation revenue by quarter (USD per quarter; quarters across)", null, null, null],
  ]);
  sheet.block(`${id}.reported.months`, rowOf(DEAL_ROWS.monthsPerQuarter), 1, "input", [["Months per quarter", "months", 3]]);
  sheet.block(`${id}.reported.label`, rowOf(DEAL_ROWS.quarterLabel), 1, "header", [
    quarterRow("Quarter", null, null, (c) => `=${cellAt(DEAL_ROWS.quarterYear, c)}&"-Q"&${cellAt(DEAL_ROWS.quarterNumber, c)}`),
  ]);
  sheet.block(`${id}.reported.quarters`, rowOf(DEAL_ROWS.quarterYear), 1, "input", [
    quarterRow("Year (as reported)", "year", null, (c) => yearQuarter(quarterIn(c))[0]),
    quarterRow("Quarter (as reported)", "1-4", null, (c) => yearQuarter(quarterIn(c))[1]),
  ]);
  sheet.block(`${id}.reported.window`, rowOf(DEAL_ROWS.quarterStart), 1, "calc", [
    quarterRow("Quarter start (first day, decimal year)", "year", null, (c) => `=${decimalYear(quarterDate(c, false))}`),
    quarterRow("Quarter end (first day of the next quarter, decimal year)", "year", null, (c) => `=${decimalYear(quarterDate(c, true))}`),
  ]);
  sheet.block(`${id}.reported.reported`, rowOf(DEAL_ROWS.reported), 1, "input", [
    quarterRow("Reported colocation revenue", "USD", null, (c) => quarterIn(c).colocationRevenueUsd.value),
  ]);
  const sources = sheet.block(`${id}.reported.source`, rowOf(DEAL_ROWS.reportedSource), 1, "note", [
    quarterRow("Source of the reported figure", null, null, (c) => citeFigure(quarterIn(c).colocationRevenueUsd)),
  ]);
  sheet.format(sources, { numberFormat: TEXT_FORMAT });
}

/** The model on the reported basis in each quarter, and its variance from what was reported. */
function modelQuarterRows(sheet: SheetBuilder, block: DealBlock): void {
  const { cellAt, constantCell } = block;
  const windowStart = (c: number) => cellAt(DEAL_ROWS.quarterStart, c);
  const windowEnd = (c: number) => cellAt(DEAL_ROWS.quarterEnd, c);
  const at = (offset: number) => (c: number) => cellAt(offset, c);
  const reported = at(DEAL_ROWS.reported);
  sheet.block(`${block.id}.reported.rows`, block.rowOf(DEAL_ROWS.licence0), 1, "calc", [
    ...block.tranches.map((t, i) =>
      quarterRow(`${trancheLabel(i)}: licence revenue in the quarter`, "USD", null, (c) => `=${windowRevenue(t, block.terms, `${windowStart(c)}-${t.start}`, `${windowEnd(c)}-${t.start}`)}`),
    ),
    quarterRow("Licence revenue in the quarter (12-year contracts)", "USD", null, (c) => `=SUM(${cellAt(DEAL_ROWS.licence0, c)}:${cellAt(DEAL_ROWS.licence0 + TRANCHE_COUNT - 1, c)})`),
    quarterRow(
      "MW-years billable in the quarter",
      "MW-years",
      null,
      (c) => `=${block.tranches.map((t) => windowMwYears(t, block.terms.yearsBilled, `${windowStart(c)}-${t.start}`, `${windowEnd(c)}-${t.start}`)).join("+")}`,
    ),
    quarterRow("Other colocation revenue (held flat)", "USD", block.link("other_colocation_revenue"), () => `=${constantCell(DEAL_ROWS.otherColocation)}`),
    quarterRow("Share of pass-through power in reported revenue", "rate", block.link("reported_power_share"), () => null),
    quarterRow("Pass-through power in reported revenue (share x MW-years x load x PUE x hours x price)", "USD", null, (c) =>
      `=${constantCell(DEAL_ROWS.powerShare)}*${block.powerOf(cellAt(DEAL_ROWS.quarterMwYears, c))}`,
    ),
    quarterRow("Model on the reported basis (licence + other + power)", "USD", null, (c) =>
      `=${cellAt(DEAL_ROWS.quarterLicence, c)}+${cellAt(DEAL_ROWS.otherColocation, c)}+${cellAt(DEAL_ROWS.quarterPower, c)}`,
    ),
    quarterRow("Variance: model less reported", "USD", null, (c) => `=${cellAt(DEAL_ROWS.modelReported, c)}-${reported(c)}`),
    quarterRow("Variance, % of reported", "rate", null, (c) => `=IF(${reported(c)}<>0,${cellAt(DEAL_ROWS.variance, c)}/${reported(c)},"")`),
  ]);
  // The links from Inputs are green; the rest of their rows are calculations.
  sheet.format(constantRange(block.rowOf(DEAL_ROWS.otherColocation), block.rowOf(DEAL_ROWS.powerShare)), { fontColor: COLOURS.link });
}

/** Number formats of the "Reported vs model" rows, and its key rows in bold. */
function quarterFormats(sheet: SheetBuilder, block: DealBlock): void {
  const { rowOf } = block;
  const formatRows = (from: number, to: number, numberFormat: string, first: number = COL.firstPeriod) =>
    sheet.format(`${cell(rowOf(from), first)}:${cell(rowOf(to), LAST_QUARTER_COL)}`, { numberFormat });
  sheet.format(cell(rowOf(DEAL_ROWS.monthsPerQuarter), COL.constant), { numberFormat: FORMATS.int });
  formatRows(DEAL_ROWS.quarterYear, DEAL_ROWS.quarterYear, FORMATS.year);
  formatRows(DEAL_ROWS.quarterNumber, DEAL_ROWS.quarterNumber, FORMATS.int);
  formatRows(DEAL_ROWS.quarterStart, DEAL_ROWS.quarterEnd, "0.0000");
  formatRows(DEAL_ROWS.reported, DEAL_ROWS.reported, FORMATS.usdM);
  formatRows(DEAL_ROWS.licence0, DEAL_ROWS.quarterLicence, FORMATS.usdM);
  formatRows(DEAL_ROWS.quarterMwYears, DEAL_ROWS.quarterMwYears, FORMATS.mw);
  formatRows(DEAL_ROWS.otherColocation, DEAL_ROWS.otherColocation, FORMATS.usdM, COL.constant);
  sheet.format(cell(rowOf(DEAL_ROWS.powerShare), COL.constant), { numberFormat: FORMATS.pct });
  formatRows(DEAL_ROWS.quarterPower, DEAL_ROWS.variance, FORMATS.usdM);
  formatRows(DEAL_ROWS.varianceRate, DEAL_ROWS.varianceRate, FORMATS.pct);
  for (const offset of [DEAL_ROWS.reported, DEAL_ROWS.modelReported, DEAL_ROWS.variance]) {
    sheet.format(`${cell(rowOf(offset), 1)}:${cell(rowOf(offset), LAST_QUARTER_COL)}`, { bold: true });
  }
}

/**
 * The walk from one scenario block to another (by default seed to base), the model's
 * reconcile(): MW contracted, contract value over the initial term and NPV of gross profit. Each
 * tranche's value is discounted at its own block's present value per USD (the unitPv rows), so
 * every step is a formula over the two blocks.
 */
function walkRows(sheet: SheetBuilder, walk: DealWalk, firstRow: number): void {
  const blockCell = (j: number, offset: number, col: number = COL.constant) => absCell(ROW.firstBlock + j * DEAL_ROWS.height + offset, col);
  const fromCell = (offset: number) => blockCell(walk.from, offset);
  const toCell = (offset: number) => blockCell(walk.to, offset);
  const trancheOf = (blockAt: (offset: number) => string, i: number, field: number) => blockAt(trancheRow(i, field));
  const unitPv = (blockAt: (offset: number) => string, i: number) => blockAt(DEAL_ROWS.unitPv0 + i);
  const sumOverTranches = (f: (i: number) => string) => TRANCHE_IDS.map((_, i) => f(i)).join("+");
  const isNew = (i: number) => `(${trancheOf(fromCell, i, TRANCHE_ROWS.mw)}=0)*(${trancheOf(fromCell, i, TRANCHE_ROWS.value)}=0)*(${trancheOf(toCell, i, TRANCHE_ROWS.mw)}>0)`;
  const walkCell = (row: number, col: number) => absCell(firstRow + row, col);
  const mwCol = COL.constant;
  const valueCol = COL.total;
  const npvCol = COL.firstPeriod;
  const priceTerm = `${fromCell(DEAL_ROWS.avgPrice)}*${fromCell(DEAL_ROWS.term)}`;
  /** The ending scenario's gross-profit base: sum of its tranches' values at their present value per USD. */
  const toBase = `(${sumOverTranches((i) => `${unitPv(toCell, i)}*${trancheOf(toCell, i, TRANCHE_ROWS.value)}`)})`;
  const marginFrom = fromCell(DEAL_ROWS.margin);
  const npvOf = (row: number) => walkCell(row, npvCol);
  const sources = SEED_TO_BASE_SOURCES;

  sheet.block("walk.header", firstRow + WALK_ROWS.header, 1, "header", [
    ["Seed to base, step by step: MW contracted, contract value and NPV of gross profit (USD), from the two blocks above as their Inputs columns stand", null, null, null],
  ]);
  sheet.block("walk.titles", firstRow + WALK_ROWS.titles, 1, "label", [["Step", null, "MW contracted", "Contract value, initial term", "NPV of gross profit", "Source"]]);
  sheet.block("walk.rows", firstRow + WALK_ROWS.from, 1, "calc", [
    [
      `=${blockCell(walk.from, DEAL_ROWS.header, 1)}`,
      null,
      `=${fromCell(DEAL_ROWS.contractedMw)}`,
      `=${fromCell(DEAL_ROWS.initialValue)}`,
      `=${marginFrom}*(${sumOverTranches((i) => `${unitPv(fromCell, i)}*${trancheOf(fromCell, i, TRANCHE_ROWS.value)}`)})`,
      "The starting scenario's block above.",
    ],
    [
      RECONCILE_STEPS.newTranches,
      null,
      `=${sumOverTranches((i) => `${isNew(i)}*${trancheOf(toCell, i, TRANCHE_ROWS.mw)}`)}`,
      `=${walkCell(WALK_ROWS.newTranches, mwCol)}*${priceTerm}`,
      `=${marginFrom}*(${sumOverTranches((i) => `${isNew(i)}*${unitPv(toCell, i)}*${trancheOf(toCell, i, TRANCHE_ROWS.mw)}`)})*${priceTerm}`,
      sources.newTranches,
    ],
    [
      RECONCILE_STEPS.schedule,
      null,
      0,
      0,
      `=${marginFrom}*(${sumOverTranches((i) => `(${unitPv(toCell, i)}-${unitPv(fromCell, i)})*${trancheOf(fromCell, i, TRANCHE_ROWS.value)}`)})`,
      sources.schedule,
    ],
    [
      RECONCILE_STEPS.price,
      null,
      `=${toCell(DEAL_ROWS.contractedMw)}-${fromCell(DEAL_ROWS.contractedMw)}-${walkCell(WALK_ROWS.newTranches, mwCol)}`,
      `=${toCell(DEAL_ROWS.initialValue)}-${fromCell(DEAL_ROWS.initialValue)}-${walkCell(WALK_ROWS.newTranches, valueCol)}`,
      `=${marginFrom}*${toBase}-SUM(${npvOf(WALK_ROWS.from)}:${npvOf(WALK_ROWS.schedule)})`,
      sources.price,
    ],
    [RECONCILE_STEPS.margin, null, 0, 0, `=(${toCell(DEAL_ROWS.margin)}-${marginFrom})*${toBase}`, sources.margin],
    [
      `=${blockCell(walk.to, DEAL_ROWS.header, 1)}`,
      null,
      `=${toCell(DEAL_ROWS.contractedMw)}`,
      `=${toCell(DEAL_ROWS.initialValue)}`,
      `=${toCell(DEAL_ROWS.margin)}*${toBase}`,
      "The ending scenario's block above.",
    ],
    ["Check: the walk ends at the ending block's NPV", null, null, null, `=ABS(${npvOf(WALK_ROWS.to)}-${toCell(DEAL_ROWS.npv)})<=1E-6*MAX(1,ABS(${toCell(DEAL_ROWS.npv)}))`, null],
  ]);
  sheet.format(`${cell(firstRow + WALK_ROWS.from, mwCol)}:${cell(firstRow + WALK_ROWS.to, mwCol)}`, { numberFormat: FORMATS.mw });
  sheet.format(`${cell(firstRow + WALK_ROWS.from, valueCol)}:${cell(firstRow + WALK_ROWS.to, npvCol)}`, { numberFormat: FORMATS.usdM });
  for (const offset of [WALK_ROWS.from, WALK_ROWS.to]) sheet.format(`${cell(firstRow + offset, 1)}:${cell(firstRow + offset, npvCol)}`, { bold: true });
}
