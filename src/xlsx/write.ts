/**
 * The exceljs adapter: writes a workbook plan to an .xlsx file, so the same sheets the task
 * pane builds in Excel can be produced, inspected and recalculated (by LibreOffice in the
 * tests) without Excel: the same sheets, formulas, number formats, styles, names, tables and
 * list validations. exceljs cannot draw charts: each sheet's chart plans are listed in a note
 * cell instead (the Office.js adapter draws them).
 */
import ExcelJS from "exceljs";
import { absoluteRows, cell, parseCell, parseRange, sheetRef } from "../plan/a1";
import { CellContent, Format, PrintPlan, SheetPlan, TablePlan, WorkbookPlan } from "../plan/types";

function argb(hex: string): string {
  return `FF${hex.replace("#", "").toUpperCase()}`;
}

function toCellValue(v: CellContent): ExcelJS.CellValue {
  if (typeof v === "string" && v.startsWith("=")) return { formula: v.slice(1) } as ExcelJS.CellFormulaValue;
  return v;
}

function eachCell(ws: ExcelJS.Worksheet, range: string, f: (c: ExcelJS.Cell) => void): void {
  const b = parseRange(range);
  for (let r = b.row; r < b.row + b.rows; r++) for (let c = b.col; c < b.col + b.cols; c++) f(ws.getCell(r, c));
}

function applyFormat(ws: ExcelJS.Worksheet, fmt: Format): void {
  eachCell(ws, fmt.range, (c) => {
    if (fmt.numberFormat) c.numFmt = fmt.numberFormat;
    if (fmt.bold !== undefined || fmt.italic !== undefined || fmt.fontColor) {
      c.font = {
        ...c.font,
        ...(fmt.bold !== undefined ? { bold: fmt.bold } : {}),
        ...(fmt.italic !== undefined ? { italic: fmt.italic } : {}),
        ...(fmt.fontColor ? { color: { argb: argb(fmt.fontColor) } } : {}),
      };
    }
    if (fmt.fill) c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(fmt.fill) } };
    if (fmt.wrap !== undefined) c.alignment = { ...c.alignment, wrapText: fmt.wrap };
  });
}

/**
 * A table over cells the blocks already wrote: exceljs writes a table's cells itself, so the
 * header and rows are read back from the sheet and handed over unchanged (formulas included).
 */
function addTable(ws: ExcelJS.Worksheet, t: TablePlan): void {
  const box = parseRange(t.range);
  const from = { row: box.row, col: box.col };
  const to = { row: box.row + box.rows - 1, col: box.col + box.cols - 1 };
  const width = box.cols;
  const rowValues = (r: number) => Array.from({ length: width }, (_, j) => ws.getCell(r, from.col + j).value);
  const header = rowValues(from.row).map((v, j) => (typeof v === "string" && v !== "" ? v : `Column${j + 1}`));
  const rows: ExcelJS.CellValue[][] = [];
  for (let r = from.row + 1; r <= to.row; r++) rows.push(rowValues(r));
  // exceljs restyles the cells of a table it writes; keep the plan's styles.
  const styles = new Map<string, Partial<ExcelJS.Style>>();
  for (let r = from.row; r <= to.row; r++) for (let c = from.col; c <= to.col; c++) styles.set(`${r},${c}`, { ...ws.getCell(r, c).style });
  ws.addTable({
    name: t.name,
    ref: cell(box.row, box.col),
    headerRow: true,
    style: { theme: "TableStyleLight9", showRowStripes: true },
    columns: header.map((name) => ({ name, filterButton: true })),
    rows,
  });
  for (const [k, st] of styles) {
    const [r, c] = k.split(",").map(Number);
    ws.getCell(r, c).style = st;
  }
}

/** Excel's "Normal" margins, in inches: the print plan's page widths assume them. */
export const PRINT_MARGINS = { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 } as const;

/** The sheet's page setup: orientation, fit to pages across (height free when 0), repeated title rows and label columns. */
function pageSetup(p: PrintPlan): Partial<ExcelJS.PageSetup> {
  return {
    orientation: p.orientation,
    fitToPage: true,
    fitToWidth: p.fitToWidth,
    fitToHeight: p.fitToHeight,
    margins: { ...PRINT_MARGINS },
    // "A$1:BB$644", as exceljs needs it to write the print area "$A$1:$BB$644": exceljs puts a "$"
    // before each corner itself, and LibreOffice ignores a print area whose rows are not absolute
    // ("$A1:$BB644"), printing instead every empty cell a long note runs into, at a tiny scale.
    printArea: absoluteRows(p.area),
    ...(p.titleRows ? { printTitlesRow: p.titleRows } : {}),
    ...(p.titleColumns ? { printTitlesColumn: p.titleColumns } : {}),
  };
}

function writeSheet(wb: ExcelJS.Workbook, sheet: SheetPlan): void {
  const ws = wb.addWorksheet(sheet.name, {
    properties: { tabColor: { argb: argb(sheet.tabColor) } },
    views: [{ state: "frozen", xSplit: sheet.freeze.columns, ySplit: sheet.freeze.rows }],
    pageSetup: pageSetup(sheet.print),
  });
  for (const block of sheet.blocks) {
    const { row, col } = parseCell(block.at);
    block.cells.forEach((cells, i) =>
      cells.forEach((v, j) => {
        if (v !== null) ws.getCell(row + i, col + j).value = toCellValue(v);
      }),
    );
  }
  for (const fmt of sheet.formats) applyFormat(ws, fmt);
  for (const v of sheet.validations) {
    eachCell(ws, v.range, (c) => {
      c.dataValidation = { type: "list", allowBlank: false, formulae: [v.source.replace(/^=/, "")], showErrorMessage: true };
    });
  }
  for (const w of sheet.columnWidths) ws.getColumn(w.column).width = w.width;
  for (const t of sheet.tables) addTable(ws, t);
  if (sheet.charts.length > 0) {
    const { row, col } = parseCell(sheet.charts[0].anchor.from);
    ws.getCell(row, col).value = `Charts (drawn by the add-in in Excel): ${sheet.charts.map((c) => c.title).join("; ")}`;
  }
}

/** The workbook's creator: how `npm run workbook` knows a file it may replace is its own. */
export const WORKBOOK_CREATOR = "CORZ HPC deal model";

/** Writes the plan into a new exceljs workbook. */
export function planToWorkbook(plan: WorkbookPlan): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = WORKBOOK_CREATOR;
  wb.calcProperties.fullCalcOnLoad = true;
  for (const sheet of plan.sheets) writeSheet(wb, sheet);
  for (const n of plan.names) {
    wb.definedNames.add(sheetRef(n.sheet, n.range), n.name);
  }
  return wb;
}
