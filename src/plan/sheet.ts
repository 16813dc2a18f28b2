/** A small builder that collects a sheet's blocks and formats as the plan is laid out, and what the sheets of blocks by scenario share. */
import { absCell, cell, columnLetter, rangeOf } from "./a1";
import type { InputsLayout } from "./inputs";
import { COL, COLOURS, FORMATS, SheetNames } from "./layout";
import { printPlanFor } from "./print";
import { Block, BlockKeys, BlockRole, CellContent, ChartPlan, Format, ListValidation, SheetKey, SheetPlan, TablePlan } from "./types";

export class SheetBuilder {
  private readonly blocks: Block[] = [];
  private readonly formats: Format[] = [];
  private readonly validations: ListValidation[] = [];
  private readonly charts: ChartPlan[] = [];
  private readonly tables: TablePlan[] = [];
  private widths: { column: string; width: number }[] = [];
  private freezeAt = { rows: 0, columns: 0 };

  constructor(
    readonly key: SheetKey,
    readonly name: string,
    private readonly tabColor: string,
  ) {}

  /** Adds a block of rows at (row, col); the style follows the role. */
  block(id: string, row: number, col: number, role: BlockRole, cells: CellContent[][], keys?: BlockKeys): string {
    const width = Math.max(...cells.map((r) => r.length));
    const rows = cells.map((r) => (r.length === width ? r : [...r, ...new Array<CellContent>(width - r.length).fill(null)]));
    if (keys && (keys.rows.length !== rows.length || keys.cols.length !== width)) throw new Error(`keys of block ${id} do not fit its cells`);
    this.blocks.push({ id: `${this.key}.${id}`, at: cell(row, col), cells: rows, role, ...(keys ? { keys } : {}) });
    const range = rangeOf(row, col, rows.length, width);
    const style = ROLE_STYLE[role];
    if (style) this.formats.push({ range, ...style });
    return range;
  }

  /**
   * A timeline row: "Year" in the label column, the first year as a constant, then one
   * formula per period (the first links the constant, each next one adds a year).
   */
  timeline(id: string, row: number, firstYear: number, years: number, totalLabel: string | null): void {
    this.block(`${id}.label`, row, COL.label, "header", [["Year", "year", firstYear, totalLabel]]);
    this.block(id, row, COL.firstPeriod, "header", [
      Array.from({ length: years }, (_, i) => (i === 0 ? `=${absCell(row, COL.constant)}` : `=${cell(row, COL.firstPeriod + i - 1)}+1`)),
    ]);
    this.format(`${cell(row, COL.constant)}:${cell(row, COL.firstPeriod + years - 1)}`, { numberFormat: FORMATS.year });
  }

  format(range: string, format: Omit<Format, "range">): void {
    this.formats.push({ range, ...format });
  }

  validation(range: string, source: string): void {
    this.validations.push({ range, source });
  }

  chart(chart: ChartPlan): void {
    this.charts.push(chart);
  }

  table(table: TablePlan): void {
    this.tables.push(table);
  }

  columnWidths(widths: { column: string; width: number }[]): void {
    this.widths = widths;
  }

  /** Widths of the label, unit, constant and total columns (A to D), then of `periods` period columns from E. */
  periodColumnWidths(fixed: readonly [label: number, unit: number, constant: number, total: number], periods: number, width: number): void {
    this.columnWidths([
      ...fixed.map((w, i) => ({ column: columnLetter(i + 1), width: w })),
      ...Array.from({ length: periods }, (_, i) => ({ column: columnLetter(COL.firstPeriod + i), width })),
    ]);
  }

  /**
   * A chart of period rows over the timeline at `timelineRow`, from the first period column to
   * `lastCol`, anchored from three rows below `belowRow` over columns A to D, 20 rows high.
   */
  periodChart(c: {
    readonly id: string;
    readonly type: ChartPlan["type"];
    readonly title: string;
    readonly timelineRow: number;
    readonly lastCol: number;
    readonly series: readonly { readonly name: string; readonly row: number }[];
    readonly belowRow: number;
  }): void {
    const across = (row: number) => `${cell(row, COL.firstPeriod)}:${cell(row, c.lastCol)}`;
    this.chart({
      id: c.id,
      type: c.type,
      title: c.title,
      categories: { name: "Year", sheet: this.name, range: across(c.timelineRow) },
      series: c.series.map((s) => ({ name: s.name, sheet: this.name, range: across(s.row) })),
      anchor: { from: cell(c.belowRow + 3, 1), to: cell(c.belowRow + 22, 4) },
    });
  }

