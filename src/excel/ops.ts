/**
 * The write and its undo as lists of small operations, each with the bytes it adds to a
 * request, so the adapter can send them in as few `context.sync` calls as the request cap
 * allows. An operation finds its sheet by id (ours already) or by the name it was added under.
 */
import { absoluteSpan, boxContains, cell, parseCell, parseRange, rangeOf, sheetRef } from "../plan/a1";
import { TEXT_FORMAT } from "../plan/layout";
import { CellContent, ChartPlan, Format, ListValidation, PrintPlan, SheetKey, SheetPlan, TablePlan } from "../plan/types";
import { CellSnapshot, Decision, SheetWrite, blockRange } from "./decide";
import { SheetLayout } from "./registry";

/** Excel on the web refuses requests above 5 MB; stay well under it. */
export const MAX_REQUEST_BYTES = 4_000_000;
/** A block or array larger than this is sent in row slices. */
export const SLICE_BYTES = 1_000_000;

/** Finds a worksheet for an operation when the batch runs. */
export type SheetFinder = (key: SheetKey) => Excel.Worksheet;

export interface Op {
  /** Roughly what the operation adds to the request (its payload as JSON). */
  readonly bytes: number;
  run(ctx: Excel.RequestContext, sheet: SheetFinder): void;
}

/**
 * What Office.js adds to a request for each operation beyond its payload: an action record and
 * the object paths it names (a sheet, a range, a format), a few hundred bytes of JSON.
 */
const SMALL = 300;
const op = (bytes: number, run: Op["run"]): Op => ({ bytes: bytes + SMALL, run });
const size = (x: unknown) => JSON.stringify(x).length;

/** Splits operations, in order, into requests of at most `max` bytes (an operation larger than `max` goes alone). */
export function chunk(ops: readonly Op[], max = MAX_REQUEST_BYTES): Op[][] {
  const out: Op[][] = [];
  let cur: Op[] = [];
  let bytes = 0;
  for (const o of ops) {
    if (cur.length > 0 && bytes + o.bytes > max) {
      out.push(cur);
      cur = [];
      bytes = 0;
    }
    cur.push(o);
    bytes += o.bytes;
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

/**
 * Writes a 2-D array to the range starting at `at`, in row slices of at most SLICE_BYTES.
 * `set` assigns one slice to its range.
 */
function sliced<T>(key: SheetKey, at: string, rows: readonly (readonly T[])[], set: (r: Excel.Range, slice: T[][]) => void): Op[] {
  const { row, col } = parseCell(at);
  const cols = rows[0]?.length ?? 0;
  if (cols === 0) return [];
  const out: Op[] = [];
  let start = 0;
  while (start < rows.length) {
    let end = start;
    let bytes = 0;
    for (; end < rows.length; end++) {
      const rowBytes = size(rows[end]);
      if (end > start && bytes + rowBytes > SLICE_BYTES) break;
      bytes += rowBytes;
    }
    const slice = rows.slice(start, end).map((r) => [...r]);
    const range = rangeOf(row + start, col, end - start, cols);
    out.push(op(bytes, (_ctx, sheet) => set(sheet(key).getRange(range), slice)));
    start = end;
  }
  return out;
}

function toFormulas(cells: readonly (readonly CellContent[])[]): (string | number | boolean)[][] {
  return cells.map((row) => row.map((v) => (v === null ? "" : v)));
}

function formatOps(key: SheetKey, f: Format): Op[] {
  const out: Op[] = [];
  if (f.numberFormat !== undefined) {
    const { row, col, rows, cols } = parseRange(f.range);
    const grid = Array.from({ length: rows }, () => new Array<string>(cols).fill(f.numberFormat as string));
    out.push(...sliced(key, rangeOf(row, col, 1, 1), grid, (r, s) => (r.numberFormat = s)));
  }
  out.push(
    op(size(f), (_ctx, sheet) => {
      const r = sheet(key).getRange(f.range);
      if (f.bold !== undefined) r.format.font.bold = f.bold;
      if (f.italic !== undefined) r.format.font.italic = f.italic;
      if (f.fontColor !== undefined) r.format.font.color = f.fontColor;
      if (f.fill !== undefined) r.format.fill.color = f.fill;
      if (f.wrap !== undefined) r.format.wrapText = f.wrap;
    }),
  );
  return out;
}

function addChart(ctx: Excel.RequestContext, ws: Excel.Worksheet, c: ChartPlan): void {
  const sheetOf = (name: string) => ctx.workbook.worksheets.getItem(name);
  const [first, ...rest] = c.series;
  // A series in one column (an XY scatter's y values down a table) is read by columns, else by rows.
  const box = parseRange(first.range);
  const chart = ws.charts.add(c.type, sheetOf(first.sheet).getRange(first.range), box.cols === 1 && box.rows > 1 ? "Columns" : "Rows");
  chart.name = c.id;
  chart.title.text = c.title;
  const categories = sheetOf(c.categories.sheet).getRange(c.categories.range);
  const s0 = chart.series.getItemAt(0);
  s0.name = first.name;
  s0.setXAxisValues(categories);
  for (const s of rest) {
    const series = chart.series.add(s.name);
    series.setValues(sheetOf(s.sheet).getRange(s.range));
    series.setXAxisValues(categories);
  }
  chart.setPosition(c.anchor.from, c.anchor.to);
}

/** Tab colour, widths, frozen panes and list validations, as a sheet's layout says. */
function layoutOps(key: SheetKey, layout: Omit<SheetLayout, "charts" | "tables">): Op[] {
  return [
    op(size(layout), (_ctx, sheet) => {
      const ws = sheet(key);
      ws.tabColor = layout.tabColor;
      for (const v of layout.validations) setValidation(ws, v);
      for (const w of layout.columnWidths) ws.getRange(`${w.column}:${w.column}`).format.columnWidth = Math.round(w.width * 6);
      ws.freezePanes.unfreeze();
      const { rows, columns } = layout.freeze;
      // freezeAt freezes the rows and the columns of its range: a rows-only freeze given to it
      // would freeze column A as well, so rows alone and columns alone have their own calls.
      if (rows > 0 && columns > 0) ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, rows, columns));
      else if (rows > 0) ws.freezePanes.freezeRows(rows);
      else if (columns > 0) ws.freezePanes.freezeColumns(columns);
      if (layout.print) setPageLayout(ws, layout.print);
    }),
  ];
}

