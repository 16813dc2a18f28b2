/**
 * A strict test double of the slice of the Excel JavaScript API the adapter uses. Stricter
 * than office-addin-mock: reading a property that was not loaded and synced throws (as
 * Excel's PropertyNotLoaded does), every `context.sync()` is counted, writes are queued and
 * applied only at sync (as Excel batches them), and each sync's request size is measured.
 * A failure can be injected at a given sync. Listeners hear of every sync and of every cell
 * the user types (the preview page redraws its grid with them).
 *
 * It lives in src/preview because the preview page runs the real task pane over it; the unit
 * tests and the bench import it through tests/support/excelDouble.ts.
 */
import { MAX_COLS, MAX_ROWS, cell, columnLetter, parseCell, parseRange } from "../plan/a1";
import { Listeners } from "./listeners";

export type CellValue = string | number | boolean;

export interface CellState {
  formula?: CellValue;
  numberFormat?: string;
  bold?: boolean;
  italic?: boolean;
  fontColor?: string;
  fill?: string;
  wrap?: boolean;
}

/** The format part of Excel's CellProperties that the adapter snapshots and restores. */
export interface CellFormatProps {
  format: { font: { bold: boolean; italic: boolean; color: string }; fill: { color: string }; wrapText: boolean };
}

/** Excel's defaults for a cell with no format of its own. */
const DEFAULT_FONT_COLOR = "#000000";
const DEFAULT_FILL = "#FFFFFF";

function propsOf(c: CellState | undefined): CellFormatProps {
  return {
    format: {
      font: { bold: c?.bold ?? false, italic: c?.italic ?? false, color: c?.fontColor ?? DEFAULT_FONT_COLOR },
      fill: { color: c?.fill ?? DEFAULT_FILL },
      wrapText: c?.wrap ?? false,
    },
  };
}

/** Sets a cell's format from CellProperties, keeping only what differs from Excel's defaults. */
function setProps(c: CellState, p: Partial<CellFormatProps>): void {
  const f = p.format;
  if (!f) return;
  const put = <K extends keyof CellState>(k: K, v: CellState[K], def: CellState[K]) => {
    if (v === undefined) return;
    if (v === def) delete c[k];
    else c[k] = v;
  };
  put("bold", f.font?.bold, false);
  put("italic", f.font?.italic, false);
  put("fontColor", f.font?.color, DEFAULT_FONT_COLOR);
  put("fill", f.fill?.color, DEFAULT_FILL);
  put("wrap", f.wrapText, false);
}

/** Where a failure is injected: at this sync (1-based), after applying this many of its operations. */
export interface FailPoint {
  readonly sync: number;
  readonly afterOps: number;
}

export interface ChartState {
  name: string;
  type: string;
  title?: string;
  series: { name?: string; values?: string; xValues?: string }[];
  position?: [string, string?];
}

/** What Excel's worksheet.pageLayout was given (ExcelApi 1.9): how the sheet prints. */
export interface PageLayoutState {
  orientation?: "Portrait" | "Landscape";
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  /** Rows repeated at the top of every printed page, e.g. "$1:$4". */
  printTitleRows?: string;
  /** Columns repeated at the left of every printed page, e.g. "$A:$B". */
  printTitleColumns?: string;
  centerHorizontally?: boolean;
  printGridlines?: boolean;
}

