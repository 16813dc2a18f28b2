/**
 * The scenarios: the model's built-in ones (base, seed, bull, bear; read-only) and the user's own. Pick one to
 * see its assumptions, tick the ones to build, and create, duplicate, rename or delete.
 */
import { Badge, Body1, Button, Caption1, Checkbox, Radio, RadioGroup, Subtitle2, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useId, useState } from "react";
import { BUILT_IN_SCENARIOS } from "../../model/scenarios";
import type { PaneStateApi } from "../hooks/usePaneState";
import { BUILT_IN_NAMES, PaneState } from "../scenarioState";
import { plural } from "../text";
import { ConfirmDialog } from "./dialogs";
import { NameDialog, NameDialogProps } from "./dialogs";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  headingRow: { display: "flex", alignItems: "center", justifyContent: "space-between", columnGap: tokens.spacingHorizontalS },
  heading: { margin: 0 },
  group: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  row: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  selected: { border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}` },
  top: { display: "flex", alignItems: "center", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS },
  description: { paddingLeft: tokens.spacingHorizontalXXL, color: tokens.colorNeutralForeground2 },
  actions: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalXS },
});

type Dialog = { kind: "create" } | { kind: "duplicate"; from: string } | { kind: "rename"; from: string } | { kind: "delete"; name: string };

function describe(state: PaneState, name: string): string {
  const builtIn = BUILT_IN_SCENARIOS.find((s) => s.name === name);
  if (builtIn) return builtIn.description;
  const user = state.scenarios.find((s) => s.name === name);
  if (!user) return "";
  const n = Object.keys(user.overrides).length;
  return `Based on ${user.basedOn}; ${n === 0 ? "no assumption changed" : `${plural(n, "assumption")} changed`}.`;
}

type NameDialogConfig = Omit<NameDialogProps, "open" | "onClose">;

function nameDialog(pane: PaneStateApi, dialog: Dialog | null): NameDialogConfig | null {
  switch (dialog?.kind) {
    case "create":
      return { title: "New scenario", initialName: pane.suggestName("My scenario"), submitLabel: "Create", onSubmit: (n) => pane.create(n) };
    case "duplicate":
      return {
        title: `Duplicate “${dialog.from}”`,
        initialName: pane.suggestName(`${dialog.from} copy`),
        submitLabel: "Duplicate",
        onSubmit: (n) => pane.duplicate(dialog.from, n),
      };
    case "rename":
      return { title: `Rename “${dialog.from}”`, initialName: dialog.from, submitLabel: "Rename", onSubmit: (n) => pane.rename(dialog.from, n) };
    default:
      return null;
  }
}

export interface ScenarioListProps {
  readonly pane: PaneStateApi;
}

export function ScenarioList({ pane }: ScenarioListProps) {
  const styles = useStyles();
  const headingId = useId();
  // The dialog stays set while it fades out after closing, so its text does not vanish.
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [open, setOpen] = useState(false);
  // A new key per opening: each dialog starts from its initial name.
  const [opening, setOpening] = useState(0);
  const show = (d: Dialog) => {
    setDialog(d);
    setOpen(true);
    setOpening((n) => n + 1);
  };
  const close = () => setOpen(false);
  const { state } = pane;
  const builtIns: readonly string[] = BUILT_IN_NAMES;
  const names = [...builtIns, ...state.scenarios.map((s) => s.name)];
  const naming = nameDialog(pane, dialog);
  const deleting = dialog?.kind === "delete" ? dialog.name : undefined;

  return (
    <section aria-labelledby={headingId} className={styles.section}>
      <div className={styles.headingRow}>
        <Subtitle2 as="h2" id={headingId} className={styles.heading}>
          Scenarios
        </Subtitle2>
        <Button size="small" onClick={() => show({ kind: "create" })}>
          New scenario
        </Button>
      </div>
      <Caption1>Pick a scenario to see its assumptions; tick the ones to build.</Caption1>
      <RadioGroup aria-labelledby={headingId} value={pane.selected} onChange={(_, data) => pane.select(data.value)} className={styles.group}>
        {names.map((name) => {
          const builtIn = builtIns.includes(name);
          return (
            <div key={name} className={mergeClasses(styles.row, name === pane.selected && styles.selected)}>
              <div className={styles.top}>
                <Radio value={name} label={name} />
                {builtIn && (
                  <Badge appearance="outline" color="informative" title="Read-only: duplicate it to change its assumptions">
                    built-in
                  </Badge>
                )}
              </div>
              <Body1 className={styles.description}>{describe(state, name)}</Body1>
              <div className={styles.actions}>
                <Checkbox
                  label="Build"
                  aria-label={`Build ${name}`}
                  checked={state.build.includes(name)}
                  onChange={(_, data) => pane.setBuild(name, data.checked === true)}
                />
                <Button size="small" appearance="subtle" aria-label={`Duplicate ${name}`} onClick={() => show({ kind: "duplicate", from: name })}>
                  Duplicate
                </Button>
                {!builtIn && (
                  <>
                    <Button size="small" appearance="subtle" aria-label={`Rename ${name}`} onClick={() => show({ kind: "rename", from: name })}>
                      Rename
                    </Button>
                    <Button size="small" appearance="subtle" aria-label={`Delete ${name}`} onClick={() => show({ kind: "delete", name })}>
                      Delete
                    </Button>
                  </>
                )}
              </div>
            </div>
          );
        })}
      </RadioGroup>

      {naming && <NameDialog key={opening} open={open} {...naming} onClose={close} />}
      <ConfirmDialog
        open={open && deleting !== undefined}
        title={`Delete “${deleting ?? ""}”?`}
        confirmLabel="Delete"
        onCancel={close}
        onConfirm={() => {
          if (deleting !== undefined) pane.remove(deleting);
          close();
        }}
      >
        Its assumption changes are lost. Sheets you have built keep its column until the next refresh.
      </ConfirmDialog>
    </section>
  );
}
