/**
 * The pure middle of a build: from what was read in the workbook, the scenarios and the
 * registry, decide what to write and what to keep — sheet names (ours renamed where a sheet of
 * the user's has the name), the user's edits kept (or refused, with the cell), defined names
 * and table names, and what each sheet held before. No Office.js here: tests call it directly.
 */
import { assumptionSpec, sumToDecimals } from "../model/assumptions";
import { validateAssumption } from "../model/scenarios";
import { parseCell, rangeOf } from "../plan/a1";
import { PlanOptions, buildPlan, defaultRiskRun } from "../plan/build";
import { SHEET_NAMES } from "../plan/layout";
import { PlanScenario } from "../plan/scenario";
import { Block, NamePlan, SheetKey, SheetPlan, WorkbookPlan } from "../plan/types";
import { Area, Edit, cellText, cellsOf, checkEdit, findEdits, inBox, withEdits } from "./edits";
import { rowsBelowLeases } from "./leaseRows";
import { OwnedSheet, Registry } from "./registry";
import { BuildOptions, KeptInput } from "./types";

export const SHEET_KEYS: readonly SheetKey[] = ["inputs", "deal", "capacity", "valuation", "peers", "leases", "customers", "mining", "risk", "summary", "checks"];

/** A defined name as read: its reference formula and comment. */
export interface NameRead {
  readonly name: string;
  readonly formula: string;
  readonly comment: string;
}

/** What one sheet looked like before the write: the cells, formats and number formats of a box. */
export interface CellSnapshot {
  /** A1 box on the sheet: every range the add-in wrote last time lies inside it. */
  readonly box: string;
  readonly formulas: readonly (readonly unknown[])[];
  readonly numberFormat: readonly (readonly string[])[];
  /** Excel's CellProperties (the format part) of every cell of the box. */
  readonly props: readonly (readonly unknown[])[];
}

/** A sheet the registry says is ours, as read. */
export interface OwnedRead {
  readonly id: string;
  readonly name: string;
  readonly old: OwnedSheet;
  /** The used range's values; undefined when the sheet is empty. */
  readonly used?: Area;
  /** Charts on the sheet now, by name. */
  readonly charts: readonly string[];
  readonly snapshot?: CellSnapshot;
}

export interface WorkbookRead {
  readonly sheets: readonly { readonly id: string; readonly name: string }[];
  readonly names: readonly NameRead[];
  readonly tables: readonly string[];
  readonly owned: Partial<Record<SheetKey, OwnedRead>>;
}

/** One sheet of the plan and, when it is ours already, what to take away before writing it. */
export interface SheetWrite {
  readonly plan: SheetPlan;
  readonly owned?: {
    readonly id: string;
    /** Ranges written last time: cleared first, unless a new block covers exactly the same cells. */
    readonly ranges: readonly string[];
    /** Our charts and tables still on the sheet. */
    readonly charts: readonly string[];
    readonly tables: readonly string[];
  };
}

export interface Decision {
  readonly plan: WorkbookPlan;
  readonly sheets: readonly SheetWrite[];
  readonly renamed: readonly string[];
  /** The user's values kept from the sheets. */
  readonly kept: readonly Edit[];
  readonly keptEdits: readonly string[];
  readonly keptInputs: readonly KeptInput[];
  /** Plan table name → the name it takes in this workbook. */
  readonly tableNames: ReadonlyMap<string, string>;
  /** Our defined names present now: deleted, then written again. */
  readonly namesToDelete: readonly string[];
  readonly namesToAdd: readonly NamePlan[];
  /** Names of the plan left alone because a name of the user's has them. */
  readonly skippedNames: readonly string[];
}

export type Decided = { ok: true; decision: Decision } | { ok: false; message: string };

export function blockRange(b: Block): string {
  const { row, col } = parseCell(b.at);
  return rangeOf(row, col, b.cells.length, b.cells[0]?.length ?? 1);
}

/** Picks a free sheet name: the wanted one, else "wanted (2)", "(3)"... */
export function freeName(wanted: string, taken: Set<string>): string {
  if (!taken.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) {
    const n = `${wanted.slice(0, 31 - ` (${i})`.length)} (${i})`;
    if (!taken.has(n.toLowerCase())) return n;
  }
}