export class SheetState {
  cells = new Map<string, CellState>();
  pageLayout: PageLayoutState = {};
  charts: ChartState[] = [];
  tables: { name: string; range: string; filter?: boolean }[] = [];
  tabColor?: string;
  /** The frozen panes as Excel's getLocation gives them: "Sheet!A1:B4", "Sheet!1:4" (rows only) or "Sheet!A:B" (columns only). */
  frozen?: string;
  columnWidths = new Map<string, number>();
  validations = new Map<string, unknown>();
  constructor(
    public name: string,
    public readonly id: string,
  ) {}
  get(a1: string): CellState | undefined {
    const { row, col } = parseCell(a1);
    return this.cells.get(`${row},${col}`);
  }
  /** The content of a cell (a formula string or a value), "" when empty. */
  value(a1: string): CellValue {
    return this.get(a1)?.formula ?? "";
  }
  set(a1: string, v: CellValue): void {
    const { row, col } = parseCell(a1);
    this.cells.set(`${row},${col}`, { ...(this.cells.get(`${row},${col}`) ?? {}), formula: v });
  }
  /**
   * How many rows and columns are frozen: those above and left of the frozen range's far edge
   * ("A1:B4": 4 rows, 2 columns; "1:4": 4 rows; "A:B": 2 columns).
   */
  frozenPanes(): { rows: number; columns: number } {
    if (!this.frozen) return { rows: 0, columns: 0 };
    const b = parseRange(this.frozen);
    return { rows: b.rows === MAX_ROWS ? 0 : b.row + b.rows - 1, columns: b.cols === MAX_COLS ? 0 : b.col + b.cols - 1 };
  }
  /** Every non-empty cell as "A1" → content. */
  snapshot(): Record<string, CellValue> {
    const out: Record<string, CellValue> = {};
    for (const [k, c] of this.cells) {
      if (c.formula === undefined || c.formula === "") continue;
      const [r, col] = k.split(",").map(Number);
      out[cell(r, col)] = c.formula;
    }
    return out;
  }
}

