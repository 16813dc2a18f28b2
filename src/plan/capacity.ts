/**
 * The Capacity sheet: per scenario, each contracted line (the CoreWeave tranches and the
 * capacity reallocated for CoreWeave) with its MW, contract date and energisation date before and
 * after the supply-chain delay; each pipeline site (uncontracted, gross power as stated); MW
 * contracted and MW energised by 31 December of each year against the target with the gaps, and
 * pipeline MW beside them, never counted toward the target.
 */
import { PIPELINE_LINES, contractedLineLabel } from "../model/capacity";
import { TRANCHE_IDS } from "../model/assumptions";
import { absCell, cell } from "./a1";
import { COL, FORMATS, ROW, consecutive } from "./layout";
import { ScenarioBlock, ScenarioSheetArgs, SheetBuilder, constantRange, periodCells, scenarioBlockAt } from "./sheet";
import { delayedDate } from "./formulas";
import { CellContent, SheetPlan } from "./types";

/** The contracted lines the sheet shows, with the assumption keys of their MW and dates. */
export const CAPACITY_LINES: readonly { readonly id: string; readonly label: string; readonly mw: string; readonly contracted: string; readonly date: string }[] = [
  ...TRANCHE_IDS.map((id) => ({ id, label: contractedLineLabel(id), mw: `${id}_mw`, contracted: `${id}_contract_date`, date: `${id}_energised` })),
  { id: "realloc", label: contractedLineLabel("realloc"), mw: "realloc_mw", contracted: "realloc_contract_date", date: "realloc_date" },
];

/** The pipeline sites the sheet shows (uncontracted; MW as their sources state them). */
export const CAPACITY_PIPELINE = PIPELINE_LINES;

const LINES = CAPACITY_LINES.length;
const PIPELINE_SITES = CAPACITY_PIPELINE.length;

/** Rows of one contracted line's constants, in their order on the sheet. */
const LINE_FIELDS = consecutive(["mw", "contracted", "planned", "energised"] as const, 0);
/** Rows per contracted line: MW, contracted, energised (planned), energised (after delay). */
export const LINE_ROWS = Object.keys(LINE_FIELDS).length;

/**
 * Row offsets inside a Capacity block, in their order on the sheet. `hpc` is the MW energised
 * (what HPC_CAPACITY returns); `gap` is energised less target, `contractedGap` contracted less
 * target; `height` is the row after the block and the blank row below it.
 */
export const CAPACITY_ROWS = consecutive(
  [
    "header",
    "delay",
    "delayAfter",
    "target",
    "targetYear",
    ["line0", LINE_ROWS * LINES], // LINE_FIELDS for each contracted line
    ["pipeline0", PIPELINE_SITES], // one row per pipeline site: MW as stated
    ["contracted0", LINES], // one period row per contracted line: MW contracted by 31 December
    ["energised0", LINES], // one period row per contracted line: MW energised by 31 December
    "contracted",
    "hpc",
    "pipeline",
    "targetRow",
    "contractedGap",
    "gap",
    null,
    // The target-year block, one blank row below the period rows.
    "contractedAtTarget",
    "atTarget",
    "pipelineAtTarget",
    "contractedShort",
    "energisedShort",
    "meetsContracted",
    "meets",
    null,
    "height",
  ] as const,
  0,
);

export interface CapacityLayout {
  readonly sheet: SheetPlan;
  readonly blockRows: readonly number[];
}

export function buildCapacity(...[names, inputs, labels, firstYear, years, masterCheck]: ScenarioSheetArgs): CapacityLayout {
  const sheet = new SheetBuilder("capacity", names.capacity, "#BF8F00");
  sheet.block("title", ROW.title, 1, "title", [["CORZ — Capacity: HPC MW of critical IT load contracted and energised by 31 December, pipeline beside them"]]);
  sheet.block("check", ROW.check, 1, "check", [[masterCheck]]);
  sheet.timeline("timeline", ROW.timeline, firstYear, years, null);
  const blockRows = inputs.columns.map((col, j) => {
    const block = scenarioBlockAt(j, ROW.firstBlock + j * CAPACITY_ROWS.height, (key) => inputs.ref(key, col));
    sheet.block(`${block.id}.header`, block.rowOf(CAPACITY_ROWS.header), 1, "header", [[labels[j], null, null, null]]);
    targetInputRows(sheet, block);
    CAPACITY_LINES.forEach((line, i) => lineRows(sheet, block, line, i));
    pipelineRows(sheet, block);
    yearRows(sheet, block, years);
    targetYearRows(sheet, block, years);
    return block.firstRow;
  });
  sheet.periodColumnWidths([58, 10, 13, 4], years, 9);
  sheet.freeze(ROW.timeline, COL.total);
  return { sheet: sheet.build(), blockRows };
}

