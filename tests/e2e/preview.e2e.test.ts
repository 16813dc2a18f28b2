/**
 * The preview page (preview.html: the production task pane beside an in-memory workbook) in the
 * system's Chromium, as a person without Excel uses it: change an assumption in the form (an
 * invalid value first), build the sheets, read values and formulas in the grid and in the
 * double's workbook, type over an input cell and refresh (the edit is kept), type an invalid
 * value and refresh (stopped, the cell named), and use a CORZ function in a cell. No uncaught
 * error, console error or warning (a Content-Security-Policy violation is one), and no request
 * leaves the machine; the page never asks for office.js.
 *
 * Off CI a machine without Chromium skips this file with a loud notice; with CI=true it fails.
 * Set E2E_ARTIFACTS to a folder to keep the screenshots.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Locator, Page } from "playwright-core";
import { ScenarioModel, runScenario, yearRow } from "../../src/model/scenarioModel";
import { dealValue } from "../../src/model/valuation";
import { INPUTS } from "../../src/plan/inputs";
import { SHEET_NAMES } from "../../src/plan/layout";
import { SUMMARY, SUMMARY_METRICS } from "../../src/plan/summary";
import { formatValue } from "../../src/preview/format";
import type { BuildResult } from "../support/build";
import {
  Isolation,
  StaticServer,
  chromiumAvailable,
  layersOver,
  pngSize,
  animationsDone,
  axeSummary,
  runAxe,
  seriousViolations,
} from "../support/browser";
import { PreviewSession, gridCell, openPreview, showSheet, typeInto } from "../support/previewGrid";

const SETUP_TIMEOUT_MS = 240_000;
const VIEWPORT = { width: 1400, height: 900 };
const COPY = "base copy";

let preview: PreviewSession | undefined;
let dist: BuildResult | undefined;
let server: StaticServer | undefined;
let page: Page;
let isolation: Isolation;
let artifacts: string | undefined;
let problems: string[] = [];
const started = Date.now();

function model(overrides: [string, number][]): ScenarioModel {
  const r = runScenario("base", overrides);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** The double's workbook, read in the page: sheet name → { "row,col": content }. */
async function workbook(): Promise<Record<string, Record<string, unknown>>> {
  return page.evaluate(() => {
    const x = (window as any).__excelDouble;
    const out: Record<string, Record<string, unknown>> = {};
    // Cells with no content (only a format, or content written as "") are left out.
    for (const s of x.sheets)
      out[s.name] = Object.fromEntries([...s.cells].filter(([, c]: [string, { formula?: unknown }]) => c.formula !== undefined && c.formula !== "").map(([k, c]: [string, { formula?: unknown }]) => [k, c.formula]));
    return out;
  });
}

const colLetter = (c: number) => String.fromCharCode(64 + c);
const cell = (address: string): Locator => gridCell(page, address);
const outcome = () => page.getByRole("region", { name: "Sheets" }).locator("[aria-live]");



/** Opens a section of the pane that is collapsed (its heading is a button with aria-expanded="false"). */
async function openSection(title: string | RegExp): Promise<void> {
  // The heading's button (it has aria-expanded; the contents' links have not), once its chunk has loaded.
  const toggle = page.locator("#container").getByRole("heading", { level: 2, name: title }).getByRole("button");
  await toggle.waitFor({ state: "visible", timeout: 30_000 });
  if ((await toggle.getAttribute("aria-expanded")) === "false") await toggle.click();
}

/** The keyboard focus: the focused element's tag, type, value and whether it is inside the pane's scrolled view. */
async function focused(): Promise<{ tag: string; type: string | null; value: string | null; inView: boolean }> {
  return page.evaluate(() => {
    const e = document.activeElement as HTMLInputElement | null;
    const pane = document.querySelector(".pane")!.getBoundingClientRect();
    const r = e?.getBoundingClientRect();
    return { tag: e?.tagName.toLowerCase() ?? "", type: e?.getAttribute("type") ?? null, value: e?.value ?? null, inView: !!r && r.top >= pane.top && r.bottom <= pane.bottom && r.height > 0 };
  });
}

async function buildAndWait(button: "Build sheets" | "Refresh"): Promise<string> {
  const before = await page.locator("#workbook").getAttribute("data-updates");
  await page.getByRole("button", { name: button, exact: true }).click({ timeout: 10_000 });
  await outcome().getByText(/^(Built|Refreshed) \d+ sheets|Nothing was changed|did not finish|Correct the cell|put back/).waitFor({ timeout: 30_000 });
  // The grid redraws after the build's syncs (a refused refresh may make none).
  await page.waitForFunction((b) => document.getElementById("workbook")?.dataset.updates !== b, before, { timeout: 5_000 }).catch(() => undefined);
  return outcome().innerText();
}

