/**
 * The Risk panel's form: the scenario chosen, the path count, the seed and the distributions'
 * settings as typed, and the run they ask for. Runs use, and the staleness check compares with,
 * each scenario's live inputs: the form's values with the values typed on CORZ Inputs that the
 * last refresh kept (`pane.sheetEdits`).
 */
import { useState } from "react";
import { planScenarios } from "../../model/paneState";
import { Result, ok, valueError } from "../../model/result";
import { riskSpecFromSettings } from "../../model/risk/settings";
import { RiskRequest, inputsInForce } from "../riskRun";
import type { PaneStateApi } from "./usePaneState";
import type { RiskRunApi } from "./useRiskRun";

/** The form's boxes as typed. */
export interface RiskFormText {
  readonly paths: string;
  readonly seed: string;
  /** Risk setting key → what was typed (blank for the default; rates as 0.4 or 40%). */
  readonly settings: Readonly<Record<string, string>>;
}

/** A scenario by name, with its assumption values. */
type NamedValues = RiskRequest["scenario"];

/** The run the form asks for on a scenario's live inputs, or why it cannot run (the message the panel shows). */
export function riskRequestOf(scenario: NamedValues, form: RiskFormText): Result<RiskRequest> {
  const given: Record<string, number> = {};
  for (const [k, v] of Object.entries(form.settings)) if (v.trim() !== "") given[k] = Number(v.trim().replace(/%$/, "")) / (v.trim().endsWith("%") ? 100 : 1);
  const spec = riskSpecFromSettings(scenario.values, given);
  if (!spec.ok) return spec;
  const n = Number(form.paths.replace(/,/g, ""));
  if (!Number.isInteger(n) || n < 1 || n > 1_000_000) return valueError(`paths must be a whole number from 1 to 1,000,000, got ${form.paths}`);
  const sd = Number(form.seed);
  if (!Number.isInteger(sd) || sd < 0 || sd > 4294967295) return valueError(`seed must be a whole number from 0 to 4,294,967,295, got ${form.seed}`);
  return ok({ scenario: { name: scenario.name, values: scenario.values }, spec: spec.value, paths: n, seed: sd });
}

export function useRiskForm(pane: PaneStateApi, risk: RiskRunApi) {
  const scenarios = planScenarios(pane.state);
  const names = scenarios.ok ? scenarios.value.map((s) => s.name) : [];
  const [chosen, setChosen] = useState<string | undefined>();
  const scenarioName = chosen !== undefined && names.includes(chosen) ? chosen : names[0];
  const [paths, setPaths] = useState("100000");
  const [seed, setSeed] = useState("1");
  const [settings, setSettings] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | undefined>();

  /** A scenario's inputs as the sheets use them, or undefined when it is not among those to build. */
  const live = (name: string): NamedValues | undefined => {
    const s = scenarios.ok ? scenarios.value.find((x) => x.name === name) : undefined;
    return s && { name: s.name, values: inputsInForce(s.values, pane.sheetEdits, s.name) };
  };
  const run = (name = scenarioName) => {
    const s = name === undefined ? undefined : live(name);
    if (!s) return setError("tick a scenario to build first");
    const request = riskRequestOf(s, { paths, seed, settings });
    if (!request.ok) return setError(request.error.message);
    setError(undefined);
    risk.start(request.value);
  };

  return {
    /** The scenarios to build, which are the ones a run can use. */
    names,
    scenarioName,
    /** False while the scenarios to build cannot be resolved (none ticked). */
    canRun: scenarios.ok,
    choose: setChosen,
    paths,
    setPaths,
    seed,
    setSeed,
    settings,
    setSetting: (key: string, value: string) => setSettings({ ...settings, [key]: value }),
    /** Why the last Run was refused. */
    error,
    live,
    run: () => run(),
    /** The last run's scenario again, on its inputs now and the settings above. */
    rerun: (name: string) => {
      setChosen(name);
      run(name);
    },
  };
}

export type RiskForm = ReturnType<typeof useRiskForm>;
