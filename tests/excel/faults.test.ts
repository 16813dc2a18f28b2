/**
 * Builds that fail safely: a failure injected at every sync of a build, and at several points
 * inside each write request, for a first build and for refreshes with the user's edits. After
 * each, the workbook is compared with what it was before, cell by cell (contents, number
 * formats, fonts, fills), with its charts, tables, names, validations, widths and panes; and
 * the result says truthfully what happened.
 */
import { buildSheets } from "../../src/excel/apply";
import { EMPTY_REGISTRY, Registry } from "../../src/excel/registry";
import { SHEET_NAMES } from "../../src/plan/layout";
import { PlanScenario } from "../../src/plan/scenario";
import { ExcelDouble, FailPoint } from "../support/excelDouble";
import { plan, scenario, inputsRow, okReport } from "../support/plan";
import { cellBelowBlocks } from "./freeCell";

const TODAY = "2026-11-26";
/** What Excel shows for a cell with no format of its own: set explicitly or not, it is the same cell. */
const DEFAULTS: Record<string, unknown> = { formula: "", numberFormat: "General", bold: false, italic: false, fontColor: "#000000", fill: "#FFFFFF", wrap: false };
const three = () => ["base", "bull", "bear"].map((n) => scenario(n));

const ok = okReport;

/** Everything the double holds, in a canonical form: empty cells and default formats left out. */
function stateOf(x: ExcelDouble, widthsOf?: string): string {
  // A column the old layout never sized has no recorded width to go back to (see ops.ts): only
  // the columns sized before are compared.
  const sized = widthsOf === undefined ? undefined : (JSON.parse(widthsOf) as { sheets: { name: string; widths: [string, number][] }[] }).sheets;
  const sheets = x.sheets.map((s) => {
    const cells: Record<string, unknown> = {};
    for (const [k, c] of [...s.cells].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const kept = Object.fromEntries(
        Object.entries(c).filter(([p, v]) => v !== undefined && !(p in DEFAULTS && DEFAULTS[p] === v)).sort(([a], [b]) => (a < b ? -1 : 1)),
      );
      if (Object.keys(kept).length > 0) cells[k] = kept;
    }
    return {
      name: s.name,
      id: s.id,
      cells,
      charts: s.charts,
      tables: s.tables,
      tabColor: s.tabColor,
      frozen: s.frozen,
      widths: [...s.columnWidths].filter(([c]) => !sized || (sized.find((b) => b.name === s.name)?.widths ?? []).some(([d]) => d === c)).sort(),
      validations: [...s.validations].sort(),
    };
  });
  return JSON.stringify({ sheets, names: [...x.names].sort() });
}

interface Case {
  readonly title: string;
  /** Makes the workbook as it is before the build; returns the registry and the scenarios to build. */
  setup(x: ExcelDouble): Promise<{ registry: Registry; scenarios: PlanScenario[] }>;
  /** Cells the user typed: "Sheet!A1" → value. */
  readonly typed: Readonly<Record<string, string | number | boolean>>;
}

const t1 = `E${inputsRow("t1_mw")}`;
const margin = `F${inputsRow("licence_margin")}`;
/** The user's note on the Deal sheet: below the blocks of both layouts the cases build (three scenarios, and four). */
const note = cellBelowBlocks(SHEET_NAMES.deal, plan(three()), plan([...three(), scenario("base", [["delay_months", 3]], "late")]));

/** A built workbook in which the user typed two inputs and a note of their own. */
async function edited(x: ExcelDouble): Promise<Registry> {
  x.addSheet("My model", { A1: "my notes", B2: "='CORZ Summary'!C5" });
  const first = ok(await buildSheets(x.run, three(), EMPTY_REGISTRY, { today: TODAY }));
  x.type(SHEET_NAMES.inputs, t1, 150);
  x.type(SHEET_NAMES.inputs, margin, 0.7);
  x.type(SHEET_NAMES.deal, note, "my comment");
  return first.registry;
}

const CASES: readonly Case[] = [
  {
    title: "first build",
    setup: async (x) => {
      x.addSheet("Sheet1", { A1: 1, B1: "=A1*2" });
      return { registry: EMPTY_REGISTRY, scenarios: three() };
    },
    typed: { "Sheet1!A1": 1 },
  },
  {
    title: "refresh with edited inputs, same layout, new values from the pane",
    setup: async (x) => ({ registry: await edited(x), scenarios: [scenario("base"), scenario("bull", [["escalator", 0.03]]), scenario("bear")] }),
    typed: { [`${SHEET_NAMES.inputs}!${t1}`]: 150, [`${SHEET_NAMES.inputs}!${margin}`]: 0.7, [`${SHEET_NAMES.deal}!${note}`]: "my comment" },
  },
  {
    title: "refresh with edited inputs and a new scenario (the layout grows)",
    setup: async (x) => ({ registry: await edited(x), scenarios: [...three(), scenario("base", [["delay_months", 3]], "late")] }),
    typed: { [`${SHEET_NAMES.inputs}!${t1}`]: 150, [`${SHEET_NAMES.inputs}!${margin}`]: 0.7, [`${SHEET_NAMES.deal}!${note}`]: "my comment" },
  },
];

