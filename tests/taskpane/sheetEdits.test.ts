/**
 * Values typed on CORZ Inputs and kept by a refresh, as the pane knows them: read back from the
 * registry the adapter saved (so a reopened pane shows them), and the note a field shows.
 */
import { REGISTRY_SETTING } from "../../src/excel/registry";
import { makeGateway } from "../../src/excel/gateway";
import { SHEET_NAMES } from "../../src/plan/layout";
import { sheetEditsFromRegistry, sheetNote } from "../../src/taskpane/sheetEdits";
import { ExcelDouble } from "../support/excelDouble";
import { scenario, inputsRow } from "../support/plan";

/** Built, then refreshed after typing on CORZ Inputs: the settings and the refresh's report. */
async function refreshedWith(cells: Record<string, number | string>) {
  const x = new ExcelDouble();
  const settings: Record<string, unknown> = {};
  const gateway = makeGateway(x.run, { get: (n) => settings[n], set: (n, v) => void (settings[n] = v), save: async () => undefined });
  const three = ["base", "bull", "bear"].map((n) => scenario(n));
  if (!(await gateway.build(three)).ok) throw new Error("first build failed");
  for (const [cell, v] of Object.entries(cells)) x.sheet(SHEET_NAMES.inputs).set(cell, v);
  const r = await gateway.build(three);
  if (!r.ok) throw new Error(r.message);
  return { settings, report: r.report };
}

test("the kept values read back from the saved registry are the ones the refresh reported", async () => {
  const margin = `E${inputsRow("licence_margin")}`;
  const start = `G${inputsRow("t1_start")}`;
  const { settings, report } = await refreshedWith({ [margin]: 0.8, [start]: 46000 });
  const fromRegistry = sheetEditsFromRegistry(settings[REGISTRY_SETTING]);
  expect(fromRegistry).toEqual(
    expect.arrayContaining([
      { scenario: "base", key: "licence_margin", value: 0.8, where: `${SHEET_NAMES.inputs}!${margin}` },
      { scenario: "bear", key: "t1_start", value: 46000, where: `${SHEET_NAMES.inputs}!${start}` },
    ]),
  );
  expect(fromRegistry).toHaveLength(2);
  expect([...fromRegistry].sort((a, b) => a.key.localeCompare(b.key))).toEqual([...report.keptInputs].sort((a, b) => a.key.localeCompare(b.key)));
});

test("no registry, a corrupt one, or one without kept inputs gives none", async () => {
  expect(sheetEditsFromRegistry(undefined)).toEqual([]);
  expect(sheetEditsFromRegistry("{broken")).toEqual([]);
  const { settings } = await refreshedWith({});
  expect(sheetEditsFromRegistry(settings[REGISTRY_SETTING])).toEqual([]);
  // A block not shaped as the adapter writes it is ignored, not a crash.
  const r = JSON.parse(settings[REGISTRY_SETTING] as string);
  r.blocks["inputs.values"].userCells = ["licence_margin|base"];
  r.blocks["inputs.values"].rows = 7;
  expect(sheetEditsFromRegistry(JSON.stringify(r))).toEqual([]);
});

test("a field's note says where the value was typed, both values, and what puts the scenario's back", () => {
  const sheet = { text: "350", where: "CORZ Inputs!E12" };
  expect(sheetNote(sheet, "300", false)).toBe(
    "Typed on CORZ Inputs!E12: the sheets use 350, not this scenario's 300. “Refresh and reset edited inputs” puts 300 back.",
  );
  expect(sheetNote(sheet, "300", true)).toMatch(
    /^Typed on CORZ Inputs!E12: the sheets use 350, not this scenario's 300\. The value typed on the sheet still wins at the next refresh, whatever you type here, unless you use “Refresh and reset edited inputs”/,
  );
  expect(sheetNote(sheet, "350", true)).toMatch(/the same as this scenario's value/);
});
