/**
 * The Monte Carlo run: which scenario, how many paths, the seed and the main distributions;
 * Run (in a Web Worker, with progress) and Cancel; P10/P50/P90 when done. The next Build /
 * Refresh writes the run to the Risk sheet with its seed, path count and date, and the inputs it
 * used. When those are no longer the scenario's inputs (changed in the form, or typed on CORZ
 * Inputs and kept by a refresh), the panel says which changed (old → new) and offers to re-run.
 */
import {
  Body1,
  Button,
  Caption1,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Option,
  ProgressBar,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { assumptionSpec } from "../../model/assumptions";
import { planScenarios } from "../../model/paneState";
import { ChangedInput } from "../../model/risk/input";
import { RISK_SETTINGS, riskSpecFromSettings } from "../../model/risk/spec";
import type { RiskRunApi } from "../hooks/useRiskRun";
import type { PaneStateApi } from "../hooks/usePaneState";
import { RunFreshness, inputsInForce, runFreshness } from "../riskRun";
import { formatValue } from "../formFields";
import { PaneSection } from "../sections";

const useStyles = makeStyles({
  actions: { display: "flex", columnGap: tokens.spacingHorizontalS },
  subheading: { margin: `${tokens.spacingVerticalS} 0 0` },
});

/** The settings the panel offers (the rest keep their defaults). */
const SHOWN = ["default_probability", "relet_rent_per_mw_year", "default_recovery", "delay_max_months", "renewal_probability"] as const;

const UNIT_HINT: Readonly<Record<(typeof RISK_SETTINGS)[number]["unit"], string>> = { rate: "decimal or %", months: "months", "USD per MW-year": "USD per MW-year" };

const usdM = (x: number) => `$${(x / 1e6).toLocaleString("en-US", { maximumFractionDigits: 0 })}M`;

/** "Licence-fee gross margin 0.775 → 0.7", values as the form shows them. */
function changeText(c: ChangedInput): string {
  const spec = assumptionSpec(c.key);
  const show = (v: number | undefined) => (v === undefined ? "none" : spec ? formatValue(spec, v) : String(v));
  return `${spec?.label ?? c.key} ${show(c.used)} → ${show(c.live)}`;
}

/** The warning that the last run is not on the live inputs, with Re-run when its scenario is still there. */
function StaleRun({ scenario, fresh, onRerun }: { readonly scenario: string; readonly fresh: RunFreshness; readonly onRerun: () => void }) {
  if (fresh.kind === "current") return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Inputs changed since this run</MessageBarTitle>
        {fresh.kind === "gone"
          ? `Scenario "${scenario}" is no longer among the scenarios to build: run one of them.`
          : `${scenario}: ${fresh.changes.map(changeText).join("; ")}. Until it runs again, the Risk sheet says it is out of date.`}
      </MessageBarBody>
      {fresh.kind === "changed" && (
        <MessageBarActions>
          <Button onClick={onRerun}>Re-run</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

/**
 * Runs use, and the staleness check compares with, each scenario's live inputs: the form's
 * values with the values typed on CORZ Inputs that the last refresh kept (`pane.sheetEdits`).
 */
export function RiskPanel({ pane, risk }: { readonly pane: PaneStateApi; readonly risk: RiskRunApi }) {
  const styles = useStyles();
  const scenarios = planScenarios(pane.state);
  const names = scenarios.ok ? scenarios.value.map((s) => s.name) : [];
  const [chosen, setChosen] = useState<string | undefined>();
  const scenarioName = chosen !== undefined && names.includes(chosen) ? chosen : names[0];
  const [paths, setPaths] = useState("100000");
  const [seed, setSeed] = useState("1");
  const [settings, setSettings] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | undefined>();
  const running = risk.status === "running" || risk.status === "cancelling";
  /** A scenario's inputs as the sheets use them, or undefined when it is not among those to build. */
  const live = (name: string) => {
    const s = scenarios.ok ? scenarios.value.find((x) => x.name === name) : undefined;
    return s && { name: s.name, values: inputsInForce(s.values, pane.sheetEdits, s.name) };
  };

  const run = (name = scenarioName) => {
    const s = name === undefined ? undefined : live(name);
    if (!s) return setError("tick a scenario to build first");
    const given: Record<string, number> = {};
    for (const [k, v] of Object.entries(settings)) if (v.trim() !== "") given[k] = Number(v.trim().replace(/%$/, "")) / (v.trim().endsWith("%") ? 100 : 1);
    const spec = riskSpecFromSettings(s.values, given);
    if (!spec.ok) return setError(spec.error.message);
    const n = Number(paths.replace(/,/g, ""));
    if (!Number.isInteger(n) || n < 1 || n > 1_000_000) return setError(`paths must be a whole number from 1 to 1,000,000, got ${paths}`);
    const sd = Number(seed);
    if (!Number.isInteger(sd) || sd < 0 || sd > 4294967295) return setError(`seed must be a whole number from 0 to 4,294,967,295, got ${seed}`);
    setError(undefined);
    risk.start({ scenario: { name: s.name, values: s.values }, spec: spec.value, paths: n, seed: sd });
  };

  const summary = risk.status === "done" ? risk.summary : undefined;
  /** The last run's scenario again, on its inputs now and the settings above. */
  const rerun = (name: string) => {
    setChosen(name);
    run(name);
  };
  return (
    <PaneSection id="risk">
      <Caption1>
        Value (present value of free cash flow, as CORZ.DEAL_VALUE) over many paths: CoreWeave default, site delays, margin and renewals drawn at random, reproducibly
        from the seed.
      </Caption1>
      <Field label="Scenario">
        <Dropdown value={scenarioName ?? ""} selectedOptions={scenarioName ? [scenarioName] : []} onOptionSelect={(_, d) => setChosen(d.optionValue)}>
          {names.map((n) => (
            <Option key={n} value={n}>
              {n}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label="Paths">
        <Input value={paths} inputMode="numeric" onChange={(_, d) => setPaths(d.value)} />
      </Field>
      <Field label="Seed">
        <Input value={seed} inputMode="numeric" onChange={(_, d) => setSeed(d.value)} />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" disabledFocusable={running || !scenarios.ok} onClick={() => run()}>
          Run
        </Button>
        <Button disabledFocusable={!running} onClick={risk.cancel}>
          Cancel
        </Button>
      </div>
      <div aria-live="polite">
        {error && <Body1 role="alert">{error}</Body1>}
        {running && (
          <Field validationMessage={`${risk.done.toLocaleString("en-US")} of ${risk.total.toLocaleString("en-US")} paths`} validationState="none">
            <ProgressBar aria-label="Simulating paths" value={risk.total > 0 ? risk.done / risk.total : 0} />
          </Field>
        )}
        {risk.status === "cancelled" && <Body1>Cancelled after {risk.done.toLocaleString("en-US")} paths.</Body1>}
        {risk.status === "failed" && <Body1 role="alert">{risk.message}</Body1>}
        {summary && (
          <Body1>
            {summary.scenario}: P10 {usdM(summary.npv.p10)}, P50 {usdM(summary.npv.p50)}, P90 {usdM(summary.npv.p90)}, mean {usdM(summary.npv.mean)} of the value
            (present value of free cash flow; {usdM(summary.deterministicNpv)} without uncertainty);{" "}
            {(summary.npv.probBelow * 100).toFixed(1)}% of paths below {usdM(summary.npv.threshold)} ({summary.paths.toLocaleString("en-US")} paths, seed{" "}
            {summary.seed}). The next Build or Refresh writes it to the Risk sheet.
          </Body1>
        )}
        {summary && <StaleRun scenario={summary.scenario} fresh={runFreshness(summary, live(summary.scenario)?.values)} onRerun={() => rerun(summary.scenario)} />}
      </div>
      {/* Run sits above the distributions' settings, so that it is in sight when the section opens. */}
      <Text as="h3" weight="semibold" size={300} className={styles.subheading}>
        What is drawn at random
      </Text>
      {SHOWN.map((key) => {
        const s = RISK_SETTINGS.find((x) => x.key === key)!;
        return (
          <Field key={key} label={`${s.label} (${UNIT_HINT[s.unit]}; blank = default)`} hint={s.basis}>
            <Input value={settings[key] ?? ""} onChange={(_, d) => setSettings({ ...settings, [key]: d.value })} />
          </Field>
        );
      })}
    </PaneSection>
  );
}