/** Base of every API object: tracks which properties were loaded and synced. */
class Loadable {
  private readonly loaded = new Set<string>();
  private readonly pending = new Set<string>();
  constructor(protected readonly ctx: ExcelDouble) {}
  load(props?: string | string[]): this {
    const list = Array.isArray(props) ? props : (props ?? "").split(",");
    for (const p of list.map((s) => s.trim()).filter(Boolean)) this.pending.add(p.replace(/^items\//, "items."));
    this.ctx.onSync(() => {
      for (const p of this.pending) this.loaded.add(p);
      this.pending.clear();
      this.refresh();
    });
    return this;
  }
  /** Called at sync to take a fresh copy of loaded values. */
  protected refresh(): void {}
  /** For items a collection load returns: loaded as of the sync that returned them. */
  markLoaded(props: string[]): this {
    for (const p of props) this.loaded.add(p);
    this.refresh();
    return this;
  }
  protected need(prop: string): void {
    if (!this.loaded.has(prop) && ![...this.loaded].some((p) => p.startsWith(`items.`) && prop === "items")) {
      throw new Error(`PropertyNotLoaded: ${this.constructor.name}.${prop} was read before load("${prop}") and context.sync()`);
    }
  }
  protected isLoaded(prop: string): boolean {
    return this.loaded.has(prop);
  }
}

class RangeDouble extends Loadable {
  private _values: CellValue[][] = [];
  private _numberFormat: string[][] = [];
  private _address = "";
  private _rowIndex = 0;
  private _columnIndex = 0;
  private _isNull = false;
  readonly format: any;
  readonly dataValidation: any;
  constructor(
    ctx: ExcelDouble,
    private readonly sheet: () => SheetState,
    private readonly addr: () => string | undefined,
  ) {
    super(ctx);
    const self = this;
    const fmt = (key: keyof CellState) => (v: unknown) => self.ctx.queue(`format.${key}`, v, () => self.each((c) => ((c as any)[key] = v)));
    this.format = {
      font: {
        set bold(v: boolean) {
          fmt("bold")(v);
        },
        set italic(v: boolean) {
          fmt("italic")(v);
        },
        set color(v: string) {
          fmt("fontColor")(v);
        },
      },
      fill: {
        set color(v: string) {
          fmt("fill")(v);
        },
      },
      set wrapText(v: boolean) {
        self.ctx.queue("wrapText", v, () => self.each((c) => (c.wrap = v)));
      },
      set columnWidth(v: number) {
        self.ctx.queue("columnWidth", v, () => {
          const a = self.addr() ?? "";
          self.sheet().columnWidths.set(a.split(":")[0], v);
        });
      },
    };
    this.dataValidation = {
      clear: () => self.ctx.queue("dv.clear", null, () => self.sheet().validations.delete(self.addr() ?? "")),
      set rule(v: unknown) {
        self.ctx.queue("dv.rule", v, () => self.sheet().validations.set(self.addr() ?? "", v));
      },
    };
  }
  private each(f: (c: CellState, r: number, c2: number) => void): void {
    const b = parseRange(this.addr() ?? "A1");
    const s = this.sheet();
    for (let i = 0; i < b.rows; i++)
      for (let j = 0; j < b.cols; j++) {
        const k = `${b.row + i},${b.col + j}`;
        const c = s.cells.get(k) ?? {};
        f(c, i, j);
        s.cells.set(k, c);
      }
  }
  set formulas(v: CellValue[][]) {
    const b = parseRange(this.addr() ?? "A1");
    if (v.length !== b.rows || v.some((r) => r.length !== b.cols)) {
      throw new Error(`InvalidArgument: a ${v.length}x${v[0]?.length} array set on ${this.addr()} (${b.rows}x${b.cols})`);
    }
    // As Excel does, text that looks like a date becomes a date serial unless the cell is formatted as text.
    const asExcel = (c: CellState, x: CellValue): CellValue =>
      typeof x === "string" && c.numberFormat !== "@" && /^\d{4}-\d{2}(-\d{2})?$/.test(x) ? `date:${x}` : x;
    this.ctx.queue("formulas", v, () => this.each((c, i, j) => (c.formula = asExcel(c, v[i][j]))));
  }
  set values(v: CellValue[][]) {
    this.formulas = v;
  }
  set numberFormat(v: string[][]) {
    const b = parseRange(this.addr() ?? "A1");
    if (v.length !== b.rows || v.some((r) => r.length !== b.cols)) throw new Error(`InvalidArgument: numberFormat size on ${this.addr()}`);
    this.ctx.queue("numberFormat", v, () => this.each((c, i, j) => (c.numberFormat = v[i][j])));
  }
  /** "All" empties the cells; "Contents" keeps their formats; "Formats" keeps their contents. */
  clear(applyTo: "All" | "Contents" | "Formats" = "All"): void {
    this.ctx.queue("clear", applyTo, () => {
      const b = parseRange(this.addr() ?? "A1");
      const s = this.sheet();
      for (let i = 0; i < b.rows; i++)
        for (let j = 0; j < b.cols; j++) {
          const k = `${b.row + i},${b.col + j}`;
          const c = s.cells.get(k);
          if (!c || applyTo === "All") s.cells.delete(k);
          else if (applyTo === "Contents") delete c.formula;
          else s.cells.set(k, c.formula === undefined ? {} : { formula: c.formula });
        }
    });
  }
  /** The cells' formats, as of the next sync (Excel's Range.getCellProperties). */
  getCellProperties(): { readonly value: CellFormatProps[][] } {
    const result = { value: [] as CellFormatProps[][] };
    const read = () => {
      const b = parseRange(this.addr() ?? "A1");
      const s = this.sheet();
      result.value = Array.from({ length: b.rows }, (_, i) => Array.from({ length: b.cols }, (_, j) => propsOf(s.cells.get(`${b.row + i},${b.col + j}`))));
    };
    this.ctx.onSync(read);
    return result;
  }
  setCellProperties(v: Partial<CellFormatProps>[][]): void {
    const b = parseRange(this.addr() ?? "A1");
    if (v.length !== b.rows || v.some((r) => r.length !== b.cols)) throw new Error(`InvalidArgument: cell properties size on ${this.addr()}`);
    this.ctx.queue("setCellProperties", v, () => this.each((c, i, j) => setProps(c, v[i][j])));
  }
  protected override refresh(): void {
    const a = this.addr();
    this._isNull = a === undefined;
    if (a === undefined) return;
    const b = parseRange(a);
    const s = this.sheet();
    this._address = `${s.name}!${a}`;
    this._rowIndex = b.row - 1;
    this._columnIndex = b.col - 1;
    this._values = Array.from({ length: b.rows }, (_, i) => Array.from({ length: b.cols }, (_, j) => s.cells.get(`${b.row + i},${b.col + j}`)?.formula ?? ""));
    this._numberFormat = Array.from({ length: b.rows }, (_, i) => Array.from({ length: b.cols }, (_, j) => s.cells.get(`${b.row + i},${b.col + j}`)?.numberFormat ?? "General"));
  }
  get numberFormat(): string[][] {
    return this.read("numberFormat", this._numberFormat);
  }
  get values(): CellValue[][] {
    return this.read("values", this._values);
  }
  get formulas(): CellValue[][] {
    return this.read("formulas", this._values);
  }
  get address(): string {
    return this.read("address", this._address);
  }
  get rowIndex(): number {
    return this.read("rowIndex", this._rowIndex);
  }
  get columnIndex(): number {
    return this.read("columnIndex", this._columnIndex);
  }
  get isNullObject(): boolean {
    if (!this.ctx.syncedSince(this)) throw new Error("PropertyNotLoaded: isNullObject read before context.sync()");
    return this._isNull;
  }
  /** A loaded property's value, as Excel gives it: a null object has none, and an unloaded property throws. */
  private read<T>(prop: string, value: T): T {
    if (this._isNull) throw new Error("InvalidObjectPath: the range is a null object");
    this.need(prop);
    return value;
  }
}

type Addressed = RangeDouble & { readonly fullAddress: string; readonly label: string };

class ChartDouble {
  readonly title: { text: string };
  readonly series: any;
  constructor(
    private readonly ctx: ExcelDouble,
    private readonly state: ChartState,
  ) {
    const self = this;
    this.title = {
      set text(v: string) {
        self.ctx.queue("chart.title", v, () => (self.state.title = v));
      },
    } as { text: string };
    const seriesApi = (i: number) => ({
      set name(v: string) {
        self.ctx.queue("series.name", v, () => (self.state.series[i].name = v));
      },
      setValues: (r: Addressed) => self.ctx.queue("series.values", r.label, () => (self.state.series[i].values = r.fullAddress)),
      setXAxisValues: (r: Addressed) => self.ctx.queue("series.x", r.label, () => (self.state.series[i].xValues = r.fullAddress)),
    });
    this.series = {
      getItemAt: (i: number) => seriesApi(i),
      add: (name: string) => {
        const i = self.state.series.length;
        self.ctx.queue("series.add", name, () => undefined);
        self.state.series.push({ name });
        return seriesApi(i);
      },
    };
  }
  set name(v: string) {
    this.ctx.queue("chart.name", v, () => (this.state.name = v));
  }
  setPosition(from: string, to?: string): void {
    this.ctx.queue("chart.position", [from, to], () => (this.state.position = [from, to]));
  }
}

class ChartCollectionDouble extends Loadable {
  private snapshot: { name: string }[] = [];
  constructor(
    ctx: ExcelDouble,
    private readonly sheet: () => SheetState,
  ) {
    super(ctx);
  }
  add(type: string, source: Addressed, seriesBy: string): ChartDouble {
    const state: ChartState = { name: "", type, series: [{}] };
    this.ctx.queue("chart.add", { type, seriesBy, source: source.label }, () => {
      state.series[0].values = source.fullAddress;
      this.sheet().charts.push(state);
    });
    return new ChartDouble(this.ctx, state);
  }
  getItem(name: string): { delete(): void } {
    return {
      delete: () =>
        this.ctx.queue("chart.delete", name, () => {
          const s = this.sheet();
          const i = s.charts.findIndex((c) => c.name === name);
          if (i < 0) throw new Error(`ItemNotFound: chart ${name}`);
          s.charts.splice(i, 1);
        }),
    };
  }
  protected override refresh(): void {
    this.snapshot = this.sheet().charts.map((c) => ({ name: c.name }));
  }
  get items(): { name: string }[] {
    this.need("items.name");
    return this.snapshot;
  }
}

class WorksheetDouble extends Loadable {
  readonly charts: ChartCollectionDouble;
  readonly tables: any;
  readonly freezePanes: any;
  readonly pageLayout: any;
  private snap = { name: "", id: "" };
  constructor(
    ctx: ExcelDouble,
    readonly state: () => SheetState,
  ) {
    super(ctx);
    this.charts = new ChartCollectionDouble(ctx, state);
    this.tables = {
      add: (range: string, hasHeaders: boolean) => {
        const t = { name: "", range, filter: false };
        ctx.queue("tables.add", [range, hasHeaders], () => {
          if (state().tables.some((x) => x.range === range)) throw new Error(`InvalidArgument: a table already covers ${range}`);
          state().tables.push(t);
        });
        return {
          set name(v: string) {
            ctx.queue("table.name", v, () => {
              if (ctx.sheets.some((s) => s.tables.some((x) => x !== t && x.name.toLowerCase() === v.toLowerCase()))) {
                throw new Error(`InvalidArgument: a table named ${v} already exists in the workbook`);
              }
              t.name = v;
            });
          },
          set showFilterButton(v: boolean) {
            ctx.queue("table.filter", v, () => (t.filter = v));
          },
        };
      },
      getItem: (name: string) => ({
        convertToRange: () =>
          ctx.queue("table.convertToRange", name, () => {
            const s = state();
            const i = s.tables.findIndex((x) => x.name === name);
            if (i < 0) throw new Error(`ItemNotFound: table ${name}`);
            s.tables.splice(i, 1);
          }),
      }),
    };
    this.freezePanes = {
      unfreeze: () => ctx.queue("unfreeze", null, () => (state().frozen = undefined)),
      freezeAt: (r: Addressed) => ctx.queue("freezeAt", r.label, () => (state().frozen = r.fullAddress)),
      freezeRows: (n: number) => ctx.queue("freezeRows", n, () => (state().frozen = n > 0 ? `${state().name}!1:${n}` : undefined)),
      freezeColumns: (n: number) => ctx.queue("freezeColumns", n, () => (state().frozen = n > 0 ? `${state().name}!A:${columnLetter(n)}` : undefined)),
    };
    const title = (r: Addressed | string): string => (typeof r === "string" ? r : r.label);
    this.pageLayout = {
      set orientation(v: "Portrait" | "Landscape") {
        if (v !== "Portrait" && v !== "Landscape") throw new Error(`InvalidArgument: orientation ${String(v)}`);
        ctx.queue("pageLayout.orientation", v, () => (state().pageLayout.orientation = v));
      },
      set zoom(v: PageLayoutState["zoom"]) {
        ctx.queue("pageLayout.zoom", v, () => (state().pageLayout.zoom = { ...v }));
      },
      set centerHorizontally(v: boolean) {
        ctx.queue("pageLayout.centerHorizontally", v, () => (state().pageLayout.centerHorizontally = v));
      },
      set printGridlines(v: boolean) {
        ctx.queue("pageLayout.printGridlines", v, () => (state().pageLayout.printGridlines = v));
      },
      setPrintTitleRows: (r: Addressed | string) => ctx.queue("pageLayout.printTitleRows", title(r), () => (state().pageLayout.printTitleRows = title(r))),
      setPrintTitleColumns: (r: Addressed | string) => ctx.queue("pageLayout.printTitleColumns", title(r), () => (state().pageLayout.printTitleColumns = title(r))),
    };
  }
  getRange(address: string): RangeDouble {
    const r = new RangeDouble(this.ctx, this.state, () => address);
    // Resolved when the batch runs, as Excel resolves a sheet added earlier in the same batch.
    Object.defineProperty(r, "fullAddress", { get: () => `${this.state().name}!${address}` });
    Object.defineProperty(r, "label", { value: address });
    return r;
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): RangeDouble {
    return this.getRange(`${columnLetter(col + 1)}${row + 1}:${columnLetter(col + cols)}${row + rows}`);
  }
  getUsedRangeOrNullObject(): RangeDouble {
    return new RangeDouble(this.ctx, this.state, () => {
      const keys = [...this.state().cells.entries()].filter(([, c]) => c.formula !== undefined && c.formula !== "").map(([k]) => k.split(",").map(Number));
      if (keys.length === 0) return undefined;
      const rows = keys.map((k) => k[0]);
      const cols = keys.map((k) => k[1]);
      const r0 = Math.min(...rows);
      const c0 = Math.min(...cols);
      return `${columnLetter(c0)}${r0}:${columnLetter(Math.max(...cols))}${Math.max(...rows)}`;
    });
  }
  set tabColor(v: string) {
    this.ctx.queue("tabColor", v, () => (this.state().tabColor = v));
  }
  delete(): void {
    this.ctx.queue("worksheet.delete", null, () => {
      const s = this.state();
      this.ctx.sheets = this.ctx.sheets.filter((x) => x !== s);
    });
  }
  protected override refresh(): void {
    this.snap = { name: this.state().name, id: this.state().id };
  }
  get name(): string {
    this.need("name");
    return this.snap.name;
  }
  get id(): string {
    this.need("id");
    return this.snap.id;
  }
}

class WorksheetCollectionDouble extends Loadable {
  private snap: WorksheetDouble[] = [];
  constructor(ctx: ExcelDouble) {
    super(ctx);
  }
  add(name: string): WorksheetDouble {
    const id = `{sheet-${this.ctx.nextId++}}`;
    const state = new SheetState(name, id);
    this.ctx.queue("worksheets.add", name, () => {
      if (this.ctx.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new Error(`ItemAlreadyExists: ${name}`);
      this.ctx.sheets.push(state);
    });
    return new WorksheetDouble(this.ctx, () => state);
  }
  getItem(key: string): WorksheetDouble {
    const find = () => {
      const s = this.ctx.sheets.find((x) => x.id === key || x.name.toLowerCase() === key.toLowerCase());
      if (!s) throw new Error(`ItemNotFound: worksheet ${key}`);
      return s;
    };
    return new WorksheetDouble(this.ctx, find);
  }
  protected override refresh(): void {
    this.snap = this.ctx.sheets.map((s) => new WorksheetDouble(this.ctx, () => s).markLoaded(["name", "id"]));
  }
  get items(): WorksheetDouble[] {
    this.need("items.name");
    return this.snap;
  }
}

interface NamedItemDouble {
  readonly name: string;
  /** The reference, "='Sheet'!$A$1". */
  readonly formula: string;
  readonly comment: string;
  delete(): void;
}

class NamesDouble extends Loadable {
  private snap: NamedItemDouble[] = [];
  constructor(ctx: ExcelDouble) {
    super(ctx);
  }
  add(name: string, reference: string, comment?: string): void {
    this.ctx.queue("names.add", [name, reference], () => {
      if (this.ctx.names.has(name)) throw new Error(`ItemAlreadyExists: name ${name}`);
      this.ctx.names.set(name, { reference, comment });
    });
  }
  getItem(name: string): { delete(): void } {
    return { delete: () => this.queueDelete(name) };
  }
  protected override refresh(): void {
    this.snap = [...this.ctx.names.entries()].map(([name, n]) => ({
      name,
      formula: n.reference,
      comment: n.comment ?? "",
      delete: () => this.queueDelete(name),
    }));
  }
  private queueDelete(name: string): void {
    this.ctx.queue("names.delete", name, () => {
      if (!this.ctx.names.delete(name)) throw new Error(`ItemNotFound: name ${name}`);
    });
  }
  get items(): NamedItemDouble[] {
    this.need("items.name");
    return this.snap;
  }
}

class TablesDouble extends Loadable {
  private snap: { name: string }[] = [];
  constructor(ctx: ExcelDouble) {
    super(ctx);
  }
  protected override refresh(): void {
    this.snap = this.ctx.sheets.flatMap((s) => s.tables.map((t) => ({ name: t.name })));
  }
  getItem(name: string): { convertToRange(): void } {
    return {
      convertToRange: () =>
        this.ctx.queue("table.convertToRange", name, () => {
          const s = this.ctx.sheets.find((x) => x.tables.some((t) => t.name === name));
          if (!s) throw new Error(`ItemNotFound: table ${name}`);
          s.tables = s.tables.filter((t) => t.name !== name);
        }),
    };
  }
  get items(): { name: string }[] {
    this.need("items.name");
    return this.snap;
  }
}

/** The double: a workbook state and a request context over it. */
export class ExcelDouble {
  sheets: SheetState[] = [];
  names = new Map<string, { reference: string; comment?: string }>();
  nextId = 1;
  syncCount = 0;
  /** Bytes of the write payload sent by each sync. */
  requestBytes: number[] = [];
  suspended = { calculation: 0, screenUpdating: 0 };
  /** The active cell, for Workbook.getActiveCell(). */
  active = { sheet: "", cell: "A1" };
  /** Throw at this sync number (1-based), after applying this many queued operations; several points may be given. */
  failAt?: FailPoint | readonly FailPoint[];
  /** How many operations each sync applied (or would have, for a failed one). */
  opsPerSync: number[] = [];
  private ops: { kind: string; payload: unknown; apply: () => void }[] = [];
  private syncHooks: (() => void)[] = [];
  private synced = new WeakSet<object>();
  private pendingSynced: object[] = [];
  private readonly listeners = new Listeners();

  /** Calls `listener` after every sync and every `type`; returns a function that stops it. */
  subscribe(listener: () => void): () => void {
    return this.listeners.add(listener);
  }

  private changed(): void {
    this.listeners.notify();
  }

  /** The user types into a cell, outside any batch (as in Excel's grid): "" clears it. */
  type(sheetName: string, a1: string, content: CellValue): void {
    const s = this.sheet(sheetName);
    if (content === "") {
      const { row, col } = parseCell(a1);
      const c = s.cells.get(`${row},${col}`);
      if (c) delete c.formula;
    } else s.set(a1, content);
    this.changed();
  }

  addSheet(name: string, cells: Record<string, CellValue> = {}): SheetState {
    const s = new SheetState(name, `{sheet-${this.nextId++}}`);
    for (const [a1, v] of Object.entries(cells)) s.set(a1, v);
    this.sheets.push(s);
    return s;
  }

  sheet(name: string): SheetState {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}; sheets are ${this.sheets.map((x) => x.name).join(", ")}`);
    return s;
  }

  queue(kind: string, payload: unknown, apply: () => void): void {
    this.ops.push({ kind, payload, apply });
  }

  onSync(f: () => void): void {
    this.syncHooks.push(f);
  }

  syncedSince(o: object): boolean {
    this.pendingSynced.push(o);
    return this.synced.has(o) || this.syncCount > 0;
  }

  /** A request context for one batch (what `Excel.run` hands its callback). */
  context(): any {
    const ctx = {
      workbook: {
        worksheets: new WorksheetCollectionDouble(this),
        names: new NamesDouble(this),
        tables: new TablesDouble(this),
        getActiveCell: () => {
          const ws = new WorksheetDouble(this, () => this.sheet(this.active.sheet));
          return ws.getRange(this.active.cell);
        },
      },
      application: {
        suspendApiCalculationUntilNextSync: () => this.suspended.calculation++,
        suspendScreenUpdatingUntilNextSync: () => this.suspended.screenUpdating++,
      },
      sync: async () => this.sync(),
    };
    return ctx;
  }

  /** `Excel.run` over this double. */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => batch(this.context() as Excel.RequestContext);

  private async sync(): Promise<void> {
    this.syncCount++;
    const ops = this.ops;
    this.ops = [];
    this.requestBytes.push(ops.reduce((n, o) => n + (JSON.stringify(o.payload) ?? "").length + o.kind.length, 0));
    this.opsPerSync.push(ops.length);
    const points = this.failAt === undefined ? [] : Array.isArray(this.failAt) ? (this.failAt as readonly FailPoint[]) : [this.failAt as FailPoint];
    const fail = points.find((p) => p.sync === this.syncCount);
    try {
      if (fail && fail.afterOps >= ops.length) {
        ops.forEach((o) => o.apply());
        throw new Error(`GeneralException (injected at sync ${this.syncCount}, after all ${ops.length} operations)`);
      }
      ops.forEach((o, i) => {
        if (fail && i === fail.afterOps) {
          throw new Error(`GeneralException (injected at sync ${this.syncCount}, operation ${i})`);
        }
        o.apply();
      });
    } catch (e) {
      // As in Excel, the loads of a failed batch return nothing.
      this.syncHooks = [];
      this.changed();
      throw e;
    }
    const hooks = this.syncHooks;
    this.syncHooks = [];
    for (const h of hooks) h();
    this.changed();
  }
}
