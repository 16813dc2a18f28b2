/**
 * The preview's workbook as a workbook plan, so the exceljs adapter (src/xlsx/write.ts) writes
 * exactly what the page shows to an .xlsx: every sheet of the Excel double with its cells
 * (values and formulas, as typed or built), number formats and styles, column widths, frozen
 * panes, tables, list validations, charts, page setup and defined names. Built sheets and
 * sheets a person added or typed into alike.
 *
 * Pure: reads the double's state, returns data.
 */
import { cell, columnLetter, splitSheetRef } from "../plan/a1";
import { LAYOUT_VERSION, SHEET_NAMES } from "../plan/layout";
import type { Block, CellContent, ChartPlan, Format, ListValidation, NamePlan, PrintPlan, Series, SheetKey, SheetPlan, WorkbookPlan } from "../plan/types";
import { literal } from "./formula";
import type { CellState, ChartState, ExcelDouble, PageLayoutState, SheetState } from "./excelDouble";

/** "Sheet!A1:B2" or "'My sheet'!$A$1" → sheet (this one when it names none) and range, as a chart series. */
function split(address: string, fallbackSheet: string): Series & { name: "" } {
  const { sheet = fallbackSheet, range } = splitSheetRef(address);
  return { name: "", sheet, range };
}

/** A cell's content for the plan: "date:2025-01-01" (text Excel took as a date) is its serial. */
function content(c: CellState): CellContent {
  const f = c.formula;
  if (f === undefined || f === "") return null;
  if (typeof f === "string" && f.startsWith("date:")) return literal(f) as number;
  return f;
}

const cellsOf = (s: SheetState) =>
  [...s.cells].map(([k, c]) => {
    const [row, col] = k.split(",").map(Number);
    return { row, col, c };
  });

/** One block per row of content: from its first to its last filled cell, blanks as null. */
function blocksOf(s: SheetState): Block[] {
  const rows = new Map<number, Map<number, CellContent>>();
  for (const { row, col, c } of cellsOf(s)) {
    const v = content(c);
    if (v === null) continue;
    if (!rows.has(row)) rows.set(row, new Map());
    rows.get(row)!.set(col, v);
  }
  return [...rows]
    .sort((a, b) => a[0] - b[0])
    .map(([row, cols]) => {
      const first = Math.min(...cols.keys());
      const last = Math.max(...cols.keys());
      return { id: `${s.name}.row${row}`, at: cell(row, first), role: "calc" as const, cells: [Array.from({ length: last - first + 1 }, (_, j) => cols.get(first + j) ?? null)] };
    });
}

/** A cell's format for the plan; undefined when it has none of its own. */
function formatOf(c: CellState): Omit<Format, "range"> | undefined {
  const f: { -readonly [K in keyof Format]?: Format[K] } = {};
  if (c.numberFormat !== undefined && c.numberFormat !== "General") f.numberFormat = c.numberFormat;
  if (c.bold !== undefined) f.bold = c.bold;
  if (c.italic !== undefined) f.italic = c.italic;
  if (c.fontColor !== undefined) f.fontColor = c.fontColor;
  if (c.fill !== undefined) f.fill = c.fill;
  if (c.wrap !== undefined) f.wrap = c.wrap;
  return Object.keys(f).length > 0 ? f : undefined;
}

/** Cell formats, neighbours in a row with the same format joined into one range. */
function formatsOf(s: SheetState): Format[] {
  const out: Format[] = [];
  const cells = cellsOf(s)
    .map((x) => ({ ...x, f: formatOf(x.c) }))
    .filter((x) => x.f !== undefined)
    .sort((a, b) => a.row - b.row || a.col - b.col);
  let run: { row: number; from: number; to: number; key: string; f: Omit<Format, "range"> } | undefined;
  const flush = () => {
    if (run) out.push({ range: `${columnLetter(run.from)}${run.row}:${columnLetter(run.to)}${run.row}`, ...run.f });
  };
  for (const x of cells) {
    const key = JSON.stringify(x.f);
    if (run && run.row === x.row && run.to === x.col - 1 && run.key === key) run.to = x.col;
    else {
      flush();
      run = { row: x.row, from: x.col, to: x.col, key, f: x.f! };
    }
  }
  flush();
  return out;
}


