/** The gateway: settings round-trip, the registry saved after a build, formulas inserted with care. */
import { SettingsStore, makeGateway } from "../../src/excel/gateway";
import { REGISTRY_SETTING } from "../../src/excel/registry";
import { ExcelDouble } from "../support/excelDouble";
import { SHEET_NAMES } from "../../src/plan/layout";
import { scenario } from "../support/plan";

function memorySettings(initial: Record<string, unknown> = {}): SettingsStore & { saved: number; data: Record<string, unknown> } {
  const data = { ...initial };
  const store = {
    data,
    saved: 0,
    get: (n: string) => data[n],
    set: (n: string, v: unknown) => {
      data[n] = v;
    },
    save: async () => {
      store.saved++;
    },
  };
  return store;
}

test("a build saves the registry, and the next build refreshes the same sheets", async () => {
  const x = new ExcelDouble();
  const settings = memorySettings();
  const g = makeGateway(x.run, settings);
  const first = await g.build([scenario("base")]);
  expect(first.ok).toBe(true);
  expect(settings.saved).toBe(1);
  expect(JSON.parse(String(settings.data[REGISTRY_SETTING])).sheets.inputs.name).toBe("CORZ Inputs");
  const second = await g.build([scenario("base")]);
  expect(second.ok && second.report.message).toMatch(/^Refreshed/);
  expect(x.sheets).toHaveLength(Object.keys(SHEET_NAMES).length);
});

test("a corrupt registry is reported as a warning, and nothing of the old sheets is touched", async () => {
  const x = new ExcelDouble();
  const settings = memorySettings();
  const g = makeGateway(x.run, settings);
  await g.build([scenario("base")]);
  settings.data[REGISTRY_SETTING] = "{broken";
  const r = await g.build([scenario("base")]);
  expect(r.warning).toMatch(/could not be read/);
  expect(x.sheets).toHaveLength(2 * Object.keys(SHEET_NAMES).length);
});

test("insertFormula writes into an empty active cell and asks before replacing anything", async () => {
  const x = new ExcelDouble();
  const s = x.addSheet("Sheet1", { B2: "keep me" });
  x.active = { sheet: "Sheet1", cell: "A1" };
  const g = makeGateway(x.run, memorySettings());
  expect(await g.insertFormula("=CORZ.DEAL_REVENUE(2027)")).toEqual({ ok: true });
  expect(s.value("A1")).toBe("=CORZ.DEAL_REVENUE(2027)");
  x.active = { sheet: "Sheet1", cell: "B2" };
  expect(await g.insertFormula("=CORZ.DEAL_TCV()")).toEqual({ ok: false, needsConfirm: true, current: "keep me" });
  expect(s.value("B2")).toBe("keep me");
  expect(await g.insertFormula("=CORZ.DEAL_TCV()", true)).toEqual({ ok: true });
  expect(s.value("B2")).toBe("=CORZ.DEAL_TCV()");
});

test("settings are written and saved", async () => {
  const settings = memorySettings();
  const g = makeGateway(new ExcelDouble().run, settings);
  await g.writeSetting("corz.pane", "{}");
  expect([g.readSetting("corz.pane"), settings.saved]).toEqual(["{}", 1]);
});

test("a build whose settings cannot be saved still reports the built sheets, with a warning", async () => {
  const x = new ExcelDouble();
  const settings = memorySettings();
  settings.save = async () => {
    throw new Error("disk full");
  };
  const g = makeGateway(x.run, settings);
  const r = await g.build([scenario("base")]);
  expect(r.ok).toBe(true);
  expect(r.warning).toMatch(/saving the record of them failed \(disk full\)/);
  // The registry is still set, so the next build in this session refreshes instead of duplicating.
  const again = await g.build([scenario("base")]);
  expect(again.ok && again.report.message).toMatch(/^Refreshed/);
});
