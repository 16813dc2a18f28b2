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
import { PlanOptions, buildPlan } from "../plan/build";
import { SHEET_NAMES, TEXT_FORMAT } from "../plan/layout";
import { PlanScenario } from "../plan/scenario";
import { Block, CellContent, ChartPlan, Format, SheetKey, SheetPlan, WorkbookPlan } from "../plan/types";
import { OwnedSheet, Registry, WrittenInputs } from "./registry";

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
  /** Defined names left alone because they exist and are not the add-in's. */
  readonly skippedNames: readonly string[];
  readonly registry: Registry;
}

export type BuildResult = { ok: true; report: BuildReport } | { ok: false; message: string; syncs: number };

const KEYS: readonly SheetKey[] = ["inputs", "deal", "capacity", "summary", "checks"];

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

/**
 * The user's values in input cells: cells changed since the add-in wrote them, and cells
 * already kept as the user's at an earlier refresh.
 */
function findEdits(written: WrittenInputs, current: unknown[][]): { key: string; scenario: string; value: unknown; cell: string }[] {
  const edits: { key: string; scenario: string; value: unknown; cell: string }[] = [];
  const origin = cellsOf(written.range);
  const kept = new Set(written.userCells);
  written.keys.forEach((key, i) => {
    if (key === null) return;
    written.scenarios.forEach((scenario, j) => {
      const now = current[i]?.[j];
      const was = written.values[i]?.[j];
      const same = typeof now === "number" && typeof was === "number" ? Math.abs(now - was) <= 1e-12 * Math.max(1, Math.abs(was)) : cellText(now) === cellText(was);
      if (!same || kept.has(`${key}|${scenario}`)) edits.push({ key, scenario, value: now, cell: rangeOf(origin.row + i, origin.col + j, 1, 1) });
    });
  });
  return edits;
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

function writeSheet(ctx: Excel.RequestContext, ws: Excel.Worksheet, sheet: SheetPlan, old: OwnedSheet | undefined): void {
  if (old) {
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
}

function inputsWritten(plan: WorkbookPlan, userCells: readonly string[]): WrittenInputs {
  const inputs = plan.sheets.find((s) => s.key === "inputs")!;
  const values = inputs.blocks.find((b) => b.id === "inputs.values")!;
  const labels = inputs.blocks.find((b) => b.id === "inputs.labels")!;
  const selector = inputs.blocks.find((b) => b.id === "inputs.selector")!;
  return {
    range: blockRange(values),
    keys: labels.cells.map((r) => (r[1] === null ? null : String(r[0]))),
    scenarios: plan.scenarios,
    values: values.cells.map((r) => [...r]),
    selector: selector.at,
    selected: String(selector.cells[0][0]),
    userCells,
  };
}

/**
 * Builds (first time) or refreshes the add-in's sheets for `scenarios`.
 * Returns a report, or an error message with the workbook left unchanged.
 */
export interface BuildOptions {
  /** Write the scenarios' values over input cells the user edited (after asking). */
  readonly discardEdits?: boolean;
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
      const selectedCell = owned.inputs && registry.inputs ? owned.inputs.ws.getRange(registry.inputs.selector) : undefined;
      selectedCell?.load("values");
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

      const keptEdits: string[] = [];
      const userCells: string[] = [];
      let planScenarios = scenarios;
      const u = used.inputs;
      if (!opts.discardEdits && owned.inputs && registry.inputs && u && !u.isNullObject) {
        const w = registry.inputs;
        const box = cellsOf(w.range);
        const current = Array.from({ length: box.rows }, (_, i) =>
          Array.from({ length: box.cols }, (_, j) => {
            const r = box.row - 1 + i - u.rowIndex;
            const c = box.col - 1 + j - u.columnIndex;
            return u.values[r]?.[c] ?? "";
          }),
        );
        const edits = findEdits(w, current);
        const changed = new Map<string, Record<string, number>>();
        for (const e of edits) {
          const spec = assumptionSpec(e.key);
          if (!spec || !scenarios.some((s) => s.name === e.scenario)) continue;
          const v = validateAssumption(spec, e.value);
          if (!v.ok) return { ok: false as const, message: `${sheetNames.inputs}!${e.cell} (${e.key}, ${e.scenario}): ${v.error.message}. Correct the cell and build again.`, syncs };
          changed.set(e.scenario, { ...(changed.get(e.scenario) ?? {}), [e.key]: v.value });
          keptEdits.push(`${e.key} in ${e.scenario} (${sheetNames.inputs}!${e.cell})`);
          userCells.push(`${e.key}|${e.scenario}`);
        }
        planScenarios = scenarios.map((s) => (changed.has(s.name) ? { name: s.name, values: { ...s.values, ...changed.get(s.name) } } : s));
      }

      const options: PlanOptions = { sheetNames };
      const built = buildPlan(planScenarios, options);
      if (!built.ok) return { ok: false as const, message: built.error.message, syncs };
      let plan = built.value;
      // Keep the scenario the user had selected, when it still exists.
      const selected = selectedCell?.values?.[0]?.[0];
      if (typeof selected === "string" && plan.scenarios.includes(selected)) plan = withSelected(plan, selected);

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
              };
            }
          }
        }
      }
      const requestBytes = JSON.stringify(plan).length;
      if (requestBytes > MAX_REQUEST_BYTES) {
        return { ok: false as const, message: `the build would send ${(requestBytes / 1e6).toFixed(1)} MB, above the ${MAX_REQUEST_BYTES / 1e6} MB this add-in allows itself; build fewer scenarios at once`, syncs };
      }

      // ---- sync 3: write everything
      ctx.application.suspendApiCalculationUntilNextSync();
      ctx.application.suspendScreenUpdatingUntilNextSync();
      const ownedNames = new Set(registry.names);
      for (const n of names.items) if (ownedNames.has(n.name)) n.delete();
      const written: Partial<Record<SheetKey, Excel.Worksheet>> = {};
      const added: string[] = [];
      for (const sheet of plan.sheets) {
        const o = owned[sheet.key];
        if (!o) added.push(sheet.name);
        const ws = o ? o.ws : sheets.add(sheet.name);
        const old = o ? { ...o.old, charts: (charts[sheet.key]?.items ?? []).map((c) => c.name).filter((n) => o.old.charts.includes(n)) } : undefined;
        writeSheet(ctx, ws, sheet, old);
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
            { id: written[s.key]!.id, name: written[s.key]!.name, ranges: s.blocks.map(blockRange), charts: s.charts.map((c) => c.id) },
          ]),
        ),
        names: plan.names.map((n) => n.name).filter((n) => !othersNames.has(n)),
        inputs: inputsWritten(plan, userCells),
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
          skippedNames,
          registry: newRegistry,
        },
      };
    });
  } catch (e) {
    return { ok: false, message: `Excel refused the build: ${e instanceof Error ? e.message : String(e)}`, syncs };
  }
}

/** The plan with another scenario selected on the Inputs sheet. */
function withSelected(plan: WorkbookPlan, selected: string): WorkbookPlan {
  return {
    ...plan,
    sheets: plan.sheets.map((s) =>
      s.key !== "inputs" ? s : { ...s, blocks: s.blocks.map((b) => (b.id === "inputs.selector" ? { ...b, cells: [[selected]] } : b)) },
    ),
  };
}
