/** The workbook plan, read directly: layout, formulas and conventions (no spreadsheet needed). */
import { ASSUMPTIONS, TRANCHE_DATA, TRANCHE_IDS } from "../../src/model/assumptions";
import { contractedLineLabel } from "../../src/model/capacity";
import { parseIso, toExcelSerial } from "../../src/model/dates";
import { TRANCHE_COUNT } from "../../src/model/deal";
import { REPORTED_QUARTERS, citeFigure } from "../../src/model/record";
import { cell, parseCell } from "../../src/plan/a1";
import { MAX_SCENARIOS, buildPlan, defaultRiskRun } from "../../src/plan/build";
import { DEAL_ROWS, TRANCHE_HEIGHT, TRANCHE_ROWS, WALK_ROWS, trancheRow, walkRow } from "../../src/plan/deal";
import { RECONCILE_STEPS } from "../../src/model/reconcile";
import { COL, COLOURS, FORMATS, ROW, SHEET_NAMES } from "../../src/plan/layout";
import { INPUTS } from "../../src/plan/inputs";
import { Block, CellContent, SheetKey, SheetPlan } from "../../src/plan/types";
import { PEERS_ROWS } from "../../src/plan/peers";
import { CUSTOMERS } from "../../src/plan/customers";
import { MINING_ROWS } from "../../src/plan/mining";
import { RISK_ROWS } from "../../src/plan/risk";
import { SUMMARY } from "../../src/plan/summary";
import { CHECKS } from "../../src/plan/checks";
import { plan, scenario } from "../support/plan";

const p = plan();
/** The Deal sheet's reported-vs-model blocks with a formula in every quarter column. */
const QUARTER_BLOCKS = [".reported.label", ".reported.window", ".reported.rows"];
const sheet = (key: string): SheetPlan => p.sheets.find((s) => s.key === key)!;
const formulas = p.sheets.flatMap((s) => s.blocks.flatMap((b) => b.cells.flat())).filter((v): v is string => typeof v === "string" && v.startsWith("="));

function cellOf(s: SheetPlan, a1: string): unknown {
  const { row, col } = parseCell(a1);
  for (const b of s.blocks) {
    const at = parseCell(b.at);
    const r = row - at.row;
    const c = col - at.col;
    if (r >= 0 && r < b.cells.length && c >= 0 && c < b.cells[r].length) return b.cells[r][c];
  }
  return undefined;
}

test("the add-in's sheets, in order", () => {
  expect(p.sheets.map((s) => s.name)).toEqual(["CORZ Inputs", "CORZ Deal", "CORZ Capacity", "CORZ Valuation", "CORZ Peers", "CORZ Leases", "CORZ Customers", "CORZ Mining vs HPC", "CORZ Risk", "CORZ Summary", "CORZ Checks"]);
  expect(p.scenarios).toEqual(["base", "bull", "bear"]);
});

test("block ids are unique and blocks never overlap on a sheet", () => {
  const ids = p.sheets.flatMap((s) => s.blocks.map((b) => b.id));
  expect(new Set(ids).size).toBe(ids.length);
  for (const s of p.sheets) {
    const seen = new Set<string>();
    for (const b of s.blocks) {
      const at = parseCell(b.at);
      b.cells.forEach((row, i) =>
        row.forEach((_, j) => {
          const k = `${at.row + i},${at.col + j}`;
          expect(seen.has(k) ? `${s.name} ${b.id} overlaps at ${k}` : "").toBe("");
          seen.add(k);
        }),
      );
    }
  }
});

test("every block is rectangular", () => {
  for (const s of p.sheets) for (const b of s.blocks) expect(new Set(b.cells.map((r) => r.length)).size).toBe(1);
});

test("formulas use only functions LibreOffice 7.4 has, and no OFFSET/INDIRECT", () => {
  const used = new Set(formulas.flatMap((f) => [...f.matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1])));
  const allowed = new Set(["SUM", "SUMPRODUCT", "IF", "MIN", "MAX", "INDEX", "MATCH", "AND", "OR", "NOT", "EDATE", "DATE", "YEAR", "ROUND", "IFERROR", "ISNUMBER", "COUNT", "MEDIAN", "AVERAGE", "CHOOSE", "LARGE", "ABS", "IRR", "INT", "PERCENTRANK", "NA"]);
  expect([...used].filter((f) => !allowed.has(f))).toEqual([]);
  for (const bad of ["LET(", "LAMBDA(", "XLOOKUP(", "FILTER(", "SEQUENCE(", "OFFSET(", "INDIRECT("]) {
    expect(formulas.some((f) => f.includes(bad))).toBe(false);
  }
});

