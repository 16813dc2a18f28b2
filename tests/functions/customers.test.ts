/** CONCENTRATION, HHI, PIPELINE_REVENUE, CONCENTRATION_SCHEDULE and PIPELINE on good input and on Excel's awkward input. */
import * as C from "../../src/functions/customers";
import { numbersArg, tableArg } from "../../src/functions/args";
import { AWKWARD_YEAR, excelError } from "./helpers";

const ERR = { type: "Error", code: "#N/A" };
/** The seed's round figures (725M a year, 1.45M per MW-year): the hand checks below use them. */
const SEED = [["seed"]];
/** Base's price per MW-year: 10.2B / 572 MW / 12 years = 1,486,013.99; its run-rate 850M = 572 x that. */
const BASE_PRICE = 10.2e9 / 572 / 12;

describe("CONCENTRATION with the illustrative default pipeline (seed, hand-checked)", () => {
  test("CoreWeave's share: 1 before the pipeline starts, 725 / 870 in 2028, 0.8 in 2029", () => {
    expect(C.concentrationFn(2025, SEED)).toBe(1);
    expect(C.concentrationFn(2027, SEED)).toBe(1);
    expect(C.concentrationFn(2028, SEED)).toBeCloseTo(725 / 870, 12);
    expect(C.concentrationFn(2029, SEED)).toBeCloseTo(0.8, 12);
  });
  test("base: the pipeline priced at base's own price, CoreWeave's share is a ratio of MW: 572 / 672 in 2028, 572 / 697 in 2029", () => {
    // 2028: two 100 MW prospects at probability 0.5 (100 weighted MW); 2029: all seven (125 weighted MW).
    expect(C.concentrationFn(2027)).toBe(1);
    expect(C.concentrationFn(2028)).toBeCloseTo(572 / 672, 12);
    expect(C.concentrationFn(2029)).toBeCloseTo(572 / 697, 12);
  });
  test("other measures: top-3 0.96, HHI 0.65312, CoreWeave if all sign 0.625 (2029)", () => {
    expect(C.concentrationFn(2029, SEED, "top3")).toBeCloseTo(0.96, 12);
    expect(C.concentrationFn(2029, SEED, "HHI")).toBeCloseTo(0.65312, 12);
    expect(C.concentrationFn(2029, SEED, "CoreWeave all won")).toBeCloseTo(0.625, 12);
    expect(C.concentrationFn(2029, [["Seed"]], "herfindahl")).toBeCloseTo(0.65312, 12);
    // Base: if all seven sign (300 MW), 572 / 872.
    expect(C.concentrationFn(2029, null as any, "coreweave_all_won")).toBeCloseTo(572 / 872, 12);
    expect(excelError(() => C.concentrationFn(2029, null as any, "gini"))).toMatchObject({ code: "#N/A", message: expect.stringContaining("coreweave, coreweave_all_won, top3, hhi") });
  });
  test("a year with no HPC revenue is #DIV/0!", () => {
    expect(excelError(() => C.concentrationFn(2050)).code).toBe("#DIV/0!");
    expect(excelError(() => C.concentrationFn(2020, null as any, "hhi")).code).toBe("#DIV/0!");
  });
  test("a date and numeric text stand for the year", () => {
    expect(C.concentrationFn(47119)).toBe(C.concentrationFn(2029)); // 47119 = 2029-01-01
    expect(C.concentrationFn("2029")).toBe(C.concentrationFn(2029));
  });
  test("the scenario argument: an unknown name is #N/A; overrides move the contract price the pipeline uses", () => {
    expect(excelError(() => C.concentrationFn(2029, [["moon"]])).code).toBe("#N/A");
    // The default pipeline follows the contract price, so a different price leaves the shares unchanged.
    expect(C.concentrationFn(2029, [["t1_value", 4e9]])).toBeCloseTo(572 / 697, 12);
    expect(C.concentrationFn(2029, [["scenario", "seed"], ["t1_value", 4e9]])).toBeCloseTo(0.8, 12);
  });
  test.each(AWKWARD_YEAR)("year %s gives %p -> %s", (_, value, code) => {
    expect(excelError(() => C.concentrationFn(value)).code).toBe(code);
  });
});

