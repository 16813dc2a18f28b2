/**
 * The Capacity sheet: per scenario, each contracted line (the CoreWeave tranches and the
 * capacity reallocated for CoreWeave) with its MW, contract date and energisation date before and
 * after the supply-chain delay; each pipeline site (uncontracted, gross power as stated); MW
 * contracted and MW energised by 31 December of each year against the target with the gaps, and
 * pipeline MW beside them, never counted toward the target.
 */
import { PIPELINE_LINES, contractedLineLabel } from "../model/capacity";
import { TRANCHE_IDS } from "../model/assumptions";
import { absCell, cell, columnLetter } from "./a1";
import { InputsLayout } from "./inputs";
import { COL, FORMATS, ROW, SheetNames } from "./layout";
import { SheetBuilder, consecutive, periodCells } from "./sheet";
import { CellContent, SheetPlan } from "./types";

/** The contracted lines the sheet shows, with the assumption keys of their MW and dates. */
export const CAPACITY_LINES: readonly { readonly id: string; readonly label: string; readonly mw: string; readonly contracted: string; readonly date: string }[] = [
  ...TRANCHE_IDS.map((id) => ({ id, label: contractedLineLabel(id), mw: `${id}_mw`, contracted: `${id}_contract_date`, date: `${id}_energised` })),
  { id: "realloc", label: contractedLineLabel("realloc"), mw: "realloc_mw", contracted: "realloc_contract_date", date: "realloc_date" },
];

/** The pipeline sites the sheet shows (uncontracted; MW as their sources state them). */
export const CAPACITY_PIPELINE = PIPELINE_LINES;

const L = CAPACITY_LINES.length;
const P = CAPACITY_PIPELINE.length;
/** Rows per contracted line: MW, contracted, energised (planned), energised (after delay). */
export const LINE_ROWS = 4;

const HEAD = consecutive(["header", "delay", "delayAfter", "target", "targetYear", "line0"] as const, 0);
const pipeline0 = HEAD.line0 + LINE_ROWS * L;
const contracted0 = pipeline0 + P;
const energised0 = contracted0 + L;
/** Period rows after the per-line rows: totals, target and the gaps. */
const TOTALS = consecutive(["contracted", "hpc", "pipeline", "targetRow", "contractedGap", "gap"] as const, energised0 + L);
/** The target-year block, one blank row below the period rows. */
const AT_TARGET = consecutive(
  ["contractedAtTarget", "atTarget", "pipelineAtTarget", "contractedShort", "energisedShort", "meetsContracted", "meets"] as const,
  TOTALS.gap + 2,
);

/**
 * Row offsets inside a Capacity block. `hpc` is the MW energised (what HPC_CAPACITY returns);
 * `gap` is energised less target, `contractedGap` contracted less target.
 */
export const CAPACITY_ROWS = {
  ...HEAD,
  pipeline0, // one row per pipeline site: MW as stated
  contracted0, // one period row per contracted line: MW contracted by 31 December
  energised0, // one period row per contracted line: MW energised by 31 December
  ...TOTALS,
  ...AT_TARGET,
  height: AT_TARGET.meets + 2,
} as const;

export interface CapacityLayout {
  readonly sheet: SheetPlan;
  readonly blockRows: readonly number[];
}

