/**
 * The scenarios: the model's built-in ones (base, seed, bull, bear; read-only) and the user's own. Pick one to
 * see its assumptions, tick the ones to build, and create, duplicate, rename or delete.
 */
import { Badge, Body1, Button, Caption1, Checkbox, Radio, RadioGroup, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { BUILT_IN_NAMES, PaneState } from "../../model/paneState";
import { BUILT_IN_SCENARIOS } from "../../model/scenarios";
import type { PaneStateApi } from "../hooks/usePaneState";
import { SectionsApi, useSections } from "../sections";
import { plural } from "../text";
import { ConfirmDialog } from "./dialogs";
import { NameDialog, NameDialogProps } from "./dialogs";
import { PaneSection } from "../sections";

const useStyles = makeStyles({
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

/**
 * The name dialog for `dialog`; a name it takes is passed to `made` (the card to focus once the
 * dialog is gone). A new scenario, or a copy, is there to be edited: its assumptions open too.
 */
function nameDialog(pane: PaneStateApi, dialog: Dialog | null, made: (name: string) => void, sections: SectionsApi | undefined): NameDialogConfig | null {
  const taking =
    (change: (name: string) => string | undefined, edit: boolean) =>
    (name: string): string | undefined => {
      const refusal = change(name);
      if (refusal === undefined) {
        made(name.trim());
        if (edit) sections?.open("assumptions");
      }
      return refusal;
    };
  switch (dialog?.kind) {
    case "create":
      return { title: "New scenario", initialName: pane.suggestName("My scenario"), submitLabel: "Create", onSubmit: taking((n) => pane.create(n), true) };
    case "duplicate":
      return {
        title: `Duplicate “${dialog.from}”`,
        initialName: pane.suggestName(`${dialog.from} copy`),
        submitLabel: "Duplicate",
        onSubmit: taking((n) => pane.duplicate(dialog.from, n), true),
      };
    case "rename":
      return {
        title: `Rename “${dialog.from}”`,
        initialName: dialog.from,
        submitLabel: "Rename",
        onSubmit: taking((n) => pane.rename(dialog.from, n), false),
      };
    default:
      return null;
  }
}

/**
 * Focus for the card of a scenario just made or renamed (or, after a delete, the one then shown):
 * once the dialog has finished closing (before that, the dialog keeps the focus), the card is
 * scrolled into view and its radio button takes the focus, instead of the focus falling to the page's body.
 */
function useFocusMadeCard() {
  const cards = useRef(new Map<string, HTMLDivElement>());
  const [target, setTarget] = useState<string | undefined>();
  const [dialogGone, setDialogGone] = useState(false);
  useEffect(() => {
    if (target === undefined || !dialogGone) return;
    const card = cards.current.get(target);
    card?.scrollIntoView?.({ block: "nearest" });
    card?.querySelector<HTMLInputElement>('input[type="radio"]')?.focus();
    setTarget(undefined);
  }, [target, dialogGone]);
  return {
    /** A ref callback for the card of `name`. */
    card: (name: string) => (el: HTMLDivElement | null) => {
      if (el) cards.current.set(name, el);
      else cards.current.delete(name);
    },
    made: setTarget,
    dialogOpened: () => setDialogGone(false),
    dialogClosed: () => setDialogGone(true),
  };
}

export interface ScenarioListProps {
  readonly pane: PaneStateApi;
}

export function ScenarioList({ pane }: ScenarioListProps) {
  const styles = useStyles();
  const sections = useSections();
  const focus = useFocusMadeCard();
  // The dialog stays set while it fades out after closing, so its text does not vanish.
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [open, setOpen] = useState(false);
  // A new key per opening: each dialog starts from its initial name.
  const [opening, setOpening] = useState(0);
  const show = (d: Dialog) => {
    setDialog(d);
    setOpen(true);
    setOpening((n) => n + 1);
    focus.dialogOpened();
  };
  const close = () => setOpen(false);
  const { state } = pane;
  const builtIns: readonly string[] = BUILT_IN_NAMES;
  const names = [...builtIns, ...state.scenarios.map((s) => s.name)];
  const naming = nameDialog(pane, dialog, focus.made, sections);
  const deleting = dialog?.kind === "delete" ? dialog.name : undefined;

  return (
    <PaneSection
      id="scenarios"
      actions={
        <Button size="small" onClick={() => show({ kind: "create" })}>
          New scenario
        </Button>
      }
    >
      <Caption1>Pick a scenario to see its assumptions; tick the ones to build.</Caption1>
      <RadioGroup
        aria-label="Scenarios"
        value={pane.selected}
        onChange={(_, data) => {
          pane.select(data.value);
          // Picking a scenario is asking to see its assumptions.
          sections?.open("assumptions");
        }}
        className={styles.group}
      >
        {names.map((name) => {
          const builtIn = builtIns.includes(name);
          return (
            <div key={name} ref={focus.card(name)} className={mergeClasses(styles.row, name === pane.selected && styles.selected)}>
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

      {naming && <NameDialog key={opening} open={open} {...naming} onClose={close} onClosed={focus.dialogClosed} />}
      <ConfirmDialog
        open={open && deleting !== undefined}
        title={`Delete “${deleting ?? ""}”?`}
        confirmLabel="Delete"
        onCancel={close}
        onConfirm={() => {
          // The focus goes to the scenario then shown (base when the deleted one was).
          if (deleting !== undefined && pane.remove(deleting) === undefined) focus.made(pane.selected === deleting ? "base" : pane.selected);
          close();
        }}
        onClosed={focus.dialogClosed}
      >
        Its assumption changes are lost. Sheets you have built keep its column until the next refresh.
      </ConfirmDialog>
    </PaneSection>
  );
}