describe("a pipeline range replaces the default", () => {
  const header = ["Prospect", "Category", "MW", "USD per MW-year", "Start year", "Term", "Probability"];
  test("one signed 100 MW prospect at the contract price (blank price): CoreWeave 725 / 870 in 2029 (seed), 572 / 672 (base)", () => {
    const p = [header, ["Acme AI", "ai-labs", 100, null, 2029, 5, 1]];
    expect(C.concentrationFn(2029, SEED, null, p)).toBeCloseTo(725 / 870, 12);
    expect(C.pipelineRevenueFn(2029, SEED, null, p)).toBe(145_000_000);
    expect(C.pipelineRevenueFn(2034, SEED, null, p)).toBe(0);
    expect(C.concentrationFn(2029, null as any, null, p)).toBeCloseTo(572 / 672, 12);
    expect(C.pipelineRevenueFn(2029, null as any, null, p)).toBeCloseTo(100 * BASE_PRICE, 2);
  });
  test("its own price, text numbers and blank rows", () => {
    const p = [["Acme", "", "100", "2,000,000", 2029, 5, "50%"], [null, null, null, null, null, null, null]];
    expect(C.pipelineRevenueFn(2029, null as any, "weighted", p)).toBe(100_000_000);
    expect(C.pipelineRevenueFn(2029, null as any, "unweighted", p)).toBe(200_000_000);
    expect(C.concentrationFn(2029, SEED, null, p)).toBeCloseTo(725 / 825, 12);
    expect(C.concentrationFn(2029, null as any, null, p)).toBeCloseTo(850 / 950, 12);
  });
  test("a header alone means an empty pipeline: CoreWeave is 100%", () => {
    expect(C.concentrationFn(2029, null as any, null, [header])).toBe(1);
  });
  test("an all-blank range is the default pipeline", () => {
    expect(C.concentrationFn(2029, null as any, null, [[null, null]])).toBe(C.concentrationFn(2029));
    expect(C.concentrationFn(2029, SEED, null, [[null, null]])).toBeCloseTo(0.8, 12);
  });
  test("bad ranges are #VALUE! naming the row and field", () => {
    expect(excelError(() => C.concentrationFn(2029, null as any, null, [["a", "b", 1]]))).toEqual({ code: "#VALUE!", message: "pipeline must be a range of 7 columns, got 3" });
    expect(excelError(() => C.concentrationFn(2029, null as any, null, [header, ["A", "", "lots", null, 2029, 5, 1]]))).toEqual({ code: "#VALUE!", message: 'pipeline row 2 MW must be a number, got "lots"' });
    expect(excelError(() => C.concentrationFn(2029, null as any, null, [["A", "", 10, null, 2029, 5, 2]])).message).toBe("pipeline row 1 (A): probability must be a decimal from 0 to 1, got 2");
    expect(excelError(() => C.concentrationFn(2029, null as any, null, [["A", "", 10, null, 2029, 5, ERR]])).message).toBe("pipeline row 1, column 7 holds an error value");
    expect(excelError(() => C.concentrationFn(2029, null as any, null, [[null, "", 10, null, 2029, 5, 1]])).message).toBe("pipeline row 1 prospect is required");
    expect(excelError(() => C.concentrationFn(2029, null as any, null, [["A", "", -10, null, 2029, 5, 1]])).code).toBe("#VALUE!");
    expect(excelError(() => C.concentrationFn(2029, null as any, null, [["A", "", true, null, 2029, 5, 1]])).code).toBe("#VALUE!");
  });
});

