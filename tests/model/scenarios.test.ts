import fc from "fast-check";
import { ASSUMPTIONS, TRANCHE_IDS, findAssumption } from "../../src/model/assumptions";
import { DISCOUNT_RATE_INPUTS } from "../../src/model/record";
import {
  BUILT_IN_SCENARIOS,
  findScenario,
  rationale,
  resolveScenario,
  scenarioNames,
  validateAssumption,
  withOverrides,
} from "../../src/model/scenarios";
import { serialOf, spec, unwrap } from "./helpers";

const resolve = (name: string, overrides: ReadonlyArray<readonly [unknown, unknown]> = []) => resolveScenario(name, overrides);
const values = (name: string, overrides: ReadonlyArray<readonly [unknown, unknown]> = []) => unwrap(resolve(name, overrides)).values;
const base = values("base");

describe("built-in scenarios", () => {
  test("base, seed, bull and bear", () => {
    expect(scenarioNames()).toEqual(["base", "seed", "bull", "bear"]);
    expect(findScenario(" SEED ")?.name).toBe("seed");
    expect(findScenario(" Bull ")?.name).toBe("bull");
    expect(findScenario("BEAR")?.name).toBe("bear");
    expect(findScenario("bull case")).toBeUndefined();
  });

  test("base is the registry's defaults, dates as Excel serials", () => {
    for (const a of ASSUMPTIONS) {
      expect(base[a.key]).toBe(a.kind === "date" ? serialOf(String(a.base)) : a.base);
    }
    expect(base.t1_start).toBe(45853); // 2025-07-15: 2025-05-01 (45778, the seed's start) + 75 days
  });

  test("every scenario change names a real assumption, has a valid value and a rationale", () => {
    for (const s of BUILT_IN_SCENARIOS) {
      expect(s.description.trim()).not.toBe("");
      for (const [key, change] of Object.entries(s.changes)) {
        expect(findAssumption(key)?.key).toBe(key);
        expect(change.rationale.trim().length).toBeGreaterThan(10);
        expect(rationale(s, key)).toBe(change.rationale);
        expect(validateAssumption(spec(key), change.value).ok).toBe(true);
      }
    }
    expect(Object.keys(findScenario("bull")!.changes).length).toBeGreaterThan(0);
    expect(Object.keys(findScenario("bear")!.changes).length).toBeGreaterThan(0);
  });

  test("an unchanged assumption's rationale points to its base source", () => {
    expect(rationale(findScenario("bull")!, "term_years")).toBe(`As base: ${spec("term_years").source}`);
    expect(rationale(findScenario("bull")!, "nonsense")).toBe("");
  });

  test("seed, bull and bear differ from base in their listed changes only (and the built values those changes move)", () => {
    for (const name of ["bull", "bear"]) {
      const v = values(name);
      const changed = ASSUMPTIONS.map((a) => a.key).filter((k) => v[k] !== base[k]);
      const listed = Object.keys(findScenario(name)!.changes);
      const follow = ASSUMPTIONS.filter((a) => a.built?.sumOf.some((k) => listed.includes(k))).map((a) => a.key);
      expect(changed.sort()).toEqual([...listed, ...follow].sort());
    }
    expect(values("bear").delay_months).toBe(9);
    expect(values("bull").renewal_options).toBe(2);
    // Seed restates the pre-slip schedule of tranches 1 to 4 in full; tranche 4's 6-month ramp happens to equal base's.
    const seed = values("seed");
    const listed = Object.keys(findScenario("seed")!.changes);
    const changed = ASSUMPTIONS.map((a) => a.key).filter((k) => seed[k] !== base[k]);
    expect(listed.filter((k) => !changed.includes(k))).toEqual(["t4_ramp_months"]);
    expect(changed.filter((k) => !listed.includes(k))).toEqual([]);
    expect([seed.t1_mw, seed.t5_mw, seed.t5_value, seed.realloc_mw, seed.licence_margin]).toEqual([198, 0, 0, 70, 0.775]);
  });

  test("a blank scenario name is base", () => {
    expect(unwrap(resolve("")).name).toBe("base");
    expect(unwrap(resolve("  ")).name).toBe("base");
  });
});

