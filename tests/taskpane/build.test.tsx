/**
 * Building and refreshing the sheets from the pane, over the real gateway and adapter and the
 * strict Excel double: progress while it runs, the report after, Refresh once built, the
 * user's edits kept (or reset after asking), and a failure reported as what it left in the
 * workbook (unchanged, restored, uncertain), each in its own words.
 */
import { act, fireEvent, screen, within } from "@testing-library/react";
import { REGISTRY_SETTING } from "../../src/excel/registry";
import { makeGateway } from "../../src/excel/gateway";
import { SHEET_NAMES } from "../../src/plan/layout";
import type { WorkbookAfterFailure } from "../../src/excel/apply";
import { ExcelDouble } from "../support/excelDouble";
import { plan, scenario, inputsRow } from "../support/plan";
import { button, dialog, field, gatedRunner, input, memorySettings, noDialog, queryButton, renderPane } from "./harness";
import { BUILT_IN_NAMES } from "../../src/model/paneState";

const successText = (text: string | RegExp) => screen.findByText(text, undefined, { timeout: 10000 });

/** The sheets a build writes, from the plan (five today: Inputs, Deal, Capacity, Summary, Checks). */
const SHEETS = plan().sheets.map((s) => s.name);
/**
 * The default build is the four built-in scenarios (base, seed, bull, bear). The rest of the
 * sentence (how the adapter reached the workbook) is the adapter's wording, tested with it.
 */
const reportFor = (verb: "Built" | "Refreshed", scenarios = 4) => new RegExp(`^${verb} ${SHEETS.length} sheets for ${scenarios} scenarios\\b`);

async function buildOnce() {
  fireEvent.click(button("Build sheets"));
  await successText(reportFor("Built"));
}

test("Build sheets shows progress while it runs, then the report; the double has the five sheets and the button reads Refresh", async () => {
  const x = new ExcelDouble();
  const gate = gatedRunner(x);
  const { settings } = renderPane({ x, run: gate.run });
  expect(queryButton("Refresh")).toBeNull();
  fireEvent.click(button("Build sheets"));

  // Running: a progress bar, and the button cannot start a second build.
  expect(screen.getByRole("progressbar")).toBeTruthy();
  expect(screen.getByText("Building the sheets…")).toBeTruthy();
  expect(button("Build sheets").getAttribute("aria-disabled")).toBe("true");
  fireEvent.click(button("Build sheets"));
  expect(x.syncCount).toBe(0);

  await act(async () => gate.release());
  await successText(reportFor("Built"));
  expect(screen.queryByRole("progressbar")).toBeNull();
  expect(x.sheets.map((s) => s.name)).toEqual(SHEETS);
  expect(SHEETS.length).toBeGreaterThanOrEqual(5);
  expect(x.syncCount).toBe(3);
  expect(typeof settings.data[REGISTRY_SETTING]).toBe("string");
  expect(button("Refresh").getAttribute("aria-disabled")).toBeNull();
  expect(queryButton("Build sheets")).toBeNull();
  expect(button("Refresh and reset edited inputs")).toBeTruthy();
});

test("a workbook that already has the add-in's sheets opens with Refresh", async () => {
  const x = new ExcelDouble();
  const settings = memorySettings();
  const built = await makeGateway(x.run, settings).build([scenario("base")]);
  expect(built.ok).toBe(true);
  renderPane({ x, settings });
  expect(button("Refresh")).toBeTruthy();
  fireEvent.click(button("Refresh"));
  await successText(reportFor("Refreshed"));
  expect(x.sheets).toHaveLength(SHEETS.length);
});

test("a refresh after the user edited an input cell keeps the edit and says so", async () => {
  const { x } = renderPane();
  await buildOnce();
  const cell = `E${inputsRow("t1_mw")}`;
  x.sheet(SHEET_NAMES.inputs).set(cell, 150);
  fireEvent.click(button("Refresh"));
  await successText(reportFor("Refreshed"));
  expect(screen.getByText(`Kept your edits: t1_mw in base (CORZ Inputs!${cell}).`)).toBeTruthy();
  expect(x.sheet(SHEET_NAMES.inputs).value(cell)).toBe(150);
});

test("Refresh and reset edited inputs asks first: Cancel does nothing, yes writes the scenario's value back", async () => {
  const { x } = renderPane();
  await buildOnce();
  const cell = `E${inputsRow("t1_mw")}`;
  x.sheet(SHEET_NAMES.inputs).set(cell, 150);
  x.syncCount = 0;

  fireEvent.click(button("Refresh and reset edited inputs"));
  fireEvent.click(button("Cancel", dialog("Reset edited inputs?")));
  expect(noDialog()).toBe(true);
  expect(x.syncCount).toBe(0);
  expect(x.sheet(SHEET_NAMES.inputs).value(cell)).toBe(150);

  fireEvent.click(button("Refresh and reset edited inputs"));
  fireEvent.click(button("Refresh and reset", dialog("Reset edited inputs?")));
  await successText(reportFor("Refreshed"));
  expect(screen.queryByText(/Kept your edits/)).toBeNull();
  expect(x.sheet(SHEET_NAMES.inputs).value(cell)).toBe(200); // base's tranche 1, as filed
});