describe("HHI", () => {
  test("shares 0.5 / 0.3 / 0.2 in a column, a row or a 2-D range: 0.38", () => {
    expect(C.hhiFn([[0.5], [0.3], [0.2]])).toBeCloseTo(0.38, 12);
    expect(C.hhiFn([[0.5, 0.3, 0.2]])).toBeCloseTo(0.38, 12);
    expect(C.hhiFn([[50, 30], [20, null]])).toBeCloseTo(0.38, 12);
  });
  test("revenues, percent text and a single value", () => {
    expect(C.hhiFn([[725e6], [145e6], [36.25e6]])).toBeCloseTo((725 ** 2 + 145 ** 2 + 36.25 ** 2) / 906.25 ** 2, 12);
    expect(C.hhiFn([["50%", "30%", "20%"]])).toBeCloseTo(0.38, 12);
    expect(C.hhiFn(725e6 as any)).toBe(1);
    expect(C.hhiFn([[1, 1, 1, 1]])).toBe(0.25);
  });
  test("blank cells are skipped; nothing above zero is #DIV/0!", () => {
    expect(C.hhiFn([[0.5, ""], [null, 0.5]])).toBe(0.5);
    expect(excelError(() => C.hhiFn([[null, ""]])).code).toBe("#DIV/0!");
    expect(excelError(() => C.hhiFn([[0, 0]])).code).toBe("#DIV/0!");
    expect(excelError(() => C.hhiFn(null as any)).code).toBe("#DIV/0!");
  });
  test("text, booleans, errors and negatives are #VALUE! naming the cell", () => {
    expect(excelError(() => C.hhiFn([[0.5, "abc"]]))).toEqual({ code: "#VALUE!", message: 'values (row 1, column 2) must be a number, got "abc"' });
    expect(excelError(() => C.hhiFn([[0.5], [true]]))).toEqual({ code: "#VALUE!", message: "values (row 2, column 1) must be a number, got TRUE" });
    expect(excelError(() => C.hhiFn([[0.5], [ERR]]))).toEqual({ code: "#VALUE!", message: "values (row 2, column 1) is an error value" });
    expect(excelError(() => C.hhiFn([[0.5], [-0.5]]))).toEqual({ code: "#VALUE!", message: "values must not be negative (revenues or shares), got -0.5 at item 2" });
  });
  test("huge values do not overflow; NaN is #NUM!", () => {
    expect(C.hhiFn([[1e308, 1e308]])).toBe(0.5);
    expect(excelError(() => C.hhiFn([[1, Number.NaN]])).code).toBe("#NUM!");
  });
});

describe("PIPELINE_REVENUE with the illustrative default pipeline", () => {
  test("2029 (seed): weighted $181.25M (2 x $72.5M + 5 x $7.25M), unweighted $435M; 0 before 2028", () => {
    expect(C.pipelineRevenueFn(2029, SEED)).toBe(181_250_000);
    expect(C.pipelineRevenueFn(2029, SEED, "unweighted")).toBe(435_000_000);
    expect(C.pipelineRevenueFn(2028, SEED)).toBe(145_000_000);
    expect(C.pipelineRevenueFn(2027, SEED)).toBe(0);
    expect(C.pipelineRevenueFn(2040, SEED)).toBe(0);
  });
  test("2029 (base): 125 weighted and 300 unweighted MW at base's price", () => {
    expect(C.pipelineRevenueFn(2029)).toBeCloseTo(125 * BASE_PRICE, 2); // 185,751,748.25
    expect(C.pipelineRevenueFn(2029, null as any, "unweighted")).toBeCloseTo(300 * BASE_PRICE, 2);
    expect(C.pipelineRevenueFn(2027)).toBe(0);
  });
  test("weighted never exceeds unweighted, in any year", () => {
    for (let y = 2024; y <= 2040; y++) expect(C.pipelineRevenueFn(y)).toBeLessThanOrEqual(C.pipelineRevenueFn(y, null as any, "unweighted"));
  });
  test("priced at the scenario's contract price", () => {
    // t1 at $4.0B instead of $3.5B: $10.7B / 572 MW / 12 = $1,558,857.34 per MW-year, x 125 weighted MW in 2029
    expect(C.pipelineRevenueFn(2029, [["t1_value", 4e9]])).toBeCloseTo((10.7e9 / 6864) * 125, 1);
    // Seed: $9.2B / 500 MW / 12 = $1,533,333.33.
    expect(C.pipelineRevenueFn(2029, [["scenario", "seed"], ["t1_value", 4e9]])).toBeCloseTo((9.2e9 / 6000) * 125, 1);
  });
  test("bad basis is #N/A; awkward years", () => {
    expect(excelError(() => C.pipelineRevenueFn(2029, null as any, "maybe")).code).toBe("#N/A");
    for (const [, value, code] of AWKWARD_YEAR) expect(excelError(() => C.pipelineRevenueFn(value)).code).toBe(code);
  });
});