/**
 * How the sheet prints (ExcelApi 1.9): orientation, fit to pages across, and the title rows and
 * label columns repeated on every page. A free height (0) leaves verticalFitToPages unset: the
 * API documents no 0 for "as many pages as needed". The print area is not set: Excel prints
 * the used range and cuts text that runs past it, as the plan's area says.
 */
function setPageLayout(ws: Excel.Worksheet, p: PrintPlan): void {
  const pl = ws.pageLayout;
  pl.orientation = p.orientation === "landscape" ? "Landscape" : "Portrait";
  pl.zoom = p.fitToHeight > 0 ? { horizontalFitToPages: p.fitToWidth, verticalFitToPages: p.fitToHeight } : { horizontalFitToPages: p.fitToWidth };
  if (p.titleRows) pl.setPrintTitleRows(absoluteSpan(p.titleRows));
  if (p.titleColumns) pl.setPrintTitleColumns(absoluteSpan(p.titleColumns));
}


function setValidation(ws: Excel.Worksheet, v: ListValidation): void {
  const r = ws.getRange(v.range);
  r.dataValidation.clear();
  r.dataValidation.rule = { list: { inCellDropDown: true, source: v.source } };
}

function chartAndTableOps(key: SheetKey, charts: readonly ChartPlan[], tables: readonly TablePlan[]): Op[] {
  return [
    ...charts.map((c) => op(size(c), (ctx, sheet) => addChart(ctx, sheet(key), c))),
    ...tables.map((t) =>
      op(size(t), (_ctx, sheet) => {
        const table = sheet(key).tables.add(t.range, true);
        table.name = t.name;
        table.showFilterButton = true;
      }),
    ),
  ];
}

/** The layout a sheet plan sets, with the table names it takes in this workbook. */
export function layoutOf(p: SheetPlan, tableNames: ReadonlyMap<string, string>): SheetLayout {
  return {
    tabColor: p.tabColor,
    freeze: p.freeze,
    columnWidths: p.columnWidths,
    validations: p.validations,
    charts: p.charts,
    tables: p.tables.map((t) => ({ name: tableNames.get(t.name) ?? t.name, range: t.range })),
    print: p.print,
  };
}

/**
 * Takes away what the add-in wrote last time. A range that a new block covers keeps its
 * contents until the block overwrites them, so an input the user typed is never blank between
 * two requests of the write.
 */
function clearOps(s: SheetWrite): Op[] {
  const o = s.owned;
  if (!o) return [];
  const key = s.plan.key;
  const blocks = s.plan.blocks.map((b) => parseRange(blockRange(b)));
  const covered = (r: string) => blocks.some((b) => boxContains(b, parseRange(r)));
  return [
    op(size(o), (ctx, sheet) => {
      const ws = sheet(key);
      // Our tables become plain ranges first, so clearing and re-adding them cannot collide.
      for (const t of o.tables) ctx.workbook.tables.getItem(t).convertToRange();
      for (const r of o.ranges) ws.getRange(r).clear(covered(r) ? "Formats" : "All");
      for (const c of o.charts) ws.charts.getItem(c).delete();
    }),
  ];
}

function sheetOps(s: SheetWrite): Op[] {
  const p = s.plan;
  const isText = (f: Format) => f.numberFormat === TEXT_FORMAT;
  return [
    // Text formats go first, so the text written into those cells stays text.
    ...p.formats.filter(isText).flatMap((f) => formatOps(p.key, f)),
    ...p.blocks.flatMap((b) => sliced(p.key, b.at, toFormulas(b.cells), (r, v) => (r.formulas = v))),
    ...p.formats.filter((f) => !isText(f)).flatMap((f) => formatOps(p.key, f)),
  ];
}

