/** MINING_REVENUE, MW_ECONOMICS and HASHPRICE_LEVELS on good input and on Excel's awkward input. */
import * as M from "../../src/functions/mining";
import { excelError } from "./helpers";

const ERR = { type: "Error", code: "#N/A" };

describe("MINING_REVENUE", () => {
  test("1 EH/s at $50 per PH/s per day: 1,000 PH/s x $50 x 365 = $18,250,000 a year", () => {
    expect(M.miningRevenueFn(1, 50)).toBe(18_250_000);
    expect(M.miningRevenueFn(1, 50, null)).toBe(18_250_000); // blank uptime = 1
  });
  test("19.1 EH/s at $39.82 and 95% uptime: 19,100 x 39.82 x 365 x 0.95 = $263,724,873.50", () => {
    expect(M.miningRevenueFn(19.1, 39.82, 0.95)).toBe(263_724_873.5);
    expect(M.miningRevenueFn("19.1", "39.82", "95%")).toBe(263_724_873.5);
    expect(M.miningRevenueFn([[19.1]], [[39.82]], [[0.95]])).toBe(263_724_873.5);
  });
  test.each([
    ["blank", null, "#VALUE!", "hashrate_eh is required"],
    ["text", "lots", "#VALUE!", 'hashrate_eh must be a number, got "lots"'],
    ["boolean", true, "#VALUE!", "hashrate_eh must be a number, got TRUE"],
    ["2-D range", [[1, 2]], "#VALUE!", "hashrate_eh must be a single value, not a range"],
    ["error value", ERR, "#VALUE!", "hashrate_eh is an error value"],
    ["negative", -1, "#VALUE!", "hashrate must be EH/s from 0 to 1,000,000, got -1"],
    ["huge", 1e308, "#VALUE!", "hashrate must be EH/s from 0 to 1,000,000, got 1e+308"],
    ["NaN", Number.NaN, "#NUM!", ""],
  ])("hashrate_eh %s -> %s", (_, value, code, message) => {
    expect(excelError(() => M.miningRevenueFn(value, 50))).toEqual({ code, message });
  });
  test("bad hashprice and uptime", () => {
    expect(excelError(() => M.miningRevenueFn(1, null)).message).toBe("hashprice is required");
    expect(excelError(() => M.miningRevenueFn(1, -5)).message).toBe("hashprice must be USD per PH/s per day from 0 to 1,000,000, got -5");
    expect(excelError(() => M.miningRevenueFn(1, 50, 1.5)).message).toBe("uptime must be a decimal from 0 to 1, got 1.5");
    expect(excelError(() => M.miningRevenueFn(1, 50, false)).code).toBe("#VALUE!");
  });
});

describe("MW_ECONOMICS", () => {
  test("HPC (seed): $1.45M x 77.5% = $1,123,750 gross profit per MW-year; revenue $1.45M; cost $326,250", () => {
    expect(M.mwEconomicsFn("hpc", [["seed"]])).toBe(1_123_750);
    expect(M.mwEconomicsFn("HPC", [["seed"]], null, "revenue")).toBe(1_450_000);
    expect(M.mwEconomicsFn("hosting", [["seed"]], null, "cost")).toBe(326_250);
  });
  test("HPC (base, the default): 10.2B / 572 / 12 = $1,486,013.99 x 82.5% = $1,225,961.54; bull's 85% = $1,263,111.89", () => {
    // Money is rounded to the cent.
    expect(M.mwEconomicsFn("hpc")).toBe(1_225_961.54);
    expect(M.mwEconomicsFn("hpc", null as any, null, "revenue")).toBe(1_486_013.99);
    expect(M.mwEconomicsFn("hpc", null as any, null, "cost")).toBe(260_052.45); // 1,486,013.99 x 17.5%
    expect(M.mwEconomicsFn("hpc", [["bull"]])).toBe(1_263_111.89);
  });
  test("mining at the sourced defaults ($39.82, 26.85 J/TH, $40/MWh): $190,914.71", () => {
    // 1 MW / 26.85 J/TH = 37.2439 PH/s x $39.82 x 365 = $541,314.71, less 8,760 h x $40 = $350,400
    expect(M.mwEconomicsFn("mining")).toBe(190_914.71);
    expect(M.mwEconomicsFn("bitcoin", null as any, null, "revenue")).toBe(541_314.71);
    expect(M.mwEconomicsFn("mining", null as any, null, "cost")).toBe(350_400);
  });
  test("mining with the user's hashprice, efficiency, power price and uptime", () => {
    // 1 MW / 20 J/TH = 50 PH/s x $50 x 365 = $912,500, less $350,400
    expect(M.mwEconomicsFn("mining", null as any, 50, "gp", 20, 40)).toBe(562_100);
    // Half the hours: half of each
    expect(M.mwEconomicsFn("mining", null as any, 50, "gp", 20, 40, 0.5)).toBe(281_050);
    // The 2021 average ($314.61) beats the HPC megawatt; the hashprice does not change HPC
    expect(M.mwEconomicsFn("mining", null as any, 314.61)).toBeGreaterThan(M.mwEconomicsFn("hpc"));
    expect(M.mwEconomicsFn("hpc", null as any, 314.61)).toBe(M.mwEconomicsFn("hpc"));
    expect(M.mwEconomicsFn("hpc", [["seed"]], 314.61)).toBe(1_123_750);
  });
  test("awkward input", () => {
    expect(excelError(() => M.mwEconomicsFn(null)).message).toBe("use is required");
    expect(excelError(() => M.mwEconomicsFn("gold"))).toMatchObject({ code: "#N/A", message: 'unknown use "gold"; use one of hpc, mining' });
    expect(excelError(() => M.mwEconomicsFn(true)).code).toBe("#VALUE!");
    expect(excelError(() => M.mwEconomicsFn([["hpc", "mining"]])).code).toBe("#VALUE!");
    expect(excelError(() => M.mwEconomicsFn(ERR)).code).toBe("#VALUE!");
    expect(excelError(() => M.mwEconomicsFn("mining", null as any, -1)).message).toContain("hashprice must be");
    expect(excelError(() => M.mwEconomicsFn("mining", null as any, "cheap")).code).toBe("#VALUE!");
    expect(excelError(() => M.mwEconomicsFn("mining", null as any, 1e308)).code).toBe("#VALUE!");
    expect(excelError(() => M.mwEconomicsFn("mining", null as any, null, "ebitda")).code).toBe("#N/A");
    expect(excelError(() => M.mwEconomicsFn("mining", null as any, null, null, 0)).message).toContain("efficiency must be");
    expect(excelError(() => M.mwEconomicsFn("mining", null as any, null, null, null, -1)).message).toContain("power price must be");
    expect(excelError(() => M.mwEconomicsFn("mining", null as any, null, null, null, null, 2)).message).toContain("uptime must be");
    expect(excelError(() => M.mwEconomicsFn("hpc", [["moon"]])).code).toBe("#N/A");
  });
});

describe("HASHPRICE_LEVELS", () => {
  test("a header and eight sourced levels, highest first", () => {
    const t = M.hashpriceLevelsFn();
    expect(t[0]).toEqual(["Level", "USD per PH/s per day", "Period", "Source", "As of"]);
    expect(t).toHaveLength(9);
    expect(t[1].slice(0, 2)).toEqual(["2021 high", 412.57]);
    expect(t[8].slice(0, 2)).toEqual(["All-time low (2025-11-22)", 35.06]);
    for (const r of t.slice(1)) expect(String(r[3]).length).toBeGreaterThan(30);
  });
});
