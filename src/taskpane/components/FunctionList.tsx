/** The CORZ custom functions with description and arguments; each can be picked for the formula builder. */
import { Body1, Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { FunctionInfo, NAMESPACE, signature } from "../catalog";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  item: { display: "flex", flexDirection: "column", alignItems: "flex-start", rowGap: tokens.spacingVerticalXXS },
  signature: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  parameters: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface FunctionListProps {
  readonly functions: readonly FunctionInfo[];
  /** The function open in the builder, if any. */
  readonly picked?: string;
  onPick(f: FunctionInfo): void;
}

export function FunctionList({ functions, picked, onPick }: FunctionListProps) {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label="CORZ functions">
      {functions.map((f) => (
        <li key={f.id} className={styles.item}>
          <code className={styles.signature}>={signature(f)}</code>
          <Body1>{f.description}</Body1>
          {f.parameters.length > 0 && (
            <ul className={styles.parameters}>
              {f.parameters.map((p) => (
                <li key={p.name}>
                  <Caption1>
                    <strong>{p.name}</strong>
                    {p.optional ? " (optional)" : ""}: {p.description}
                  </Caption1>
                </li>
              ))}
            </ul>
          )}
          <Button
            size="small"
            appearance={picked === f.id ? "primary" : "secondary"}
            aria-label={`Build formula with ${NAMESPACE}.${f.id}`}
            data-function={f.id}
            onClick={() => onPick(f)}
          >
            Build formula
          </Button>
        </li>
      ))}
    </ul>
  );
}
