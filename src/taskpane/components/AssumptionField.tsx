/**
 * One assumption of the selected scenario: label and unit, the default with its source and
 * as-of date, the value (committed on Enter or when the box loses focus; Escape undoes the
 * typing), the reason when a value is refused, and a reset to the default when it is changed.
 * Refused typing is held by the pane (a draft), so it is still here after switching scenarios;
 * a value typed on CORZ Inputs that the sheets use instead is shown with a note saying so.
 * A built value (the discount rate) says what it is the sum of, and that typing it sets its part.
 *
 * One Tab stop per field: the box. The source (the info button's popover, for the mouse) is also
 * the box's description, so the info button stays out of the Tab order; the Reset button is there,
 * and a stop, only while the value differs from the default. A field of a built-in scenario is
 * read-only and looks it (filled, muted, "read-only" in the box), and its description says how to
 * change it. How values read (money grouped, typed as "3.5bn") is assumptionText.ts; the
 * typing itself, hooks/useFieldTyping.ts.
 */
import { Button, Field, InfoLabel, Input, LabelProps, Text, makeStyles, tokens } from "@fluentui/react-components";
import { KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import type { AssumptionSpec } from "../../model/assumptions";
import { shownDefault, unitLabel } from "../assumptionText";
import type { FieldView } from "../formFields";
import { useFieldTyping } from "../hooks/useFieldTyping";
import { sheetNote } from "../sheetEdits";

const useStyles = makeStyles({
  key: { fontFamily: tokens.fontFamilyMonospace },
  info: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, overflowWrap: "anywhere" },
  // Read by screen readers (the box's description), not shown: the info button shows it to the eye.
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
    border: 0,
  },
  // While the box has the focus the source is shown too: the info button is no Tab stop, so this is how the keyboard's user sees it.
  // Laid over what follows, as a tooltip is, so the pane does not move when the focus comes or goes (a click would miss).
  shown: {
    position: "absolute",
    top: "100%",
    left: 0,
    right: 0,
    zIndex: 1,
    marginTop: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground2,
    boxShadow: tokens.shadow8,
    borderRadius: tokens.borderRadiusMedium,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: "anywhere",
    pointerEvents: "none",
  },
  field: { position: "relative" },
  readOnly: { color: tokens.colorNeutralForeground2, cursor: "default" },
  readOnlyTag: { color: tokens.colorNeutralForeground3, whiteSpace: "nowrap" },
});

/** What a read-only field of a built-in scenario says about itself (the form says it once above the fields too). */
export const READ_ONLY_HINT = "Built-in scenario, read-only: duplicate the scenario to change it.";

export interface AssumptionFieldProps {
  readonly field: FieldView;
  /** The built-in case the default comes from. */
  readonly defaultFrom: string;
  /** Saves a typed value; returns why it was refused (the pane then holds it as a draft), or undefined. */
  onCommit(raw: string): string | undefined;
  /** Drops the pane's draft for this field (Escape, or the value in force typed back). */
  onClearDraft(): void;
  onReset(): void;
  /** "Go to field" asked for this one: scroll to it and focus it, then call `onFocused`. */
  readonly focusRequested?: boolean;
  onFocused?(): void;
}

/** Source, as-of date and note of the default: the info button's popover. */
function SourceInfo({ spec }: { readonly spec: AssumptionSpec }) {
  const styles = useStyles();
  return (
    <span className={styles.info}>
      <span>Source: {spec.source}</span>
      <span>As of {spec.asOf}.</span>
      {spec.note && <span>{spec.note}</span>}
    </span>
  );
}

/** The label: name and unit, with the info button that opens the source for the mouse. */
function fieldLabel(spec: AssumptionSpec) {
  return {
    children: (_: unknown, props: LabelProps) => (
      // The keyboard has the source as the box's description, so the info button is no Tab stop.
      <InfoLabel {...props} info={<SourceInfo spec={spec} />} infoButton={{ tabIndex: -1 }}>
        {spec.label} ({unitLabel(spec)})
      </InfoLabel>
    ),
  };
}