describe("errors name what is valid", () => {
  test("unknown scenario: #N/A with the list of scenario names", () => {
    expect(resolve("moon")).toEqual({
      ok: false,
      error: { kind: "na", message: 'unknown scenario "moon"; built-in scenarios are base, seed, bull, bear' },
    });
  });

  test("unknown assumption: #N/A listing every valid name", () => {
    // One tranche past the data (t6_mw with five tranches).
    const beyond = `t${TRANCHE_IDS.length + 1}_mw`;
    expect(beyond).toBe("t6_mw");
    const r = resolve("base", [[beyond, 10]]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.kind).toBe("na");
    expect(r.error.message).toBe(`unknown assumption "${beyond}"; valid names are ${ASSUMPTIONS.map((a) => a.key).join(", ")}`);
    for (const a of ASSUMPTIONS) expect(r.error.message).toContain(a.key);
  });

  test.each([
    ["term_years", -3, "term_years must be a whole number of years from 1 to 30, got -3"],
    ["term_years", 12.5, "term_years must be a whole number of years from 1 to 30, got 12.5"],
    ["Contract term", "twelve", 'term_years must be a whole number of years from 1 to 30, got "twelve"'],
    ["term_years", null, "term_years must be a whole number of years from 1 to 30, got blank"],
    ["escalator", 0.5, "escalator must be a rate from -0.1 to 0.2 (a decimal: 0.05 is 5%), got 0.5"],
    ["t1_mw", -1, "t1_mw must be a number of MW from 0 to 5000, got -1"],
    ["t1_start", "2019-12-31", "t1_start must be a date from 2020-01-01 to 2060-12-31, got 2019-12-31"],
    ["t1_start", 40000, "t1_start must be a date from 2020-01-01 to 2060-12-31, got 2009-07-06"],
    ["t1_start", "2025-02-30", 't1_start must be a date from 2020-01-01 to 2060-12-31, got "2025-02-30"'],
    ["t1_start", true, "t1_start must be a date from 2020-01-01 to 2060-12-31, got true"],
  ])("%s = %p: #VALUE! with the allowed range", (name, value, message) => {
    expect(resolve("base", [[name, value]])).toEqual({ ok: false, error: { kind: "value", message } });
  });

  test("an override without a name is #VALUE!", () => {
    expect(resolve("base", [[42, 1]])).toEqual({
      ok: false,
      error: { kind: "value", message: "an override's first column must be an assumption name, got 42" },
    });
    expect(resolve("base", [["", 1]]).ok).toBe(false);
  });

  test("NaN and Infinity are refused, never passed on", () => {
    for (const bad of [NaN, Infinity, -Infinity]) {
      for (const key of ["t1_mw", "escalator", "term_years", "t1_start"]) {
        const r = resolve("base", [[key, bad]]);
        expect(r.ok ? "ok" : r.error.kind).toBe("value");
      }
    }
  });
});

