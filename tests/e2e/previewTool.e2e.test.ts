/**
 * The preview page as a tool, in the system's Chromium: a person builds the sheets through the
 * pane (with a scenario of their own), sees the charts drawn, types a spilling CORZ function and
 * an erroneous one (the message on hover), moves around the grid with the keyboard, reloads and
 * finds the sheets and the scenario still there, exports the workbook to .xlsx (re-read here with
 * exceljs: the same sheets and formulas as the page's workbook), saves the scenarios as .json, and
 * starts again after a damaged saved copy. axe-core finds nothing serious on the workbook.
 *
 * Off CI a machine without Chromium skips this file with a loud notice; with CI=true it fails.
 * With E2E_ARTIFACTS set, screenshots go to tests/e2e/screenshots/preview-*.png.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Locator, Page } from "playwright-core";
import { parseScenarioFile } from "../../src/model/paneState";
import { chartData } from "../../src/preview/chart";
import { Evaluator, bookOf } from "../../src/preview/formula";
import { ChartState, ExcelDouble } from "../../src/preview/excelDouble";
import { formatValue } from "../../src/preview/format";
import type { BuildResult } from "../support/build";
import { axeSummary, chromiumAvailable, runAxe } from "../support/browser";
import { PreviewSession, gridCell, openPreview, showSheet, typeInto } from "../support/previewGrid";

const SETUP_TIMEOUT_MS = 240_000;
const VIEWPORT = { width: 1400, height: 900 };
const COPY = "base copy";
const SCREENSHOTS = path.join(__dirname, "screenshots");

let preview: PreviewSession | undefined;
let dist: BuildResult | undefined;
let page: Page;
let problems: string[] = [];
const downloads = fs.mkdtempSync(path.join(os.tmpdir(), "corz-preview-downloads-"));
const started = Date.now();

const cell = (address: string): Locator => gridCell(page, address);
const outcome = () => page.getByRole("region", { name: "Sheets" }).locator("[aria-live]");

async function shot(name: string, target?: Locator): Promise<void> {
  if (!process.env.E2E_ARTIFACTS) return;
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await (target ?? page).screenshot({ path: path.join(SCREENSHOTS, `preview-${name}.png`), type: "png" });
}

/** The double's cells, read in the page: sheet name → { "row,col": content }, in sheet order. */
async function workbook(): Promise<[string, Record<string, unknown>][]> {
  return page.evaluate(() =>
    (window as any).__excelDouble.sheets.map((s: any) => [s.name, Object.fromEntries([...s.cells].filter(([, c]: [string, any]) => c.formula !== undefined && c.formula !== "").map(([k, c]: [string, any]) => [k, c.formula]))]),
  );
}



/** Waits until the page has kept the workbook in the browser since `before` saves. */
async function savedSince(before: string | null): Promise<void> {
  await page.waitForFunction((b) => document.getElementById("workbook")?.dataset.saved !== b && document.getElementById("workbook")?.dataset.saved !== undefined, before, { timeout: 15_000 });
}

async function reload(): Promise<void> {
  await page.reload({ waitUntil: "load" });
  await page.getByRole("heading", { level: 1, name: "CORZ HPC Deal Model", exact: true }).waitFor({ timeout: 30_000 });
  await page.getByRole("tablist", { name: "Sheets" }).waitFor();
}


