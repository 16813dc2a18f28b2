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
 * It redraws after every change to the workbook. Drawing a sheet is grid.ts; this file is what
 * a person does with it.
 *
 * The double does not calculate; formula cells show what src/preview/formula computes.
 * Plain DOM, no React: the page's React and Fluent UI are the task pane's own, in its bundle.
 */
import { cell, parseCell } from "../plan/a1";
import { el, withAttributes } from "./dom";
import { CellValue, ExcelDouble, SheetState } from "./excelDouble";
import { formatValue } from "./format";
import { CustomFunctionHook, Evaluator, XlError, bookOf } from "./formula";
import { GridSize, cellIn, drawSheet, errorText, shownContent } from "./grid";
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

const time = (d: Date) => [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, "0")).join(":");

const INTRO =
  "The task pane writes into an in-memory copy of Excel's API. Cells holding formulas show values computed by this page's formula evaluator; hover or click a cell to see its formula, and type into the formula bar to change a cell. Arrow keys move between cells, Enter edits, Escape returns to the grid.";

/** The evaluator's way to the CORZ functions: CORZ.X calls what functions.js associated as X; anything else is #NAME?. */
function associatedFunctions(office: OfficeDouble): CustomFunctionHook {
  return (name, args) => {
    const id = /^CORZ\.(.+)$/i.exec(name)?.[1]?.toUpperCase();
    const f = id === undefined ? undefined : office.associations[id];
    if (!f) throw new XlError("#NAME?");
    return f(...args);
  };
}

/** The view's lasting parts: the status line, the formula bar (address, input, computed value), the grid and the sheet tabs. */
function viewParts() {
  const status = withAttributes(el("p", { id: "workbook-status", className: "status" }), { role: "status" });
  const address = withAttributes(el("output", { id: "cell-address", className: "address" }), { "aria-label": "Selected cell" });
  const input = withAttributes(el("input", { id: "formula-bar", type: "text", spellcheck: false, autocomplete: "off" }), { "aria-label": "Formula bar" });
  const computed = withAttributes(el("output", { id: "cell-value", className: "computed" }), { "aria-label": "Computed value" });
  const form = el("form", { className: "formula-bar" }, address, el("span", { className: "fx" }, "fx"), input, computed);
  const grid = withAttributes(el("div", { className: "grid-wrap" }), { role: "region", "aria-label": "Cells" });
  const tabs = withAttributes(el("nav", { className: "tabs" }), { role: "tablist", "aria-label": "Sheets" });
  return { status, address, input, computed, form, grid, tabs };
}

/** What the formula bar shows for a cell: its content, or the greyed formula of the array it is part of. */
function barContent(s: SheetState, a1: string, evaluator: Evaluator): { text: string; spilledFrom?: string } {
  const own = s.get(a1);
  if (own?.formula !== undefined && own.formula !== "") return { text: shownContent(own) };
  const { row, col } = parseCell(a1);
  const sp = evaluator.spillOf(s.name, row, col);
  if (sp && sp.blockedBy === undefined && !(sp.row === row && sp.col === col)) {
    const anchor = cell(sp.row, sp.col);
    return { text: shownContent(s.get(anchor)), spilledFrom: anchor };
  }
  return { text: "" };
}

/** The arrow keys' moves: rows down, columns right. */
const ARROWS: ReadonlyMap<string, readonly [number, number]> = new Map([
  ["ArrowUp", [-1, 0]],
  ["ArrowDown", [1, 0]],
  ["ArrowLeft", [0, -1]],
  ["ArrowRight", [0, 1]],
]);

/**
 * Where a key moves the selection from `at` in a grid of `size`: an arrow one cell (staying in
 * the grid, scrolled into view), Home and End to the row's ends; undefined for any other key.
 */
function keyTarget(key: string, at: { row: number; col: number }, size: GridSize): { a1: string; scroll: boolean } | undefined {
  const m = ARROWS.get(key);
  if (m) {
    const r = Math.min(Math.max(at.row + m[0], 1), size.rows);
    const c = Math.min(Math.max(at.col + m[1], 1), size.cols);
    return { a1: cell(r, c), scroll: true };
  }
  if (key === "Home" || key === "End") return { a1: cell(at.row, key === "Home" ? 1 : size.cols), scroll: false };
  return undefined;
}

