/**
 * Starts the task pane in a container: waits for Office.js when the page loaded it, then
 * renders the app with the workbook gateway. Outside Office (a plain browser, a test) it
 * renders without a gateway, with a notice instead.
 */
import { createRoot, Root } from "react-dom/client";
import { ErrorBoundary } from "./components/ErrorBoundary";
import { WorkbookGateway, officeGateway } from "../excel/gateway";
import { App } from "./App";
import { OfficeHost, waitForOffice } from "./hooks/office";

/** The gateway inside Excel; when Excel does not give access to the workbook, the pane runs as if outside it and says why. */
export function connect(host: OfficeHost, open: () => WorkbookGateway = officeGateway): { host: OfficeHost; gateway?: WorkbookGateway } {
  if (!host.inExcel) return { host };
  try {
    return { host, gateway: open() };
  } catch (e) {
    return { host: { inExcel: false, reason: `Excel did not give the add-in access to the workbook (${e instanceof Error ? e.message : String(e)}).` } };
  }
}

export async function boot(container: HTMLElement | null): Promise<Root> {
  if (!container) throw new Error('taskpane.html has no element with id "container"');
  const { host, gateway } = connect(await waitForOffice());
  const root = createRoot(container);
  root.render(
    <ErrorBoundary>
      <App host={host} gateway={gateway} />
    </ErrorBoundary>,
  );
  return root;
}
