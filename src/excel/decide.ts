/**
 * The pure middle of a build: from what was read in the workbook, the scenarios and the
 * registry, decide what to write and what to keep — sheet names (ours renamed where a sheet of
 * the user's has the name), the user's edits kept (or refused, with the cell, by the rules the
 * plan declares for each input block), defined names and table names, and what each sheet held
 * before. No Office.js here: tests call it directly.
 */
import { inBox, parseCell, parseRange, rangeOf } from "../plan/a1";
import { PlanOptions, buildPlan, defaultRiskRun } from "../plan/build";
import { InputRules, cellText, readAssumption, refusal, ruleOf } from "../plan/inputRules";
import { SHEET_NAMES } from "../plan/layout";
import { PlanScenario } from "../plan/scenario";
import { Block, NamePlan, SheetKey, SheetPlan, WorkbookPlan } from "../plan/types";
import { Area, Edit, KeptEdit, findEdits, withEdits } from "./edits";
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
  readonly kept: readonly KeptEdit[];
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

/** The user's values in the blocks the registry records, and `taken` (Leases rows typed under the table); none when they are to be discarded. */
function editsOf(read: WorkbookRead, registry: Registry, discard: boolean, taken: readonly Edit[]): Edit[] {
  if (discard) return [];
  const edits: Edit[] = [];
  for (const [id, w] of Object.entries(registry.blocks ?? {})) {
    const o = read.owned[w.sheet];
    if (o?.used) edits.push(...findEdits(id, w, o.name, o.used));
  }
  return [...edits, ...taken];
}

/**
 * The edits to keep, checked by the rules of the block each was typed in (`rulesOf`), the
 * scenarios with the assumption values kept, or the first refusal.
 */
function keepEdits(
  edits: readonly Edit[],
  scenarios: readonly PlanScenario[],
  rulesOf: (block: string) => InputRules | undefined,
): { ok: true; kept: KeptEdit[]; scenarios: PlanScenario[]; keptInputs: KeptInput[] } | { ok: false; message: string } {
  const kept: KeptEdit[] = [];
  const keptInputs: KeptInput[] = [];
  const changed = new Map<string, Record<string, number>>();
  for (const e of edits) {
    const accept = rulesOf(e.block);
    const rule = ruleOf(accept, e.row, e.col);
    const choice = accept?.choice === true;
    if (rule.kind === "assumption") {
      const scenario = scenarios.find((s) => s.name === e.col);
      const typed = scenario && readAssumption(e.row, e.value, { ...scenario.values, ...changed.get(e.col) });
      if (!typed) continue; // a scenario no longer built, or a row of an older layout
      if (!typed.ok) return { ok: false, message: `${e.where} (${e.row}, ${e.col}): ${typed.error.message}. Correct the cell and build again.` };
      const { key, value, sets } = typed.value;
      changed.set(e.col, { ...changed.get(e.col), ...sets });
      keptInputs.push({ scenario: e.col, key, value, where: e.where });
      // The number the model read is written back: money typed as text ("3.5bn") becomes the
      // number it stands for, so the sheet's formulas see a number, not text.
      kept.push({ ...e, row: key, value, kind: rule.kind, choice });
      continue;
    }
    if (rule.kind === "scenario" && !scenarios.some((s) => s.name === e.value)) continue; // that scenario is gone: show the first
    const bad = refusal(rule, e.value, e);
    if (bad) return { ok: false, message: `${bad}. Correct the cell and build again.` };
    kept.push({ ...e, kind: rule.kind, choice });
  }
  const planScenarios = scenarios.map((s) => (changed.has(s.name) ? { name: s.name, values: { ...s.values, ...changed.get(s.name) } } : s));
  return { ok: true, kept, scenarios: planScenarios, keptInputs };
}

