/**
 * The production build in a real browser: the system's Chromium opens dist/taskpane.html from a
 * local server, with Microsoft's office.js replaced by the Office/Excel double
 * (tests/support/browserOffice.ts) reporting Excel on the web. The pane must start inside
 * "Excel", list the CORZ functions, register (being a shared runtime) every custom function
 * listed in functions.json, and build the plan's CORZ sheets into the double's workbook, with no
 * uncaught error and no request leaving the machine.
 *
 * Off CI a machine without Chromium skips this file with a loud notice; with CI=true it fails.
 * Set E2E_ARTIFACTS to a folder to keep the screenshot.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { SHEET_NAMES } from "../../src/plan/layout";
import {
  Isolation,
  StaticServer,
  buildDist,
  chromiumAvailable,
  isolate,
  launch,
  officeDoubleScript,
  openPane,
  pngSize,
  recordProblems,
  animationsDone,
  axeSummary,
  runAxe,
  seriousViolations,
  serveDirectory,
} from "../support/browser";

const SETUP_TIMEOUT_MS = 240_000;
/** An Office task pane is about 350 px wide. */
const VIEWPORT = { width: 360, height: 900 };

let server: StaticServer | undefined;
let browser: Browser | undefined;
let context: BrowserContext | undefined;
let page: Page;
let isolation: Isolation;
let functionIds: string[];
let officeScript: string;
let artifacts: string | undefined;
let problems: string[] = [];

/** Opens a section of the pane that is collapsed (its heading is a button with aria-expanded="false"). */
async function openSection(p: Page, title: string | RegExp): Promise<void> {
  // The heading's button (it has aria-expanded; the contents' links have not), once its chunk has loaded.
  const toggle = p.getByRole("heading", { level: 2, name: title }).getByRole("button");
  await toggle.waitFor({ state: "visible", timeout: 30_000 });
  if ((await toggle.getAttribute("aria-expanded")) === "false") await toggle.click();
}

