/**
 * LEASE_LIST, LEASE, LEASE_STAT and LEASE_PERCENTILE on good and awkward input: the listing's
 * arithmetic and n/a convention, the filter grammar and its refusals, forgiving deal names,
 * agreement between the functions and with the model, Excel's PERCENTRANK.INC computed
 * independently from the spilled column (LEASE_PERCENTILE is its rank before Excel's default
 * truncation to three decimals, as the README says), and no NaN anywhere.
 */
import * as L from "../../src/functions/leases";
import { LEASES } from "../../src/model/leases/data";
import { leaseStat, percentileOf } from "../../src/model/leases/normalise";
import { DEAL_METRICS, HOSTS, hostOf } from "../../src/model/leases/query";
import { excelError } from "./helpers";

const ERROR_VALUE = { type: "Error", code: "#N/A" };

/** The spilled table as records keyed by header. */
function records(table: unknown[][]): Array<Record<string, unknown>> {
  const [header, ...rows] = table;
  return rows.map((r) => Object.fromEntries((header as string[]).map((h, i) => [h, r[i]])));
}

const all = records(L.leaseListFn());
const row = (id: string) => {
  const r = all.find((x) => x["Deal id"] === id);
  if (!r) throw new Error(id);
  return r;
};
const ids = (filter: unknown) => L.leaseListFn(filter).slice(1).map((r) => r[0]);

/**
 * Excel's PERCENTRANK.INC(array, x, [significance]), written from Excel's definition: the number of
 * values below x over n - 1, linear between members; with a significance, truncated (not rounded)
 * to that many decimals, as Excel does (its default is 3). Without one, the rank itself.
 */
function excelPercentRankInc(array: number[], x: number, significance?: number): number {
  const s = [...array].sort((a, b) => a - b);
  const n = s.length;
  let rank: number;
  const i = s.indexOf(x);
  if (i >= 0) rank = i / (n - 1);
  else {
    const j = s.findIndex((v) => v > x); // s[j - 1] < x < s[j]
    rank = (j - 1 + (x - s[j - 1]) / (s[j] - s[j - 1])) / (n - 1);
  }
  if (significance === undefined) return rank;
  const f = 10 ** significance;
  return Math.floor(rank * f + 1e-9) / f;
}

