/**
 * args.ts on its own: every coercer on Excel's awkward inputs (blanks, text numbers, booleans,
 * 1x1 and 2-D ranges, error values, dates as serials, fractions where a whole number is needed,
 * huge and non-finite numbers), and the README's rule that one mistake gets one error kind:
 * a wrong type or a value out of range is #VALUE! with a message, an unknown option #N/A, an
 * impossible number (NaN, infinity, a year outside 1900-9999) #NUM!.
 */
import fc from "fast-check";
import * as A from "../../src/functions/args";
import { EXCEL_SERIAL_MAX, fromExcelSerial, toExcelSerial } from "../../src/model/dates";
import { Result } from "../../src/model/result";

const ERR = { type: "Error", code: "#N/A" };

/** "ok: value" or "kind: message", so one assertion shows both. */
function shown<T>(r: Result<T>): string {
  return r.ok ? `ok: ${JSON.stringify(r.value)}` : `${r.error.kind}: ${r.error.message}`;
}

describe("blanks", () => {
  test.each([
    [undefined, true],
    [null, true],
    ["", true],
    [0, false],
    [" ", false],
    [false, false],
    [[[null]], false],
  ])("isBlank(%p) is %p", (x, blank) => {
    expect(A.isBlank(x)).toBe(blank);
  });

  test("allBlank: a range of empty cells is blank; one value in it is not", () => {
    expect(A.allBlank([[null, ""], [undefined, null]])).toBe(true);
    expect(A.allBlank([])).toBe(true);
    expect(A.allBlank([[null, 0]])).toBe(false);
  });
});

describe("numberArg", () => {
  test.each([
    ["a number", 2.5, "ok: 2.5"],
    ["a 1x1 range", [[2.5]], "ok: 2.5"],
    ["text with thousands commas", "2,027", "ok: 2027"],
    ["text with spaces", " 12 ", "ok: 12"],
    ["a percent", "5%", "ok: 0.05"],
    ["a negative", "-3", "ok: -3"],
    ["blank", null, "value: x is required"],
    ["empty text", "", "value: x is required"],
    ["a blank 1x1 range", [[null]], "value: x is required"],
    ["other text", "lots", 'value: x must be a number, got "lots"'],
    ["a boolean", true, "value: x must be a number, got TRUE"],
    ["a 2-D range", [[1, 2]], "value: x must be a single value, not a range"],
    ["an error value", ERR, "value: x is an error value"],
    ["NaN", Number.NaN, "num: x is not a finite number"],
    ["infinity", Infinity, "num: x is not a finite number"],
    ["NaN in a 1x1 range", [[Number.NaN]], "num: x is not a finite number"],
  ])("%s", (_, x, expected) => {
    expect(shown(A.numberArg(x, "x"))).toBe(expected);
  });

  test("a blank gives the optional default, but a wrong value is still wrong", () => {
    expect(shown(A.numberArg(undefined, "x", { optional: 7 }))).toBe("ok: 7");
    expect(shown(A.numberArg([[""]], "x", { optional: 7 }))).toBe("ok: 7");
    expect(shown(A.numberArg("seven", "x", { optional: 7 }))).toBe('value: x must be a number, got "seven"');
  });

  test("property: any finite number reads back as itself, bare, in a 1x1 range or as its text", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        for (const given of [x, [[x]], String(x)]) {
          const r = A.numberArg(given, "x");
          expect(r.ok && r.value === x).toBe(true);
        }
      }),
    );
  });

  test("maybeNumberArg: blank is undefined (the caller's default); a number is read as numberArg reads it", () => {
    expect(shown(A.maybeNumberArg(null, "x"))).toBe("ok: undefined");
    expect(shown(A.maybeNumberArg([[null]], "x"))).toBe("ok: undefined");
    expect(shown(A.maybeNumberArg("1,500,000", "x"))).toBe("ok: 1500000");
    expect(shown(A.maybeNumberArg(true, "x"))).toBe("value: x must be a number, got TRUE");
  });
});