(chromiumAvailable() ? describe : describe.skip)("the task pane in Chromium, inside an Excel double", () => {
  beforeAll(async () => {
    // The wait for the build, the bundle of the double and the browser's start are independent.
    // All three are awaited even when one fails, so that afterAll can close the browser.
    const [built, script, launched] = await Promise.allSettled([buildDist(), Promise.resolve().then(officeDoubleScript), launch()]);
    if (launched.status === "fulfilled") browser = launched.value;
    if (built.status === "rejected") throw built.reason;
    if (script.status === "rejected") throw script.reason;
    if (launched.status === "rejected") throw launched.reason;
    const out = built.value.dir;
    officeScript = script.value;
    functionIds = (JSON.parse(fs.readFileSync(path.join(out, "functions.json"), "utf8")) as { functions: { id: string }[] }).functions.map((f) => f.id);
    server = await serveDirectory(out);
    context = await launched.value.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: "en-US", timezoneId: "UTC" });
    isolation = await isolate(context, officeScript);
    page = await context.newPage();
    problems = recordProblems(page);
    await openPane(page, `${server.url}taskpane.html`, { problems, server, isolation });
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
    if (artifacts && !process.env.E2E_ARTIFACTS) fs.rmSync(artifacts, { recursive: true, force: true });
  });

  test("the page loaded office.js from the double and everything else from the local server", () => {
    expect(isolation.officeJsServed()).toBe(1);
    expect(isolation.blocked).toEqual([]);
    expect(server?.log.filter((line) => !line.endsWith(" 200"))).toEqual([]);
    expect(server?.log).toEqual(expect.arrayContaining(["GET /taskpane.html 200", "GET /taskpane.js 200", "GET /functions.js 200"]));
  });

  test("the pane renders its heading inside Excel, without the outside-Excel notice", async () => {
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("CORZ HPC Deal Model");
    expect(await page.getByRole("heading", { level: 1 }).isVisible()).toBe(true);
    expect(await page.getByText("Not running inside Excel").count()).toBe(0);
    expect(await page.evaluate(() => (window as any).Office.context.officeTheme.bodyBackgroundColor)).toBe("#ffffff");
  });

  test("the function list shows every CORZ function in functions.json", async () => {
    expect(functionIds.length).toBeGreaterThan(0);
    await openSection(page, "Functions");
    const list = page.getByRole("list", { name: "CORZ functions" });
    // The function browser is in a chunk that loads just after the first paint: wait for it.
    await list.waitFor({ state: "visible", timeout: 30_000 });
    expect(await list.locator(":scope > li").count()).toBe(functionIds.length);
    const signatures = await list.locator(":scope > li > code").allTextContents();
    expect(signatures.map((s) => /^=CORZ\.([A-Z0-9_]+)\(/.exec(s)?.[1]).sort()).toEqual([...functionIds].sort());
    expect(signatures).toContain("=CORZ.DEAL_REVENUE(year, [scenario])");
  });

  test("the shared runtime associated every function in functions.json, and they compute", async () => {
    const associated = await page.evaluate(() => Object.keys((window as any).__associations));
    expect([...associated].sort()).toEqual([...functionIds].sort());
    // The seed's full run-rate (8.7B / 12) in 2027, and base's contract value on the public record (10.2B).
    await expect(page.evaluate(() => (window as any).__associations.DEAL_REVENUE(2027, [["seed"]]))).resolves.toBe(725_000_000);
    await expect(page.evaluate(() => (window as any).__associations.DEAL_TCV())).resolves.toBe(10_200_000_000);
    // An invalid argument comes back as Excel's #VALUE! error, with its message, not as NaN.
    const error = await page.evaluate(() => {
      try {
        return { returned: (window as any).__associations.DEAL_REVENUE(2027.5) };
      } catch (e) {
        const err = e as { name: string; code: string; message: string };
        return { name: err.name, code: err.code, message: err.message };
      }
    });
    expect(error).toEqual({ name: "CustomFunctions.Error", code: "#VALUE!", message: expect.stringContaining("whole calendar year") });
  });

  // The pane has had this button since it grew a gateway: if it goes, this fails rather than skips.
  test("Build sheets writes the plan's CORZ sheets into the workbook, saves the registry and reports success", async () => {
    // Every sheet the plan names (the five of the FAST layout, and any the plan has grown since).
    const expectedSheets = Object.values(SHEET_NAMES);
    const button = page.getByRole("button", { name: "Build sheets", exact: true });
    expect(await button.count()).toBe(1);
    expect(await button.getAttribute("aria-disabled")).not.toBe("true");
    expect(await page.evaluate(() => (window as any).__excelDouble.sheets.length)).toBe(0);

    await button.click({ timeout: 10_000 });
    // Wait for an outcome, success or failure, so that a failure shows the pane's own message.
    const outcome = page.getByRole("region", { name: "Sheets" }).locator("[aria-live]");
    await outcome.getByText(/^(Built \d+ sheets|Nothing was changed|The build did not finish)/).waitFor({ timeout: 30_000 });
    expect(await outcome.innerText()).toMatch(new RegExp(`^Built ${expectedSheets.length} sheets for \\d+ scenarios?\\b`));

    const workbook = await page.evaluate(() => {
      const excel = (window as any).__excelDouble;
      return { sheets: excel.sheets.map((s: { name: string }) => s.name), syncs: excel.syncCount, saved: [...(window as any).__settings.saved.keys()] };
    });
    expect([...workbook.sheets].sort()).toEqual([...expectedSheets].sort());
    expect(workbook.sheets).toEqual(expect.arrayContaining(["CORZ Inputs", "CORZ Deal", "CORZ Capacity", "CORZ Summary", "CORZ Checks"]));
    expect(workbook.syncs).toBeGreaterThan(0);
    expect(workbook.saved).toContain("corz.registry");
    expect(await page.getByText("Nothing was changed in the workbook.").count()).toBe(0);
    expect(await page.getByText("The build did not finish.").count()).toBe(0);
    // Once built, the action is a refresh.
    await page.getByRole("button", { name: "Refresh", exact: true }).waitFor({ timeout: 10_000 });
  });

  test("the Monte Carlo runs in a real Web Worker: 100,000 paths, progress, then P10/P50/P90", async () => {
    const region = page.getByRole("region", { name: "Risk (Monte Carlo)" });
    await openSection(page, "Risk (Monte Carlo)");
    await region.getByRole("button", { name: "Run", exact: true }).click({ timeout: 10_000 });
    const result = region.getByText(/^base: P10 \$/);
    await result.waitFor({ timeout: 60_000 });
    expect(await result.innerText()).toMatch(/100,000 paths, seed 1\)/);
    // The worker is its own script, loaded from the local server.
    expect(server!.log.some((line) => /^GET \/\d+\.js 200$/.test(line))).toBe(true);
  });

  test("screenshots of the pane are PNGs of the task pane's width", async () => {
    artifacts = process.env.E2E_ARTIFACTS ?? fs.mkdtempSync(path.join(os.tmpdir(), "corz-e2e-"));
    fs.mkdirSync(artifacts, { recursive: true });
    // The whole pane, and what the user first sees without scrolling.
    const full = path.join(artifacts, "taskpane.png");
    const top = path.join(artifacts, "taskpane-top.png");
    await page.screenshot({ path: full, fullPage: true });
    await page.screenshot({ path: top });
    const [fullPng, topPng] = [fs.readFileSync(full), fs.readFileSync(top)];
    expect(pngSize(fullPng).width).toBe(VIEWPORT.width);
    expect(pngSize(fullPng).height).toBeGreaterThanOrEqual(VIEWPORT.height);
    expect(pngSize(topPng)).toEqual(VIEWPORT);
    // A blank page compresses to a few hundred bytes; text and controls take tens of kilobytes.
    expect(fullPng.length).toBeGreaterThan(20_000);
    expect(topPng.length).toBeGreaterThan(20_000);
  });

  test("at 320 px wide the pane opens a few screens tall; its contents open a section, scroll to it and focus its heading", async () => {
    const fresh = await context!.newPage();
    try {
      await fresh.setViewportSize({ width: 320, height: 900 });
      await openPane(fresh, `${server!.url}taskpane.html`, { problems, server: server!, isolation });
      await fresh.getByRole("list", { name: "CORZ functions", includeHidden: true }).waitFor({ state: "attached", timeout: 30_000 });
      const height = await fresh.evaluate(() => document.documentElement.scrollHeight);
      // All sections open: what the pane was before it folded (20,371 px then).
      const all = await fresh.evaluate(() => {
        document.querySelectorAll<HTMLElement>("section > div[hidden]").forEach((e) => (e.hidden = false));
        return document.documentElement.scrollHeight;
      });
      await fresh.reload();
      await fresh.getByRole("heading", { level: 1, name: "CORZ HPC Deal Model" }).waitFor();
      if (artifacts) await fresh.screenshot({ path: path.join(artifacts, "pane-320-folded.png"), fullPage: true });
      console.warn(`[measured] task pane height at 320 px wide: ${height} px as it opens (${(height / 900).toFixed(1)} screens of 900 px); ${all} px with every section open`);
      expect(height).toBeLessThan(all / 3);
      expect(height).toBeLessThan(4 * 900);

      // The contents' "Risk (Monte Carlo)": the section opens, its heading has the focus, Run is on screen.
      await fresh.getByRole("navigation", { name: "Contents" }).getByRole("button", { name: "Risk (Monte Carlo)", exact: true }).click();
      const heading = fresh.getByRole("heading", { level: 2, name: "Risk (Monte Carlo)" }).getByRole("button");
      await fresh.waitForFunction(() => document.activeElement?.closest("h2")?.textContent === "Risk (Monte Carlo)", undefined, { timeout: 5_000 });
      expect(await heading.getAttribute("aria-expanded")).toBe("true");
      const run = fresh.getByRole("region", { name: "Risk (Monte Carlo)" }).getByRole("button", { name: "Run", exact: true });
      const box = await run.boundingBox();
      const scrolled = await fresh.evaluate(() => window.scrollY);
      console.warn(`[measured] Monte Carlo's Run button: ${Math.round(box!.y + scrolled)} px down the pane, ${Math.round(box!.y)} px down the screen after the contents' link`);
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.y + box!.height).toBeLessThanOrEqual(900);
    } finally {
      await fresh.close();
    }
  });

  test("axe finds no serious or critical problem in the pane (light theme), also with a dropdown and a dialog open", async () => {
    const reports: Record<string, Awaited<ReturnType<typeof runAxe>>> = {};
    reports.pane = await runAxe(page);
    await openSection(page, "Peers");
    await page.getByRole("combobox", { name: "Peer group" }).click();
    await page.getByRole("listbox").waitFor({ state: "visible", timeout: 5_000 });
    await animationsDone(page);
    reports.dropdown = await runAxe(page);
    await page.keyboard.press("Escape");
    await page.getByRole("listbox").waitFor({ state: "hidden", timeout: 5_000 });
    await openSection(page, "Scenarios");
    await page.getByRole("button", { name: "Duplicate base", exact: true }).click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor({ state: "visible", timeout: 5_000 });
    await animationsDone(page);
    reports.dialog = await runAxe(page);
    await dialog.getByRole("button", { name: "Cancel", exact: true }).click();
    await dialog.waitFor({ state: "detached", timeout: 5_000 });
    console.warn(`[measured] axe on the task pane (light theme): ${Object.entries(reports).map(([k, r]) => `${k}: ${axeSummary(r)}`).join("; ")}`);
    for (const [k, r] of Object.entries(reports)) expect({ state: k, serious: seriousViolations(r) }).toEqual({ state: k, serious: [] });
  });

  test("axe finds no serious or critical problem in the pane in Office's dark theme, also with a dropdown and a dialog open", async () => {
    const dark = await browser!.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: "en-US", timezoneId: "UTC" });
    try {
      const darkIsolation = await isolate(dark, officeScript, 'window.__officeDoubleOptions = { theme: { bodyBackgroundColor: "#1f1f1f", bodyForegroundColor: "#ffffff", isDarkTheme: true } };');
      const p = await dark.newPage();
      const darkProblems = recordProblems(p);
      await openPane(p, `${server!.url}taskpane.html`, { problems: darkProblems, server: server!, isolation: darkIsolation });
      // The pane took the dark theme: a dark background behind the heading.
      const background = await p.evaluate(() => getComputedStyle(document.querySelector(".fui-FluentProvider")!).backgroundColor);
      expect(background).not.toBe("rgb(255, 255, 255)");
      await p.getByRole("list", { name: "CORZ functions", includeHidden: true }).waitFor({ state: "attached", timeout: 30_000 });
      const reports: Record<string, Awaited<ReturnType<typeof runAxe>>> = {};
      reports.pane = await runAxe(p);
      await openSection(p, "Peers");
      await p.getByRole("combobox", { name: "Peer group" }).click();
      await p.getByRole("listbox").waitFor({ state: "visible", timeout: 5_000 });
      await animationsDone(p);
      reports.dropdown = await runAxe(p);
      await p.keyboard.press("Escape");
      await p.getByRole("button", { name: "Duplicate base", exact: true }).click();
      await p.getByRole("dialog").waitFor({ state: "visible", timeout: 5_000 });
      await animationsDone(p);
      reports.dialog = await runAxe(p);
      console.warn(`[measured] axe on the task pane (dark theme, background ${background}): ${Object.entries(reports).map(([k, r]) => `${k}: ${axeSummary(r)}`).join("; ")}`);
      for (const [k, r] of Object.entries(reports)) expect({ state: k, serious: seriousViolations(r) }).toEqual({ state: k, serious: [] });
      expect(darkProblems).toEqual([]);
    } finally {
      await dark.close();
    }
  });

  // Last, so that it covers everything the tests above did in the page.
  test("no uncaught error, console error or console warning in the page", () => {
    expect(problems).toEqual([]);
  });
});