test("the user's scenario is built as a column beside the built-ins, with its own value", async () => {
  const { x } = renderPane();
  fireEvent.click(button("New scenario"));
  fireEvent.change(input(/^Scenario name/), { target: { value: "Late sites" } });
  fireEvent.click(button("Create", dialog("New scenario")));
  const t1 = field("t1_mw");
  fireEvent.change(t1, { target: { value: "150" } });
  fireEvent.keyDown(t1, { key: "Enter" });
  fireEvent.click(button("Build sheets"));
  await successText(reportFor("Built", 5));
  const inputs = x.sheet(SHEET_NAMES.inputs);
  expect(["E6", "F6", "G6", "H6", "I6"].map((c) => inputs.value(c))).toEqual(["base", "seed", "bull", "bear", "Late sites"]);
  expect(inputs.value(`I${inputsRow("t1_mw")}`)).toBe(150);
  expect(inputs.value(`E${inputsRow("t1_mw")}`)).toBe(200);
  expect(inputs.value(`F${inputsRow("t1_mw")}`)).toBe(198); // the seed's
});

const TITLES: Record<WorkbookAfterFailure, string> = {
  unchanged: "Nothing was changed in the workbook.",
  restored: "The build failed part-way; the CORZ sheets were put back as they were and your typed inputs are unchanged.",
  uncertain: "The build failed and the CORZ sheets could not all be put back: check them before relying on them.",
};

test("a build that fails shows the error, and the workbook is left as it was", async () => {
  const x = new ExcelDouble();
  const mine = x.addSheet("Sheet1", { A1: "my data" });
  x.failAt = { sync: 3, afterOps: 10 };
  renderPane({ x });
  fireEvent.click(button("Build sheets"));
  // The adapter says which of the two it did (nothing written, or its sheets taken away again).
  const title = await successText(new RegExp(`^(${TITLES.unchanged}|${TITLES.restored.replace(/[.;]/g, "\\$&")})$`));
  const bar = title.closest(".fui-MessageBar") as HTMLElement;
  expect(within(bar).getByText(/^Excel refused the build\W.*injected at sync 3/)).toBeTruthy();
  expect(x.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  expect(mine.snapshot()).toEqual({ A1: "my data" });
  // Nothing was built, so the action is still a first build.
  expect(button("Build sheets").getAttribute("aria-disabled")).toBeNull();
});

test("an unreadable record of the add-in's sheets is reported as a warning beside the result", async () => {
  const { x } = renderPane({ settings: memorySettings({ [REGISTRY_SETTING]: "{broken" }) });
  fireEvent.click(button("Refresh"));
  await successText(reportFor("Built"));
  expect(screen.getByText(/The record of the sheets this add-in wrote could not be read/)).toBeTruthy();
  expect(x.sheets).toHaveLength(SHEETS.length);
});

test("with nothing ticked, building is disabled and says why", () => {
  const { x } = renderPane();
  for (const name of BUILT_IN_NAMES) fireEvent.click(input(`Build ${name}`));
  const build = button("Build sheets");
  expect(build.getAttribute("aria-disabled")).toBe("true");
  const why = document.getElementById(build.getAttribute("aria-describedby")!);
  expect(why?.textContent).toBe("Tick at least one scenario to build.");
  fireEvent.click(build);
  expect(x.syncCount).toBe(0);
});

test("a sheet and a defined name of the user's are kept, and the report says what was renamed and left alone", async () => {
  const x = new ExcelDouble();
  const mine = x.addSheet(SHEET_NAMES.inputs, { A1: "my notes" });
  x.names.set("CORZ_term_years", { reference: "=Sheet9!A1" });
  renderPane({ x });
  await buildOnce();
  expect(screen.getByText(`Renamed ${SHEET_NAMES.inputs} → ${SHEET_NAMES.inputs} (2) (a sheet of yours already has that name).`)).toBeTruthy();
  expect(screen.getByText("Left your defined names as they were (not updated): CORZ_term_years.")).toBeTruthy();
  expect(mine.snapshot()).toEqual({ A1: "my notes" });
  expect(x.names.get("CORZ_term_years")?.reference).toBe("=Sheet9!A1");
});

test("a refresh refused for a value typed on CORZ Inputs says nothing was changed, naming the cell", async () => {
  const { x } = renderPane();
  await buildOnce();
  // Bull's column: base E, seed F, bull G.
  const cell = `G${inputsRow("term_years")}`;
  x.sheet(SHEET_NAMES.inputs).set(cell, -3);
  fireEvent.click(button("Refresh"));
  const title = await successText(TITLES.unchanged);
  const bar = title.closest(".fui-MessageBar") as HTMLElement;
  expect(within(bar).getByText(new RegExp(`^CORZ Inputs!${cell} \\(term_years, bull\\): term_years must be a whole number`))).toBeTruthy();
  expect(x.sheet(SHEET_NAMES.inputs).value(cell)).toBe(-3);
});

test.each<[Exclude<WorkbookAfterFailure, "unchanged">, string]>([
  ["restored", "Excel refused the write at sync 3; every cell written was put back."],
  ["uncertain", "Putting the sheets back failed. Check CORZ Inputs!E12:E14; your typed values were t1_mw in base = 150."],
])("a failed build the adapter reports as %s is titled so, with its message", async (workbook, message) => {
  renderPane({ wrap: (g) => ({ ...g, build: async () => ({ ok: false, message, syncs: 3, workbook }) }) });
  fireEvent.click(button("Build sheets"));
  const title = await successText(TITLES[workbook]);
  const bar = title.closest(".fui-MessageBar") as HTMLElement;
  expect(within(bar).getByText(message)).toBeTruthy();
  expect(screen.queryByText(TITLES.unchanged)).toBeNull();
});

test("a failure around the build (the gateway throws) is the uncertain kind", async () => {
  renderPane({ wrap: (g) => ({ ...g, build: () => Promise.reject(new Error("the settings could not be read")) }) });
  fireEvent.click(button("Build sheets"));
  const title = await successText(TITLES.uncertain);
  expect(within(title.closest(".fui-MessageBar") as HTMLElement).getByText("The settings could not be read.")).toBeTruthy();
});
