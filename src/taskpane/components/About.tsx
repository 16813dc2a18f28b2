/**
 * About the add-in, a region at the foot of the pane: its version (package.json's, which the manifest's
 * <Version> matches), the data's as-of date, the help site the build deploys beside the pane
 * (help/index.html: every function's page, as Excel's "Help on this function" opens it), and
 * the public documents the data cites. A chunk of its own (App.tsx loads it lazily), like
 * DataAsOf, whose model it reads.
 */
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Caption1, Link, makeStyles, tokens } from "@fluentui/react-components";
import pkg from "../../../package.json";
import { DATA_AS_OF } from "../../model/asOf";
import * as SOURCES from "../../model/sources";
import { asOfText } from "./DataAsOf";

/** The help home, relative to the pane's page: the build writes it beside taskpane.html. */
export const HELP_HOME = "help/index.html";

/** Every public document sources.ts names, by name. */
export const PUBLIC_SOURCES: readonly SOURCES.PublicDoc[] = Object.values(SOURCES)
  .filter((v): v is SOURCES.PublicDoc => typeof v === "object" && v !== null && typeof (v as SOURCES.PublicDoc).url === "string")
  .sort((a, b) => a.name.localeCompare(b.name));

const useStyles = makeStyles({
  footer: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  link: { overflowWrap: "anywhere" },
});

export function About() {
  const styles = useStyles();
  const sourcesTitle = `Sources (${PUBLIC_SOURCES.length} public documents)`;
  return (
    <section aria-label="About" className={styles.footer}>
      <Caption1>
        CORZ HPC Deal Model {pkg.version} · data as of <time dateTime={DATA_AS_OF}>{asOfText(DATA_AS_OF)}</time>
      </Caption1>
      <Caption1>
        <Link href={HELP_HOME} target="_blank" rel="noopener">
          Help: getting started and every CORZ function
        </Link>
      </Caption1>
      <Accordion collapsible>
        <AccordionItem value="sources">
          <AccordionHeader size="small">{sourcesTitle}</AccordionHeader>
          <AccordionPanel>
            <ul aria-label="Sources" className={styles.list}>
              {PUBLIC_SOURCES.map((s) => (
                <li key={s.url + s.name}>
                  <Caption1>
                    <Link className={styles.link} href={s.url} target="_blank" rel="noopener noreferrer">
                      {s.name}
                    </Link>
                  </Caption1>
                </li>
              ))}
            </ul>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </section>
  );
}
