/**
 * The Leases sheet through the Office.js adapter and the strict Excel double: the table and the
 * XY scatter land; what the user types over a deal's inputs and a deal typed into a user row
 * survive a refresh; a row typed under the table joins it at the next refresh, unless that would
 * lose something of the user's (then it is left exactly as it is); a value that cannot be kept
 * stops the refresh with nothing changed.
 */
import { buildSheets } from "../../src/excel/apply";
import { EMPTY_REGISTRY, Registry } from "../../src/excel/registry";
import { LEASES } from "../../src/model/leases/data";
import { leaseStat, percentileOf } from "../../src/model/leases/normalise";
import { cell } from "../../src/plan/a1";
import { LEASE_COLS, LEASE_ROWS, LEASE_SUBJECT, LeaseColumn, leaseRowFormulas } from "../../src/plan/leases";
import { SHEET_NAMES } from "../../src/plan/layout";
import { Evaluator, bookOf } from "../../src/preview/formula";
import { ExcelDouble } from "../support/excelDouble";
import { okReport, scenario } from "../support/plan";

const NAME = SHEET_NAMES.leases;
const scenarios = () => ["base", "bull", "bear"].map((n) => scenario(n));
const rowOf = (id: string) => LEASE_ROWS.first + LEASES.findIndex((l) => l.id === id);
const at = (row: number, k: LeaseColumn) => cell(row, LEASE_COLS[k]);
const USER = LEASE_ROWS.firstUser;
const BELOW = LEASE_ROWS.last + 1;

async function build(x: ExcelDouble, registry: Registry = EMPTY_REGISTRY) {
  return buildSheets(x.run, scenarios(), registry, { today: "2026-11-26" });
}

/** What an analyst does on the sheet: types over a gross deal's critical-IT MW, drops a deal, adds one in a user row and one under the table. */
function typeOnSheet(x: ExcelDouble): void {
  x.type(NAME, at(rowOf("galaxy-helios-coreweave"), "critical_it_mw"), 600);
  x.type(NAME, at(rowOf("riot-rockdale-amd"), "comparable"), false);
  const mine: [LeaseColumn, string | number][] = [
    ["id", "my-deal"],
    ["host", "Host Co"],
    ["tenant", "Tenant Co"],
    ["critical_it_mw", 100],
    ["value_usd", 3e9],
    ["term_years", 15],
    ["sources", "Host Co 8-K (2026-11-02) https://example.com/8k"],
  ];
  for (const [k, v] of mine) x.type(NAME, at(USER, k), v);
  // A row typed just under the table: Excel grows the table over it.
  x.type(NAME, at(BELOW, "id"), "appended-deal");
  x.type(NAME, at(BELOW, "critical_it_mw"), 50);
  x.type(NAME, at(BELOW, "value_usd"), 1e9);
  const table = x.sheet(NAME).tables.find((t) => t.name === "CORZ_Leases")!;
  table.range = table.range.replace(/\d+$/, String(BELOW));
}

