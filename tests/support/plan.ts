/** Shared helpers for tests of the workbook plan. */
import { resolveScenario, Override } from "../../src/model/scenarios";
import { buildPlan } from "../../src/plan/build";
import { PlanScenario } from "../../src/plan/scenario";
import { WorkbookPlan } from "../../src/plan/types";

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
