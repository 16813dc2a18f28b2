/** The CORZ custom functions, with a filter: what an analyst can type in a cell. */
import { Body1, Caption1, Field, SearchBox, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { useId, useState } from "react";
import { FunctionInfo, searchFunctions, signature } from "../catalog";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  item: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  signature: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  parameters: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface FunctionListProps {
  readonly functions: readonly FunctionInfo[];
}

export function FunctionList({ functions }: FunctionListProps) {
  const styles = useStyles();
  const headingId = useId();
  const [query, setQuery] = useState("");
  const shown = searchFunctions(functions, query);

  return (
    <section aria-labelledby={headingId} className={styles.section}>
      <Subtitle2 as="h2" id={headingId} className={styles.heading}>
        Functions
      </Subtitle2>
      <Field label="Filter functions" hint="By name, description or argument.">
        <SearchBox value={query} onChange={(_, data) => setQuery(data.value)} />
      </Field>
      {shown.length === 0 ? (
        <Body1 role="status">No function matches “{query}”.</Body1>
      ) : (
        <ul className={styles.list} aria-label="CORZ functions">
          {shown.map((f) => (
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
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
