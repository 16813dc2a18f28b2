/**
 * The public record's own checks: every figure has a public source (https, dated, graded,
 * with a short verbatim quote that contains the figure as written), values are finite and
 * in their units, quarters are unique and ordered, derived figures are the differences they
 * claim, and RECORD_AS_OF is the latest source date.
 */
import {
  CAPACITY_STATEMENTS,
  CUMULATIVE_STATEMENTS,
  RECORD_AS_OF,
  Derived,
  PublicSource,
  RECORD,
  REPORTED_QUARTERS,
  Sourced,
  TRANCHES,
  annualFromQuarters,
  collectSources,
  contractedMw,
  derivedTranches,
  isIsoDate,
  latestIsoDate,
  numberAsWritten,
  quarterEnd,
  reportedQuarter,
  scalesTo,
  sourcesPublishedBefore,
} from "../../../src/model/record";

const LATEST_ALLOWED = "2026-11-26";
const FILING_HOSTS = ["sec.gov", "businesswire.com", "globenewswire.com", "investors.corescientific.com"];
const REPO_PATH_MARKS = ["shared/", ".txt", "/work", "seed/"];

function isSourced(x: unknown): x is Sourced<unknown> {
  const o = x as Partial<Sourced<unknown>> | null;
  return typeof o === "object" && o !== null && typeof o.asWritten === "string" && typeof o.source === "object";
}

function isDerivedFigure(x: unknown): x is Derived {
  const o = x as Partial<Derived> | null;
  return typeof o === "object" && o !== null && typeof o.derivation === "string" && isSourced(o.minuend) && isSourced(o.subtrahend);
}

/** Every object under `root` that passes `pick`, with a path for messages. */
function collect<T>(root: unknown, pick: (x: unknown) => x is T): { path: string; item: T }[] {
  const out: { path: string; item: T }[] = [];
  const seen = new Set<object>();
  const walk = (v: unknown, path: string): void => {
    if (typeof v !== "object" || v === null || seen.has(v)) return;
    seen.add(v);
    if (pick(v)) out.push({ path, item: v });
    for (const [k, child] of Object.entries(v)) walk(child, `${path}.${k}`);
  };
  walk(root, "RECORD");
  return out;
}

function allStrings(root: unknown): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (v: unknown, path: string): void => {
    if (typeof v === "string") out.push({ path, text: v });
    else if (typeof v === "object" && v !== null) for (const [k, child] of Object.entries(v)) walk(child, `${path}.${k}`);
  };
  walk(root, "RECORD");
  return out;
}

const sources = collectSources(RECORD);
const sourcedFigures = collect(RECORD, isSourced);
const derivedFigures = collect(RECORD, isDerivedFigure);

describe("sources", () => {
  test("the record cites sources and figures", () => {
    expect(sources.length).toBeGreaterThan(40);
    expect(sourcedFigures.length).toBe(sources.length);
  });

  test.each(sources.map((s, i) => [`${i}: ${s.url}`, s] as const))("%s is public, dated, graded and quoted", (_, s: PublicSource) => {
    const url = new URL(s.url);
    expect(url.protocol).toBe("https:");
    expect(s.title.trim().length).toBeGreaterThan(0);
    expect(s.publisher.trim().length).toBeGreaterThan(0);
    expect(isIsoDate(s.date)).toBe(true);
    expect(s.date <= LATEST_ALLOWED).toBe(true);
    expect(s.quote.trim().length).toBeGreaterThan(0);
    expect(s.quote.length).toBeLessThanOrEqual(200);
    const host = url.hostname.replace(/^www\./, "");
    const filingHost = FILING_HOSTS.some((h) => host === h || host.endsWith(`.${h}`));
    if (s.grade === "filing") expect({ url: s.url, filingHost }).toEqual({ url: s.url, filingHost: true });
    else expect(s.grade).toBe("secondary");
  });

  test("no string in the record points into this repository", () => {
    const bad = allStrings(RECORD).filter(({ text }) => REPO_PATH_MARKS.some((m) => text.includes(m)));
    expect(bad).toEqual([]);
  });

  test("RECORD_AS_OF is the latest source date", () => {
    expect(isIsoDate(RECORD_AS_OF)).toBe(true);
    expect(RECORD_AS_OF).toBe(latestIsoDate(sources.map((s) => s.date)));
  });

  test("sourcesPublishedBefore lists distinct old pages, oldest first", () => {
    const old = sourcesPublishedBefore("2025-05-07");
    expect(new Set(old.map((s) => s.url)).size).toBe(old.length);
    expect(old.every((s) => s.date < "2025-05-07")).toBe(true);
    expect(old.map((s) => s.date)).toEqual([...old.map((s) => s.date)].sort());
    expect(sourcesPublishedBefore("2000-01-01")).toEqual([]);
  });
});