function chartOf(c: ChartState, sheet: string): ChartPlan | undefined {
  const type = c.type as ChartPlan["type"];
  if (!["ColumnClustered", "BarClustered", "Line", "XYScatter"].includes(type)) return undefined;
  const series = c.series.filter((s) => s.values).map((s, i) => ({ ...split(s.values!, sheet), name: s.name ?? `Series ${i + 1}` }));
  const x = c.series.find((s) => s.xValues)?.xValues;
  if (series.length === 0 || !x) return undefined;
  const [from = "A1", to] = c.position ?? [];
  return { id: c.name, type, title: c.title ?? c.name, categories: { ...split(x, sheet), name: "" }, series, anchor: { from, to: to ?? from } };
}

/**
 * Page setup from what Excel's pageLayout was given, printing `area` (the cells the sheet uses).
 * A sheet whose layout was never set prints as Excel's default; exportXlsx takes the fitting off.
 */
export function printOf(p: PageLayoutState, area: string): PrintPlan {
  const bare = (r: string | undefined) => (r === undefined || r === "" ? undefined : (r.includes("!") ? r.slice(r.lastIndexOf("!") + 1) : r).replace(/\$/g, ""));
  const rows = bare(p.printTitleRows);
  const columns = bare(p.printTitleColumns);
  return {
    orientation: p.orientation === "Landscape" ? "landscape" : "portrait",
    area,
    fitToWidth: p.zoom?.horizontalFitToPages ?? 0,
    fitToHeight: p.zoom?.verticalFitToPages ?? 0,
    ...(rows ? { titleRows: rows } : {}),
    ...(columns ? { titleColumns: columns } : {}),
  };
}

/** Whether the sheet's page layout was ever set (else Excel prints it at 100%, unfitted). */
export const hasPageLayout = (p: PageLayoutState): boolean => Object.values(p).some((v) => v !== undefined);

/** The cells a sheet uses, "A1:F20" (A1 when empty). */
function usedArea(s: SheetState): string {
  let rows = 1;
  let cols = 1;
  for (const { row, col, c } of cellsOf(s)) {
    if (content(c) === null) continue;
    rows = Math.max(rows, row);
    cols = Math.max(cols, col);
  }
  return `A1:${columnLetter(cols)}${rows}`;
}

function validationsOf(s: SheetState): ListValidation[] {
  const out: ListValidation[] = [];
  for (const [range, rule] of s.validations) {
    const source = (rule as { list?: { source?: unknown } } | undefined)?.list?.source;
    if (typeof source === "string") out.push({ range, source });
  }
  return out;
}

/** The plan's key of a built sheet; a sheet of the person's own gets the key of none (the xlsx adapter does not read it). */
function keyOf(name: string): SheetKey {
  const found = (Object.entries(SHEET_NAMES) as [SheetKey, string][]).find(([, n]) => n === name);
  return found ? found[0] : (name as SheetKey);
}

/** Every sheet of the double as a plan the exceljs adapter writes. */
export function workbookPlanOf(excel: ExcelDouble): WorkbookPlan {
  const sheets: SheetPlan[] = excel.sheets.map((s): SheetPlan => {
    return {
      key: keyOf(s.name),
      name: s.name,
      // No tab colour of its own: exportXlsx takes the adapter's placeholder off again.
      tabColor: s.tabColor ?? "#FFFFFF",
      blocks: blocksOf(s),
      formats: formatsOf(s),
      validations: validationsOf(s),
      // The adapter gives Excel points (characters x 6); the plan counts characters.
      columnWidths: [...s.columnWidths].map(([column, points]) => ({ column: column.replace(/[$\d]/g, ""), width: points / 6 })),
      freeze: s.frozenPanes(),
      charts: s.charts.map((c) => chartOf(c, s.name)).filter((c): c is ChartPlan => c !== undefined),
      tables: s.tables.map((t) => ({ name: t.name, range: t.range })),
      print: printOf(s.pageLayout, usedArea(s)),
    };
  });
  const names: NamePlan[] = [...excel.names].map(([name, n]) => {
    const { sheet, range } = split(n.reference.replace(/^=/, ""), excel.sheets[0]?.name ?? "");
    return { name, sheet, range, comment: n.comment ?? "" };
  });
  return { layoutVersion: LAYOUT_VERSION, sheets, names, scenarios: [], sheetNames: SHEET_NAMES };
}
