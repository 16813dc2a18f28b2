/** Shared helpers for tests of the workbook plan. */
import { resolveScenario, Override } from "../../src/model/scenarios";
import { buildPlan } from "../../src/plan/build";
import { PlanScenario } from "../../src/plan/scenario";
import { WorkbookPlan } from "../../src/plan/types";
import { INPUTS } from "../../src/plan/inputs";

export function scenario(name: string, overrides: Override[] = [], label = name): PlanScenario {
  const r = resolveScenario(name, overrides);
  if (!r.ok) throw new Error(r.error.message);
  return { name: label, values: r.value.values };
}

export function plan(scenarios: PlanScenario[] = ["base", "bull", "bear"].map((n) => scenario(n))): WorkbookPlan {
  const p = buildPlan(scenarios);
  if (!p.ok) throw new Error(p.error.message);
  return p.value;
}

/** Row of an assumption on the Inputs sheet, from the plan (the default three scenarios). */
export function inputsRow(key: string): number {
  const labels = plan().sheets[0].blocks.find((b) => b.id === "inputs.labels")!.cells.map((r) => r[0]);
  const i = labels.indexOf(key);
  if (i < 0) throw new Error(`no assumption ${key} on the Inputs sheet`);
  return INPUTS.firstRow + i;
}

/** The report of a build that must have succeeded (its message when it did not). */
export function okReport<R>(r: { ok: true; report: R } | { ok: false; message: string }): R {
  if (!r.ok) throw new Error(r.message);
  return r.report;
}
