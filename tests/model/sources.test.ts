/**
 * Every source a user can see names a public document they can open, or says plainly that it is
 * the seed brief (not public) or a judgement: never a path inside this repository. Walks the
 * data (assumptions, scenarios, customers, peers, mining, risk settings), every text cell of the
 * built workbook plan, and the function descriptions the task pane lists.
 */
import * as fs from "fs";
import * as path from "path";
import { ASSUMPTIONS } from "../../src/model/assumptions";
import { BUILT_IN_SCENARIOS } from "../../src/model/scenarios";
import { CATEGORIES, CATEGORIES_SOURCE, DEFAULT_PIPELINE_LABEL, defaultPipeline } from "../../src/model/customers/data";
import { PEERS } from "../../src/model/peers/data";
import { HASHPRICE_LEVELS, MINING_DEFAULTS, MINING_REFERENCE } from "../../src/model/mining/data";
import { RISK_SETTINGS } from "../../src/model/risk/settings";
import { SEED_BRIEF, cite } from "../../src/model/sources";
import * as sources from "../../src/model/sources";
import { plan, scenario } from "../support/plan";
import { addresses, malformed, problems } from "./sourceChecks";

/** Every string inside a value (objects, arrays, nested), with where it was found. */
function strings(value: unknown, where: string, out: Array<{ where: string; text: string }> = []): Array<{ where: string; text: string }> {
  if (typeof value === "string") out.push({ where, text: value });
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${where}[${i}]`, out));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) strings(v, `${where}.${k}`, out);
  return out;
}

function expectClean(items: Array<{ where: string; text: string }>, bracketsRequired = true): void {
  const bad = items.flatMap(({ where, text }) => problems(text, bracketsRequired).map((p) => `${where}: ${p}: ${text.slice(0, 160)}`));
  expect(bad).toEqual([]);
}

/** A source must point somewhere a user can go, or say why it cannot. */
const NO_ADDRESS_ALLOWED = [/^Seed brief \(/, /^Modelling judgement/, /^Not disclosed in any source found/];

function expectOpenable(items: Array<{ where: string; text: string }>): void {
  const bad = items.filter(({ text }) => addresses(text).length === 0 && !NO_ADDRESS_ALLOWED.some((re) => re.test(text)));
  expect(bad.map(({ where, text }) => `${where}: ${text}`)).toEqual([]);
}

describe("the checker", () => {
  test.each([
    ["Seed brief (shared/seed/000_aa76e348b6e79788.txt)", "names shared/"],
    ["see domain-facts §4", "names the project's domain-facts notes"],
    ["see /work/shared/reference/domain-facts.md", "names /work"],
    ["src/model/assumptions.ts", "names src/"],
    ["as tests/model/seed.test.ts pins", "names tests/"],
    ["notes in README.md", "names a .md file"],
    ["Q4 results (businesswire.com/news/home/20260302157124/en/)", "has an address without https://"],
    ["Q4 results https://www.businesswire.com/news/home/1.", "ends in punctuation"],
    ["Q4 results <https://exa mple.com/x>", "not written <…>"],
    ["Q4 results <https://localhost/x>", 'host "localhost"'],
  ])("flags %s", (text, why) => {
    expect(problems(text, true).join("; ")).toContain(why);
  });

  test.each([
    cite({ name: "Core Scientific 8-K (SEC EDGAR, 2024-10-22)", url: "https://www.sec.gov/Archives/edgar/data/1839341/x.htm" }, "12-year terms"),
    "8.06 cents/kWh; $0.040/kWh; 26.85 J/TH; USD/MWh; 1.45M per MW-year",
    "=INDEX('CORZ Inputs'!$E$6:$G$6,1,2)",
    `${SEED_BRIEF}: 75% to 80%`,
  ])("passes %s", (text) => {
    expect(problems(text, true)).toEqual([]);
  });
});

describe("the data cites public documents by name and address", () => {
  test("every address in the sources module is well-formed and every document is named", () => {
    const docs = Object.entries(sources).filter(([, v]) => v && typeof v === "object" && "url" in v) as Array<[string, sources.PublicDoc]>;
    expect(docs.length).toBeGreaterThan(20);
    for (const [key, doc] of docs) {
      expect([key, malformed(doc.url)]).toEqual([key, undefined]);
      expect(doc.name.trim().length).toBeGreaterThan(10);
    }
  });

  test("assumptions: every source and note", () => {
    expectClean(ASSUMPTIONS.flatMap((a) => strings({ label: a.label, source: a.source, note: a.note }, a.key)));
    expectOpenable(ASSUMPTIONS.map((a) => ({ where: a.key, text: a.source })));
  });

  test("scenarios: descriptions and rationales", () => {
    expectClean(strings(BUILT_IN_SCENARIOS, "scenarios"));
  });

  test("customers: categories, their source and the pipeline basis", () => {
    expectClean([
      ...strings(CATEGORIES, "categories"),
      { where: "CATEGORIES_SOURCE", text: CATEGORIES_SOURCE },
      { where: "DEFAULT_PIPELINE_LABEL", text: DEFAULT_PIPELINE_LABEL },
      ...strings(defaultPipeline(1.45e6), "pipeline"),
    ]);
    expect(CATEGORIES_SOURCE.startsWith(SEED_BRIEF)).toBe(true);
  });

  test("peers: every figure's source and note, published multiples and notes", () => {
    expectClean(strings(PEERS, "peers"));
    const figures = PEERS.flatMap((p) =>
      [...Object.entries(p.figures), ...Object.entries(p.published ?? {})].map(([k, f]) => ({ where: `${p.id}.${k}`, text: f!.source })),
    );
    expect(figures.length).toBeGreaterThan(15);
    expectOpenable(figures);
  });

  test("mining: defaults, reference figures and hashprice levels", () => {
    const all = { MINING_DEFAULTS, MINING_REFERENCE, HASHPRICE_LEVELS };
    expectClean(strings(all, "mining"));
    expectOpenable(
      [...Object.entries(MINING_DEFAULTS), ...Object.entries(MINING_REFERENCE), ...HASHPRICE_LEVELS.map((l) => [l.id, l] as const)].map(([k, f]) => ({
        where: String(k),
        text: f.source,
      })),
    );
  });

  test("risk settings: every basis", () => {
    expectClean(strings(RISK_SETTINGS, "risk"));
  });
});

describe("the built workbook shows no repository path", () => {
  test("every text cell of every sheet, chart titles and names (default scenarios)", () => {
    const p = plan();
    const cells = p.sheets.flatMap((s) =>
      s.blocks.flatMap((b) => b.cells.flatMap((row, r) => row.flatMap((c, col) => (typeof c === "string" ? [{ where: `${s.name}!${b.id}[${r}][${col}]`, text: c }] : [])))),
    );
    expect(cells.length).toBeGreaterThan(200);
    // Sheets may show sources written elsewhere than cite(): addresses must be well-formed, not <…>.
    expectClean(cells, false);
    expectClean(strings(p, "plan"), false);
  });

  test("a plan with one scenario and user overrides shows the same sources", () => {
    const p = plan([scenario("bear", [["delay_months", 3]], "My case")]);
    expectClean(strings(p, "plan"), false);
  });
});

describe("function descriptions", () => {
  test("the catalogue the task pane lists names no repository path", () => {
    const file = path.join(__dirname, "../../src/taskpane/catalog.generated.json");
    const catalog: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
    expectClean(strings(catalog, "catalog"), false);
  });
});