/** The view's state and behaviour: which sheet and cell are shown, and how it answers the person and the workbook. */
class WorkbookView {
  private readonly excel: ExcelDouble;
  private readonly evaluator: Evaluator;
  private readonly parts = viewParts();
  private current: string;
  private selected: string;
  /** The ids of the sheets drawn last time (a sheet not among them was just added). */
  private known: Set<string>;
  private updates = 0;
  private lastChange: Date | undefined;
  private size: GridSize = { rows: 0, cols: 0 };
  /** Whether a redraw is already waiting for the end of a burst of changes. */
  private pending = false;

  constructor(
    private readonly root: HTMLElement,
    private readonly office: OfficeDouble,
    toolbar?: HTMLElement,
  ) {
    const excel = (this.excel = office.excel);
    this.evaluator = new Evaluator(bookOf(excel), associatedFunctions(office));
    this.current = excel.active.sheet && excel.sheets.some((s) => s.name === excel.active.sheet) ? excel.active.sheet : (excel.sheets[0]?.name ?? "");
    this.selected = excel.active.cell || "A1";
    this.known = new Set(excel.sheets.map((s) => s.id));
    const { status, form, grid, tabs } = this.parts;
    root.replaceChildren(el("h2", {}, "Workbook (in memory, not Excel)"), el("p", { className: "note" }, INTRO), ...(toolbar ? [toolbar] : []), status, form, grid, tabs);
    this.listen();
  }

  /** Draws the view and redraws it after each change; returns a function that stops it. */
  mount(): () => void {
    const unsubscribe = this.excel.subscribe(() => {
      this.lastChange = new Date();
      this.redraw();
    });
    // functions.js may associate the CORZ functions after the first drawing (a restored workbook
    // using them showed #NAME? until then): computed again once they are there.
    const stopFunctions = this.office.onFunctionsAssociated(() => this.redraw());
    this.render();
    return () => {
      unsubscribe();
      stopFunctions();
    };
  }

  private sheet(): SheetState | undefined {
    return this.excel.sheets.find((s) => s.name === this.current);
  }

  private cellEl(a1: string): HTMLTableCellElement | null {
    return cellIn(this.parts.grid, a1);
  }