describe("whole numbers and ranges: a fraction or a number out of range is #VALUE!, never #NUM!", () => {
  test.each([
    [1, "ok: 1"],
    ["1,000,000", "ok: 1000000"],
    [2.5, "value: paths must be a whole number from 1 to 1,000,000, got 2.5"],
    [0, "value: paths must be a whole number from 1 to 1,000,000, got 0"],
    [1e12, "value: paths must be a whole number from 1 to 1,000,000, got 1000000000000"],
    [Number.NaN, "num: paths is not a finite number"],
    [true, "value: paths must be a number, got TRUE"],
  ])("wholeArg(%p)", (x, expected) => {
    expect(shown(A.wholeArg(x, "paths", 1, 1_000_000))).toBe(expected);
  });

  test("a blank whole number takes the optional default", () => {
    expect(shown(A.wholeArg(undefined, "count", 1, 12, { optional: 10 }))).toBe("ok: 10");
    expect(shown(A.wholeArg([[null]], "count", 1, 12, { optional: 10 }))).toBe("ok: 10");
  });

  test("rangeArg says what the number is and gives the hint", () => {
    expect(shown(A.rangeArg(2, "percentile", 0, 1, { unit: "a decimal", hint: "0.1 for P10" }))).toBe("value: percentile must be a decimal from 0 to 1 (0.1 for P10), got 2");
    expect(shown(A.rangeArg("10%", "percentile", 0, 1))).toBe("ok: 0.1");
  });

  test("property: wholeArg accepts exactly the whole numbers in range; everything else finite is #VALUE!", () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -50, max: 50 }), fc.double({ min: -50, max: 50, noNaN: true })), (x) => {
        const r = A.wholeArg(x, "n", 0, 12);
        const good = Number.isInteger(x) && x >= 0 && x <= 12;
        expect(r.ok).toBe(good);
        if (!r.ok) expect(r.error.kind).toBe("value");
      }),
    );
  });
});

describe("yearArg: years and dates as serials", () => {
  test.each([
    [2027, "ok: 2027"],
    ["2027", "ok: 2027"],
    [[[2027]], "ok: 2027"],
    [2027.5, "value: year must be a whole calendar year such as 2027, got 2027.5"],
    [1899, "num: year must be a calendar year from 1900 to 9999, got 1899"],
    [-2027, "num: year must be a calendar year from 1900 to 9999, got -2027"],
    [EXCEL_SERIAL_MAX + 1, `num: year must be a calendar year from 1900 to 9999, got ${EXCEL_SERIAL_MAX + 1}`],
    [null, "value: year is required"],
  ])("yearArg(%p)", (x, expected) => {
    expect(shown(A.yearArg(x))).toBe(expected);
  });

  test("DATE(2027,6,30) stands for 2027, in any time zone (a serial is a day count, not an instant)", () => {
    expect(shown(A.yearArg(toExcelSerial({ year: 2027, month: 6, day: 30 })))).toBe("ok: 2027");
  });

  test("property: every date serial from 10000 on stands for its own calendar year", () => {
    fc.assert(
      fc.property(fc.integer({ min: 10_000, max: EXCEL_SERIAL_MAX }), (serial) => {
        const d = fromExcelSerial(serial);
        const r = A.yearArg(serial);
        expect(d.ok && r.ok && r.value === d.value.year).toBe(true);
      }),
    );
  });

  test("a blank year takes the optional default", () => {
    expect(shown(A.yearArg(undefined, "year", { optional: 2027 }))).toBe("ok: 2027");
  });
});

