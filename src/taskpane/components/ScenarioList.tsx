/**
 * The scenarios: the model's built-in ones (base, seed, bull, bear; read-only) and the user's own. Pick one to
 * see its assumptions, tick the ones to build, and create, duplicate, rename or delete (each card is
 * ScenarioCard.tsx; the name and delete dialogs are asked for here).
 */
import { Button, Caption1, RadioGroup, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { BUILT_IN_NAMES } from "../../model/paneState";
import type { PaneStateApi } from "../hooks/usePaneState";
import { PaneSection, SectionsApi, useSections } from "../sections";
import { ConfirmDialog, NameDialog, NameDialogProps } from "./dialogs";
import { ScenarioCard, describeScenario } from "./ScenarioCard";

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
});

type Dialog = { kind: "create" } | { kind: "duplicate"; from: string } | { kind: "rename"; from: string } | { kind: "delete"; name: string };

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

/**
 * Which dialog is asked for and whether it is open. The dialog stays set while it fades out
 * after closing, so its text does not vanish; each opening has a new key, so a dialog starts
 * from its initial name.
 */
function useDialog(opened: () => void) {
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [open, setOpen] = useState(false);
  const [opening, setOpening] = useState(0);
  return {
    dialog,
    open,
    opening,
    show: (d: Dialog) => {
      setDialog(d);
      setOpen(true);
      setOpening((n) => n + 1);
      opened();
    },
    close: () => setOpen(false),
  };
}

export interface ScenarioListProps {
  readonly pane: PaneStateApi;
}

export function ScenarioList({ pane }: ScenarioListProps) {
  const styles = useStyles();
  const sections = useSections();
  const focus = useFocusMadeCard();
  const { dialog, open, opening, show, close } = useDialog(focus.dialogOpened);
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
        {names.map((name) => (
          <ScenarioCard
            key={name}
            name={name}
            builtIn={builtIns.includes(name)}
            selected={name === pane.selected}
            description={describeScenario(state, name)}
            built={state.build.includes(name)}
            cardRef={focus.card(name)}
            onBuild={(on) => pane.setBuild(name, on)}
            onDuplicate={() => show({ kind: "duplicate", from: name })}
            onRename={() => show({ kind: "rename", from: name })}
            onDelete={() => show({ kind: "delete", name })}
          />
        ))}
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