test("Inputs: every assumption once, scenarios side by side, values as the model resolves them", () => {
  const inputs = sheet("inputs");
  const keys = inputs.blocks.find((b) => b.id === "inputs.labels")!.cells.map((r) => r[0]);
  for (const a of ASSUMPTIONS) expect(keys.filter((k) => k === a.key)).toHaveLength(1);
  const values = inputs.blocks.find((b) => b.id === "inputs.values")!;
  const row = keys.indexOf("licence_margin");
  expect(values.cells[row]).toEqual(p.scenarios.map((n) => scenario(n).values.licence_margin));
  const dateRow = keys.indexOf("t1_start");
  const start = parseIso(String(TRANCHE_DATA[0].start.base));
  if (!start.ok) throw new Error(start.error.message);
  expect(values.cells[dateRow][0]).toBe(toExcelSerial(start.value)); // the data's ISO date as an Excel serial
  expect(values.role).toBe("input");
});

test("Inputs: the selector has a dropdown of the scenarios and drives the live column through INDEX/MATCH", () => {
  const inputs = sheet("inputs");
  expect(inputs.validations).toEqual([{ range: "D3", source: "=$E$6:$G$6" }]);
  expect(cellOf(inputs, "D3")).toBe("base");
  expect(cellOf(inputs, "D4")).toBe("=MATCH($D$3,$E$6:$G$6,0)");
  const live = inputs.blocks.find((b) => b.id === "inputs.live")!;
  expect(live.cells.filter((r) => r[0] !== null).every((r) => /^=INDEX\(\$E\$\d+:\$G\$\d+,1,\$D\$4\)$/.test(String(r[0])))).toBe(true);
});

test("Inputs: sources and as-of dates beside every default; inputs in blue", () => {
  const inputs = sheet("inputs");
  const notes = inputs.blocks.find((b) => b.id === "inputs.sources")!;
  const labels = inputs.blocks.find((b) => b.id === "inputs.labels")!;
  labels.cells.forEach((r, i) => {
    if (r[1] !== null) {
      expect(String(notes.cells[i][0]).length).toBeGreaterThan(3);
      expect(String(notes.cells[i][1])).toMatch(/^\d{4}/);
    }
  });
  // Blue on the input fill: the scenario selector and the scenarios' values (a column per scenario, a row per label row), nothing else.
  const lastRow = INPUTS.firstRow + labels.cells.length - 1;
  const lastScenarioCol = INPUTS.firstScenarioCol + p.scenarios.length - 1;
  const blue = inputs.formats.filter((f) => f.fontColor === COLOURS.input);
  expect(blue.map((f) => f.range)).toEqual([cell(INPUTS.selectorRow, INPUTS.liveCol), `${cell(INPUTS.firstRow, INPUTS.firstScenarioCol)}:${cell(lastRow, lastScenarioCol)}`]);
  for (const f of blue) expect(f.fill).toBe(COLOURS.inputFill);
});

test("named ranges point at the live column of the key inputs", () => {
  const term = p.names.find((n) => n.name === "CORZ_term_years")!;
  expect(term.sheet).toBe(SHEET_NAMES.inputs);
  const { col, row } = parseCell(term.range);
  expect(col).toBe(INPUTS.liveCol);
  const labels = sheet("inputs").blocks.find((b) => b.id === "inputs.labels")!;
  expect(labels.cells[row - INPUTS.firstRow][0]).toBe("term_years");
  expect(p.names.map((n) => n.name)).toContain("CORZ_scenario");
});

test("Deal: one formula per row copied across (same formula shape in every year column)", () => {
  const deal = sheet("deal");
  const periods = deal.blocks.filter((b) => [".periods", ".npvRows", ".priceIndex", ...QUARTER_BLOCKS].some((q) => b.id.endsWith(q)));
  // live + each scenario, each with its year rows, its NPV rows, its price index by contract year and its reported-vs-model quarter rows
  expect(periods).toHaveLength((p.scenarios.length + 1) * (3 + QUARTER_BLOCKS.length));
  for (const b of periods) {
    for (const row of b.cells) {
      const shapes = new Set(row.slice(4).map((f) => String(f).replace(/\b[A-Z]{1,3}(\$?\d+)\b/g, "COL$1").replace(/\$[A-Z]{1,3}\$/g, "$C$")));
      expect(shapes.size).toBe(1);
    }
  }
});