  /** Clicks and keys on the grid, Escape in the formula bar, Enter in the formula bar (the form's submit). */
  private listen(): void {
    const { grid, input, form } = this.parts;
    grid.addEventListener("click", (e) => {
      const td = (e.target as HTMLElement).closest("td");
      if (td?.dataset.address) this.select(td.dataset.address, true);
    });
    grid.addEventListener("keydown", (e) => this.onGridKey(e));
    input.addEventListener("keydown", (e) => {
      if (e.key !== "Escape") return;
      e.preventDefault();
      // As in Excel: Escape leaves the cell as it was.
      this.select(this.selected, true);
    });
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      this.typeIntoCell();
    });
  }

  /** Arrow keys move the selection; Home/End go to the row's ends; Enter or F2 edits in the formula bar. */
  private onGridKey(e: KeyboardEvent): void {
    if (!(e.target instanceof HTMLTableCellElement)) return;
    const { input } = this.parts;
    if (e.key === "Enter" || e.key === "F2") {
      e.preventDefault();
      input.focus();
      input.setSelectionRange(input.value.length, input.value.length);
      return;
    }
    const to = keyTarget(e.key, parseCell(this.selected), this.size);
    if (!to) return;
    e.preventDefault();
    this.select(to.a1, true);
    if (to.scroll) this.cellEl(this.selected)?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }

  /** What the formula bar holds goes into the selected cell, as typed. */
  private typeIntoCell(): void {
    const { input } = this.parts;
    const s = this.sheet();
    if (!s) return;
    // The greyed formula of a spilled cell, unchanged, is not typed into the cell.
    if (input.classList.contains("spilled") && input.value === barContent(s, this.selected, this.evaluator).text) return;
    this.excel.type(this.current, this.selected, typedContent(input.value));
  }

  private select(a1: string, focus = false): void {
    this.selected = a1;
    this.excel.active = { sheet: this.current, cell: a1 };
    this.showInBar(a1);
    this.markSelected(a1, focus);
  }

  /** The formula bar for a cell: its address, its content (or its array's greyed formula) and a formula's computed value. */
  private showInBar(a1: string): void {
    const { address, input, computed } = this.parts;
    const s = this.sheet();
    address.value = s ? `${s.name}!${a1}` : "";
    const bar = s ? barContent(s, a1, this.evaluator) : { text: "" };
    input.value = bar.text;
    input.classList.toggle("spilled", bar.spilledFrom !== undefined);
    input.title = bar.spilledFrom ? `Part of the array the formula in ${bar.spilledFrom} returns; type here to replace it with a value of its own.` : "";
    const { row, col } = parseCell(a1);
    const v = s ? this.evaluator.value(s.name, row, col) : null;
    computed.value = bar.text.startsWith("=") ? `= ${v instanceof XlError ? errorText(v) : formatValue(v, s?.get(a1)?.numberFormat)}` : "";
    // A long message is cut at the bar's edge; the whole of it shows on hover.
    computed.title = computed.value;
  }

  /** Marks the cell selected and makes it the grid's one Tab stop (focused when asked). */
  private markSelected(a1: string, focus: boolean): void {
    for (const td of this.parts.grid.querySelectorAll("td[aria-selected='true']")) withAttributes(td, { "aria-selected": "false", tabindex: "-1" });
    const td = this.cellEl(a1);
    if (td) {
      withAttributes(td, { "aria-selected": "true", tabindex: "0" });
      if (focus) td.focus();
    }
  }

  /** Syncs come in bursts (a build makes three): draws once after the burst. */
  private redraw(): void {
    if (this.pending) return;
    this.pending = true;
    setTimeout(() => {
      this.pending = false;
      this.render();
    }, 0);
  }

  /** Redraws the view; `changed` when the workbook changed since the last draw (values are computed again). */
  private render(changed = true): void {
    if (changed) this.evaluator.clear();
    this.followSheets();
    this.renderTabs();
    this.renderGrid();
    this.updates++;
    this.root.dataset.updates = String(this.updates);
    const n = this.excel.sheets.length;
    this.parts.status.textContent = `${n} sheet${n === 1 ? "" : "s"}.${this.lastChange ? ` Last change ${time(this.lastChange)}.` : ""}`;
    this.select(this.selected);
  }

  /** Which sheet to show: the first of any just added (as a person would look at what was built), else the same one while it exists. */
  private followSheets(): void {
    const added = this.excel.sheets.find((s) => !this.known.has(s.id));
    if (added) this.current = added.name;
    else if (!this.sheet()) this.current = this.excel.sheets[0]?.name ?? "";
    this.known = new Set(this.excel.sheets.map((s) => s.id));
  }

  private renderTabs(): void {
    this.parts.tabs.replaceChildren(...this.excel.sheets.map((s) => this.tab(s)));
  }

  private tab(s: SheetState): HTMLButtonElement {
    const b = withAttributes(el("button", { type: "button", className: "tab" }, s.name), { role: "tab", "aria-selected": String(s.name === this.current) });
    if (s.tabColor) b.style.borderTopColor = s.tabColor;
    b.addEventListener("click", () => {
      this.current = s.name;
      // Only another sheet shown: the values computed so far still hold.
      this.render(false);
      this.select("A1");
    });
    return b;
  }

  private renderGrid(): void {
    const { grid } = this.parts;
    const s = this.sheet();
    if (!s) {
      grid.replaceChildren(el("p", { className: "note" }, "The workbook has no sheets."));
      return;
    }
    const hadFocus = grid.contains(document.activeElement);
    this.size = drawSheet(grid, s, this.evaluator);
    if (hadFocus) this.cellEl(this.selected)?.focus();
  }
}

/** Mounts the workbook view in `root` and keeps it current; returns a function that unmounts it. */
export function mountWorkbookView(root: HTMLElement, office: OfficeDouble, toolbar?: HTMLElement): () => void {
  return new WorkbookView(root, office, toolbar).mount();
}
