/**
 * The Leases sheet's plan: the deal library as an Excel table with keyed input blocks, user
 * rows, $ per MW-year as native formulas, statistics above the table and an XY scatter. The
 * preview's formula evaluator (Excel's rules, written apart from the plan) computes the plan's
 * formulas here; they must give the model's leaseStat and percentileOf.
 */
import { LEASES } from "../../src/model/leases/data";
import { leaseStat, percentileOf, usdPerMwYear } from "../../src/model/leases/normalise";
import { parseCell, parseRange as cellsOf } from "../../src/plan/a1";
import { LEASE_COLS, LEASE_ROWS, LEASE_SUBJECT, LEASE_USER_ROWS } from "../../src/plan/leases";
import { LEASE_ROW_RULES } from "../../src/plan/leases";
import { SHEET_NAMES } from "../../src/plan/layout";
import { Block, CellContent, WorkbookPlan } from "../../src/plan/types";
import { blockRange } from "../../src/excel/decide";
import { Book, Evaluator, XlError } from "../../src/preview/formula";
import { plan } from "../support/plan";

const p = plan();
const sheet = p.sheets.find((s) => s.key === "leases")!;
const block = (id: string): Block => {
  const b = sheet.blocks.find((x) => x.id === `leases.${id}`);
  if (!b) throw new Error(`no block leases.${id}`);
  return b;
};

/** The plan as a workbook the evaluator reads, with `typed` (sheet-local "A1" → value) over it. */
function bookOf(wb: WorkbookPlan, typed: Record<string, CellContent> = {}): Book {
  const cells = new Map<string, Map<string, CellContent>>();
  for (const s of wb.sheets) {
    const m = new Map<string, CellContent>();
    for (const b of s.blocks) {
      const at = parseCell(b.at);
      b.cells.forEach((r, i) => r.forEach((v, j) => m.set(`${at.row + i},${at.col + j}`, v)));
    }
    cells.set(s.name.toLowerCase(), m);
  }
  const leases = cells.get(SHEET_NAMES.leases.toLowerCase())!;
  for (const [a1, v] of Object.entries(typed)) {
    const { row, col } = parseCell(a1);
    leases.set(`${row},${col}`, v);
  }
  return {
    content: (s, r, c) => {
      const v = cells.get(s.toLowerCase())?.get(`${r},${c}`);
      return v === null ? undefined : v;
    },
    sheetName: (n) => wb.sheets.find((s) => s.name.toLowerCase() === n.toLowerCase())?.name,
    name: (n) => {
      const d = wb.names.find((x) => x.name.toLowerCase() === n.toLowerCase());
      return d ? `='${d.sheet}'!${d.range}` : undefined;
    },
  };
}

const stat = (ev: Evaluator, row: number) => ev.value(SHEET_NAMES.leases, row, 3);
const unwrap = (r: { ok: true; value: number } | { ok: false }) => {
  if (!r.ok) throw new Error("no value");
  return r.value;
};

