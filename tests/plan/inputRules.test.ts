/** What an input cell accepts, as the plan declares it: which rule applies, and what each refuses. */
import { resolveScenario } from "../../src/model/scenarios";
import { LEASE_ROW_RULES } from "../../src/plan/leases";
import { NUMBER_OR_BLANK, TEXT, assumptionValue, readAssumption, refusal, ruleOf } from "../../src/plan/inputRules";

const at = { row: "coreweave", col: "revenue", where: "CORZ Peers!D9" };

test("a row's rule wins over its column's, which wins over the block's; a number when none is declared", () => {
  const rules = { all: NUMBER_OR_BLANK, cols: { name: TEXT }, rows: { multiple: { kind: "scenario" as const } } };
  expect(ruleOf(rules, "multiple", "name")).toEqual({ kind: "scenario" });
  expect(ruleOf(rules, "year", "name")).toBe(TEXT);
  expect(ruleOf(rules, "year", "value")).toBe(NUMBER_OR_BLANK);
  expect(ruleOf(undefined, "year", "value")).toEqual({ kind: "number" });
  expect(ruleOf({}, "year", "value")).toEqual({ kind: "number" });
});

test("numbers, blanks, booleans and text: what each rule refuses, and how it names the cell", () => {
  expect(refusal({ kind: "number" }, 3, at)).toBeUndefined();
  expect(refusal({ kind: "number" }, "", at)).toBe('CORZ Peers!D9: coreweave revenue must be a number, got ""');
  expect(refusal(NUMBER_OR_BLANK, "", at)).toBeUndefined();
  expect(refusal(NUMBER_OR_BLANK, null, at)).toBeUndefined();
  expect(refusal(NUMBER_OR_BLANK, "lots", at)).toBe('CORZ Peers!D9: coreweave revenue must be a number or blank, got "lots"');
  expect(refusal({ kind: "boolean", name: "Include" }, true, at)).toBeUndefined();
  expect(refusal({ kind: "boolean", name: "Include" }, "", at)).toBe('CORZ Peers!D9: Include must be TRUE or FALSE, got ""');
  expect(refusal(TEXT, 42, at)).toBeUndefined();
  // A Leases row: figures named by their column, Comparable TRUE/FALSE or blank, text elsewhere.
  expect(refusal(ruleOf(LEASE_ROW_RULES, "user-1", "value_usd"), "lots", at)).toBe('CORZ Peers!D9: value_usd must be a number or blank, got "lots"');
  expect(refusal(ruleOf(LEASE_ROW_RULES, "user-1", "comparable"), "yes", at)).toBe('CORZ Peers!D9: Comparable must be TRUE or FALSE, got "yes"');
  expect(refusal(ruleOf(LEASE_ROW_RULES, "user-1", "comparable"), "", at)).toBeUndefined();
  expect(refusal(ruleOf(LEASE_ROW_RULES, "user-1", "tenant"), 7, at)).toBeUndefined();
});

test("an assumption is read by the model's rule: money as text, bounds, and rows of no assumption", () => {
  expect(assumptionValue("t2_value", "3.5bn")).toEqual({ ok: true, value: 3_500_000_000 });
  expect(assumptionValue("t1_mw", -1)).toMatchObject({ ok: false, error: { message: "t1_mw must be a number of MW from 0 to 5000, got -1" } });
  expect(assumptionValue("no_such_key", 1)).toBeUndefined();
  expect(readAssumption("no_such_key", 1, {})).toBeUndefined();
});

test("a built value typed (the discount rate) is kept as the part it adjusts, so the sum is what was typed", () => {
  const base = resolveScenario("base");
  if (!base.ok) throw new Error(base.error.message);
  const v = base.value.values;
  expect(v.reference_yield).toBe(0.09);
  // 8.5% less the 9% reference yield, kept to 12 decimals as the sum is (not -0.0050000000000000044).
  const typed = readAssumption("discount_rate", 0.085, v);
  expect(typed).toEqual({ ok: true, value: { key: "discount_spread", value: -0.005, sets: { discount_rate: 0.085, discount_spread: -0.005 } } });
  expect(readAssumption("licence_margin", 0.8, v)).toEqual({ ok: true, value: { key: "licence_margin", value: 0.8, sets: { licence_margin: 0.8 } } });
});