function sheetNamesFor(read: WorkbookRead): { names: Record<SheetKey, string>; renamed: string[] } {
  const taken = new Set(read.sheets.map((s) => s.name.toLowerCase()));
  const names = {} as Record<SheetKey, string>;
  const renamed: string[] = [];
  for (const key of SHEET_KEYS) {
    const o = read.owned[key];
    if (o) {
      names[key] = o.name;
      continue;
    }
    const n = freeName(SHEET_NAMES[key], taken);
    if (n !== SHEET_NAMES[key]) renamed.push(`${SHEET_NAMES[key]} → ${n} (a sheet of yours already has that name)`);
    taken.add(n.toLowerCase());
    names[key] = n;
  }
  return { names, renamed };
}

/** The user's edits to keep, the scenarios with their kept assumption values, or the first refusal. */
function keepEdits(
  read: WorkbookRead,
  scenarios: readonly PlanScenario[],
  registry: Registry,
  discard: boolean,
  taken: readonly Edit[] = [],
): { ok: true; kept: Edit[]; scenarios: PlanScenario[]; keptInputs: KeptInput[] } | { ok: false; message: string } {
  const edits: Edit[] = [];
  if (!discard) {
    for (const [id, w] of Object.entries(registry.blocks ?? {})) {
      const o = read.owned[w.sheet];
      if (o?.used) edits.push(...findEdits(id, w, o.name, o.used));
    }
    edits.push(...taken);
  }
  const kept: Edit[] = [];
  const keptInputs: KeptInput[] = [];
  const changed = new Map<string, Record<string, number>>();
  for (const edit of edits) {
    let e = edit;
    if (e.block === "inputs.values") {
      const spec = assumptionSpec(e.row);
      const scenario = scenarios.find((s) => s.name === e.col);
      if (!spec || !scenario) continue;
      const v = validateAssumption(spec, e.value);
      if (!v.ok) return { ok: false, message: `${e.where} (${e.row}, ${e.col}): ${v.error.message}. Correct the cell and build again.` };
      let key = e.row;
      let value = v.value;
      if (spec.built) {
        // A rate typed on a sheet built before the rate had parts: kept as the spread that gives it
        // (the bounds make that spread valid: a rate from -0.5 to 1 less a reference yield from 0 to 0.5).
        const now: Record<string, number> = { ...scenario.values, ...changed.get(e.col) };
        const { sumOf, adjusts } = spec.built;
        key = adjusts;
        value = sumToDecimals([v.value, ...sumOf.filter((k) => k !== adjusts).map((k) => -now[k])]);
        changed.set(e.col, { ...(changed.get(e.col) ?? {}), [e.row]: v.value });
        e = { ...e, row: key, value };
      } else {
        // The number the model read is written back: money typed as text ("3.5bn") becomes the
        // number it stands for, so the sheet's formulas see a number, not text.
        e = { ...e, value };
      }
      changed.set(e.col, { ...(changed.get(e.col) ?? {}), [key]: value });
      keptInputs.push({ scenario: e.col, key, value, where: e.where });
    } else if (e.block === "inputs.selector") {
      if (!scenarios.some((s) => s.name === e.value)) continue; // that scenario is gone: show the first
    } else {
      const bad = checkEdit(e);
      if (bad) return { ok: false, message: `${bad}. Correct the cell and build again.` };
    }
    kept.push(e);
  }
  const planScenarios = scenarios.map((s) => (changed.has(s.name) ? { name: s.name, values: { ...s.values, ...changed.get(s.name) } } : s));
  return { ok: true, kept, scenarios: planScenarios, keptInputs };
}

/** The first cell of the user's on one of our sheets that the new layout would write over (`taken`: Leases cells it takes in, "row,col"). */
function collision(read: WorkbookRead, plan: WorkbookPlan, taken: ReadonlySet<string>): string | undefined {
  for (const key of SHEET_KEYS) {
    const o = read.owned[key];
    if (!o?.used) continue;
    const newBoxes = plan.sheets.find((s) => s.key === key)!.blocks.map((b) => cellsOf(blockRange(b)));
    const oldBoxes = o.old.ranges.map(cellsOf);
    const { values, rowIndex, columnIndex } = o.used;
    for (let i = 0; i < values.length; i++) {
      for (let j = 0; j < values[i].length; j++) {
        if (cellText(values[i][j]) === "") continue;
        const row = rowIndex + i + 1;
        const col = columnIndex + j + 1;
        if (oldBoxes.some((b) => inBox(b, row, col)) || (key === "leases" && taken.has(`${row},${col}`))) continue;
        if (newBoxes.some((b) => inBox(b, row, col))) return `${o.name}!${rangeOf(row, col, 1, 1)}`;
      }
    }
  }
  return undefined;
}

