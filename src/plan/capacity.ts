/**
 * The Capacity sheet: per scenario, each site or phase with its MW and energisation date,
 * the supply-chain delay applied, MW energised by 31 December of each year, and the total
 * HPC MW against the 1 GW target.
 */
import { absCell, cell, columnLetter } from "./a1";
import { InputsLayout } from "./inputs";
import { COL, FORMATS, ROW, SheetNames } from "./layout";
import { SheetBuilder, periodCells } from "./sheet";
import { CellContent, SheetPlan } from "./types";

export const CAPACITY_LINES = [
  { id: "t1", label: "CoreWeave tranche 1: initial contracts", mw: "t1_mw", date: "t1_start", coreWeave: true },
  { id: "t2", label: "CoreWeave tranche 2: first option", mw: "t2_mw", date: "t2_start", coreWeave: true },
  { id: "t3", label: "CoreWeave tranche 3: second option", mw: "t3_mw", date: "t3_start", coreWeave: true },
  { id: "t4", label: "CoreWeave tranche 4: final option, one site", mw: "t4_mw", date: "t4_start", coreWeave: true },
  { id: "realloc", label: "Reallocated from bitcoin mining", mw: "realloc_mw", date: "realloc_date", coreWeave: false },
  { id: "expansion", label: "New HPC sites toward the 1 GW ambition", mw: "expansion_mw", date: "expansion_date", coreWeave: false },
] as const;

const L = CAPACITY_LINES.length;

/** Row offsets inside a Capacity block. */
export const CAPACITY_ROWS = {
  header: 0,
  delay: 1,
  delayAfter: 2,
  target: 3,
  targetYear: 4,
  line0: 5, // 3 rows per line: MW, planned date, date after delay
  energised0: 5 + 3 * L, // one period row per line
  hpc: 5 + 4 * L,
  coreWeave: 6 + 4 * L,
  other: 7 + 4 * L,
  targetRow: 8 + 4 * L,
  gap: 9 + 4 * L,
  atTarget: 10 + 4 * L,
  meets: 11 + 4 * L,
  height: 13 + 4 * L,
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

  b.block("title", ROW.title, 1, "title", [["CORZ — Capacity: HPC MW of critical IT load energised by 31 December"]]);
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
      const l0 = R(CAPACITY_ROWS.line0 + 3 * i);
      const planned = absCell(l0 + 1, COL.constant);
      b.block(`${id}.${line.id}.links`, l0, 1, "link", [
        [`${line.label}: MW`, "MW", link(line.mw)],
        [`${line.label}: energised (planned)`, "date", link(line.date)],
      ]);
      b.block(`${id}.${line.id}.date`, l0 + 2, 1, "calc", [
        [
          `${line.label}: energised (after delay)`,
          "date",
          `=IF(AND(${C(CAPACITY_ROWS.delay)}>0,${planned}>${C(CAPACITY_ROWS.delayAfter)}),EDATE(${planned},${C(CAPACITY_ROWS.delay)}),${planned})`,
        ],
      ]);
      b.format(cell(l0, COL.constant), { numberFormat: FORMATS.mw });
      b.format(`${cell(l0 + 1, COL.constant)}:${cell(l0 + 2, COL.constant)}`, { numberFormat: FORMATS.date });
    });

    // Capacity rows are stocks (MW at a date): no totals. The row argument only matters for totals.
    const period = (label: string, unit: string, f: (c: number) => string): CellContent[] => periodCells(0, years, label, unit, false, f);
    const Y = (c: number) => cell(ROW.timeline, c, { row: true });
    const at = (off: number, c: number) => cell(R(off), c);
    const rows: CellContent[][] = CAPACITY_LINES.map((line, i) => {
      const l0 = R(CAPACITY_ROWS.line0 + 3 * i);
      const mw = absCell(l0, COL.constant);
      const date = absCell(l0 + 2, COL.constant);
      return period(`${line.label}: MW energised`, "MW", (c) => `=IF(${date}<DATE(${Y(c)}+1,1,1),${mw},0)`);
    });
    const e0 = CAPACITY_ROWS.energised0;
    const cw = CAPACITY_LINES.filter((l) => l.coreWeave).length;
    rows.push(period("HPC MW energised", "MW", (c) => `=SUM(${at(e0, c)}:${at(e0 + L - 1, c)})`));
    rows.push(period("of which CoreWeave", "MW", (c) => `=SUM(${at(e0, c)}:${at(e0 + cw - 1, c)})`));
    rows.push(period("of which other HPC", "MW", (c) => `=SUM(${at(e0 + cw, c)}:${at(e0 + L - 1, c)})`));
    rows.push(period("Target", "MW", () => `=${C(CAPACITY_ROWS.target)}`));
    rows.push(period("HPC MW above (below) target", "MW", (c) => `=${at(CAPACITY_ROWS.hpc, c)}-${at(CAPACITY_ROWS.targetRow, c)}`));
    b.block(`${id}.periods`, R(e0), 1, "calc", rows);
    const hpcRow = `${cell(R(CAPACITY_ROWS.hpc), COL.firstPeriod)}:${cell(R(CAPACITY_ROWS.hpc), lastCol)}`;
    b.block(`${id}.target`, R(CAPACITY_ROWS.atTarget), 1, "calc", [
      ["HPC MW at the end of the target year", "MW", `=IFERROR(INDEX(${hpcRow},1,MATCH(${C(CAPACITY_ROWS.targetYear)},${timeline},0)),0)`],
      ["Target met?", "TRUE/FALSE", `=${C(CAPACITY_ROWS.atTarget)}>=${C(CAPACITY_ROWS.target)}`],
    ]);
    b.format(`${cell(R(e0), COL.firstPeriod)}:${cell(R(CAPACITY_ROWS.gap), lastCol)}`, { numberFormat: FORMATS.mw });
    b.format(cell(R(CAPACITY_ROWS.atTarget), COL.constant), { numberFormat: FORMATS.mw });
    b.format(`${cell(R(CAPACITY_ROWS.hpc), 1)}:${cell(R(CAPACITY_ROWS.hpc), lastCol)}`, { bold: true });
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
