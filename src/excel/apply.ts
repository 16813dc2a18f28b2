/**
 * The Office.js adapter: builds or refreshes the add-in's sheets in the open workbook from
 * the workbook plan, in exactly three `context.sync` calls whatever the number of scenarios:
 *
 * 1. read the sheet and name lists;
 * 2. read what is on the sheets the add-in owns (values and charts), to keep the user's
 *    edits and to find cells of the user's that a new layout would cover;
 * 3. write every block in one assignment each, formats by range, with calculation and
 *    screen updating suspended.
 *
 * It writes only into sheets it created (recorded in the registry by worksheet id); a sheet
 * of the user's with a name it wants keeps every cell, and the add-in's sheet takes a new
 * name. Everything that can fail is checked before the write.
 */
import { assumptionSpec } from "../model/assumptions";
import { validateAssumption } from "../model/scenarios";
import { parseCell, rangeOf } from "../plan/a1";
import { PlanOptions, buildPlan, defaultRiskRun } from "../plan/build";
import { SHEET_NAMES, TEXT_FORMAT } from "../plan/layout";
import { PlanScenario } from "../plan/scenario";
import { Block, CellContent, ChartPlan, Format, SheetKey, SheetPlan, WorkbookPlan } from "../plan/types";
import { OwnedSheet, Registry, WrittenBlock } from "./registry";

/** Excel on the web refuses requests above 5 MB; stay well under it. */
export const MAX_REQUEST_BYTES = 4_000_000;

export type Runner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface BuildReport {
  readonly ok: boolean;
  readonly message: string;
  readonly syncs: number;
  readonly requestBytes: number;
  readonly sheets: Readonly<Record<SheetKey, string>>;
  /** Renamed because a sheet of the user's had the name. */
  readonly renamed: readonly string[];
  /** Inputs the user had edited, kept as they were. */
  readonly keptEdits: readonly string[];
  /** The kept edits of assumption values, by scenario and key (the pane shows them). */
  readonly keptInputs: readonly KeptInput[];
  /** Defined names left alone because they exist and are not the add-in's. */
  readonly skippedNames: readonly string[];
  readonly registry: Registry;
}

/** An input value typed on CORZ Inputs that a refresh kept (it wins over the scenario's value). */
export interface KeptInput {
  readonly scenario: string;
  /** Assumption key. */
  readonly key: string;
  /** In the model's unit (dates as Excel serials). */
  readonly value: number;
  /** "Sheet!E12". */
  readonly where: string;
}

/**
 * What a failed build left in the workbook:
 * - `unchanged`: it stopped before writing anything;
 * - `restored`: writing failed part-way and everything it had changed was put back;
 * - `uncertain`: writing failed and putting things back failed too; the message says what
 *   may be half-written and lists the user's typed inputs so none is lost.
 */
export type WorkbookAfterFailure = "unchanged" | "restored" | "uncertain";

export type BuildResult = { ok: true; report: BuildReport } | { ok: false; message: string; syncs: number; workbook: WorkbookAfterFailure };

const KEYS: readonly SheetKey[] = ["inputs", "deal", "capacity", "peers", "customers", "mining", "risk", "summary", "checks"];

function blockRange(b: Block): string {
  const { row, col } = parseCell(b.at);
  const rows = b.cells.length;
  const cols = b.cells[0]?.length ?? 1;
  return rangeOf(row, col, rows, cols);
}


function cellsOf(range: string): { row: number; col: number; rows: number; cols: number } {
  const [a, b = a] = range.split(":");
  const p = parseCell(a);
  const q = parseCell(b);
  return { row: p.row, col: p.col, rows: q.row - p.row + 1, cols: q.col - p.col + 1 };
}

function inside(range: string, row: number, col: number): boolean {
  const r = cellsOf(range);
  return row >= r.row && row < r.row + r.rows && col >= r.col && col < r.col + r.cols;
}

/** Picks a free sheet name: the wanted one, else "wanted (2)", "(3)"... */
function freeName(wanted: string, taken: Set<string>): string {
  if (!taken.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) {
    const n = `${wanted.slice(0, 31 - ` (${i})`.length)} (${i})`;
    if (!taken.has(n.toLowerCase())) return n;
  }
}

function cellText(v: unknown): string {
  return v === null || v === undefined ? "" : String(v);
}

interface Edit {
  readonly block: string;
  readonly row: string;
  readonly col: string;
  readonly value: unknown;
  /** "Sheet!C7". */
  readonly where: string;
}

