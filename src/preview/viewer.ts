/**
 * The preview page's workbook view: the sheets in the in-memory Excel double, beside the real
 * task pane, so a person can try the add-in without Excel. Sheet tabs, a grid with row and
 * column headings, a formula bar: hovering a cell shows its address and formula, clicking it
 * selects it (the pane's Insert writes there) and shows its formula; typing in the formula bar
 * and pressing Enter changes the cell as typing in Excel would. It redraws after every sync.
 *
 * The double does not calculate; formula cells show what src/preview/evaluate.ts computes.
 * Plain DOM, no React: the page's React and Fluent UI are the task pane's own, in its bundle.
 */
import { columnLetter, parseCell } from "../plan/a1";
import { Evaluator, XlError, bookOf } from "./evaluate";
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

/** The rows and columns the grid shows: the used range and a margin of empty cells to type into. */
function extent(s: SheetState): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  for (const [k, c] of s.cells) {
    if (c.formula === undefined || c.formula === "") continue;
    const [r, col] = k.split(",").map(Number);
    rows = Math.max(rows, r);
    cols = Math.max(cols, col);
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

/** Mounts the workbook view in `root` and keeps it current; returns a function that unmounts it. */
export function mountWorkbookView(root: HTMLElement, office: OfficeDouble): () => void {
  const excel: ExcelDouble = office.excel;
  const evaluator = new Evaluator(bookOf(excel), (name, args) => {
    const id = /^CORZ\.(.+)$/i.exec(name)?.[1]?.toUpperCase();
    const f = id === undefined ? undefined : office.associations[id];
    if (!f) throw new XlError("#NAME?");
    return f(...args);
  });

  let current = excel.sheets[0]?.name ?? "";
  let selected = "A1";
  let known = new Set(excel.sheets.map((s) => s.id));
  let updates = 0;

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
  const tabs = el("nav", { className: "tabs" });
  tabs.setAttribute("role", "tablist");
  tabs.setAttribute("aria-label", "Sheets");

  root.replaceChildren(
    el("h2", {}, "Workbook (in memory, not Excel)"),
    el(
      "p",
      { className: "note" },
      "The task pane writes into an in-memory copy of Excel's API. Cells holding formulas show values computed by this page's formula evaluator; hover or click a cell to see its formula, and type into the formula bar to change a cell.",
    ),
    status,
    form,
    grid,
    tabs,
  );

  const sheet = (): SheetState | undefined => excel.sheets.find((s) => s.name === current);

  function select(a1: string): void {
    selected = a1;
    excel.active = { sheet: current, cell: a1 };
    const s = sheet();
    address.value = s ? `${s.name}!${a1}` : "";
    input.value = s ? shownContent(s.get(a1)) : "";
    const { row, col } = parseCell(a1);
    const v = s ? evaluator.value(s.name, row, col) : null;
    computed.value = typeof s?.get(a1)?.formula === "string" && String(s?.get(a1)?.formula).startsWith("=") ? `= ${formatValue(v, s?.get(a1)?.numberFormat)}` : "";
    for (const td of grid.querySelectorAll("td.selected")) td.classList.remove("selected");
    grid.querySelector(`td[data-address="${a1}"]`)?.classList.add("selected");
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
          render();
          select("A1");
        });
        return b;
      }),
    );
  }

  function renderGrid(): void {
    const s = sheet();
    if (!s) {
      grid.replaceChildren(el("p", { className: "note" }, "The workbook has no sheets."));
      return;
    }
    const { rows, cols } = extent(s);
    const table = el("table", { className: "grid" });
    table.setAttribute("role", "grid");
    table.setAttribute("aria-label", `Sheet ${s.name}`);
    const head = el("tr", {}, el("th", { className: "corner" }));
    for (let c = 1; c <= cols; c++) head.append(el("th", { scope: "col" }, columnLetter(c)));
    const body = document.createDocumentFragment();
    for (let r = 1; r <= rows; r++) {
      const tr = el("tr", {}, el("th", { scope: "row" }, String(r)));
      for (let c = 1; c <= cols; c++) {
        const a1 = `${columnLetter(c)}${r}`;
        const cell = s.cells.get(`${r},${c}`);
        const td = el("td");
        td.dataset.address = a1;
        if (cell?.formula !== undefined && cell.formula !== "") {
          const v = evaluator.value(s.name, r, c);
          const isFormula = typeof cell.formula === "string" && cell.formula.startsWith("=");
          td.textContent = formatValue(v, cell.numberFormat);
          td.title = `${a1}: ${shownContent(cell)}`;
          if (isFormula) td.classList.add("formula");
          if (v instanceof XlError) td.classList.add("error");
          if (typeof v === "number") td.classList.add("number");
          if (cell.bold) td.style.fontWeight = "600";
          if (cell.italic) td.style.fontStyle = "italic";
          if (cell.fontColor) td.style.color = cell.fontColor;
        } else td.title = a1;
        if (cell?.fill) td.style.backgroundColor = cell.fill;
        tr.append(td);
      }
      body.append(tr);
    }
    table.append(el("thead", {}, head), el("tbody", {}, body));
    table.addEventListener("click", (e) => {
      const td = (e.target as HTMLElement).closest("td");
      if (td?.dataset.address) select(td.dataset.address);
    });
    grid.replaceChildren(table);
  }

  function render(): void {
    evaluator.clear();
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
    status.textContent = `${excel.sheets.length} sheet${excel.sheets.length === 1 ? "" : "s"}, ${excel.syncCount} round trips to the workbook so far.`;
    select(selected);
  }

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    if (!sheet()) return;
    excel.type(current, selected, typedContent(input.value));
  });

  // Syncs come in bursts (a build makes three): draw once after the burst.
  let pending = false;
  const unsubscribe = excel.subscribe(() => {
    if (pending) return;
    pending = true;
    setTimeout(() => {
      pending = false;
      render();
    }, 0);
  });
  render();
  return unsubscribe;
}
