/** The one index by name (src/model/names.ts) every lookup by name goes through. */
import fc from "fast-check";
import { byNames, nameIndex, normaliseName } from "../../src/model/names";

test("names are found however the user spaces, cases or punctuates them", () => {
  const index = nameIndex([...byNames("t1", ["t1_mw", "Tranche 1 MW"])]);
  for (const typed of ["t1_mw", "T1 MW", "t1-mw", " T1.MW ", "tranche 1 mw", "TRANCHE_1_MW"]) expect(index.find(typed)).toBe("t1");
  expect(index.find("t2_mw")).toBeUndefined();
});

test("a later pair wins a name two share (fallbacks go first)", () => {
  expect(nameIndex([["margin", "old"], ["Margin", "new"]]).find("margin")).toBe("new");
});

test("a custom fold compares names its own way", () => {
  const index = nameIndex([["$/MW-yr", "usd_per_mw_year"]], (s) => normaliseName(s.replace(/\$/g, "usd")));
  expect(index.find("USD per MW yr")).toBeUndefined();
  expect(index.find("usd/mw yr")).toBe("usd_per_mw_year");
});

test("property: normaliseName is idempotent, so a name already folded finds itself", () => {
  fc.assert(
    fc.property(fc.string(), (s) => {
      const n = normaliseName(s);
      expect(normaliseName(n)).toBe(n);
      expect(nameIndex([[s, 1]]).find(n)).toBe(1);
    }),
  );
});

test("a name on the object prototype is not found (a Map, not a plain object)", () => {
  expect(nameIndex([["a", 1]]).find("constructor")).toBeUndefined();
});