/** Every operation of the write, in order: sheets first, so formulas can name any of them. */
export function writeOps(d: Decision): Op[] {
  const added = d.sheets.filter((s) => !s.owned);
  return [
    ...added.map((s) => op(s.plan.name.length, (ctx) => void ctx.workbook.worksheets.add(s.plan.name))),
    op(size(d.namesToDelete), (ctx) => {
      for (const n of d.namesToDelete) ctx.workbook.names.getItem(n).delete();
    }),
    ...d.sheets.flatMap(clearOps),
    ...d.sheets.flatMap((s) => [...sheetOps(s), ...layoutOps(s.plan.key, layoutOf(s.plan, d.tableNames))]),
    ...d.sheets.flatMap((s) => chartAndTableOps(s.plan.key, s.plan.charts, layoutOf(s.plan, d.tableNames).tables)),
    ...d.namesToAdd.map((n) => op(size(n), (ctx) => void ctx.workbook.names.add(n.name, `=${sheetRef(n.sheet, n.range)}`, n.comment))),
  ];
}

/** What the workbook holds after a failed write, read before putting things back. */
export interface AfterFailure {
  readonly sheetIds: ReadonlySet<string>;
  readonly names: ReadonlySet<string>;
  readonly tables: ReadonlySet<string>;
  /** Chart names now on each of our sheets. */
  readonly charts: Partial<Record<SheetKey, readonly string[]>>;
}

/** What the restore needs of the state before the write. */
export interface Before {
  readonly sheetIds: ReadonlySet<string>;
  /** Our defined names as they were (reference and comment). */
  readonly names: readonly { readonly name: string; readonly formula: string; readonly comment: string }[];
  /** Names that were the user's: never touched. */
  readonly othersNames: ReadonlySet<string>;
  /** Our sheets as they were: id, the cell snapshot and the layout the last build recorded. */
  readonly owned: Partial<Record<SheetKey, { readonly id: string; readonly snapshot?: CellSnapshot; readonly layout?: SheetLayout; readonly charts: readonly string[]; readonly tables: readonly string[] }>>;
}

function restoreCells(key: SheetKey, snap: CellSnapshot): Op[] {
  const top = parseRange(snap.box);
  const at = cell(top.row, top.col);
  return [
    // Number formats first (text stays text), then contents, then fonts and fills.
    ...sliced(key, at, snap.numberFormat, (r, v) => (r.numberFormat = v)),
    ...sliced(key, at, snap.formulas, (r, v) => (r.formulas = v as (string | number | boolean)[][])),
    ...sliced(key, at, snap.props, (r, v) => r.setCellProperties(v as Excel.SettableCellProperties[][])),
  ];
}

/** Ranges the new plan writes on a sheet that lie (partly) outside the snapshot's box. */
function outsideBox(p: SheetPlan, box: string | undefined): string[] {
  const all = [...p.blocks.map(blockRange), ...p.formats.map((f) => f.range)];
  if (!box) return all;
  const b = parseRange(box);
  return all.filter((r) => !boxContains(b, parseRange(r)));
}

/**
 * Puts the workbook back as it was before a failed write: removes the sheets and names the
 * build added, and on our sheets takes away what the new plan added and writes back the
 * snapshot of cells and formats and the recorded layout, charts, tables and names.
 */
export function restoreOps(d: Decision, before: Before, now: AfterFailure): Op[] {
  const added = [...now.sheetIds].filter((id) => !before.sheetIds.has(id));
  // Every name present that is not the user's is ours: old ones are written again below.
  const names = [...now.names].filter((n) => !before.othersNames.has(n));
  const ops: Op[] = [
    op(size(added) + size(names), (ctx) => {
      for (const id of added) ctx.workbook.worksheets.getItem(id).delete();
      for (const n of names) ctx.workbook.names.getItem(n).delete();
    }),
  ];
  for (const s of d.sheets) {
    const key = s.plan.key;
    const b = before.owned[key];
    if (!b || !now.sheetIds.has(b.id)) continue;
    const newTables = layoutOf(s.plan, d.tableNames).tables.map((t) => t.name);
    const tables = [...new Set([...b.tables, ...newTables])].filter((t) => now.tables.has(t));
    const charts = [...new Set([...b.charts, ...s.plan.charts.map((c) => c.id)])].filter((c) => (now.charts[key] ?? []).includes(c));
    const stray = outsideBox(s.plan, b.snapshot?.box);
    ops.push(
      op(size(stray), (ctx, sheet) => {
        const ws = sheet(key);
        for (const t of tables) ctx.workbook.tables.getItem(t).convertToRange();
        for (const c of charts) ws.charts.getItem(c).delete();
        for (const v of s.plan.validations) ws.getRange(v.range).dataValidation.clear();
        for (const r of stray) ws.getRange(r).clear("All");
      }),
    );
    if (b.snapshot) ops.push(...restoreCells(key, b.snapshot));
    if (b.layout) ops.push(...layoutOps(key, b.layout), ...chartAndTableOps(key, b.layout.charts, b.layout.tables));
  }
  ops.push(...before.names.map((n) => op(size(n), (ctx) => void ctx.workbook.names.add(n.name, n.formula, n.comment || undefined))));
  return ops;
}
