/** The peer data and the comparables model: provenance, EV, multiples, statistics and the implied value, checked by hand. */
import { PEERS, PEER_GROUPS, METRICS, INPUT_METRICS, MATCHED_PERIOD } from "../../src/model/peers/data";
import {
  MIN_PEERS,
  basisText,
  enterpriseValue,
  findGroup,
  findMetric,
  findMultiple,
  findPeer,
  findStat,
  groupMultiple,
  impliedValue,
  metricValue,
  multipleOf,
  publishedNote,
  statistic,
} from "../../src/model/peers/comps";

const peer = (id: string) => PEERS.find((p) => p.id === id)!;
const HPC_HOSTS = ["core-scientific", "applied-digital", "iren", "cipher", "terawulf", "hut-8", "galaxy", "riot"];

describe("data integrity", () => {
  test("every peer the seed names is there, plus CoreWeave and the eight HPC hosts", () => {
    const names = PEERS.map((p) => p.name);
    for (const n of ["AWS", "NVIDIA DGX Cloud", "Google Cloud", "Microsoft Azure", "Lambda", "Paperspace (DigitalOcean)", "Cerebras", "Digital Realty", "Equinix", "CoreWeave"]) {
      expect(names).toContain(n);
    }
    expect(PEERS.filter((p) => p.group === "hpc-host").map((p) => p.id)).toEqual(HPC_HOSTS);
  });
  test("the seed's CoreWeave peer set stays in its own groups, apart from the HPC hosts", () => {
    const seedSet = ["aws", "dgx-cloud", "google-cloud", "azure", "lambda", "paperspace", "cerebras", "digital-realty", "equinix", "coreweave"];
    for (const id of seedSet) expect(peer(id).group).not.toBe("hpc-host");
  });
  test("every number has a source, a period and an as-of date; every group is valid", () => {
    for (const p of PEERS) {
      expect(PEER_GROUPS).toContain(p.group);
      expect(p.businessModel.length).toBeGreaterThan(20);
      expect(p.relativeValue.length).toBeGreaterThan(20);
      for (const f of [...Object.values(p.figures), ...Object.values(p.published ?? {})]) {
        expect(Number.isFinite(f!.value) && f!.value > 0).toBe(true);
        expect(f!.source).toMatch(/<https?:\/\/[^>]+>/);
        expect(f!.period.length).toBeGreaterThan(3);
        expect(f!.asOf).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
      }
    }
  });
  test("every HPC host's market value, debt and cash is dated to the month or day", () => {
    for (const id of HPC_HOSTS) {
      for (const k of ["market_cap", "debt", "cash"] as const) {
        const f = peer(id).figures[k];
        expect(f).toBeDefined();
        expect(f!.asOf).toMatch(/^\d{4}-\d{2}/);
      }
    }
  });
  test("a debt that is a sum of instruments says so in its note", () => {
    for (const id of HPC_HOSTS) expect(peer(id).figures.debt!.note).toMatch(/^Face value of the instruments listed: /);
  });
  test("HPC hosts' revenue is for the one matched period, the quarter ended 2026-03-31 x4 (Applied Digital's fiscal quarter to 2026-02-28, said)", () => {
    expect(MATCHED_PERIOD.quarterEnd).toBe("2026-03-31");
    expect(METRICS.find((m) => m.key === "revenue")!.label).toContain(MATCHED_PERIOD.short);
    for (const id of HPC_HOSTS) {
      const f = peer(id).figures.revenue;
      if (!f) continue;
      const quarter = id === "applied-digital" ? "quarter ended 2026-02-28" : "quarter ended 2026-03-31";
      expect(f.period).toContain(quarter);
      expect(f.period).toMatch(/x4$/);
    }
    // Where it was not found, it is absent and the notes say so.
    expect(peer("iren").figures.revenue).toBeUndefined();
    expect(peer("iren").notes!.join(" ")).toContain("quarter ended 2026-03-31");
    expect(peer("galaxy").figures.revenue).toBeUndefined();
  });
  test("energised and contracted MW are separate figures", () => {
    expect(peer("core-scientific").figures.mw_active!.value).toBe(350);
    expect(peer("core-scientific").figures.mw_contracted!.value).toBe(590);
    expect(METRICS.map((m) => m.label)).toEqual(expect.arrayContaining(["MW energised", "MW contracted"]));
  });
  test("segments of larger companies have no market value of their own", () => {
    for (const p of PEERS.filter((x) => x.segmentOf)) {
      expect(enterpriseValue(p)).toBeUndefined();
      expect(p.figures.market_cap).toBeUndefined();
    }
    expect(PEERS.filter((p) => p.segmentOf).map((p) => p.id).sort()).toEqual(["aws", "azure", "dgx-cloud", "google-cloud", "paperspace"]);
  });
  test("no EV is ever a figure: it is derived, and the only derived metric", () => {
    expect(PEERS.filter((p) => p.figures.ev)).toEqual([]);
    expect(METRICS.filter((m) => m.derived).map((m) => m.key)).toEqual(["ev"]);
    expect(INPUT_METRICS.map((m) => m.key)).not.toContain("ev");
  });
  test("no published multiple without its publisher and date, and none for a peer with an EV of ours", () => {
    for (const p of PEERS) {
      for (const f of Object.values(p.published ?? {})) {
        expect(f!.publisher).toMatch(/^\S.*, \d{4}-\d{2}-\d{2}$/);
        expect(f!.publisher).toContain(f!.asOf);
        expect(enterpriseValue(p)).toBeUndefined();
      }
    }
  });
});