describe("overrides", () => {
  test("by label and by forgiving name", () => {
    expect(values("base", [["Contract term", 15]]).term_years).toBe(15);
    expect(values("base", [["T1 MW", 150]]).t1_mw).toBe(150);
    expect(values("base", [["DISCOUNT RATE", 0.08]]).discount_rate).toBe(0.08);
    expect(values("base", [["DISCOUNT RATE", 0.08]]).discount_spread).toBe(-0.01);
  });

  test("text numbers: thousands separators and percentages", () => {
    expect(values("base", [["t1_mw", "1,000"]]).t1_mw).toBe(1000);
    expect(values("base", [["escalator", "5%"]]).escalator).toBeCloseTo(0.05, 15);
    expect(values("base", [["term_years", " 20 "]]).term_years).toBe(20);
  });

  test("a 'scenario' override row picks the scenario the other overrides apply to", () => {
    const r = unwrap(resolve("base", [["Scenario", "bull"], ["discount_rate", 0.11]]));
    expect(r.name).toBe("bull + 1 override");
    expect(r.values.licence_margin).toBe(0.85);
    expect(r.values.renewal_options).toBe(2);
    expect(r.values.discount_rate).toBe(0.11);
    expect(r.values.discount_spread).toBe(0.02); // over bull's 0 spread: the rate given, the spread follows
    expect(resolve("base", [["scenario", 2]])).toEqual({
      ok: false,
      error: { kind: "value", message: 'the "scenario" override must be a scenario name, got 2' },
    });
    expect(resolve("base", [["scenario", "moon"]]).ok ? "ok" : "error").toBe("error");
  });

  test("the scenario label counts the overrides", () => {
    expect(unwrap(resolve("bear")).name).toBe("bear");
    expect(unwrap(resolve("bear", [["t1_mw", 190], ["t2_mw", 80]])).name).toBe("bear + 2 overrides");
  });

  test("dates are accepted as ISO text and as Excel serials, a time of day dropped", () => {
    const iso = values("base", [["t1_start", "2025-06-01"]]).t1_start;
    expect(iso).toBe(45809);
    expect(values("base", [["t1_start", 45809]]).t1_start).toBe(45809);
    expect(values("base", [["t1_start", 45809.75]]).t1_start).toBe(45809);
    expect(values("base", [["Tranche 1 (initial contracts): billing start", " 2025-06-01 "]]).t1_start).toBe(45809);
  });

  test("the last override of an assumption wins; others keep the scenario's values", () => {
    const v = values("bear", [["t1_mw", 150], ["t1_mw", 160]]);
    expect(v.t1_mw).toBe(160);
    expect(v.delay_months).toBe(9);
  });

  test("bounds are inclusive", () => {
    expect(values("base", [["term_years", 1]]).term_years).toBe(1);
    expect(values("base", [["term_years", 30]]).term_years).toBe(30);
    expect(values("base", [["t1_start", "2060-12-31"]]).t1_start).toBe(serialOf("2060-12-31"));
    expect(resolve("base", [["term_years", 31]]).ok).toBe(false);
  });
});

