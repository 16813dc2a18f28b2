/**
 * The Office.js adapter: builds or refreshes the add-in's sheets in the open workbook from the
 * workbook plan, as read → decide → write:
 *
 * 1. read (two syncs): the sheet, name and table lists; then what is on the sheets the add-in
 *    owns — values (to find the user's edits and cells a new layout would cover), charts, and a
 *    snapshot of the cells, number formats and formats of the area the add-in wrote;
 * 2. decide (pure, src/excel/decide.ts): sheet names, edits kept or refused, names, tables;
 * 3. write (src/excel/ops.ts): in as few syncs as the request cap allows — one while the
 *    write fits in MAX_REQUEST_BYTES, so three syncs in all — with calculation and screen
 *    updating suspended.
 *
 * If a write request fails, the build puts back what it changed (sheets and names it added are
 * removed; our sheets get their snapshot, layout, charts, tables and names back) and says so;
 * if that fails too, it says what may be half-written and lists the user's typed values.
 * It writes only into sheets it created (recorded in the registry by worksheet id).
 */
import { Edit } from "./edits";
import { blockRange, CellSnapshot, Decision, NameRead, OwnedRead, SHEET_KEYS, WorkbookRead, decideBuild } from "./decide";
import { AfterFailure, Before, MAX_REQUEST_BYTES, Op, SheetFinder, chunk, layoutOf, restoreOps, writeOps } from "./ops";
import { boundingRange } from "../plan/a1";
import { PlanScenario } from "../plan/scenario";
import { SheetKey, WorkbookPlan } from "../plan/types";
import { leaseSnapshotRanges } from "./leaseRows";
import { Registry, WrittenBlock } from "./registry";
import { BuildOptions, BuildResult, Runner } from "./types";

export { MAX_REQUEST_BYTES } from "./ops";
export type { BuildOptions, BuildReport, BuildResult, KeptInput, Runner, WorkbookAfterFailure } from "./types";

const FORMAT_PROPS = { format: { font: { bold: true, italic: true, color: true }, fill: { color: true }, wrapText: true } };

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Syncs counted, and the sheets found by key for every operation. */
class Session {
  syncs = 0;
  private readonly cache = new Map<SheetKey, Excel.Worksheet>();
  constructor(
    readonly ctx: Excel.RequestContext,
    private readonly where: (key: SheetKey) => string,
  ) {}
  async sync(): Promise<void> {
    this.syncs++;
    await this.ctx.sync();
  }
  readonly sheet: SheetFinder = (key) => {
    let ws = this.cache.get(key);
    if (!ws) {
      ws = this.ctx.workbook.worksheets.getItem(this.where(key));
      this.cache.set(key, ws);
    }
    return ws;
  };
  /** Sends operations in requests of at most MAX_REQUEST_BYTES; `last` runs before the final sync. */
  async send(ops: readonly Op[], last?: () => void): Promise<{ requests: number; bytes: number; largest: number }> {
    const requests = chunk(ops, MAX_REQUEST_BYTES);
    let bytes = 0;
    let largest = 0;
    for (let i = 0; i < requests.length; i++) {
      this.ctx.application.suspendApiCalculationUntilNextSync();
      this.ctx.application.suspendScreenUpdatingUntilNextSync();
      const size = requests[i].reduce((n, o) => n + o.bytes, 0);
      for (const o of requests[i]) o.run(this.ctx, this.sheet);
      if (i === requests.length - 1) last?.();
      await this.sync();
      bytes += size;
      largest = Math.max(largest, size);
      this.done = i + 1;
    }
    return { requests: requests.length, bytes, largest };
  }
  /** Requests of the current `send` that went through. */
  done = 0;
}

