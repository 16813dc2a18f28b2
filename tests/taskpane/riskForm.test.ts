/** The Risk panel's form as a request: what the boxes hold, read as the run they ask for, or the message shown instead. */
import { Result } from "../../src/model/result";
import { riskSpecFromSettings } from "../../src/model/risk/settings";
import { RiskSpec } from "../../src/model/risk/spec";
import { resolveScenario } from "../../src/model/scenarios";
import { RiskFormText, riskRequestOf } from "../../src/taskpane/hooks/useRiskForm";

const base = (() => {
  const r = resolveScenario("base");
  if (!r.ok) throw new Error(r.error.message);
  return { name: "base", values: r.value.values };
})();

const must = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const specWith = (settings: Record<string, number>): RiskSpec => must(riskSpecFromSettings(base.values, settings));
const form = (patch: Partial<RiskFormText> = {}): RiskFormText => ({ paths: "100000", seed: "1", settings: {}, ...patch });
const refusal = (f: RiskFormText) => {
  const r = riskRequestOf(base, f);
  return r.ok ? undefined : r.error.message;
};

test("the defaults ask for 100,000 paths on seed 1 with the default distributions, on the scenario given", () => {
  expect(must(riskRequestOf(base, form()))).toEqual({ scenario: base, spec: specWith({}), paths: 100_000, seed: 1 });
});

test("paths may be typed with thousands separators; a rate setting as a decimal or a percentage; blank settings keep their defaults", () => {
  const r = must(riskRequestOf(base, form({ paths: "2,500", settings: { default_probability: "4%", default_recovery: " ", delay_max_months: "9" } })));
  expect(r.paths).toBe(2500);
  expect(r.spec).toEqual(specWith({ default_probability: 0.04, delay_max_months: 9 }));
  expect(must(riskRequestOf(base, form({ settings: { default_probability: "0.04" } }))).spec).toEqual(specWith({ default_probability: 0.04 }));
});

test("paths, seed and settings out of range are refused with the message the panel shows", () => {
  expect(refusal(form({ paths: "0" }))).toBe("paths must be a whole number from 1 to 1,000,000, got 0");
  expect(refusal(form({ paths: "1.5" }))).toBe("paths must be a whole number from 1 to 1,000,000, got 1.5");
  expect(refusal(form({ paths: "1,000,001" }))).toBe("paths must be a whole number from 1 to 1,000,000, got 1,000,001");
  expect(refusal(form({ paths: "1,000,000" }))).toBeUndefined();
  expect(refusal(form({ seed: "-1" }))).toBe("seed must be a whole number from 0 to 4,294,967,295, got -1");
  expect(refusal(form({ seed: "4294967296" }))).toBe("seed must be a whole number from 0 to 4,294,967,295, got 4294967296");
  expect(refusal(form({ seed: "4294967295" }))).toBeUndefined();
  expect(refusal(form({ settings: { default_probability: "150%" } }))).toMatch(/^default_probability must be .* got 1\.5$/);
  expect(refusal(form({ settings: { default_probability: "often" } }))).toMatch(/^default_probability must be /);
});
