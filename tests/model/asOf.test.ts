/**
 * The data's as-of date and stale defaults (src/model/asOf.ts): the latest as-of date wins, a
 * month counts as its first day, staleness is "more than N calendar months before today" with
 * a fixed today, and every default the model ships is listed with a readable as-of date and a
 * source. Shipped figures change as sources are updated, so the tests on shipped data check
 * relations (the maximum, each default's own date), not today's numbers.
 */
import { ASSUMPTIONS, VALUATION_DATE, assumptionSpec } from "../../src/model/assumptions";
import { DATA_AS_OF, SHIPPED_DEFAULTS, SourcedDefault, asOfDate, asOfSerial, latestAsOf, staleDefaults } from "../../src/model/asOf";
import { toIso } from "../../src/model/dates";
import { MINING_DEFAULTS } from "../../src/model/mining/data";
import { PEERS } from "../../src/model/peers/data";
import { deepFreeze, unwrap } from "./helpers";

const fixture = (where: string, asOf: string): SourcedDefault => ({ where, label: where.toUpperCase(), value: 1, unit: "MW", asOf, source: `source of ${where}` });
const iso = (asOf: string) => toIso(unwrap(asOfDate(asOf)));
const wheres = (r: ReturnType<typeof staleDefaults>) => unwrap(r).map((d) => d.where);

describe("asOfDate: a month is its first day, a year is 1 January", () => {
  test.each([
    ["2024-11-18", "2024-11-18"],
    ["2024-11", "2024-11-01"],
    ["2024-02", "2024-02-01"],
    ["2024", "2024-01-01"],
    [" 2025-12 ", "2025-12-01"],
  ])("%p is %s", (asOf, expected) => {
    expect(iso(asOf)).toBe(expected);
  });

  test.each(["", "Nov 2024", "2024-13", "2024-11-31", "2024/11/18", "24-11", "2024-1"])("%p is refused with #VALUE!", (asOf) => {
    const r = asOfDate(asOf);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.kind).toBe("value");
  });

  test("as an Excel date serial", () => {
    expect(unwrap(asOfSerial("2024-11-18"))).toBe(45614);
    expect(unwrap(asOfSerial("2024-11"))).toBe(45597);
    expect(unwrap(asOfSerial("2025"))).toBe(45658);
  });
});

describe("latestAsOf", () => {
  test("is the maximum, whatever the order", () => {
    const list = [fixture("a", "2024-06-03"), fixture("b", "2025-10-24"), fixture("c", "2025-02-26")];
    expect(latestAsOf(list)).toBe("2025-10-24");
    expect(latestAsOf([...list].reverse())).toBe("2025-10-24");
  });

  test("a month counts as its first day: a dated day later in the month is later", () => {
    expect(latestAsOf([fixture("a", "2025-12"), fixture("b", "2025-11-30")])).toBe("2025-12-01");
    expect(latestAsOf([fixture("a", "2025-12"), fixture("b", "2025-12-05")])).toBe("2025-12-05");
    expect(latestAsOf([fixture("a", "2025"), fixture("b", "2024-12-31")])).toBe("2025-01-01");
  });

  test("unreadable dates are skipped; none readable is a programmer mistake", () => {
    expect(latestAsOf([fixture("a", "soon"), fixture("b", "2024-11")])).toBe("2024-11-01");
    expect(() => latestAsOf([fixture("a", "soon")])).toThrow(/no default/);
    expect(() => latestAsOf([])).toThrow(/no default/);
  });
});

