/**
 * The pane's scenarios and assumptions over the real gateway and an in-memory settings store:
 * the built-in cases read-only, the user's created, renamed, duplicated and deleted, values
 * validated and reset, and every change saved in the workbook's settings; a corrupt saved
 * payload falls back to the defaults with a visible warning.
 */
import { act, fireEvent, screen, within } from "@testing-library/react";
import { BUILT_IN_NAMES } from "../../src/model/paneState";
import { PANE_SETTING } from "../../src/model/paneState";
import { button, dialog, input, memorySettings, noDialog, queryButton, renderPane, savedPane } from "./harness";

const radio = (name: string) => input(name);
const radios = () => screen.getAllByRole("radio").map((r) => r.getAttribute("value"));
const t1Mw = () => input(/^Tranche 1 \(initial contracts\): critical IT load \(MW\)/);
/** The built-in scenarios, in the model's order. */
const BUILT_INS = ["base", "seed", "bull", "bear"];
/** Lets the pane's queued save reach the settings store. */
const settle = () => act(async () => new Promise<void>((resolve) => setTimeout(resolve, 0)));

function createScenario(name?: string) {
  fireEvent.click(button("New scenario"));
  const d = dialog("New scenario");
  if (name !== undefined) fireEvent.change(input(/^Scenario name/), { target: { value: name } });
  fireEvent.click(button("Create", d));
}

test("base, seed, bull and bear are listed as built-in, read-only scenarios, all built", () => {
  renderPane();
  expect(BUILT_IN_NAMES).toEqual(BUILT_INS);
  expect(radios()).toEqual(BUILT_INS);
  expect(within(screen.getByRole("radiogroup")).getAllByText("built-in")).toHaveLength(4);
  // Built-ins can be duplicated and built, not renamed or deleted.
  for (const name of BUILT_INS) {
    expect(button(`Duplicate ${name}`)).toBeTruthy();
    expect(input(`Build ${name}`).checked).toBe(true);
    expect(queryButton(`Rename ${name}`)).toBeNull();
    expect(queryButton(`Delete ${name}`)).toBeNull();
  }
  expect(radio("base").checked).toBe(true);
  expect(screen.getByText("Assumptions: base").closest("h2")).not.toBeNull();
  expect(screen.getByText(/Built-in scenarios are read-only: duplicate “base”/)).toBeTruthy();
  expect(t1Mw().readOnly).toBe(true);
});

