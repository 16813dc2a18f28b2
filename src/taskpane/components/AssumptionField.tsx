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
 * change it. Money is shown grouped (3,500,000,000) and read as the model reads it (readMoney:
 * "3.5bn", "$725M", "USD 1.2bn").
 */
import { Button, Field, InfoLabel, Input, LabelProps, Text, makeStyles, tokens } from "@fluentui/react-components";
import { KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import type { AssumptionSpec } from "../../model/assumptions";
import { isMoney, readMoney } from "../../model/scenarios";
import type { FieldView } from "../formFields";
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

/** A number the pane holds as text (formatValue's "3500000000"), else undefined. */
function held(text: string): number | undefined {
  const v = Number(text);
  return text.trim() === "" || !Number.isFinite(v) ? undefined : v;
}

/** A default as the hint shows it: large numbers grouped (money as the box shows it), rates also as a percentage; years as they are. */
export function shownDefault(spec: AssumptionSpec, text: string): string {
  const v = held(text);
  if (spec.kind === "date" || spec.unit === "year" || v === undefined) return text;
  if (spec.kind === "rate") return `${text} (${grouped.format(v * 100)}%)`;
  return isMoney(spec) ? shownValue(spec, text) : grouped.format(v);
}

/** A value in force as the box shows it: money grouped (3,500,000,000, which reads back as typed), anything else as held. */
export function shownValue(spec: AssumptionSpec, text: string): string {
  // Commas put into the digits the pane holds, not a reformatted number: what is shown is exactly what is held.
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(text.trim());
  return isMoney(spec) && m ? `${m[1]}${m[2].replace(/\B(?=(\d{3})+$)/g, ",")}${m[3] ?? ""}` : text;
}

/** Whether typing stands for the value the pane holds: the same text, or for money the same amount ("3.5bn" for 3500000000). */
function sameValue(spec: AssumptionSpec, typed: string, text: string): boolean {
  if (typed.trim() === text) return true;
  const v = held(text);
  return isMoney(spec) && v !== undefined && readMoney(typed)?.value === v;
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
  return inForce(field);
}

/** The value in force as the box shows it: on a read-only field, a value typed on the sheet wins. */
function inForce(field: FieldView): string {
  return shownValue(field.spec, field.readOnly && field.sheet ? field.sheet.text : field.text);
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
    if (sameValue(field.spec, text, field.text)) {
      // The value in force typed back (or never changed): nothing to save, any refused typing is dropped.
      onClearDraft();
      setText(inForce(field));
    } else if (text.trim() !== field.draft?.raw) onCommit(text);
  };
  const escape = () => {
    setText(inForce(field));
    onClearDraft();
  };
  return { text, setText, commit, escape };
}

export function AssumptionField({ field, defaultFrom, onCommit, onClearDraft, onReset, focusRequested, onFocused }: AssumptionFieldProps) {
  const styles = useStyles();
  const { spec } = field;
  const typing = useTyping(field, onCommit, onClearDraft);
  const box = useRef<HTMLInputElement>(null);
  const [focused, setFocused] = useState(false);
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
  const sourceId = useId();
  const readOnlyId = useId();
  const note = field.sheet ? sheetNote(field.sheet, field.text, !field.readOnly) : undefined;
  const refusal = field.draft?.reason;

  return (
    <Field
      className={styles.field}
      label={{
        children: (_: unknown, props: LabelProps) => (
          // The info button opens the source for the mouse; the keyboard has it as the box's description, so the button is no Tab stop.
          <InfoLabel {...props} info={info} infoButton={{ tabIndex: -1 }}>
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
        contentAfter={
          field.readOnly ? (
            <Text size={200} className={styles.readOnlyTag} aria-hidden>
              read-only
            </Text>
          ) : field.overridden ? (
            <Button size="small" appearance="transparent" aria-label={`Reset ${spec.key} to default`} onClick={onReset}>
              Reset
            </Button>
          ) : undefined
        }
      />
      <span id={sourceId} className={focused ? styles.shown : styles.hidden} data-source-shown={focused || undefined}>
        Source of the default: {spec.source} · As of {spec.asOf}.{spec.note ? ` ${spec.note}` : ""}
      </span>
      {field.readOnly && (
        <span id={readOnlyId} className={styles.hidden}>
          {READ_ONLY_HINT}
        </span>
      )}
    </Field>
  );
}
