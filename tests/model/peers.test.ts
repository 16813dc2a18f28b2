/** The peer data and the comparables model: provenance, multiples and statistics checked by hand. */
import { PEERS, PEER_GROUPS, METRICS, SUBJECT_ID } from "../../src/model/peers/data";
import { findGroup, findMetric, findMultiple, findPeer, findStat, groupMultiple, impliedValue, multipleOf, statistic } from "../../src/model/peers/comps";

describe("data integrity", () => {
  test("every peer the seed names is there, plus CoreWeave, Core Scientific and the HPC hosts", () => {
    const names = PEERS.map((p) => p.name);
    for (const n of ["AWS", "NVIDIA DGX Cloud", "Google Cloud", "Microsoft Azure", "Lambda", "Paperspace (DigitalOcean)", "Cerebras", "Digital Realty", "Equinix", "CoreWeave", "Core Scientific", "Applied Digital", "IREN"]) {
      expect(names).toContain(n);
    }
  });
  test("every number has a source, a period and an as-of date; every group is valid", () => {
    for (const p of PEERS) {
      expect(PEER_GROUPS).toContain(p.group);
      expect(p.businessModel.length).toBeGreaterThan(20);
      expect(p.relativeValue.length).toBeGreaterThan(20);
      for (const f of [...Object.values(p.figures), ...Object.values(p.published ?? {})]) {
        expect(Number.isFinite(f!.value) && f!.value > 0).toBe(true);
        expect(f!.source.length).toBeGreaterThan(5);
        expect(f!.period.length).toBeGreaterThan(3);
        expect(f!.asOf).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
      }
    }
  });
  test("segments of larger companies have no market value of their own", () => {
    for (const p of PEERS.filter((x) => x.segmentOf)) {
      expect(p.figures.ev).toBeUndefined();
      expect(p.figures.market_cap).toBeUndefined();
    }
    expect(PEERS.filter((p) => p.segmentOf).map((p) => p.id).sort()).toEqual(["aws", "azure", "dgx-cloud", "google-cloud", "paperspace"]);
  });
  test("no EV or market value is invented: none is given by the sources", () => {
    expect(PEERS.filter((p) => p.figures.ev || p.figures.market_cap)).toEqual([]);
  });
});

describe("names are matched forgivingly", () => {
  test.each([
    ["MSFT Azure", "azure"],
    ["  coreweave ", "coreweave"],
    ["CRWV", "coreweave"],
    ["Lambda Labs", "lambda"],
    ["digitalocean", "paperspace"],
  ])("%s is %s", (name, id) => {
    const r = findPeer(name);
    expect(r.ok && r.value.id).toBe(id);
  });
  test("unknown names list the valid ones", () => {
    expect(findPeer("Oracle")).toMatchObject({ ok: false, error: { kind: "na", message: expect.stringContaining("valid peers are AWS, NVIDIA DGX Cloud") } });
    expect(findMetric("profit")).toMatchObject({ ok: false, error: { message: expect.stringContaining("revenue, ebitda, ev") } });
    expect(findMultiple("P/E")).toMatchObject({ ok: false });
    expect(findGroup("banks")).toMatchObject({ ok: false });
    expect(findStat("mode")).toMatchObject({ ok: false });
  });
  test("aliases for metrics, multiples, groups and statistics", () => {
    expect([findMetric("Enterprise Value"), findMultiple("EV/Sales"), findMultiple("EV / EBITDA"), findGroup("REITs"), findStat("average")].map((r) => r.ok && r.value)).toEqual(["ev", "ev_revenue", "ev_ebitda", "colocation-reit", "mean"]);
    expect(METRICS.map((m) => m.key)).toContain("mw_contracted");
  });
});

