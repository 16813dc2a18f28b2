/** A1 arithmetic: what the writers (cell, rangeOf, sheetRef) write, the readers (parseCell, parseRange, splitSheetRef) read back. */
import fc from "fast-check";
import {
  MAX_COLS,
  MAX_ROWS,
  absCell,
  absoluteRows,
  absoluteSpan,
  boundingRange,
  boxContains,
  cell,
  columnLetter,
  columnNumber,
  inBox,
  parseCell,
  parseRange,
  rangeOf,
  sheetRef,
  splitSheetRef,
} from "../../src/plan/a1";

test("splitSheetRef reads a quoted or plain sheet and drops the dollars; no sheet when none is named", () => {
  expect(splitSheetRef("'CORZ Inputs'!$D$7")).toEqual({ sheet: "CORZ Inputs", range: "D7" });
  expect(splitSheetRef("Sheet1!A1:B2")).toEqual({ sheet: "Sheet1", range: "A1:B2" });
  expect(splitSheetRef("'It''s mine'!$A:$B")).toEqual({ sheet: "It's mine", range: "A:B" });
  expect(splitSheetRef("$1:$4")).toEqual({ range: "1:4" });
});

test("whatever the sheet's name, splitSheetRef reads back what sheetRef wrote", () => {
  fc.assert(
    fc.property(fc.string({ minLength: 1, maxLength: 31 }), (name) => {
      expect(splitSheetRef(sheetRef(name, "$B$3:$C$9"))).toEqual({ sheet: name, range: "B3:C9" });
    }),
  );
});

describe("ranges: what rangeOf writes, parseRange reads back", () => {
  const rect = fc.record({
    row: fc.integer({ min: 1, max: MAX_ROWS }),
    col: fc.integer({ min: 1, max: MAX_COLS }),
    rows: fc.integer({ min: 1, max: 5000 }),
    cols: fc.integer({ min: 1, max: 300 }),
  }).filter((b) => b.row + b.rows - 1 <= MAX_ROWS && b.col + b.cols - 1 <= MAX_COLS);

  test("columnNumber undoes columnLetter over Excel's A..XFD, and parseCell undoes cell and absCell", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_COLS }), fc.integer({ min: 1, max: MAX_ROWS }), (col, row) => {
        expect(columnNumber(columnLetter(col))).toBe(col);
        expect(parseCell(cell(row, col))).toEqual({ row, col });
        expect(parseCell(absCell(row, col))).toEqual({ row, col });
      }),
    );
    expect(() => columnLetter(0)).toThrow();
    expect(() => columnLetter(MAX_COLS + 1)).toThrow();
  });

  test("any rectangle, with or without its sheet and dollars", () => {
    fc.assert(
      fc.property(rect, fc.string({ minLength: 1, maxLength: 31 }), (b, sheet) => {
        const a1 = rangeOf(b.row, b.col, b.rows, b.cols);
        expect(parseRange(a1)).toEqual(b);
        expect(parseRange(sheetRef(sheet, a1))).toEqual(b);
        expect(parseRange(absoluteRows(a1))).toEqual(b);
      }),
    );
  });

  test("whole columns span every row and whole rows every column", () => {
    expect(parseRange("B:D")).toEqual({ row: 1, col: 2, rows: MAX_ROWS, cols: 3 });
    expect(parseRange("'My sheet'!$1:$4")).toEqual({ row: 1, col: 1, rows: 4, cols: MAX_COLS });
    expect(parseRange(absoluteSpan("A:B"))).toEqual(parseRange("A:B"));
    expect(absoluteSpan("1:4")).toBe("$1:$4");
    expect(absoluteRows("A1:BB644")).toBe("A$1:BB$644");
    expect(() => parseRange("not a range")).toThrow();
  });

  test("the bounding range holds every range and is the smallest that does", () => {
    fc.assert(
      fc.property(fc.array(rect, { minLength: 1, maxLength: 6 }), (boxes) => {
        const bound = parseRange(boundingRange(boxes.map((b) => rangeOf(b.row, b.col, b.rows, b.cols)))!);
        for (const b of boxes) {
          expect(inBox(bound, b.row, b.col)).toBe(true);
          expect(inBox(bound, b.row + b.rows - 1, b.col + b.cols - 1)).toBe(true);
        }
        // Each edge touches one of the ranges.
        expect(Math.min(...boxes.map((b) => b.row))).toBe(bound.row);
        expect(Math.min(...boxes.map((b) => b.col))).toBe(bound.col);
        expect(Math.max(...boxes.map((b) => b.row + b.rows))).toBe(bound.row + bound.rows);
        expect(Math.max(...boxes.map((b) => b.col + b.cols))).toBe(bound.col + bound.cols);
      }),
    );
    expect(boundingRange([])).toBeUndefined();
  });

  test("boxContains holds exactly when both corners of the inner box are in the outer one", () => {
    const small = fc.record({ row: fc.integer({ min: 1, max: 20 }), col: fc.integer({ min: 1, max: 20 }), rows: fc.integer({ min: 1, max: 8 }), cols: fc.integer({ min: 1, max: 8 }) });
    fc.assert(
      fc.property(small, small, (outer, inner) => {
        const corners = inBox(outer, inner.row, inner.col) && inBox(outer, inner.row + inner.rows - 1, inner.col + inner.cols - 1);
        expect(boxContains(outer, inner)).toBe(corners);
        expect(boxContains(outer, outer)).toBe(true);
      }),
    );
  });
});
