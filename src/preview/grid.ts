/**
 * Draws one sheet of the preview's workbook: a table with row and column headings whose cells
 * show their values in their number formats (formula cells as the evaluator computes them,
 * arrays spilled into the cells right and below), frozen rows and columns that stay in view, and
 * the sheet's charts (SVG) laid over the cells where they were placed. What a person does with
 * it (selecting, typing, switching sheets) is viewer.ts.
 */
import { cell as a1Cell, columnLetter, parseCell } from "../plan/a1";
import { chartData, chartSvg } from "./chart";
import { el, withAttributes } from "./dom";
import { CellState, SheetState } from "./excelDouble";
import { formatValue } from "./format";
import { Evaluator, Scalar, XlError } from "./formula";

/** How many rows and columns the grid shows. */
export interface GridSize {
  readonly rows: number;
  readonly cols: number;
}

/** The rows and columns the grid shows: the used range, the charts, and a margin of empty cells to type into. */
function extent(s: SheetState): GridSize {
  let rows = 0;
  let cols = 0;
  for (const [k, c] of s.cells) {
    if (c.formula === undefined || c.formula === "") continue;
    const [r, col] = k.split(",").map(Number);
    rows = Math.max(rows, r);
    cols = Math.max(cols, col);
  }
  for (const ch of s.charts) {
    for (const a of ch.position ?? []) {
      if (!a) continue;
      const p = parseCell(a);
      rows = Math.max(rows, p.row);
      cols = Math.max(cols, p.col);
    }
  }
  return { rows: Math.max(rows + 5, 30), cols: Math.max(cols + 2, 12) };
}

/** A cell's content as the formula bar and a hover show it: TRUE/FALSE in capitals, a date typed as text as typed. */
export function shownContent(c: CellState | undefined): string {
  const v = c?.formula;
  if (v === undefined) return "";
  if (typeof v === "string" && v.startsWith("date:")) return v.slice(5);
  return typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v);
}

/** An error's code and, when it has one, its message: what Excel shows on hover. */
export function errorText(v: XlError): string {
  return v.message ? `${v.code}: ${v.message}` : v.code;
}

/** Fills a cell's td: its value as its format shows it, its content on hover, and its font. */
function showCell(td: HTMLTableCellElement, s: SheetState, r: number, c: number, a1: string, evaluator: Evaluator): void {
  const cell = s.cells.get(`${r},${c}`);
  const has = cell?.formula !== undefined && cell.formula !== "";
  const sp = has ? undefined : evaluator.spillOf(s.name, r, c);
  const spilled = sp !== undefined && sp.blockedBy === undefined;
  if (!has && !spilled) {
    td.title = a1;
    return;
  }
  const v: Scalar = evaluator.value(s.name, r, c);
  td.textContent = formatValue(v, cell?.numberFormat);
  const content = spilled ? `${shownContent(s.get(a1Cell(sp.row, sp.col)))} (spilled from ${a1Cell(sp.row, sp.col)})` : shownContent(cell);
  td.title = `${a1}: ${content}${v instanceof XlError ? `\n${errorText(v)}` : ""}`;
  if (spilled) td.classList.add("spilled");
  else if (typeof cell?.formula === "string" && cell.formula.startsWith("=")) td.classList.add("formula");
  if (v instanceof XlError) {
    td.classList.add("error");
    if (v.message) td.dataset.message = v.message;
  }
  if (typeof v === "number") td.classList.add("number");
  if (cell?.bold) td.style.fontWeight = "600";
  if (cell?.italic) td.style.fontStyle = "italic";
  if (cell?.fontColor) td.style.color = cell.fontColor;
}

/** One cell of the grid, not selected, reachable by the arrow keys rather than Tab. */
function cellTd(s: SheetState, r: number, c: number, frozen: GridSize, evaluator: Evaluator): HTMLTableCellElement {
  const a1 = a1Cell(r, c);
  const td = withAttributes(el("td"), { tabindex: "-1", "aria-selected": "false" });
  td.dataset.address = a1;
  showCell(td, s, r, c, a1, evaluator);
  const fill = s.cells.get(`${r},${c}`)?.fill;
  if (fill) td.style.backgroundColor = fill;
  if (c <= frozen.cols) td.classList.add("frozen-col");
  if (c === frozen.cols) td.classList.add("frozen-col-edge");
  return td;
}