export function buildCapacity(
  names: SheetNames,
  inputs: InputsLayout,
  labels: readonly string[],
  firstYear: number,
  years: number,
  masterCheck: string,
): CapacityLayout {
  const b = new SheetBuilder("capacity", names.capacity, "#BF8F00");
  const lastCol = COL.firstPeriod + years - 1;
  const timeline = `${absCell(ROW.timeline, COL.firstPeriod)}:${absCell(ROW.timeline, lastCol)}`;

  b.block("title", ROW.title, 1, "title", [["CORZ — Capacity: HPC MW of critical IT load contracted and energised by 31 December, pipeline beside them"]]);
  b.block("check", ROW.check, 1, "check", [[masterCheck]]);
  b.timeline("timeline", ROW.timeline, firstYear, years, null);

  const blockRows: number[] = [];
  inputs.columns.forEach((col, j) => {
    const r0 = ROW.firstBlock + j * CAPACITY_ROWS.height;
    blockRows.push(r0);
    const R = (off: number) => r0 + off;
    const C = (off: number) => absCell(R(off), COL.constant);
    const link = (key: string) => `=${inputs.ref(key, col)}`;
    const id = `s${j}`;
    b.block(`${id}.header`, R(0), 1, "header", [[labels[j], null, null, null]]);
    b.block(`${id}.links`, R(CAPACITY_ROWS.delay), 1, "link", [
      ["Supply-chain delay (generators, transfer switches)", "months", link("delay_months")],
      ["Delay applies to sites energising after", "date", link("delay_after")],
      ["HPC capacity target", "MW", link("target_mw")],
      ["Target year", "year", link("target_year")],
    ]);
    b.format(cell(R(CAPACITY_ROWS.delay), COL.constant), { numberFormat: FORMATS.int });
    b.format(cell(R(CAPACITY_ROWS.delayAfter), COL.constant), { numberFormat: FORMATS.date });
    b.format(cell(R(CAPACITY_ROWS.target), COL.constant), { numberFormat: FORMATS.mw });
    b.format(cell(R(CAPACITY_ROWS.targetYear), COL.constant), { numberFormat: FORMATS.year });

    CAPACITY_LINES.forEach((line, i) => {
      const l0 = R(CAPACITY_ROWS.line0 + LINE_ROWS * i);
      const planned = absCell(l0 + 2, COL.constant);
      b.block(`${id}.${line.id}.links`, l0, 1, "link", [
        [`${line.label}: MW`, "MW", link(line.mw)],
        [`${line.label}: contracted`, "date", link(line.contracted)],
        [`${line.label}: energised (planned)`, "date", link(line.date)],
      ]);
      b.block(`${id}.${line.id}.date`, l0 + 3, 1, "calc", [
        [
          `${line.label}: energised (after delay)`,
          "date",
          `=IF(AND(${C(CAPACITY_ROWS.delay)}>0,${planned}>${C(CAPACITY_ROWS.delayAfter)}),EDATE(${planned},${C(CAPACITY_ROWS.delay)}),${planned})`,
        ],
      ]);
      b.format(cell(l0, COL.constant), { numberFormat: FORMATS.mw });
      b.format(`${cell(l0 + 1, COL.constant)}:${cell(l0 + 3, COL.constant)}`, { numberFormat: FORMATS.date });
    });
    b.block(
      `${id}.pipeline.links`,
      R(CAPACITY_ROWS.pipeline0),
      1,
      "link",
      CAPACITY_PIPELINE.map((p) => [`${p.label}: MW, not contracted`, p.basis === "gross" ? "MW gross" : "MW", link(p.key)]),
    );
    b.format(`${cell(R(CAPACITY_ROWS.pipeline0), COL.constant)}:${cell(R(CAPACITY_ROWS.pipeline0 + P - 1), COL.constant)}`, { numberFormat: FORMATS.mw });

    // Capacity rows are stocks (MW at a date): no totals. The row argument only matters for totals.
    const period = (label: string, unit: string, f: (c: number) => string): CellContent[] => periodCells(0, years, label, unit, false, f);
    const Y = (c: number) => cell(ROW.timeline, c, { row: true });
    const at = (off: number, c: number) => cell(R(off), c);
    const byDate = (dateRow: number, label: string) =>
      CAPACITY_LINES.map((line, i) => {
        const l0 = R(CAPACITY_ROWS.line0 + LINE_ROWS * i);
        const mw = absCell(l0, COL.constant);
        const date = absCell(l0 + dateRow, COL.constant);
        return period(`${line.label}: ${label}`, "MW", (c) => `=IF(${date}<DATE(${Y(c)}+1,1,1),${mw},0)`);
      });
    const pipelineSum = `SUM(${absCell(R(CAPACITY_ROWS.pipeline0), COL.constant)}:${absCell(R(CAPACITY_ROWS.pipeline0 + P - 1), COL.constant)})`;
    const rows: CellContent[][] = [...byDate(1, "MW contracted"), ...byDate(3, "MW energised")];
    const c0 = CAPACITY_ROWS.contracted0;
    const e0 = CAPACITY_ROWS.energised0;
    rows.push(period("HPC MW contracted (CoreWeave)", "MW", (c) => `=SUM(${at(c0, c)}:${at(c0 + L - 1, c)})`));
    rows.push(period("HPC MW energised", "MW", (c) => `=SUM(${at(e0, c)}:${at(e0 + L - 1, c)})`));
    rows.push(period("Pipeline MW, not contracted (gross power as stated; not counted toward the target)", "MW gross", () => `=${pipelineSum}`));
    rows.push(period("Target", "MW", () => `=${C(CAPACITY_ROWS.target)}`));
    rows.push(period("Contracted MW above (below) target", "MW", (c) => `=${at(CAPACITY_ROWS.contracted, c)}-${at(CAPACITY_ROWS.targetRow, c)}`));
    rows.push(period("Energised MW above (below) target", "MW", (c) => `=${at(CAPACITY_ROWS.hpc, c)}-${at(CAPACITY_ROWS.targetRow, c)}`));
    b.block(`${id}.periods`, R(c0), 1, "calc", rows);
    const rowRange = (off: number) => `${cell(R(off), COL.firstPeriod)}:${cell(R(off), lastCol)}`;
    const inTargetYear = (off: number) => `=IFERROR(INDEX(${rowRange(off)},1,MATCH(${C(CAPACITY_ROWS.targetYear)},${timeline},0)),0)`;
    b.block(`${id}.target`, R(CAPACITY_ROWS.contractedAtTarget), 1, "calc", [
      ["HPC MW contracted at the end of the target year", "MW", inTargetYear(CAPACITY_ROWS.contracted)],
      ["HPC MW energised at the end of the target year", "MW", inTargetYear(CAPACITY_ROWS.hpc)],
      ["Pipeline MW beside it (not contracted, gross; not counted)", "MW gross", `=${pipelineSum}`],
      ["Contracted MW above (below) target", "MW", `=${C(CAPACITY_ROWS.contractedAtTarget)}-${C(CAPACITY_ROWS.target)}`],
      ["Energised MW above (below) target", "MW", `=${C(CAPACITY_ROWS.atTarget)}-${C(CAPACITY_ROWS.target)}`],
      ["Target met by contracted MW?", "TRUE/FALSE", `=${C(CAPACITY_ROWS.contractedAtTarget)}>=${C(CAPACITY_ROWS.target)}`],
      ["Target met by energised MW?", "TRUE/FALSE", `=${C(CAPACITY_ROWS.atTarget)}>=${C(CAPACITY_ROWS.target)}`],
    ]);
    b.format(`${cell(R(c0), COL.firstPeriod)}:${cell(R(CAPACITY_ROWS.gap), lastCol)}`, { numberFormat: FORMATS.mw });
    b.format(`${cell(R(CAPACITY_ROWS.contractedAtTarget), COL.constant)}:${cell(R(CAPACITY_ROWS.energisedShort), COL.constant)}`, { numberFormat: FORMATS.mw });
    b.format(`${cell(R(CAPACITY_ROWS.meetsContracted), COL.constant)}:${cell(R(CAPACITY_ROWS.meets), COL.constant)}`, { numberFormat: FORMATS.bool });
    b.format(`${cell(R(CAPACITY_ROWS.contracted), 1)}:${cell(R(CAPACITY_ROWS.hpc), lastCol)}`, { bold: true });
  });

  b.columnWidths([
    { column: "A", width: 58 },
    { column: "B", width: 10 },
    { column: "C", width: 13 },
    { column: "D", width: 4 },
    ...Array.from({ length: years }, (_, i) => ({ column: columnLetter(COL.firstPeriod + i), width: 9 })),
  ]);
  b.freeze(ROW.timeline, COL.total);
  return { sheet: b.build(), blockRows };
}
