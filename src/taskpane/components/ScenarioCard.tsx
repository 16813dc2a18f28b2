/**
 * One scenario in the list: its radio button (pick it to see its assumptions), a "built-in"
 * badge on the model's read-only ones, what it is, its Build tick, and Duplicate (any), Rename
 * and Delete (the user's own).
 */
import { Badge, Body1, Button, Checkbox, Radio, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { PaneState } from "../../model/paneState";
import { BUILT_IN_SCENARIOS } from "../../model/scenarios";
import { plural } from "../text";

const useStyles = makeStyles({
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

/** What a scenario is: a built-in's description, or what the user's own is based on and how many assumptions it changes. */
export function describeScenario(state: PaneState, name: string): string {
  const builtIn = BUILT_IN_SCENARIOS.find((s) => s.name === name);
  if (builtIn) return builtIn.description;
  const user = state.scenarios.find((s) => s.name === name);
  if (!user) return "";
  const n = Object.keys(user.overrides).length;
  return `Based on ${user.basedOn}; ${n === 0 ? "no assumption changed" : `${plural(n, "assumption")} changed`}.`;
}

export interface ScenarioCardProps {
  readonly name: string;
  /** One of the model's read-only scenarios: no Rename or Delete. */
  readonly builtIn: boolean;
  /** The scenario whose assumptions the form shows. */
  readonly selected: boolean;
  readonly description: string;
  /** Ticked to build. */
  readonly built: boolean;
  /** A ref callback for the card's element (the list focuses a card after a dialog). */
  readonly cardRef: (el: HTMLDivElement | null) => void;
  onBuild(on: boolean): void;
  onDuplicate(): void;
  onRename(): void;
  onDelete(): void;
}

/** The card sits inside the list's RadioGroup, which its radio button belongs to. */
export function ScenarioCard({ name, builtIn, selected, description, built, cardRef, onBuild, onDuplicate, onRename, onDelete }: ScenarioCardProps) {
  const styles = useStyles();
  return (
    <div ref={cardRef} className={mergeClasses(styles.row, selected && styles.selected)}>
      <div className={styles.top}>
        <Radio value={name} label={name} />
        {builtIn && (
          <Badge appearance="outline" color="informative" title="Read-only: duplicate it to change its assumptions">
            built-in
          </Badge>
        )}
      </div>
      <Body1 className={styles.description}>{description}</Body1>
      <div className={styles.actions}>
        <Checkbox label="Build" aria-label={`Build ${name}`} checked={built} onChange={(_, data) => onBuild(data.checked === true)} />
        <Button size="small" appearance="subtle" aria-label={`Duplicate ${name}`} onClick={onDuplicate}>
          Duplicate
        </Button>
        {!builtIn && (
          <>
            <Button size="small" appearance="subtle" aria-label={`Rename ${name}`} onClick={onRename}>
              Rename
            </Button>
            <Button size="small" appearance="subtle" aria-label={`Delete ${name}`} onClick={onDelete}>
              Delete
            </Button>
          </>
        )}
      </div>
    </div>
  );
}
