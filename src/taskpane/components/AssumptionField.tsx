/**
 * One assumption of the selected scenario: label and unit, the default with its source and
 * as-of date, the value (committed on Enter or when the box loses focus; Escape undoes the
 * typing), the reason when a value is refused, and a reset to the default when it is changed.
 * Refused typing is held by the pane (a draft), so it is still here after switching scenarios;
 * a value typed on CORZ Inputs that the sheets use instead is shown with a note saying so.
 * A built value (the discount rate) says what it is the sum of, and that typing it sets its part.
 */
import { Button, Field, InfoLabel, Input, LabelProps, makeStyles, tokens } from "@fluentui/react-components";
import { KeyboardEvent, useEffect, useRef, useState } from "react";
import type { AssumptionSpec } from "../../model/assumptions";
import type { FieldView } from "../scenarioState";
import { sheetNote } from "../sheetEdits";

const useStyles = makeStyles({
  key: { fontFamily: tokens.fontFamilyMonospace },
  info: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, overflowWrap: "anywhere" },
});

/** The unit as the form shows it, with how to type it where that is not obvious. */
export function unitLabel(spec: AssumptionSpec): string {
  switch (spec.kind) {
    case "rate":
      return "rate: 0.05 or 5%";
    case "date":
      return "date: YYYY-MM-DD";
    default:
      return spec.unit;
  }
}

const grouped = new Intl.NumberFormat("en-US", { maximumFractionDigits: 6 });

/** A default as the hint shows it: large numbers grouped, rates also as a percentage. */
export function shownDefault(spec: AssumptionSpec, text: string): string {
  const v = Number(text);
  if (spec.kind === "date" || text.trim() === "" || !Number.isFinite(v)) return text;
  if (spec.kind === "rate") return `${text} (${grouped.format(v * 100)}%)`;
  return grouped.format(v);
}

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

/** What the box shows when nothing is being typed: refused typing, else the value in force. */
function boxValue(field: FieldView): string {
  if (field.draft) return field.draft.raw;
  return field.readOnly && field.sheet ? field.sheet.text : field.text;
}

/** The box's text: the user's typing until committed or taken back, else what the pane holds. */
function useTyping(field: FieldView, onCommit: (raw: string) => unknown, onClearDraft: () => void) {
  const held = boxValue(field);
  const [text, setText] = useState(held);
  // When what the pane holds changes (a commit, a reset, a draft taken back), the box shows it.
  const [shown, setShown] = useState(held);
  if (shown !== held) {
    setShown(held);
    setText(held);
  }
  const commit = () => {
    if (field.readOnly) return;
    if (text.trim() === field.text) onClearDraft();
    else if (text.trim() !== field.draft?.raw) onCommit(text);
  };
  const escape = () => {
    setText(field.readOnly && field.sheet ? field.sheet.text : field.text);
    onClearDraft();
  };
  return { text, setText, commit, escape };
}

export function AssumptionField({ field, defaultFrom, onCommit, onClearDraft, onReset, focusRequested, onFocused }: AssumptionFieldProps) {
  const styles = useStyles();
  const { spec } = field;
  const typing = useTyping(field, onCommit, onClearDraft);
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!focusRequested || !box.current) return;
    box.current.scrollIntoView?.({ block: "center" });
    box.current.focus();
    onFocused?.();
  }, [focusRequested, onFocused]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter") typing.commit();
    else if (e.key === "Escape") typing.escape();
  };

  const info = (
    <span className={styles.info}>
      <span>Source: {spec.source}</span>
      <span>As of {spec.asOf}.</span>
      {spec.note && <span>{spec.note}</span>}
    </span>
  );
  const note = field.sheet ? sheetNote(field.sheet, field.text, !field.readOnly) : undefined;
  const refusal = field.draft?.reason;

  return (
    <Field
      label={{
        children: (_: unknown, props: LabelProps) => (
          <InfoLabel {...props} info={info}>
            {spec.label} ({unitLabel(spec)})
          </InfoLabel>
        ),
      }}
      hint={
        <>
          <span className={styles.key}>{spec.key}</span> · {field.overridden ? "changed from " : ""}default {shownDefault(spec, field.defaultText)} ({defaultFrom}) · as of{" "}
          {spec.asOf}
          {spec.built && ` · built: ${spec.built.sumOf.join(" + ")}${field.readOnly ? "" : `; a value typed here sets ${spec.built.adjusts}`}`}
        </>
      }
      validationState={refusal ? "error" : note ? "warning" : "none"}
      validationMessage={refusal && note ? `${refusal}. ${note}` : (refusal ?? note)}
    >
      <Input
        ref={box}
        value={typing.text}
        readOnly={field.readOnly}
        onChange={(_, data) => typing.setText(data.value)}
        onBlur={typing.commit}
        onKeyDown={onKeyDown}
        contentAfter={
          field.overridden && !field.readOnly ? (
            <Button size="small" appearance="transparent" aria-label={`Reset ${spec.key} to default`} onClick={onReset}>
              Reset
            </Button>
          ) : undefined
        }
      />
    </Field>
  );
}
