/**
 * Keeps the preview's workbook across reloads: the Excel double's sheets (cells with their
 * formats, charts, tables, names, frozen panes, page layout, validations, tab colours, column
 * widths) and the document settings the task pane saved (its scenarios and its record of the
 * sheets it built) as one versioned JSON text. The page stores it in the browser's IndexedDB
 * after each change (the four-scenario workbook is ~3.4 MB of JSON, too near localStorage's
 * ~5 million characters); a copy that cannot be read is refused with the reason, never half-loaded.
 *
 * Pure apart from the ExcelDouble it fills: no storage access here (see index.ts).
 */
import { CellState, ChartState, ExcelDouble, PageLayoutState, SheetState } from "./excelDouble";

/** The saved copy's layout; a copy of another version is not loaded. */
export const SAVED_VERSION = 1;
/** Where the page keeps it: the IndexedDB database, its store and the record's key. */
export const STORAGE = { database: "corz-preview", store: "saved", key: "workbook" } as const;

interface SavedSheet {
  readonly name: string;
  readonly id: string;
  readonly cells: [string, CellState][];
  readonly pageLayout: PageLayoutState;
  readonly charts: ChartState[];
  readonly tables: { name: string; range: string; filter?: boolean }[];
  readonly tabColor?: string;
  readonly frozen?: string;
  readonly columnWidths: [string, number][];
  readonly validations: [string, unknown][];
}

export interface SavedPreview {
  readonly version: number;
  /** When it was saved (ISO time), for the status line. */
  readonly savedAt: string;
  readonly workbook: {
    readonly sheets: SavedSheet[];
    readonly names: [string, { reference: string; comment?: string }][];
    readonly nextId: number;
    readonly active: { sheet: string; cell: string };
  };
  /** The document settings as last saved by the pane: name → value. */
  readonly settings: Record<string, unknown>;
}