describe("multiples and statistics", () => {
  test("statistics by hand", () => {
    expect(statistic([3, 1, 2], "median")).toBe(2);
    expect(statistic([4, 1, 3, 2], "median")).toBe(2.5);
    expect(statistic([1, 2, 6], "mean")).toBe(3);
    expect(statistic([1, 2, 6], "high")).toBe(6);
    expect(statistic([1, 2, 6], "low")).toBe(1);
    expect(statistic([1, 2, 6], "count")).toBe(3);
  });
  test("backlog/revenue computed from the figures: CoreWeave 66.8B / 1.92B = 34.79x", () => {
    const cw = PEERS.find((p) => p.id === "coreweave")!;
    expect(multipleOf(cw, "backlog_revenue")!.value).toBeCloseTo(66.8 / 1.92, 10);
    expect(multipleOf(cw, "backlog_revenue")!.basis).toBe("computed");
  });
  test("EV/Revenue falls back to a dated published multiple, and a typed EV replaces it", () => {
    const cw = PEERS.find((p) => p.id === "coreweave")!;
    expect(multipleOf(cw, "ev_revenue")).toMatchObject({ value: 6.8, basis: "published", published: { asOf: "2026-05-10" } });
    expect(multipleOf(cw, "ev_revenue", { coreweave: { ev: 38.4e9 } })).toEqual({ value: 20, basis: "computed" });
  });
  test("group median over peers with values, saying how many: EV/Revenue (CoreWeave 6.8x, IREN 5.4x) = 6.1x", () => {
    expect(groupMultiple("ev_revenue", "median")).toEqual({ ok: true, value: { value: 6.1, count: 2, used: ["coreweave", "iren"] } });
    expect(groupMultiple("ev_revenue", "count", { group: "hyperscaler" })).toEqual({ ok: true, value: { value: 0, count: 0, used: [] } });
  });
  test("the subject is never its own peer, and excluded peers are left out", () => {
    const r = groupMultiple("backlog_revenue", "count", { group: "hpc-host" });
    expect(r.ok && r.value.used).toEqual(["applied-digital", "iren"]);
    expect(r.ok && r.value.used).not.toContain(SUBJECT_ID);
    const ex = groupMultiple("ev_revenue", "median", { exclude: ["coreweave"] });
    expect(ex.ok && ex.value).toEqual({ value: 5.4, count: 1, used: ["iren"] });
  });
  test("a group with no usable values is #N/A naming the peers and what to do", () => {
    const r = groupMultiple("ev_ebitda", "median", { group: "colocation-reit" });
    expect(r).toMatchObject({ ok: false, error: { kind: "na", message: "no peer in the colocation-reit group has a value for EV / EBITDA (Digital Realty, Equinix); type current figures on the Peers sheet" } });
  });
  test("user overrides: typed EVs for the REITs make EV/Revenue computable", () => {
    const r = groupMultiple("ev_revenue", "mean", { group: "colocation-reit", overrides: { equinix: { ev: 92.17e9 } } });
    expect(r.ok && r.value).toEqual({ value: 10, count: 1, used: ["equinix"] });
  });
});

describe("implied value of the HPC hosting business", () => {
  const subject = { revenue: 725e6, ebitda: 725e6 * 0.775, mw: 500 };
  test("median EV/Revenue 6.1x x $725M = $4.4225B; per share with a share count", () => {
    const r = impliedValue("ev_revenue", "median", subject, {}, 300e6);
    expect(r).toMatchObject({ ok: true, value: { multiple: 6.1, count: 2, base: 725e6 } });
    expect(r.ok && r.value.value).toBeCloseTo(4.4225e9, 0);
    expect(r.ok && r.value.perShare).toBeCloseTo(4.4225e9 / 300e6, 9);
  });
  test("not a valuation multiple, a count, or a bad share count: clear errors", () => {
    expect(impliedValue("backlog_revenue", "median", subject)).toMatchObject({ ok: false, error: { kind: "value" } });
    expect(impliedValue("ev_revenue", "count", subject)).toMatchObject({ ok: false, error: { kind: "value" } });
    expect(impliedValue("ev_revenue", "median", subject, {}, -5)).toMatchObject({ ok: false, error: { kind: "num" } });
    expect(impliedValue("ev_ebitda", "median", subject)).toMatchObject({ ok: false, error: { kind: "na" } });
  });
});
