/**
 * The preview page's workbook, driven as a person drives it, for the browser tests of
 * preview.html: a cell of the grid, showing a sheet by its tab, typing into a cell through the
 * formula bar; and opening the page itself.
 */
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from "playwright-core";
import type { BuildResult } from "./build";
import { Isolation, StaticServer, buildDist, isolate, launch, openPane, recordProblems, serveDirectory } from "./browser";

/** A cell of the grid shown, by its A1 address. */
export const gridCell = (page: Page, address: string): Locator => page.locator(`#workbook td[data-address="${address}"]`);

/** Shows a sheet by clicking its tab, and waits for its grid. */
export async function showSheet(page: Page, name: string): Promise<void> {
  await page.getByRole("tablist", { name: "Sheets" }).getByRole("tab", { name, exact: true }).click();
  await page.getByRole("grid", { name: `Sheet ${name}` }).waitFor();
}

/** Selects a cell and types `text` into the formula bar, then waits for the grid to redraw with it. */
export async function typeInto(page: Page, address: string, text: string, timeout = 10_000): Promise<void> {
  await gridCell(page, address).click();
  await page.getByLabel("Formula bar").fill(text);
  const before = await page.locator("#workbook").getAttribute("data-updates");
  await page.getByLabel("Formula bar").press("Enter");
  // The grid redraws once the double reports the typed cell.
  await page.waitForFunction((b) => document.getElementById("workbook")?.dataset.updates !== b, before, { timeout });
}

/** The preview page open in Chromium over the run's production build with the preview, and what a test checks of it. */
export interface PreviewSession {
  readonly dist: BuildResult;
  readonly server: StaticServer;
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  /** What the page asked of other hosts (office.js included: it must never ask). */
  readonly isolation: Isolation;
  /** Uncaught errors, console errors and warnings, CSP violations included. */
  readonly problems: string[];
  /** Closes the browser and the server (the build is shared: it stays). */
  close(): Promise<void>;
}

/**
 * Waits for the build with the preview page, starts Chromium and a local server for the build,
 * and opens preview.html with nothing allowed to leave the machine. The wait and the browser's
 * start run together; whatever was started is stopped again when a later step fails.
 */
export async function openPreview(contextOptions: BrowserContextOptions): Promise<PreviewSession> {
  const [built, launched] = await Promise.allSettled([buildDist(), launch()]);
  let server: StaticServer | undefined;
  const close = async () => {
    if (launched.status === "fulfilled") await launched.value.close();
    await server?.close();
  };
  try {
    if (built.status === "rejected") throw built.reason;
    if (launched.status === "rejected") throw launched.reason;
    server = await serveDirectory(built.value.dir);
    const context = await launched.value.newContext({ deviceScaleFactor: 1, locale: "en-US", timezoneId: "UTC", ...contextOptions });
    // The preview must never ask for office.js; if it did, this would answer and the count would show it.
    const isolation = await isolate(context, "void 0;");
    await context.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    const page = await context.newPage();
    const problems = recordProblems(page);
    await openPane(page, `${server.url}preview.html`, { problems, server, isolation });
    return { dist: built.value, server, browser: launched.value, context, page, isolation, problems, close };
  } catch (e) {
    await close();
    throw e;
  }
}
