/**
 * The selected scenario's assumptions, grouped as the model groups them (deal, margins,
 * capacity, finance). A built-in scenario is shown read-only, with a note to duplicate it.
 * "Go to field" (beside the Build panel) opens the field's group and focuses the field.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  MessageBar,
  MessageBarBody,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { AssumptionGroup, assumptionSpec } from "../../model/assumptions";
import type { FieldRequest, PaneStateApi } from "../hooks/usePaneState";
import { isBuiltIn } from "../../model/paneState";
import { PaneSection } from "../sections";
import { AssumptionField } from "./AssumptionField";

const GROUPS: readonly { key: AssumptionGroup; title: string }[] = [
  { key: "deal", title: "Deal" },
  { key: "margins", title: "Margins" },
  { key: "capacity", title: "Capacity" },
  { key: "finance", title: "Finance" },
];

const useStyles = makeStyles({
  fields: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, paddingBottom: tokens.spacingVerticalM },
});

export interface AssumptionsFormProps {
  readonly pane: PaneStateApi;
}

/** The open groups: the user's choice, plus the group of a field asked for by "Go to field". */
function useOpenGroups(request: FieldRequest | undefined, scenario: string) {
  const [open, setOpen] = useState<AssumptionGroup[]>(["deal"]);
  const wanted = request?.scenario === scenario ? assumptionSpec(request.key)?.group : undefined;
  if (wanted && !open.includes(wanted)) setOpen([...open, wanted]);
  return { open, setOpen };
}

export function AssumptionsForm({ pane }: AssumptionsFormProps) {
  const styles = useStyles();
  const name = pane.selected;
  const groups = useOpenGroups(pane.fieldRequest, name);
  const request = pane.fieldRequest?.scenario === name ? pane.fieldRequest : undefined;
  const builtIn = isBuiltIn(name);
  const basedOn = builtIn ? name : (pane.state.scenarios.find((s) => s.name === name)?.basedOn ?? "base");

  return (
    <PaneSection id="assumptions" heading={`Assumptions: ${name}`}>
      {builtIn && (
        <MessageBar intent="info">
          <MessageBarBody>Built-in scenarios are read-only: duplicate “{name}” to edit its assumptions.</MessageBarBody>
        </MessageBar>
      )}
      <Accordion multiple collapsible openItems={groups.open} onToggle={(_, data) => groups.setOpen(data.openItems as AssumptionGroup[])}>
        {GROUPS.map((g) => (
          <AccordionItem key={g.key} value={g.key}>
            <AccordionHeader as="h3">{g.title}</AccordionHeader>
            <AccordionPanel>
              <div className={styles.fields}>
                {pane.fields
                  .filter((f) => f.spec.group === g.key)
                  .map((f) => (
                    <AssumptionField
                      key={`${name}\u0000${f.spec.key}`}
                      field={f}
                      defaultFrom={basedOn}
                      onCommit={(raw) => pane.setField(f.spec.key, raw)}
                      onClearDraft={() => pane.clearDraft(f.spec.key)}
                      onReset={() => pane.resetField(f.spec.key)}
                      focusRequested={request?.key === f.spec.key}
                      onFocused={pane.fieldShown}
                    />
                  ))}
              </div>
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </PaneSection>
  );
}
