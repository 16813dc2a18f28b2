/** PEER, PEER_LIST, PEER_MULTIPLE and IMPLIED_VALUE on good and bad input. */
import * as F from "../../src/functions/functions";
import * as P from "../../src/functions/peers";
import { excelError } from "./helpers";

test("PEER returns sourced figures and #N/A with the reason when there is none", () => {
  expect(P.peerFn("CoreWeave", "revenue")).toBe(1.92e9);
  expect(P.peerFn("msft azure", "Revenue")).toBe(75e9);
  expect(P.peerFn("IREN", "backlog")).toBe(9.7e9);
  expect(excelError(() => P.peerFn("AWS", "ev"))).toEqual({ code: "#N/A", message: "AWS has no ev: AWS is a segment of Amazon.com, Inc. and has no market value of its own" });
  expect(excelError(() => P.peerFn("Lambda", "revenue"))).toEqual({ code: "#N/A", message: "Lambda has no revenue: no source gives it" });
  expect(excelError(() => P.peerFn("Oracle", "revenue")).message).toMatch(/^unknown peer "Oracle"; valid peers are /);
  expect(excelError(() => P.peerFn("CoreWeave", "profit")).code).toBe("#N/A");
  expect(excelError(() => P.peerFn(null, "revenue")).message).toBe("peer is required");
  expect(excelError(() => P.peerFn(42, "revenue")).code).toBe("#VALUE!");
  expect(excelError(() => P.peerFn([["a", "b"]], "revenue")).code).toBe("#VALUE!");
});

test("PEER_LIST spills every peer or one group, blanks where no source gives a figure", () => {
  const all = P.peerListFn();
  expect(all[0].slice(0, 4)).toEqual(["Peer", "Group", "Segment of", "Revenue (annual) (USD)"]);
  expect(all).toHaveLength(14);
  const hosts = P.peerListFn("hpc-host").slice(1).map((r) => r[0]);
  expect(hosts).toEqual(["Core Scientific", "Applied Digital", "IREN"]);
  const lambda = all.find((r) => r[0] === "Lambda")!;
  expect(lambda.slice(3).every((v) => v === "")).toBe(true);
  expect(excelError(() => P.peerListFn("banks")).code).toBe("#N/A");
});

test("PEER_MULTIPLE: statistics over groups, defaults median over all", () => {
  expect(P.peerMultipleFn("ev_revenue")).toBe(6.1);
  expect(P.peerMultipleFn("EV/Sales", "all", "high")).toBe(6.8);
  expect(P.peerMultipleFn("ev_revenue", "hpc-host", "median")).toBe(5.4);
  expect(P.peerMultipleFn("backlog_revenue", "all", "count")).toBe(5);
  expect(excelError(() => P.peerMultipleFn("ev_ebitda", "colocation-reit")).code).toBe("#N/A");
  expect(excelError(() => P.peerMultipleFn("p/e")).message).toContain("valid multiples are ev_revenue");
  expect(excelError(() => P.peerMultipleFn("ev_revenue", "all", "mode")).code).toBe("#N/A");
});

test("IMPLIED_VALUE uses the deal's revenue in the target year by default", () => {
  // Seed: its full run-rate of $725M in 2027, the target year.
  expect(P.impliedValueFn("ev_revenue", null, null, null, [["seed"]])).toBe(4_422_500_000); // 6.1 x $725M
  expect(P.impliedValueFn("ev_revenue", "hpc-host", "median", 2027, [["seed"]])).toBe(3_915_000_000); // 5.4 x $725M
  // Base: 2027 still ramps tranche 4, so the default year's revenue is below the 850M run-rate.
  expect(P.impliedValueFn("ev_revenue")).toBeCloseTo(6.1 * F.dealRevenue(2027), 0);
  expect(P.impliedValueFn("ev_revenue")).toBeLessThan(6.1 * 850e6);
  expect(P.impliedValueFn("ev_revenue", null, null, 2026)).toBeCloseTo(6.1 * F.dealRevenue(2026), 0); // revenue is rounded to the cent before the multiple
  expect(P.impliedValueFn("ev_revenue", "all", "median", 2027, [["bear"]])).toBeCloseTo(6.1 * F.dealRevenue(2027, [["bear"]]), 0);
  expect(excelError(() => P.impliedValueFn("backlog_revenue")).code).toBe("#VALUE!");
  expect(excelError(() => P.impliedValueFn("ev_revenue", "all", "median", "soon")).code).toBe("#VALUE!");
  expect(excelError(() => P.impliedValueFn("ev_revenue", "all", "median", 2027, [["moon"]])).code).toBe("#N/A");
});
