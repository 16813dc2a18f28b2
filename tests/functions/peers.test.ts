/** PEER, PEER_LIST, PEER_MULTIPLE and IMPLIED_VALUE on good and bad input. */
import * as F from "../../src/functions/functions";
import * as P from "../../src/functions/peers";
import { groupMultiple } from "../../src/model/peers/comps";
import { excelError } from "./helpers";

const hostMedian = () => {
  const r = groupMultiple("ev_per_contracted_mw", "median", { group: "hpc-host" });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.value;
};

test("PEER returns sourced figures, EV as market value + debt - cash, and #N/A with the reason when there is none", () => {
  expect(P.peerFn("CoreWeave", "revenue")).toBe(5.13e9);
  expect(P.peerFn("msft azure", "Revenue")).toBe(75e9);
  expect(P.peerFn("IREN", "backlog")).toBe(9.7e9);
  expect(P.peerFn("WULF", "ev")).toBe(P.peerFn("WULF", "market_cap") + P.peerFn("WULF", "debt") - P.peerFn("WULF", "cash"));
  expect(P.peerFn("Core Scientific", "mw_active")).toBe(350);
  expect(P.peerFn("Core Scientific", "MW contracted")).toBe(590);
  expect(excelError(() => P.peerFn("AWS", "ev"))).toEqual({ code: "#N/A", message: "AWS has no ev: AWS is a segment of Amazon.com, Inc. and has no market value of its own" });
  expect(excelError(() => P.peerFn("CoreWeave", "ev"))).toEqual({ code: "#N/A", message: "CoreWeave has no ev: EV is market value + debt - cash, and no source gives its market_cap or debt or cash" });
  expect(excelError(() => P.peerFn("Lambda", "revenue"))).toEqual({ code: "#N/A", message: "Lambda has no revenue: no source gives it" });
  expect(excelError(() => P.peerFn("IREN", "revenue"))).toEqual({ code: "#N/A", message: "IREN has no revenue: no source gives it" });
  expect(excelError(() => P.peerFn("Oracle", "revenue")).message).toMatch(/^unknown peer "Oracle"; valid peers are /);
  expect(excelError(() => P.peerFn("CoreWeave", "profit")).code).toBe("#N/A");
  expect(excelError(() => P.peerFn(null, "revenue")).message).toBe("peer is required");
  expect(excelError(() => P.peerFn(42, "revenue")).code).toBe("#VALUE!");
  expect(excelError(() => P.peerFn([["a", "b"]], "revenue")).code).toBe("#VALUE!");
});

test("PEER_LIST spills every peer or one group, blanks where no source gives a figure, EV computed", () => {
  const all = P.peerListFn();
  expect(all[0].slice(0, 6)).toEqual(["Peer", "Group", "Segment of", "Market value (market capitalisation) (USD)", "Debt (USD)", "Cash (USD)"]);
  expect(all[0][all[0].length - 1]).toBe("Enterprise value (market value + debt - cash) (USD)");
  expect(all).toHaveLength(19); // a header and 18 peers
  const hosts = P.peerListFn("hpc-host").slice(1);
  expect(hosts.map((r) => r[0])).toEqual(["Core Scientific", "Applied Digital", "IREN", "Cipher Digital", "TeraWulf", "Hut 8", "Galaxy Digital", "Riot Platforms"]);
  for (const r of hosts) expect(r[r.length - 1]).toBeCloseTo((r[3] as number) + (r[4] as number) - (r[5] as number), 0);
  const lambda = all.find((r) => r[0] === "Lambda")!;
  expect(lambda.slice(3).every((v) => v === "")).toBe(true);
  expect(excelError(() => P.peerListFn("banks")).code).toBe("#N/A");
});

test("PEER_MULTIPLE: statistics over groups, defaults median over all", () => {
  expect(P.peerMultipleFn("ev_revenue", "gpu-cloud")).toBe(6.8); // CoreWeave's published multiple, the only one
  expect(P.peerMultipleFn("ev_per_contracted_mw", "hpc-host")).toBeCloseTo(hostMedian(), 6);
  expect(P.peerMultipleFn("ev_per_contracted_mw")).toBeCloseTo(hostMedian(), 6); // only hosts have an EV and contracted MW
  expect(P.peerMultipleFn("ev_per_contracted_mw", "hpc-host", "count")).toBe(6);
  expect(P.peerMultipleFn("EV/Backlog", "hpc-host", "count")).toBe(7);
  expect(excelError(() => P.peerMultipleFn("ev_ebitda", "colocation-reit")).code).toBe("#N/A");
  expect(excelError(() => P.peerMultipleFn("p/e")).message).toContain("valid multiples are ev_revenue");
  expect(excelError(() => P.peerMultipleFn("ev_revenue", "all", "mode")).code).toBe("#N/A");
});

test("IMPLIED_VALUE defaults to the HPC hosts' median EV per contracted MW x the deal's contracted MW", () => {
  // Base: five tranches, 572 MW.
  expect(P.impliedValueFn()).toBeCloseTo(Math.round(hostMedian() * 572 * 100) / 100, 2);
  expect(P.impliedValueFn("ev_per_contracted_mw", "hpc-host", "median", 2027, [["seed"]])).toBeCloseTo(hostMedian() * 500, 0);
  const hosts = groupMultiple("ev_revenue", "median", { group: "hpc-host" });
  expect(hosts.ok && hosts.value.count).toBe(5); // IREN and Galaxy have no matched revenue
  if (hosts.ok) expect(P.impliedValueFn("ev_revenue", "hpc-host", null, 2026)).toBeCloseTo(hosts.value.value * F.dealRevenue(2026), 0);
  expect(excelError(() => P.impliedValueFn("backlog_revenue")).code).toBe("#VALUE!");
  expect(excelError(() => P.impliedValueFn("ev_revenue", "all", "median", "soon")).code).toBe("#VALUE!");
  expect(excelError(() => P.impliedValueFn("ev_revenue", "all", "median", 2027, [["moon"]])).code).toBe("#N/A");
});

test("IMPLIED_VALUE refuses below three peers with #N/A and the reason", () => {
  expect(excelError(() => P.impliedValueFn("ev_revenue", "gpu-cloud"))).toEqual({
    code: "#N/A",
    message: "only 1 peer(s) in the statistics have EV / Revenue; an implied value needs at least 3 so that no single peer sets it (CoreWeave)",
  });
  expect(excelError(() => P.impliedValueFn("ev_ebitda", "all")).message).toMatch(/^only 0 peer\(s\)/);
});
