/**
 * The registry: the record of what the add-in wrote, saved with the workbook. It reads back what
 * a build saved; a damaged or foreign record is refused with the reason (and nothing is then
 * treated as the add-in's); the rules each input block's cells follow are recorded as the plan
 * declared them, and kept inputs are read back by those rules. A record written by the previous
 * version (no rules) still reads and still keeps the user's edits.
 */
import { BuildReport, buildSheets } from "../../src/excel/apply";
import { EMPTY_REGISTRY, REGISTRY_SETTING, REGISTRY_VERSION, Registry, WrittenBlock, keptInputsOf, parseRegistry } from "../../src/excel/registry";
import { makeGateway } from "../../src/excel/gateway";
import { cell } from "../../src/plan/a1";
import { INPUTS } from "../../src/plan/inputs";
import { SHEET_NAMES } from "../../src/plan/layout";
import { ExcelDouble } from "../support/excelDouble";
import { inputsRow, okReport, plan, scenario } from "../support/plan";

const three = () => ["base", "bull", "bear"].map((n) => scenario(n));

/** A first build's report, its double and its registry as the gateway saved it in the settings. */
async function built(): Promise<{ x: ExcelDouble; report: BuildReport; saved: unknown }> {
  const x = new ExcelDouble();
  const settings: Record<string, unknown> = {};
  const gateway = makeGateway(x.run, { get: (n) => settings[n], set: (n, v) => void (settings[n] = v), save: async () => undefined });
  const r = await gateway.build(three());
  return { x, report: okReport(r), saved: settings[REGISTRY_SETTING] };
}

let first: Awaited<ReturnType<typeof built>>;
beforeAll(async () => {
  first = await built();
});

/** The registry with one block changed. */
const withBlock = (r: Registry, id: string, f: (b: WrittenBlock) => WrittenBlock): Registry => ({ ...r, blocks: { ...r.blocks, [id]: f(r.blocks![id]) } });

/** The registry as the previous version wrote it: no rules on its blocks. */
const withoutRules = (r: Registry): Registry => ({
  ...r,
  blocks: Object.fromEntries(Object.entries(r.blocks ?? {}).map(([id, b]) => [id, (({ accept: _accept, ...rest }) => rest)(b)])),
});

