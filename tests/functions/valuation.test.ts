/** CORZ.DEAL_CASH_FLOW and CORZ.DEAL_VALUE: the model's cash flows and value, items that add up, clear errors. */
import * as F from "../../src/functions/functions";
import { excelError } from "./helpers";

describe("CORZ.DEAL_CASH_FLOW", () => {
  test("free cash flow is EBITDA less tax, capex and maintenance capex, item by item", () => {
    for (const y of [2026, 2027, 2031]) {
      const item = (k: string) => F.dealCashFlow(y, undefined, k);
      expect(item("free")).toBeCloseTo(item("ebitda") - item("tax") - item("capex") - item("maintenance"), 1);
      expect(item("ebitda")).toBeCloseTo(item("revenue") - item("site_opex") - item("overhead"), 1);
      expect(F.dealCashFlow(y)).toBe(item("free"));
    }
  });

  test("licence revenue is DEAL_REVENUE's; pass-through power is shown but never moves free cash flow", () => {
    expect(F.dealCashFlow(2028, undefined, "revenue")).toBeCloseTo(F.dealRevenue(2028), 1);
    const cheap = [["power_price", 10]] as any;
    expect(F.dealCashFlow(2028, cheap, "power")).toBeLessThan(F.dealCashFlow(2028, undefined, "power"));
    expect(F.dealCashFlow(2028, cheap)).toBeCloseTo(F.dealCashFlow(2028), 1);
  });

  test("a bad item is #N/A naming the items; a bad year is #VALUE!", () => {
    expect(excelError(() => F.dealCashFlow(2028, undefined, "dividends"))).toMatchObject({ code: "#N/A", message: expect.stringContaining("site_opex") });
    expect(excelError(() => F.dealCashFlow("soon"))).toMatchObject({ code: "#VALUE!" });
  });
});

describe("CORZ.DEAL_VALUE", () => {
  test("below the gross-profit NPV at the same rate and date in every built-in scenario (overhead, maintenance and tax cost something)", () => {
    for (const n of ["base", "seed", "bull", "bear"]) expect(F.dealValueFn([[n]])).toBeLessThan(F.dealNpvFn(F.scenarioValue("discount_rate", [[n]]), [[n]]));
  });

  test("equals the gross-profit NPV when nothing but the site cost is taken off", () => {
    const only = [
      ["overhead_rate", 0],
      ["maintenance_capex_rate", 0],
      ["tax_rate", 0],
      ["core_capex_per_mw", 0],
    ] as any;
    expect(F.dealValueFn(only)).toBeCloseTo(F.dealNpvFn(0.1, only), 1);
  });

  test("capex still to be spent lowers the value; capex already spent is sunk and only its tax shield counts", () => {
    const before = ["valuation_date", "2024-01-01"];
    expect(F.dealValueFn([before, ["core_capex_per_mw", 2e6]] as any)).toBeLessThan(F.dealValueFn([before] as any));
    // Valued in May 2026, most of the build is behind: its depreciation still lowers tax after the date.
    expect(F.dealValueFn([["core_capex_per_mw", 2e6]] as any)).toBeGreaterThan(F.dealValueFn());
  });
});