/** Syncs 1 and 2: what is in the workbook, and on the sheets the registry says are ours. */
async function readWorkbook(s: Session, registry: Registry): Promise<WorkbookRead> {
  const wb = s.ctx.workbook;
  wb.worksheets.load("items/name,items/id");
  wb.names.load("items/name,items/formula,items/comment");
  wb.tables.load("items/name");
  await s.sync();

  const byId = new Map(wb.worksheets.items.map((w) => [w.id, w]));
  const loads: { key: SheetKey; ws: Excel.Worksheet; used: Excel.Range; charts: Excel.ChartCollection; box?: string; snap?: Excel.Range; props?: OfficeExtension.ClientResult<Excel.CellProperties[][]> }[] = [];
  for (const key of SHEET_KEYS) {
    const old = registry.sheets[key];
    const ws = old ? byId.get(old.id) : undefined;
    if (!old || !ws) continue;
    const used = ws.getUsedRangeOrNullObject(true);
    // The Leases sheet's formulas too: rows typed under its table are taken in only when no formula of the user's is lost.
    used.load(key === "leases" ? "address,values,formulas,rowIndex,columnIndex" : "address,values,rowIndex,columnIndex");
    const charts = ws.charts;
    charts.load("items/name");
    // On the Leases sheet, the rows under the table too: a refresh may take them in, and a failed one puts them back.
    const box = boundingRange(key === "leases" ? leaseSnapshotRanges(old.ranges) : old.ranges);
    const snap = box ? ws.getRange(box) : undefined;
    snap?.load("formulas,numberFormat");
    loads.push({ key, ws, used, charts, box, snap, props: snap?.getCellProperties(FORMAT_PROPS) });
  }
  await s.sync();

  const owned: Partial<Record<SheetKey, OwnedRead>> = {};
  for (const l of loads) {
    const snapshot: CellSnapshot | undefined =
      l.box && l.snap && l.props ? { box: l.box, formulas: l.snap.formulas, numberFormat: l.snap.numberFormat, props: l.props.value } : undefined;
    owned[l.key] = {
      id: l.ws.id,
      name: l.ws.name,
      old: registry.sheets[l.key]!,
      used: l.used.isNullObject
        ? undefined
        : { rowIndex: l.used.rowIndex, columnIndex: l.used.columnIndex, values: l.used.values, ...(l.key === "leases" ? { formulas: l.used.formulas } : {}) },
      charts: l.charts.items.map((c) => c.name),
      ...(snapshot ? { snapshot } : {}),
    };
  }
  return {
    sheets: wb.worksheets.items.map((w) => ({ id: w.id, name: w.name })),
    names: wb.names.items.map((n): NameRead => ({ name: n.name, formula: n.formula, comment: n.comment ?? "" })),
    tables: wb.tables.items.map((t) => t.name),
    owned,
  };
}

/** Every input block of the plan as written, with the cells kept as the user's. */
function writtenBlocks(plan: WorkbookPlan, kept: readonly Edit[]): Record<string, WrittenBlock> {
  const out: Record<string, WrittenBlock> = {};
  for (const sheet of plan.sheets) {
    for (const b of sheet.blocks) {
      if (!b.keys) continue;
      const keys = b.keys;
      out[b.id] = {
        sheet: sheet.key,
        range: blockRange(b),
        rows: keys.rows,
        cols: keys.cols,
        values: b.cells.map((r) => [...r]),
        userCells: kept.filter((e) => e.block === b.id && keys.rows.includes(e.row) && keys.cols.includes(e.col)).map((e) => `${e.row}|${e.col}`),
        accept: keys.accept ?? {},
      };
    }
  }
  return out;
}

function newRegistry(registry: Registry, d: Decision, written: Record<SheetKey, { id: string; name: string }>, othersNames: ReadonlySet<string>): Registry {
  return {
    version: registry.version,
    layoutVersion: d.plan.layoutVersion,
    sheets: Object.fromEntries(
      d.plan.sheets.map((s) => [
        s.key,
        {
          id: written[s.key].id,
          name: written[s.key].name,
          ranges: s.blocks.map(blockRange),
          charts: s.charts.map((c) => c.id),
          tables: s.tables.map((t) => d.tableNames.get(t.name) ?? t.name),
          layout: layoutOf(s, d.tableNames),
        },
      ]),
    ),
    names: d.plan.names.map((n) => n.name).filter((n) => !othersNames.has(n)),
    blocks: writtenBlocks(d.plan, d.kept),
  };
}

/**
 * The record to keep after a write that could not be undone: the old one, where each input
 * block written again at the same place also knows the new values, so neither reads as an edit,
 * and each sheet's ranges include those the new layout may have written.
 */
