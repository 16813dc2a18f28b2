/** The pane's scenario state: pure updates, validation messages, persistence with fallbacks. */
import {
  DEFAULT_PANE_STATE,
  PaneState,
  createScenario,
  deleteScenario,
  duplicateScenario,
  fieldsOf,
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
} from "../../src/taskpane/scenarioState";
import { Result } from "../../src/model/result";

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

test("defaults: base, bull and bear, all built", () => {
  expect(DEFAULT_PANE_STATE.build).toEqual(["base", "bull", "bear"]);
  const p = planScenarios(DEFAULT_PANE_STATE);
  expect(p.ok && p.value.map((s) => s.name)).toEqual(["base", "bull", "bear"]);
});

test("create, duplicate, rename and delete; built-ins are protected", () => {
  const s0 = deepFreeze(DEFAULT_PANE_STATE);
  const s1 = must(createScenario(s0, "  Late sites "));
  expect(s1.scenarios).toEqual([{ name: "Late sites", basedOn: "base", overrides: {} }]);
  expect(s1.build).toEqual(["base", "bull", "bear", "Late sites"]);
  const s2 = must(duplicateScenario(s1, "bear", "Bear copy"));
  expect(s2.scenarios[1]).toEqual({ name: "Bear copy", basedOn: "bear", overrides: {} });
  const s3 = must(renameScenario(s2, "Bear copy", "Deep bear"));
  expect(s3.build).toContain("Deep bear");
  expect(must(deleteScenario(s3, "Deep bear")).scenarios.map((s) => s.name)).toEqual(["Late sites"]);
  expect(renameScenario(s3, "base", "x")).toMatchObject({ ok: false, error: { message: 'the built-in "base" scenario cannot be renamed; duplicate it instead' } });
  expect(deleteScenario(s3, "bull")).toMatchObject({ ok: false });
  expect(createScenario(s3, "BASE")).toMatchObject({ ok: false, error: { message: 'there is already a scenario called "base"' } });
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
  expect([margin.text, margin.defaultText, margin.overridden, margin.readOnly]).toEqual(["0.79", "0.775", true, false]);
  expect(f.find((x) => x.spec.key === "t4_start")!.text).toBe("2027-01-01");
  expect(setOverride(s, "Mine", "term_years", "-3")).toMatchObject({ ok: false, error: { message: 'term_years must be a whole number of years from 1 to 30, got "-3"' } });
  expect(setOverride(s, "base", "term_years", "10")).toMatchObject({ ok: false });
  // Setting a field back to its default removes the override.
  expect(must(setOverride(s, "Mine", "licence_margin", "0.775")).scenarios[0].overrides.licence_margin).toBeUndefined();
  expect(resetField(s, "Mine", "t4_start").scenarios[0].overrides.t4_start).toBeUndefined();
  const plan = planScenarios(s);
  expect(plan.ok && plan.value.find((x) => x.name === "Mine")!.values.licence_margin).toBe(0.79);
});

test("built-in scenarios show their values read-only with sources", () => {
  const f = fieldsOf(DEFAULT_PANE_STATE, "bear");
  const delay = f.find((x) => x.spec.key === "delay_months")!;
  expect([delay.text, delay.readOnly, delay.spec.source.length > 10]).toEqual(["9", true, true]);
});

test("build selection keeps display order; nothing ticked is an error", () => {
  let s = must(createScenario(DEFAULT_PANE_STATE, "Mine"));
  s = setBuild(setBuild(setBuild(s, "base", false), "bull", false), "bear", false);
  expect(s.build).toEqual(["Mine"]);
  s = setBuild(s, "bear", true);
  expect(s.build).toEqual(["bear", "Mine"]);
  expect(planScenarios(setBuild(setBuild(s, "bear", false), "Mine", false))).toMatchObject({ ok: false, error: { message: "tick at least one scenario to build" } });
});

test("saved state round-trips; corrupt or old payloads fall back to defaults with a warning", () => {
  let s = must(createScenario(DEFAULT_PANE_STATE, "Mine"));
  s = must(setOverride(s, "Mine", "delay_months", "6"));
  expect(parsePaneState(serialisePaneState(s))).toEqual({ state: s });
  expect(parsePaneState(undefined)).toEqual({ state: DEFAULT_PANE_STATE });
  for (const bad of ["{oops", "42", JSON.stringify({ version: 0, scenarios: [], build: [] }), JSON.stringify({ version: 1 })]) {
    const r = parsePaneState(bad);
    expect(r.state).toEqual(DEFAULT_PANE_STATE);
    expect(r.warning).toMatch(/could not be read/);
  }
  const partly = parsePaneState(JSON.stringify({ version: 1, scenarios: [{ name: "A", basedOn: "bull", overrides: { delay_months: 6, term_years: -1, nope: 1 } }, { name: 5 }], build: ["A", "ghost"] }));
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
  const old = parsePaneState(JSON.stringify({ version: 1, scenarios: [], build: ["base"] }));
  expect(old).toEqual({ state: { ...DEFAULT_PANE_STATE, build: ["base"] } });
  const bad = parsePaneState(JSON.stringify({ version: 1, scenarios: [], build: ["base"], peers: { group: "banks" } }));
  expect(bad.state.peers).toEqual(DEFAULT_PANE_STATE.peers);
  expect(bad.warning).toMatch(/peer choices/);
});