/**
 * The user's values in an input block: cells changed since the add-in wrote them, and cells
 * already kept as the user's at an earlier refresh.
 */
function findEdits(id: string, written: WrittenBlock, sheetName: string, used: Excel.Range): Edit[] {
  const edits: Edit[] = [];
  const box = cellsOf(written.range);
  const kept = new Set(written.userCells);
  written.rows.forEach((row, i) => {
    if (row === null) return;
    written.cols.forEach((col, j) => {
      const r = box.row - 1 + i - used.rowIndex;
      const c = box.col - 1 + j - used.columnIndex;
      const now = used.values[r]?.[c] ?? "";
      const was = written.values[i]?.[j];
      const same = typeof now === "number" && typeof was === "number" ? Math.abs(now - was) <= 1e-12 * Math.max(1, Math.abs(was)) : cellText(now) === cellText(was);
      if (!same || kept.has(`${row}|${col}`)) edits.push({ block: id, row, col, value: now, where: `${sheetName}!${rangeOf(box.row + i, box.col + j, 1, 1)}` });
    });
  });
  return edits;
}

/** Checks a value the user typed into an input block before it is kept. */
function checkEdit(e: Edit): string | undefined {
  const text =
    e.block === "inputs.selector" ||
    e.block === "peers.group" ||
    (e.block === "peers.valuation.choices" && (e.row === "multiple" || e.row === "stat")) ||
    (e.block === "customers.pipeline" && (e.col === "prospect" || e.col === "category"));
  if (text) return undefined;
  if (e.block === "peers.include") return typeof e.value === "boolean" ? undefined : `${e.where}: Include must be TRUE or FALSE, got "${cellText(e.value)}"`;
  const blankOk = e.block === "peers.figures" || e.block === "peers.valuation.choices";
  if (typeof e.value === "number" || (blankOk && cellText(e.value) === "")) return undefined;
  return `${e.where}: ${e.row} ${e.col} must be a number${blankOk ? " or blank" : ""}, got "${cellText(e.value)}"`;
}

/** The plan with the user's kept values written into the blocks, matched by row and column key. */
function withEdits(plan: WorkbookPlan, edits: readonly Edit[]): WorkbookPlan {
  if (edits.length === 0) return plan;
  return {
    ...plan,
    sheets: plan.sheets.map((s) => ({
      ...s,
      blocks: s.blocks.map((b) => {
        const mine = edits.filter((e) => e.block === b.id);
        if (!b.keys || mine.length === 0) return b;
        const cells = b.cells.map((r) => [...r]);
        for (const e of mine) {
          const i = b.keys.rows.indexOf(e.row);
          const j = b.keys.cols.indexOf(e.col);
          if (i >= 0 && j >= 0) cells[i][j] = e.value === "" ? null : (e.value as CellContent);
        }
        return { ...b, cells };
      }),
    })),
  };
}

function applyFormat(ws: Excel.Worksheet, f: Format): void {
  const r = ws.getRange(f.range);
  if (f.numberFormat !== undefined) {
    const { rows, cols } = cellsOf(f.range);
    r.numberFormat = Array.from({ length: rows }, () => new Array<string>(cols).fill(f.numberFormat as string));
  }
  if (f.bold !== undefined) r.format.font.bold = f.bold;
  if (f.italic !== undefined) r.format.font.italic = f.italic;
  if (f.fontColor !== undefined) r.format.font.color = f.fontColor;
  if (f.fill !== undefined) r.format.fill.color = f.fill;
  if (f.wrap !== undefined) r.format.wrapText = f.wrap;
}

function toFormulas(cells: readonly (readonly CellContent[])[]): (string | number | boolean)[][] {
  return cells.map((row) => row.map((v) => (v === null ? "" : v)));
}