describe("text, booleans and choices", () => {
  test("textArg: text as typed; a blank gives the fallback or is required; numbers and ranges are not text", () => {
    expect(shown(A.textArg(" bull ", "s"))).toBe('ok: " bull "');
    expect(shown(A.textArg(null, "s", "all"))).toBe('ok: "all"');
    expect(shown(A.textArg(null, "s"))).toBe("value: s is required");
    expect(shown(A.textArg(5, "s"))).toBe("value: s must be text, got 5");
    expect(shown(A.textArg([["a", "b"]], "s"))).toBe("value: s must be a single value, not a range");
  });

  test.each([
    [true, "ok: true"],
    ["false", "ok: false"],
    [" TRUE ", "ok: true"],
    [1, "ok: true"],
    [0, "ok: false"],
    [[[true]], "ok: true"],
    [null, "ok: false"],
    [2, "value: flag must be TRUE or FALSE, got 2"],
    ["yes", 'value: flag must be TRUE or FALSE, got "yes"'],
    [ERR, "value: flag is an error value"],
  ])("booleanArg(%p)", (x, expected) => {
    expect(shown(A.booleanArg(x, "flag", false))).toBe(expected);
  });

  test("choiceArg forgives case, spaces, hyphens and underscores, maps aliases, lists the choices when unknown", () => {
    const pick = (x: unknown, fallback: "gross_profit" | null = "gross_profit") =>
      shown(A.choiceArg(x, "measure", ["gross_profit", "revenue"] as const, fallback ?? undefined, { gp: "gross_profit" }));
    expect(pick("Gross Profit")).toBe('ok: "gross_profit"');
    expect(pick("gross-profit")).toBe('ok: "gross_profit"');
    expect(pick("GP")).toBe('ok: "gross_profit"');
    expect(pick(null)).toBe('ok: "gross_profit"');
    expect(pick(null, null)).toBe("value: measure is required"); // no fallback: required
    expect(pick("ebitda")).toBe('na: unknown measure "ebitda"; use one of gross_profit, revenue');
    expect(pick(3)).toBe("value: measure must be text, got 3");
  });

  test("textOrNumberArg: a number stays a number (a year filter), text stays text, blank is the fallback", () => {
    expect(shown(A.textOrNumberArg(2025, "filter", "all"))).toBe("ok: 2025");
    expect(shown(A.textOrNumberArg([["CoreWeave"]], "filter", "all"))).toBe('ok: "CoreWeave"');
    expect(shown(A.textOrNumberArg(null, "filter", "all"))).toBe('ok: "all"');
    expect(shown(A.textOrNumberArg(Number.NaN, "filter", "all"))).toBe("num: filter is not a finite number");
  });
});

