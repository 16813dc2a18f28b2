/**
 * Starts the task pane in a container: waits for Office.js when the page loaded it, then
 * renders the app. Outside Office (a plain browser, a test) it renders with a notice instead.
 */
import { createRoot, Root } from "react-dom/client";
import { App } from "./App";
import { waitForOffice } from "./hooks/office";

export async function boot(container: HTMLElement | null): Promise<Root> {
  if (!container) throw new Error('taskpane.html has no element with id "container"');
  const host = await waitForOffice();
  const root = createRoot(container);
  root.render(<App host={host} />);
  return root;
}
