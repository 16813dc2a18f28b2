/**
 * The form fields holding a value the model refused, beside the Build panel: each with a
 * "Go to field" link that selects its scenario, opens its group and focuses it.
 */
import { Caption1, Link, makeStyles, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { Draft, fieldName } from "../drafts";

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
});

export interface InvalidFieldsProps {
  readonly drafts: readonly Draft[];
  onGoTo(scenario: string, key: string): void;
}

export function InvalidFields({ drafts, onGoTo }: InvalidFieldsProps) {
  const styles = useStyles();
  const headingId = useId();
  if (drafts.length === 0) return null;
  return (
    <div>
      <Caption1 id={headingId}>Fields to correct before building:</Caption1>
      <ul aria-labelledby={headingId} className={styles.list}>
        {drafts.map((d) => (
          <li key={`${d.scenario}\u0000${d.key}`}>
            “{d.scenario}” · {fieldName(d.key)}:{" "}
            <Link as="button" aria-label={`Go to ${d.key} in ${d.scenario}`} onClick={() => onGoTo(d.scenario, d.key)}>
              Go to field
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