/** Table names are unique in a workbook: a table of the user's keeps its name, ours takes another. */
function tableNamesFor(read: WorkbookRead, plan: WorkbookPlan): Map<string, string> {
  const ours = new Set(SHEET_KEYS.flatMap((k) => read.owned[k]?.old.tables ?? []).map((t) => t.toLowerCase()));
  const taken = new Set(read.tables.map((t) => t.toLowerCase()).filter((n) => !ours.has(n)));
  const out = new Map<string, string>();
  for (const t of plan.sheets.flatMap((s) => s.tables)) {
    let n = t.name;
    for (let i = 2; taken.has(n.toLowerCase()); i++) n = `${t.name}${i}`;
    taken.add(n.toLowerCase());
    out.set(t.name, n);
  }
  return out;
}

function describeKept(e: Edit): string {
  return e.block === "inputs.values" ? `${e.row} in ${e.col} (${e.where})` : `${e.row} ${e.col} (${e.where})`;
}

/** Decides the build, or says why it cannot go ahead (nothing has been written then). */
export function decideBuild(read: WorkbookRead, scenarios: readonly PlanScenario[], registry: Registry, opts: BuildOptions = {}): Decided {
  const { names: sheetNames, renamed } = sheetNamesFor(read);
  const leases = read.owned.leases;
  const below = rowsBelowLeases(registry, leases?.name ?? "", leases?.used, leases?.snapshot?.box, opts.discardEdits === true);
  const edits = keepEdits(read, scenarios, registry, opts.discardEdits === true, below.edits);
  if (!edits.ok) return edits;

  let risk = opts.risk;
  if (!risk) {
    const run = defaultRiskRun(edits.scenarios[0]);
    if ("error" in run) return { ok: false, message: run.error.message };
    risk = { ...run, runDate: opts.today ?? new Date().toISOString().slice(0, 10) };
  }
  const options: PlanOptions = { sheetNames, risk, leases: { userRows: below.userRows }, ...(opts.peers ? { peers: opts.peers } : {}) };
  const built = buildPlan(edits.scenarios, options);
  if (!built.ok) return { ok: false, message: built.error.message };
  const plan = withEdits(built.value, edits.kept);

  const hit = collision(read, plan, below.cells);
  if (hit) return { ok: false, message: `${hit} holds something of yours where the new layout writes. Move it and refresh again; nothing was changed.` };

  const ownedNames = new Set(registry.names);
  const othersNames = new Set(read.names.map((n) => n.name).filter((n) => !ownedNames.has(n)));
  const existingTables = new Set(read.tables);
  const sheets: SheetWrite[] = plan.sheets.map((s) => {
    const o = read.owned[s.key];
    if (!o) return { plan: s };
    return {
      plan: s,
      owned: {
        id: o.id,
        ranges: o.old.ranges,
        charts: o.charts.filter((c) => o.old.charts.includes(c)),
        tables: (o.old.tables ?? []).filter((t) => existingTables.has(t)),
      },
    };
  });
  return {
    ok: true,
    decision: {
      plan,
      sheets,
      renamed,
      kept: edits.kept,
      keptEdits: edits.kept.filter((e) => e.block !== "inputs.selector" && e.block !== "peers.group" && e.block !== "peers.valuation.choices").map(describeKept),
      keptInputs: edits.keptInputs,
      tableNames: tableNamesFor(read, plan),
      namesToDelete: read.names.map((n) => n.name).filter((n) => ownedNames.has(n)),
      namesToAdd: plan.names.filter((n) => !othersNames.has(n.name)),
      skippedNames: plan.names.filter((n) => othersNames.has(n.name)).map((n) => n.name),
    },
  };
}