describe("the scenario argument", () => {
  test.each([
    ["omitted", undefined, "base", true],
    ["a blank cell", [[null]], "base", true],
    ["a name", "bull", "bull", false],
    ["a name in a cell, as typed", [[" Bull "]], " Bull ", false],
    ["an override range", [["t1_mw", 200], ["escalator", 0.03]], undefined, false],
    ["a number", 5, undefined, false],
  ])("%s: name %p", (_, x, name, omitted) => {
    expect(A.scenarioNameArg(x)).toBe(name);
    expect(A.scenarioOmitted(x)).toBe(omitted);
  });

  test("an override range: header and blank rows skipped, rows kept in order", () => {
    const r = A.scenarioArg([["assumption", "value"], ["t1_mw", 200], [null, null], ["escalator", "3%"]]);
    expect(r).toEqual({ ok: true, value: { name: "base", overrides: [["t1_mw", 200], ["escalator", "3%"]] } });
  });

  test.each([
    ["three columns", [["a", 1, 2]], "value: a scenario range must have two columns (assumption | value), got 3"],
    ["an error value in a row", [["t1_mw", ERR], ["escalator", 0.03]], "value: scenario row 1 holds an error value"],
    ["a row without a value", [["t1_mw", null], ["escalator", 0.03]], 'value: scenario row 1 ("t1_mw") has no value'],
    ["an error value", [[ERR]], "value: scenario is an error value"],
    ["an empty range", [], "value: scenario is an empty range"],
  ])("%s", (_, x, expected) => {
    expect(shown(A.scenarioArg(x))).toBe(expected);
  });

  test("a number is not a scenario name", () => {
    expect(shown(A.scenarioArg(5))).toMatch(/^value: scenario must be a name \(base, .*got 5$/);
  });
});

describe("ranges of numbers and tables", () => {
  test("numbersArg reads a 2-D range row by row, skips blanks, names the cell of a bad value", () => {
    expect(shown(A.numbersArg([[1, null, "2"], ["", 3, "50%"]], "values"))).toBe("ok: [1,2,3,0.5]");
    expect(shown(A.numbersArg(4, "values"))).toBe("ok: [4]");
    expect(shown(A.numbersArg([[null]], "values"))).toBe("ok: []");
    expect(shown(A.numbersArg([[1, true]], "values"))).toBe("value: values (row 1, column 2) must be a number, got TRUE");
    expect(shown(A.numbersArg([[1], [ERR]], "values"))).toBe("value: values (row 2, column 1) is an error value");
  });

  test("property: numbersArg of a range of numbers and blanks is its numbers in reading order", () => {
    const cell = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(null, undefined, ""));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const r = A.numbersArg(rows, "values");
        expect(r.ok && r.value).toEqual(rows.flat().filter((v): v is number => typeof v === "number"));
      }),
    );
  });

  test("tableArg: the width must match; blank rows are skipped; an error value names its cell", () => {
    expect(A.tableArg([["a", 1], [null, null], ["b", 2]], "t", 2)).toEqual({ ok: true, value: [{ row: 1, cells: ["a", 1] }, { row: 3, cells: ["b", 2] }] });
    expect(shown(A.tableArg([["a", 1, 2]], "t", 2))).toBe("value: t must be a range of 2 columns, got 3");
    expect(shown(A.tableArg([["a", ERR]], "t", 2))).toBe("value: t row 1, column 2 holds an error value");
  });

  test("pipelineArg: blank is the default (undefined); a header row is skipped; a blank price is the contract price", () => {
    expect(shown(A.pipelineArg([[null, null, null, null, null, null, null]], 1.5e6))).toBe("ok: undefined");
    const r = A.pipelineArg(
      [
        ["Prospect", "Category", "MW", "USD per MW-year", "Start year", "Term (years)", "Probability"],
        ["Lab", "ai-labs", "100", null, 2028, 5, "50%"],
      ],
      1.5e6,
    );
    expect(r).toEqual({
      ok: true,
      value: [{ prospect: "Lab", category: "ai-labs", mw: 100, pricePerMwYear: 1.5e6, startYear: 2028, termYears: 5, probability: 0.5, basis: "user input" }],
    });
    // Text in the first row's MW cell is a header; below it, a mistake naming its row.
    expect(shown(A.pipelineArg([["Lab", "ai-labs", "many", null, 2028, 5, 0.5]], 1.5e6))).toBe("ok: []");
    expect(shown(A.pipelineArg([["Lab", "ai-labs", 1, null, 2028, 5, 0.5], ["Lab 2", "ai-labs", "many", null, 2028, 5, 0.5]], 1.5e6))).toBe('value: pipeline row 2 MW must be a number, got "many"');
    expect(shown(A.pipelineArg([["Lab", "ai-labs", 100]], 1.5e6))).toBe("value: pipeline must be a range of 7 columns, got 3");
  });

  test("namedNumbersArg coerces each value and names a bad one by its key", () => {
    expect(shown(A.namedNumbersArg([["relet_share", "40%"], ["delay_max_months", 6]]))).toBe('ok: {"relet_share":0.4,"delay_max_months":6}');
    expect(shown(A.namedNumbersArg([["relet_share", "often"]]))).toBe('value: relet_share must be a number, got "often"');
  });
});
