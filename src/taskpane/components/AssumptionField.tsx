/**
 * One assumption of the selected scenario: label and unit, the default with its source and
 * as-of date, the value (committed on Enter or when the box loses focus; Escape undoes the
 * typing), the reason when a value is refused, and a reset to the default when it is changed.
 */
import { Button, Field, InfoLabel, Input, LabelProps, makeStyles, tokens } from "@fluentui/react-components";
import { KeyboardEvent, useState } from "react";
import type { AssumptionSpec } from "../../model/assumptions";
import type { FieldView } from "../scenarioState";

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
  /** Saves a typed value; returns why it was refused, or undefined. */
  onCommit(raw: string): string | undefined;
  onReset(): void;
}

export function AssumptionField({ field, defaultFrom, onCommit, onReset }: AssumptionFieldProps) {
  const styles = useStyles();
  const { spec } = field;
  const [draft, setDraft] = useState(field.text);
  const [refusal, setRefusal] = useState<string | undefined>();
  // When the saved value changes (a commit, a reset), the box shows it.
  const [shown, setShown] = useState(field.text);
  if (shown !== field.text) {
    setShown(field.text);
    setDraft(field.text);
    setRefusal(undefined);
  }

  const commit = () => {
    if (field.readOnly) return;
    if (draft.trim() === field.text) {
      setRefusal(undefined);
      return;
    }
    setRefusal(onCommit(draft));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter") commit();
    else if (e.key === "Escape") {
      setDraft(field.text);
      setRefusal(undefined);
    }
  };

  const info = (
    <span className={styles.info}>
      <span>Source: {spec.source}</span>
      <span>As of {spec.asOf}.</span>
      {spec.note && <span>{spec.note}</span>}
    </span>
  );

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
        </>
      }
      validationState={refusal ? "error" : "none"}
      validationMessage={refusal}
    >
      <Input
        value={draft}
        readOnly={field.readOnly}
        onChange={(_, data) => setDraft(data.value)}
        onBlur={commit}
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
