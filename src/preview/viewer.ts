/**
 * The preview page's workbook view: the sheets in the in-memory Excel double, beside the real
 * task pane, so a person can try the add-in without Excel. Sheet tabs, a grid with row and
 * column headings, a formula bar, as in Excel:
 * - hovering a cell shows its address and formula (an error cell: its message); clicking it, or
 *   moving to it with the arrow keys, selects it (the pane's Insert writes there) and shows its
 *   formula; Enter or F2 goes to the formula bar, Escape comes back; typing there and pressing
 *   Enter changes the cell as typing in Excel would;
 * - values are shown in their number formats; an array a formula returns spills into the cells
 *   right and below (#SPILL! when a cell is in the way); frozen rows and columns stay in view;
 * - each sheet's charts are drawn (SVG) where the chart was placed.
 * It redraws after every change to the workbook.
 *
 * The double does not calculate; formula cells show what src/preview/formula computes.
 * Plain DOM, no React: the page's React and Fluent UI are the task pane's own, in its bundle.
 */
import { columnLetter, parseCell } from "../plan/a1";
import { chartData, chartSvg } from "./chart";
import { Evaluator, Scalar, XlError, bookOf } from "./formula";
import { CellState, CellValue, ExcelDouble, SheetState } from "./excelDouble";
import { formatValue } from "./format";
import { OfficeDouble } from "./office";

/** What a person typed, as Excel takes it: a formula, a number, TRUE/FALSE, or text ("" clears). */
export function typedContent(text: string): CellValue {
  const t = text.trim();
  if (t === "") return "";
  if (t.startsWith("=")) return t;
  if (/^(true|false)$/i.test(t)) return t.toUpperCase() === "TRUE";
  const n = Number(t.replace(/,/g, ""));
  if (/^[-+]?[\d,]*\.?\d+(e[-+]?\d+)?%?$/i.test(t) && Number.isFinite(n)) return n;
  if (/^[-+]?[\d.]+%$/.test(t)) return Number(t.slice(0, -1)) / 100;
  return text;
}

/** The rows and columns the grid shows: the used range, the charts, and a margin of empty cells to type into. */
function extent(s: SheetState): { rows: number; cols: number } {
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

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
}

const shownContent = (c: CellState | undefined): string => {
  const v = c?.formula;
  if (v === undefined) return "";
  if (typeof v === "string" && v.startsWith("date:")) return v.slice(5);
  return typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v);
};

/** An error's code and, when it has one, its message: what Excel shows on hover. */
export function errorText(v: XlError): string {
  return v.message ? `${v.code}: ${v.message}` : v.code;
}

const time = (d: Date) => [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, "0")).join(":");