/** The delay and the target, linked from Inputs. */
function targetInputRows(sheet: SheetBuilder, block: ScenarioBlock): void {
  const { rowOf, link } = block;
  sheet.block(`${block.id}.links`, rowOf(CAPACITY_ROWS.delay), 1, "link", [
    ["Supply-chain delay (generators, transfer switches)", "months", link("delay_months")],
    ["Delay applies to sites energising after", "date", link("delay_after")],
    ["HPC capacity target", "MW", link("target_mw")],
    ["Target year", "year", link("target_year")],
  ]);
  const formats: [offset: number, numberFormat: string][] = [
    [CAPACITY_ROWS.delay, FORMATS.int],
    [CAPACITY_ROWS.delayAfter, FORMATS.date],
    [CAPACITY_ROWS.target, FORMATS.mw],
    [CAPACITY_ROWS.targetYear, FORMATS.year],
  ];
  for (const [offset, numberFormat] of formats) sheet.format(cell(rowOf(offset), COL.constant), { numberFormat });
}

/** The sheet row of contracted line i's first constant. */
function lineRow(block: ScenarioBlock, i: number): number {
  return block.rowOf(CAPACITY_ROWS.line0 + LINE_ROWS * i);
}

/** A contracted line's MW and dates, linked from Inputs, and its energisation date after the delay. */
function lineRows(sheet: SheetBuilder, block: ScenarioBlock, line: (typeof CAPACITY_LINES)[number], i: number): void {
  const { constantCell, link } = block;
  const first = lineRow(block, i);
  sheet.block(`${block.id}.${line.id}.links`, first, 1, "link", [
    [`${line.label}: MW`, "MW", link(line.mw)],
    [`${line.label}: contracted`, "date", link(line.contracted)],
    [`${line.label}: energised (planned)`, "date", link(line.date)],
  ]);
  const planned = absCell(first + LINE_FIELDS.planned, COL.constant);
  sheet.block(`${block.id}.${line.id}.date`, first + LINE_FIELDS.energised, 1, "calc", [
    [`${line.label}: energised (after delay)`, "date", `=${delayedDate(planned, constantCell(CAPACITY_ROWS.delay), constantCell(CAPACITY_ROWS.delayAfter))}`],
  ]);
  sheet.format(cell(first + LINE_FIELDS.mw, COL.constant), { numberFormat: FORMATS.mw });
  sheet.format(constantRange(first + LINE_FIELDS.contracted, first + LINE_FIELDS.energised), { numberFormat: FORMATS.date });
}

/** The pipeline sites' MW, linked from Inputs. */
function pipelineRows(sheet: SheetBuilder, block: ScenarioBlock): void {
  sheet.block(
    `${block.id}.pipeline.links`,
    block.rowOf(CAPACITY_ROWS.pipeline0),
    1,
    "link",
    CAPACITY_PIPELINE.map((p) => [`${p.label}: MW, not contracted`, p.basis === "gross" ? "MW gross" : "MW", block.link(p.key)]),
  );
  sheet.format(constantRange(block.rowOf(CAPACITY_ROWS.pipeline0), block.rowOf(CAPACITY_ROWS.pipeline0 + PIPELINE_SITES - 1)), { numberFormat: FORMATS.mw });
}

/** The pipeline sites' MW summed (absolute). */
function pipelineSum(block: ScenarioBlock): string {
  return `SUM(${absCell(block.rowOf(CAPACITY_ROWS.pipeline0), COL.constant)}:${absCell(block.rowOf(CAPACITY_ROWS.pipeline0 + PIPELINE_SITES - 1), COL.constant)})`;
}