describe("enterprise value: market value + debt - cash", () => {
  test.each(HPC_HOSTS)("%s: EV is the sum of its three dated figures", (id) => {
    const f = peer(id).figures;
    expect(enterpriseValue(peer(id))).toBe(f.market_cap!.value + f.debt!.value - f.cash!.value);
  });
  test("TeraWulf by hand: $5.40B + ($3.2B + $1,060.2M + $1.025B) - $711.3M = $9,973.9M", () => {
    expect(enterpriseValue(peer("terawulf"))).toBeCloseTo(9973.9e6, -3);
  });
  test("a typed figure moves the EV; a blanked one removes it, and PEER says which is missing", () => {
    expect(enterpriseValue(peer("hut-8"), { "hut-8": { market_cap: 7e9 } })).toBeCloseTo(7e9 + 359.3e6 - 160e6, -3);
    expect(enterpriseValue(peer("hut-8"), { "hut-8": { cash: null } })).toBeUndefined();
    expect(metricValue(peer("hut-8"), "ev", { "hut-8": { cash: null } })).toBeUndefined();
  });
  test("typed figures give a REIT an EV of ours", () => {
    expect(enterpriseValue(peer("equinix"), { equinix: { market_cap: 80e9, debt: 20e9, cash: 7.83e9 } })).toBeCloseTo(92.17e9, -3);
  });
});

