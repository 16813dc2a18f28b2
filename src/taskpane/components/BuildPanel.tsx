/**
 * Build sheets (the first time) or Refresh (afterwards) for the ticked scenarios, with
 * progress while it runs and the outcome after; and a refresh that resets the input cells
 * the user edited, after asking. While a form field holds a value the model refused, both
 * are disabled, say why, and list the fields with a way to go to each.
 */
import { Button, Caption1, Field, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import { useId, useState } from "react";
import type { Draft } from "../drafts";
import type { BuildApi } from "../hooks/useBuild";
import { PaneSection } from "../sections";
import { BuildOutcomeBar } from "./BuildOutcomeBar";
import { InvalidFields } from "./InvalidFields";
import { ConfirmDialog } from "./dialogs";

const useStyles = makeStyles({
  actions: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

export interface BuildPanelProps {
  readonly build: BuildApi;
  /** The ticked scenarios, in order. */
  readonly scenarios: readonly string[];
  /** Form fields holding a value the model refused. */
  readonly drafts?: readonly Draft[];
  /** Selects the scenario and brings the field into view. */
  onGoToField?(scenario: string, key: string): void;
}

export function BuildPanel({ build, scenarios, drafts = [], onGoToField = () => undefined }: BuildPanelProps) {
  const styles = useStyles();
  const whyId = useId();
  const [asking, setAsking] = useState(false);
  const disabled = build.running || build.blocked !== undefined;

  return (
    <PaneSection id="sheets">
      <Caption1 id={whyId}>
        {build.blocked ??
          `${build.built ? "Refreshes" : "Builds"} the CORZ sheets for ${scenarios.join(", ")}: live Excel formulas over visible inputs, so the workbook recalculates without the add-in.`}
      </Caption1>
      <div className={styles.actions}>
        <Button appearance="primary" disabledFocusable={disabled} aria-describedby={whyId} onClick={() => void build.run()}>
          {build.built ? "Refresh" : "Build sheets"}
        </Button>
        {build.built && (
          <Button appearance="secondary" disabledFocusable={disabled} aria-describedby={whyId} onClick={() => setAsking(true)}>
            Refresh and reset edited inputs
          </Button>
        )}
      </div>
      <InvalidFields drafts={drafts} onGoTo={onGoToField} />
      {/* Announced when it changes: progress, then the outcome. */}
      <div aria-live="polite">
        {build.running ? (
          <Field validationMessage={build.built ? "Refreshing the sheets…" : "Building the sheets…"} validationState="none">
            <ProgressBar aria-label="Building the sheets" />
          </Field>
        ) : (
          build.outcome && <BuildOutcomeBar outcome={build.outcome} />
        )}
      </div>
      <ConfirmDialog
        open={asking}
        title="Reset edited inputs?"
        confirmLabel="Refresh and reset"
        onCancel={() => setAsking(false)}
        onConfirm={() => {
          setAsking(false);
          void build.run(true);
        }}
      >
        Input cells you changed on the Inputs sheet go back to the scenarios’ values from this pane. Cells you added outside the
        add-in’s blocks are left alone.
      </ConfirmDialog>
    </PaneSection>
  );
}
