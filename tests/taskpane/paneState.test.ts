/** The pane's scenario state (src/model/paneState/) and the form's view of it (formFields.ts): pure updates, validation messages, persistence with fallbacks. */
import {
  BUILT_IN_NAMES,
  DEFAULT_PANE_STATE,
  PANE_STATE_VERSION,
  PaneState,
  createScenario,
  deleteScenario,
  duplicateScenario,
  freeScenarioName,
  parsePaneState,
  planScenarios,
  renameScenario,
  resetField,
  serialisePaneState,
  setBuild,
  setOverride,
  setPeerChoices,
  setPeerIncluded,
} from "../../src/model/paneState";
import { fieldsOf } from "../../src/taskpane/formFields";
import { Result } from "../../src/model/result";
import { scenarioNames } from "../../src/model/scenarios";

function must(r: Result<PaneState>): PaneState {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const deepFreeze = <T>(o: T): T => {
  if (o && typeof o === "object") {
    Object.values(o).forEach(deepFreeze);
    Object.freeze(o);
  }
  return o;
};

test("defaults: the model's built-in scenarios (base, seed, bull, bear), all built, base first", () => {
  // The pane follows the model's list; seed is built too, so the Deal sheet can walk from the brief to base.
  expect(BUILT_IN_NAMES).toEqual(scenarioNames());
  expect(DEFAULT_PANE_STATE.build).toEqual(["base", "seed", "bull", "bear"]);
  const p = planScenarios(DEFAULT_PANE_STATE);
  expect(p.ok && p.value.map((s) => s.name)).toEqual(["base", "seed", "bull", "bear"]);
  // seed is the brief's deal (500 MW), base the public record's (572 MW): two different scenarios.
  const mw = (name: string) => fieldsOf(DEFAULT_PANE_STATE, name).find((f) => f.spec.key === "t5_mw")!.text;
  expect([mw("base"), mw("seed")]).toEqual(["70", "0"]);
});

test("create, duplicate, rename and delete; built-ins are protected", () => {
  const s0 = deepFreeze(DEFAULT_PANE_STATE);
  const s1 = must(createScenario(s0, "  Late sites "));
  expect(s1.scenarios).toEqual([{ name: "Late sites", basedOn: "base", overrides: {} }]);
  expect(s1.build).toEqual(["base", "seed", "bull", "bear", "Late sites"]);
  const s2 = must(duplicateScenario(s1, "bear", "Bear copy"));
  expect(s2.scenarios[1]).toEqual({ name: "Bear copy", basedOn: "bear", overrides: {} });
  const s3 = must(renameScenario(s2, "Bear copy", "Deep bear"));
  expect(s3.build).toContain("Deep bear");
  expect(must(deleteScenario(s3, "Deep bear")).scenarios.map((s) => s.name)).toEqual(["Late sites"]);
  expect(renameScenario(s3, "base", "x")).toMatchObject({ ok: false, error: { message: 'the built-in "base" scenario cannot be renamed; duplicate it instead' } });
  expect(deleteScenario(s3, "bull")).toMatchObject({ ok: false });
  expect(deleteScenario(s3, "seed")).toMatchObject({ ok: false, error: { message: 'the built-in "seed" scenario cannot be deleted' } });
  expect(createScenario(s3, "BASE")).toMatchObject({ ok: false, error: { message: 'there is already a scenario called "base"' } });
  expect(createScenario(s3, "Seed")).toMatchObject({ ok: false, error: { message: 'there is already a scenario called "seed"' } });
  expect(createScenario(s3, "")).toMatchObject({ ok: false });
  expect(createScenario(s3, "=evil()")).toMatchObject({ ok: false });
  expect(createScenario(s3, "x".repeat(41))).toMatchObject({ ok: false });
  expect(freeScenarioName(s3, "Late sites")).toBe("Late sites 2");
});

test("overrides: validated with the model's messages, dates as YYYY-MM-DD, rates as % too, reset per field", () => {
  let s = must(createScenario(DEFAULT_PANE_STATE, "Mine"));
  s = must(setOverride(s, "Mine", "licence_margin", "79%"));
  s = must(setOverride(s, "Mine", "t4_start", "2027-01-01"));
  const f = fieldsOf(s, "Mine");
  const margin = f.find((x) => x.spec.key === "licence_margin")!;
  // Base's margin is 0.825, the midpoint of management's 80-85% target.
  expect([margin.text, margin.defaultText, margin.overridden, margin.readOnly]).toEqual(["0.79", "0.825", true, false]);
  expect(f.find((x) => x.spec.key === "t4_start")!.text).toBe("2027-01-01");
  expect(setOverride(s, "Mine", "term_years", "-3")).toMatchObject({ ok: false, error: { message: 'term_years must be a whole number of years from 1 to 30, got "-3"' } });
  expect(setOverride(s, "base", "term_years", "10")).toMatchObject({ ok: false });
  // Setting a field back to its default removes the override.
  expect(must(setOverride(s, "Mine", "licence_margin", "0.825")).scenarios[0].overrides.licence_margin).toBeUndefined();
  expect(must(setOverride(s, "Mine", "licence_margin", "0.775")).scenarios[0].overrides.licence_margin).toBe(0.775);
  expect(resetField(s, "Mine", "t4_start").scenarios[0].overrides.t4_start).toBeUndefined();
  const plan = planScenarios(s);
  expect(plan.ok && plan.value.find((x) => x.name === "Mine")!.values.licence_margin).toBe(0.79);
});

test("the discount rate is built: typing it sets the spread, a saved rate is migrated to a spread, its reset resets both inputs", () => {
  let s = must(createScenario(DEFAULT_PANE_STATE, "Mine"));
  s = must(setOverride(s, "Mine", "reference_yield", "7%"));
  s = must(setOverride(s, "Mine", "discount_rate", "0.085"));
  // Never stored itself: the spread is what makes 7% into 8.5%.
  expect(s.scenarios[0].overrides).toEqual({ reference_yield: 0.07, discount_spread: 0.015 });
  const field = (st: PaneState, key: string) => fieldsOf(st, "Mine").find((x) => x.spec.key === key)!;
  expect([field(s, "discount_rate").text, field(s, "discount_rate").overridden, field(s, "discount_rate").defaultText]).toEqual(["0.085", true, "0.1"]);
  const plan = planScenarios(s);
  expect(plan.ok && plan.value.find((x) => x.name === "Mine")!.values.discount_rate).toBe(0.085);
  // The rate typed back to what the inputs give changes nothing; the base spread drops the override.
  expect(must(setOverride(s, "Mine", "discount_rate", "0.08")).scenarios[0].overrides).toEqual({ reference_yield: 0.07 });
  // A spread that takes the rate out of bounds is refused when typed, not at the build.
  expect(setOverride(s, "Mine", "discount_spread", "0.95")).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^discount_rate = reference_yield \+ discount_spread must be a rate/) } });
  expect(setOverride(s, "Mine", "discount_rate", "2")).toMatchObject({ ok: false, error: { message: 'discount_rate must be a rate from -0.5 to 1 (a decimal: 0.05 is 5%), got "2"' } });
  // Reset of the rate resets what it is built from.
  expect(resetField(s, "Mine", "discount_rate").scenarios[0].overrides).toEqual({});
  expect(field(resetField(s, "Mine", "discount_rate"), "discount_rate").overridden).toBe(false);
  // A scenario saved when the rate was an input of its own comes back with the same rate, as a spread.
  const saved = parsePaneState(JSON.stringify({ version: 2, scenarios: [{ name: "Old", basedOn: "bull", overrides: { discount_rate: 0.12 } }], build: ["Old"] }));
  expect(saved.warning).toBeUndefined();
  expect(saved.state.scenarios).toEqual([{ name: "Old", basedOn: "bull", overrides: { discount_spread: 0.03 } }]);
  const old = planScenarios(saved.state);
  expect(old.ok && old.value[0].values.discount_rate).toBe(0.12);
});