describe("names are matched forgivingly", () => {
  test.each([
    ["MSFT Azure", "azure"],
    ["  coreweave ", "coreweave"],
    ["CRWV", "coreweave"],
    ["Lambda Labs", "lambda"],
    ["digitalocean", "paperspace"],
    ["WULF", "terawulf"],
    ["Cipher Mining", "cipher"],
    ["hut 8", "hut-8"],
  ])("%s is %s", (name, id) => {
    const r = findPeer(name);
    expect(r.ok && r.value.id).toBe(id);
  });
  test("unknown names list the valid ones", () => {
    expect(findPeer("Oracle")).toMatchObject({ ok: false, error: { kind: "na", message: expect.stringContaining("valid peers are AWS, NVIDIA DGX Cloud") } });
    expect(findMetric("profit")).toMatchObject({ ok: false, error: { message: expect.stringContaining("market_cap, debt, cash, revenue") } });
    expect(findMultiple("P/E")).toMatchObject({ ok: false });
    expect(findGroup("banks")).toMatchObject({ ok: false });
    expect(findStat("mode")).toMatchObject({ ok: false });
  });
  test("aliases for metrics, multiples, groups and statistics", () => {
    expect(
      [findMetric("Enterprise Value"), findMetric("MW energised"), findMetric("total debt"), findMultiple("EV/Sales"), findMultiple("EV per contracted MW"), findMultiple("EV / Backlog"), findGroup("HPC hosts"), findStat("average")].map(
        (r) => r.ok && r.value,
      ),
    ).toEqual(["ev", "mw_active", "debt", "ev_revenue", "ev_per_contracted_mw", "ev_backlog", "hpc-host", "mean"]);
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
  test("backlog/revenue computed from matched figures: CoreWeave end-2025 backlog $66.8B / FY2025 $5.13B", () => {
    const cw = peer("coreweave");
    expect(multipleOf(cw, "backlog_revenue")!.value).toBeCloseTo(66.8 / 5.13, 10);
    expect(multipleOf(cw, "backlog_revenue")!.basis).toBe("computed");
  });
  test("EV per contracted MW and EV/backlog by hand: Hut 8 $6,199.3M over 597 MW and over $16.8B", () => {
    expect(multipleOf(peer("hut-8"), "ev_per_contracted_mw")!.value).toBeCloseTo(6199.3e6 / 597, 0);
    expect(multipleOf(peer("hut-8"), "ev_backlog")!.value).toBeCloseTo(6199.3e6 / 16.8e9, 9);
  });
  test("EV per contracted MW exists for at least six HPC hosts", () => {
    const have = HPC_HOSTS.filter((id) => multipleOf(peer(id), "ev_per_contracted_mw") !== undefined);
    expect(have.length).toBeGreaterThanOrEqual(6);
    expect(have).toEqual(["core-scientific", "applied-digital", "iren", "cipher", "terawulf", "hut-8", "riot"]);
  });
  test("EV/Revenue falls back to a dated published multiple only without an EV of ours; typed figures replace it", () => {
    const cw = peer("coreweave");
    expect(multipleOf(cw, "ev_revenue")).toMatchObject({ value: 6.8, basis: "published", published: { asOf: "2026-05-10", publisher: "Top Tier Strategy, 2026-05-10" } });
    expect(multipleOf(cw, "ev_revenue", { coreweave: { market_cap: 90e9, debt: 20e9, cash: 7.4e9 } })).toEqual({ value: 102.6e9 / 5.13e9, basis: "computed" });
    // IREN has an EV of ours: no published multiple, and no matched revenue, so no EV/Revenue at all.
    expect(peer("iren").published).toBeUndefined();
    expect(multipleOf(peer("iren"), "ev_revenue")).toBeUndefined();
  });
  test("a result leaning on a published multiple names its publisher and date", () => {
    const r = groupMultiple("ev_revenue", "median", { group: "gpu-cloud" });
    expect(r.ok && r.value.used).toEqual(["coreweave"]);
    expect(publishedNote("ev_revenue", ["coreweave"])).toBe("CoreWeave's is published by Top Tier Strategy, 2026-05-10");
    expect(publishedNote("ev_per_contracted_mw", ["terawulf"])).toBe("");
  });
  test("group median over the HPC hosts with values, saying how many and which (the subject left out)", () => {
    const r = groupMultiple("ev_per_contracted_mw", "median", { group: "hpc-host" });
    expect(r.ok && r.value.used).toEqual(["applied-digital", "iren", "cipher", "terawulf", "hut-8", "riot"]);
    const values = ["applied-digital", "iren", "cipher", "terawulf", "hut-8", "riot"].map((id) => enterpriseValue(peer(id))! / peer(id).figures.mw_contracted!.value).sort((a, b) => a - b);
    expect(r.ok && r.value.value).toBeCloseTo((values[2] + values[3]) / 2, 6);
  });
  test("excluded peers are left out", () => {
    const ex = groupMultiple("ev_per_contracted_mw", "count", { group: "hpc-host", exclude: ["riot", "iren"] });
    expect(ex.ok && ex.value).toEqual({ value: 4, count: 4, used: ["applied-digital", "cipher", "terawulf", "hut-8"] });
  });
  test("a group with no usable values is #N/A naming the peers and what to do", () => {
    const r = groupMultiple("ev_ebitda", "median", { group: "colocation-reit" });
    expect(r).toMatchObject({ ok: false, error: { kind: "na", message: "no peer in the colocation-reit group has a value for EV / EBITDA (Digital Realty, Equinix); type current figures on the Peers sheet" } });
  });
});

describe("implied value of the HPC hosting business", () => {
  const subject = { revenue: 725e6, ebitda: 725e6 * 0.775, mw: 572 };
  test("default basis: HPC hosts' median EV per contracted MW x contracted MW, saying which six peers", () => {
    const r = impliedValue("ev_per_contracted_mw", "median", subject, { group: "hpc-host" }, 310e6);
    const m = groupMultiple("ev_per_contracted_mw", "median", { group: "hpc-host" });
    expect(r.ok && m.ok).toBe(true);
    if (!r.ok || !m.ok) return;
    expect(r.value.value).toBeCloseTo(m.value.value * 572, 0);
    expect(r.value.count).toBe(6);
    expect(r.value.perShare).toBeCloseTo(r.value.value / 310e6, 9);
    expect(r.value.basis).toBe("Median EV per contracted MW of 6 peers: Applied Digital, IREN, Cipher Digital, TeraWulf, Hut 8, Riot Platforms");
    expect(r.value.basis).toBe(basisText("ev_per_contracted_mw", "median", r.value.used));
  });
  test(`refuses below ${MIN_PEERS} peers with the reason and the peers it had`, () => {
    expect(MIN_PEERS).toBe(3);
    const two = impliedValue("ev_per_contracted_mw", "median", subject, { group: "hpc-host", exclude: ["applied-digital", "iren", "cipher", "terawulf"] });
    expect(two).toEqual({
      ok: false,
      error: { kind: "na", message: "only 2 peer(s) in the statistics have EV per contracted MW; an implied value needs at least 3 so that no single peer sets it (Hut 8, Riot Platforms)" },
    });
    // Exactly the minimum is enough.
    const three = impliedValue("ev_per_contracted_mw", "median", subject, { group: "hpc-host", exclude: ["applied-digital", "iren", "cipher"] });
    expect(three.ok && three.value.count).toBe(3);
    // One published multiple is not a statistic either.
    expect(impliedValue("ev_revenue", "median", subject, { group: "gpu-cloud" })).toMatchObject({ ok: false, error: { kind: "na", message: expect.stringContaining("only 1 peer(s)") } });
    expect(impliedValue("ev_ebitda", "median", subject)).toMatchObject({ ok: false, error: { kind: "na", message: expect.stringContaining("only 0 peer(s)") } });
  });
  test("not a valuation multiple, a count, or a bad share count: clear errors", () => {
    expect(impliedValue("backlog_revenue", "median", subject)).toMatchObject({ ok: false, error: { kind: "value" } });
    expect(impliedValue("ev_backlog", "median", subject)).toMatchObject({ ok: false, error: { kind: "value" } });
    expect(impliedValue("ev_revenue", "count", subject)).toMatchObject({ ok: false, error: { kind: "value" } });
    expect(impliedValue("ev_revenue", "median", subject, {}, -5)).toMatchObject({ ok: false, error: { kind: "num" } });
  });
  test("inputs are never mutated", () => {
    const before = JSON.stringify(PEERS);
    const sel = { group: "hpc-host" as const, exclude: ["riot"], overrides: { "hut-8": { cash: 1e8 } } };
    const selBefore = JSON.stringify(sel);
    impliedValue("ev_per_contracted_mw", "median", subject, sel);
    expect(JSON.stringify(PEERS)).toBe(before);
    expect(JSON.stringify(sel)).toBe(selBefore);
  });
});

describe("the README's HPC-host comps table is the model's", () => {
  const readme = require("fs").readFileSync(require("path").join(__dirname, "../../README.md"), "utf8") as string;
  const section = readme.slice(readme.indexOf("### Where its value sits: HPC-host comps"));
  const rows = section
    .split("\n")
    .filter((l) => /^\| [A-Z]/.test(l) && !l.startsWith("| ---"))
    .map((l) => l.split("|").map((c) => c.trim()));
  test.each(HPC_HOSTS)("%s: market value, debt, cash, EV, MW and EV per contracted MW", (id) => {
    const p = peer(id);
    const row = rows.find((r) => r[1] === p.name)!;
    expect(row).toBeDefined();
    const num = (cell: string) => Number(cell.split(" ")[0]);
    const [mc, debt, cash, ev, mw] = [row[2], row[3], row[4], row[5], row[6]].map(num);
    // Shown to the cent of a billion: within half a unit of the last digit (and a hair for binary rounding).
    const shown = (got: number, want: number) => expect(Math.abs(got - want)).toBeLessThanOrEqual(0.005 + 1e-9);
    shown(mc, p.figures.market_cap!.value / 1e9);
    shown(debt, p.figures.debt!.value / 1e9);
    shown(cash, p.figures.cash!.value / 1e9);
    shown(ev, enterpriseValue(p)! / 1e9);
    const perMw = multipleOf(p, "ev_per_contracted_mw");
    if (perMw) {
      expect(mw).toBe(p.figures.mw_contracted!.value);
      expect(Math.abs(num(row[10]) - perMw.value / 1e6)).toBeLessThanOrEqual(0.05 + 1e-9);
    } else expect(row[10]).toBe("n/a");
  });
  test("the implied value it states is the default's", () => {
    const r = impliedValue("ev_per_contracted_mw", "median", { revenue: 0, ebitda: 0, mw: 572 }, { group: "hpc-host" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(section).toContain(`$${(r.value.multiple / 1e6).toFixed(1)}M per MW × 572 MW = $${(r.value.value / 1e9).toFixed(2)}B`);
    expect(section).toContain(r.value.used.map((u) => peer(u).name).join(", "));
  });
});
