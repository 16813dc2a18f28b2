/** What the last build or refresh did, or why it failed and what that left in the workbook. */
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import type { WorkbookAfterFailure } from "../../excel/apply";
import type { BuildOutcome } from "../hooks/useBuild";
import { sentence } from "../text";

const useStyles = makeStyles({
  bars: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  lines: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** The report's details, one line each: renamed sheets, kept edits, names left alone. */
export function reportLines(outcome: Extract<BuildOutcome, { kind: "done" }>): string[] {
  const { renamed, keptEdits, skippedNames } = outcome.report;
  return [
    ...renamed.map((r) => `Renamed ${r}.`),
    ...(keptEdits.length > 0 ? [`Kept your edits: ${keptEdits.join("; ")}.`] : []),
    ...(skippedNames.length > 0 ? [`Left your defined names as they were (not updated): ${skippedNames.join(", ")}.`] : []),
  ];
}

/** The title of a failure: what the workbook holds now, as the adapter reported it. */
export const FAILURE_TITLES: Readonly<Record<WorkbookAfterFailure, string>> = {
  unchanged: "Nothing was changed in the workbook.",
  restored: "The build failed part-way; the CORZ sheets were put back as they were and your typed inputs are unchanged.",
  uncertain: "The build failed and the CORZ sheets could not all be put back: check them before relying on them.",
};

export const REFUSED_TITLE = "Not built: nothing was changed in the workbook.";

export function BuildOutcomeBar({ outcome }: { readonly outcome: BuildOutcome }) {
  const styles = useStyles();
  const lines = outcome.kind === "done" ? reportLines(outcome) : [];
  return (
    <div className={styles.bars}>
      {outcome.kind === "done" ? (
        <MessageBar intent="success" layout={lines.length > 0 ? "multiline" : "auto"}>
          <MessageBarBody>
            <MessageBarTitle>{outcome.report.message}</MessageBarTitle>
            {lines.length > 0 && (
              <ul className={styles.lines}>
                {lines.map((l) => (
                  <li key={l}>{l}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{outcome.kind === "failed" ? FAILURE_TITLES[outcome.workbook] : REFUSED_TITLE}</MessageBarTitle>
            {sentence(outcome.message)}
          </MessageBarBody>
        </MessageBar>
      )}
      {outcome.kind !== "refused" && outcome.warning && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{sentence(outcome.warning)}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