function addChart(ctx: Excel.RequestContext, ws: Excel.Worksheet, c: ChartPlan): void {
  const sheetOf = (name: string) => ctx.workbook.worksheets.getItem(name);
  const [first, ...rest] = c.series;
  const chart = ws.charts.add(c.type, sheetOf(first.sheet).getRange(first.range), "Rows");
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

function writeSheet(ctx: Excel.RequestContext, ws: Excel.Worksheet, sheet: SheetPlan, old: OwnedSheet | undefined, tableNames: ReadonlyMap<string, string>): void {
  if (old) {
    // Our tables become plain ranges first, so clearing and re-adding them cannot collide.
    for (const t of old.tables ?? []) ws.tables.getItem(t).convertToRange();
    for (const r of old.ranges) ws.getRange(r).clear("All");
    for (const c of old.charts) ws.charts.getItem(c).delete();
  }
  ws.tabColor = sheet.tabColor;
  // Text formats go first, so the text written into those cells stays text.
  const isText = (f: Format) => f.numberFormat === TEXT_FORMAT;
  for (const f of sheet.formats.filter(isText)) applyFormat(ws, f);
  for (const b of sheet.blocks) ws.getRange(blockRange(b)).formulas = toFormulas(b.cells);
  for (const f of sheet.formats.filter((x) => !isText(x))) applyFormat(ws, f);
  for (const v of sheet.validations) {
    const r = ws.getRange(v.range);
    r.dataValidation.clear();
    r.dataValidation.rule = { list: { inCellDropDown: true, source: v.source } };
  }
  for (const w of sheet.columnWidths) ws.getRange(`${w.column}:${w.column}`).format.columnWidth = Math.round(w.width * 6);
  ws.freezePanes.unfreeze();
  if (sheet.freeze.rows > 0 || sheet.freeze.columns > 0) {
    ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, Math.max(sheet.freeze.rows, 1), Math.max(sheet.freeze.columns, 1)));
  }
  for (const c of sheet.charts) addChart(ctx, ws, c);
  for (const t of sheet.tables) {
    const table = ws.tables.add(t.range, true);
    table.name = tableNames.get(t.name) ?? t.name;
    table.showFilterButton = true;
  }
}

/** Every input block of the plan as written, with the cells kept as the user's. */
function writtenBlocks(plan: WorkbookPlan, kept: readonly Edit[]): Record<string, WrittenBlock> {
  const out: Record<string, WrittenBlock> = {};
  for (const sheet of plan.sheets) {
    for (const b of sheet.blocks) {
      if (!b.keys) continue;
      out[b.id] = {
        sheet: sheet.key,
        range: blockRange(b),
        rows: b.keys.rows,
        cols: b.keys.cols,
        values: b.cells.map((r) => [...r]),
        userCells: kept.filter((e) => e.block === b.id && b.keys!.rows.includes(e.row) && b.keys!.cols.includes(e.col)).map((e) => `${e.row}|${e.col}`),
      };
    }
  }
  return out;
}

/**
 * Builds (first time) or refreshes the add-in's sheets for `scenarios`.
 * Returns a report, or an error message with the workbook left unchanged.
 */
export interface BuildOptions {
  /** Write the scenarios' values over input cells the user edited (after asking). */
  readonly discardEdits?: boolean;
  /** The Peers sheet's group, statistic and exclusions as chosen in the pane. */
  readonly peers?: PlanOptions["peers"];
  /** A Monte Carlo run from the pane for the Risk sheet; else the default run, dated today. */
  readonly risk?: PlanOptions["risk"];
  /** Today's date (YYYY-MM-DD) for a default run; tests fix it. */
  readonly today?: string;
}