(chromiumAvailable() ? describe : describe.skip)("the preview page: the task pane beside an in-memory workbook, in Chromium", () => {
  let inputsRow: number;
  let copyCol: number;
  let priceAddress: string;

  beforeAll(async () => {
    preview = await openPreview({ viewport: VIEWPORT });
    ({ dist, server, page, problems, isolation } = preview);
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await preview?.close();
    if (artifacts && !process.env.E2E_ARTIFACTS) fs.rmSync(artifacts, { recursive: true, force: true });
    console.warn(`[measured] preview e2e: ${((Date.now() - started) / 1000).toFixed(1)} s including the production build`);
  });

  test("the page runs the production pane over the double: its bundles from the local server, no office.js, a CSP without Microsoft", () => {
    expect(server?.log).toEqual(expect.arrayContaining(["GET /preview.html 200", "GET /preview.js 200", "GET /taskpane.js 200", "GET /functions.js 200", "GET /preview.css 200"]));
    expect(server?.log.filter((line) => !line.endsWith(" 200"))).toEqual([]);
    expect(isolation.officeJsServed()).toBe(0);
    expect(isolation.blocked).toEqual([]);
    const html = fs.readFileSync(path.join(dist!.dir, "preview.html"), "utf8");
    expect(html).toMatch(/Content-Security-Policy content="default-src 'self'; script-src 'self';/);
    expect(html).not.toContain("microsoft.com");
    // The preview's code (the double, the evaluator) is in preview.js only, never in the pane's bundles.
    for (const f of fs.readdirSync(dist!.dir).filter((n) => n.endsWith(".js") && n !== "preview.js")) {
      expect([f, fs.readFileSync(path.join(dist!.dir, f), "utf8").includes("PropertyNotLoaded")]).toEqual([f, false]);
    }
    expect(fs.readFileSync(path.join(dist!.dir, "preview.js"), "utf8")).toContain("PropertyNotLoaded");
  });

  test("the pane starts inside 'Excel' beside a workbook with one empty Sheet1", async () => {
    expect(await page.getByText("Not running inside Excel").count()).toBe(0);
    const tabs = page.getByRole("tablist", { name: "Sheets" }).getByRole("tab");
    expect(await tabs.allInnerTexts()).toEqual(["Sheet1"]);
    // The workbook's status line (its wording is the viewer's): one sheet, nothing written yet.
    expect(await page.locator("#workbook").getByRole("status").first().innerText()).toMatch(/^1 sheet\b/);
  });

  test("an invalid assumption in the form shows the model's message; a valid one is taken", async () => {
    await page.getByRole("button", { name: "Duplicate base", exact: true }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Duplicate", exact: true }).click();
    // The new scenario's card is scrolled into view and has the focus (not the page's body).
    await page.getByRole("dialog").waitFor({ state: "detached", timeout: 5_000 });
    await page.waitForFunction((name) => (document.activeElement as HTMLInputElement | null)?.value === name, COPY, { timeout: 5_000 });
    expect(await focused()).toEqual({ tag: "input", type: "radio", value: COPY, inView: true });
    await openSection(/^Assumptions/);
    const t1 = page.getByRole("textbox", { name: /^Tranche 1 \(initial contracts\): critical IT load \(MW\)/ });
    expect(await t1.isEditable()).toBe(true);
    await t1.fill("-5");
    await t1.press("Enter");
    await page.getByText('t1_mw must be a number of MW from 0 to 5000, got "-5"').waitFor({ timeout: 5_000 });
    expect(await t1.getAttribute("aria-invalid")).toBe("true");
    // Build is refused while the field is invalid, naming it, with a way to go to it.
    const build = page.getByRole("button", { name: "Build sheets", exact: true });
    expect(await build.getAttribute("aria-disabled")).toBe("true");
    await page.getByText(/^Build refused: 1 field is not valid — "base copy" · Tranche 1 \(initial contracts\): critical IT load \(t1_mw\) = "-5"/).first().waitFor({ timeout: 5_000 });
    await build.click({ force: true });
    expect(await page.evaluate(() => (window as any).__excelDouble.syncCount)).toBe(0);
    await t1.fill("300");
    await t1.press("Enter");
    await page.getByRole("button", { name: "Reset t1_mw to default" }).waitFor({ timeout: 5_000 });
    expect(await page.getByText(/t1_mw must be/).count()).toBe(0);
    expect(await build.getAttribute("aria-disabled")).not.toBe("true");
    expect(await page.getByLabel(`Build ${COPY}`).isChecked()).toBe(true);
  });

  test("Build sheets writes the sheets; the grid shows them with computed values, and each formula on hover and click", async () => {
    // The four built-ins (base, seed, bull, bear) and the copy.
    expect(await buildAndWait("Build sheets")).toMatch(/^Built \d+ sheets for 5 scenarios\b/);
    const tabs = await page.getByRole("tablist", { name: "Sheets" }).getByRole("tab").allInnerTexts();
    expect(tabs).toEqual(["Sheet1", ...Object.values(SHEET_NAMES)]);
    // The first sheet built is shown.
    expect(await page.getByRole("tab", { selected: true }).innerText()).toBe(SHEET_NAMES.inputs);

    const wb = await workbook();
    const inputs = wb[SHEET_NAMES.inputs];
    inputsRow = Number(Object.entries(inputs).find(([k, v]) => v === "t1_mw" && k.endsWith(`,${INPUTS.keyCol}`))![0].split(",")[0]);
    copyCol = Number(Object.entries(inputs).find(([k, v]) => v === COPY && k.startsWith(`${INPUTS.headerRow},`))![0].split(",")[1]);
    expect(inputs[`${inputsRow},${copyCol}`]).toBe(300);
    const inputFormat = await page.evaluate(([r, c]) => (window as any).__excelDouble.sheet("CORZ Inputs").cells.get(`${r},${c}`).numberFormat, [inputsRow, copyCol]);
    expect(await cell(`${colLetter(copyCol)}${inputsRow}`).innerText()).toBe(formatValue(300, inputFormat));

    // The Summary's price per MW-year of the copy (it moves with t1_mw): a formula in the double, the model's number in the grid.
    const summary = wb[SHEET_NAMES.summary];
    const col = Number(Object.entries(summary).find(([k, v]) => v === COPY && k.startsWith(`${SUMMARY.headerRow},`))![0].split(",")[1]);
    const row = SUMMARY.firstRow + SUMMARY_METRICS.findIndex((m) => m.id === "price");
    priceAddress = `${colLetter(col)}${row}`;
    const formula = summary[`${row},${col}`];
    expect(typeof formula === "string" && formula.startsWith("=")).toBe(true);
    await showSheet(page, SHEET_NAMES.summary);
    const format = await page.evaluate(([r, c]) => (window as any).__excelDouble.sheet("CORZ Summary").cells.get(`${r},${c}`).numberFormat, [row, col]);
    const price = model([["t1_mw", 300]]).pricePerMwYear;
    expect(Math.abs(price - model([]).pricePerMwYear)).toBeGreaterThan(1000);
    expect(await cell(priceAddress).innerText()).toBe(formatValue(price, format));
    expect(await cell(priceAddress).getAttribute("title")).toBe(`${priceAddress}: ${formula}`);
    await cell(priceAddress).click();
    expect(await page.getByLabel("Formula bar").inputValue()).toBe(formula);
    expect(await page.getByLabel("Selected cell").innerText()).toBe(`${SHEET_NAMES.summary}!${priceAddress}`);
    expect(await page.getByLabel("Computed value").innerText()).toBe(`= ${formatValue(price, format)}`);

    artifacts = process.env.E2E_ARTIFACTS ?? fs.mkdtempSync(path.join(os.tmpdir(), "corz-e2e-"));
    fs.mkdirSync(artifacts, { recursive: true });
    const shot = path.join(artifacts, "preview-built.png");
    await page.screenshot({ path: shot });
    const png = fs.readFileSync(shot);
    expect(pngSize(png)).toEqual(VIEWPORT);
    expect(png.length).toBeGreaterThan(30_000);
    // A small copy for people to look at (tests/e2e/screenshots/ keeps one from a run).
    await page.screenshot({ path: path.join(artifacts, "preview-built.jpg"), type: "jpeg", quality: 35 });

    // The Valuation sheet: the live block's value is DEAL_VALUE's for the live scenario (base), shown formatted.
    await showSheet(page, SHEET_NAMES.valuation);
    const valuation = wb[SHEET_NAMES.valuation];
    const valueRow = Math.min(...Object.entries(valuation).filter(([, v]) => typeof v === "string" && v.startsWith('="Value of free cash flow')).map(([k]) => Number(k.split(",")[0])));
    const valueFormat = await page.evaluate((r) => (window as any).__excelDouble.sheet("CORZ Valuation").cells.get(`${r},3`).numberFormat, valueRow);
    const value = dealValue(model([]));
    if (!value.ok) throw new Error(value.error.message);
    expect(await cell(`C${valueRow}`).innerText()).toBe(formatValue(value.value, valueFormat));
    await page.screenshot({ path: path.join(artifacts, "preview-valuation.jpg"), type: "jpeg", quality: 35 });
  });

  test("an input typed over in the workbook recalculates in the grid and is kept by Refresh", async () => {
    await showSheet(page, SHEET_NAMES.inputs);
    const address = `${colLetter(copyCol)}${inputsRow}`;
    await typeInto(page, address, "350");
    await showSheet(page, SHEET_NAMES.summary);
    const format = await page.evaluate((a) => (window as any).__excelDouble.sheet("CORZ Summary").get(a).numberFormat, priceAddress);
    expect(await cell(priceAddress).innerText()).toBe(formatValue(model([["t1_mw", 350]]).pricePerMwYear, format));

    const text = await buildAndWait("Refresh");
    expect(text).toMatch(/^Refreshed \d+ sheets/);
    expect(text).toContain(`t1_mw in ${COPY} (${SHEET_NAMES.inputs}!${address})`);
    const wb = await workbook();
    expect(wb[SHEET_NAMES.inputs][`${inputsRow},${copyCol}`]).toBe(350);
    expect(await cell(priceAddress).innerText()).toBe(formatValue(model([["t1_mw", 350]]).pricePerMwYear, format));
  });

  test("a refresh that fails part-way through its write leaves every cell, the typed one too, as it was, and says so", async () => {
    const address = `${colLetter(copyCol)}${inputsRow}`;
    const before = await workbook();
    expect(before[SHEET_NAMES.inputs][`${inputsRow},${copyCol}`]).toBe(350);
    // Excel refuses the write request after 400 of its operations (the two reads go through).
    await page.evaluate(() => {
      const x = (window as any).__excelDouble;
      x.failAt = { sync: x.syncCount + 3, afterOps: 400 };
    });
    const text = await buildAndWait("Refresh");
    await page.evaluate(() => {
      (window as any).__excelDouble.failAt = undefined;
    });
    expect(text).toContain("The build failed part-way; the CORZ sheets were put back as they were and your typed inputs are unchanged.");
    expect(text).toMatch(/Excel refused the build \(GeneralException \(injected at sync \d+, operation 400\)\) at write request 1 of 1\. Everything it had changed was put back/);
    expect(await workbook()).toEqual(before);
    await showSheet(page, SHEET_NAMES.inputs);
    const format = await page.evaluate(([r, c]) => (window as any).__excelDouble.sheet("CORZ Inputs").cells.get(`${r},${c}`).numberFormat, [inputsRow, copyCol]);
    expect(await cell(address).innerText()).toBe(formatValue(350, format));
    await page.screenshot({ path: path.join(artifacts!, "preview-refresh-failed.png") });
    // The next refresh goes through and still keeps the typed value.
    expect(await buildAndWait("Refresh")).toMatch(/^Refreshed \d+ sheets/);
    expect((await workbook())[SHEET_NAMES.inputs][`${inputsRow},${copyCol}`]).toBe(350);
  });

  test("an invalid value typed into an input cell stops the refresh, naming the cell", async () => {
    await showSheet(page, SHEET_NAMES.inputs);
    const address = `${colLetter(copyCol)}${inputsRow}`;
    await typeInto(page, address, "lots");
    const syncs = await page.evaluate(() => (window as any).__excelDouble.syncCount);
    const text = await buildAndWait("Refresh");
    expect(text).toContain(`${SHEET_NAMES.inputs}!${address} (t1_mw, ${COPY})`);
    expect(text).toContain("Correct the cell and build again.");
    // Nothing was written: the refresh only read the workbook.
    expect((await workbook())[SHEET_NAMES.inputs][`${inputsRow},${copyCol}`]).toBe("lots");
    expect(await page.evaluate(() => (window as any).__excelDouble.syncCount)).toBeLessThanOrEqual(syncs + 2);
    await typeInto(page, address, "350");
    expect(await buildAndWait("Refresh")).toMatch(/^Refreshed \d+ sheets/);
  });

  test("a CORZ function typed into a cell computes through the functions the page associated", async () => {
    await showSheet(page, "Sheet1");
    await typeInto(page, "A1", "=CORZ.DEAL_REVENUE(2027)");
    await typeInto(page, "A2", "=CORZ.DEAL_REVENUE(2027.5)");
    expect(await cell("A1").innerText()).toBe(formatValue(yearRow(model([]), 2027).revenue));
    expect(await cell("A2").innerText()).toBe("#VALUE!");
    const shot = path.join(artifacts!, "preview-function.png");
    await page.screenshot({ path: shot });
    expect(pngSize(fs.readFileSync(shot))).toEqual(VIEWPORT);
  });

  test("every dropdown of the pane opens over the page, which stays visible, and takes an option picked with the mouse", async () => {
    await openSection("Peers");
    await openSection("Risk (Monte Carlo)");
    const pane = page.locator("#container");
    const boxes = pane.getByRole("combobox");
    // Peers: group, statistic, multiple; Risk: scenario.
    expect(await boxes.count()).toBeGreaterThanOrEqual(4);
    const implied = pane.getByRole("region", { name: "Implied value" });
    const impliedBefore = await implied.innerText();
    for (let i = 0; i < (await boxes.count()); i++) {
      const box = boxes.nth(i);
      const before = (await box.innerText()).trim();
      await box.click();
      const listbox = page.getByRole("listbox");
      await listbox.waitFor({ state: "visible", timeout: 5_000 });
      // Nothing hides the workbook while the list is open.
      expect({ box: before, layers: await layersOver(page, "#workbook") }).toEqual({ box: before, layers: [] });
      if (i === 0) await page.screenshot({ path: path.join(artifacts!, "pane-preview-dropdown-open.jpg"), type: "jpeg", quality: 40 });
      const options = listbox.getByRole("option");
      const names = (await options.allInnerTexts()).map((t) => t.trim());
      const pick = names.findIndex((n) => n !== before);
      expect(pick).toBeGreaterThanOrEqual(0);
      await options.nth(pick).click();
      await listbox.waitFor({ state: "hidden", timeout: 5_000 });
      expect((await box.innerText()).trim()).toBe(names[pick]);
    }
    // The Peers choices changed the implied value the pane shows.
    expect(await implied.innerText()).not.toBe(impliedBefore);
    await page.screenshot({ path: path.join(artifacts!, "pane-preview-after-dropdowns.jpg"), type: "jpeg", quality: 40 });
  });

  test("a dialog dims the page behind it without hiding it; axe finds no serious or critical problem, with a dialog and a dropdown open too", async () => {
    // The whole page, the workbook grid (tested on its own in tests/e2e/previewTool.e2e.test.ts) included.
    const reports: Record<string, Awaited<ReturnType<typeof runAxe>>> = {};
    reports.page = await runAxe(page);

    await openSection("Scenarios");
    await page.getByRole("button", { name: `Rename ${COPY}`, exact: true }).click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor({ state: "visible", timeout: 5_000 });
    await animationsDone(page);
    // Over the workbook: the dialog's own box and a dimmed, see-through backdrop; nothing opaque besides.
    const layers = await layersOver(page, "#workbook");
    expect(layers.filter((l) => !l.seeThrough && !l.inDialog)).toEqual([]);
    expect(layers.filter((l) => l.seeThrough && !l.inDialog).length).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(artifacts!, "pane-preview-dialog.jpg"), type: "jpeg", quality: 40 });
    reports.dialog = await runAxe(page);
    await dialog.getByRole("button", { name: "Cancel", exact: true }).click();
    await dialog.waitFor({ state: "detached", timeout: 5_000 });

    const box = page.locator("#container").getByRole("combobox").first();
    await box.click();
    await page.getByRole("listbox").waitFor({ state: "visible", timeout: 5_000 });
    await animationsDone(page);
    reports.dropdown = await runAxe(page);
    await page.keyboard.press("Escape");
    await page.getByRole("listbox").waitFor({ state: "hidden", timeout: 5_000 });

    console.warn(`[measured] axe on the whole preview page (light theme): ${Object.entries(reports).map(([k, r]) => `${k}: ${axeSummary(r)}`).join("; ")}`);
    for (const [k, r] of Object.entries(reports)) expect({ state: k, serious: seriousViolations(r) }).toEqual({ state: k, serious: [] });
    // The page has its one main landmark (the pane's markup has none of its own).
    for (const [k, r] of Object.entries(reports)) expect({ state: k, ids: r.violations.map((v) => v.id).filter((id) => id.startsWith("landmark")) }).toEqual({ state: k, ids: [] });
  });

  test("no uncaught error, console error or warning (CSP violations included), and nothing left the machine", () => {
    expect(problems).toEqual([]);
    expect(isolation.blocked).toEqual([]);
    expect(isolation.officeJsServed()).toBe(0);
  });
});
