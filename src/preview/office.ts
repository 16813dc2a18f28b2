/**
 * A double of the Office.js globals the add-in uses, for pages that run outside Excel: the
 * preview page (src/preview/index.ts) and the browser tests (tests/support/browserOffice.ts,
 * served in place of Microsoft's CDN script). Microsoft's real office.js cannot stand in here:
 * outside an Office host it reports no host and gives no workbook, so these pages use this
 * double instead, and never load office.js at all.
 *
 * `Office` reports Excel on the web, with a theme and in-memory document settings; `Excel.run`
 * runs batches against one strict ExcelDouble (load/sync semantics, see excelDouble.ts); and
 * `CustomFunctions` records what the shared runtime associates. The state is also put on
 * `window.__excelDouble`, `window.__settings` and `window.__associations` for tests.
 */
import "./customFunctions";
import { EXCEL_API_SET, EXCEL_API_VERSION, compareVersions } from "../excel/requirements";
import { ExcelDouble } from "./excelDouble";
import { Listeners } from "./listeners";

/** What a page or test can change before the double is installed. */
export interface OfficeDoubleOptions {
  /** Office.onReady's host; "Excel" unless told. */
  host?: string | null;
  /** The Office theme's colours; light (Office's "Colorful") unless told. */
  theme?: Partial<Office.OfficeTheme>;
  /** Sheets the workbook starts with: name → { A1: value }. */
  sheets?: Record<string, Record<string, string | number | boolean>>;
  /** Document settings the workbook starts with (name → value, as saved). */
  settings?: Record<string, unknown>;
  /**
   * The highest ExcelApi version Office.context.requirements reports; the adapter's set unless
   * told (the Excel double implements what the adapter uses). An older one shows the pane's notice.
   */
  excelApi?: string;
  /** Office.onReady answers only once this settles (the preview restores its saved workbook first). */
  ready?: Promise<unknown>;
}

/** A custom function as functions.js associates it. */
export type CustomFunction = (...args: unknown[]) => unknown;

export interface OfficeDouble {
  readonly excel: ExcelDouble;
  readonly settings: { readonly current: Map<string, unknown>; readonly saved: Map<string, unknown> };
  /** Calls `listener` after each settings.saveAsync; returns a function that stops it. */
  onSettingsSaved(listener: () => void): () => void;
  /** Every association the page made: id → function. */
  readonly associations: Record<string, CustomFunction>;
  /**
   * Calls `listener` after functions.js associates functions (it may do so after the workbook is
   * first drawn, and a cell using a CORZ function then has a value to show); returns a function
   * that stops it.
   */
  onFunctionsAssociated(listener: () => void): () => void;
}

type AsyncCallback = (result: { status: string; value?: unknown; error?: { message: string } }) => void;

/**
 * Office's document settings over two maps: get/set/remove work on `current`, saveAsync copies
 * it to `saved` (and tells `onSaved`), refreshAsync copies `saved` back.
 */
function documentSettings(initial: Record<string, unknown>) {
  const current = new Map<string, unknown>(Object.entries(initial));
  const saved = new Map<string, unknown>(current);
  const onSaved = new Listeners();
  // Settings round-trip through JSON in Office, so a saved value is a copy, never the caller's object.
  const copy = (v: unknown) => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));
  const api = {
    get: (name: string) => (current.has(name) ? copy(current.get(name)) : null),
    set: (name: string, value: unknown) => void current.set(name, copy(value)),
    remove: (name: string) => void current.delete(name),
    saveAsync: (a?: unknown, b?: unknown) => {
      const callback = (typeof a === "function" ? a : b) as AsyncCallback | undefined;
      saved.clear();
      for (const [k, v] of current) saved.set(k, copy(v));
      onSaved.notify();
      // Office calls back asynchronously, never inside saveAsync.
      setTimeout(() => callback?.({ status: "succeeded", value: undefined }), 0);
    },
    refreshAsync: (callback?: AsyncCallback) => {
      current.clear();
      for (const [k, v] of saved) current.set(k, copy(v));
      setTimeout(() => callback?.({ status: "succeeded", value: api }), 0);
    },
  };
  return { api, current, saved, onSaved };
}

/** The `Office` global: Excel on the web (or the host the options name), its theme, and the document's settings. */
function officeGlobal(options: OfficeDoubleOptions, settings: object) {
  const info = { host: options.host === undefined ? "Excel" : options.host, platform: "OfficeOnline" };
  const ready = Promise.resolve(options.ready).then(() => info);
  return {
    onReady: (callback?: (i: typeof info) => void) => ready.then((i) => (callback?.(i), i)),
    HostType: { Excel: "Excel", Word: "Word", PowerPoint: "PowerPoint", Outlook: "Outlook", OneNote: "OneNote", Project: "Project", Access: "Access" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac", iOS: "iOS", Android: "Android", Universal: "Universal" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    context: {
      officeTheme: {
        bodyBackgroundColor: "#ffffff",
        bodyForegroundColor: "#000000",
        controlBackgroundColor: "#ffffff",
        controlForegroundColor: "#000000",
        isDarkTheme: false,
        ...options.theme,
      },
      document: { settings },
      // Only the ExcelApi set is answered: the pane asks for nothing else.
      requirements: {
        isSetSupported: (name: string, version = "1.1") => name === EXCEL_API_SET && compareVersions(version, options.excelApi ?? EXCEL_API_VERSION) <= 0,
      },
    },
  };
}

/** CustomFunctions.associate and what it records: every association (id → function), each made once, and listeners told after each call. */
function functionAssociations() {
  const associations: Record<string, CustomFunction> = {};
  const onAssociated = new Listeners();
  const one = (id: string, fn: CustomFunction) => {
    if (typeof id !== "string" || typeof fn !== "function") throw new Error(`CustomFunctions.associate(${String(id)}, ${typeof fn}): expected an id and a function`);
    if (id in associations) throw new Error(`CustomFunctions.associate: ${id} is associated twice`);
    associations[id] = fn;
  };
  // Both forms Office accepts: associate(id, fn) and associate({ id: fn, ... }).
  const associate = (idOrMap: string | Record<string, CustomFunction>, fn?: CustomFunction) => {
    if (typeof idOrMap === "string") one(idOrMap, fn as CustomFunction);
    else for (const [id, f] of Object.entries(idOrMap)) one(id, f);
    onAssociated.notify();
  };
  return { associations, associate, onAssociated };
}

/** Puts Office, Excel and CustomFunctions.associate on `window`, over a new in-memory workbook. */
export function installOfficeDouble(options: OfficeDoubleOptions = {}): OfficeDouble {
  const win = window as unknown as Record<string, unknown>;

  const excel = new ExcelDouble();
  for (const [name, cells] of Object.entries(options.sheets ?? {})) excel.addSheet(name, cells);
  if (excel.sheets.length > 0) excel.active = { sheet: excel.sheets[0].name, cell: "A1" };
  const settings = documentSettings(options.settings ?? {});
  const functions = functionAssociations();

  win.Office = officeGlobal(options, settings.api);
  win.Excel = { run: excel.run };
  (win.CustomFunctions as { associate: unknown }).associate = functions.associate;

  const { current, saved } = settings;
  win.__excelDouble = excel;
  win.__settings = { current, saved };
  win.__associations = functions.associations;
  return {
    excel,
    settings: { current, saved },
    associations: functions.associations,
    onSettingsSaved: (listener) => settings.onSaved.add(listener),
    onFunctionsAssociated: (listener) => functions.onAssociated.add(listener),
  };
}