test("built-in scenarios show their values read-only with sources", () => {
  const f = fieldsOf(DEFAULT_PANE_STATE, "bear");
  const delay = f.find((x) => x.spec.key === "delay_months")!;
  expect([delay.text, delay.readOnly, delay.spec.source.length > 10]).toEqual(["9", true, true]);
});

test("build selection keeps display order; nothing ticked is an error", () => {
  let s = must(createScenario(DEFAULT_PANE_STATE, "Mine"));
  s = BUILT_IN_NAMES.reduce((x, n) => setBuild(x, n, false), s);
  expect(s.build).toEqual(["Mine"]);
  s = setBuild(setBuild(s, "bear", true), "seed", true);
  expect(s.build).toEqual(["seed", "bear", "Mine"]);
  s = setBuild(s, "seed", false);
  expect(planScenarios(setBuild(setBuild(s, "bear", false), "Mine", false))).toMatchObject({ ok: false, error: { message: "tick at least one scenario to build" } });
});

test("saved state round-trips; corrupt or old payloads fall back to defaults with a warning", () => {
  let s = must(createScenario(DEFAULT_PANE_STATE, "Mine"));
  s = must(setOverride(s, "Mine", "delay_months", "6"));
  expect(parsePaneState(serialisePaneState(s))).toEqual({ state: s });
  expect(parsePaneState(undefined)).toEqual({ state: DEFAULT_PANE_STATE });
  for (const bad of ["{oops", "42", JSON.stringify({ version: 0, scenarios: [], build: [] }), JSON.stringify({ version: 3, scenarios: [], build: [] }), JSON.stringify({ version: 2 })]) {
    const r = parsePaneState(bad);
    expect(r.state).toEqual(DEFAULT_PANE_STATE);
    expect(r.warning).toMatch(/could not be read/);
  }
  const partly = parsePaneState(JSON.stringify({ version: 2, scenarios: [{ name: "A", basedOn: "bull", overrides: { delay_months: 6, term_years: -1, nope: 1 } }, { name: 5 }], build: ["A", "ghost"] }));
  expect(partly.state.scenarios).toEqual([{ name: "A", basedOn: "bull", overrides: { delay_months: 6 } }]);
  expect(partly.state.build).toEqual(["A"]);
  expect(partly.warning).toMatch(/A: term_years/);
});