test("selecting a scenario shows its assumptions, with the default's source and as-of date", () => {
  renderPane();
  const renewals = () => input(/^Renewal options exercised/);
  expect(renewals().value).toBe("0");
  fireEvent.click(radio("bull"));
  expect(screen.getByText("Assumptions: bull")).toBeTruthy();
  expect(renewals().value).toBe("2");
  // The seed scenario shows the brief's tranche 1 (198 MW, so the four add up to 500).
  fireEvent.click(radio("seed"));
  expect(screen.getByText("Assumptions: seed")).toBeTruthy();
  expect(t1Mw().value).toBe("198");
  expect(t1Mw().readOnly).toBe(true);
  fireEvent.click(radio("bull"));
  // Tranche 1's value as the May/June 2024 update states it (dated 2024-06-05 in the data).
  expect(screen.getByText(/default 3,500,000,000 \(bull\) · as of 2024-06-05/)).toBeTruthy();
  // The groups follow the model's: finance is closed until opened, then shows the discount rate, built from its two inputs.
  expect(screen.queryByLabelText(/^Discount rate/)).toBeNull();
  fireEvent.click(button("Finance"));
  expect(input(/^Reference yield: CoreWeave's senior unsecured notes \(rate: 0.05 or 5%\)/).value).toBe("0.09");
  expect(input(/^Spread over the reference yield/).value).toBe("0"); // bull: no spread
  expect(input(/^Discount rate \(rate: 0.05 or 5%\)/).value).toBe("0.09");
  expect(screen.getByText(/default 0.09 \(9%\) \(bull\) · as of 2026-06-09 · built: reference_yield \+ discount_spread$/)).toBeTruthy();
  // The source is one click away, in the field's information popover.
  fireEvent.click(within(input(/^Discount rate/).closest(".fui-Field") as HTMLElement).getByRole("button"));
  expect(screen.getByText(/Source: Built, not typed: reference_yield \+ discount_spread/)).toBeTruthy();
});

test("in the user's scenario, a discount rate typed sets the spread; its reset puts both inputs back", async () => {
  const { settings } = renderPane();
  createScenario("Mine");
  fireEvent.click(button("Finance"));
  const rate = () => input(/^Discount rate \(rate: 0.05 or 5%\)/);
  const spread = () => input(/^Spread over the reference yield/);
  expect(screen.getByText(/a value typed here sets discount_spread/)).toBeTruthy();
  fireEvent.change(rate(), { target: { value: "8.5%" } });
  fireEvent.blur(rate());
  await settle();
  expect(savedPane(settings).scenarios[0].overrides).toEqual({ discount_spread: -0.005 });
  expect([rate().value, spread().value]).toEqual(["0.085", "-0.005"]);
  expect(screen.getAllByText(/changed from default 0.1 \(10%\) \(base\)/)).toHaveLength(1);
  // A spread typed moves the rate.
  fireEvent.change(spread(), { target: { value: "2%" } });
  fireEvent.blur(spread());
  await settle();
  expect([rate().value, spread().value]).toEqual(["0.11", "0.02"]);
  // A spread that would put the rate out of bounds is refused where it is typed.
  fireEvent.change(spread(), { target: { value: "0.95" } });
  fireEvent.keyDown(spread(), { key: "Enter" });
  expect(screen.getByText(/discount_rate = reference_yield \+ discount_spread must be a rate from -0.5 to 1 \(a decimal: 0.05 is 5%\), got 1.04 \(0.09 \+ 0.95\)/)).toBeTruthy();
  fireEvent.keyDown(spread(), { key: "Escape" });
  fireEvent.click(button("Reset discount_rate to default"));
  await settle();
  expect(savedPane(settings).scenarios[0].overrides).toEqual({});
  expect([rate().value, spread().value]).toEqual(["0.1", "0.01"]);
});

test("typing into a built-in scenario changes nothing", async () => {
  const { settings } = renderPane();
  fireEvent.change(t1Mw(), { target: { value: "150" } });
  fireEvent.keyDown(t1Mw(), { key: "Enter" });
  await settle();
  expect(settings.data[PANE_SETTING]).toBeUndefined();
  expect(queryButton("Reset t1_mw to default")).toBeNull();
});

test("create, rename and delete a scenario; the saved setting follows each step", async () => {
  const { settings } = renderPane();
  createScenario();
  expect(radio("My scenario").checked).toBe(true);
  expect(screen.getByText("Assumptions: My scenario")).toBeTruthy();
  await settle();
  expect(savedPane(settings).scenarios).toEqual([{ name: "My scenario", basedOn: "base", overrides: {} }]);
  expect(savedPane(settings).build).toEqual([...BUILT_INS, "My scenario"]);

  // A name already taken is refused in the dialog, with the reason, and nothing changes.
  fireEvent.click(button("Rename My scenario"));
  const d = dialog("Rename “My scenario”");
  const box = input(/^Scenario name/);
  expect(box.value).toBe("My scenario");
  fireEvent.change(box, { target: { value: "BULL" } });
  fireEvent.click(button("Rename", d));
  expect(within(d).getByText('There is already a scenario called "bull".')).toBeTruthy();
  expect(box.getAttribute("aria-invalid")).toBe("true");
  // Enter in the box submits the form.
  fireEvent.change(box, { target: { value: "Late sites" } });
  fireEvent.submit(box.closest("form")!);
  expect(noDialog()).toBe(true);
  expect(radio("Late sites").checked).toBe(true);
  expect(radios()).toEqual([...BUILT_INS, "Late sites"]);
  await settle();
  expect(savedPane(settings).scenarios.map((s) => s.name)).toEqual(["Late sites"]);
  expect(savedPane(settings).build).toEqual([...BUILT_INS, "Late sites"]);

  // Delete asks first; Cancel keeps it, Delete removes it.
  fireEvent.click(button("Delete Late sites"));
  fireEvent.click(button("Cancel", dialog("Delete “Late sites”?")));
  expect(radios()).toContain("Late sites");
  fireEvent.click(button("Delete Late sites"));
  fireEvent.click(button("Delete", dialog("Delete “Late sites”?")));
  expect(radios()).toEqual(BUILT_INS);
  expect(radio("base").checked).toBe(true);
  await settle();
  expect(savedPane(settings).scenarios).toEqual([]);
  expect(savedPane(settings).build).toEqual(BUILT_INS);
});

test("a refused new name keeps the dialog open; Escape closes it without a change", async () => {
  const { settings } = renderPane();
  createScenario("=HACK()");
  const d = dialog("New scenario");
  expect(within(d).getByText(/cannot start with =, \+, - or @/)).toBeTruthy();
  fireEvent.keyDown(input(/^Scenario name/), { key: "Escape" });
  expect(noDialog()).toBe(true);
  await settle();
  expect(settings.data[PANE_SETTING]).toBeUndefined();
  expect(radios()).toEqual(BUILT_INS);
});

test("duplicating bear makes an editable copy based on bear", async () => {
  const { settings } = renderPane();
  fireEvent.click(button("Duplicate bear"));
  const d = dialog("Duplicate “bear”");
  expect(input(/^Scenario name/).value).toBe("bear copy");
  fireEvent.click(button("Duplicate", d));
  expect(radio("bear copy").checked).toBe(true);
  expect(screen.getByText("Based on bear; no assumption changed.")).toBeTruthy();
  expect(t1Mw().readOnly).toBe(false);
  expect(screen.getByText(/default 200 \(bear\)/)).toBeTruthy(); // bear is base's tranches: 200 MW as filed
  await settle();
  expect(savedPane(settings).scenarios).toEqual([{ name: "bear copy", basedOn: "bear", overrides: {} }]);
});

test("a value out of bounds shows the model's message inline and is not saved", async () => {
  const { settings } = renderPane();
  createScenario("Mine");
  await settle();
  const savesBefore = settings.saved;
  fireEvent.change(t1Mw(), { target: { value: "-5" } });
  fireEvent.keyDown(t1Mw(), { key: "Enter" });
  expect(screen.getByText('t1_mw must be a number of MW from 0 to 5000, got "-5"')).toBeTruthy();
  expect(t1Mw().getAttribute("aria-invalid")).toBe("true");
  expect(t1Mw().value).toBe("-5");
  fireEvent.blur(t1Mw());
  await settle();
  expect(settings.saved).toBe(savesBefore);
  expect(savedPane(settings).scenarios[0].overrides).toEqual({});
  expect(queryButton("Reset t1_mw to default")).toBeNull();
  // Escape puts back the value in force and clears the message.
  fireEvent.keyDown(t1Mw(), { key: "Escape" });
  expect(t1Mw().value).toBe("200");
  expect(screen.queryByText(/t1_mw must be/)).toBeNull();
});

test("a good value is saved on blur, and its reset button restores the default", async () => {
  const { settings } = renderPane();
  createScenario("Mine");
  fireEvent.change(t1Mw(), { target: { value: "150" } });
  fireEvent.blur(t1Mw());
  await settle();
  expect(savedPane(settings).scenarios[0].overrides).toEqual({ t1_mw: 150 });
  expect(screen.getByText("Based on base; 1 assumption changed.")).toBeTruthy();
  expect(screen.getByText(/changed from default 200 \(base\)/)).toBeTruthy();

  fireEvent.click(button("Reset t1_mw to default"));
  expect(t1Mw().value).toBe("200");
  expect(queryButton("Reset t1_mw to default")).toBeNull();
  await settle();
  expect(savedPane(settings).scenarios[0].overrides).toEqual({});
});

test("the build ticks are saved, and the saved scenarios come back when the workbook is reopened", async () => {
  const settings = memorySettings();
  renderPane({ settings });
  createScenario("Mine");
  fireEvent.change(t1Mw(), { target: { value: "150" } });
  fireEvent.keyDown(t1Mw(), { key: "Enter" });
  fireEvent.click(input("Build bull"));
  await settle();
  expect(savedPane(settings).build).toEqual(["base", "seed", "bear", "Mine"]);
  expect(screen.getByText(/for base, seed, bear, Mine/)).toBeTruthy();

  // "Reopen": a new pane over the same settings.
  document.body.innerHTML = "";
  renderPane({ settings });
  expect(input("Build bull").checked).toBe(false);
  fireEvent.click(radio("Mine"));
  expect(t1Mw().value).toBe("150");
  expect(button("Reset t1_mw to default")).toBeTruthy();
});

test.each([
  ["not JSON", "{not json", /could not be read \(not valid JSON\)/],
  ["another format version", JSON.stringify({ version: 99, scenarios: [], build: [] }), /saved by format version 99/],
  ["a number", 42, /could not be read \(not an object\)/],
])("a corrupt saved pane setting (%s) falls back to the built-ins with a warning", (_, payload, warning) => {
  renderPane({ settings: memorySettings({ [PANE_SETTING]: payload }) });
  expect(screen.getByText(warning)).toBeTruthy();
  expect(radios()).toEqual(BUILT_INS);
  fireEvent.click(button("Dismiss the warning"));
  expect(screen.queryByText(warning)).toBeNull();
});

test("settings that throw when read give the defaults and a warning, not a crash", () => {
  const settings = memorySettings();
  settings.get = () => {
    throw new Error("settings unavailable");
  };
  renderPane({ settings });
  expect(screen.getByText(/could not be read \(settings unavailable\)/)).toBeTruthy();
  expect(radios()).toEqual(BUILT_INS);
});

test("a save that fails is reported, and the next good save clears the report", async () => {
  const settings = memorySettings();
  settings.failSave = "the document is read-only";
  renderPane({ settings });
  createScenario("Mine");
  await settle();
  expect(screen.getByText("Your scenarios could not be saved in the workbook: the document is read-only")).toBeTruthy();
  settings.failSave = undefined;
  fireEvent.click(input("Build Mine"));
  await settle();
  expect(screen.queryByText(/could not be saved/)).toBeNull();
  expect(savedPane(settings).build).toEqual(BUILT_INS);
});
