/** How the task pane shows and filters the function catalogue. */
import { FUNCTIONS, searchFunctions, signature } from "../../src/taskpane/catalog";
import { scenarioNames } from "../../src/model/scenarios";

const byId = (id: string) => {
  const f = FUNCTIONS.find((x) => x.id === id);
  if (!f) throw new Error(`no ${id} in the catalogue`);
  return f;
};

test("signatures are what an analyst types, optional arguments in brackets", () => {
  expect(signature(byId("DEAL_REVENUE"))).toBe("CORZ.DEAL_REVENUE(year, [scenario])");
  expect(signature(byId("GROSS_MARGIN"))).toBe("CORZ.GROSS_MARGIN([scenario], [view])");
  expect(signature(byId("SCENARIOS"))).toBe("CORZ.SCENARIOS()");
});

test("ids are unique", () => {
  expect(new Set(FUNCTIONS.map((f) => f.id)).size).toBe(FUNCTIONS.length);
});

test("an empty or blank query keeps every function", () => {
  expect(searchFunctions(FUNCTIONS, "")).toBe(FUNCTIONS);
  expect(searchFunctions(FUNCTIONS, "   ")).toBe(FUNCTIONS);
});

test("the query matches ids, descriptions and argument names, ignoring case", () => {
  // Two ids have "NPV" in them; RECONCILE has it only in its description ("NPV of gross profit").
  expect(searchFunctions(FUNCTIONS, "npv").map((f) => f.id)).toEqual(["DEAL_NPV", "RECONCILE", "DEAL_NPV_RISK"]);
  expect(byId("RECONCILE").id).not.toMatch(/npv/i);
  expect(searchFunctions(FUNCTIONS, "CONTRACT_YEAR").map((f) => f.id)).toEqual(["CONTRACT_YEAR_REVENUE"]);
  expect(searchFunctions(FUNCTIONS, "view").map((f) => f.id)).toContain("GROSS_MARGIN");
  expect(searchFunctions(FUNCTIONS, "Capacity").map((f) => f.id)).toEqual(["HPC_CAPACITY", "CAPACITY", "CAPACITY_SCHEDULE"]);
  expect(searchFunctions(FUNCTIONS, "no such thing")).toEqual([]);
});

test("every scenario argument's help names each built-in scenario (base, seed, bull, bear)", () => {
  const withScenario = FUNCTIONS.filter((f) => f.parameters.some((p) => p.name === "scenario"));
  expect(withScenario.length).toBeGreaterThan(15);
  expect(scenarioNames()).toContain("seed");
  for (const f of withScenario) {
    const help = f.parameters.find((p) => p.name === "scenario")!.description;
    for (const name of scenarioNames()) expect({ id: f.id, names: help.includes(`"${name}"`) }).toEqual({ id: f.id, names: true });
  }
});
