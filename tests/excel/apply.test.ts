/**
 * The Office.js adapter against the strict Excel double: three syncs while the write fits in one
 * request, nothing read before it is loaded, the user's sheets and edits never lost.
 */
import { BuildResult, MAX_REQUEST_BYTES, buildSheets } from "../../src/excel/apply";
import { EMPTY_REGISTRY, Registry, parseRegistry } from "../../src/excel/registry";
import { SHEET_NAMES } from "../../src/plan/layout";
import { PlanScenario } from "../../src/plan/scenario";
import { ExcelDouble } from "../support/excelDouble";
import { plan, scenario, inputsRow, okReport } from "../support/plan";
import { INPUTS } from "../../src/plan/inputs";
import { cellBelowBlocks } from "./freeCell";

const three = () => ["base", "bull", "bear"].map((n) => scenario(n));

async function build(x: ExcelDouble, scenarios: PlanScenario[], registry: Registry = EMPTY_REGISTRY, discardEdits = false): Promise<BuildResult> {
  x.syncCount = 0;
  x.requestBytes = [];
  return buildSheets(x.run, scenarios, registry, { discardEdits });
}

const ok = okReport;

describe("first build", () => {
  test("writes every sheet in exactly three syncs, with calculation and screen updating suspended", async () => {
    const x = new ExcelDouble();
    const report = ok(await build(x, three()));
    expect(x.syncCount).toBe(3);
    expect(report.syncs).toBe(3);
    expect(x.suspended).toEqual({ calculation: 1, screenUpdating: 1 });
    expect(x.sheets.map((s) => s.name)).toEqual(Object.values(SHEET_NAMES));
    expect(report.message).toBe(`Built ${Object.keys(SHEET_NAMES).length} sheets for 3 scenarios.`);
    // The registry records every sheet by id.
    for (const s of x.sheets) expect(Object.values(report.registry.sheets).map((o) => o!.id)).toContain(s.id);
    // The largest request stays well under Excel on the web's 5 MB.
    expect(Math.max(...x.requestBytes)).toBeLessThan(5_000_000);
    console.warn(`[measured] 3-scenario build: ${x.syncCount} syncs, request sizes ${x.requestBytes.map((b) => `${(b / 1024).toFixed(0)} KiB`).join(" / ")}`);
  });

  test("every sheet prints landscape, fitted to its pages across, with its title rows and label columns repeated, in the same three syncs", async () => {
    const x = new ExcelDouble();
    const p = plan(three());
    ok(await build(x, three()));
    expect(x.syncCount).toBe(3);
    for (const sheet of p.sheets) {
      const layout = x.sheets.find((s) => s.name === sheet.name)!.pageLayout;
      const [r1, r2] = sheet.print.titleRows!.split(":");
      const [c1, c2] = sheet.print.titleColumns!.split(":");
      expect([sheet.name, layout]).toEqual([
        sheet.name,
        {
          orientation: "Landscape",
          // The height is left free: verticalFitToPages is not set at all.
          zoom: { horizontalFitToPages: sheet.print.fitToWidth },
          printTitleRows: `$${r1}:$${r2}`,
          printTitleColumns: `$${c1}:$${c2}`,
        },
      ]);
      expect(sheet.print.fitToWidth).toBeGreaterThanOrEqual(1);
      expect(sheet.print.fitToWidth).toBeLessThanOrEqual(3);
    }
  });

  test("the sync count grows only when the write no longer fits in one request", async () => {
    const writesByN: number[] = [];
    for (const n of [1, 3, 4, 8, 12]) {
      const x = new ExcelDouble();
      const report = ok(await build(x, Array.from({ length: n }, (_, i) => scenario(["base", "seed", "bull", "bear"][i % 4], [], `s${i}`))));
      // Two reads, then the writes.
      const writes = x.requestBytes.slice(2);
      expect(x.syncCount).toBe(2 + writes.length);
      expect(report.syncs).toBe(x.syncCount);
      for (const w of writes) expect(w).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
      writesByN.push(writes.length);
    }
    // The default build (the four built-ins) and anything smaller is one write: three syncs.
    expect(writesByN.slice(0, 3)).toEqual([1, 1, 1]);
    // More scenarios never take fewer requests.
    writesByN.forEach((w, i) => expect(w).toBeGreaterThanOrEqual(writesByN[Math.max(0, i - 1)]));
  });

  test("cells, formats, names, validation and charts land where the plan says", async () => {
    const x = new ExcelDouble();
    ok(await build(x, three()));
    const inputs = x.sheet(SHEET_NAMES.inputs);
    expect(inputs.value("D3")).toBe("base");
    expect(inputs.value("D4")).toBe("=MATCH($D$3,$E$6:$G$6,0)");
    expect(inputs.value(`E${inputsRow("licence_margin")}`)).toBe(0.825); // base's: the midpoint of the 80-85% target
    expect(inputs.get(`E${inputsRow("licence_margin")}`)?.fontColor).toBe("#0000FF");
    expect(inputs.get(`E${inputsRow("licence_margin")}`)?.numberFormat).toBe("0.0%;(0.0%);0.0%");
    expect(inputs.validations.get("D3")).toEqual({ list: { inCellDropDown: true, source: "=$E$6:$G$6" } });
    expect(x.names.get("CORZ_term_years")?.reference).toBe(`='CORZ Inputs'!$D$${inputsRow("term_years")}`);
    const summary = x.sheet(SHEET_NAMES.summary);
    expect(summary.charts.map((c) => [c.name, c.type, c.series.length])).toEqual([
      ["summary.revenue", "ColumnClustered", 2],
      ["summary.capacity", "Line", 3], // MW contracted, MW energised, target
    ]);
    expect(summary.charts[0].series[0].xValues).toMatch(/^CORZ Deal!E4:/);
    expect(x.sheet(SHEET_NAMES.deal).frozen).toBe("CORZ Deal!A1:D4");
  });
});