describe("reading a saved registry", () => {
  test("what a build saved reads back as it was, from the settings' text or as an object", () => {
    expect(typeof first.saved).toBe("string");
    expect(parseRegistry(first.saved)).toEqual({ registry: first.report.registry });
    expect(parseRegistry(JSON.parse(first.saved as string))).toEqual({ registry: first.report.registry });
  });

  test("no record is the empty one, without a warning", () => {
    expect(parseRegistry(undefined)).toEqual({ registry: EMPTY_REGISTRY });
    expect(parseRegistry(null)).toEqual({ registry: EMPTY_REGISTRY });
  });

  test.each([
    ["text that is not JSON", "{broken", /could not be read \(.*JSON.*\)/],
    ["another version's record", { version: REGISTRY_VERSION + 1, layoutVersion: 1, sheets: {}, names: [] }, `(version ${REGISTRY_VERSION + 1})`],
    ["a record without its names", { version: REGISTRY_VERSION, layoutVersion: 1, sheets: {} }, "(shape)"],
    ["a sheet entry without an id", { version: REGISTRY_VERSION, layoutVersion: 1, sheets: { inputs: { name: "CORZ Inputs", ranges: [], charts: [] } }, names: [] }, "(sheet entry)"],
  ])("%s is refused with the reason: no sheet is then the add-in's", (_what, raw, reason) => {
    const r = parseRegistry(raw);
    expect(r.registry).toBe(EMPTY_REGISTRY);
    if (typeof reason === "string") expect(r.warning).toContain(reason);
    else expect(r.warning).toMatch(reason);
    expect(r.warning).toMatch(/existing CORZ sheets are treated as the user's and left untouched/);
  });

  test("a record written by the previous version (blocks without their rules) still reads", () => {
    const old = withoutRules(first.report.registry);
    expect(Object.values(old.blocks!).some((b) => "accept" in b)).toBe(false);
    expect(parseRegistry(JSON.stringify(old))).toEqual({ registry: old });
  });
});

describe("the rules of the input blocks", () => {
  test("each input block is recorded with the rules the plan declares for it ({} where it declares none: numbers)", () => {
    const blocks = first.report.registry.blocks!;
    const declared = plan(three()).sheets.flatMap((s) => s.blocks).filter((b) => b.keys);
    expect(Object.keys(blocks).sort()).toEqual(declared.map((b) => b.id).sort());
    for (const b of declared) expect([b.id, blocks[b.id].accept]).toEqual([b.id, b.keys!.accept ?? {}]);
    // The assumption values and the scenario selector say what they are; a sensitivity step declares nothing.
    expect(Object.values(blocks).filter((b) => b.accept?.all?.kind === "assumption")).toHaveLength(1);
    expect(Object.values(blocks).filter((b) => b.accept?.all?.kind === "scenario")).toHaveLength(1);
    expect(Object.values(blocks).some((b) => JSON.stringify(b.accept) === "{}")).toBe(true);
  });
});

describe("kept inputs read back from the record", () => {
  /** The report of a refresh that kept `cells` typed on CORZ Inputs after a first build. */
  async function keeping(cells: Record<string, number | string>): Promise<BuildReport> {
    const x = new ExcelDouble();
    const start = okReport(await buildSheets(x.run, three(), EMPTY_REGISTRY));
    for (const [cell, v] of Object.entries(cells)) x.sheet(SHEET_NAMES.inputs).set(cell, v);
    return okReport(await buildSheets(x.run, three(), start.registry));
  }

  test("are the assumption values the refresh kept, each read by the model's rule, where it was typed", async () => {
    const margin = `E${inputsRow("licence_margin")}`;
    const r = await keeping({ [margin]: 0.8 });
    expect(keptInputsOf(r.registry)).toEqual([{ scenario: "base", key: "licence_margin", value: 0.8, where: `${SHEET_NAMES.inputs}!${margin}` }]);
    expect(keptInputsOf(r.registry)).toEqual(r.keptInputs);
  });

  test("leave out a recorded value its assumption's rule refuses, and cells whose rule is not an assumption", async () => {
    const margin = `E${inputsRow("licence_margin")}`;
    const r = await keeping({ [margin]: 0.8 });
    const values = Object.entries(r.registry.blocks!).find(([, b]) => b.accept?.all?.kind === "assumption")![0];
    const i = r.registry.blocks![values].rows.indexOf("licence_margin");
    const refused = withBlock(r.registry, values, (b) => ({ ...b, values: b.values.map((row, k) => (k === i ? row.map(() => 7) : row)) }));
    expect(keptInputsOf(refused)).toEqual([]);
    const text = withBlock(r.registry, values, (b) => ({ ...b, accept: { all: { kind: "text" } } }));
    expect(keptInputsOf(text)).toEqual([]);
    // Recorded by the previous version (no rules): none until the next refresh records them.
    expect(keptInputsOf(withoutRules(r.registry))).toEqual([]);
  });

  test("a refresh of a record without rules keeps and checks the user's edits by the rules the plan declares now", async () => {
    const x = new ExcelDouble();
    const start = okReport(await buildSheets(x.run, three(), EMPTY_REGISTRY));
    const old = withoutRules(start.registry);
    const t1 = `E${inputsRow("t1_mw")}`;
    const money = `F${inputsRow("t2_value")}`;
    const selector = cell(INPUTS.selectorRow, INPUTS.liveCol);
    x.sheet(SHEET_NAMES.inputs).set(t1, 150);
    x.sheet(SHEET_NAMES.inputs).set(money, "3.5bn");
    x.sheet(SHEET_NAMES.inputs).set(selector, "bear");
    const again = okReport(await buildSheets(x.run, three(), old));
    expect([...again.keptEdits].sort()).toEqual([`t1_mw in base (${SHEET_NAMES.inputs}!${t1})`, `t2_value in bull (${SHEET_NAMES.inputs}!${money})`].sort());
    expect(x.sheet(SHEET_NAMES.inputs).value(money)).toBe(3_500_000_000);
    expect(x.sheet(SHEET_NAMES.inputs).value(selector)).toBe("bear");
    // The new record has the rules again.
    expect(Object.values(again.registry.blocks!).every((b) => b.accept !== undefined)).toBe(true);
    // And a value the model refuses stops it, with the cell, as with rules recorded.
    x.sheet(SHEET_NAMES.inputs).set(t1, -5);
    const refused = await buildSheets(x.run, three(), withoutRules(again.registry));
    expect(refused).toMatchObject({ ok: false, workbook: "unchanged" });
    if (!refused.ok) expect(refused.message).toMatch(new RegExp(`^${SHEET_NAMES.inputs}!${t1} \\(t1_mw, base\\): t1_mw must be a number of MW from 0 to 5000, got -5\\. Correct the cell`));
  });
});