describe("figures", () => {
  test.each(sourcedFigures.map(({ path, item }) => [path, item] as const))("%s: the quote contains the figure as written", (_, f) => {
    expect(f.asWritten.trim().length).toBeGreaterThan(0);
    expect(f.source.quote).toContain(f.asWritten);
  });

  test.each(sourcedFigures.filter(({ item }) => typeof item.value === "number").map(({ path, item }) => [path, item] as const))(
    "%s: a finite, non-negative number that is its written number times a power of ten",
    (_, f) => {
      const v = f.value as number;
      expect(Number.isFinite(v)).toBe(true);
      expect(v).toBeGreaterThanOrEqual(0);
      expect({ value: v, asWritten: f.asWritten, scales: scalesTo(v, f.asWritten) }).toEqual({ value: v, asWritten: f.asWritten, scales: true });
    },
  );

  test("ranges: both ends are written in the quote, scaled to decimals", () => {
    const ranges = sourcedFigures.filter(({ item }) => typeof item.value === "object" && item.value !== null && "low" in (item.value as object));
    expect(ranges.length).toBe(2);
    for (const { item } of ranges) {
      const { low, high } = item.value as { low: number; high: number };
      const written = item.asWritten.match(/\d+(?:\.\d+)?/g)!.map(Number);
      expect(written.map((w) => w / 100)).toEqual([low, high]);
      expect(low).toBeLessThan(high);
    }
  });

  test("date-valued figures are ISO dates or years as stated", () => {
    const dated = sourcedFigures.filter(({ item }) => typeof item.value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(item.value as string));
    expect(dated.length).toBeGreaterThan(0);
    for (const { item } of dated) expect(isIsoDate(item.value as string)).toBe(true);
  });

  test.each(derivedFigures.map(({ path, item }) => [path, item] as const))("%s: is the difference it claims", (_, d) => {
    expect(d.value).toBeCloseTo(d.minuend.value - d.subtrahend.value, 6);
    expect(d.value).toBeGreaterThan(0);
    expect(d.minuend.source.date >= d.subtrahend.source.date).toBe(true);
  });
});

describe("contracts", () => {
  test("tranche ids are unique; the 12-year tranches have a 12-year term", () => {
    expect(new Set(TRANCHES.map((t) => t.id)).size).toBe(TRANCHES.length);
    for (const t of TRANCHES.filter((x) => x.partOfTwelveYearContracts)) expect(t.termYears?.value).toBe(12);
  });

  test("the tranches add up to the stated totals at each step", () => {
    const twelve = TRANCHES.filter((t) => t.partOfTwelveYearContracts);
    const mwAt = (n: number) => contractedMw(twelve.slice(0, n));
    expect(mwAt(2)).toBe(382);
    expect(Math.abs(mwAt(3) - 500)).toBeLessThanOrEqual(5); // "approximately 500": 502
    expect(contractedMw(TRANCHES)).toBe(572);
    expect(contractedMw(TRANCHES, true)).toBe(588); // vs "~590 MW"
    const usd = twelve.slice(0, 3).reduce((s, t) => s + (t.contractValueUsd?.value ?? 0), 0);
    expect(usd).toBeCloseTo(8.7e9, -6);
  });

  test("derived tranches are the ones no page states directly", () => {
    expect(derivedTranches(TRANCHES).map((t) => t.id)).toEqual(["options-1-2", "denton-70"]);
  });

  test("cumulative statements are in date order and never shrink", () => {
    const dates = CUMULATIVE_STATEMENTS.map((c) => c.figure.source.date);
    expect(dates).toEqual([...dates].sort());
    for (const unit of ["MW", "USD"] as const) {
      const vals = CUMULATIVE_STATEMENTS.filter((c) => c.unit === unit).map((c) => c.figure.value);
      vals.forEach((v, i) => i > 0 && expect(v).toBeGreaterThanOrEqual(vals[i - 1]));
    }
  });
});

describe("reported quarters and MW statements", () => {
  test("quarters are unique, ordered, and end on their quarter's last day", () => {
    const periods = REPORTED_QUARTERS.map((q) => q.period);
    expect(new Set(periods).size).toBe(periods.length);
    expect(periods).toEqual([...periods].sort());
    for (const q of REPORTED_QUARTERS) {
      expect(isIsoDate(q.periodEnd)).toBe(true);
      expect(quarterEnd(q.period)).toEqual({ ok: true, value: q.periodEnd });
      expect(q.colocationRevenueUsd.source.date > q.periodEnd).toBe(true);
    }
  });

  test("the record runs from 2024-Q2 to the latest stored quarter, 2026-Q1", () => {
    expect(REPORTED_QUARTERS[0].period).toBe("2024-Q2");
    expect(REPORTED_QUARTERS[REPORTED_QUARTERS.length - 1].period).toBe("2026-Q1");
  });

  test("look-ups and the derived annual sum", () => {
    expect(reportedQuarter("2025-Q4")).toMatchObject({ ok: true, value: { colocationRevenueUsd: { value: 31.3e6 } } });
    expect(reportedQuarter("2023-Q1")).toMatchObject({ ok: false, error: { kind: "na" } });
    expect(quarterEnd("2025-13")).toMatchObject({ ok: false, error: { kind: "value" } });
    expect(annualFromQuarters(2025)).toEqual({ ok: true, value: 65.5e6 });
    expect(annualFromQuarters(2026)).toMatchObject({ ok: false, error: { kind: "na" } });
  });

  test("MW statements are dated no later than their source; guidance says its target", () => {
    expect(new Set(CAPACITY_STATEMENTS.map((c) => c.id)).size).toBe(CAPACITY_STATEMENTS.length);
    for (const c of CAPACITY_STATEMENTS) {
      expect(isIsoDate(c.statedOn)).toBe(true);
      expect(c.statedOn <= c.mw.source.date).toBe(true);
      if (c.kind === "guidance") expect(c.targetAsStated).toBeDefined();
      if (c.targetIso !== undefined) {
        expect(isIsoDate(c.targetIso)).toBe(true);
        expect(c.targetIso > c.statedOn).toBe(true);
      }
    }
  });
});

describe("helpers", () => {
  test("numberAsWritten and scalesTo", () => {
    expect(numberAsWritten("~$1,225.5 million")).toBe(1225.5);
    expect(numberAsWritten("no digits")).toBeNaN();
    expect(scalesTo(0.26, "26%")).toBe(true);
    expect(scalesTo(0.27, "26%")).toBe(false);
    expect(scalesTo(0, "0")).toBe(true);
    expect(scalesTo(Number.NaN, "1")).toBe(false);
  });

  test("isIsoDate rejects impossible and malformed dates", () => {
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2026-5-7")).toBe(false);
  });
});