/** The key, the default it comes from and its date, and what a built value is the sum of. */
function FieldHint({ field, defaultFrom }: { readonly field: FieldView; readonly defaultFrom: string }) {
  const styles = useStyles();
  const { spec } = field;
  return (
    <>
      <span className={styles.key}>{spec.key}</span> · {field.overridden ? "changed from " : ""}default {shownDefault(spec, field.defaultText)} ({defaultFrom}) · as of{" "}
      {spec.asOf}
      {spec.built && ` · built: ${spec.built.sumOf.join(" + ")}${field.readOnly ? "" : `; a value typed here sets ${spec.built.adjusts}`}`}
    </>
  );
}

/** What ends the box: "read-only" on a built-in's field, Reset while the value differs from the default, else nothing. */
function boxEnd(field: FieldView, onReset: () => void, styles: ReturnType<typeof useStyles>) {
  if (field.readOnly) {
    return (
      <Text size={200} className={styles.readOnlyTag} aria-hidden>
        read-only
      </Text>
    );
  }
  if (!field.overridden) return undefined;
  return (
    <Button size="small" appearance="transparent" aria-label={`Reset ${field.spec.key} to default`} onClick={onReset}>
      Reset
    </Button>
  );
}

/** The box's description: the source (shown beneath the box while it has the focus) and, when read-only, how to change it. */
function BoxDescription({ spec, readOnly, focused, sourceId, readOnlyId }: { readonly spec: AssumptionSpec; readonly readOnly: boolean; readonly focused: boolean; readonly sourceId: string; readonly readOnlyId: string }) {
  const styles = useStyles();
  return (
    <>
      <span id={sourceId} className={focused ? styles.shown : styles.hidden} data-source-shown={focused || undefined}>
        Source of the default: {spec.source} · As of {spec.asOf}.{spec.note ? ` ${spec.note}` : ""}
      </span>
      {readOnly && (
        <span id={readOnlyId} className={styles.hidden}>
          {READ_ONLY_HINT}
        </span>
      )}
    </>
  );
}

/** The box, scrolled into view and focused when "Go to field" asks for it; `onFocused` then says it is done. */
function useFocusRequest(focusRequested: boolean | undefined, onFocused: (() => void) | undefined) {
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!focusRequested || !box.current) return;
    box.current.scrollIntoView?.({ block: "center" });
    box.current.focus();
    onFocused?.();
  }, [focusRequested, onFocused]);
  return box;
}

export function AssumptionField({ field, defaultFrom, onCommit, onClearDraft, onReset, focusRequested, onFocused }: AssumptionFieldProps) {
  const styles = useStyles();
  const typing = useFieldTyping(field, onCommit, onClearDraft);
  const box = useFocusRequest(focusRequested, onFocused);
  const [focused, setFocused] = useState(false);
  const sourceId = useId();
  const readOnlyId = useId();
  const note = field.sheet ? sheetNote(field.sheet, field.text, !field.readOnly) : undefined;
  const refusal = field.draft?.reason;

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter") typing.commit();
    else if (e.key === "Escape") typing.escape();
  };

  return (
    <Field
      className={styles.field}
      label={fieldLabel(field.spec)}
      hint={<FieldHint field={field} defaultFrom={defaultFrom} />}
      validationState={refusal ? "error" : note ? "warning" : "none"}
      validationMessage={refusal && note ? `${refusal}. ${note}` : (refusal ?? note)}
    >
      <Input
        ref={box}
        value={typing.text}
        readOnly={field.readOnly}
        appearance={field.readOnly ? "filled-darker" : "outline"}
        className={field.readOnly ? styles.readOnly : undefined}
        aria-describedby={field.readOnly ? `${readOnlyId} ${sourceId}` : sourceId}
        onChange={(_, data) => typing.setText(data.value)}
        onFocus={() => setFocused(true)}
        onBlur={() => {
          setFocused(false);
          typing.commit();
        }}
        onKeyDown={onKeyDown}
        contentAfter={boxEnd(field, onReset, styles)}
      />
      <BoxDescription spec={field.spec} readOnly={field.readOnly} focused={focused} sourceId={sourceId} readOnlyId={readOnlyId} />
    </Field>
  );
}
