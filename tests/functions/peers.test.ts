/** PEER, PEER_LIST, PEER_MULTIPLE and IMPLIED_VALUE on good and bad input. */
import * as F from "../../src/functions/functions";
import { excelError } from "./helpers";

test("PEER returns sourced figures and #N/A with the reason when there is none", () => {
  expect(F.peerFn("CoreWeave", "revenue")).toBe(1.92e9);
  expect(F.peerFn("msft azure", "Revenue")).toBe(75e9);
  expect(F.peerFn("IREN", "backlog")).toBe(9.7e9);
  expect(excelError(() => F.peerFn("AWS", "ev"))).toEqual({ code: "#N/A", message: "AWS has no ev: AWS is a segment of Amazon.com, Inc. and has no market value of its own" });
  expect(excelError(() => F.peerFn("Lambda", "revenue"))).toEqual({ code: "#N/A", message: "Lambda has no revenue: no source gives it" });
  expect(excelError(() => F.peerFn("Oracle", "revenue")).message).toMatch(/^unknown peer "Oracle"; valid peers are /);
  expect(excelError(() => F.peerFn("CoreWeave", "profit")).code).toBe("#N/A");
  expect(excelError(() => F.peerFn(null, "revenue")).message).toBe("peer is required");
  expect(excelError(() => F.peerFn(42, "revenue")).code).toBe("#VALUE!");
  expect(excelError(() => F.peerFn([["a", "b"]], "revenue")).code).toBe("#VALUE!");
});

test("PEER_LIST spills every peer or one group, blanks where no source gives a figure", () => {
  const all = F.peerListFn();
  expect(all[0].slice(0, 4)).toEqual(["Peer", "Group", "Segment of", "Revenue (annual) (USD)"]);
  expect(all).toHaveLength(14);
  const hosts = F.peerListFn("hpc-host").slice(1).map((r) => r[0]);
  expect(hosts).toEqual(["Core Scientific", "Applied Digital", "IREN"]);
  const lambda = all.find((r) => r[0] === "Lambda")!;
  expect(lambda.slice(3).every((v) => v === "")).toBe(true);
  expect(excelError(() => F.peerListFn("banks")).code).toBe("#N/A");
});

test("PEER_MULTIPLE: statistics over groups, defaults median over all", () => {
  expect(F.peerMultipleFn("ev_revenue")).toBe(6.1);
  expect(F.peerMultipleFn("EV/Sales", "all", "high")).toBe(6.8);
  expect(F.peerMultipleFn("ev_revenue", "hpc-host", "median")).toBe(5.4);
  expect(F.peerMultipleFn("backlog_revenue", "all", "count")).toBe(5);
  expect(excelError(() => F.peerMultipleFn("ev_ebitda", "colocation-reit")).code).toBe("#N/A");
  expect(excelError(() => F.peerMultipleFn("p/e")).message).toContain("valid multiples are ev_revenue");
  expect(excelError(() => F.peerMultipleFn("ev_revenue", "all", "mode")).code).toBe("#N/A");
});

test("IMPLIED_VALUE uses the deal's revenue in the target year by default", () => {
  expect(F.impliedValueFn("ev_revenue")).toBe(4_422_500_000); // 6.1 x $725M (2027, base)
  expect(F.impliedValueFn("ev_revenue", "hpc-host", "median", 2027)).toBe(3_915_000_000); // 5.4 x $725M
  expect(F.impliedValueFn("ev_revenue", null, null, 2026)).toBeCloseTo(6.1 * F.dealRevenue(2026), 0); // revenue is rounded to the cent before the multiple
  expect(F.impliedValueFn("ev_revenue", "all", "median", 2027, [["bear"]])).toBeCloseTo(6.1 * F.dealRevenue(2027, [["bear"]]), 0);
  expect(excelError(() => F.impliedValueFn("backlog_revenue")).code).toBe("#VALUE!");
  expect(excelError(() => F.impliedValueFn("ev_revenue", "all", "median", "soon")).code).toBe("#VALUE!");
  expect(excelError(() => F.impliedValueFn("ev_revenue", "all", "median", 2027, [["moon"]])).code).toBe("#N/A");
});