/** The table of a sheet's cells with row and column headings, frozen rows and columns marked. */
function sheetTable(s: SheetState, size: GridSize, frozen: GridSize, evaluator: Evaluator): HTMLTableElement {
  const table = withAttributes(el("table", { className: "grid" }), { role: "grid", "aria-label": `Sheet ${s.name}`, "aria-rowcount": String(size.rows + 1), "aria-colcount": String(size.cols + 1) });
  const head = el("tr", {}, el("th", { className: "corner" }, el("span", { className: "sr-only" }, "Row")));
  for (let c = 1; c <= size.cols; c++) head.append(el("th", { scope: "col" }, columnLetter(c)));
  const body = document.createDocumentFragment();
  for (let r = 1; r <= size.rows; r++) {
    const tr = el("tr", {}, el("th", { scope: "row" }, String(r)));
    if (r <= frozen.rows) tr.classList.add("frozen-row");
    if (r === frozen.rows) tr.classList.add("frozen-edge");
    for (let c = 1; c <= size.cols; c++) tr.append(cellTd(s, r, c, frozen, evaluator));
    body.append(tr);
  }
  table.append(el("thead", {}, head), el("tbody", {}, body));
  return table;
}

/**
 * Frozen rows and columns stay in view: sticky at the offsets they have in the table. All
 * offsets are read before any style is written, so the table is laid out once.
 */
function stickFrozen(table: HTMLTableElement, frozen: GridSize): void {
  if (frozen.rows === 0 && frozen.cols === 0) return;
  const rows = [...table.querySelectorAll<HTMLTableRowElement>("tr.frozen-row")];
  const tops = rows.map((tr) => `${tr.offsetTop}px`);
  const first = table.querySelector("tbody tr");
  const lefts = [...(first?.querySelectorAll<HTMLElement>("td.frozen-col") ?? [])].map((td) => `${td.offsetLeft}px`);
  rows.forEach((tr, i) => {
    for (const cell of tr.querySelectorAll<HTMLElement>("td, th")) {
      cell.style.top = tops[i];
      cell.classList.add("sticky-top");
    }
  });
  for (const tr of table.querySelectorAll("tr")) {
    [...tr.querySelectorAll<HTMLElement>("td.frozen-col")].forEach((td, i) => (td.style.left = lefts[i]));
  }
  // The column headings of frozen columns stay too.
  const heads = [...table.querySelectorAll<HTMLElement>("thead th[scope='col']")].slice(0, frozen.cols);
  heads.forEach((th, i) => {
    th.style.left = lefts[i];
    th.classList.add("frozen-head");
  });
}

/** Where a chart is drawn over the table, in pixels. */
interface Box {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** The td of a cell ("A1"), if the table shows it. */
export const cellIn = (container: ParentNode, a1: string): HTMLTableCellElement | null => container.querySelector<HTMLTableCellElement>(`td[data-address="${a1}"]`);

/** Where each chart goes: from its first cell to its last, at least big enough to read (read before any style is written). */
function chartBoxes(s: SheetState, table: HTMLTableElement): Box[] {
  return s.charts.map((ch) => {
    const [from, to] = ch.position ?? [];
    const a = from ? cellIn(table, from.replace(/\$/g, "")) : null;
    const b = to ? cellIn(table, to.replace(/\$/g, "")) : a;
    const left = a?.offsetLeft ?? 0;
    const top = a?.offsetTop ?? 0;
    return { left, top, width: Math.max(360, b ? b.offsetLeft + b.offsetWidth - left : 0), height: Math.max(220, b ? b.offsetTop + b.offsetHeight - top : 0) };
  });
}

/** Each chart of the sheet, drawn at its box; a chart that cannot be drawn says why in its place. */
function drawCharts(s: SheetState, layer: HTMLElement, boxes: readonly Box[], evaluator: Evaluator): void {
  const read = (sheetName: string, r: number, c: number) => evaluator.value(sheetName, r, c);
  s.charts.forEach((ch, i) => {
    const [from, to] = ch.position ?? [];
    const figure = el("figure", { className: "chart" });
    figure.dataset.chart = ch.name;
    layer.append(figure);
    let data: ReturnType<typeof chartData>;
    try {
      data = chartData(ch, read);
    } catch (e) {
      figure.textContent = `The chart ${ch.title ?? ch.name} cannot be drawn: ${e instanceof Error ? e.message : String(e)}`;
      return;
    }
    const box = boxes[i];
    figure.style.left = `${box.left}px`;
    figure.style.top = `${box.top}px`;
    figure.innerHTML = chartSvg(data, { width: box.width, height: box.height });
    figure.title = `${ch.title ?? ch.name} (placed at ${from ?? "A1"}${to ? `:${to}` : ""})`;
  });
}

/**
 * Draws sheet `s` into `into` (replacing what it held) and returns how many rows and columns it
 * shows. The table is put in the page first, so that it can be measured for the frozen panes
 * and the charts' boxes.
 */
export function drawSheet(into: HTMLElement, s: SheetState, evaluator: Evaluator): GridSize {
  const size = extent(s);
  const { rows, columns } = s.frozenPanes();
  const frozen = { rows, cols: columns };
  const table = sheetTable(s, size, frozen, evaluator);
  const charts = el("div", { className: "charts" });
  into.replaceChildren(el("div", { className: "canvas" }, table, charts));
  const boxes = chartBoxes(s, table);
  stickFrozen(table, frozen);
  drawCharts(s, charts, boxes, evaluator);
  return size;
}