(chromiumAvailable() ? describe : describe.skip)("the preview page as a tool: charts, spills, messages, keyboard, kept, exported", () => {
  let chartSheet: string;

  beforeAll(async () => {
    preview = await openPreview({ viewport: VIEWPORT, acceptDownloads: true });
    ({ dist, page, problems } = preview);
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await preview?.close();
    fs.rmSync(downloads, { recursive: true, force: true });
    console.warn(`[measured] preview tool e2e: ${((Date.now() - started) / 1000).toFixed(1)} s including the production build`);
  });

  test("exceljs is a chunk of its own, loaded by the preview only: not in taskpane.js, functions.js or preview.js", () => {
    const js = fs.readdirSync(dist!.dir).filter((f) => f.endsWith(".js"));
    const withExceljs = js.filter((f) => fs.readFileSync(path.join(dist!.dir, f), "utf8").includes("xl/workbook.xml"));
    expect(withExceljs).toHaveLength(1);
    expect(["taskpane.js", "functions.js", "preview.js"]).not.toContain(withExceljs[0]);
    console.warn(`[measured] the preview's export chunk ${withExceljs[0]}: ${(fs.statSync(path.join(dist!.dir, withExceljs[0])).size / 1024).toFixed(0)} KiB minified`);
  });

  test("a scenario of one's own, Build sheets: the status line says how many sheets and when, in plain words", async () => {
    await page.getByRole("button", { name: "Duplicate base", exact: true }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Duplicate", exact: true }).click();
    await page.getByRole("dialog").waitFor({ state: "detached", timeout: 5_000 });
    await page.getByRole("button", { name: "Build sheets", exact: true }).click({ timeout: 10_000 });
    await outcome().getByText(/^Built \d+ sheets/).waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => document.querySelectorAll("#workbook [role=tab]").length > 2, undefined, { timeout: 10_000 });
    const status = await page.locator("#workbook-status").innerText();
    expect(status).toMatch(/^\d+ sheets\. Last change \d\d:\d\d:\d\d\.$/);
    expect(status).not.toMatch(/round trip|sync/i);
  });

  test("each sheet's charts are drawn as SVG at their anchor, one series per chart series and one mark per number", async () => {
    // The workbook's cells and charts, evaluated here in node: a mark for each value that is a number.
    const state: { sheets: [string, Record<string, string | number | boolean>, ChartState[]][]; names: [string, { reference: string }][] } = await page.evaluate(() => {
      const x = (window as any).__excelDouble;
      const a1 = (k: string) => {
        const [r, c] = k.split(",").map(Number);
        let s = "";
        for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
        return `${s}${r}`;
      };
      return {
        sheets: x.sheets.map((s: any) => [s.name, Object.fromEntries([...s.cells].filter(([, c]: [string, any]) => c.formula !== undefined && c.formula !== "").map(([k, c]: [string, any]) => [a1(k), c.formula])), s.charts]),
        names: [...x.names],
      };
    });
    const here = new ExcelDouble();
    for (const [name, cells] of state.sheets) here.addSheet(name, cells);
    for (const [name, n] of state.names) here.names.set(name, n);
    const ev = new Evaluator(bookOf(here));
    const charts = state.sheets.flatMap(([sheet, , cs]) => cs.map((c) => ({ sheet, c, data: chartData(c, (s, r, col) => ev.value(s, r, col)) })));
    expect(charts.length).toBeGreaterThan(0);
    chartSheet = charts[0].sheet;
    for (const sheet of [...new Set(charts.map((c) => c.sheet))]) {
      await showSheet(page, sheet);
      for (const { c, data } of charts.filter((x) => x.sheet === sheet)) {
        const figure = page.locator(`#workbook figure.chart[data-chart="${c.name}"]`);
        await figure.waitFor();
        const svg = figure.locator("svg");
        expect(await svg.getAttribute("role")).toBe("img");
        const groups = svg.locator("g.series");
        expect([c.name, await groups.count()]).toEqual([c.name, c.series.length]);
        for (const [i, s] of data.series.entries()) {
          const marks = s.values.filter((v, j) => v !== null && (c.type !== "XYScatter" || typeof data.categories[j] === "number")).length;
          expect(marks).toBeGreaterThan(0);
          expect([c.name, i, await groups.nth(i).locator("rect, circle").count()]).toEqual([c.name, i, marks]);
        }
        expect(await svg.innerHTML()).not.toMatch(/NaN|Infinity/);
        // Tied to its anchor: the chart's top-left corner is its first cell's.
        const [box, anchor] = await Promise.all([figure.boundingBox(), cell(c.position![0]).boundingBox()]);
        expect([c.name, Math.abs(box!.x - anchor!.x) < 2, Math.abs(box!.y - anchor!.y) < 2]).toEqual([c.name, true, true]);
      }
    }
    await showSheet(page, chartSheet);
    await page.locator("#workbook figure.chart").first().scrollIntoViewIfNeeded();
    await shot("chart", page.locator("#workbook"));
  });

  test("frozen panes stay in view when the grid scrolls, with a divider", async () => {
    const frozen: [string, string][] = await page.evaluate(() => (window as any).__excelDouble.sheets.filter((s: any) => s.frozen).map((s: any) => [s.name, s.frozen]));
    expect(frozen.length).toBeGreaterThan(0);
    await showSheet(page, frozen[0][0]);
    const edge = page.locator("#workbook tr.frozen-edge td").first();
    const before = await edge.boundingBox();
    await page.locator("#workbook .grid-wrap").evaluate((e) => e.scrollBy(0, 600));
    const after = await edge.boundingBox();
    expect(Math.abs(after!.y - before!.y)).toBeLessThan(2);
    // An unfrozen row below did scroll away.
    const below = page.locator("#workbook tbody tr:not(.frozen-row) td").first();
    expect((await below.boundingBox())?.y ?? -1e9).toBeLessThan(before!.y + 1);
    expect(await edge.evaluate((e) => getComputedStyle(e).boxShadow)).toMatch(/inset/);
    await shot("frozen", page.locator("#workbook"));
  });

  test('=CORZ.DEAL_SCHEDULE("bear") spills its table as the function returns it; a cell in the way makes it #SPILL! with the reason', async () => {
    await showSheet(page, "Sheet1");
    await typeInto(page, "A1", '=CORZ.DEAL_SCHEDULE("bear")');
    const table: unknown[][] = await page.evaluate(() => (window as any).__associations.DEAL_SCHEDULE("bear"));
    expect(table.length).toBeGreaterThan(5);
    const letter = (c: number) => String.fromCharCode(65 + c);
    for (const [r, row] of table.slice(0, 4).entries())
      for (const [c, v] of row.slice(0, 4).entries()) expect([r, c, await cell(`${letter(c)}${r + 1}`).innerText()]).toEqual([r, c, formatValue(v as number | string)]);
    expect(await cell("B2").getAttribute("class")).toContain("spilled");
    await cell("B2").click();
    expect(await page.getByLabel("Formula bar").inputValue()).toBe('=CORZ.DEAL_SCHEDULE("bear")');
    await shot("spill", page.locator("#workbook"));

    await typeInto(page, "C3", "in the way");
    expect(await cell("A1").innerText()).toBe("#SPILL!");
    expect(await cell("A1").getAttribute("title")).toMatch(/C3 is in the way/);
    expect(await cell("A2").innerText()).toBe("");
    await typeInto(page, "C3", "");
    expect(await cell("A1").innerText()).toBe("Year");
  });

  test("an error cell shows its code, and its message on hover and in the formula bar", async () => {
    await typeInto(page, "J2", '=CORZ.DEAL_REVENUE(2027, "nope")');
    const message: string = await page.evaluate(() => {
      try {
        (window as any).__associations.DEAL_REVENUE(2027, "nope");
        return "";
      } catch (e) {
        return (e as Error).message;
      }
    });
    expect(message.length).toBeGreaterThan(10);
    expect(await cell("J2").innerText()).toBe("#N/A");
    await cell("J2").hover();
    expect(await cell("J2").getAttribute("title")).toContain(`#N/A: ${message}`);
    await cell("J2").click();
    expect(await page.getByLabel("Computed value").innerText()).toBe(`= #N/A: ${message}`);
    await shot("error", page.locator("#workbook"));
  });

  test("the grid is one Tab stop; arrows move the selection, Enter edits in the formula bar, Escape returns; axe finds nothing serious", async () => {
    expect(await page.locator("#workbook .grid-wrap [tabindex='0']").count()).toBe(1);
    await cell("B2").click();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowDown");
    const active = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.address ?? document.activeElement?.id ?? "");
    expect(await active()).toBe("C3");
    expect(await page.getByLabel("Selected cell").innerText()).toBe("Sheet1!C3");
    expect(await cell("C3").getAttribute("aria-selected")).toBe("true");
    await page.keyboard.press("Enter");
    expect(await active()).toBe("formula-bar");
    await page.keyboard.press("Escape");
    expect(await active()).toBe("C3");
    // Tab leaves the grid, Shift+Tab comes back to the selected cell.
    await page.keyboard.press("Tab");
    expect(await active()).not.toBe("C3");
    await page.keyboard.press("Shift+Tab");
    expect(await active()).toBe("C3");

    const report = await runAxe(page, { include: ["#workbook"] });
    console.warn(`[measured] axe on #workbook: ${axeSummary(report)}`);
    expect(report.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
    expect(report.violations.filter((v) => v.id === "scrollable-region-focusable" || v.id.startsWith("aria-"))).toEqual([]);
  });

  test("Export .xlsx downloads the workbook shown: the same sheets and formulas, read back with exceljs", async () => {
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), page.getByRole("button", { name: "Export .xlsx" }).click()]);
    expect(download.suggestedFilename()).toBe("corz-preview.xlsx");
    const file = path.join(downloads, "export.xlsx");
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const shown = await workbook();
    expect(wb.worksheets.map((w) => w.name)).toEqual(shown.map(([n]) => n));
    let formulas = 0;
    const differ: string[] = [];
    for (const [name, cells] of shown) {
      const ws = wb.getWorksheet(name)!;
      for (const [k, want] of Object.entries(cells)) {
        if (typeof want !== "string" || !want.startsWith("=")) continue;
        formulas++;
        const [r, c] = k.split(",").map(Number);
        const v = ws.getCell(r, c).value as { formula?: string } | null;
        if (`=${v?.formula}` !== want) differ.push(`${name}!${k}: ${want} became ${JSON.stringify(v)}`);
      }
    }
    expect(differ.slice(0, 5)).toEqual([]);
    expect(formulas).toBeGreaterThan(1000);
    console.warn(`[measured] exported .xlsx: ${(fs.statSync(file).size / 1024).toFixed(0)} KiB, ${wb.worksheets.length} sheets, ${formulas} formulas`);
    await page.getByRole("alert").getByText(/^Exported \d+ sheets/).waitFor();
  });

  test("Save scenarios (.json) downloads the pane's saved scenarios, with the scenario of one's own", async () => {
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 15_000 }), page.getByRole("button", { name: "Save scenarios (.json)" }).click()]);
    const file = path.join(downloads, "scenarios.json");
    await download.saveAs(file);
    const text = fs.readFileSync(file, "utf8");
    const json = JSON.parse(text);
    const saved = await page.evaluate(() => (window as any).__settings.saved.get("corz.pane"));
    // The pane keeps its state as JSON text; the file holds that state as an object.
    expect(json).toEqual(typeof saved === "string" ? JSON.parse(saved) : saved);
    // The file is what `npm run workbook -- --scenario-file` reads, with the scenario of one's own.
    const read = parseScenarioFile(text);
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.scenarios.map((s) => s.name)).toContain(COPY);
  });

  test("after a reload the sheets, the typed cells and the scenario of one's own are still there", async () => {
    const before = await workbook();
    await page.waitForFunction(() => document.getElementById("workbook")?.dataset.saved !== undefined, undefined, { timeout: 15_000 });
    // Let the last change be kept (the page saves shortly after each change).
    await page.waitForTimeout(1_000);
    await reload();
    const tabs = await page.getByRole("tablist", { name: "Sheets" }).getByRole("tab").allInnerTexts();
    expect(tabs).toEqual(before.map(([n]) => n));
    expect(await workbook()).toEqual(before);
    await page.getByLabel(`Build ${COPY}`).waitFor({ timeout: 15_000 });
    await showSheet(page, "Sheet1");
    // The CORZ function in A1 has its value once functions.js has associated the functions,
    // which may come after the first drawing of the restored workbook.
    await page.waitForFunction(() => document.querySelector('#workbook td[data-address="A1"]')?.textContent === "Year", undefined, { timeout: 15_000 });
    expect(await cell("A1").innerText()).toBe("Year");
    // The pane's record of the sheets it built came back too: Refresh finds them as its own.
    await page.getByRole("button", { name: "Refresh", exact: true }).click({ timeout: 10_000 });
    await outcome().getByText(/^Refreshed \d+ sheets/).waitFor({ timeout: 60_000 });
    expect(await page.getByRole("tablist", { name: "Sheets" }).getByRole("tab").allInnerTexts()).toEqual(before.map(([n]) => n));
    expect(problems).toEqual([]);
  });

  test("a damaged saved copy is refused with a notice and a new workbook; New workbook starts again after a confirmation", async () => {
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open("corz-preview", 1);
          req.onsuccess = () => {
            const tx = req.result.transaction("saved", "readwrite");
            tx.objectStore("saved").put('{"version":1,"workbook":{"sheets":[{"name":"X"}]}}', "workbook");
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          };
          req.onerror = () => reject(req.error);
        }),
    );
    await reload();
    await page.getByRole("alert").getByText(/could not be opened: sheet 1 has no name or id\. A new workbook was started/).waitFor({ timeout: 10_000 });
    expect(await page.getByRole("tablist", { name: "Sheets" }).getByRole("tab").allInnerTexts()).toEqual(["Sheet1"]);

    // Something to lose, then New workbook: a confirmation first.
    const saved = await page.locator("#workbook").getAttribute("data-saved");
    await typeInto(page, "A1", "kept?");
    await savedSince(saved);
    let asked = "";
    page.once("dialog", (d) => {
      asked = d.message();
      void d.accept();
    });
    await Promise.all([page.waitForEvent("load"), page.getByRole("button", { name: "New workbook" }).click()]);
    await page.getByRole("tablist", { name: "Sheets" }).waitFor();
    expect(asked).toMatch(/Start a new, empty workbook\?/);
    expect(await cell("A1").innerText()).toBe("");
    expect(await page.getByRole("alert").innerText()).toBe("");
  });
});