/** The workbook and the saved settings as one JSON text. */
export function saveText(excel: ExcelDouble, settings: ReadonlyMap<string, unknown>, savedAt: Date): string {
  const saved: SavedPreview = {
    version: SAVED_VERSION,
    savedAt: savedAt.toISOString(),
    workbook: {
      sheets: excel.sheets.map((s) => ({
        name: s.name,
        id: s.id,
        cells: [...s.cells].filter(([, c]) => Object.keys(c).length > 0),
        pageLayout: s.pageLayout,
        charts: s.charts,
        tables: s.tables,
        tabColor: s.tabColor,
        frozen: s.frozen,
        columnWidths: [...s.columnWidths],
        validations: [...s.validations],
      })),
      names: [...excel.names],
      nextId: excel.nextId,
      active: excel.active,
    },
    settings: Object.fromEntries(settings),
  };
  return JSON.stringify(saved);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isCellKey = (k: unknown) => typeof k === "string" && /^\d+,\d+$/.test(k);
const CELL_FIELDS: Record<string, string> = { formula: "string|number|boolean", numberFormat: "string", bold: "boolean", italic: "boolean", fontColor: "string", fill: "string", wrap: "boolean" };

function checkCell(c: unknown, where: string): CellState {
  if (!isObject(c)) throw new Error(`${where} is not a cell`);
  for (const [k, v] of Object.entries(c)) {
    const allowed = CELL_FIELDS[k];
    if (!allowed) throw new Error(`${where} has an unknown field "${k}"`);
    if (!allowed.split("|").includes(typeof v)) throw new Error(`${where}.${k} should be ${allowed.split("|").join(" or ")}, not ${typeof v}`);
  }
  return c as CellState;
}

function checkSheet(s: unknown, i: number): SheetState {
  const where = `sheet ${i + 1}`;
  if (!isObject(s) || typeof s.name !== "string" || typeof s.id !== "string" || s.name === "") throw new Error(`${where} has no name or id`);
  const sheet = new SheetState(s.name, s.id);
  if (!Array.isArray(s.cells)) throw new Error(`sheet ${s.name} has no cells list`);
  for (const entry of s.cells) {
    if (!Array.isArray(entry) || entry.length !== 2 || !isCellKey(entry[0])) throw new Error(`sheet ${s.name} has a cell without a row and column`);
    sheet.cells.set(entry[0] as string, checkCell(entry[1], `sheet ${s.name} cell ${String(entry[0])}`));
  }
  if (!isObject(s.pageLayout)) throw new Error(`sheet ${s.name} has no page layout`);
  sheet.pageLayout = s.pageLayout as PageLayoutState;
  if (!Array.isArray(s.charts) || s.charts.some((c) => !isObject(c) || typeof c.type !== "string" || !Array.isArray(c.series))) throw new Error(`sheet ${s.name} has a chart without a type or series`);
  sheet.charts = s.charts as ChartState[];
  if (!Array.isArray(s.tables) || s.tables.some((t) => !isObject(t) || typeof t.name !== "string" || typeof t.range !== "string")) throw new Error(`sheet ${s.name} has a table without a name or range`);
  sheet.tables = s.tables as SavedSheet["tables"];
  if (s.tabColor !== undefined && typeof s.tabColor !== "string") throw new Error(`sheet ${s.name}'s tab colour is not text`);
  sheet.tabColor = s.tabColor;
  if (s.frozen !== undefined && typeof s.frozen !== "string") throw new Error(`sheet ${s.name}'s frozen panes are not a range`);
  sheet.frozen = s.frozen;
  if (!Array.isArray(s.columnWidths) || s.columnWidths.some((w) => !Array.isArray(w) || typeof w[0] !== "string" || typeof w[1] !== "number")) throw new Error(`sheet ${s.name} has a column width that is not a number`);
  sheet.columnWidths = new Map(s.columnWidths as [string, number][]);
  if (!Array.isArray(s.validations) || s.validations.some((v) => !Array.isArray(v) || typeof v[0] !== "string")) throw new Error(`sheet ${s.name} has a validation without a range`);
  sheet.validations = new Map(s.validations as [string, unknown][]);
  return sheet;
}

/** What a saved text holds, checked; an Error saying what is wrong when it cannot be used. */
export function readSaved(text: string): { sheets: SheetState[]; names: Map<string, { reference: string; comment?: string }>; nextId: number; active: { sheet: string; cell: string }; settings: Record<string, unknown>; savedAt: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error("it is not readable (not JSON)");
  }
  if (!isObject(raw)) throw new Error("it is not a saved workbook");
  if (raw.version !== SAVED_VERSION) throw new Error(`it was saved by another version of the page (${String(raw.version)}, this page reads ${SAVED_VERSION})`);
  const wb = raw.workbook;
  if (!isObject(wb) || !Array.isArray(wb.sheets)) throw new Error("it has no sheets");
  const sheets = wb.sheets.map(checkSheet);
  const lower = sheets.map((s) => s.name.toLowerCase());
  if (new Set(lower).size !== lower.length) throw new Error("two of its sheets have the same name");
  if (!Array.isArray(wb.names) || wb.names.some((n) => !Array.isArray(n) || typeof n[0] !== "string" || !isObject(n[1]) || typeof n[1].reference !== "string")) throw new Error("a defined name has no reference");
  if (typeof wb.nextId !== "number" || !Number.isInteger(wb.nextId) || wb.nextId < 1) throw new Error("its sheet counter is not a whole number");
  const active = isObject(wb.active) && typeof wb.active.sheet === "string" && typeof wb.active.cell === "string" ? { sheet: wb.active.sheet, cell: wb.active.cell } : { sheet: sheets[0]?.name ?? "", cell: "A1" };
  if (!isObject(raw.settings)) throw new Error("it has no document settings");
  return {
    sheets,
    names: new Map(wb.names as [string, { reference: string; comment?: string }][]),
    nextId: wb.nextId,
    active,
    settings: raw.settings,
    savedAt: typeof raw.savedAt === "string" ? raw.savedAt : "",
  };
}

/** Puts a read copy's workbook into the double (replacing what it held). */
export function restoreInto(excel: ExcelDouble, saved: ReturnType<typeof readSaved>): void {
  excel.sheets = saved.sheets;
  excel.names = saved.names;
  excel.nextId = Math.max(saved.nextId, excel.nextId);
  excel.active = saved.sheets.some((s) => s.name === saved.active.sheet) ? saved.active : { sheet: saved.sheets[0]?.name ?? "", cell: "A1" };
}
