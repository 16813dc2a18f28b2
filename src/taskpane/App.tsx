/**
 * The task pane: scenarios and their assumptions, building the sheets, and the function
 * browser. The workbook is reached only through the gateway (src/excel/gateway.ts), which is
 * undefined outside Excel: the pane then shows a notice, and everything that needs Excel is
 * disabled and says why.
 */
import {
  Body1,
  Button,
  Caption1,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Title3,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { Suspense } from "react";
import type { WorkbookGateway } from "../excel/gateway";
import { NAMESPACE } from "./namespace";
import { BuildPanel } from "./components/BuildPanel";
import { ErrorBoundary } from "./components/ErrorBoundary";
import { useRiskRun } from "./hooks/useRiskRun";
import { preloadedLazy } from "./lazyPanel";
import type { WorkerFactory } from "./riskRun";
import { ScenarioList } from "./components/ScenarioList";
import { OfficeHost, useOfficeTheme } from "./hooks/office";
import { useBuild } from "./hooks/useBuild";
import { useInsertFormula } from "./hooks/useInsertFormula";
import { usePaneState } from "./hooks/usePaneState";
import { Contents, SectionsProvider, useSectionsState } from "./sections";

// The sections below the fold come in a chunk of their own that starts loading with the pane
// (see lazyPanel.ts), so the first paint does not wait for them.
const panels = () => import(/* webpackChunkName: "panels" */ "./panels");
const AssumptionsForm = preloadedLazy(() => panels().then((m) => m.AssumptionsForm));
const PeersPanel = preloadedLazy(() => panels().then((m) => m.PeersPanel));
const RiskPanel = preloadedLazy(() => panels().then((m) => m.RiskPanel));
const CatalogBrowser = preloadedLazy(() => panels().then((m) => m.CatalogBrowser));
// The data's as-of date and the defaults older than 12 months: a small chunk of its own, as the
// list of defaults reads the mining model, which the first chunk does not otherwise need.
const DataAsOf = preloadedLazy(() => import(/* webpackChunkName: "asof" */ "./components/DataAsOf").then((m) => m.DataAsOf));
const About = preloadedLazy(() => import(/* webpackChunkName: "about" */ "./components/About").then((m) => m.About));

// Fluent copies the FluentProvider's classes (its background among them) onto the layer it puts
// dropdown lists and dialogs in, which spans the page: a height on the provider would make that
// layer an opaque sheet over the whole page. The pane's full height is its root <div>'s instead.
// The page that holds the pane gives its landmark: taskpane.html a <main>, the preview an <aside>.
const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    boxSizing: "border-box",
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXL,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
  },
  header: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  heading: { margin: 0 },
});

export interface AppProps {
  readonly host: OfficeHost;
  /** The open workbook; undefined outside Excel. */
  readonly gateway?: WorkbookGateway;
  /** Makes the Monte Carlo worker; tests pass an in-process one. */
  readonly riskWorker?: WorkerFactory;
  /** Today as "YYYY-MM-DD", for which defaults are old; the user's clock unless a test passes one. */
  readonly today?: string;
}

export function App({ host, gateway, riskWorker, today }: AppProps) {
  const styles = useStyles();
  const theme = useOfficeTheme() === "dark" ? webDarkTheme : webLightTheme;
  const pane = usePaneState(gateway);
  const risk = useRiskRun(riskWorker);
  const riskSheet =
    risk.status === "done" && risk.summary && risk.request ? { summary: risk.summary, spec: risk.request.spec, runDate: new Date().toISOString().slice(0, 10) } : undefined;
  const build = useBuild(gateway, pane.state, riskSheet, pane);
  const insert = useInsertFormula(gateway);
  // "Go to field" opens the Assumptions, in the same render, so the field can take the focus.
  const sections = useSectionsState(pane.fieldRequest ? "assumptions" : undefined);

  return (
    <FluentProvider theme={theme}>
      <SectionsProvider value={sections}>
        <div className={styles.root}>
          <header className={styles.header}>
            <Title3 as="h1" className={styles.heading}>
              CORZ HPC Deal Model
            </Title3>
            <Body1>
              Core Scientific's HPC hosting contracts with CoreWeave as live Excel functions and sheets: revenue, gross profit,
              capacity and value by year, under the built-in scenarios (base: the contracts on the public record; seed: the analyst
              brief as written; bull; bear) or your own. Type <code>={NAMESPACE}.</code> in a
              cell to see the functions.
            </Body1>
            <ErrorBoundary>
              <Suspense fallback={null}>
                <DataAsOf today={today} />
              </Suspense>
            </ErrorBoundary>
            <Contents />
          </header>
          {!host.inExcel && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{host.tooOld ? "This Excel is too old to build the sheets" : "Not running inside Excel"}</MessageBarTitle>
                {host.reason}{" "}
                {host.tooOld
                  ? "Here you can browse the functions and try scenarios, which are not saved."
                  : "Open the add-in from Excel (Home tab → Deal Model) to build sheets and insert formulas; here you can browse the functions and try scenarios, which are not saved."}
              </MessageBarBody>
            </MessageBar>
          )}
          {pane.loadWarning && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{pane.loadWarning}</MessageBarBody>
              <MessageBarActions
                containerAction={
                  <Button appearance="transparent" size="small" aria-label="Dismiss the warning" onClick={pane.dismissLoadWarning}>
                    Dismiss
                  </Button>
                }
              />
            </MessageBar>
          )}
          {pane.saveError && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>{pane.saveError}</MessageBarBody>
            </MessageBar>
          )}
          <BuildPanel build={build} scenarios={pane.state.build} drafts={pane.drafts} onGoToField={pane.goToField} />
          <ScenarioList pane={pane} />
          <ErrorBoundary>
            <Suspense fallback={<Caption1 role="status">Loading the assumptions, peers, risk and function panels…</Caption1>}>
              <AssumptionsForm pane={pane} />
              <PeersPanel pane={pane} />
              <RiskPanel pane={pane} risk={risk} />
              <CatalogBrowser insert={insert} />
              <About />
            </Suspense>
          </ErrorBoundary>
        </div>
      </SectionsProvider>
    </FluentProvider>
  );
}
