/** How the task pane shows and filters the function catalogue. */
import { FUNCTIONS, searchFunctions, signature } from "../../src/taskpane/catalog";

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
  expect(searchFunctions(FUNCTIONS, "npv").map((f) => f.id)).toEqual(["DEAL_NPV", "DEAL_NPV_RISK"]);
  expect(searchFunctions(FUNCTIONS, "CONTRACT_YEAR").map((f) => f.id)).toEqual(["CONTRACT_YEAR_REVENUE"]);
  expect(searchFunctions(FUNCTIONS, "view").map((f) => f.id)).toContain("GROSS_MARGIN");
  expect(searchFunctions(FUNCTIONS, "Capacity").map((f) => f.id)).toEqual(["HPC_CAPACITY", "CAPACITY", "CAPACITY_SCHEDULE"]);
  expect(searchFunctions(FUNCTIONS, "no such thing")).toEqual([]);
});