/** The first cell of the user's on one of our sheets that the new layout would write over (`taken`: Leases cells it takes in, "row,col"). */
function collision(read: WorkbookRead, plan: WorkbookPlan, taken: ReadonlySet<string>): string | undefined {
  for (const key of SHEET_KEYS) {
    const o = read.owned[key];
    if (!o?.used) continue;
    const newBoxes = plan.sheets.find((s) => s.key === key)!.blocks.map((b) => parseRange(blockRange(b)));
    const oldBoxes = o.old.ranges.map(parseRange);
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

function describeKept(e: KeptEdit): string {
  return e.kind === "assumption" ? `${e.row} in ${e.col} (${e.where})` : `${e.row} ${e.col} (${e.where})`;
}

/** The plan for `scenarios`: the Risk sheet shows the pane's run, else the default run for the first scenario, dated today. */
function planFor(scenarios: readonly PlanScenario[], options: PlanOptions, opts: BuildOptions): { ok: true; plan: WorkbookPlan } | { ok: false; message: string } {
  let risk = opts.risk;
  if (!risk) {
    const run = defaultRiskRun(scenarios[0]);
    if ("error" in run) return { ok: false, message: run.error.message };
    risk = { ...run, runDate: opts.today ?? new Date().toISOString().slice(0, 10) };
  }
  const built = buildPlan(scenarios, { ...options, risk });
  return built.ok ? { ok: true, plan: built.value } : { ok: false, message: built.error.message };
}

/**
 * The rules of each recorded block: as recorded, or, for a block recorded before the plan
 * declared them (an older version), the rules the plan declares now for the block of that id.
 */
function recordedRules(registry: Registry, declared: WorkbookPlan | undefined): (block: string) => InputRules | undefined {
  const now = new Map((declared?.sheets ?? []).flatMap((s) => s.blocks).map((b) => [b.id, b.keys?.accept]));
  return (block) => registry.blocks?.[block]?.accept ?? now.get(block);
}

/** Each sheet of the plan, with what to take away first on a sheet that is ours already. */
function sheetWrites(read: WorkbookRead, plan: WorkbookPlan): SheetWrite[] {
  const existingTables = new Set(read.tables);
  return plan.sheets.map((s) => {
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
}

/** Decides the build, or says why it cannot go ahead (nothing has been written then). */
export function decideBuild(read: WorkbookRead, scenarios: readonly PlanScenario[], registry: Registry, opts: BuildOptions = {}): Decided {
  const { names: sheetNames, renamed } = sheetNamesFor(read);
  const leases = read.owned.leases;
  const discard = opts.discardEdits === true;
  const below = rowsBelowLeases(registry, leases?.name ?? "", leases?.used, leases?.snapshot?.box, discard);
  const options: PlanOptions = { sheetNames, leases: { userRows: below.userRows }, ...(opts.peers ? { peers: opts.peers } : {}) };
  const found = editsOf(read, registry, discard, below.edits);
  // An edit in a block recorded before the plan declared its rules: the plan built as the scenarios stand declares them.
  const older = found.some((e) => !registry.blocks?.[e.block]?.accept) ? planFor(scenarios, options, opts) : undefined;
  if (older && !older.ok) return older;
  const edits = keepEdits(found, scenarios, recordedRules(registry, older?.plan));
  if (!edits.ok) return edits;

  const built = planFor(edits.scenarios, options, opts);
  if (!built.ok) return built;
  const plan = withEdits(built.plan, edits.kept);

  const hit = collision(read, plan, below.cells);
  if (hit) return { ok: false, message: `${hit} holds something of yours where the new layout writes. Move it and refresh again; nothing was changed.` };

  const ownedNames = new Set(registry.names);
  const othersNames = new Set(read.names.map((n) => n.name).filter((n) => !ownedNames.has(n)));
  return {
    ok: true,
    decision: {
      plan,
      sheets: sheetWrites(read, plan),
      renamed,
      kept: edits.kept,
      // Choices (the scenario shown, the peer group...) are kept too, but are not edits of figures.
      keptEdits: edits.kept.filter((e) => !e.choice).map(describeKept),
      keptInputs: edits.keptInputs,
      tableNames: tableNamesFor(read, plan),
      namesToDelete: read.names.map((n) => n.name).filter((n) => ownedNames.has(n)),
      namesToAdd: plan.names.filter((n) => !othersNames.has(n.name)),
      skippedNames: plan.names.filter((n) => othersNames.has(n.name)).map((n) => n.name),
    },
  };
}