describe("the discount rate: reference yield + spread", () => {
  const rateOf = (name: string, overrides: ReadonlyArray<readonly [unknown, unknown]> = []) => {
    const v = values(name, overrides);
    return [v.reference_yield, v.discount_spread, v.discount_rate];
  };

  test("base: CoreWeave's 9.000% notes due 2031 plus a 1% spread is exactly 10%, though 0.09 + 0.01 is not 0.1 in binary", () => {
    expect(0.09 + 0.01).not.toBe(0.1); // why the sum is kept to 12 decimals
    expect(base.reference_yield).toBe(DISCOUNT_RATE_INPUTS.coreWeave2031Notes.couponRate.value);
    expect(rateOf("base")).toEqual([0.09, 0.01, 0.1]);
    expect(base.discount_rate).toBe(0.1);
  });

  test("bear keeps base's rate (CoreWeave's default is the Monte Carlo's, not a premium in the rate); bull has no spread: 9%", () => {
    expect(rateOf("bear")).toEqual(rateOf("base"));
    expect(rateOf("seed")).toEqual(rateOf("base"));
    expect(rateOf("bull")).toEqual([0.09, 0, 0.09]);
    expect(Object.keys(findScenario("bear")!.changes)).not.toContain("discount_spread");
    expect(findScenario("bull")!.changes.discount_spread.rationale).toContain("CoreWeave's unsecured notes");
  });

  test("the rate's rationale in a scenario is its parts'", () => {
    expect(rationale(findScenario("bull")!, "discount_rate")).toContain(findScenario("bull")!.changes.discount_spread.rationale);
    expect(rationale(findScenario("bear")!, "discount_rate")).toBe(`As base: ${spec("discount_rate").source}`);
  });

  test("a part moves the rate", () => {
    expect(rateOf("base", [["discount_spread", 0.025]])).toEqual([0.09, 0.025, 0.115]);
    expect(rateOf("base", [["reference_yield", "7%"]])).toEqual([0.07, 0.01, 0.08]);
    expect(rateOf("bull", [["reference_yield", 0.1]])).toEqual([0.1, 0, 0.1]);
  });

  test("an override of discount_rate sets the spread so the rate is that value: the same scenario as overriding the spread", () => {
    expect(rateOf("base", [["discount_rate", 0.085]])).toEqual([0.09, -0.005, 0.085]);
    expect(values("base", [["discount_rate", 0.085]])).toEqual(values("base", [["discount_spread", -0.005]]));
    expect(rateOf("base", [["Discount rate", "12%"]])).toEqual([0.09, 0.03, 0.12]);
    // With the reference yield given too, in either order, the spread is what is left.
    expect(rateOf("base", [["discount_rate", 0.085], ["reference_yield", 0.07]])).toEqual([0.07, 0.015, 0.085]);
    expect(rateOf("base", [["reference_yield", 0.07], ["discount_rate", 0.085]])).toEqual([0.07, 0.015, 0.085]);
  });

  test("property: any rate given is the rate used, and reference yield + spread make it", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: -50_000, max: 100_000 }), (refBp100, rateBp10) => {
        const ref = refBp100 / 10_000; // 0 to 50%, to the hundredth of a percent
        const rate = rateBp10 / 100_000; // -50% to 100%, to the thousandth of a percent
        const v = values("base", [["reference_yield", ref], ["discount_rate", rate]]);
        expect(v.discount_rate).toBe(rate);
        expect(v.reference_yield).toBe(ref);
        expect(Math.abs(v.reference_yield + v.discount_spread - rate)).toBeLessThanOrEqual(1e-12);
      }),
      { numRuns: 500 },
    );
  });

  test("given with the spread, the rate is the parts' sum: a full record of a scenario's values resolves to itself, with a spread changed in it too", () => {
    expect(rateOf("base", [["discount_rate", 0.085], ["discount_spread", 0.02]])).toEqual([0.09, 0.02, 0.11]);
    const bull = values("bull");
    expect(values("base", Object.entries(bull))).toEqual(bull);
    // A spread typed over a record that still carries the old rate moves the rate.
    expect(rateOf("base", Object.entries({ ...bull, discount_spread: 0.03 }))).toEqual([0.09, 0.03, 0.12]);
  });

  test.each([
    ["discount_rate", 2, "discount_rate must be a rate from -0.5 to 1 (a decimal: 0.05 is 5%), got 2"],
    ["discount_rate", "abc", 'discount_rate must be a rate from -0.5 to 1 (a decimal: 0.05 is 5%), got "abc"'],
    ["reference_yield", -0.01, "reference_yield must be a rate from 0 to 0.5 (a decimal: 0.05 is 5%), got -0.01"],
    ["discount_spread", 1.5, "discount_spread must be a rate from -1 to 1 (a decimal: 0.05 is 5%), got 1.5"],
    ["discount_spread", 0.95, "discount_rate = reference_yield + discount_spread must be a rate from -0.5 to 1 (a decimal: 0.05 is 5%), got 1.04 (0.09 + 0.95)"],
    ["discount_spread", -0.6, "discount_rate = reference_yield + discount_spread must be a rate from -0.5 to 1 (a decimal: 0.05 is 5%), got -0.51 (0.09 + -0.6)"],
  ])("%s = %p: #VALUE! saying why", (name, value, message) => {
    expect(resolve("base", [[name, value]])).toEqual({ ok: false, error: { kind: "value", message } });
  });

  test("withOverrides settles a resolved scenario as resolveScenario does", () => {
    const bull = unwrap(resolve("bull"));
    expect(unwrap(withOverrides(bull, [["discount_spread", 0.02]])).values.discount_rate).toBe(0.11);
    expect(unwrap(withOverrides(bull, [["discount_rate", 0.1]])).values.discount_spread).toBe(0.01);
    expect(unwrap(withOverrides(bull, [["discount_rate", 0.1]])).values).toEqual(values("bull", [["discount_rate", 0.1]]));
    expect(withOverrides(bull, [["discount_rate", 3]]).ok).toBe(false);
  });
});