/** MW by 31 December of each year: per line contracted and energised, the totals, the target and the gaps. */
function yearRows(sheet: SheetBuilder, block: ScenarioBlock, years: number): void {
  const { cellAt } = block;
  // Capacity rows are stocks (MW at a date): no totals. The row argument only matters for totals.
  const period = (label: string, unit: string, f: (c: number) => string): CellContent[] => periodCells(0, years, label, unit, false, f);
  const yearCell = (c: number) => cell(ROW.timeline, c, { row: true });
  const byDate = (field: number, label: string) =>
    CAPACITY_LINES.map((line, i) => {
      const mw = absCell(lineRow(block, i) + LINE_FIELDS.mw, COL.constant);
      const date = absCell(lineRow(block, i) + field, COL.constant);
      return period(`${line.label}: ${label}`, "MW", (c) => `=IF(${date}<DATE(${yearCell(c)}+1,1,1),${mw},0)`);
    });
  const sumOverLines = (first: number, c: number) => `=SUM(${cellAt(first, c)}:${cellAt(first + LINES - 1, c)})`;
  const targetRow = (c: number) => cellAt(CAPACITY_ROWS.targetRow, c);
  sheet.block(`${block.id}.periods`, block.rowOf(CAPACITY_ROWS.contracted0), 1, "calc", [
    ...byDate(LINE_FIELDS.contracted, "MW contracted"),
    ...byDate(LINE_FIELDS.energised, "MW energised"),
    period("HPC MW contracted (CoreWeave)", "MW", (c) => sumOverLines(CAPACITY_ROWS.contracted0, c)),
    period("HPC MW energised", "MW", (c) => sumOverLines(CAPACITY_ROWS.energised0, c)),
    period("Pipeline MW, not contracted (gross power as stated; not counted toward the target)", "MW gross", () => `=${pipelineSum(block)}`),
    period("Target", "MW", () => `=${block.constantCell(CAPACITY_ROWS.target)}`),
    period("Contracted MW above (below) target", "MW", (c) => `=${cellAt(CAPACITY_ROWS.contracted, c)}-${targetRow(c)}`),
    period("Energised MW above (below) target", "MW", (c) => `=${cellAt(CAPACITY_ROWS.hpc, c)}-${targetRow(c)}`),
  ]);
}

/** The target year: MW contracted and energised at its end against the target, with the pipeline beside them. */
function targetYearRows(sheet: SheetBuilder, block: ScenarioBlock, years: number): void {
  const { rowOf, constantCell } = block;
  const lastCol = COL.firstPeriod + years - 1;
  const timeline = `${absCell(ROW.timeline, COL.firstPeriod)}:${absCell(ROW.timeline, lastCol)}`;
  const across = (offset: number) => `${cell(rowOf(offset), COL.firstPeriod)}:${cell(rowOf(offset), lastCol)}`;
  const inTargetYear = (offset: number) => `=IFERROR(INDEX(${across(offset)},1,MATCH(${constantCell(CAPACITY_ROWS.targetYear)},${timeline},0)),0)`;
  const target = constantCell(CAPACITY_ROWS.target);
  sheet.block(`${block.id}.target`, rowOf(CAPACITY_ROWS.contractedAtTarget), 1, "calc", [
    ["HPC MW contracted at the end of the target year", "MW", inTargetYear(CAPACITY_ROWS.contracted)],
    ["HPC MW energised at the end of the target year", "MW", inTargetYear(CAPACITY_ROWS.hpc)],
    ["Pipeline MW beside it (not contracted, gross; not counted)", "MW gross", `=${pipelineSum(block)}`],
    ["Contracted MW above (below) target", "MW", `=${constantCell(CAPACITY_ROWS.contractedAtTarget)}-${target}`],
    ["Energised MW above (below) target", "MW", `=${constantCell(CAPACITY_ROWS.atTarget)}-${target}`],
    ["Target met by contracted MW?", "TRUE/FALSE", `=${constantCell(CAPACITY_ROWS.contractedAtTarget)}>=${target}`],
    ["Target met by energised MW?", "TRUE/FALSE", `=${constantCell(CAPACITY_ROWS.atTarget)}>=${target}`],
  ]);
  sheet.format(`${cell(rowOf(CAPACITY_ROWS.contracted0), COL.firstPeriod)}:${cell(rowOf(CAPACITY_ROWS.gap), lastCol)}`, { numberFormat: FORMATS.mw });
  sheet.format(constantRange(rowOf(CAPACITY_ROWS.contractedAtTarget), rowOf(CAPACITY_ROWS.energisedShort)), { numberFormat: FORMATS.mw });
  sheet.format(constantRange(rowOf(CAPACITY_ROWS.meetsContracted), rowOf(CAPACITY_ROWS.meets)), { numberFormat: FORMATS.bool });
  sheet.format(`${cell(rowOf(CAPACITY_ROWS.contracted), 1)}:${cell(rowOf(CAPACITY_ROWS.hpc), lastCol)}`, { bold: true });
}
