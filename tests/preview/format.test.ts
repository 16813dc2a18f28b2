/** The preview grid shows values as the plan's number formats ask, as Excel would. */
import { XlError } from "../../src/preview/formula";
import { formatValue } from "../../src/preview/format";
import { typedContent } from "../../src/preview/viewer";

test.each([
  [1_450_000, '$#,##0.00,,"M";($#,##0.00,,"M");"-"', "$1.45M"],
  [-8_700_000_000, '$#,##0.0,,"M";($#,##0.0,,"M");"-"', "($8,700.0M)"],
  [0, '$#,##0.0,,"M";($#,##0.0,,"M");"-"', "-"],
  [0.775, "0.0%;(0.0%);0.0%", "77.5%"],
  [1234.5, "#,##0;(#,##0);0", "1,235"],
  [-1234.5, "#,##0;(#,##0);0", "(1,235)"],
  [6.1, '0.00"x"', "6.10x"],
  [45658, "yyyy-mm-dd", "2025-01-01"],
  [0.12345, "0.0000", "0.1235"],
  [-2.5, "0.0", "-2.5"],
  [2027, "0", "2027"],
  [1 / 3, undefined, "0.33333333333"],
  [true, "General", "TRUE"],
  ["base", "@", "base"],
  [null, "0.0", ""],
  [new XlError("#N/A"), "0.0", "#N/A"],
])("%p in %p shows %p", (value, format, shown) => {
  expect(formatValue(value, format)).toBe(shown);
});

test.each([
  ["350", 350],
  ["1,234.5", 1234.5],
  ["-2e3", -2000],
  ["12.5%", 0.125],
  ["true", true],
  ["=SUM(A1:A2)", "=SUM(A1:A2)"],
  ["lots", "lots"],
  ["  ", ""],
])("typing %p puts %p in the cell", (typed, content) => {
  expect(typedContent(typed)).toEqual(content);
});

test.each([
  [1234.5, "0E+00", "1E+03"],
  [-0.0123, "0E+00", "-1E-02"],
  [0.000001, "0.00E+00", "1.00E-06"],
  [0, "0E+00", "0E+00"],
])("scientific: %p in %p reads %p, as Excel shows it", (value, format, shown) => {
  expect(formatValue(value, format)).toBe(shown);
});