  freeze(rows: number, columns: number): void {
    this.freezeAt = { rows, columns };
  }

  build(): SheetPlan {
    const print = printPlanFor({ blocks: this.blocks, charts: this.charts, columnWidths: this.widths, freeze: this.freezeAt });
    return {
      key: this.key,
      name: this.name,
      tabColor: this.tabColor,
      blocks: this.blocks,
      formats: this.formats,
      validations: this.validations,
      columnWidths: this.widths,
      freeze: this.freezeAt,
      charts: this.charts,
      tables: this.tables,
      print,
    };
  }
}

const ROLE_STYLE: Partial<Record<BlockRole, Omit<Format, "range">>> = {
  title: { bold: true, fontColor: COLOURS.titleFont, fill: COLOURS.titleFill },
  header: { bold: true, fill: COLOURS.headerFill },
  input: { fontColor: COLOURS.input, fill: COLOURS.inputFill },
  link: { fontColor: COLOURS.link },
  calc: { fontColor: COLOURS.calc },
  check: { bold: true },
  note: { italic: true, fontColor: COLOURS.note, wrap: false },
};

/**
 * One period row in the FAST layout: label, unit, no constant, the row's total (for flows),
 * then the formula `f` gives for each period column.
 */
export function periodCells(row: number, years: number, label: string, unit: string, total: boolean, f: (col: number) => string): CellContent[] {
  const last = COL.firstPeriod + years - 1;
  return [label, unit, null, total ? `=SUM(${cell(row, COL.firstPeriod)}:${cell(row, last)})` : null, ...Array.from({ length: years }, (_, i) => f(COL.firstPeriod + i))];
}

/** The constant column from row `from` to row `to`: "C7", or "C7:C9". */
export function constantRange(from: number, to: number): string {
  return rangeOf(from, COL.constant, to - from + 1, 1);
}

/**
 * One scenario's block on a sheet of blocks by scenario (Deal, Capacity, Valuation): its ids,
 * its rows, and its scenario's column on the Inputs sheet.
 */
export interface ScenarioBlock {
  /** "s0" for the live block, then "s1", ...: the prefix of the block's ids. */
  readonly id: string;
  readonly firstRow: number;
  /** The sheet row of an offset in the block. */
  readonly rowOf: (offset: number) => number;
  /** The absolute constant-column cell of an offset in the block. */
  readonly constantCell: (offset: number) => string;
  /** The cell of an offset in the block in column `col`. */
  readonly cellAt: (offset: number, col: number) => string;
  /** The block's scenario column on the Inputs sheet, as a reference. */
  readonly inputRef: (key: string) => string;
  /** A link formula to the block's scenario column on the Inputs sheet. */
  readonly link: (key: string) => string;
}

/**
 * What a sheet of blocks by scenario (Deal, Capacity) is built from: the sheet names, the Inputs
 * sheet's layout, each block's label (the live one first), the timeline's first year and its
 * length in years, and the master-check formula.
 */
export type ScenarioSheetArgs = [names: SheetNames, inputs: InputsLayout, labels: readonly string[], firstYear: number, years: number, masterCheck: string];

/** Block `j` (0: the live one) starting at `firstRow`, its scenario's inputs read through `inputRef`. */
export function scenarioBlockAt(j: number, firstRow: number, inputRef: (key: string) => string): ScenarioBlock {
  const rowOf = (offset: number) => firstRow + offset;
  return {
    id: `s${j}`,
    firstRow,
    rowOf,
    constantCell: (offset) => absCell(rowOf(offset), COL.constant),
    cellAt: (offset, col) => cell(rowOf(offset), col),
    inputRef,
    link: (key) => `=${inputRef(key)}`,
  };
}