/** Mounts the workbook view in `root` and keeps it current; returns a function that unmounts it. */
export function mountWorkbookView(root: HTMLElement, office: OfficeDouble, toolbar?: HTMLElement): () => void {
  const excel: ExcelDouble = office.excel;
  const evaluator = new Evaluator(bookOf(excel), (name, args) => {
    const id = /^CORZ\.(.+)$/i.exec(name)?.[1]?.toUpperCase();
    const f = id === undefined ? undefined : office.associations[id];
    if (!f) throw new XlError("#NAME?");
    return f(...args);
  });

  let current = excel.active.sheet && excel.sheets.some((s) => s.name === excel.active.sheet) ? excel.active.sheet : (excel.sheets[0]?.name ?? "");
  let selected = excel.active.cell || "A1";
  let known = new Set(excel.sheets.map((s) => s.id));
  let updates = 0;
  let lastChange: Date | undefined;
  let size = { rows: 0, cols: 0 };

  const status = el("p", { id: "workbook-status", className: "status" });
  status.setAttribute("role", "status");
  const address = el("output", { id: "cell-address", className: "address" });
  address.setAttribute("aria-label", "Selected cell");
  const input = el("input", { id: "formula-bar", type: "text", spellcheck: false, autocomplete: "off" });
  input.setAttribute("aria-label", "Formula bar");
  const computed = el("output", { id: "cell-value", className: "computed" });
  computed.setAttribute("aria-label", "Computed value");
  const form = el("form", { className: "formula-bar" }, address, el("span", { className: "fx" }, "fx"), input, computed);
  const grid = el("div", { className: "grid-wrap" });
  grid.setAttribute("role", "region");
  grid.setAttribute("aria-label", "Cells");
  const tabs = el("nav", { className: "tabs" });
  tabs.setAttribute("role", "tablist");
  tabs.setAttribute("aria-label", "Sheets");

  root.replaceChildren(
    el("h2", {}, "Workbook (in memory, not Excel)"),
    el(
      "p",
      { className: "note" },
      "The task pane writes into an in-memory copy of Excel's API. Cells holding formulas show values computed by this page's formula evaluator; hover or click a cell to see its formula, and type into the formula bar to change a cell. Arrow keys move between cells, Enter edits, Escape returns to the grid.",
    ),
    ...(toolbar ? [toolbar] : []),
    status,
    form,
    grid,
    tabs,
  );

  const sheet = (): SheetState | undefined => excel.sheets.find((s) => s.name === current);
  const cellEl = (a1: string) => grid.querySelector<HTMLTableCellElement>(`td[data-address="${a1}"]`);

  /** What the formula bar shows for a cell: its content, or the greyed formula of the array it is part of. */
  function barContent(s: SheetState, a1: string): { text: string; spilledFrom?: string } {
    const own = s.get(a1);
    if (own?.formula !== undefined && own.formula !== "") return { text: shownContent(own) };
    const { row, col } = parseCell(a1);
    const sp = evaluator.spillOf(s.name, row, col);
    if (sp && sp.blockedBy === undefined && !(sp.row === row && sp.col === col)) {
      const anchor = `${columnLetter(sp.col)}${sp.row}`;
      return { text: shownContent(s.get(anchor)), spilledFrom: anchor };
    }
    return { text: "" };
  }

  function select(a1: string, focus = false): void {
    selected = a1;
    excel.active = { sheet: current, cell: a1 };
    const s = sheet();
    address.value = s ? `${s.name}!${a1}` : "";
    const bar = s ? barContent(s, a1) : { text: "" };
    input.value = bar.text;
    input.classList.toggle("spilled", bar.spilledFrom !== undefined);
    input.title = bar.spilledFrom ? `Part of the array the formula in ${bar.spilledFrom} returns; type here to replace it with a value of its own.` : "";
    const { row, col } = parseCell(a1);
    const v = s ? evaluator.value(s.name, row, col) : null;
    computed.value = bar.text.startsWith("=") ? `= ${v instanceof XlError ? errorText(v) : formatValue(v, s?.get(a1)?.numberFormat)}` : "";
    // A long message is cut at the bar's edge; the whole of it shows on hover.
    computed.title = computed.value;
    for (const td of grid.querySelectorAll("td[aria-selected='true']")) {
      td.setAttribute("aria-selected", "false");
      td.setAttribute("tabindex", "-1");
    }
    const td = cellEl(a1);
    if (td) {
      td.setAttribute("aria-selected", "true");
      td.setAttribute("tabindex", "0");
      if (focus) td.focus();
    }
  }

  function renderTabs(): void {
    tabs.replaceChildren(
      ...excel.sheets.map((s) => {
        const b = el("button", { type: "button", className: "tab" }, s.name);
        b.setAttribute("role", "tab");
        b.setAttribute("aria-selected", String(s.name === current));
        if (s.tabColor) b.style.borderTopColor = s.tabColor;
        b.addEventListener("click", () => {
          current = s.name;
          // Only another sheet shown: the values computed so far still hold.
          render(false);
          select("A1");
        });
        return b;
      }),
    );
  }

  function showCell(td: HTMLTableCellElement, s: SheetState, r: number, c: number, a1: string): void {
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
    const content = spilled ? `${shownContent(s.get(`${columnLetter(sp.col)}${sp.row}`))} (spilled from ${columnLetter(sp.col)}${sp.row})` : shownContent(cell);
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

  function renderGrid(): void {
    const s = sheet();
    if (!s) {
      grid.replaceChildren(el("p", { className: "note" }, "The workbook has no sheets."));
      return;
    }
    const hadFocus = grid.contains(document.activeElement);
    const { rows, cols } = extent(s);
    size = { rows, cols };
    const { rows: frozenRows, columns: frozenCols } = s.frozenPanes();
    const frozen = { rows: frozenRows, cols: frozenCols };
    const table = el("table", { className: "grid" });
    table.setAttribute("role", "grid");
    table.setAttribute("aria-label", `Sheet ${s.name}`);
    table.setAttribute("aria-rowcount", String(rows + 1));
    table.setAttribute("aria-colcount", String(cols + 1));
    const head = el("tr", {}, el("th", { className: "corner" }, el("span", { className: "sr-only" }, "Row")));
    for (let c = 1; c <= cols; c++) head.append(el("th", { scope: "col" }, columnLetter(c)));
    const body = document.createDocumentFragment();
    for (let r = 1; r <= rows; r++) {
      const tr = el("tr", {}, el("th", { scope: "row" }, String(r)));
      if (r <= frozen.rows) tr.classList.add("frozen-row");
      if (r === frozen.rows) tr.classList.add("frozen-edge");
      for (let c = 1; c <= cols; c++) {
        const a1 = `${columnLetter(c)}${r}`;
        const td = el("td");
        td.dataset.address = a1;
        td.setAttribute("tabindex", "-1");
        td.setAttribute("aria-selected", "false");
        showCell(td, s, r, c, a1);
        const fill = s.cells.get(`${r},${c}`)?.fill;
        if (fill) td.style.backgroundColor = fill;
        if (c <= frozen.cols) td.classList.add("frozen-col");
        if (c === frozen.cols) td.classList.add("frozen-col-edge");
        tr.append(td);
      }
      body.append(tr);
    }
    table.append(el("thead", {}, head), el("tbody", {}, body));
    table.addEventListener("click", (e) => {
      const td = (e.target as HTMLElement).closest("td");
      if (td?.dataset.address) select(td.dataset.address, true);
    });
    const charts = el("div", { className: "charts" });
    const canvas = el("div", { className: "canvas" }, table, charts);
    grid.replaceChildren(canvas);
    const boxes = chartBoxes(s);
    stickFrozen(table, frozen);
    drawCharts(s, charts, boxes);
    if (hadFocus) cellEl(selected)?.focus();
  }

  /**
   * Frozen rows and columns stay in view: sticky at the offsets they have in the table. All
   * offsets are read before any style is written, so the table is laid out once.
   */
  function stickFrozen(table: HTMLTableElement, frozen: { rows: number; cols: number }): void {
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

  /** Where each chart goes: from its first cell to its last, at least big enough to read (read before any style is written). */
  function chartBoxes(s: SheetState): { left: number; top: number; width: number; height: number }[] {
    return s.charts.map((ch) => {
      const [from, to] = ch.position ?? [];
      const a = from ? cellEl(from.replace(/\$/g, "")) : null;
      const b = to ? cellEl(to.replace(/\$/g, "")) : a;
      const left = a?.offsetLeft ?? 0;
      const top = a?.offsetTop ?? 0;
      return { left, top, width: Math.max(360, b ? b.offsetLeft + b.offsetWidth - left : 0), height: Math.max(220, b ? b.offsetTop + b.offsetHeight - top : 0) };
    });
  }

  /** Each chart of the sheet, drawn at its box. */
  function drawCharts(s: SheetState, layer: HTMLElement, boxes: ReturnType<typeof chartBoxes>): void {
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

  /** Redraws the view; `changed` when the workbook changed since the last draw (values are computed again). */
  function render(changed = true): void {
    if (changed) evaluator.clear();
    const ids = excel.sheets.map((s) => s.id);
    // A build that adds sheets shows the first of them, as a person would look at what was built.
    const added = excel.sheets.find((s) => !known.has(s.id));
    if (added) current = added.name;
    else if (!sheet()) current = excel.sheets[0]?.name ?? "";
    known = new Set(ids);
    renderTabs();
    renderGrid();
    updates++;
    root.dataset.updates = String(updates);
    const n = excel.sheets.length;
    status.textContent = `${n} sheet${n === 1 ? "" : "s"}.${lastChange ? ` Last change ${time(lastChange)}.` : ""}`;
    select(selected);
  }

  /** Arrow keys move the selection; Home/End go to the row's ends; Enter or F2 edits in the formula bar. */
  grid.addEventListener("keydown", (e) => {
    if (!(e.target instanceof HTMLTableCellElement)) return;
    const { row, col } = parseCell(selected);
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const m = moves[e.key];
    if (m) {
      e.preventDefault();
      const r = Math.min(Math.max(row + m[0], 1), size.rows);
      const c = Math.min(Math.max(col + m[1], 1), size.cols);
      select(`${columnLetter(c)}${r}`, true);
      cellEl(selected)?.scrollIntoView({ block: "nearest", inline: "nearest" });
    } else if (e.key === "Home" || e.key === "End") {
      e.preventDefault();
      select(`${columnLetter(e.key === "Home" ? 1 : size.cols)}${row}`, true);
    } else if (e.key === "Enter" || e.key === "F2") {
      e.preventDefault();
      input.focus();
      input.setSelectionRange(input.value.length, input.value.length);
    }
  });

  input.addEventListener("keydown", (e) => {
    if (e.key !== "Escape") return;
    e.preventDefault();
    // As in Excel: Escape leaves the cell as it was.
    select(selected, true);
  });

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const s = sheet();
    if (!s) return;
    // The greyed formula of a spilled cell, unchanged, is not typed into the cell.
    if (input.classList.contains("spilled") && input.value === barContent(s, selected).text) return;
    excel.type(current, selected, typedContent(input.value));
  });

  // Syncs come in bursts (a build makes three): draw once after the burst.
  let pending = false;
  const redraw = () => {
    if (pending) return;
    pending = true;
    setTimeout(() => {
      pending = false;
      render();
    }, 0);
  };
  const unsubscribe = excel.subscribe(() => {
    lastChange = new Date();
    redraw();
  });
  // functions.js may associate the CORZ functions after the first drawing (a restored workbook
  // using them showed #NAME? until then): computed again once they are there.
  const stopFunctions = office.onFunctionsAssociated(redraw);
  render();
  return () => {
    unsubscribe();
    stopFunctions();
  };
}