describe("the Leases sheet in Excel", () => {
  test("the first build writes the table, its formulas and an XY scatter of $ per MW-year against the term", async () => {
    const x = new ExcelDouble();
    okReport(await build(x));
    const s = x.sheet(NAME);
    expect(x.sheets.map((w) => w.name).indexOf(NAME)).toBe(x.sheets.map((w) => w.name).indexOf(SHEET_NAMES.peers) + 1);
    expect(s.tables.map((t) => [t.name, t.range.replace(/^.*!/, "")])).toEqual([["CORZ_Leases", `A${LEASE_ROWS.header}:Q${LEASE_ROWS.last}`]]);
    expect(s.charts).toHaveLength(1);
    expect(s.charts[0].type).toBe("XYScatter");
    expect(s.charts[0].series[0].values).toContain(`O${LEASE_ROWS.first}:O${LEASE_ROWS.last}`);
    expect(s.charts[0].series[0].xValues).toContain(`J${LEASE_ROWS.first}:J${LEASE_ROWS.last}`);
    expect(String(s.value(at(rowOf(LEASE_SUBJECT), "usd_per_mw_year")))).toMatch(/^=IF\(ISNUMBER\(L\d+\)/);
    const ev = new Evaluator(bookOf(x));
    const median = leaseStat("usdPerMwYear", "median");
    expect(ev.value(NAME, LEASE_ROWS.stats.median, 3) as number).toBeCloseTo(median.ok ? median.value : NaN, 4);
  });

  test("a refresh keeps typed inputs and a deal in a user row, takes in the row typed under the table, and the statistics follow them", async () => {
    const x = new ExcelDouble();
    const first = okReport(await build(x));
    typeOnSheet(x);
    const below = [at(BELOW, "id"), at(BELOW, "critical_it_mw"), at(BELOW, "value_usd")].map((a) => x.sheet(NAME).value(a));
    const again = okReport(await build(x, first.registry));
    const s = x.sheet(NAME);
    expect(s.value(at(rowOf("galaxy-helios-coreweave"), "critical_it_mw"))).toBe(600);
    expect(s.value(at(rowOf("riot-rockdale-amd"), "comparable"))).toBe(false);
    expect([s.value(at(USER, "id")), s.value(at(USER, "value_usd")), s.value(at(USER, "sources"))]).toEqual(["my-deal", 3e9, "Host Co 8-K (2026-11-02) https://example.com/8k"]);
    expect(again.keptEdits).toEqual(
      expect.arrayContaining([
        `galaxy-helios-coreweave critical_it_mw (${NAME}!${at(rowOf("galaxy-helios-coreweave"), "critical_it_mw")})`,
        `user-1 value_usd (${NAME}!${at(USER, "value_usd")})`,
      ]),
    );
    // The row under the table is now the ninth user row: its values where they were, the table's formulas beside them, the table over it.
    expect([at(BELOW, "id"), at(BELOW, "critical_it_mw"), at(BELOW, "value_usd")].map((a) => s.value(a))).toEqual(below);
    expect(String(s.value(at(BELOW, "usd_per_mw")))).toBe(`=IF(AND(ISNUMBER(H${BELOW}),ISNUMBER(I${BELOW})),IF(H${BELOW}>0,I${BELOW}/H${BELOW},"n/a"),IF(AND(H${BELOW}="",I${BELOW}=""),"","n/a"))`);
    expect(s.tables.map((t) => t.range.replace(/^.*!/, ""))).toEqual([`A${LEASE_ROWS.header}:Q${BELOW}`]);
    expect(again.keptEdits).toEqual(expect.arrayContaining([`user-9 id (${NAME}!${at(BELOW, "id")})`, `user-9 value_usd (${NAME}!${at(BELOW, "value_usd")})`]));
    expect(String(s.value(cell(LEASE_ROWS.stats.median, 3)))).toBe(`=IF(COUNT($N$${LEASE_ROWS.first}:$N$${BELOW})=0,"",MEDIAN($N$${LEASE_ROWS.first}:$N$${BELOW}))`);

    // A third build still keeps them (the registry now records them as the user's).
    const third = okReport(await build(x, again.registry));
    expect(x.sheet(NAME).value(at(USER, "term_years"))).toBe(15);
    expect(x.sheet(NAME).value(at(BELOW, "id"))).toBe("appended-deal");
    expect(third.keptEdits.length).toBe(again.keptEdits.length);

    // The statistics over the sheet as typed equal the model's over the same deals.
    const typed = LEASES.map((l) =>
      l.id === "galaxy-helios-coreweave" ? { ...l, mw: { ...l.mw, value: 600 }, mwBasis: "critical IT" as const } : l.id === "riot-rockdale-amd" ? { ...l, comparable: false } : l,
    );
    const mine = { ...LEASES[0], id: "my-deal", mw: { ...LEASES[0].mw, value: 100 }, contractValueUsd: { ...LEASES[0].contractValueUsd, value: 3e9 }, termYears: { ...LEASES[0].termYears, value: 15 } };
    // The row taken in has no term: its $ per MW-year is n/a, so it is not in the statistics.
    expect(new Evaluator(bookOf(x)).value(NAME, BELOW, LEASE_COLS.usd_per_mw_year)).toBe("n/a");
    const all = [...typed, mine];
    const ev = new Evaluator(bookOf(x));
    const want = (r: { ok: true; value: number } | { ok: false }) => (r.ok ? r.value : NaN);
    expect(ev.value(NAME, LEASE_ROWS.stats.count, 3)).toBe(want(leaseStat("usdPerMwYear", "count", undefined, all)));
    expect(ev.value(NAME, LEASE_ROWS.stats.median, 3) as number).toBeCloseTo(want(leaseStat("usdPerMwYear", "median", undefined, all)), 4);
    expect(ev.value(NAME, LEASE_ROWS.stats.percentile, 3) as number).toBeCloseTo(want(percentileOf(LEASE_SUBJECT, "usdPerMwYear", undefined, all)), 9);
  });

  test("a row under the table with something of the user's in a formula column stays as it is, with every row under it", async () => {
    const x = new ExcelDouble();
    const first = okReport(await build(x));
    x.type(NAME, at(BELOW, "id"), "appended-deal");
    x.type(NAME, at(BELOW, "usd_per_mw"), 123);
    x.type(NAME, at(BELOW + 1, "id"), "another");
    const rows = (s = x.sheet(NAME)) => [BELOW, BELOW + 1].map((r) => [at(r, "id"), at(r, "usd_per_mw")].map((a) => s.value(a)));
    const before = rows();
    const again = okReport(await build(x, first.registry));
    expect(rows()).toEqual(before);
    expect(x.sheet(NAME).tables.map((t) => t.range.replace(/^.*!/, ""))).toEqual([`A${LEASE_ROWS.header}:Q${LEASE_ROWS.last}`]);
    expect(again.keptEdits.filter((e) => e.startsWith("user-"))).toEqual([]);
  });

  test("a row Excel filled with the table's formulas is taken in, and so are the rows under it; a row with a formula of the user's in an input cell is not", async () => {
    const x = new ExcelDouble();
    const first = okReport(await build(x));
    const [perMw, perMwYear, inStats, chart] = leaseRowFormulas(BELOW);
    x.type(NAME, at(BELOW, "id"), "filled-by-excel");
    x.type(NAME, at(BELOW, "critical_it_mw"), 40);
    x.type(NAME, at(BELOW, "value_usd"), 1.2e9);
    x.type(NAME, at(BELOW, "term_years"), 15);
    for (const [k, f] of [["usd_per_mw", perMw], ["usd_per_mw_year", perMwYear], ["in_stats", inStats], ["chart", chart]] as const) x.type(NAME, at(BELOW, k), String(f));
    x.type(NAME, at(BELOW + 1, "id"), "second");
    x.type(NAME, at(BELOW + 2, "id"), "with a formula");
    x.type(NAME, at(BELOW + 2, "value_usd"), "=2*1e9");
    const again = okReport(await build(x, first.registry));
    const s = x.sheet(NAME);
    expect(s.tables.map((t) => t.range.replace(/^.*!/, ""))).toEqual([`A${LEASE_ROWS.header}:Q${BELOW + 1}`]);
    expect(again.keptEdits).toEqual(expect.arrayContaining([`user-9 term_years (${NAME}!${at(BELOW, "term_years")})`, `user-10 id (${NAME}!${at(BELOW + 1, "id")})`]));
    expect([s.value(at(BELOW + 2, "id")), s.value(at(BELOW + 2, "value_usd"))]).toEqual(["with a formula", "=2*1e9"]);
    // $1.2B / 40 MW / 15 years = $2M per MW-year, now in the count.
    const ev = new Evaluator(bookOf(x));
    expect(ev.value(NAME, BELOW, LEASE_COLS.usd_per_mw_year) as number).toBeCloseTo(2e6, 6);
    const count = leaseStat("usdPerMwYear", "count");
    expect(ev.value(NAME, LEASE_ROWS.stats.count, 3)).toBe((count.ok ? count.value : NaN) + 1);
  });

  test("a refresh that takes in a row and fails half-way puts every cell back as it was", async () => {
    const x = new ExcelDouble();
    const first = okReport(await build(x));
    typeOnSheet(x);
    const cells = () => Object.fromEntries(x.sheets.flatMap((s) => Object.entries(s.snapshot()).map(([a1, v]) => [`${s.name}!${a1}`, v])));
    const before = cells();
    const changed = () => {
      const now = cells();
      return [...new Set([...Object.keys(before), ...Object.keys(now)])].filter((k) => now[k] !== before[k]).map((k) => `${k}: ${JSON.stringify(before[k])} -> ${JSON.stringify(now[k])}`);
    };
    const probe = new ExcelDouble();
    okReport(await build(probe));
    typeOnSheet(probe);
    probe.opsPerSync = [];
    const probeStart = probe.syncCount;
    okReport(await build(probe, first.registry));
    const writeOps = probe.opsPerSync[probe.syncCount - probeStart - 1];
    for (const afterOps of [1, Math.floor(writeOps / 2), writeOps - 1]) {
      x.failAt = { sync: x.syncCount + 3, afterOps };
      const r = await build(x, first.registry);
      expect(r.ok ? "ok" : r.workbook).toBe("restored");
      expect([afterOps, changed()]).toEqual([afterOps, []]);
    }
  });

  test("a value that cannot be kept (text for a contract value, text for Comparable) stops the refresh and changes nothing", async () => {
    for (const [k, v, why] of [
      ["value_usd", "lots", "must be a number or blank"],
      ["comparable", "yes", "must be TRUE or FALSE"],
    ] as const) {
      const x = new ExcelDouble();
      const first = okReport(await build(x));
      const where = at(USER, k);
      x.type(NAME, where, v);
      const before = JSON.stringify(x.sheets.map((s) => s.snapshot()));
      const r = await build(x, first.registry);
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.message).toContain(`${NAME}!${where}`);
      expect(r.message).toContain(why);
      expect(r.workbook).toBe("unchanged");
      expect(JSON.stringify(x.sheets.map((s) => s.snapshot()))).toBe(before);
    }
  });

  test("discarding edits puts the library's figures back and empties the user rows", async () => {
    const x = new ExcelDouble();
    const first = okReport(await build(x));
    typeOnSheet(x);
    okReport(await buildSheets(x.run, scenarios(), first.registry, { today: "2026-11-26", discardEdits: true }));
    const s = x.sheet(NAME);
    expect(s.value(at(rowOf("galaxy-helios-coreweave"), "critical_it_mw"))).toBe("");
    expect(s.value(at(rowOf("riot-rockdale-amd"), "comparable"))).toBe(true);
    expect(s.value(at(USER, "id"))).toBe("");
    // Never the user's row under the table.
    expect(s.value(at(BELOW, "id"))).toBe("appended-deal");
  });
});