function uncertainRegistry(registry: Registry, d: Decision): Registry {
  const fresh = writtenBlocks(d.plan, d.kept);
  const same = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  const blocks = Object.fromEntries(
    Object.entries(registry.blocks ?? {}).map(([id, old]) => {
      const now = fresh[id];
      const alike = now && now.range === old.range && same(now.rows, old.rows) && same(now.cols, old.cols);
      return [id, alike ? { ...old, alsoWritten: now.values, userCells: [...new Set([...old.userCells, ...now.userCells])] } : old];
    }),
  );
  // Cells the new layout may have written are the add-in's too: the next build clears them.
  const sheets = Object.fromEntries(
    Object.entries(registry.sheets).map(([key, old]) => {
      const plan = d.plan.sheets.find((p) => p.key === key);
      return [key, plan ? { ...old, ranges: [...new Set([...old.ranges, ...plan.blocks.map(blockRange)])] } : old];
    }),
  );
  return { ...registry, sheets, blocks };
}

/** The state before the write that a restore needs. */
function beforeOf(read: WorkbookRead, registry: Registry): Before {
  const ownedNames = new Set(registry.names);
  return {
    sheetIds: new Set(read.sheets.map((s) => s.id)),
    names: read.names.filter((n) => ownedNames.has(n.name)),
    othersNames: new Set(read.names.map((n) => n.name).filter((n) => !ownedNames.has(n))),
    owned: Object.fromEntries(
      Object.entries(read.owned).map(([k, o]) => [
        k,
        {
          id: o.id,
          charts: o.charts.filter((c) => o.old.charts.includes(c)),
          tables: (o.old.tables ?? []).filter((t) => read.tables.includes(t)),
          ...(o.snapshot ? { snapshot: o.snapshot } : {}),
          ...(o.old.layout ? { layout: o.old.layout } : {}),
        },
      ]),
    ),
  };
}

/** After a failed write: what is there now (one sync), then the restore in as few syncs as fit. */
async function restore(s: Session, d: Decision, before: Before): Promise<void> {
  const wb = s.ctx.workbook;
  wb.worksheets.load("items/id");
  wb.names.load("items/name");
  wb.tables.load("items/name");
  const charts: Partial<Record<SheetKey, Excel.ChartCollection>> = {};
  for (const [key, o] of Object.entries(before.owned) as [SheetKey, { id: string }][]) {
    charts[key] = wb.worksheets.getItem(o.id).charts;
    charts[key]!.load("items/name");
  }
  await s.sync();
  const now: AfterFailure = {
    sheetIds: new Set(wb.worksheets.items.map((w) => w.id)),
    names: new Set(wb.names.items.map((n) => n.name)),
    tables: new Set(wb.tables.items.map((t) => t.name)),
    charts: Object.fromEntries(Object.entries(charts).map(([k, c]) => [k, c!.items.map((x) => x.name)])),
  };
  await s.send(restoreOps(d, before, now));
}

function typedValues(d: Decision): string {
  const typed = d.kept.filter((e) => e.kind !== "scenario");
  if (typed.length === 0) return "You had typed no values of your own into the CORZ sheets.";
  return `Your typed values, so none is lost: ${typed.map((e) => `${e.row} ${e.kind === "assumption" ? "in " : ""}${e.col} = ${String(e.value)} (${e.where})`).join("; ")}.`;
}

type Failure = Extract<BuildResult, { ok: false }>;

/**
 * Builds (first time) or refreshes the add-in's sheets for `scenarios`: read, decide, write.
 * Returns a report, or a failure that says what it left in the workbook.
 */
export async function buildSheets(run: Runner, scenarios: readonly PlanScenario[], registry: Registry, opts: BuildOptions = {}): Promise<BuildResult> {
  // Syncs made before a failure that says what it left; none means nothing was written.
  const progress = { syncs: 0 };
  try {
    return await run(async (ctx) => {
      const names = new Map<SheetKey, string>();
      const s = new Session(ctx, (key) => names.get(key) ?? key);
      let read: WorkbookRead;
      try {
        read = await readWorkbook(s, registry);
      } catch (e) {
        progress.syncs = s.syncs;
        return { ok: false, message: `Excel refused to read the workbook (${messageOf(e)}); nothing was changed. Try again.`, syncs: s.syncs, workbook: "unchanged" };
      }
      const decided = decideBuild(read, scenarios, registry, opts);
      if (!decided.ok) return { ok: false, message: decided.message, syncs: s.syncs, workbook: "unchanged" };
      for (const w of decided.decision.sheets) names.set(w.plan.key, w.owned?.id ?? w.plan.name);
      return writeDecision(s, read, decided.decision, registry, progress);
    });
  } catch (e) {
    // Excel.run itself failed: before the batch ran (no workbook, lost connection: no syncs), or
    // around a failed read or write that recorded its syncs. A throw after a write that succeeded
    // records none, so it reads as "unchanged": a known gap (reading the session's syncs would close it).
    return { ok: false, message: `Excel refused the build: ${messageOf(e)}`, syncs: progress.syncs, workbook: progress.syncs === 0 ? "unchanged" : "uncertain" };
  }
}