describe("LEASE_LIST", () => {
  test("spills a header and every deal once, in the library's order, Core Scientific first", () => {
    const table = L.leaseListFn();
    expect(table[0].slice(0, 5)).toEqual(["Deal id", "Host", "Tenant", "Site", "Kind"]);
    expect(table[0]).toEqual(expect.arrayContaining(["USD per MW-year", "Why n/a", "Comparable", "Backstop party", "Source (contract value)", "Source date (date serial)"]));
    expect(all.map((r) => r["Deal id"])).toEqual(LEASES.map((l) => l.id));
    expect(all[0]["Deal id"]).toBe("corz-coreweave");
    expect(new Set(table.map((r) => r.length)).size).toBe(1);
  });

  test("every row's USD per MW-year is value / critical-IT MW / term, and per MW is value / critical-IT MW", () => {
    for (const r of all) {
      if (r["USD per MW-year"] === "") continue;
      const value = r["Contract value (USD, firm term)"] as number;
      const mw = r["Critical-IT MW"] as number;
      const term = r["Term (years)"] as number;
      expect(r["USD per MW-year"]).toBeCloseTo(value / mw / term, 6);
      expect(r["USD per MW"]).toBeCloseTo(value / mw, 6);
    }
    expect(row("corz-coreweave")["USD per MW-year"]).toBeCloseTo(10.2e9 / 590 / 12, 6);
  });

  test("an n/a figure is a blank cell with the reason in 'Why n/a'; a figure that exists has no reason", () => {
    const gross = row("galaxy-helios-coreweave");
    expect([gross["Critical-IT MW"], gross["USD per MW"], gross["USD per MW-year"]]).toEqual(["", "", ""]);
    expect(gross["MW basis"]).toBe("gross");
    expect(gross["Why n/a"]).toMatch(/gross power and no page gives the site's IT\/gross split/);
    for (const r of all) expect(r["Why n/a"] === "").toBe(r["USD per MW-year"] !== "");
  });

  test("a deal that is not comparable is listed and marked, with the reason", () => {
    const iren = row("iren-microsoft");
    expect(iren.Comparable).toBe(false);
    expect(iren.Kind).toBe("GPU service");
    expect(String(iren["Not comparable because"]).length).toBeGreaterThan(10);
    expect(row("corz-coreweave").Comparable).toBe(true);
    expect(row("corz-coreweave")["Not comparable because"]).toBe("");
  });

  test("dates are Excel serials that sort as the ISO dates do; credit support, capex and source are shown", () => {
    expect(row("corz-coreweave")["Announced (date serial)"]).toBe(45714); // 2025-02-26
    const serials = all.map((r) => r["Announced (date serial)"] as number);
    const iso = LEASES.map((l) => l.announced);
    const bySerial = [...serials.keys()].sort((a, b) => serials[a] - serials[b] || a - b);
    const byIso = [...iso.keys()].sort((a, b) => iso[a].localeCompare(iso[b]) || a - b);
    expect(bySerial).toEqual(byIso);
    expect(row("wulf-lake-mariner-fluidstack")["Backstop (USD)"]).toBe(3.2e9);
    expect(row("hut-river-bend-fluidstack")["Backstop party"]).toMatch(/^Google .*rated S&P AA\+/);
    expect(row("iren-microsoft")["Prepayment (share)"]).toBe(0.2);
    expect(row("cifr-barber-lake-fluidstack")["Capex funded by"]).toMatch(/^host/);
    for (const r of all) {
      expect(r["Source (contract value)"]).toMatch(/, https:\/\//);
      expect(typeof r["Source date (date serial)"]).toBe("number");
    }
  });

  test("filters: keywords, kinds, hosts and tickers, tenants, periods, and several at once", () => {
    expect(ids("all")).toHaveLength(LEASES.length);
    expect(ids("comparable")).toEqual(LEASES.filter((l) => l.comparable).map((l) => l.id));
    expect(ids("not comparable")).toEqual(["iren-microsoft"]);
    expect(ids("GPU service")).toEqual(["iren-microsoft"]);
    expect(ids("colocation licence")).toEqual(["corz-coreweave"]);
    expect(ids("lease")).toHaveLength(LEASES.filter((l) => l.kind === "lease").length);
    expect(ids("APLD")).toEqual(ids("Applied Digital"));
    expect(ids("apld").every((id) => String(id).startsWith("apld-"))).toBe(true);
    expect(ids("TeraWulf")).toEqual(["wulf-lake-mariner-fluidstack", "wulf-abernathy-fluidstack"]); // its joint venture too
    expect(ids("CORZ")).toEqual(["corz-coreweave"]);
    expect(ids("CoreWeave")).toEqual(LEASES.filter((l) => l.tenant === "CoreWeave").map((l) => l.id));
    expect(ids("Fluidstack")).toEqual(LEASES.filter((l) => l.tenant === "Fluidstack").map((l) => l.id));
    expect(ids("AWS")).toEqual(["cifr-aws"]);
    expect(ids("Anthropic")).toEqual(["hut-river-bend-fluidstack"]); // the end user
    expect(ids("hyperscaler").length).toBeGreaterThanOrEqual(3);
    expect(ids("since 2025-06")).toEqual(LEASES.filter((l) => l.announced >= "2025-06-01").map((l) => l.id));
    expect(ids("after 2025")).toEqual(LEASES.filter((l) => l.announced >= "2026-01-01").map((l) => l.id));
    expect(ids("before 2025-08-18")).toEqual(LEASES.filter((l) => l.announced < "2025-08-18").map((l) => l.id));
    expect(ids("2025-11")).toEqual(LEASES.filter((l) => l.announced.startsWith("2025-11")).map((l) => l.id));
    expect(ids("since 45809")).toEqual(ids("since 2025-06-01")); // a date serial, as ="since "&A1 gives
    expect(ids("CoreWeave, since 2025-06")).toEqual(LEASES.filter((l) => l.tenant === "CoreWeave" && l.announced >= "2025-06-01").map((l) => l.id));
    expect(ids("Fluidstack; comparable")).toEqual(ids("Fluidstack"));
  });

  test("filters forgive case and spacing; a number is a year; a 1x1 range is its value; blank is all", () => {
    expect(ids("  SINCE   2025-06 ")).toEqual(ids("since 2025-06"));
    expect(ids(" coreweave ")).toEqual(ids("CoreWeave"));
    expect(ids("Gpu_Service")).toEqual(["iren-microsoft"]);
    expect(ids(2026)).toEqual(ids("2026"));
    expect(ids([["Fluidstack"]])).toEqual(ids("Fluidstack"));
    for (const blank of [undefined, null, "", [[""]], [[null]]]) expect(ids(blank)).toHaveLength(LEASES.length);
  });

  test("an unknown filter is #VALUE! listing what is accepted; a filter that matches nothing is #N/A, never an empty table", () => {
    const e = excelError(() => L.leaseListFn("Oracle"));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/^unknown filter "Oracle"; use "all", "comparable"/);
    for (const word of ["a host or ticker", "Applied Digital/APLD", "CoreWeave", "since 2025-06", "GPU service"]) expect(e.message).toContain(word);
    expect(excelError(() => L.leaseListFn("since 2030"))).toEqual({ code: "#N/A", message: 'no deal matches filter "since 2030"' });
    expect(excelError(() => L.leaseListFn("since June")).message).toMatch(/period must be written 2025, 2025-06 or 2025-06-15/);
    expect(excelError(() => L.leaseListFn("2025-13")).code).toBe("#VALUE!");
    expect(excelError(() => L.leaseListFn("since 2025-02-30")).code).toBe("#VALUE!");
    expect(excelError(() => L.leaseListFn("CoreWeave,,")).message).toMatch(/empty term/);
    expect(excelError(() => L.leaseListFn(2025.5)).message).toMatch(/a number as filter is a year/);
    expect(excelError(() => L.leaseListFn(-1)).code).toBe("#VALUE!");
    expect(excelError(() => L.leaseListFn(true)).message).toBe("filter must be text, got TRUE");
    expect(excelError(() => L.leaseListFn([["CoreWeave", "Fluidstack"]])).message).toBe("filter must be a single value, not a range");
    expect(excelError(() => L.leaseListFn(ERROR_VALUE)).message).toBe("filter is an error value");
  });
});

describe("LEASE", () => {
  test("finds a deal by id or by a name that picks one; refuses an ambiguous name listing the candidates", () => {
    expect(L.leaseFn("corz-coreweave", "value")).toBe(10.2e9);
    expect(L.leaseFn("Core Scientific", "critical_it_mw")).toBe(590);
    expect(L.leaseFn(" CORZ-CoreWeave ", "term_years")).toBe(12);
    expect(L.leaseFn("Applied Digital PF1", "mw")).toBe(400);
    expect(L.leaseFn("Hut 8 River Bend", "term_years")).toBe(15);
    expect(L.leaseFn("hut8 beacon point", "mw")).toBe(352);
    expect(excelError(() => L.leaseFn("Hut 8", "mw")).message).toMatch(/ambiguous: it could be hut-river-bend-fluidstack .*hut-beacon-point-ig/);
    expect(L.leaseFn("IREN", "prepayment")).toBe(0.2);
    expect(L.leaseFn([["Riot"]], "usd_per_mw_year")).toBeCloseTo(1_244_000, 6);
    const amb = excelError(() => L.leaseFn("Applied Digital", "mw"));
    expect(amb.code).toBe("#VALUE!");
    expect(amb.message).toMatch(/^deal "Applied Digital" is ambiguous: it could be apld-pf1-coreweave \(Applied Digital to CoreWeave, 2025-08-29\); apld-pf2-hyperscaler/);
    expect(amb.message).toMatch(/Give the deal id$/);
    expect(excelError(() => L.leaseFn("Barber Lake", "mw")).message).toMatch(/cifr-barber-lake-fluidstack \(.*cifr-barber-lake-fluidstack-2 \(/);
    const unknown = excelError(() => L.leaseFn("Oracle Abilene", "mw"));
    expect(unknown.code).toBe("#N/A");
    expect(unknown.message).toMatch(/^unknown deal "Oracle Abilene"; deals are corz-coreweave, /);
  });

  test("metrics by key or a forgiving spelling; an n/a figure is #N/A with the normalisation's reason", () => {
    expect(L.leaseFn("corz-coreweave", "$/MW-yr")).toBe(L.leaseFn("corz-coreweave", "usd_per_mw_year"));
    expect(L.leaseFn("corz-coreweave", "USD per MW year")).toBe(L.leaseFn("corz-coreweave", "usd_per_mw_year"));
    expect(L.leaseFn("corz-coreweave", "usd/mw")).toBe(L.leaseFn("corz-coreweave", "usd_per_mw"));
    expect(L.leaseFn("corz-coreweave", "Term")).toBe(12);
    expect(L.leaseFn("corz-coreweave", "announced")).toBe(45714);
    expect(L.leaseFn("cifr-barber-lake-fluidstack-2", "critical_it_mw")).toBe(39);
    expect(excelError(() => L.leaseFn("galaxy-helios-coreweave", "usd_per_mw_year"))).toEqual({
      code: "#N/A",
      message: "galaxy-helios-coreweave: 800 MW is gross power and no page gives the site's IT/gross split (no PUE is assumed)",
    });
    expect(excelError(() => L.leaseFn("hut-river-bend-fluidstack", "backstop_usd")).message).toMatch(/backstopped by Google .*no page gives the amount/);
    expect(excelError(() => L.leaseFn("riot-rockdale-amd", "prepayment")).message).toBe("riot-rockdale-amd: no page gives a prepayment");
    const bad = excelError(() => L.leaseFn("corz-coreweave", "ebitda"));
    expect(bad.code).toBe("#VALUE!");
    expect(bad.message).toBe(`unknown metric "ebitda"; use one of ${DEAL_METRICS.map((m) => m.key).join(", ")}`);
  });

  test("awkward arguments: blanks, numbers, booleans, ranges and error values are #VALUE! with the argument named", () => {
    expect(excelError(() => L.leaseFn(null, "mw")).message).toBe("deal is required");
    expect(excelError(() => L.leaseFn("", "mw")).message).toBe("deal is required");
    expect(excelError(() => L.leaseFn(42, "mw")).message).toBe("deal must be text, got 42");
    expect(excelError(() => L.leaseFn(true, "mw")).code).toBe("#VALUE!");
    expect(excelError(() => L.leaseFn([["corz-coreweave"], ["iren-microsoft"]], "mw")).message).toBe("deal must be a single value, not a range");
    expect(excelError(() => L.leaseFn(ERROR_VALUE, "mw")).message).toBe("deal is an error value");
    expect(excelError(() => L.leaseFn("corz-coreweave", undefined)).message).toBe("metric is required");
    expect(excelError(() => L.leaseFn("corz-coreweave", 3)).message).toBe("metric must be text, got 3");
    expect(excelError(() => L.leaseFn("...", "mw")).code).toBe("#N/A");
  });

  test("LEASE and LEASE_LIST agree on every deal and every figure the listing shows", () => {
    const column: Record<string, string> = {
      mw: "MW (as stated)",
      critical_it_mw: "Critical-IT MW",
      value: "Contract value (USD, firm term)",
      term_years: "Term (years)",
      announced: "Announced (date serial)",
      usd_per_mw: "USD per MW",
      usd_per_mw_year: "USD per MW-year",
      prepayment: "Prepayment (share)",
      backstop_usd: "Backstop (USD)",
    };
    expect(Object.keys(column).sort()).toEqual(DEAL_METRICS.map((m) => m.key).sort());
    for (const r of all) {
      for (const [metric, header] of Object.entries(column)) {
        const listed = r[header];
        if (listed === "") expect(excelError(() => L.leaseFn(r["Deal id"], metric)).code).toBe("#N/A");
        else expect(L.leaseFn(r["Deal id"], metric)).toBe(listed);
      }
    }
  });
});

describe("LEASE_STAT", () => {
  test("the median (default) is the model's leaseStat over comparable deals; count, mean, min, max likewise", () => {
    expect(L.leaseStatFn("usd_per_mw_year", "median")).toBe((leaseStat("usdPerMwYear", "median") as { value: number }).value);
    expect(L.leaseStatFn("usd_per_mw_year")).toBe(L.leaseStatFn("usd_per_mw_year", "median"));
    for (const s of ["median", "mean", "min", "max", "count"] as const) {
      for (const [key, m] of [["usd_per_mw_year", "usdPerMwYear"], ["usd_per_mw", "usdPerMw"]] as const) {
        expect(L.leaseStatFn(key, s)).toBe((leaseStat(m, s) as { value: number }).value);
      }
    }
    expect(L.leaseStatFn("usd_per_mw_year", "average")).toBe(L.leaseStatFn("usd_per_mw_year", "mean"));
    expect(L.leaseStatFn("$/MW-yr", " MAX ")).toBe(L.leaseStatFn("usd_per_mw_year", "max"));
  });

  test("the median is the middle of the spilled column of comparable deals with a value (computed here, not by the model)", () => {
    const col = all.filter((r) => r.Comparable === true && r["USD per MW-year"] !== "").map((r) => r["USD per MW-year"] as number).sort((a, b) => a - b);
    const mid = col.length / 2;
    const med = col.length % 2 ? col[Math.floor(mid)] : (col[mid - 1] + col[mid]) / 2;
    expect(L.leaseStatFn("usd_per_mw_year", "median")).toBeCloseTo(med, 6);
    expect(L.leaseStatFn("usd_per_mw_year", "count")).toBe(col.length);
  });

  test("statistics leave out deals that are not comparable, even when the filter names them", () => {
    expect(L.leaseStatFn("usd_per_mw_year", "max")).toBeLessThan(L.leaseFn("iren-microsoft", "usd_per_mw_year"));
    expect(L.leaseStatFn("usd_per_mw_year", "count", "IREN")).toBe(0);
    expect(excelError(() => L.leaseStatFn("usd_per_mw_year", "median", "GPU service")).code).toBe("#N/A");
  });

  test("a filter narrows the deals", () => {
    const cw = LEASES.filter((l) => l.tenant === "CoreWeave").map((l) => l.id);
    const values = cw.flatMap((id) => {
      try {
        return [L.leaseFn(id, "usd_per_mw_year")];
      } catch {
        return [];
      }
    });
    expect(L.leaseStatFn("usd_per_mw_year", "count", "CoreWeave")).toBe(values.length);
    expect(L.leaseStatFn("usd_per_mw_year", "min", "CoreWeave")).toBe(Math.min(...values));
    expect(L.leaseStatFn("usd_per_mw_year", "count", 2026)).toBe(L.leaseStatFn("usd_per_mw_year", "count", "since 2026"));
  });

  test("refusals: metrics that do not compare across deals, unknown stats and filters, awkward arguments", () => {
    expect(excelError(() => L.leaseStatFn("mw")).message).toMatch(/^statistics compare deals on usd_per_mw_year or usd_per_mw only/);
    expect(excelError(() => L.leaseStatFn("profit")).code).toBe("#VALUE!");
    expect(excelError(() => L.leaseStatFn("usd_per_mw_year", "mode")).message).toMatch(/^unknown stat "mode"; use one of median, mean, min, max, count/);
    expect(excelError(() => L.leaseStatFn("usd_per_mw_year", "median", "Oracle")).message).toMatch(/^unknown filter "Oracle"/);
    expect(excelError(() => L.leaseStatFn(null)).message).toBe("metric is required");
    expect(excelError(() => L.leaseStatFn("usd_per_mw_year", true)).code).toBe("#VALUE!");
    expect(excelError(() => L.leaseStatFn("usd_per_mw_year", [["median", "mean"]])).code).toBe("#VALUE!");
    expect(excelError(() => L.leaseStatFn("usd_per_mw_year", ERROR_VALUE)).code).toBe("#VALUE!");
    expect(L.leaseStatFn([["usd_per_mw_year"]], [[null]], [[""]])).toBe(L.leaseStatFn("usd_per_mw_year"));
  });
});

describe("LEASE_PERCENTILE", () => {
  test("defaults to Core Scientific's USD per MW-year among all comparable deals", () => {
    expect(L.leasePercentileFn()).toBe(L.leasePercentileFn("corz-coreweave", "usd_per_mw_year", "all"));
    expect(L.leasePercentileFn(null, null, null)).toBe(L.leasePercentileFn());
    expect(L.leasePercentileFn()).toBe((percentileOf("corz-coreweave", "usdPerMwYear") as { value: number }).value);
  });

  test("equals Excel's PERCENTRANK.INC over the spilled column of comparable deals, for every deal, before Excel's truncation", () => {
    for (const [metric, header] of [["usd_per_mw_year", "USD per MW-year"], ["usd_per_mw", "USD per MW"]]) {
      const members = all.filter((r) => r.Comparable === true && r[header] !== "");
      const column = members.map((r) => r[header] as number);
      for (const r of members) {
        const p = L.leasePercentileFn(r["Deal id"], metric);
        expect(p).toBeCloseTo(excelPercentRankInc(column, r[header] as number), 12);
        // What =PERCENTRANK.INC(column, x) shows with its default significance of three.
        expect(Math.floor(p * 1000 + 1e-9) / 1000).toBe(excelPercentRankInc(column, r[header] as number, 3));
      }
    }
    // Core Scientific's is the second lowest of the thirteen: 1/12 = 0.0833..., which Excel's default shows as 0.083.
    const col = all.filter((r) => r.Comparable === true && r["USD per MW-year"] !== "").map((r) => r["USD per MW-year"] as number);
    expect(col).toHaveLength(13);
    expect(L.leasePercentileFn()).toBeCloseTo(1 / 12, 12);
    expect(excelPercentRankInc(col, row("corz-coreweave")["USD per MW-year"] as number, 3)).toBe(0.083);
  });

  test("the independent PERCENTRANK.INC reproduces Excel's documented examples (default significance)", () => {
    const data = [13, 12, 11, 8, 4, 3, 2, 1, 1, 1];
    expect(excelPercentRankInc(data, 2, 3)).toBe(0.333);
    expect(excelPercentRankInc(data, 4, 3)).toBe(0.555);
    expect(excelPercentRankInc(data, 8, 3)).toBe(0.666);
    expect(excelPercentRankInc(data, 5, 3)).toBe(0.583);
  });

  test("among a filter's deals; #N/A for a deal that is not comparable, filtered out or n/a", () => {
    const cw = all.filter((r) => r.Tenant === "CoreWeave" && r.Comparable === true && r["USD per MW-year"] !== "");
    expect(L.leasePercentileFn("corz-coreweave", "usd_per_mw_year", "CoreWeave")).toBeCloseTo(excelPercentRankInc(cw.map((r) => r["USD per MW-year"] as number), row("corz-coreweave")["USD per MW-year"] as number), 12);
    expect(excelError(() => L.leasePercentileFn("iren-microsoft")).message).toMatch(/^iren-microsoft is not comparable/);
    expect(excelError(() => L.leasePercentileFn("corz-coreweave", "usd_per_mw_year", "Fluidstack")).message).toBe("corz-coreweave does not pass the filter");
    expect(excelError(() => L.leasePercentileFn("cifr-aws")).message).toMatch(/gross power/);
    expect(excelError(() => L.leasePercentileFn("Applied Digital")).message).toMatch(/ambiguous/);
    expect(excelError(() => L.leasePercentileFn("corz-coreweave", "term_years")).code).toBe("#VALUE!");
    expect(excelError(() => L.leasePercentileFn(7)).message).toBe("deal must be text, got 7");
  });
});

describe("the library and the functions", () => {
  test("every deal belongs to a listed host, so its host and ticker filter find it", () => {
    for (const l of LEASES) expect([l.id, hostOf(l)?.ticker]).toEqual([l.id, expect.any(String)]);
    for (const h of HOSTS) expect(ids(h.ticker).length).toBeGreaterThan(0);
  });

  test("no function returns NaN or a non-finite number, for any deal, metric, statistic or filter", () => {
    const filters = ["all", "comparable", "not comparable", "CoreWeave", "Fluidstack", "lease", "2025", "since 2025-06", ...HOSTS.map((h) => h.ticker)];
    const answers: unknown[] = [];
    const tryIt = (f: () => unknown) => {
      try {
        answers.push(f());
      } catch (e) {
        if (!(e instanceof CustomFunctions.Error)) throw e;
      }
    };
    for (const l of LEASES) {
      for (const m of DEAL_METRICS) tryIt(() => L.leaseFn(l.id, m.key));
      tryIt(() => L.leasePercentileFn(l.id));
    }
    for (const f of filters) {
      for (const s of ["median", "mean", "min", "max", "count"]) tryIt(() => L.leaseStatFn("usd_per_mw_year", s, f));
      tryIt(() => L.leaseListFn(f));
    }
    const cells = answers.flatMap((a) => (Array.isArray(a) ? a.flat() : [a]));
    expect(cells.length).toBeGreaterThan(100);
    for (const c of cells) if (typeof c === "number") expect(Number.isFinite(c)).toBe(true);
    for (const c of cells) expect(["number", "string", "boolean"]).toContain(typeof c);
  });

  test("arguments are not mutated", () => {
    const filter = Object.freeze([Object.freeze(["CoreWeave"])]);
    expect(() => L.leaseListFn(filter)).not.toThrow();
    expect(() => L.leaseStatFn(Object.freeze([Object.freeze(["usd_per_mw_year"])]), "median", filter)).not.toThrow();
  });
});