function typedIntact(x: ExcelDouble, typed: Case["typed"]): void {
  for (const [where, v] of Object.entries(typed)) {
    const [sheet, a1] = where.split("!");
    expect([where, x.sheet(sheet).value(a1)]).toEqual([where, v]);
  }
}

/** A successful run of the case, to learn how many syncs and operations it takes. */
async function dryRun(c: Case): Promise<number[]> {
  const x = new ExcelDouble();
  const { registry, scenarios } = await c.setup(x);
  x.opsPerSync = [];
  const start = x.syncCount;
  ok(await buildSheets(x.run, scenarios, registry, { today: TODAY }));
  return x.opsPerSync.slice(0, x.syncCount - start);
}

/** Points inside a request of `n` operations: before the first, after the first, the middle, before the last, after all. */
function pointsIn(n: number): number[] {
  return [...new Set([0, 1, Math.floor(n / 3), Math.floor(n / 2), Math.floor((2 * n) / 3), n - 1, n].filter((p) => p >= 0 && p <= n))];
}

describe.each(CASES)("$title", (c) => {
  let ops: number[] = [];
  beforeAll(async () => {
    ops = await dryRun(c);
  });

  test("the build reads in two syncs and writes in one while the write fits", () => {
    expect(ops).toHaveLength(3);
  });

  test("a failure at every sync, and at points inside each request, leaves the workbook exactly as it was and says so", async () => {
    const seen: string[] = [];
    for (let sync = 1; sync <= ops.length; sync++) {
      for (const afterOps of pointsIn(ops[sync - 1])) {
        const x = new ExcelDouble();
        const { registry, scenarios } = await c.setup(x);
        const before = stateOf(x);
        x.failAt = { sync: x.syncCount + sync, afterOps };
        const r = await buildSheets(x.run, scenarios, registry, { today: TODAY });
        expect(r.ok).toBe(false);
        if (r.ok) continue;
        const reading = sync <= 2;
        expect([sync, afterOps, r.workbook]).toEqual([sync, afterOps, reading ? "unchanged" : "restored"]);
        expect(r.message).toMatch(reading ? /^Excel refused to read the workbook \(GeneralException.*nothing was changed/ : /^Excel refused the build \(GeneralException.*\) at write request 1 of 1\. Everything it had changed was put back/);
        expect(stateOf(x, before) === before ? "as before" : `changed after a failure at sync ${sync}, operation ${afterOps}`).toBe("as before");
        typedIntact(x, c.typed);
        seen.push(`${sync}:${afterOps}`);
      }
    }
    console.warn(`[measured] ${c.title}: ${seen.length} injected failures (${ops.map((n, i) => `sync ${i + 1}: ${n} operations`).join(", ")}), every one left the workbook as it was`);
  });

  test("after a failed write, the next build succeeds and still keeps the user's edits", async () => {
    const x = new ExcelDouble();
    const { registry, scenarios } = await c.setup(x);
    x.failAt = { sync: x.syncCount + 3, afterOps: Math.floor(ops[2] / 2) };
    expect((await buildSheets(x.run, scenarios, registry, { today: TODAY })).ok).toBe(false);
    x.failAt = undefined;
    const again = ok(await buildSheets(x.run, scenarios, registry, { today: TODAY }));
    typedIntact(x, c.typed);
    if (registry !== EMPTY_REGISTRY) expect(again.keptInputs.map((k) => [k.scenario, k.key, k.value])).toEqual([
      ["base", "t1_mw", 150],
      ["bull", "licence_margin", 0.7],
    ]);
  });

  test("when putting things back fails too, the message says what to check and lists the typed values; typed inputs stay in their cells", async () => {
    for (const restoreSync of [4, 5]) {
      const x = new ExcelDouble();
      const { registry, scenarios } = await c.setup(x);
      const at = (s: number, afterOps: number): FailPoint => ({ sync: x.syncCount + s, afterOps });
      x.failAt = [at(3, Math.floor(ops[2] / 2)), at(restoreSync, 1)];
      const r = await buildSheets(x.run, scenarios, registry, { today: TODAY });
      expect(r).toMatchObject({ ok: false, workbook: "uncertain" });
      if (r.ok) continue;
      expect(r.message).toContain("putting the workbook back failed too");
      if (registry === EMPTY_REGISTRY) {
        expect(r.message).toContain(`delete any of ${Object.values(SHEET_NAMES).join(", ")} that were added`);
        expect(r.message).toContain("You had typed no values of your own");
        expect(r.registry).toBeUndefined();
      } else {
        expect(r.message).toContain(`Check ${Object.values(SHEET_NAMES).join(", ")} before relying on them`);
        expect(r.message).toContain(`t1_mw in base = 150 (CORZ Inputs!${t1})`);
        expect(r.message).toContain(`licence_margin in bull = 0.7 (CORZ Inputs!${margin})`);
        // The record kept knows the values the failed write may have left, so the next refresh
        // finds exactly the user's two edits, not the half-written values of the pane.
        expect(r.registry).toBeDefined();
        x.failAt = undefined;
        const again = ok(await buildSheets(x.run, scenarios, r.registry!, { today: TODAY }));
        expect(again.keptInputs.map((k) => [k.scenario, k.key, k.value])).toEqual([
          ["base", "t1_mw", 150],
          ["bull", "licence_margin", 0.7],
        ]);
      }
      typedIntact(x, c.typed);
    }
  });
});

test("a failure of Excel.run itself, before anything is read, says nothing was changed", async () => {
  const r = await buildSheets(
    async () => {
      throw new Error("RichApi.Error: the workbook is busy");
    },
    three(),
    EMPTY_REGISTRY,
  );
  expect(r).toEqual({ ok: false, syncs: 0, workbook: "unchanged", message: "Excel refused the build: RichApi.Error: the workbook is busy" });
});

describe("fifty scenarios", () => {
  const fifty = () => Array.from({ length: 50 }, (_, i) => scenario(["base", "bull", "bear"][i % 3], [["t1_mw", 150 + i]], `case ${i + 1}`));

  test("build in as few write requests as the 4 MB cap allows, each under it, and refresh keeping an edit", async () => {
    const x = new ExcelDouble();
    const report = ok(await buildSheets(x.run, fifty(), EMPTY_REGISTRY, { today: TODAY }));
    const { MAX_REQUEST_BYTES } = await import("../../src/excel/apply");
    expect(report.writeSyncs).toBe(Math.ceil(report.requestBytes / MAX_REQUEST_BYTES));
    expect(report.writeSyncs).toBeGreaterThan(1);
    expect(x.syncCount).toBe(2 + report.writeSyncs);
    expect(Math.max(...x.requestBytes)).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
    const inputs = x.sheet(SHEET_NAMES.inputs);
    // Every scenario has its column, the 50th too.
    const header = plan().sheets[0].blocks.find((b) => b.id === "inputs.labels")!;
    expect(header).toBeDefined();
    expect(Object.values(inputs.snapshot())).toEqual(expect.arrayContaining(["case 1", "case 50"]));
    console.warn(`[measured] 50 scenarios: ${x.syncCount} syncs, ${(report.requestBytes / 1e6).toFixed(2)} MB written in ${report.writeSyncs} requests (${x.requestBytes.map((b) => `${(b / 1024).toFixed(0)} KiB`).join(" / ")})`);

    const cell = `E${inputsRow("t1_mw")}`;
    x.type(SHEET_NAMES.inputs, cell, 321);
    const again = ok(await buildSheets(x.run, fifty(), report.registry, { today: TODAY }));
    expect(inputs.value(cell)).toBe(321);
    expect(again.keptInputs).toEqual([{ scenario: "case 1", key: "t1_mw", value: 321, where: `CORZ Inputs!${cell}` }]);
  });

  test("a failure in the second write request puts everything back", async () => {
    const x = new ExcelDouble();
    const first = ok(await buildSheets(x.run, fifty(), EMPTY_REGISTRY, { today: TODAY }));
    x.type(SHEET_NAMES.inputs, `E${inputsRow("t1_mw")}`, 321);
    const before = stateOf(x);
    const start = x.syncCount;
    x.failAt = { sync: start + 4, afterOps: 5 };
    const r = await buildSheets(x.run, fifty().slice(0, 49), first.registry, { today: TODAY });
    expect(r).toMatchObject({ ok: false, workbook: "restored" });
    if (!r.ok) expect(r.message).toMatch(/at write request 2 of \d+\. Everything it had changed was put back/);
    expect(stateOf(x, before) === before).toBe(true);
  });
});
