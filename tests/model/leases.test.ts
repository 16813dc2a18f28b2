/**
 * The deal library: every figure is quoted from a dated https page and scales to what the quote
 * writes; every deal is sourced; the normalised metrics are what they claim; statistics skip a
 * non-comparable deal but the library still lists it; the median is checked against an
 * independent computation from the data; Core Scientific's percentile lies in [0, 1].
 */
import { LEASES, LEASE_GAPS, Lease } from "../../src/model/leases/data";
import {
  criticalItMw,
  leaseStat,
  percentRankInc,
  percentileOf,
  usdPerMw,
  usdPerMwYear,
  valueOf,
} from "../../src/model/leases/normalise";
import { PublicSource, Sourced, isIsoDate, scalesTo } from "../../src/model/record/source";
import { problems } from "./sourceChecks";

function isSourced(x: unknown): x is Sourced<unknown> {
  const o = x as Partial<Sourced<unknown>> | null;
  return typeof o === "object" && o !== null && typeof o.asWritten === "string" && typeof o.source === "object";
}

/** Every sourced figure under a deal, with a path for messages. */
function figuresOf(lease: Lease): Array<{ path: string; fig: Sourced<unknown> }> {
  const out: Array<{ path: string; fig: Sourced<unknown> }> = [];
  const walk = (v: unknown, path: string): void => {
    if (typeof v !== "object" || v === null) return;
    if (isSourced(v)) {
      out.push({ path, fig: v });
      return;
    }
    for (const [k, child] of Object.entries(v)) walk(child, `${path}.${k}`);
  };
  walk(lease, lease.id);
  return out;
}

/** A number written in words ("five-year") is checked against its word; otherwise scalesTo. */
const WORDS: Record<string, number> = { five: 5, ten: 10, twelve: 12, fifteen: 15 };
function scalesOrSpells(value: number, asWritten: string): boolean {
  if (/\d/.test(asWritten)) return scalesTo(value, asWritten);
  const word = /^[a-z]+/i.exec(asWritten)?.[0].toLowerCase() ?? "";
  return WORDS[word] === value;
}

const figures = LEASES.flatMap(figuresOf);
const byId = (id: string): Lease => {
  const l = LEASES.find((x) => x.id === id);
  if (!l) throw new Error(id);
  return l;
};

describe("the deal library's sources", () => {
  test("lists the deals of the brief and more, with unique ids", () => {
    expect(LEASES.length).toBeGreaterThanOrEqual(12);
    expect(new Set(LEASES.map((l) => l.id)).size).toBe(LEASES.length);
    expect(LEASES[0].id).toBe("corz-coreweave");
    const dates = LEASES.slice(1).map((l) => l.announced);
    expect(dates).toEqual([...dates].sort());
  });

  test.each(figures.map((f) => [f.path, f.fig] as const))("%s: quote contains the figure as written, ≤200 chars", (_, fig) => {
    expect(fig.source.quote.length).toBeLessThanOrEqual(200);
    expect(fig.source.quote).toContain(fig.asWritten);
    if (typeof fig.value === "number") expect({ scales: scalesOrSpells(fig.value, fig.asWritten) }).toEqual({ scales: true });
  });

  test.each(figures.map((f) => [f.path, f.fig.source] as const))("%s: page is https, dated, graded, with no repository path", (_, s: PublicSource) => {
    expect(new URL(s.url).protocol).toBe("https:");
    expect(isIsoDate(s.date)).toBe(true);
    expect(s.date <= "2026-11-26").toBe(true);
    expect(["filing", "secondary"]).toContain(s.grade);
    expect(problems([s.title, s.publisher, s.url, s.quote, s.dateNote ?? ""].join(" "), false)).toEqual([]);
  });

  test.each(LEASES.map((l) => [l.id, l] as const))("%s: sourced MW, value and term; announced on a source's date", (_, l) => {
    const sources = figuresOf(l).map((f) => f.fig.source);
    expect(sources.some((s) => s.url.startsWith("https://"))).toBe(true);
    expect(l.mw.value).toBeGreaterThan(0);
    expect(l.contractValueUsd.value).toBeGreaterThan(0);
    expect(l.termYears.value).toBeGreaterThan(0);
    expect(isIsoDate(l.announced)).toBe(true);
    expect(sources.map((s) => s.date)).toContain(l.announced);
    if (!l.comparable) expect(l.notComparableReason).toBeTruthy();
    if (l.prepaymentRate) expect(l.prepaymentRate.value).toBeLessThanOrEqual(1);
    expect(problems([l.note ?? "", l.announcedNote ?? "", l.notComparableReason ?? ""].join(" "), false)).toEqual([]);
  });

  test("LEASE_GAPS names known deals (or all) and says what was searched", () => {
    expect(LEASE_GAPS.length).toBeGreaterThan(0);
    for (const g of LEASE_GAPS) {
      expect(g.dealId === "*" || LEASES.some((l) => l.id === g.dealId)).toBe(true);
      expect(g.searched.length).toBeGreaterThan(10);
    }
  });
});

