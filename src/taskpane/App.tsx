/**
 * The task pane: what the add-in offers, and a notice when it is not running inside Excel.
 * It will grow into the scenario-sheet builder; Excel is reached only through hooks/ and
 * src/excel/, never from the components.
 */
import {
  Body1,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Title3,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { BUILT_IN_SCENARIOS } from "../model/scenarios";
import { FUNCTIONS, NAMESPACE } from "./catalog";
import { FunctionList } from "./components/FunctionList";
import { ScenarioList } from "./components/ScenarioList";
import { OfficeHost, useOfficeTheme } from "./hooks/office";

const useStyles = makeStyles({
  provider: { minHeight: "100vh" },
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
  },
  header: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  heading: { margin: 0 },
});

export interface AppProps {
  readonly host: OfficeHost;
}

export function App({ host }: AppProps) {
  const styles = useStyles();
  const theme = useOfficeTheme() === "dark" ? webDarkTheme : webLightTheme;

  return (
    <FluentProvider theme={theme} className={styles.provider}>
      <main className={styles.root}>
        <header className={styles.header}>
          <Title3 as="h1" className={styles.heading}>
            CORZ HPC Deal Model
          </Title3>
          <Body1>
            Core Scientific's HPC hosting contracts with CoreWeave as live Excel functions: revenue, gross profit,
            capacity and value by year, under the base, bull and bear scenarios or your own overrides. Type{" "}
            <code>={NAMESPACE}.</code> in a cell to see them.
          </Body1>
        </header>
        {!host.inExcel && (
          <MessageBar intent="warning">
            <MessageBarBody>
              <MessageBarTitle>Not running inside Excel</MessageBarTitle>
              {host.reason} Open the add-in from Excel (Home tab → Deal Model) to use the functions; the list below is
              for reference.
            </MessageBarBody>
          </MessageBar>
        )}
        <FunctionList functions={FUNCTIONS} />
        <ScenarioList scenarios={BUILT_IN_SCENARIOS} />
      </main>
    </FluentProvider>
  );
}
