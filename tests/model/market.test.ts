/**
 * The deal library's recent market rent and where the model uses it: the renewal price change
 * and the re-letting rent after a CoreWeave default. Checked against a median recomputed here
 * from the library's raw rows (value / MW / term), not through the module under test.
 */
import * as formulajs from "@formulajs/formulajs";
import { MARKET_RENT, RENEWAL_TO_MARKET, assumptionSpec } from "../../src/model/assumptions";
import { LEASES, Lease } from "../../src/model/leases/data";
import { RECENT_MONTHS, recentMarketRent } from "../../src/model/leases/market";
import { RISK_SETTINGS } from "../../src/model/risk/settings";
import { DEFAULT_RELET_RENT } from "../../src/model/risk/spec";
import { resolveScenario } from "../../src/model/scenarios";
import { unwrap } from "./helpers";

const critical = (l: Lease) => l.mwBasis === "critical IT";
const rentOf = (l: Lease) => l.contractValueUsd.value / l.mw.value / l.termYears.value;

describe("the recent market rent", () => {
  const m = recentMarketRent();

  test("is the median of other hosts' comparable critical-IT leases announced in the last 12 months of the library", () => {
    expect(RECENT_MONTHS).toBe(12);
    const latest = LEASES.map((l) => l.announced).sort().at(-1)!;
    expect(m.through).toBe(latest);
    expect(m.since).toBe(`${Number(latest.slice(0, 4)) - 1}${latest.slice(4)}`);
    const used = LEASES.filter((l) => l.comparable && l.host !== "Core Scientific" && critical(l) && l.announced >= m.since);
    expect(m.deals).toEqual(used.map((l) => l.id));
    expect(m.count).toBe(used.length);
    expect(m.value).toBeCloseTo(formulajs.MEDIAN(used.map(rentOf)) as number, 6);
    expect(m.deals).not.toContain("corz-coreweave");
    expect(m.deals).not.toContain("iren-microsoft"); // a GPU service: not comparable
  });

  test("says what it is and where the median deal can be read", () => {
    expect(m.label).toMatch(/^median \$1\.810M per MW-year of the 12 comparable HPC leases other hosts announced from 2025-06-09 to 2026-06-09/);
    expect(m.source).toMatch(/https:\/\//);
    expect(m.source).toMatch(/\$1\.786M per MW-year/);
  });

  test("a library with no recent comparable deal is a programmer's mistake, not a silent 0", () => {
    expect(() => recentMarketRent(LEASES.filter((l) => l.host === "Core Scientific"))).toThrow(/no recent comparable deal/);
  });

  test("moves with the data only: adding an older deal leaves it alone, a newer one moves the window", () => {
    const old: Lease = { ...LEASES[1], id: "old", announced: "2020-01-01" };
    expect(recentMarketRent([...LEASES, old]).value).toBe(m.value);
    const late: Lease = { ...LEASES.find((l) => l.id === "riot-rockdale-amd")!, id: "late", announced: "2027-12-31" };
    const moved = recentMarketRent([...LEASES, late]);
    expect(moved.through).toBe("2027-12-31");
    expect(moved.deals).toEqual(["late"]);
  });
});

describe("where the model uses it", () => {
  test("renewals: base's price change takes the tranches' average price to the market rent, to 0.01%", () => {
    const base = unwrap(resolveScenario("base"));
    const v = base.values;
    const ids = ["t1", "t2", "t3", "t4", "t5"];
    const avg = ids.reduce((s, t) => s + v[`${t}_value`], 0) / (ids.reduce((s, t) => s + v[`${t}_mw`], 0) * v.term_years);
    expect(RENEWAL_TO_MARKET.contractPrice).toBeCloseTo(avg, 6);
    expect(v.renewal_repricing).toBe(Math.round((MARKET_RENT.value / avg - 1) * 1e4) / 1e4);
    expect(Math.abs(avg * (1 + v.renewal_repricing) - MARKET_RENT.value)).toBeLessThan(0.0001 * avg);
    const spec = assumptionSpec("renewal_repricing")!;
    expect(spec.source).toContain(MARKET_RENT.label);
    expect(spec.asOf).toBe(MARKET_RENT.through);
  });

  test("re-letting after a default: the rent is the market rent, labelled as the library's", () => {
    expect(DEFAULT_RELET_RENT).toBe(MARKET_RENT.value);
    const setting = RISK_SETTINGS.find((s) => s.key === "relet_rent_per_mw_year")!;
    expect(setting.unit).toBe("USD per MW-year");
    expect(setting.basis).toContain("deal library's recent market rent");
  });
});