test("peer choices: validated, saved, and old payloads without them get the defaults", () => {
  let s = must(setPeerChoices(DEFAULT_PANE_STATE, { group: "hpc-host", stat: "low", multiple: "ev_ebitda", shares: 1e8 }));
  s = must(setPeerIncluded(s, "iren", false));
  expect(s.peers).toEqual({ group: "hpc-host", stat: "low", multiple: "ev_ebitda", exclude: ["iren"], shares: 1e8 });
  expect(must(setPeerIncluded(s, "iren", true)).peers.exclude).toEqual([]);
  expect(setPeerChoices(s, { group: "banks" as never })).toMatchObject({ ok: false });
  expect(setPeerChoices(s, { shares: 0 })).toMatchObject({ ok: false });
  expect(setPeerIncluded(s, "oracle", false)).toMatchObject({ ok: false });
  expect(parsePaneState(serialisePaneState(s))).toEqual({ state: s });
  const old = parsePaneState(JSON.stringify({ version: 2, scenarios: [], build: ["base"] }));
  expect(old).toEqual({ state: { ...DEFAULT_PANE_STATE, build: ["base"] } });
  const bad = parsePaneState(JSON.stringify({ version: 2, scenarios: [], build: ["base"], peers: { group: "banks" } }));
  expect(bad.state.peers).toEqual(DEFAULT_PANE_STATE.peers);
  expect(bad.warning).toMatch(/peer choices/);
});

describe("version 1 payloads (before seed was a built-in) are migrated, not dropped", () => {
  test("seed is added to what is built, since version 1 never offered it; an unticked seed in version 2 stays unticked", () => {
    expect(PANE_STATE_VERSION).toBe(2);
    expect(parsePaneState(JSON.stringify({ version: 1, scenarios: [], build: ["base", "bull", "bear"] }))).toEqual({ state: DEFAULT_PANE_STATE });
    expect(parsePaneState(JSON.stringify({ version: 1, scenarios: [], build: ["bear"] })).state.build).toEqual(["seed", "bear"]);
    const v2 = must(createScenario(setBuild(DEFAULT_PANE_STATE, "seed", false), "Mine"));
    expect(v2.build).toEqual(["base", "bull", "bear", "Mine"]);
    expect(parsePaneState(serialisePaneState(v2))).toEqual({ state: v2 });
    expect(v2.version).toBe(2);
  });

  test("a user scenario named like the new built-in is renamed, with its overrides and its build tick, and the warning says so", () => {
    const v1 = {
      version: 1,
      scenarios: [
        { name: "Seed", basedOn: "bull", overrides: { delay_months: 6 } },
        { name: "seed 2", basedOn: "bear", overrides: {} },
        { name: "Mine", basedOn: "base", overrides: { licence_margin: 0.7 } },
      ],
      build: ["base", "Seed", "Mine"],
    };
    const r = parsePaneState(JSON.stringify(v1));
    // "Seed 2" would clash with the saved "seed 2", so the free name is "Seed 3".
    expect(r.state.scenarios).toEqual([
      { name: "Seed 3", basedOn: "bull", overrides: { delay_months: 6 } },
      { name: "seed 2", basedOn: "bear", overrides: {} },
      { name: "Mine", basedOn: "base", overrides: { licence_margin: 0.7 } },
    ]);
    expect(r.state.build).toEqual(["base", "seed", "Seed 3", "Mine"]);
    expect(r.warning).toBe('Renamed to keep your saved scenarios apart from the built-ins: "Seed" is now "Seed 3" ("seed" is a built-in scenario).');
    // Saved again, it reads back as it is: no second rename.
    expect(parsePaneState(serialisePaneState(r.state))).toEqual({ state: r.state });
  });

  test("a version 1 scenario based on a built-in keeps its base; invalid parts are still named", () => {
    const r = parsePaneState(JSON.stringify({ version: 1, scenarios: [{ name: "A", basedOn: "bear", overrides: { term_years: -1 } }], build: ["A"] }));
    expect(r.state.scenarios).toEqual([{ name: "A", basedOn: "bear", overrides: {} }]);
    expect(r.state.build).toEqual(["seed", "A"]);
    expect(r.warning).toBe("Some saved scenario settings were not valid and were left out: A: term_years.");
  });
});