describe("the Leases sheet plan", () => {
  test("comes right after the Peers sheet, as CORZ Leases, with the master check in A2", () => {
    const keys = p.sheets.map((s) => s.key);
    expect(keys.indexOf("leases")).toBe(keys.indexOf("peers") + 1);
    expect(sheet.name).toBe("CORZ Leases");
    expect(block("check").at).toBe("A2");
  });

  test("the table spans the header, every deal and the user rows; nothing of the add-in's lies below it", () => {
    expect(sheet.tables).toEqual([{ name: "CORZ_Leases", range: `A${LEASE_ROWS.header}:Q${LEASE_ROWS.last}` }]);
    expect(LEASE_ROWS.last - LEASE_ROWS.first + 1).toBe(LEASES.length + LEASE_USER_ROWS);
    const header = block("header").cells[0];
    expect(new Set(header).size).toBe(header.length);
    // Rows typed under the table can never collide with a block at the next refresh.
    for (const b of sheet.blocks) {
      const box = cellsOf(blockRange(b));
      expect(box.row + box.rows - 1).toBeLessThanOrEqual(LEASE_ROWS.last);
    }
  });

  test("inputs are keyed by deal id and user-row key, so a refresh finds typed values by meaning", () => {
    const inputs = block("deals.inputs");
    expect(inputs.keys).toEqual({ rows: LEASES.map((l) => l.id), cols: ["critical_it_mw", "value_usd", "term_years", "comparable"], accept: LEASE_ROW_RULES });
    expect(inputs.role).toBe("input");
    const user = block("user");
    expect(user.keys!.rows).toEqual(Array.from({ length: LEASE_USER_ROWS }, (_, i) => `user-${i + 1}`));
    expect(user.keys!.cols).toEqual(["id", "host", "tenant", "kind", "mw_stated", "mw_basis", "announced", "critical_it_mw", "value_usd", "term_years", "comparable"]);
    expect(block("user.sources").keys!.cols).toEqual(["sources", "note"]);
    // Announcement dates are Excel dates, as a date typed in a user row is: 2025-02-26 is serial 45714.
    expect(block("deals").cells[0][LEASE_COLS.announced - 1]).toBe(45714);
    // Gross or unstated MW with no IT/gross split: the critical-IT MW is left blank for the user.
    const galaxy = LEASES.findIndex((l) => l.id === "galaxy-helios-coreweave");
    expect(inputs.cells[galaxy][0]).toBeNull();
  });

  test("the notes state the MW basis rule, that GPU service deals are left out, and that renewal options are never in the value", () => {
    const text = block("notes").cells.map((r) => String(r[0])).join(" ");
    expect(text).toMatch(/critical IT/);
    expect(text).toMatch(/gross or unstated MW is n\/a unless you type its critical-IT MW/);
    expect(text).toMatch(/GPU service/);
    expect(text).toMatch(/renewal options are never in it/);
  });

  test("sources are public documents with their dates and https addresses, never repository paths", () => {
    const sources = block("sources").cells.map((r) => String(r[0]));
    expect(sources).toHaveLength(LEASES.length);
    for (const s of sources) {
      expect(s).toMatch(/\(.+, \d{4}-\d{2}-\d{2}\) <https:\/\/[^\s>]+>/);
      expect(s.replace(/<https:\/\/[^\s>]+>/g, "")).not.toMatch(/src\/|\.ts\b|\.\.\/|reference\/|\.md\b/);
    }
  });

  test("the chart is an XY scatter of the charted $ per MW-year against the firm term, beside the statistics", () => {
    expect(sheet.charts).toHaveLength(1);
    const c = sheet.charts[0];
    expect(c.type).toBe("XYScatter");
    expect(c.categories.range).toBe(`J${LEASE_ROWS.first}:J${LEASE_ROWS.last}`);
    expect(c.series.map((s) => s.range)).toEqual([`O${LEASE_ROWS.first}:O${LEASE_ROWS.last}`]);
    expect(parseCell(c.anchor.to).row).toBeLessThan(LEASE_ROWS.header);
  });

  test("no formula uses a function LibreOffice 7.4 lacks", () => {
    const formulas = sheet.blocks.flatMap((b) => b.cells.flat()).filter((v): v is string => typeof v === "string" && v.startsWith("="));
    expect(formulas.length).toBeGreaterThan(LEASES.length * 4);
    for (const f of formulas) expect(f).not.toMatch(/\b(LET|LAMBDA|XLOOKUP|FILTER|SEQUENCE|OFFSET|INDIRECT)\(/);
  });
});

describe("the Leases sheet's formulas, evaluated", () => {
  const ev = new Evaluator(bookOf(p));
  const S = LEASE_ROWS.stats;

  test("each deal's $ per MW-year is the model's, or n/a with the model's n/a", () => {
    LEASES.forEach((l, i) => {
      const want = usdPerMwYear(l);
      const got = ev.value(SHEET_NAMES.leases, LEASE_ROWS.first + i, LEASE_COLS.usd_per_mw_year);
      if ("value" in want) expect(got as number).toBeCloseTo(want.value, 6);
      else expect(got).toBe("n/a");
    });
    for (let r = LEASE_ROWS.firstUser; r <= LEASE_ROWS.last; r++) {
      expect(ev.value(SHEET_NAMES.leases, r, LEASE_COLS.usd_per_mw_year)).toBe("");
      expect(ev.value(SHEET_NAMES.leases, r, LEASE_COLS.chart)).toBeInstanceOf(XlError);
    }
  });

  test("the statistics equal leaseStat and percentileOf over the comparable deals (the library as it stands), Core Scientific's $1.44M its own", () => {
    expect(stat(ev, S.count)).toBe(unwrap(leaseStat("usdPerMwYear", "count")));
    for (const [row, s] of [
      [S.median, "median"],
      [S.mean, "mean"],
      [S.min, "min"],
      [S.max, "max"],
    ] as const) {
      expect(stat(ev, row) as number).toBeCloseTo(unwrap(leaseStat("usdPerMwYear", s)), 4);
    }
    const subject = LEASES.find((l) => l.id === LEASE_SUBJECT)!;
    const own = usdPerMwYear(subject);
    expect(stat(ev, S.subject) as number).toBeCloseTo("value" in own ? own.value : NaN, 4);
    expect(stat(ev, S.subject) as number).toBeCloseTo(1.441e6, -4);
    expect(stat(ev, S.percentile) as number).toBeCloseTo(unwrap(percentileOf(LEASE_SUBJECT, "usdPerMwYear")), 9);
  });

  test("a deal typed into a user row, a critical-IT MW typed for a gross deal and a deal marked not comparable all move the statistics", () => {
    const galaxy = LEASES.findIndex((l) => l.id === "galaxy-helios-coreweave");
    const riot = LEASES.findIndex((l) => l.id === "riot-rockdale-amd");
    const cell = (i: number, k: keyof typeof LEASE_COLS) => `${String.fromCharCode(64 + LEASE_COLS[k])}${LEASE_ROWS.first + i}`;
    const user = LEASES.length; // the first user row
    const typed = {
      [cell(galaxy, "critical_it_mw")]: 600,
      [cell(riot, "comparable")]: false,
      [cell(user, "id")]: "my-deal",
      [cell(user, "critical_it_mw")]: 100,
      [cell(user, "value_usd")]: 3e9,
      [cell(user, "term_years")]: 15,
    };
    const edited = new Evaluator(bookOf(p, typed));
    const asTyped = LEASES.map((l, i) => (i === galaxy ? { ...l, mw: { ...l.mw, value: 600 }, mwBasis: "critical IT" as const } : i === riot ? { ...l, comparable: false } : l));
    const mine = { ...LEASES[0], id: "my-deal", mw: { ...LEASES[0].mw, value: 100 }, contractValueUsd: { ...LEASES[0].contractValueUsd, value: 3e9 }, termYears: { ...LEASES[0].termYears, value: 15 } };
    const all = [...asTyped, mine];
    expect(stat(edited, S.count)).toBe(unwrap(leaseStat("usdPerMwYear", "count", undefined, all)));
    expect(stat(edited, S.count)).toBe(unwrap(leaseStat("usdPerMwYear", "count")) + 1);
    expect(stat(edited, S.median) as number).toBeCloseTo(unwrap(leaseStat("usdPerMwYear", "median", undefined, all)), 4);
    expect(stat(edited, S.percentile) as number).toBeCloseTo(unwrap(percentileOf(LEASE_SUBJECT, "usdPerMwYear", undefined, all)), 9);
    expect(edited.value(SHEET_NAMES.leases, LEASE_ROWS.first + user, LEASE_COLS.usd_per_mw_year) as number).toBeCloseTo(2e6, 6);
  });
});