describe("normalisation", () => {
  test.each(LEASES.filter((l) => l.mwBasis === "critical IT").map((l) => [l.id, l] as const))(
    "%s: $/MW-year = value / MW / term and $/MW = value / MW",
    (_, l) => {
      expect(valueOf(usdPerMwYear(l))).toBeCloseTo(l.contractValueUsd.value / l.mw.value / l.termYears.value, 6);
      expect(valueOf(usdPerMw(l))).toBeCloseTo(l.contractValueUsd.value / l.mw.value, 6);
    },
  );

  test("Core Scientific: $10.2B / 590 MW / 12 years", () => {
    expect(valueOf(usdPerMwYear(byId("corz-coreweave")))).toBeCloseTo(10.2e9 / 590 / 12, 6);
  });

  test("gross MW without a page's IT/gross split, and unstated MW, are n/a with a reason", () => {
    for (const id of ["galaxy-helios-coreweave", "cifr-aws"]) {
      const m = usdPerMwYear(byId(id));
      expect("na" in m && m.na.length > 10).toBe(true);
    }
  });

  test("gross MW with a page's split converts by that split", () => {
    const pf3 = byId("apld-pf3-hyperscaler");
    const gross: Lease = { ...pf3, mw: pf3.itShareOfGross!.grossMw, mwBasis: "gross" };
    expect(valueOf(criticalItMw(gross))).toBeCloseTo(300, 9);
  });
});

describe("statistics over comparable deals", () => {
  test("a non-comparable deal is listed but excluded from the statistics", () => {
    const iren = byId("iren-microsoft");
    expect(iren.comparable).toBe(false);
    expect(iren.kind).toBe("GPU service");
    expect(valueOf(usdPerMwYear(iren))).toBeGreaterThan(0); // computable, but not counted
    const all = leaseStat("usdPerMwYear", "count");
    const withIren = leaseStat("usdPerMwYear", "count", undefined, LEASES.map((l) => (l.id === iren.id ? { ...l, comparable: true } : l)));
    expect(withIren.ok && all.ok && withIren.value === all.value + 1).toBe(true);
    expect(percentileOf("iren-microsoft", "usdPerMwYear").ok).toBe(false);
  });

  test("the median $/MW-year equals an independent computation from the data", () => {
    const values = LEASES.filter((l) => l.comparable && l.mwBasis === "critical IT")
      .map((l) => l.contractValueUsd.value / l.mw.value / l.termYears.value)
      .sort((a, b) => a - b);
    const n = values.length;
    const expected = n % 2 ? values[(n - 1) / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    const got = leaseStat("usdPerMwYear", "median");
    expect(got.ok).toBe(true);
    if (got.ok) expect(got.value).toBeCloseTo(expected, 6);
    expect(leaseStat("usdPerMwYear", "count")).toEqual({ ok: true, value: n });
  });

  test("mean, min and max, and a filter", () => {
    const min = leaseStat("usdPerMwYear", "min");
    const max = leaseStat("usdPerMwYear", "max");
    const mean = leaseStat("usdPerMwYear", "mean");
    expect(min.ok && max.ok && mean.ok).toBe(true);
    if (min.ok && max.ok && mean.ok) {
      expect(min.value).toBeLessThanOrEqual(mean.value);
      expect(mean.value).toBeLessThanOrEqual(max.value);
    }
    const apld = leaseStat("usdPerMwYear", "count", (l) => l.host === "Applied Digital");
    expect(apld).toEqual({ ok: true, value: 5 });
    expect(leaseStat("usdPerMwYear", "median", () => false).ok).toBe(false);
    expect(leaseStat("usdPerMwYear", "count", () => false)).toEqual({ ok: true, value: 0 });
  });

  test("Core Scientific's percentile is in [0, 1] and matches PERCENTRANK.INC by hand", () => {
    const p = percentileOf("corz-coreweave", "usdPerMwYear");
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.value).toBeGreaterThanOrEqual(0);
    expect(p.value).toBeLessThanOrEqual(1);
    const core = valueOf(usdPerMwYear(byId("corz-coreweave")));
    const values = LEASES.filter((l) => l.comparable && l.mwBasis === "critical IT").map((l) => valueOf(usdPerMwYear(l)));
    expect(p.value).toBeCloseTo(values.filter((v) => v < core).length / (values.length - 1), 12);
  });

  test("the documented examples in normalise.ts hold", () => {
    const riot = byId("riot-rockdale-amd");
    expect(valueOf(criticalItMw(riot))).toBe(25);
    expect(valueOf(usdPerMw(riot))).toBeCloseTo(12_440_000, 6);
    expect(valueOf(usdPerMwYear(riot))).toBeCloseTo(1_244_000, 6);
    expect(leaseStat("usdPerMwYear", "count")).toEqual({ ok: true, value: 13 });
    expect(percentileOf("riot-rockdale-amd", "usdPerMwYear")).toEqual({ ok: true, value: 0 });
  });

  test("PERCENTRANK.INC: members, interpolation, ends and a single value", () => {
    expect(percentRankInc([1, 2, 3, 4, 5], 2)).toEqual({ ok: true, value: 0.25 });
    // Excel: PERCENTRANK.INC({1,2,3,4,5}, 2.5) = 0.375
    const mid = percentRankInc([1, 2, 3, 4, 5], 2.5);
    expect(mid.ok && Math.abs(mid.value - 0.375) < 1e-12).toBe(true);
    // Excel: PERCENTRANK.INC({1,2,2,3}, 2) = 1/3 (ties take the lowest rank)
    const tie = percentRankInc([1, 2, 2, 3], 2);
    expect(tie.ok && Math.abs(tie.value - 1 / 3) < 1e-12).toBe(true);
    expect(percentRankInc([1, 5], 5)).toEqual({ ok: true, value: 1 });
    expect(percentRankInc([7], 7)).toEqual({ ok: true, value: 1 });
    expect(percentRankInc([1, 2], 3).ok).toBe(false);
    expect(percentileOf("no-such-deal", "usdPerMwYear").ok).toBe(false);
    expect(percentileOf("cifr-aws", "usdPerMwYear").ok).toBe(false);
  });
});
