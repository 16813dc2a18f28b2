/**
 * What the add-in wrote into a workbook, saved with the workbook (document settings): which
 * sheets are its own (by worksheet id, so a renamed sheet is still recognised), the ranges,
 * charts and names it wrote, and the input values it last wrote with what each input cell
 * accepts (as the plan declared it), so a refresh can tell the user's edits from its own values
 * and check them.
 */
import { parseRange, rangeOf } from "../plan/a1";
import { InputRules, assumptionValue, ruleOf } from "../plan/inputRules";
import { ChartPlan, ListValidation, PrintPlan, SheetKey, TablePlan } from "../plan/types";
import type { KeptInput } from "./types";

export const REGISTRY_SETTING = "corz.registry";
export const REGISTRY_VERSION = 1;

export interface OwnedSheet {
  readonly id: string;
  readonly name: string;
  /** Block ranges written last time (A1, on this sheet). */
  readonly ranges: readonly string[];
  readonly charts: readonly string[];
  /** Excel tables written last time (absent in registries written before tables existed). */
  readonly tables?: readonly string[];
  /**
   * What else the last build set on the sheet, so a failed build can put it back (absent in
   * registries written before builds could be undone: then only cells and formats come back).
   */
  readonly layout?: SheetLayout;
}

/** A sheet's settings beyond its cells, as the add-in last wrote them. */
export interface SheetLayout {
  readonly tabColor: string;
  readonly freeze: { readonly rows: number; readonly columns: number };
  readonly columnWidths: readonly { readonly column: string; readonly width: number }[];
  readonly validations: readonly ListValidation[];
  readonly charts: readonly ChartPlan[];
  /** With the names they were given in the workbook. */
  readonly tables: readonly TablePlan[];
  /** How the sheet prints; absent in layouts recorded before print setup was written. */
  readonly print?: PrintPlan;
}

/** An input block as last written: where, what its rows and columns mean, and its values. */
export interface WrittenBlock {
  readonly sheet: SheetKey;
  readonly range: string;
  /** Row keys (null for rows without values) and column keys. */
  readonly rows: readonly (string | null)[];
  readonly cols: readonly string[];
  readonly values: readonly (readonly (number | string | boolean | null)[])[];
  /** Cells holding the user's own values, kept at the last build ("row|col"). */
  readonly userCells: readonly string[];
  /**
   * Values a build that failed half-way may have written instead (same range and keys): a cell
   * holding one of these is the add-in's, not an edit of the user's.
   */
  readonly alsoWritten?: readonly (readonly (number | string | boolean | null)[])[];
  /**
   * What its cells accept, as the plan declared it ({} when it declared nothing: numbers).
   * Absent in registries written before the plan declared it: a refresh then takes the rules
   * the plan declares now for the block of the same id.
   */
  readonly accept?: InputRules;
}

export interface Registry {
  readonly version: number;
  readonly layoutVersion: number;
  readonly sheets: Partial<Record<SheetKey, OwnedSheet>>;
  readonly names: readonly string[];
  /** Input blocks by block id. */
  readonly blocks?: Readonly<Record<string, WrittenBlock>>;
}

export const EMPTY_REGISTRY: Registry = { version: REGISTRY_VERSION, layoutVersion: 0, sheets: {}, names: [] };

const isStringArray = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === "string");

/**
 * Reads a stored registry. Anything unreadable (corrupt, another version) gives the empty
 * registry and a warning: the add-in then treats no sheet as its own, so it never writes
 * over a sheet it cannot prove it created.
 */
export function parseRegistry(raw: unknown): { registry: Registry; warning?: string } {
  if (raw === null || raw === undefined) return { registry: EMPTY_REGISTRY };
  try {
    const r = (typeof raw === "string" ? JSON.parse(raw) : raw) as Partial<Registry>;
    if (r.version !== REGISTRY_VERSION) throw new Error(`version ${String(r.version)}`);
    if (typeof r.sheets !== "object" || r.sheets === null || !isStringArray(r.names)) throw new Error("shape");
    for (const s of Object.values(r.sheets)) {
      if (!s || typeof s.id !== "string" || typeof s.name !== "string" || !isStringArray(s.ranges) || !isStringArray(s.charts)) {
        throw new Error("sheet entry");
      }
    }
    return { registry: r as Registry };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return {
      registry: EMPTY_REGISTRY,
      warning: `The record of the sheets this add-in wrote could not be read (${why}); existing CORZ sheets are treated as the user's and left untouched, and new sheets are built beside them.`,
    };
  }
}

/**
 * The assumption values the user typed that the last build kept, as the registry records them:
 * each user cell "key|scenario" of a block whose rule there is an assumption, its value the one
 * written at that position. A record not shaped as this adapter writes it gives none, and so do
 * blocks recorded without their rules (the next refresh reports them again).
 */
export function keptInputsOf(registry: Registry): KeptInput[] {
  const out: KeptInput[] = [];
  for (const block of Object.values(registry.blocks ?? {})) {
    const sheet = registry.sheets[block.sheet]?.name;
    if (!sheet || !block.accept) continue;
    try {
      const origin = parseRange(block.range);
      for (const cell of block.userCells) {
        const [key, scenario] = cell.split("|");
        const i = block.rows.indexOf(key);
        const j = block.cols.indexOf(scenario);
        if (i < 0 || j < 0 || ruleOf(block.accept, key, scenario).kind !== "assumption") continue;
        const v = assumptionValue(key, block.values[i][j]);
        if (v?.ok) out.push({ scenario, key, value: v.value, where: `${sheet}!${rangeOf(origin.row + i, origin.col + j, 1, 1)}` });
      }
    } catch {
      continue;
    }
  }
  return out;
}
