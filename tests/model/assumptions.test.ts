import { ASSUMPTIONS, TRANCHE_IDS, assumptionSpec, findAssumption, normaliseName } from "../../src/model/assumptions";
import { parseIso } from "../../src/model/dates";
import { validateAssumption } from "../../src/model/scenarios";

const GROUPS = ["deal", "margins", "capacity", "finance"];
const KINDS = ["number", "integer", "rate", "date"];

describe("the assumption registry", () => {
  test("keys are unique, stable lower-case ids", () => {
    const keys = ASSUMPTIONS.map((a) => a.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of keys) expect(k).toMatch(/^[a-z][a-z0-9_]*$/);
    expect(keys.length).toBeGreaterThanOrEqual(30);
  });

  test.each(ASSUMPTIONS.map((a) => [a.key, a] as const))("%s has a label, unit, group, kind, a source and an as-of date", (_, a) => {
    expect(a.label.trim()).not.toBe("");
    expect(a.unit.trim()).not.toBe("");
    expect(GROUPS).toContain(a.group);
    expect(KINDS).toContain(a.kind);
    expect(a.source.trim().length).toBeGreaterThan(0);
    expect(a.asOf).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
    if (a.note !== undefined) expect(a.note.trim()).not.toBe("");
  });

  test.each(ASSUMPTIONS.map((a) => [a.key, a] as const))("%s: the base value is within its bounds", (_, a) => {
    if (a.kind === "date") {
      for (const d of [a.min, a.max, a.base]) expect(parseIso(String(d)).ok).toBe(true);
      expect(String(a.min) <= String(a.base) && String(a.base) <= String(a.max)).toBe(true);
    } else {
      expect(typeof a.base).toBe("number");
      expect(Number(a.min)).toBeLessThanOrEqual(Number(a.base));
      expect(Number(a.base)).toBeLessThanOrEqual(Number(a.max));
      if (a.kind === "integer") {
        expect(Number.isInteger(a.base)).toBe(true);
        expect(Number.isInteger(a.min) && Number.isInteger(a.max)).toBe(true);
      }
    }
    expect(validateAssumption(a, a.base).ok).toBe(true);
  });

  test("a name typed in a cell finds one assumption only: keys and labels never collide once folded", () => {
    const owner = new Map<string, string>();
    for (const a of ASSUMPTIONS) {
      for (const name of new Set([normaliseName(a.key), normaliseName(a.label)])) {
        expect(owner.get(name) ?? a.key).toBe(a.key);
        owner.set(name, a.key);
      }
    }
  });
});

describe("lookup", () => {
  test("by key, by label and forgiving case, spaces, underscores, hyphens and dots", () => {
    expect(findAssumption("term_years")?.key).toBe("term_years");
    expect(findAssumption("Contract term")?.key).toBe("term_years");
    expect(findAssumption("T1 MW")?.key).toBe("t1_mw");
    expect(findAssumption("t1.mw")?.key).toBe("t1_mw");
    expect(findAssumption("  DISCOUNT-RATE ")?.key).toBe("discount_rate");
    expect(findAssumption("Licence-fee gross margin")?.key).toBe("licence_margin");
    expect(findAssumption("tranche 4 (Final Option): contract value")?.key).toBe("t4_value");
    expect(findAssumption("Tranche 5 (Denton expansion): energised")?.key).toBe("t5_energised");
  });

  test("unknown names find nothing; assumptionSpec takes exact keys only", () => {
    expect(findAssumption(`t${TRANCHE_IDS.length + 1}_mw`)).toBeUndefined(); // one tranche past the data
    expect(findAssumption("")).toBeUndefined();
    expect(assumptionSpec("term_years")?.label).toBe("Contract term");
    expect(assumptionSpec("Contract term")).toBeUndefined();
  });

  test("normaliseName folds case and separators", () => {
    expect(normaliseName(" Tranche_1-MW.x ")).toBe("tranche1mwx");
  });
});
