/**
 * The valuation record's own checks: every figure is a public page's (https, ISO-dated, graded,
 * quoted), its value is its written number scaled, the segment quarters add up, Core's capex share
 * is the difference it claims, and the gaps are said.
 */
import {
  COLOCATION_SEGMENT_QUARTERS,
  CORE_FUNDED_CAPEX,
  CORE_OVERHEADS,
  DISCOUNT_RATE_INPUTS,
  MAINTENANCE_CAPEX_BENCHMARK,
  PublicSource,
  RECORD,
  Sourced,
  TAX,
  VALUATION_GAPS,
  collectSources,
  grossMarginOf,
  isIsoDate,
  recurringCapexShare,
  scalesTo,
} from "../../../src/model/record";

const VALUATION = {
  segment: COLOCATION_SEGMENT_QUARTERS,
  coreFundedCapex: CORE_FUNDED_CAPEX,
  overheads: CORE_OVERHEADS,
  tax: TAX,
  discount: DISCOUNT_RATE_INPUTS,
  maintenance: MAINTENANCE_CAPEX_BENCHMARK,
};

function isSourced(x: unknown): x is Sourced<unknown> {
  const o = x as Partial<Sourced<unknown>> | null;
  return typeof o === "object" && o !== null && typeof o.asWritten === "string" && typeof o.source === "object";
}

/** Every sourced figure under `root`, with a path for messages. */
function figures(root: unknown, path = "VALUATION"): { path: string; f: Sourced<unknown> }[] {
  if (typeof root !== "object" || root === null) return [];
  if (isSourced(root)) return [{ path, f: root }];
  return Object.entries(root).flatMap(([k, v]) => figures(v, `${path}.${k}`));
}

const all = figures(VALUATION);
const numeric = all.filter(({ f }) => typeof f.value === "number");

describe("valuation sources", () => {
  test("the valuation data cite figures and are part of RECORD", () => {
    expect(all.length).toBeGreaterThan(25);
    const inRecord = new Set(collectSources(RECORD));
    expect(all.filter(({ f }) => !inRecord.has(f.source)).map(({ path }) => path)).toEqual([]);
  });

  test.each(all.map(({ path, f }) => [path, f.source] as const))("%s: https, ISO-dated, graded, short quote", (_, s: PublicSource) => {
    expect(new URL(s.url).protocol).toBe("https:");
    expect(isIsoDate(s.date)).toBe(true);
    expect(["filing", "secondary"]).toContain(s.grade);
    expect(s.quote.length).toBeGreaterThan(0);
    expect(s.quote.length).toBeLessThanOrEqual(200);
  });
});

describe("valuation figures", () => {
  test.each(all.map(({ path, f }) => [path, f] as const))("%s: the quote contains the figure as written", (_, f) => {
    expect(f.source.quote).toContain(f.asWritten);
  });

  test.each(numeric.map(({ path, f }) => [path, f] as const))("%s: scales to its written number", (_, f) => {
    expect({ asWritten: f.asWritten, scales: scalesTo(f.value as number, f.asWritten) }).toEqual({ asWritten: f.asWritten, scales: true });
  });

  test("rates are decimals below one", () => {
    const rates = [
      TAX.federalRate,
      TAX.texasFranchiseRate,
      DISCOUNT_RATE_INPUTS.coreWeave2031Notes.couponRate,
      DISCOUNT_RATE_INPUTS.coreWeave2030Notes.couponRate,
      DISCOUNT_RATE_INPUTS.treasury10y,
      ...COLOCATION_SEGMENT_QUARTERS.flatMap((q) => (q.grossMargin ? [q.grossMargin] : [])),
    ];
    for (const r of rates) expect(r.value > 0 && r.value < 1).toBe(true);
  });

  test("date-valued figures and dates are ISO", () => {
    expect(isIsoDate(DISCOUNT_RATE_INPUTS.coreWeave2031Notes.maturity!.value)).toBe(true);
    expect(isIsoDate(DISCOUNT_RATE_INPUTS.treasury10yDate)).toBe(true);
    expect(DISCOUNT_RATE_INPUTS.treasury10y.source.date).toBe(DISCOUNT_RATE_INPUTS.treasury10yDate);
  });
});

describe("colocation segment quarters", () => {
  test("are unique, ordered, 2025-Q1 to 2026-Q1", () => {
    expect(COLOCATION_SEGMENT_QUARTERS.map((q) => q.period)).toEqual(["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1"]);
  });

  test.each(COLOCATION_SEGMENT_QUARTERS.map((q) => [q.period, q] as const))("%s: revenue minus cost is gross profit, margin as rounded", (_, q) => {
    expect(Math.abs(q.revenueUsd.value - q.costOfRevenueUsd.value - q.grossProfitUsd.value)).toBeLessThanOrEqual(0.02e6);
    if (q.grossMargin) expect(Math.abs(grossMarginOf(q) - q.grossMargin.value)).toBeLessThanOrEqual(0.006);
    else expect(q.marginNote).toMatch(/left out/);
  });

  test("only 2025-Q4's page margin is left out", () => {
    expect(COLOCATION_SEGMENT_QUARTERS.filter((q) => !q.grossMargin).map((q) => q.period)).toEqual(["2025-Q4"]);
  });
});

describe("Core's own capex", () => {
  test.each(CORE_FUNDED_CAPEX.map((c) => [c.period, c] as const))("%s: total minus CoreWeave-funded, positive", (_, c) => {
    const d = c.coreFundedUsd;
    expect(d.value).toBeCloseTo(d.minuend.value - d.subtrahend.value, 6);
    expect(d.value).toBeGreaterThan(0);
    expect(d.derivation).toContain(c.period);
  });

  test("2025-Q3: $48.1 million", () => {
    expect(CORE_FUNDED_CAPEX.find((c) => c.period === "2025-Q3")!.coreFundedUsd.value).toBeCloseTo(48.1e6, 0);
  });
});

describe("benchmarks and gaps", () => {
  test("Equinix recurring capex is about 5.7% of revenue", () => {
    expect(recurringCapexShare(MAINTENANCE_CAPEX_BENCHMARK)).toBeCloseTo(0.0574, 4);
  });

  test("overheads say nothing allocates SG&A to colocation", () => {
    expect(CORE_OVERHEADS.allocation).toMatch(/judgement/);
    expect(CORE_OVERHEADS.fy2025SgaUsd.value).toBeLessThan(CORE_OVERHEADS.fy2025RevenueUsd.value);
  });

  test("the gaps are listed, and the Core notes' coupon is one of them", () => {
    expect(VALUATION_GAPS.length).toBeGreaterThan(0);
    expect(VALUATION_GAPS.some((g) => g.includes("senior secured notes"))).toBe(true);
    expect("couponRate" in DISCOUNT_RATE_INPUTS).toBe(false);
  });
});
