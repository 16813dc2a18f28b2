/** Row offsets derived from ordered lists of names (layout.ts consecutive). */
import { consecutive } from "../../src/plan/layout";

test("consecutive: each name where the spans before it end; a group takes its count of rows, null a blank row", () => {
  expect(consecutive(["a", ["b", 3], null, "c", ["d", 0], "e"] as const, 5)).toEqual({ a: 5, b: 6, c: 10, d: 11, e: 11 });
  expect(consecutive(["only"] as const, 1)).toEqual({ only: 1 });
  expect(consecutive([] as const, 1)).toEqual({});
});
