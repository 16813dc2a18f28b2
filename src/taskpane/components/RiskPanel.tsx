/**
 * The Monte Carlo run: which scenario, how many paths, the seed and the main distributions;
 * Run (in a Web Worker, with progress) and Cancel; P10/P50/P90 when done (RiskRunMessages.tsx).
 * The next Build / Refresh writes the run to the Risk sheet with its seed, path count and date,
 * and the inputs it used. The form's state and the run it asks for are hooks/useRiskForm.ts.
 */
import { Button, Caption1, Dropdown, Field, Input, Option, Text, makeStyles, tokens } from "@fluentui/react-components";
import { RISK_SETTINGS } from "../../model/risk/settings";
import type { PaneStateApi } from "../hooks/usePaneState";
import { RiskForm, useRiskForm } from "../hooks/useRiskForm";
import type { RiskRunApi } from "../hooks/useRiskRun";
import { isBusy } from "../riskRun";
import { PaneSection } from "../sections";
import { RiskRunMessages } from "./RiskRunMessages";

const useStyles = makeStyles({
  actions: { display: "flex", columnGap: tokens.spacingHorizontalS },
  subheading: { margin: `${tokens.spacingVerticalS} 0 0` },
});

/** The settings the panel offers (the rest keep their defaults). */
const SHOWN = ["default_probability", "relet_rent_per_mw_year", "default_recovery", "delay_max_months", "renewal_probability"] as const;

const UNIT_HINT: Readonly<Record<(typeof RISK_SETTINGS)[number]["unit"], string>> = { rate: "decimal or %", months: "months", "USD per MW-year": "USD per MW-year" };

/** Which scenario, how many paths, which seed. */
function RunFields({ form }: { readonly form: RiskForm }) {
  return (
    <>
      <Field label="Scenario">
        <Dropdown value={form.scenarioName ?? ""} selectedOptions={form.scenarioName ? [form.scenarioName] : []} onOptionSelect={(_, d) => form.choose(d.optionValue)}>
          {form.names.map((n) => (
            <Option key={n} value={n}>
              {n}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label="Paths">
        <Input value={form.paths} inputMode="numeric" onChange={(_, d) => form.setPaths(d.value)} />
      </Field>
      <Field label="Seed">
        <Input value={form.seed} inputMode="numeric" onChange={(_, d) => form.setSeed(d.value)} />
      </Field>
    </>
  );
}

/** The distributions' settings the panel offers, each blank for its default. */
function DistributionSettings({ form }: { readonly form: RiskForm }) {
  return SHOWN.map((key) => {
    const s = RISK_SETTINGS.find((x) => x.key === key)!;
    return (
      <Field key={key} label={`${s.label} (${UNIT_HINT[s.unit]}; blank = default)`} hint={s.basis}>
        <Input value={form.settings[key] ?? ""} onChange={(_, d) => form.setSetting(key, d.value)} />
      </Field>
    );
  });
}

export function RiskPanel({ pane, risk }: { readonly pane: PaneStateApi; readonly risk: RiskRunApi }) {
  const styles = useStyles();
  const form = useRiskForm(pane, risk);
  const running = isBusy(risk);
  return (
    <PaneSection id="risk">
      <Caption1>
        Value (present value of free cash flow, as CORZ.DEAL_VALUE) over many paths: CoreWeave default, site delays, margin and renewals drawn at random, reproducibly
        from the seed.
      </Caption1>
      <RunFields form={form} />
      <div className={styles.actions}>
        <Button appearance="primary" disabledFocusable={running || !form.canRun} onClick={form.run}>
          Run
        </Button>
        <Button disabledFocusable={!running} onClick={risk.cancel}>
          Cancel
        </Button>
      </div>
      <RiskRunMessages form={form} risk={risk} />
      {/* Run sits above the distributions' settings, so that it is in sight when the section opens. */}
      <Text as="h3" weight="semibold" size={300} className={styles.subheading}>
        What is drawn at random
      </Text>
      <DistributionSettings form={form} />
    </PaneSection>
  );
}
