/**
 * The preview evaluator's PERCENTRANK and NA (the Leases sheet's percentile and chart gaps),
 * against Microsoft's documented examples for PERCENTRANK.INC (the same function under its
 * newer name): data 13, 12, 11, 8, 4, 3, 2, 1, 1, 1.
 */
import { Evaluator, XlError, bookOf } from "../../src/preview/formula";
import { ExcelDouble } from "../support/excelDouble";

function calc(formula: string): unknown {
  const x = new ExcelDouble();
  const data = [13, 12, 11, 8, 4, 3, 2, 1, 1, 1];
  x.addSheet("Sheet1", Object.fromEntries([...data.map((v, i) => [`A${i + 2}`, v]), ["B2", "text"]]));
  const v = new Evaluator(bookOf(x)).formula(formula, "Sheet1");
  return v instanceof XlError ? v.code : v;
}

test.each([
  ["=PERCENTRANK(A2:A11,2)", 0.333],
  ["=PERCENTRANK(A2:A11,4)", 0.555],
  ["=PERCENTRANK(A2:A11,8)", 0.666],
  ["=PERCENTRANK(A2:A11,5)", 0.583],
  ["=PERCENTRANK(A2:A11,5,5)", 0.58333],
  ["=PERCENTRANK(A2:A11,13)", 1],
  ["=PERCENTRANK(A2:A11,1)", 0],
  ["=PERCENTRANK(A2:B11,2)", 0.333],
])("%s = %s (truncated to the significance, three digits by default; text in the range skipped)", (f, want) => {
  expect(calc(f)).toBeCloseTo(want, 12);
});

test.each([
  ["=PERCENTRANK(A2:A11,14)", "#N/A"],
  ["=PERCENTRANK(A2:A11,0.5)", "#N/A"],
  ["=PERCENTRANK(A2:A11,2,0)", "#NUM!"],
  ['=PERCENTRANK(A2:A11,"")', "#VALUE!"],
  ['=IFERROR(PERCENTRANK(A2:A11,""),"n/a")', "n/a"],
  ["=NA()", "#N/A"],
  ["=IF(ISNUMBER(B2),B2,NA())", "#N/A"],
])("%s is %s", (f, want) => {
  expect(calc(f)).toBe(want);
});