/** The write: every operation of the decision in as few requests as fit, then the report and the new registry; on failure, the restore. */
async function writeDecision(s: Session, read: WorkbookRead, d: Decision, registry: Registry, progress: { syncs: number }): Promise<BuildResult> {
  const before = beforeOf(read, registry);
  const loaded = new Map<SheetKey, Excel.Worksheet>();
  const ops = writeOps(d);
  const total = chunk(ops).length;
  let sent: { requests: number; bytes: number; largest: number };
  try {
    sent = await s.send(ops, () => {
      for (const w of d.sheets) loaded.set(w.plan.key, s.sheet(w.plan.key).load("id,name"));
    });
  } catch (e) {
    const failed = await putBack(s, d, registry, before, `Excel refused the build (${messageOf(e)}) at write request ${s.done + 1} of ${total}`);
    progress.syncs = s.syncs;
    return failed;
  }

  const written = Object.fromEntries([...loaded].map(([k, ws]) => [k, { id: ws.id, name: ws.name }])) as Record<SheetKey, { id: string; name: string }>;
  const othersNames = new Set(read.names.map((n) => n.name).filter((n) => !registry.names.includes(n)));
  const first = Object.keys(registry.sheets).length === 0;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? "" : "s"}`;
  return {
    ok: true,
    report: {
      ok: true,
      message: `${first ? "Built" : "Refreshed"} ${d.plan.sheets.length} sheets for ${plural(d.plan.scenarios.length, "scenario")}.`,
      syncs: s.syncs,
      requestBytes: sent.bytes,
      largestRequestBytes: sent.largest,
      writeSyncs: sent.requests,
      sheets: d.plan.sheetNames,
      renamed: d.renamed,
      keptEdits: d.keptEdits,
      keptInputs: d.keptInputs,
      skippedNames: d.skippedNames,
      registry: newRegistry(registry, d, written, othersNames),
    },
  };
}

/** After a failed write (`why`): puts back what it changed, and says so; or, when that fails too, what to check and the user's typed values. */
async function putBack(s: Session, d: Decision, registry: Registry, before: Before, why: string): Promise<Failure> {
  try {
    await restore(s, d, before);
  } catch (e2) {
    const added = d.sheets.filter((w) => !w.owned).map((w) => w.plan.name);
    const ours = d.sheets.filter((w) => w.owned).map((w) => w.plan.name);
    return {
      ok: false,
      message: `${why}, and putting the workbook back failed too (${messageOf(e2)}). Check ${ours.join(", ") || "the workbook"} before relying on ${ours.length > 0 ? "them" : "it"}${added.length > 0 ? `; delete any of ${added.join(", ")} that were added` : ""}. ${typedValues(d)}`,
      syncs: s.syncs,
      workbook: "uncertain",
      // A first build has no record to keep: its sheets, if any stayed, are not provably ours.
      ...(Object.keys(registry.sheets).length > 0 ? { registry: uncertainRegistry(registry, d) } : {}),
    };
  }
  const first = d.sheets.every((w) => !w.owned);
  const noLayout = d.sheets.filter((w) => w.owned && !before.owned[w.plan.key]?.layout).map((w) => w.plan.name);
  return {
    ok: false,
    message: `${why}. Everything it had changed was put back: ${first ? "the sheets it had added were removed" : "the CORZ sheets are as they were"} and your typed values are unchanged${noLayout.length > 0 ? ` (charts, tables and column widths of ${noLayout.join(", ")} come back at the next refresh: this workbook was built by an older version)` : ""}.`,
    syncs: s.syncs,
    workbook: "restored",
  };
}
