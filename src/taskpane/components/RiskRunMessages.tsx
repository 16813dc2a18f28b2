/**
 * What the Risk panel says of the run, in one live region: why Run was refused, progress while
 * it runs, cancelled or failed, and when done P10/P50/P90 of the value. When the run's inputs
 * are no longer the scenario's live inputs (changed in the form, or typed on CORZ Inputs and
 * kept by a refresh), it says which changed (old → new) and offers to re-run.
 */
import { Body1, Button, Field, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, ProgressBar } from "@fluentui/react-components";
import { assumptionSpec } from "../../model/assumptions";
import { ChangedInput } from "../../model/risk/input";
import type { RiskSummary } from "../../model/risk/montecarlo";
import { formatValue } from "../formFields";
import type { RiskForm } from "../hooks/useRiskForm";
import type { RiskRunApi } from "../hooks/useRiskRun";
import { RunFreshness, isBusy, runFreshness } from "../riskRun";

const usdM = (x: number) => `$${(x / 1e6).toLocaleString("en-US", { maximumFractionDigits: 0 })}M`;
const count = (n: number) => n.toLocaleString("en-US");

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

/** A finished run's percentiles of the value, with its path count and seed. */
function RunSummary({ summary }: { readonly summary: RiskSummary }) {
  return (
    <Body1>
      {summary.scenario}: P10 {usdM(summary.npv.p10)}, P50 {usdM(summary.npv.p50)}, P90 {usdM(summary.npv.p90)}, mean {usdM(summary.npv.mean)} of the value
      (present value of free cash flow; {usdM(summary.deterministicNpv)} without uncertainty);{" "}
      {(summary.npv.probBelow * 100).toFixed(1)}% of paths below {usdM(summary.npv.threshold)} ({count(summary.paths)} paths, seed{" "}
      {summary.seed}). The next Build or Refresh writes it to the Risk sheet.
    </Body1>
  );
}

export function RiskRunMessages({ form, risk }: { readonly form: RiskForm; readonly risk: RiskRunApi }) {
  const running = isBusy(risk);
  const summary = risk.status === "done" ? risk.summary : undefined;
  return (
    <div aria-live="polite">
      {form.error && <Body1 role="alert">{form.error}</Body1>}
      {running && (
        <Field validationMessage={`${count(risk.done)} of ${count(risk.total)} paths`} validationState="none">
          <ProgressBar aria-label="Simulating paths" value={risk.total > 0 ? risk.done / risk.total : 0} />
        </Field>
      )}
      {risk.status === "cancelled" && <Body1>Cancelled after {count(risk.done)} paths.</Body1>}
      {risk.status === "failed" && <Body1 role="alert">{risk.message}</Body1>}
      {summary && <RunSummary summary={summary} />}
      {summary && <StaleRun scenario={summary.scenario} fresh={runFreshness(summary, form.live(summary.scenario)?.values)} onRerun={() => form.rerun(summary.scenario)} />}
    </div>
  );
}