test("frozen panes are the plan's: rows alone freeze no column (Checks), rows and columns freeze both", async () => {
  const x = new ExcelDouble();
  const built = plan(three());
  ok(await build(x, three()));
  for (const p of built.sheets) {
    const s = x.sheet(p.name);
    expect([p.name, s.frozenPanes()]).toEqual([p.name, p.freeze]);
  }
  const checks = built.sheets.find((p) => p.key === "checks")!;
  expect(checks.freeze.columns).toBe(0);
  expect(x.sheet(checks.name).frozen).toBe(`${checks.name}!1:${checks.freeze.rows}`);
});

describe("no data lost", () => {
  test("a user's sheet named like ours keeps every cell; ours takes a new name everywhere", async () => {
    const x = new ExcelDouble();
    const mine = x.addSheet("CORZ Inputs", { A1: "my notes", B7: 42, C9: "=A1&\"!\"" });
    const before = JSON.stringify(mine.snapshot());
    const report = ok(await build(x, three()));
    expect(JSON.stringify(x.sheet("CORZ Inputs").snapshot())).toBe(before);
    expect(report.sheets.inputs).toBe("CORZ Inputs (2)");
    expect(report.renamed).toEqual(["CORZ Inputs → CORZ Inputs (2) (a sheet of yours already has that name)"]);
    const deal = x.sheet(SHEET_NAMES.deal).snapshot();
    expect(Object.values(deal).some((f) => String(f).includes("'CORZ Inputs (2)'!"))).toBe(true);
    expect(Object.values(deal).some((f) => String(f).includes("'CORZ Inputs'!"))).toBe(false);
  });

  test("a refresh keeps the user's edit to an input, and keeps it at the next refresh too", async () => {
    const x = new ExcelDouble();
    const first = ok(await build(x, three()));
    const cell = `E${inputsRow("t1_mw")}`;
    x.sheet(SHEET_NAMES.inputs).set(cell, 150);
    const second = ok(await build(x, three(), first.registry));
    expect(second.message).toMatch(/^Refreshed/);
    expect(x.syncCount).toBe(3);
    expect(x.sheet(SHEET_NAMES.inputs).value(cell)).toBe(150);
    expect(second.keptEdits).toEqual([`t1_mw in base (CORZ Inputs!${cell})`]);
    const third = ok(await build(x, three(), second.registry));
    expect(x.sheet(SHEET_NAMES.inputs).value(cell)).toBe(150);
    expect(third.keptEdits).toHaveLength(1);
    // Asked to reset, the scenario's value comes back.
    ok(await build(x, three(), third.registry, true));
    expect(x.sheet(SHEET_NAMES.inputs).value(cell)).toBe(200); // base's tranche 1, as filed
  });

  test("money typed as text on the Inputs sheet (\"3.5bn\") is kept as the number it stands for, so formulas see a number", async () => {
    const x = new ExcelDouble();
    const first = ok(await build(x, three()));
    const cell = `E${inputsRow("t2_value")}`;
    x.sheet(SHEET_NAMES.inputs).set(cell, "3.5bn");
    const second = ok(await build(x, three(), first.registry));
    expect(x.sheet(SHEET_NAMES.inputs).value(cell)).toBe(3_500_000_000);
    expect(second.keptEdits).toEqual([`t2_value in base (CORZ Inputs!${cell})`]);
    // Text that is not an amount is refused with the cell named, and nothing is changed.
    x.sheet(SHEET_NAMES.inputs).set(cell, "3.5 bananas");
    const third = await build(x, three(), second.registry);
    expect(third.ok).toBe(false);
    if (!third.ok) expect(third.message).toContain(cell);
    expect(x.sheet(SHEET_NAMES.inputs).value(cell)).toBe("3.5 bananas");
  });

  test("the discount rate's row is formulas, not inputs: a refresh writes reference yield + spread back, whatever the cell held", async () => {
    const x = new ExcelDouble();
    const first = ok(await build(x, three()));
    const rate = `E${inputsRow("discount_rate")}`;
    const formula = `=ROUND(E${inputsRow("reference_yield")}+E${inputsRow("discount_spread")},12)`;
    expect(x.sheet(SHEET_NAMES.inputs).value(rate)).toBe(formula);
    // Not an input of the record: its row has no key, so the refresh never reads it as typed.
    const block = first.registry.blocks!["inputs.values"];
    expect(block.rows).not.toContain("discount_rate");
    expect(block.rows).toContain("discount_spread");
    x.sheet(SHEET_NAMES.inputs).set(rate, 0.085);
    const second = ok(await build(x, three(), first.registry));
    expect(second.keptEdits).toEqual([]);
    expect(x.sheet(SHEET_NAMES.inputs).value(rate)).toBe(formula);
  });

  test("a rate typed on a sheet built when the rate was an input is kept, as the spread that gives it", async () => {
    const x = new ExcelDouble();
    const first = ok(await build(x, three()));
    // The earlier layout keyed the rate's row as an input; the record of such a build says so.
    const block = first.registry.blocks!["inputs.values"];
    const i = inputsRow("discount_rate") - INPUTS.firstRow;
    const legacy: Registry = { ...first.registry, blocks: { ...first.registry.blocks, "inputs.values": { ...block, rows: block.rows.map((r, k) => (k === i ? "discount_rate" : r)) } } };
    const rate = `E${inputsRow("discount_rate")}`;
    const spread = `E${inputsRow("discount_spread")}`;
    x.sheet(SHEET_NAMES.inputs).set(rate, 0.085);
    const second = ok(await build(x, three(), legacy));
    expect(second.keptEdits).toEqual([`discount_spread in base (CORZ Inputs!${rate})`]);
    expect(second.keptInputs).toEqual([{ scenario: "base", key: "discount_spread", value: -0.005, where: `CORZ Inputs!${rate}` }]);
    // The spread takes the typed rate less base's 9% reference yield; the rate is its formula again, so it is 8.5%.
    expect(x.sheet(SHEET_NAMES.inputs).value(spread)).toBe(-0.005);
    expect(x.sheet(SHEET_NAMES.inputs).value(rate)).toMatch(/^=ROUND\(/);
    // And the next refresh keeps the spread as the user's.
    const third = ok(await build(x, three(), second.registry));
    expect(third.keptEdits).toEqual([`discount_spread in base (CORZ Inputs!${spread})`]);
    expect(x.sheet(SHEET_NAMES.inputs).value(spread)).toBe(-0.005);
  });

  test("an edited input that is not valid stops the refresh with its cell and the allowed range; nothing changes", async () => {
    const x = new ExcelDouble();
    const first = ok(await build(x, three()));
    const cell = `F${inputsRow("term_years")}`;
    x.sheet(SHEET_NAMES.inputs).set(cell, -3);
    const before = JSON.stringify(x.sheets.map((s) => s.snapshot()));
    const r = await build(x, three(), first.registry);
    expect(r).toEqual({ ok: false, syncs: 2, workbook: "unchanged", message: `CORZ Inputs!${cell} (term_years, bull): term_years must be a whole number of years from 1 to 30, got -3. Correct the cell and build again.` });
    expect(JSON.stringify(x.sheets.map((s) => s.snapshot()))).toBe(before);
  });

  test("cells the user added outside the add-in's blocks survive a refresh", async () => {
    const x = new ExcelDouble();
    const first = ok(await build(x, three()));
    const note = cellBelowBlocks(SHEET_NAMES.deal, plan(three()));
    x.sheet(SHEET_NAMES.deal).set(note, "my comment");
    x.sheet(SHEET_NAMES.summary).set("J2", 123);
    ok(await build(x, three(), first.registry));
    expect(x.sheet(SHEET_NAMES.deal).value(note)).toBe("my comment");
    expect(x.sheet(SHEET_NAMES.summary).value("J2")).toBe(123);
  });

  test("a user's cell where a new layout would write stops the refresh; nothing changes", async () => {
    const x = new ExcelDouble();
    const first = ok(await build(x, three()));
    // With three scenarios the notes end at column J; a fourth scenario moves them to K.
    x.sheet(SHEET_NAMES.inputs).set("K10", "mine");
    const before = JSON.stringify(x.sheets.map((s) => s.snapshot()));
    const r = await build(x, [...three(), scenario("base", [["delay_months", 3]], "late")], first.registry);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain("holds something of yours");
    expect(JSON.stringify(x.sheets.map((s) => s.snapshot()))).toBe(before);
  });

  test("a renamed sheet is still ours, under the user's name", async () => {
    const x = new ExcelDouble();
    const first = ok(await build(x, three()));
    x.sheet(SHEET_NAMES.deal).name = "Deal model";
    const second = ok(await build(x, three(), first.registry));
    expect(second.sheets.deal).toBe("Deal model");
    expect(x.sheets.map((s) => s.name)).toEqual(Object.values(SHEET_NAMES).map((n) => (n === SHEET_NAMES.deal ? "Deal model" : n)));
    expect(Object.values(x.sheet("CORZ Summary").snapshot()).some((f) => String(f).includes("'Deal model'!"))).toBe(true);
  });

  test("the scenario the user selected on the sheet stays selected after a refresh", async () => {
    const x = new ExcelDouble();
    const first = ok(await build(x, three()));
    x.sheet(SHEET_NAMES.inputs).set("D3", "bear");
    ok(await build(x, three(), first.registry));
    expect(x.sheet(SHEET_NAMES.inputs).value("D3")).toBe("bear");
  });

  test("a corrupt registry warns and treats existing sheets as the user's", async () => {
    const x = new ExcelDouble();
    ok(await build(x, three()));
    const { registry, warning } = parseRegistry("{not json");
    expect(warning).toMatch(/could not be read/);
    const before = JSON.stringify(x.sheets.map((s) => s.snapshot()));
    const r = ok(await build(x, three(), registry));
    expect(r.sheets.inputs).toBe("CORZ Inputs (2)");
    expect(JSON.stringify(x.sheets.slice(0, Object.keys(SHEET_NAMES).length).map((s) => s.snapshot()))).toBe(before);
    // The names the first build made are not provably ours any more: left alone.
    expect(r.skippedNames).toContain("CORZ_term_years");
    expect(x.names.get("CORZ_term_years")?.reference).toContain("'CORZ Inputs'!");
  });

  test("a failure while writing a first build removes the sheets it added", async () => {
    const x = new ExcelDouble();
    x.addSheet("Sheet1", { A1: 1 });
    x.failAt = { sync: 3, afterOps: 50 };
    const r = await build(x, three());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^Excel refused the build \(GeneralException .*\) at write request 1 of 1\. Everything it had changed was put back: the sheets it had added were removed/);
    if (!r.ok) expect(r.workbook).toBe("restored");
    expect(x.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
    expect(x.sheet("Sheet1").snapshot()).toEqual({ A1: 1 });
  });
});

test("text formats are applied before the text is written", async () => {
  const x = new ExcelDouble();
  ok(await build(x, three()));
  const cell = x.sheet(SHEET_NAMES.inputs).get(`I${inputsRow("t2_mw")}`);
  expect(cell).toMatchObject({ formula: "2024-06", numberFormat: "@" });
});

describe("tables", () => {
  test("the Peers comps table is an Excel table, refreshed without colliding with itself", async () => {
    const x = new ExcelDouble();
    const first = ok(await build(x, three()));
    expect(x.sheet("CORZ Peers").tables).toEqual([{ name: "CORZ_Peers", range: "A6:AE24", filter: true }]);
    ok(await build(x, three(), first.registry));
    expect(x.sheet("CORZ Peers").tables).toHaveLength(1);
  });
  test("a table of the user's named CORZ_Peers keeps its name; ours takes another", async () => {
    const x = new ExcelDouble();
    x.addSheet("Mine").tables.push({ name: "CORZ_Peers", range: "A1:B5" });
    const r = ok(await build(x, three()));
    expect(x.sheet("CORZ Peers").tables[0].name).toBe("CORZ_Peers2");
    expect(x.sheet("Mine").tables[0].name).toBe("CORZ_Peers");
    expect(r.registry.sheets.peers?.tables).toEqual(["CORZ_Peers2"]);
  });
  test("a table the user converted to a range is not converted again", async () => {
    const x = new ExcelDouble();
    const first = ok(await build(x, three()));
    x.sheet("CORZ Peers").tables = [];
    expect((await build(x, three(), first.registry)).ok).toBe(true);
    expect(x.sheet("CORZ Peers").tables).toHaveLength(1);
  });
});

describe("the user's figures on the Peers sheet", () => {
  const peerCell = (id: string, metric: string) => {
    const { PEERS_COLS, PEERS_ROWS } = require("../../src/plan/peers");
    const { PEERS, METRICS } = require("../../src/model/peers/data");
    const col = PEERS_COLS.metric0 + METRICS.findIndex((m: { key: string }) => m.key === metric);
    const row = PEERS_ROWS.first + PEERS.findIndex((p: { id: string }) => p.id === id);
    return `${String.fromCharCode(64 + col)}${row}`;
  };
  test("a typed market value and an excluded peer survive a refresh, even with another scenario set", async () => {
    const x = new ExcelDouble();
    const first = ok(await build(x, three()));
    const peers = x.sheet("CORZ Peers");
    peers.set(peerCell("equinix", "market_cap"), 92.17e9);
    peers.set("D19", false); // IREN's Include
    const second = ok(await build(x, [scenario("base")], first.registry));
    expect(peers.value(peerCell("equinix", "market_cap"))).toBe(92.17e9);
    expect(peers.value("D19")).toBe(false);
    expect(second.keptEdits).toEqual(["iren include (CORZ Peers!D19)", `equinix market_cap (CORZ Peers!${peerCell("equinix", "market_cap")})`]);
    ok(await build(x, three(), second.registry));
    expect(peers.value(peerCell("equinix", "market_cap"))).toBe(92.17e9);
  });
  test("text typed as a figure stops the refresh with the cell named", async () => {
    const x = new ExcelDouble();
    const first = ok(await build(x, three()));
    x.sheet("CORZ Peers").set(peerCell("equinix", "market_cap"), "about 90bn");
    const r = await build(x, three(), first.registry);
    expect(r).toMatchObject({ ok: false, message: `CORZ Peers!${peerCell("equinix", "market_cap")}: equinix market_cap must be a number or blank, got "about 90bn". Correct the cell and build again.` });
  });
});

test("the default Monte Carlo run on the Risk sheet is dated the day of the build", async () => {
  const x = new ExcelDouble();
  ok(await buildSheets(x.run, three(), EMPTY_REGISTRY, { today: "2026-11-24" }));
  expect(String(x.sheet("CORZ Risk").value("A3"))).toContain("seed 1, run 2026-11-24");
});
