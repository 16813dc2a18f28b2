/** The built-in scenarios the functions accept as their `scenario` argument. */
import { Body1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { useId } from "react";
import type { ScenarioDef } from "../../model/scenarios";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  list: { margin: 0, display: "grid", gridTemplateColumns: "auto 1fr", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  name: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  description: { margin: 0 },
  row: { display: "contents" },
});

export interface ScenarioListProps {
  readonly scenarios: readonly ScenarioDef[];
}

export function ScenarioList({ scenarios }: ScenarioListProps) {
  const styles = useStyles();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className={styles.section}>
      <Subtitle2 as="h2" id={headingId} className={styles.heading}>
        Scenarios
      </Subtitle2>
      <dl className={styles.list}>
        {scenarios.map((s) => (
          <div key={s.name} className={styles.row}>
            <dt className={styles.name}>"{s.name}"</dt>
            <dd className={styles.description}>
              <Body1>{s.description}</Body1>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
