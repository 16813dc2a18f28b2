/**
 * Microsoft's real office.js, offline: the run's production build asked for the local office.js
 * address (`--env officeJs=local`, what `npm start` serves; see tests/support/build.ts) is
 * served from 127.0.0.1 with the copy in the @microsoft/office-js package at /office-js/, and
 * Debian's Chromium opens the task pane outside any Office host. office.js and every file it fetches must come from the local server, the pane
 * must start and say it runs outside Office, and nothing may leave the machine: the page's
 * Content-Security-Policy blocks office.js's telemetry (the only console errors allowed are those
 * refusals), and any other outside request is aborted and recorded.
 *
 * Off CI a machine without Chromium skips this file with a loud notice; with CI=true it fails.
 */
import * as fs from "fs";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { BuildResult, root } from "../support/build";
import { Isolation, StaticServer, buildDist, chromiumAvailable, isolate, launch, openPane, recordProblems, serveDirectory } from "../support/browser";

const SETUP_TIMEOUT_MS = 240_000;

let build: BuildResult | undefined;
let server: StaticServer | undefined;
let browser: Browser | undefined;
let page: Page;
let isolation: Isolation;
let problems: string[] = [];

(chromiumAvailable() ? describe : describe.skip)("the real office.js from the @microsoft/office-js package, offline, outside Office", () => {
  beforeAll(async () => {
    const [built, launched] = await Promise.allSettled([buildDist("localOfficeJs"), launch()]);
    if (built.status === "fulfilled") build = built.value;
    if (launched.status === "fulfilled") browser = launched.value;
    if (built.status === "rejected") throw built.reason;
    if (launched.status === "rejected") throw launched.reason;
    const dir = built.value.dir;
    // The package's dist folder (86 MB) is linked, not copied, as the dev server reads it in place
    // (this suite alone serves this build; the run's teardown deletes it).
    fs.symlinkSync(path.join(root, "node_modules", "@microsoft", "office-js", "dist"), path.join(dir, "office-js"));
    server = await serveDirectory(dir);
    const context = await launched.value.newContext({ viewport: { width: 360, height: 900 }, locale: "en-US", timezoneId: "UTC" });
    // Requests off the machine are aborted and recorded; the CDN's office.js must never be asked for.
    isolation = await isolate(context, "void 0;");
    page = await context.newPage();
    problems = recordProblems(page, { warnings: false });
    await openPane(page, `${server.url}taskpane.html`, { problems, server, isolation });
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("taskpane.html asks for office.js at the local address, and office.js comes from the package's copy", async () => {
    const html = fs.readFileSync(path.join(build!.dir, "taskpane.html"), "utf8");
    expect(html).toMatch(/src="?\/office-js\/office\.js"?[ >]/);
    expect(html).not.toContain("appsforoffice.microsoft.com/lib");
    // The real library, not a double: Microsoft's OSF namespace and Office.onReady exist.
    await page.waitForFunction(() => typeof (window as unknown as { OSF?: unknown }).OSF === "object", undefined, { timeout: 30_000 });
    expect(await page.evaluate(() => typeof (window as unknown as { Office: { onReady: unknown } }).Office.onReady)).toBe("function");
    const served = server!.log.filter((l) => l.startsWith("GET /office-js/"));
    expect(served).toContain("GET /office-js/office.js 200");
    // office.js loads more of itself (strings, host scripts) from beside it: all from here, all found.
    expect(served.filter((l) => !l.endsWith(" 200"))).toEqual([]);
  });

  test("the pane starts and says it runs in a browser, outside Office", async () => {
    await page.getByText("This page was opened in a browser, outside Office.", { exact: false }).waitFor({ timeout: 30_000 });
    await page.getByRole("heading", { name: "CORZ HPC Deal Model" }).waitFor();
  });

  test("nothing leaves the machine; the only console errors are the policy refusing Microsoft's telemetry; no page error", async () => {
    await page.waitForTimeout(1500); // let office.js's late telemetry attempts happen
    expect(isolation.blocked).toEqual([]);
    expect(isolation.officeJsServed()).toBe(0);
    const refusals = problems.filter((t) => /^console\.error: .*Content Security Policy/i.test(t) && /microsoft\.com|oaspapps\.com/i.test(t));
    expect(problems.filter((t) => !refusals.includes(t))).toEqual([]);
    if (refusals.length > 0) console.warn(`office.js outside Office: ${refusals.length} request(s) refused by the CSP, as intended:\n${refusals.join("\n")}`);
  });
});