test("Deal: rows a professional expects are there, with totals and NPV", () => {
  const labels = sheet("deal").blocks.filter((b) => b.id === "deal.s1.periods" || b.id === "deal.s1.npvRows").flatMap((b) => b.cells.map((r) => r[0]));
  for (const want of [
    "Billable MW (average over the year)",
    "Revenue (licence fee)",
    "Pass-through power (MW x load x PUE x hours x price)",
    "Gross profit",
    "Licence-fee gross margin",
    "Reported gross margin",
    "Gross profit from the valuation date (earned before it is history)",
    "Discount factor (year end to the valuation date)",
    "Discounted gross profit",
  ]) {
    expect(labels).toContain(want);
  }
  expect(DEAL_ROWS.npv).toBeGreaterThan(DEAL_ROWS.discounted);
});

test("Deal: the valuation date is a date, its decimal year is the model's arithmetic, and the discount factor runs from it", () => {
  const deal = sheet("deal");
  const r0 = ROW.firstBlock + DEAL_ROWS.height; // block s1
  /** The content of one cell (1-based row and column), from whichever block holds it. */
  const cellAt = (row: number, col: number): CellContent | undefined => {
    for (const b of deal.blocks) {
      const p0 = parseCell(b.at);
      const r = b.cells[row - p0.row];
      if (r && col >= p0.col && col < p0.col + r.length) return r[col - p0.col];
    }
    return undefined;
  };
  expect(cellAt(r0 + DEAL_ROWS.valuationDate, 1)).toBe("Valuation date (NPV as of this date)");
  expect(String(cellAt(r0 + DEAL_ROWS.valuationDate, COL.constant))).toMatch(/^=/);
  const d = `$C$${r0 + DEAL_ROWS.valuationDate}`;
  expect(cellAt(r0 + DEAL_ROWS.valuationTime, COL.constant)).toBe(`=YEAR(${d})+(${d}-DATE(YEAR(${d}),1,1))/(DATE(YEAR(${d})+1,1,1)-DATE(YEAR(${d}),1,1))`);
  expect(String(cellAt(r0 + DEAL_ROWS.discountFactor, COL.firstPeriod))).toContain(`$C$${r0 + DEAL_ROWS.valuationTime}`);
  expect(String(cellAt(r0 + DEAL_ROWS.counted, COL.firstPeriod))).toContain(`$C$${r0 + DEAL_ROWS.revenueFromValuation}`);
  const formulas = deal.blocks.flatMap((b) => b.cells.flat()).filter((c): c is string => typeof c === "string" && c.startsWith("="));
  expect(formulas.filter((f) => /\b(YEARFRAC|LET|LAMBDA|XLOOKUP|FILTER|SEQUENCE)\(/.test(f))).toEqual([]);
  expect(deal.formats.find((f) => f.range === `C${r0 + DEAL_ROWS.valuationDate}`)?.numberFormat).toBe(FORMATS.date);
});

test("no constants typed inside period formulas (only cell references and the formula's structure)", () => {
  const deal = sheet("deal");
  for (const b of deal.blocks.filter((x) => [".periods", ".priceIndex", ...QUARTER_BLOCKS].some((q) => x.id.endsWith(q)))) {
    for (const f of b.cells.flatMap((r) => r.slice(4)).map(String)) {
      const stripped = f.replace(/\$?[A-Z]{1,3}\$?\d+/g, "REF");
      const numbers = stripped.match(/\d+(\.\d+)?/g) ?? [];
      // 0, 1 and 2 appear as structure (MAX(x,0), ^2, 2*r, +1 year); nothing else.
      expect(numbers.filter((n) => !["0", "1", "2"].includes(n))).toEqual([]);
    }
  }
});

/** The content of one cell (1-based row and column) of a sheet, from whichever block holds it. */
function contentAt(s: SheetPlan, row: number, col: number): CellContent | undefined {
  for (const b of s.blocks) {
    const at = parseCell(b.at);
    const r = b.cells[row - at.row];
    if (r && col >= at.col && col < at.col + r.length) return r[col - at.col];
  }
  return undefined;
}

test("Deal: the tranches are the data's, however many: one group of constants and one MW and revenue row each, labelled from the data", () => {
  const deal = sheet("deal");
  const r0 = ROW.firstBlock + DEAL_ROWS.height; // block s1
  expect(DEAL_ROWS.contractedMw - DEAL_ROWS.tranche0).toBe(TRANCHE_HEIGHT * TRANCHE_COUNT);
  expect(DEAL_ROWS.mwTotal - DEAL_ROWS.mw0).toBe(TRANCHE_COUNT);
  expect(DEAL_ROWS.revenue - DEAL_ROWS.rev0).toBe(TRANCHE_COUNT);
  expect(DEAL_ROWS.quarterLicence - DEAL_ROWS.licence0).toBe(TRANCHE_COUNT);
  TRANCHE_IDS.forEach((id, i) => {
    const label = contractedLineLabel(id);
    expect(contentAt(deal, r0 + trancheRow(i, TRANCHE_ROWS.mw), 1)).toBe(`${label}: MW`);
    expect(String(contentAt(deal, r0 + trancheRow(i, TRANCHE_ROWS.mw), COL.constant))).toMatch(new RegExp(`^='CORZ Inputs'!\\$E\\$${p.names.find((n) => n.name === `CORZ_${id}_mw`)!.range.replace(/\D/g, "")}$`));
    expect(contentAt(deal, r0 + DEAL_ROWS.mw0 + i, 1)).toBe(`${label}: billable MW (average over the year)`);
    expect(contentAt(deal, r0 + DEAL_ROWS.rev0 + i, 1)).toBe(`${label}: revenue (licence fee)`);
    expect(contentAt(deal, r0 + DEAL_ROWS.licence0 + i, 1)).toBe(`${label}: licence revenue in the quarter`);
  });
  // Totals add every tranche, and only them.
  const mwCells = TRANCHE_IDS.map((_, i) => `$C$${r0 + trancheRow(i, TRANCHE_ROWS.mw)}`);
  expect(contentAt(deal, r0 + DEAL_ROWS.contractedMw, COL.constant)).toBe(`=${mwCells.join("+")}`);
  expect(contentAt(deal, r0 + DEAL_ROWS.mwTotal, COL.firstPeriod)).toBe(`=SUM(E${r0 + DEAL_ROWS.mw0}:E${r0 + DEAL_ROWS.mw0 + TRANCHE_COUNT - 1})`);
  expect(contentAt(deal, r0 + DEAL_ROWS.revenue, COL.firstPeriod)).toBe(`=SUM(E${r0 + DEAL_ROWS.rev0}:E${r0 + DEAL_ROWS.rev0 + TRANCHE_COUNT - 1})`);
  // Revenue from the valuation date: one window SUMPRODUCT per tranche, added up.
  expect(contentAt(deal, r0 + DEAL_ROWS.revenueFromValuation, COL.constant)).toBe(`=SUM($C$${r0 + DEAL_ROWS.fromValuation0}:$C$${r0 + DEAL_ROWS.fromValuation0 + TRANCHE_COUNT - 1})`);
  TRANCHE_IDS.forEach((_, i) => {
    expect(String(contentAt(deal, r0 + DEAL_ROWS.fromValuation0 + i, COL.constant)).match(/SUMPRODUCT\(/g)).toHaveLength(1);
    expect(String(contentAt(deal, r0 + DEAL_ROWS.unitPv0 + i, COL.constant))).toContain(`$C$${r0 + trancheRow(i, TRANCHE_ROWS.value)}`);
  });
});

test("Deal: below the blocks, the walk from the seed block to the base block: the model's steps, each with its public source", () => {
  const w = plan(["base", "seed", "bull", "bear"].map((n) => scenario(n)));
  const deal = w.sheets.find((x) => x.key === "deal")!;
  const r0 = walkRow(w.scenarios.length + 1);
  const block = (name: string) => ROW.firstBlock + (w.scenarios.indexOf(name) + 1) * DEAL_ROWS.height;
  expect(contentAt(deal, r0 + WALK_ROWS.from, 1)).toBe(`=$A$${block("seed")}`);
  expect(contentAt(deal, r0 + WALK_ROWS.to, 1)).toBe(`=$A$${block("base")}`);
  const steps: [number, string][] = [
    [WALK_ROWS.newTranches, RECONCILE_STEPS.newTranches],
    [WALK_ROWS.schedule, RECONCILE_STEPS.schedule],
    [WALK_ROWS.price, RECONCILE_STEPS.price],
    [WALK_ROWS.margin, RECONCILE_STEPS.margin],
  ];
  for (const [off, label] of steps) {
    expect(contentAt(deal, r0 + off, 1)).toBe(label);
    expect(String(contentAt(deal, r0 + off, COL.firstPeriod + 1))).toMatch(/<https:\/\/[^>]+>/);
  }
  // It ends at the base block's own MW and value, and checks its NPV against the block's.
  expect(contentAt(deal, r0 + WALK_ROWS.to, COL.constant)).toBe(`=$C$${block("base") + DEAL_ROWS.contractedMw}`);
  expect(String(contentAt(deal, r0 + WALK_ROWS.check, COL.firstPeriod))).toContain(`$C$${block("base") + DEAL_ROWS.npv}`);
  expect(deal.blocks.filter((x) => x.id.startsWith("deal.walk."))).toHaveLength(3);
  // Without the seed (the default plan here: base, bull, bear) there is no walk.
  expect(sheet("deal").blocks.some((x) => x.id.startsWith("deal.walk."))).toBe(false);
});

test("Deal: reported vs model: the record's quarters across, its figures and sources as constants, the model's basis as formulas", () => {
  const deal = sheet("deal");
  for (let j = 0; j <= p.scenarios.length; j++) {
    const r0 = ROW.firstBlock + j * DEAL_ROWS.height;
    const R = (off: number) => r0 + off;
    expect(String(contentAt(deal, R(DEAL_ROWS.reportedHeader), 1))).toMatch(/^Reported vs model/);
    REPORTED_QUARTERS.forEach((q, i) => {
      const c = COL.firstPeriod + i;
      const [y, n] = q.period.split("-Q").map(Number);
      expect([contentAt(deal, R(DEAL_ROWS.quarterYear), c), contentAt(deal, R(DEAL_ROWS.quarterNumber), c)]).toEqual([y, n]);
      expect(contentAt(deal, R(DEAL_ROWS.reported), c)).toBe(q.colocationRevenueUsd.value);
      const source = String(contentAt(deal, R(DEAL_ROWS.reportedSource), c));
      expect(source).toBe(citeFigure(q.colocationRevenueUsd));
      expect(source).toMatch(/<https:\/\/[^>]+>/); // a public address, never a path in this repository
      expect(source).not.toMatch(/src\/|tests\/|\.ts\b/);
    });
    // Nothing beyond the last reported quarter.
    const past = COL.firstPeriod + REPORTED_QUARTERS.length;
    for (let off = DEAL_ROWS.quarterLabel; off <= DEAL_ROWS.varianceRate; off++) expect(contentAt(deal, R(off), past)).toBeUndefined();
    expect(contentAt(deal, R(DEAL_ROWS.monthsPerQuarter), COL.constant)).toBe(3);
    const live = j === 0 ? INPUTS.liveCol : INPUTS.firstScenarioCol + j - 1;
    const inputsCell = (key: string) => `='CORZ Inputs'!${p.names.find((n) => n.name === `CORZ_${key}`)!.range.replace(/^\$[A-Z]+/, `$${String.fromCharCode(64 + live)}`)}`;
    expect(contentAt(deal, R(DEAL_ROWS.otherColocation), COL.constant)).toBe(inputsCell("other_colocation_revenue"));
    expect(contentAt(deal, R(DEAL_ROWS.powerShare), COL.constant)).toBe(inputsCell("reported_power_share"));
  }
  const r0 = ROW.firstBlock + DEAL_ROWS.height;
  const E = (off: number) => `E${r0 + off}`;
  const M = `$C$${r0 + DEAL_ROWS.monthsPerQuarter}`;
  const d = `DATE(${E(DEAL_ROWS.quarterYear)},${E(DEAL_ROWS.quarterNumber)}*${M}+1,1)`; // Q4: DATE(y,13,1), 1 January next year
  expect(contentAt(deal, r0 + DEAL_ROWS.quarterEnd, COL.firstPeriod)).toBe(`=YEAR(${d})+(${d}-DATE(YEAR(${d}),1,1))/(DATE(YEAR(${d})+1,1,1)-DATE(YEAR(${d}),1,1))`);
  expect(contentAt(deal, r0 + DEAL_ROWS.quarterLabel, COL.firstPeriod)).toBe(`=${E(DEAL_ROWS.quarterYear)}&"-Q"&${E(DEAL_ROWS.quarterNumber)}`);
  expect(contentAt(deal, r0 + DEAL_ROWS.modelReported, COL.firstPeriod)).toBe(`=${E(DEAL_ROWS.quarterLicence)}+${E(DEAL_ROWS.otherColocation)}+${E(DEAL_ROWS.quarterPower)}`);
  expect(contentAt(deal, r0 + DEAL_ROWS.variance, COL.firstPeriod)).toBe(`=${E(DEAL_ROWS.modelReported)}-${E(DEAL_ROWS.reported)}`);
  // The quarter's licence revenue is the window form of the year's: four ramp integrals per contract year.
  const licence = String(contentAt(deal, r0 + DEAL_ROWS.licence0, COL.firstPeriod));
  expect(licence).toContain(E(DEAL_ROWS.quarterStart));
  expect(licence).toContain(E(DEAL_ROWS.quarterEnd));
  expect(licence.match(/SUMPRODUCT\(/g)).toHaveLength(1);
});

test("every sheet shows the master check in row 2 and freezes its headers", () => {
  // The rows frozen on each sheet: down to its header row (the Valuation sheet, whose blocks start far below its grids, and
  // the Leases sheet, whose table starts below its statistics, only the title and check; Mining down to its notice).
  const frozenRows: Record<SheetKey, number> = {
    inputs: INPUTS.headerRow,
    deal: ROW.timeline,
    capacity: ROW.timeline,
    valuation: ROW.check,
    peers: PEERS_ROWS.header,
    leases: ROW.title,
    customers: CUSTOMERS.header,
    mining: MINING_ROWS.notice,
    risk: RISK_ROWS.status,
    summary: SUMMARY.headerRow,
    checks: CHECKS.headerRow,
  };
  for (const s of p.sheets) {
    expect(String(cellOf(s, "A2"))).toContain("'CORZ Checks'!$C$3");
    expect([s.key, s.freeze.rows]).toEqual([s.key, frozenRows[s.key]]);
    expect(s.columnWidths.length).toBeGreaterThan(1);
  }
});

test("Summary: a column per scenario plus live, and two charts over the live block", () => {
  const s = sheet("summary");
  const header = s.blocks.find((b) => b.id === "summary.header")!.cells[0];
  expect(header.slice(3)).toEqual(["base", "bull", "bear"]);
  expect(String(header[2])).toContain("Live");
  expect(s.charts.map((c) => c.type)).toEqual(["ColumnClustered", "Line"]);
  expect(s.charts[0].series.map((x) => x.name)).toEqual(["Revenue (licence fee)", "Gross profit"]);
});

test("the plan size grows linearly with scenarios and stays well under Excel on the web's 5 MB request limit", () => {
  const three = JSON.stringify(p).length;
  const twelve = JSON.stringify(plan(Array.from({ length: 12 }, (_, i) => scenario("base", [], `s${i}`)))).length;
  // About 0.6 MB of the three-scenario plan is the Valuation sheet, most of it the delay grid's
  // revenue under five delays (it does not grow with the scenarios): measured in `npm run bench`.
  expect(three).toBeLessThan(2_000_000);
  expect(twelve).toBeLessThan(5_000_000);
});

test("bad scenario sets are errors, not crashes", () => {
  expect(buildPlan([])).toMatchObject({ ok: false });
  const dup = buildPlan([scenario("base"), scenario("bull", [], "BASE")]);
  expect(dup).toMatchObject({ ok: false, error: { kind: "value", message: 'scenario names must be unique, "BASE" appears twice' } });
  expect(buildPlan(Array.from({ length: MAX_SCENARIOS + 1 }, (_, i) => scenario("base", [], `s${i}`)))).toMatchObject({ ok: false });
});

test("the plan is deterministic", () => {
  expect(JSON.stringify(plan())).toBe(JSON.stringify(p));
});

void ({} as Block);

test("other sheet names flow into every cross-sheet formula", () => {
  const r = buildPlan([scenario("base")], { sheetNames: { deal: "CORZ Deal (2)", inputs: "My Inputs's" } });
  if (!r.ok) throw new Error(r.error.message);
  const all = r.value.sheets.flatMap((s) => s.blocks.flatMap((b) => b.cells.flat())).map(String);
  expect(all.some((f) => f.includes("'CORZ Deal (2)'!"))).toBe(true);
  expect(all.some((f) => f.includes("'My Inputs''s'!"))).toBe(true);
  expect(all.some((f) => f.includes("'CORZ Deal'!"))).toBe(false);
  expect(r.value.sheets.map((s) => s.name)).toContain("CORZ Deal (2)");
  expect(buildPlan([scenario("base")], { sheetNames: { deal: "bad/name" } })).toMatchObject({ ok: false });
});

test("source and as-of text is formatted as text, so Excel does not turn 2024-06 into a date", () => {
  const inputs = sheet("inputs");
  const sources = inputs.blocks.find((b) => b.id === "inputs.sources")!;
  const f = inputs.formats.find((x) => x.numberFormat === "@");
  expect(f?.range.startsWith(sources.at)).toBe(true);
  expect(sources.cells.flat().some((v) => typeof v === "string" && v.startsWith("="))).toBe(false);
});

describe("Peers sheet", () => {
  const peers = () => sheet("peers");
  test("a comps table: every peer a row, figures blue and editable, an Excel table over it", () => {
    const s = peers();
    const rows = s.blocks.find((b) => b.id === "peers.peers")!.cells.map((r) => r[0]);
    expect(rows).toHaveLength(18);
    const figures = s.blocks.find((b) => b.id === "peers.figures")!;
    expect(figures.role).toBe("input");
    expect(figures.keys?.cols).toEqual(["market_cap", "debt", "cash", "revenue", "ebitda", "mw_contracted", "mw_active", "backlog"]);
    expect(figures.cells.flat().filter((v) => v !== null).length).toBeGreaterThan(60);
    expect(s.tables).toEqual([{ name: "CORZ_Peers", range: "A6:AE24" }]);
  });
  test("EV is a native formula over the three dated inputs of its row: market value + debt - cash", () => {
    const ev = peers().blocks.find((b) => b.id === "peers.ev")!;
    expect(ev.role).toBe("calc");
    expect(ev.cells[0][0]).toBe('=IF(AND(ISNUMBER($E7),ISNUMBER($F7),ISNUMBER($G7)),$E7+$F7-$G7,"")');
    expect(ev.cells).toHaveLength(18);
  });
  test("statistics are MEDIAN/AVERAGE/MAX/MIN/COUNT over the in-statistics columns, blank when no peer has a value", () => {
    const stats = peers().blocks.find((b) => b.id === "peers.stats")!;
    expect(stats.cells.map((r) => String(r[0]).match(/[A-Z]+\(/g)?.pop())).toEqual(["MEDIAN(", "AVERAGE(", "MAX(", "MIN(", "COUNT("]);
    expect(stats.cells[4][0]).toMatch(/^=COUNT\(\$W\$7:\$W\$24\)$/);
    expect(stats.cells[0][0]).toBe('=IF(COUNT($W$7:$W$24)=0,"",MEDIAN($W$7:$W$24))');
  });
  test("Core Scientific is shown but never in its own statistics", () => {
    const s = peers();
    const names = s.blocks.find((b) => b.id === "peers.peers")!.cells.map((r) => r[0]);
    const i = names.indexOf("Core Scientific");
    expect(s.blocks.find((b) => b.id === "peers.include")!.cells[i][0]).toBe(false);
    expect(s.blocks.find((b) => b.id === "peers.used")!.cells[i].every((v) => v === '=""')).toBe(true);
  });
  test("the pane's choices reach the sheet: group, statistic, multiple, exclusions, year, shares", () => {
    const r = buildPlan([scenario("base")], { peers: { group: "hpc-host", stat: "low", multiple: "ev_ebitda", exclude: ["iren"], year: 2030, shares: 1e8 } });
    if (!r.ok) throw new Error(r.error.message);
    const s = r.value.sheets.find((x) => x.key === "peers")!;
    expect(s.blocks.find((b) => b.id === "peers.group")!.cells).toEqual([["hpc-host"]]);
    expect(s.blocks.find((b) => b.id === "peers.valuation.choices")!.cells).toEqual([["EV / EBITDA"], ["Low"], [2030], [1e8]]);
    expect(sheet("peers").blocks.find((b) => b.id === "peers.valuation.choices")!.cells[0]).toEqual(["EV per contracted MW"]);
    const names = s.blocks.find((b) => b.id === "peers.peers")!.cells.map((x) => x[0]);
    expect(s.blocks.find((b) => b.id === "peers.include")!.cells[names.indexOf("IREN")][0]).toBe(false);
  });
  test("every default's as-of date is on the sheet, with the notice that market values move daily", () => {
    const s = peers();
    const notes = s.blocks.find((b) => b.id === "peers.sources")!.cells.map((r) => String(r[0]));
    expect(notes.find((n) => n.includes("IREN") || n.includes("Microsoft contract"))).toMatch(/as of \d{4}/);
    expect(String(s.blocks.find((b) => b.id === "peers.notice")!.cells[0][0])).toContain("Market values move daily");
    expect(String(s.blocks.find((b) => b.id === "peers.notice")!.cells[0][0])).toContain("quarter ended 2026-03-31, annualised (x4)");
  });
  test("a published multiple names its publisher and date beside it", () => {
    const s = peers();
    const names = s.blocks.find((b) => b.id === "peers.peers")!.cells.map((r) => r[0]);
    const pub = s.blocks.find((b) => b.id === "peers.published")!.cells;
    expect(pub[names.indexOf("CoreWeave")]).toEqual([6.8, "Top Tier Strategy, 2026-05-10"]);
    for (const row of pub) expect(row[0] === null).toBe(row[1] === "");
  });
  test("the implied value refuses below the minimum of 3 peers and says what it rests on", () => {
    const s = peers();
    const min = s.blocks.find((b) => b.id === "peers.valuation.minimum")!.cells[0];
    expect(min.slice(0, 3)).toEqual(["Minimum peers for an implied value", "count", 3]);
    const value = String(s.blocks.find((b) => b.id === "peers.valuation")!.cells[2][2]);
    expect(value).toMatch(/^=IF\(\$C\$\d+<\$C\$\d+,"n\/a",/);
    const basis = String(s.blocks.find((b) => b.id === "peers.valuation.basis")!.cells[0][2]);
    expect(basis).toContain('"n/a: only "&');
    expect(basis).toContain("$AD$24"); // the running list of peers' names ends on the last peer row
    const running = s.blocks.find((b) => b.id === "peers.names")!.cells.map((r) => String(r[0]));
    expect(running[1]).toMatch(/^=AD7&IF\(/);
  });
});

describe("Risk sheet", () => {
  test("the run's seed, paths and date are written beside the results; shares are formulas over written-out bins", () => {
    const run = defaultRiskRun(scenario("base"), 2000, 7);
    if ("error" in run) throw new Error(run.error.message);
    const r = buildPlan([scenario("base")], { risk: { ...run, runDate: "2026-11-24" } });
    if (!r.ok) throw new Error(r.error.message);
    const s = r.value.sheets.find((x) => x.key === "risk")!;
    const note = String(s.blocks.find((b) => b.id === "risk.run")!.cells[0][0]);
    expect(note).toContain('scenario "base", 2,000 paths, seed 7, run 2026-11-24');
    const hist = s.blocks.find((b) => b.id === "risk.histogram")!;
    expect(hist.cells.reduce((n, row) => n + Number(row[2]), 0)).toBe(2000);
    const shares = s.blocks.find((b) => b.id === "risk.histogram.shares")!;
    expect(String(shares.cells[0][0])).toMatch(/^=C\d+\/SUM\(\$C\$\d+:\$C\$\d+\)$/);
    expect(s.charts.map((c) => c.id)).toEqual(["risk.histogram"]);
    const results = s.blocks.find((b) => b.id === "risk.results")!.cells.map((x) => x[0]);
    expect(results[4]).toBe(run.summary.npv.p10);
    expect(results[6]).toBe(run.summary.npv.p90);
  });
  test("without a run, the plan makes the default one: seed 1, no date", () => {
    const s = sheet("risk");
    expect(String(s.blocks.find((b) => b.id === "risk.run")!.cells[0][0])).toContain("seed 1, run on an unrecorded date");
  });
});
