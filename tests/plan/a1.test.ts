/** Sheet-qualified addresses: what sheetRef writes, splitSheetRef reads back. */
import fc from "fast-check";
import { sheetRef, splitSheetRef } from "../../src/plan/a1";

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