describe("staleDefaults with a fixed today", () => {
  const list = deepFreeze([
    fixture("fresh", "2026-01-15"),
    fixture("month", "2025-11"), // 2025-11-01
    fixture("edge", "2025-11-26"), // exactly 12 months before today
    fixture("old", "2024-06-03"),
    fixture("day-before-edge", "2025-11-25"),
    fixture("year", "2025"), // 2025-01-01
  ]);

  test("lists those more than 12 months before today, oldest first, with label, value, as-of and source", () => {
    const r = unwrap(staleDefaults("2026-11-26", 12, list));
    expect(r.map((d) => d.where)).toEqual(["old", "year", "month", "day-before-edge"]);
    expect(r[0]).toEqual({ where: "old", label: "OLD", value: 1, unit: "MW", asOf: "2024-06-03", source: "source of old" });
  });

  test("exactly 12 months old is not stale; one day more is", () => {
    expect(wheres(staleDefaults("2026-11-26", 12, [fixture("edge", "2025-11-26")]))).toEqual([]);
    expect(wheres(staleDefaults("2026-11-27", 12, [fixture("edge", "2025-11-26")]))).toEqual(["edge"]);
  });

  test("a month-only as-of date is stale from the first of the month plus 12 months", () => {
    expect(wheres(staleDefaults("2026-11-01", 12, [fixture("m", "2025-11")]))).toEqual([]);
    expect(wheres(staleDefaults("2026-11-02", 12, [fixture("m", "2025-11")]))).toEqual(["m"]);
  });

  test("nothing is stale when today is its as-of date, for any window", () => {
    for (const d of list) {
      for (const months of [0, 1, 12]) expect(wheres(staleDefaults(iso(d.asOf), months, [d]))).toEqual([]);
    }
  });

  test("the window is in calendar months (29 February less 12 months is 28 February)", () => {
    expect(wheres(staleDefaults("2028-02-29", 12, [fixture("a", "2027-02-28")]))).toEqual([]);
    expect(wheres(staleDefaults("2028-02-29", 12, [fixture("a", "2027-02-27")]))).toEqual(["a"]);
    expect(wheres(staleDefaults("2026-11-26", 11, list))).toEqual(["old", "year", "month", "day-before-edge", "edge"]);
  });

  test("an unreadable as-of date is listed (nothing shows it is current)", () => {
    expect(wheres(staleDefaults("2026-11-26", 12, [fixture("fresh", "2026-11-01"), fixture("bad", "n/a")]))).toEqual(["bad"]);
  });

  test("a today that is not a date, or a window that is not a whole number from 0, is #VALUE!", () => {
    for (const r of [staleDefaults("26/11/2026", 12, list), staleDefaults("2026-02-30", 12, list), staleDefaults("2026-11-26", -1, list), staleDefaults("2026-11-26", 1.5, list), staleDefaults("2026-11-26", Number.NaN, list)]) {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.kind).toBe("value");
    }
  });

  test("the list passed in is not changed (it is frozen here)", () => {
    expect(() => staleDefaults("2030-01-01", 12, list)).not.toThrow();
    expect(list.map((d) => d.where)).toEqual(["fresh", "month", "edge", "old", "day-before-edge", "year"]);
  });
});

describe("the defaults the model ships", () => {
  test("every assumption, mining default and peer figure is listed once, with a readable as-of date and a source", () => {
    const where = SHIPPED_DEFAULTS.map((d) => d.where);
    expect(new Set(where).size).toBe(where.length);
    for (const a of ASSUMPTIONS) expect(where).toContain(`assumptions.${a.key}`);
    for (const k of Object.keys(MINING_DEFAULTS)) expect(where).toContain(`mining.${k}`);
    for (const p of PEERS) {
      for (const k of [...Object.keys(p.figures), ...Object.keys(p.published ?? {})]) expect(where).toContain(`peers.${p.id}.${k}`);
    }
    expect(where).toContain("customers.pipeline");
    const unreadable = SHIPPED_DEFAULTS.filter((d) => !asOfDate(d.asOf).ok).map((d) => `${d.where}: "${d.asOf}"`);
    expect(unreadable).toEqual([]);
    expect(SHIPPED_DEFAULTS.filter((d) => d.source.trim() === "" || d.label.trim() === "").map((d) => d.where)).toEqual([]);
  });

  test("DATA_AS_OF is the latest of their as-of dates, as ISO text", () => {
    expect(DATA_AS_OF).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const dates = SHIPPED_DEFAULTS.map((d) => iso(d.asOf));
    expect(dates).toContain(DATA_AS_OF);
    expect(dates.filter((d) => d > DATA_AS_OF)).toEqual([]);
  });

  test("the valuation date defaults to DATA_AS_OF, which the other defaults alone set (update VALUATION_DATE when the data moves)", () => {
    expect(assumptionSpec("valuation_date")?.base).toBe(DATA_AS_OF);
    expect(VALUATION_DATE).toBe(DATA_AS_OF);
    expect(latestAsOf(SHIPPED_DEFAULTS.filter((d) => d.where !== "assumptions.valuation_date"))).toBe(DATA_AS_OF);
  });

  test("with a window of 0 months on DATA_AS_OF, everything but the latest is stale", () => {
    const stale = new Set(wheres(staleDefaults(DATA_AS_OF)));
    const zero = wheres(staleDefaults(DATA_AS_OF, 0));
    const latest = SHIPPED_DEFAULTS.filter((d) => iso(d.asOf) === DATA_AS_OF).map((d) => d.where);
    expect(latest.length).toBeGreaterThan(0);
    expect(zero.length + latest.length).toBe(SHIPPED_DEFAULTS.length);
    for (const w of latest) expect(stale.has(w)).toBe(false);
  });

  test("no default is stale on its own as-of date; in 2099 every one is", () => {
    for (const d of SHIPPED_DEFAULTS) expect(wheres(staleDefaults(iso(d.asOf))).includes(d.where)).toBe(false);
    const farFuture = wheres(staleDefaults("2099-01-01"));
    expect(farFuture.length).toBe(SHIPPED_DEFAULTS.length);
  });
});
