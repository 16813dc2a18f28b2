import { ASSUMPTIONS, BUILT_DECIMALS, TRANCHE_IDS, assumptionSpec, findAssumption, retiredAssumption, sumToDecimals } from "../../src/model/assumptions";
import { normaliseName } from "../../src/model/names";
import { DISCOUNT_RATE_INPUTS } from "../../src/model/record";
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

describe("built assumptions: the discount rate is reference yield + spread", () => {
  const built = ASSUMPTIONS.filter((a) => a.built);

  test("the discount rate is the only built value: its parts are the reference yield and the spread, which it adjusts", () => {
    expect(built.map((a) => a.key)).toEqual(["discount_rate"]);
    expect(assumptionSpec("discount_rate")?.built).toEqual({ sumOf: ["reference_yield", "discount_spread"], adjusts: "discount_spread" });
  });

  test.each(built.map((a) => [a.key, a] as const))("%s: its parts come before it, are plain inputs of its unit, and its base is their bases' sum", (_, a) => {
    const index = ASSUMPTIONS.indexOf(a);
    expect(a.built!.sumOf).toContain(a.built!.adjusts);
    for (const k of a.built!.sumOf) {
      const part = assumptionSpec(k)!;
      expect(ASSUMPTIONS.indexOf(part)).toBeGreaterThanOrEqual(0);
      expect(ASSUMPTIONS.indexOf(part)).toBeLessThan(index); // the Inputs sheet writes the sum over rows it has laid out
      expect(part.built).toBeUndefined();
      expect([part.kind, part.unit]).toEqual([a.kind, a.unit]);
    }
    expect(a.base).toBe(sumToDecimals(a.built!.sumOf.map((k) => Number(assumptionSpec(k)!.base))));
  });

  test("the bounds let any rate be given over any reference yield: rate bounds less reference bounds lie inside the spread's", () => {
    const [rate, ref, spread] = ["discount_rate", "reference_yield", "discount_spread"].map((k) => assumptionSpec(k)!);
    expect(Number(rate.min) - Number(ref.max)).toBeGreaterThanOrEqual(Number(spread.min));
    expect(Number(rate.max) - Number(ref.min)).toBeLessThanOrEqual(Number(spread.max));
  });

  test("reference yield: the 9.000% coupon of CoreWeave's senior notes due 2031, cited with its page; the spread is labelled judgement", () => {
    const ref = assumptionSpec("reference_yield")!;
    const notes = DISCOUNT_RATE_INPUTS.coreWeave2031Notes;
    expect(ref.base).toBe(notes.couponRate.value);
    expect(ref.base).toBe(0.09);
    expect(ref.source).toContain(notes.couponRate.source.url);
    expect(ref.source).toContain(notes.couponRate.source.quote);
    expect(ref.asOf).toBe(notes.couponRate.source.date);
    const spread = assumptionSpec("discount_spread")!;
    expect(spread.base).toBe(0.01);
    expect(spread.source).toMatch(/^Modelling judgement/);
    expect(spread.source).toContain("Monte Carlo"); // no concentration premium: the default is simulated
    expect(assumptionSpec("discount_rate")!.base).toBe(0.1);
  });

  test("sumToDecimals keeps sums of round decimals exact and changes nothing beyond the 12th decimal", () => {
    expect(BUILT_DECIMALS).toBe(12);
    expect(0.09 + 0.01).toBe(0.09999999999999999);
    expect(sumToDecimals([0.09, 0.01])).toBe(0.1);
    expect(sumToDecimals([0.09, -0.005])).toBe(0.085);
    expect(sumToDecimals([0.1, 0.2])).toBe(0.3);
    expect(sumToDecimals([0.07, 0.015])).toBe(0.085);
    expect(sumToDecimals([0.1234567890123, 0])).toBe(0.123456789012);
    expect(sumToDecimals([-0.6, 0.09])).toBe(-0.51);
  });
});

test("a name that is an object's built-in property is neither an assumption nor a retired one", () => {
  for (const name of ["constructor", "toString", "__proto__"]) {
    expect(findAssumption(name)).toBeUndefined();
    expect(retiredAssumption(name)).toBeUndefined();
  }
});
