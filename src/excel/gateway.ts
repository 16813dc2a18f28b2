/**
 * Everything the task pane asks of the workbook, behind one interface: saved settings,
 * building the sheets, inserting a formula. The Office implementation uses Excel.run and the
 * document settings; tests use the same code over the Excel double and an in-memory store.
 */
import { PlanScenario } from "../plan/scenario";
import type { BuildOptions, BuildResult, Runner } from "./apply";
import { REGISTRY_SETTING, parseRegistry } from "./registry";

/** The part of `Office.context.document.settings` the add-in uses. */
export interface SettingsStore {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  /** Persists the settings in the document. */
  save(): Promise<void>;
}

export type InsertResult = { ok: true } | { ok: false; needsConfirm: true; current: string } | { ok: false; needsConfirm: false; message: string };

export interface WorkbookGateway {
  readSetting(name: string): unknown;
  writeSetting(name: string, value: unknown): Promise<void>;
  /** Builds or refreshes the sheets; the registry is read from and saved to the settings. */
  build(scenarios: readonly PlanScenario[], opts?: BuildOptions): Promise<BuildResult & { warning?: string }>;
  /** Puts a formula in the active cell; asks first (needsConfirm) when the cell is not empty. */
  insertFormula(formula: string, overwrite?: boolean): Promise<InsertResult>;
}

export function makeGateway(run: Runner, settings: SettingsStore): WorkbookGateway {
  return {
    readSetting: (name) => settings.get(name),
    writeSetting: async (name, value) => {
      settings.set(name, value);
      await settings.save();
    },
    build: async (scenarios, opts) => {
      const { registry, warning } = parseRegistry(settings.get(REGISTRY_SETTING));
      // The plan builder and the adapter (and the model they run) are a chunk of their own,
      // fetched in the background once the pane has loaded and needed only at the first build.
      const { buildSheets } = await import(/* webpackChunkName: "build", webpackPrefetch: true */ "./apply");
      const r = await buildSheets(run, scenarios, registry, opts);
      const warnings = warning ? [warning] : [];
      if (!r.ok && r.registry) {
        // Half-written and not undone: keep a record that knows both the old and the new values.
        settings.set(REGISTRY_SETTING, JSON.stringify(r.registry));
        await settings.save().catch(() => undefined);
      }
      if (r.ok) {
        settings.set(REGISTRY_SETTING, JSON.stringify(r.report.registry));
        try {
          await settings.save();
        } catch (e) {
          // The sheets are built; only the record that they are ours is not saved yet. It stays
          // set in memory, so a refresh in this session still recognises them and saves again.
          warnings.push(`The sheets were built, but saving the record of them failed (${e instanceof Error ? e.message : String(e)}); refresh once more before closing the workbook.`);
        }
      }
      return warnings.length > 0 ? { ...r, warning: warnings.join(" ") } : r;
    },
    insertFormula: async (formula, overwrite = false) => {
      try {
        return await run(async (ctx) => {
          const cell = ctx.workbook.getActiveCell();
          cell.load("formulas,address");
          await ctx.sync();
          const current = cell.formulas?.[0]?.[0];
          if (!overwrite && current !== "" && current !== null && current !== undefined) {
            return { ok: false as const, needsConfirm: true as const, current: String(current) };
          }
          cell.formulas = [[formula]];
          await ctx.sync();
          return { ok: true as const };
        });
      } catch (e) {
        return { ok: false as const, needsConfirm: false as const, message: e instanceof Error ? e.message : String(e) };
      }
    },
  };
}

/** The gateway over the real Office.js (only called inside Excel). */
export function officeGateway(): WorkbookGateway {
  const s = Office.context.document.settings;
  const store: SettingsStore = {
    get: (name) => s.get(name),
    set: (name, value) => s.set(name, value),
    save: () =>
      new Promise((resolve, reject) =>
        s.saveAsync((r) => (r.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(new Error(r.error?.message ?? "settings not saved")))),
      ),
  };
  return makeGateway((batch) => Excel.run(batch), store);
}
