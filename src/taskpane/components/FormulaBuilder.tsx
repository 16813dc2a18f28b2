/**
 * The formula builder for one function: an input per argument, the formula as it will be
 * written, and Insert (into the active cell). Outside Excel, Insert is disabled and says why.
 */
import { Button, Caption1, Field, Input, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useId, useRef, useState } from "react";
import { FunctionInfo, NAMESPACE } from "../catalog";
import { formulaText, missingArguments } from "../formula";

const useStyles = makeStyles({
  builder: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  heading: { margin: 0, overflowWrap: "anywhere" },
  formula: { fontFamily: tokens.fontFamilyMonospace },
  actions: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS },
});

export interface FormulaBuilderProps {
  readonly fn: FunctionInfo;
  /** Why Insert is not possible, or undefined when it is. */
  readonly unavailable?: string;
  readonly busy: boolean;
  onInsert(formula: string): void;
  onClose(): void;
}

export function FormulaBuilder({ fn, unavailable, busy, onInsert, onClose }: FormulaBuilderProps) {
  const styles = useStyles();
  const headingId = useId();
  const whyId = useId();
  const [args, setArgs] = useState<string[]>(() => fn.parameters.map(() => ""));
  const first = useRef<HTMLInputElement>(null);
  const insertButton = useRef<HTMLButtonElement>(null);
  // Picking a function moves the focus here, to its first argument (or to Insert).
  useEffect(() => {
    (first.current ?? insertButton.current)?.focus();
  }, []);

  const formula = formulaText(fn, args);
  const missing = missingArguments(fn, args);
  const why = unavailable ?? (missing.length > 0 ? `Fill in ${missing.join(" and ")} first.` : undefined);

  return (
    <section aria-labelledby={headingId} className={styles.builder}>
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        {NAMESPACE}.{fn.id}
      </Subtitle2>
      {fn.parameters.map((p, i) => (
        <Field key={p.name} label={`${p.name}${p.optional ? " (optional)" : ""}`} hint={p.description} required={!p.optional}>
          <Input
            ref={i === 0 ? first : undefined}
            value={args[i]}
            onChange={(_, data) => setArgs((a) => a.map((v, j) => (j === i ? data.value : v)))}
          />
        </Field>
      ))}
      <Field label="Formula" hint="Text is quoted for you; numbers, TRUE/FALSE and cell references (A1, Sheet1!B2:C9) go in as typed; start with = for anything else.">
        <Input className={styles.formula} value={formula} readOnly />
      </Field>
      {why && <Caption1 id={whyId}>{why}</Caption1>}
      <div className={styles.actions}>
        <Button
          ref={insertButton}
          appearance="primary"
          disabledFocusable={why !== undefined || busy}
          aria-describedby={why ? whyId : undefined}
          onClick={() => onInsert(formula)}
        >
          Insert
        </Button>
        <Button appearance="secondary" onClick={onClose}>
          Close
        </Button>
      </div>
    </section>
  );
}