export async function buildSheets(run: Runner, scenarios: readonly PlanScenario[], registry: Registry, opts: BuildOptions = {}): Promise<BuildResult> {
  let syncs = 0;
  try {
    return await run(async (ctx) => {
      const sync = async () => {
        syncs++;
        await ctx.sync();
      };
      // ---- sync 1: what sheets and names exist
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name,items/id");
      const names = ctx.workbook.names;
      names.load("items/name");
      const tables = ctx.workbook.tables;
      tables.load("items/name");
      await sync();

      const byId = new Map(sheets.items.map((s) => [s.id, s]));
      const owned: Partial<Record<SheetKey, { ws: Excel.Worksheet; old: OwnedSheet }>> = {};
      for (const key of KEYS) {
        const old = registry.sheets[key];
        const ws = old ? byId.get(old.id) : undefined;
        if (old && ws) owned[key] = { ws, old };
      }

      // ---- sync 2: what is on our sheets now
      const used: Partial<Record<SheetKey, Excel.Range>> = {};
      const charts: Partial<Record<SheetKey, Excel.ChartCollection>> = {};
      for (const key of KEYS) {
        const o = owned[key];
        if (!o) continue;
        const u = o.ws.getUsedRangeOrNullObject(true);
        u.load("address,values,rowIndex,columnIndex");
        used[key] = u;
        const c = o.ws.charts;
        c.load("items/name");
        charts[key] = c;
      }
      await sync();

      // ---- decide: sheet names, the user's edits, collisions, size
      const taken = new Set(sheets.items.map((s) => s.name.toLowerCase()));
      const sheetNames = {} as Record<SheetKey, string>;
      const renamed: string[] = [];
      for (const key of KEYS) {
        const o = owned[key];
        if (o) {
          sheetNames[key] = o.ws.name;
        } else {
          const n = freeName(SHEET_NAMES[key], taken);
          if (n !== SHEET_NAMES[key]) renamed.push(`${SHEET_NAMES[key]} → ${n} (a sheet of yours already has that name)`);
          taken.add(n.toLowerCase());
          sheetNames[key] = n;
        }
      }

      // The user's values in input cells, found by what the rows and columns mean.
      const edits: Edit[] = [];
      if (!opts.discardEdits) {
        for (const [id, w] of Object.entries(registry.blocks ?? {})) {
          const o = owned[w.sheet];
          const u = used[w.sheet];
          if (o && u && !u.isNullObject) edits.push(...findEdits(id, w, o.ws.name, u));
        }
      }
      const kept: Edit[] = [];
      const changed = new Map<string, Record<string, number>>();
      for (const e of edits) {
        if (e.block === "inputs.values") {
          const spec = assumptionSpec(e.row);
          if (!spec || !scenarios.some((s) => s.name === e.col)) continue;
          const v = validateAssumption(spec, e.value);
          if (!v.ok) return { ok: false as const, message: `${e.where} (${e.row}, ${e.col}): ${v.error.message}. Correct the cell and build again.`, syncs, workbook: "unchanged" as const };
          changed.set(e.col, { ...(changed.get(e.col) ?? {}), [e.row]: v.value });
        } else if (e.block === "inputs.selector") {
          if (!scenarios.some((s) => s.name === e.value)) continue; // that scenario is gone: show the first
        } else {
          const bad = checkEdit(e);
          if (bad) return { ok: false as const, message: `${bad}. Correct the cell and build again.`, syncs, workbook: "unchanged" as const };
        }
        kept.push(e);
      }
      const planScenarios = scenarios.map((s) => (changed.has(s.name) ? { name: s.name, values: { ...s.values, ...changed.get(s.name) } } : s));

      let risk = opts.risk;
      if (!risk) {
        const run = defaultRiskRun(planScenarios[0]);
        if ("error" in run) return { ok: false as const, message: run.error.message, syncs, workbook: "unchanged" as const };
        risk = { ...run, runDate: opts.today ?? new Date().toISOString().slice(0, 10) };
      }
      const options: PlanOptions = { sheetNames, risk, ...(opts.peers ? { peers: opts.peers } : {}) };
      const built = buildPlan(planScenarios, options);
      if (!built.ok) return { ok: false as const, message: built.error.message, syncs, workbook: "unchanged" as const };
      const plan = withEdits(built.value, kept);
      const keptEdits = kept
        .filter((e) => e.block !== "inputs.selector" && e.block !== "peers.group" && e.block !== "peers.valuation.choices")
        .map((e) => (e.block === "inputs.values" ? `${e.row} in ${e.col} (${e.where})` : `${e.row} ${e.col} (${e.where})`));

      // The user's cells on our sheets that the new layout would cover: refuse, never overwrite.
      for (const key of KEYS) {
        const o = owned[key];
        const ur = used[key];
        if (!o || !ur || ur.isNullObject) continue;
        const sheet = plan.sheets.find((s) => s.key === key)!;
        const newRanges = sheet.blocks.map(blockRange);
        for (let i = 0; i < ur.values.length; i++) {
          for (let j = 0; j < ur.values[i].length; j++) {
            if (cellText(ur.values[i][j]) === "") continue;
            const row = ur.rowIndex + i + 1;
            const col = ur.columnIndex + j + 1;
            if (o.old.ranges.some((r) => inside(r, row, col))) continue;
            if (newRanges.some((r) => inside(r, row, col))) {
              return {
                ok: false as const,
                message: `${o.ws.name}!${rangeOf(row, col, 1, 1)} holds something of yours where the new layout writes. Move it and refresh again; nothing was changed.`,
                syncs,
                workbook: "unchanged" as const,
              };
            }
          }
        }
      }
      const requestBytes = JSON.stringify(plan).length;
      if (requestBytes > MAX_REQUEST_BYTES) {
        return { ok: false as const, message: `the build would send ${(requestBytes / 1e6).toFixed(1)} MB, above the ${MAX_REQUEST_BYTES / 1e6} MB this add-in allows itself; build fewer scenarios at once`, syncs, workbook: "unchanged" as const };
      }

      // ---- sync 3: write everything
      ctx.application.suspendApiCalculationUntilNextSync();
      ctx.application.suspendScreenUpdatingUntilNextSync();
      const ownedNames = new Set(registry.names);
      for (const n of names.items) if (ownedNames.has(n.name)) n.delete();
      // Table names are unique in a workbook: a table of the user's keeps its name, ours takes another.
      const ownTables = new Set(KEYS.flatMap((k) => (owned[k] ? (owned[k]!.old.tables ?? []) : [])));
      const takenTables = new Set(tables.items.map((t) => t.name.toLowerCase()).filter((n) => ![...ownTables].some((o) => o.toLowerCase() === n)));
      const tableNames = new Map<string, string>();
      for (const t of plan.sheets.flatMap((s) => s.tables)) {
        let n = t.name;
        for (let i = 2; takenTables.has(n.toLowerCase()); i++) n = `${t.name}${i}`;
        takenTables.add(n.toLowerCase());
        tableNames.set(t.name, n);
      }
      const written: Partial<Record<SheetKey, Excel.Worksheet>> = {};
      const added: string[] = [];
      for (const sheet of plan.sheets) {
        const o = owned[sheet.key];
        if (!o) added.push(sheet.name);
        const ws = o ? o.ws : sheets.add(sheet.name);
        const existingTables = new Set(tables.items.map((t) => t.name));
        const old = o
          ? {
              ...o.old,
              charts: (charts[sheet.key]?.items ?? []).map((c) => c.name).filter((n) => o.old.charts.includes(n)),
              tables: (o.old.tables ?? []).filter((t) => existingTables.has(t)),
            }
          : undefined;
        writeSheet(ctx, ws, sheet, old, tableNames);
        ws.load("id,name");
        written[sheet.key] = ws;
      }
      const othersNames = new Set(names.items.map((n) => n.name).filter((n) => !ownedNames.has(n)));
      const skippedNames = plan.names.filter((n) => othersNames.has(n.name)).map((n) => n.name);
      for (const n of plan.names) {
        if (!othersNames.has(n.name)) names.add(n.name, `='${n.sheet.replace(/'/g, "''")}'!${n.range}`, n.comment);
      }
      try {
        await sync();
      } catch (e) {
        // Take away the sheets this build added, so a failed first build leaves nothing behind.
        try {
          ctx.workbook.worksheets.load("items/name");
          await ctx.sync();
          const present = new Set(ctx.workbook.worksheets.items.map((s) => s.name));
          for (const n of added) if (present.has(n)) ctx.workbook.worksheets.getItem(n).delete();
          await ctx.sync();
        } catch {
          // The original error is the one to report.
        }
        throw e;
      }

      const newRegistry: Registry = {
        version: registry.version,
        layoutVersion: plan.layoutVersion,
        sheets: Object.fromEntries(
          plan.sheets.map((s) => [
            s.key,
            {
              id: written[s.key]!.id,
              name: written[s.key]!.name,
              ranges: s.blocks.map(blockRange),
              charts: s.charts.map((c) => c.id),
              tables: s.tables.map((t) => tableNames.get(t.name) ?? t.name),
            },
          ]),
        ),
        names: plan.names.map((n) => n.name).filter((n) => !othersNames.has(n)),
        blocks: writtenBlocks(plan, kept),
      };
      const first = Object.keys(registry.sheets).length === 0;
      return {
        ok: true as const,
        report: {
          ok: true,
          message: `${first ? "Built" : "Refreshed"} ${plan.sheets.length} sheets for ${plan.scenarios.length} scenario${plan.scenarios.length === 1 ? "" : "s"} in ${syncs} round trips.`,
          syncs,
          requestBytes,
          sheets: plan.sheetNames,
          renamed,
          keptEdits,
          keptInputs: kept
            .filter((e) => e.block === "inputs.values")
            .map((e) => ({ scenario: e.col, key: e.row, value: changed.get(e.col)![e.row], where: e.where })),
          skippedNames,
          registry: newRegistry,
        },
      };
    });
  } catch (e) {
    return { ok: false, message: `Excel refused the build: ${e instanceof Error ? e.message : String(e)}`, syncs, workbook: "unchanged" as const };
  }
}