describe("CONCENTRATION_SCHEDULE and PIPELINE spill tables", () => {
  test("the schedule: header, the billing years (base 2025-2039, seed 2025-2038), values as the single-year functions", () => {
    const t = C.concentrationScheduleFn();
    expect(t[0]).toEqual(["Year", "Contracted (USD)", "Pipeline weighted (USD)", "Pipeline unweighted (USD)", "CoreWeave share", "CoreWeave share if all sign", "Top-3 share", "HHI"]);
    expect(t.slice(1).map((r) => r[0])).toEqual(Array.from({ length: 15 }, (_, i) => 2025 + i));
    const seed = C.concentrationScheduleFn(SEED);
    expect(seed.slice(1).map((r) => r[0])).toEqual(Array.from({ length: 14 }, (_, i) => 2025 + i));
    expect(seed.find((r) => r[0] === 2029)!.slice(1, 4)).toEqual([725_000_000, 181_250_000, 435_000_000]);
    const r2029 = t.find((r) => r[0] === 2029)!;
    expect(r2029[1]).toBeCloseTo(850_000_000, 2);
    expect(r2029[2]).toBe(C.pipelineRevenueFn(2029));
    expect(r2029[3]).toBe(C.pipelineRevenueFn(2029, null as any, "unweighted"));
    expect(r2029[4]).toBeCloseTo(C.concentrationFn(2029), 12);
    expect(r2029[7]).toBeCloseTo(C.concentrationFn(2029, null as any, "hhi"), 12);
  });
  test("PIPELINE: seven illustrative rows at the contract price, with the seed's examples and the basis", () => {
    const t = C.pipelineFn();
    expect(t[0]).toEqual(["Prospect", "Category", "MW", "USD per MW-year", "Start year", "Term (years)", "Probability", "Seed examples", "Basis"]);
    expect(t).toHaveLength(8);
    for (const r of t.slice(1)) {
      expect(r[3]).toBe(1_486_013.99); // base's price, rounded to the cent
      expect(String(r[8])).toMatch(/^Illustrative/);
    }
    expect(t[1][7]).toContain("Microsoft Azure");
    for (const r of C.pipelineFn(SEED).slice(1)) expect(r[3]).toBe(1_450_000);
    // The spilled pipeline, fed back as the pipeline argument, gives the default's answers.
    const asInput = t.map((r) => r.slice(0, 7));
    // Base's spilled price is rounded to the cent (0.004 USD off 1,486,013.986...), hence 8 places; the seed's round price is exact.
    expect(C.concentrationFn(2029, null as any, null, asInput)).toBeCloseTo(C.concentrationFn(2029), 8);
    const seedInput = C.pipelineFn(SEED).map((r) => r.slice(0, 7));
    expect(C.concentrationFn(2029, SEED, null, seedInput)).toBeCloseTo(C.concentrationFn(2029, SEED), 12);
  });
});

describe("numbersArg and tableArg (args.ts)", () => {
  test("numbersArg flattens row by row, skips blanks, keeps numeric text", () => {
    expect(numbersArg([[1, null], ["", "2"], [3, "4%"]], "v")).toEqual({ ok: true, value: [1, 2, 3, 0.04] });
    expect(numbersArg(7, "v")).toEqual({ ok: true, value: [7] });
    expect(numbersArg(undefined, "v")).toEqual({ ok: true, value: [] });
    expect(numbersArg("x", "v")).toMatchObject({ ok: false, error: { kind: "value", message: 'v must be a number, got "x"' } });
    expect(numbersArg([[1, Infinity]], "v")).toMatchObject({ ok: false, error: { kind: "num" } });
  });
  test("tableArg checks the width, skips blank rows and rejects error values", () => {
    expect(tableArg([[1, 2], [null, ""], [3, 4]], "t", 2)).toEqual({
      ok: true,
      value: [
        { row: 1, cells: [1, 2] },
        { row: 3, cells: [3, 4] },
      ],
    });
    expect(tableArg([[1, 2, 3]], "t", 2)).toMatchObject({ ok: false, error: { message: "t must be a range of 2 columns, got 3" } });
    expect(tableArg([[1, ERR]], "t", 2)).toMatchObject({ ok: false, error: { message: "t row 1, column 2 holds an error value" } });
  });
});
