/** The formula builder's text: arguments quoted or not as Excel needs, blanks, and what is missing. */
import { FUNCTIONS, FunctionInfo } from "../../src/taskpane/catalog";
import { formatArgument, formulaText, missingArguments } from "../../src/taskpane/formula";

const fn = (id: string): FunctionInfo => FUNCTIONS.find((f) => f.id === id)!;

test.each([
  ["", ""],
  ["  ", ""],
  ["2027", "2027"],
  ["-0.5", "-0.5"],
  ["10%", "10%"],
  ["1e9", "1e9"],
  [".1", ".1"],
  ["true", "TRUE"],
  ["A1", "A1"],
  ["$B$2:C9", "$B$2:C9"],
  ["Sheet1!A1:B3", "Sheet1!A1:B3"],
  ["'My sheet'!D4", "'My sheet'!D4"],
  ["bull", '"bull"'],
  [" bull ", '"bull"'],
  ["t1_mw", '"t1_mw"'],
  ["Tranche 1 critical IT load", '"Tranche 1 critical IT load"'],
  ['say "hi"', '"say ""hi"""'],
  ['"reported"', '"reported"'],
  ['"half', '"""half"'],
  ["=CORZ_term_years", "CORZ_term_years"],
  ["=A1*2", "A1*2"],
  ["2027-01-01", '"2027-01-01"'],
])("formatArgument(%j) = %j", (raw, out) => {
  expect(formatArgument(raw)).toBe(out);
});

test("trailing blanks are dropped, a blank before a filled argument stays as an omitted argument", () => {
  expect(formulaText(fn("DEAL_REVENUE"), ["2027", "bull"])).toBe('=CORZ.DEAL_REVENUE(2027, "bull")');
  expect(formulaText(fn("DEAL_REVENUE"), ["2027", ""])).toBe("=CORZ.DEAL_REVENUE(2027)");
  expect(formulaText(fn("GROSS_MARGIN"), ["", "reported"])).toBe('=CORZ.GROSS_MARGIN(, "reported")');
  expect(formulaText(fn("SCENARIOS"), [])).toBe("=CORZ.SCENARIOS()");
});

test("every catalogue function gives a formula in its namespace, with no arguments typed", () => {
  for (const f of FUNCTIONS) expect(formulaText(f, [])).toBe(`=CORZ.${f.id}()`);
});

test("missing required arguments are named; optional ones never are", () => {
  expect(missingArguments(fn("DEAL_NPV"), ["", "bull"])).toEqual(["rate"]);
  expect(missingArguments(fn("DEAL_NPV"), [" 0.1 "])).toEqual([]);
  expect(missingArguments(fn("DEAL_TCV"), [])).toEqual([]);
});
