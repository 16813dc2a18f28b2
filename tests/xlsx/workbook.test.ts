/**
 * The no-Excel path: `npm run workbook` (src/xlsx/cli.ts) and the exceljs adapter behind it.
 * The file it writes, read back with exceljs, holds what the plan says — sheets, every formula,
 * number formats, defined names, tables and list validations — and the command fails clearly,
 * leaving nothing half-written under the final name.
 */
import { spawnSync } from "child_process";
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { BUILT_IN_SCENARIOS } from "../../src/model/scenarios";
import { parseCell } from "../../src/plan/a1";
import { MAX_SCENARIOS } from "../../src/plan/build";
import { SHEET_NAMES } from "../../src/plan/layout";
import { DEFAULT_OUT, parseWorkbookArgs, planFor, readScenarioFile, runWorkbookCommand, writeFileAtomically } from "../../src/xlsx/cli";
import { DEFAULT_PANE_STATE, PaneState, createScenario, parsePaneState, serialisePaneState, setBuild, setOverride, setPeerChoices } from "../../src/model/paneState";
import { Result } from "../../src/model/result";
import { INPUTS } from "../../src/plan/inputs";
import { PRINT_MARGINS, WORKBOOK_CREATOR, planToWorkbook } from "../../src/xlsx/write";
import { root } from "../support/build";
import { inputsRow, plan as testPlan } from "../support/plan";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "corz-workbook-"));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  jest.restoreAllMocks();
});

async function runCommand(...argv: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await runWorkbookCommand(argv, (l) => lines.push(l));
  return { code, lines };
}

const leftovers = () => fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"));

describe("parseWorkbookArgs", () => {
  test("defaults: base, bull and bear to corz-hpc-model.xlsx, 10,000 paths, seed 1", () => {
    expect(parseWorkbookArgs([])).toEqual({ kind: "run", args: { scenarios: ["base", "seed", "bull", "bear"], out: DEFAULT_OUT, paths: 10_000, seed: 1, force: false } });
  });

  test("--flag value and --flag=value both work", () => {
    const r = parseWorkbookArgs(["--scenarios", "base, bear", "--out=x.xlsx", "--paths", "5_000", "--seed=7", "--force"]);
    expect(r).toEqual({ kind: "run", args: { scenarios: ["base", "bear"], scenariosGiven: true, out: "x.xlsx", paths: 5000, seed: 7, force: true } });
    expect(parseWorkbookArgs(["--scenario-file=my.json"])).toEqual({ kind: "run", args: { scenarios: ["base", "seed", "bull", "bear"], scenarioFile: "my.json", out: DEFAULT_OUT, paths: 10_000, seed: 1, force: false } });
  });

  test.each([
    [["--sheets", "all"], /unknown argument "--sheets"/],
    [["base"], /unknown argument "base"/],
    [["--out"], /--out needs a value/],
    [["--out", "--force"], /--out needs a value/],
    [["--out", "model.xls"], /--out must name an .xlsx file/],
    [["--scenarios", ","], /at least one scenario/],
    [["--scenario-file"], /--scenario-file needs a value/],
    [["--scenario-file", " "], /--scenario-file needs the path of a .json file/],
    [["--scenarios", Array(MAX_SCENARIOS + 1).fill("base").join(",")], new RegExp(`at most ${MAX_SCENARIOS} scenarios`)],
    [["--paths", "0"], /--paths must be a whole number from 1 to 1,000,000, got "0"/],
    [["--paths", "1.5"], /--paths must be a whole number/],
    [["--seed", "-1"], /--seed must be a whole number from 0/],
    [["--seed", ""], /--seed must be a whole number/],
  ])("%j is refused: %s", (argv, message) => {
    const r = parseWorkbookArgs(argv);
    expect(r.kind).toBe("error");
    expect(r.kind === "error" && r.message).toMatch(message);
  });

  test("--help and -h ask for the usage", () => {
    expect(parseWorkbookArgs(["--scenarios", "base", "--help"])).toEqual({ kind: "help" });
    expect(parseWorkbookArgs(["-h"])).toEqual({ kind: "help" });
  });
});

describe("npm run workbook", () => {
  test("writes the workbook with a progress line per step and no temporary file left", async () => {
    const out = path.join(dir, "corz-model.xlsx");
    const { code, lines } = await runCommand("--scenarios", "base,bull,bear", "--out", out, "--paths", "2000");
    expect(code).toBe(0);
    expect(lines.map((l) => l.slice(0, 5))).toEqual(["[1/3]", "[2/3]", "[3/3]"]);
    expect(lines[0]).toContain("base, bull, bear");
    expect(lines[1]).toMatch(new RegExp(`${Object.keys(SHEET_NAMES).length} sheets with [\\d,]+ formulas`));
    expect(lines[2]).toContain(`Wrote ${out}`);
    expect(leftovers()).toEqual([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.creator).toBe(WORKBOOK_CREATOR);
    expect(wb.worksheets.map((w) => w.name)).toEqual(testPlan().sheets.map((s) => s.name));
  });

  test("an unknown scenario is a clear error, exit code 2, and no file", async () => {
    const out = path.join(dir, "x.xlsx");
    const { code, lines } = await runCommand("--scenarios", "base,moon", "--out", out);
    expect(code).toBe(2);
    const want = `error: --scenarios: unknown scenario "moon"; built-in scenarios are ${BUILT_IN_SCENARIOS.map((s) => s.name).join(", ")}`;
    expect(lines.at(-1)?.slice(0, want.length)).toBe(want);
    expect(fs.existsSync(out)).toBe(false);
  });

  test("a bad argument prints the error and the usage, exit code 2", async () => {
    const { code, lines } = await runCommand("--paths", "lots");
    expect(code).toBe(2);
    expect(lines[0]).toMatch(/^error: --paths must be a whole number/);
    expect(lines[0]).toContain("Usage: npm run workbook --");
  });

  test("a folder that does not exist: a clear error, exit code 1", async () => {
    const out = path.join(dir, "no", "such", "folder", "x.xlsx");
    const { code, lines } = await runCommand("--scenarios", "base", "--out", out, "--paths", "100");
    expect(code).toBe(1);
    expect(lines.at(-1)).toBe(`error: cannot write ${out}: its folder does not exist`);
    expect(fs.existsSync(path.dirname(out))).toBe(false);
  });

  test("--out naming a folder is refused and the folder is untouched", async () => {
    const out = path.join(dir, "folder.xlsx");
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, "keep.txt"), "mine");
    const { code, lines } = await runCommand("--scenarios", "base", "--out", out, "--force", "--paths", "100");
    expect(code).toBe(1);
    expect(lines.at(-1)).toMatch(new RegExp(`^error: cannot write ${out.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: `));
    expect(fs.readFileSync(path.join(out, "keep.txt"), "utf8")).toBe("mine");
    expect(leftovers()).toEqual([]);
  });

  test("an existing file it did not write is kept unless --force; its own file is replaced", async () => {
    const out = path.join(dir, "budget.xlsx");
    fs.writeFileSync(out, "the user's own file");
    const refused = await runCommand("--scenarios", "base", "--out", out, "--paths", "100");
    expect(refused.code).toBe(1);
    expect(refused.lines.at(-1)).toMatch(/was not written by this command; choose another --out or add --force/);
    expect(fs.readFileSync(out, "utf8")).toBe("the user's own file");

    const forced = await runCommand("--scenarios", "base", "--out", out, "--paths", "100", "--force");
    expect(forced.code).toBe(0);
    const again = await runCommand("--scenarios", "bear", "--out", out, "--paths", "100");
    expect(again.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet("CORZ Inputs")!.getCell("E6").value).toBe("bear");
  });

  test("the tools/workbook.ts entry runs under npm's tsx and exits with the command's code", () => {
    const tsx = path.join(root, "node_modules", ".bin", "tsx");
    const help = spawnSync(tsx, ["tools/workbook.ts", "--help"], { cwd: root, encoding: "utf8" });
    expect(help.status).toBe(0);
    expect(help.stderr).toContain("Usage: npm run workbook --");
    const bad = spawnSync(tsx, ["tools/workbook.ts", "--bogus"], { cwd: root, encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('error: unknown argument "--bogus"');
  });
});

describe("npm run workbook --scenario-file: the scenarios the task pane saves", () => {
  /** The pane's own state: a user scenario with overrides, built beside base, and other Peers choices. */
  function paneFile(): { file: string; state: PaneState } {
    let state = DEFAULT_PANE_STATE;
    const step = (r: Result<PaneState>) => {
      if (!r.ok) throw new Error(r.error.message);
      state = r.value;
    };
    step(createScenario(state, "Delayed build"));
    step(setOverride(state, "Delayed build", "delay_months", 6));
    step(setOverride(state, "Delayed build", "licence_margin", "70%"));
    step(setOverride(state, "Delayed build", "t1_start", "2025-10-01"));
    state = setBuild(setBuild(setBuild(state, "seed", false), "bull", false), "bear", false);
    step(setPeerChoices(state, { stat: "mean" }));
    const file = path.join(dir, "scenarios.json");
    fs.writeFileSync(file, serialisePaneState(state));
    return { file, state };
  }

  test("builds the scenarios the file ticks, with the user's overrides and Peers choices", async () => {
    const { file, state } = paneFile();
    expect(state.build).toEqual(["base", "Delayed build"]);
    const out = path.join(dir, "mine.xlsx");
    const { code, lines } = await runCommand("--scenario-file", file, "--out", out, "--paths", "200");
    expect([code, lines[0]]).toEqual([0, expect.stringContaining("Modelling base, Delayed build")]);
    const parsed = parseWorkbookArgs(["--scenario-file", file, "--paths", "200"]);
    if (parsed.kind !== "run") throw new Error("not run");
    const built = planFor(parsed.args, state);
    if ("error" in built) throw new Error(built.error);
    expect(built.plan.scenarios).toEqual(["base", "Delayed build"]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    // The Inputs sheet's scenario columns: the live one, then base and the user's.
    const inputs = wb.getWorksheet(SHEET_NAMES.inputs)!;
    const header = inputs.getRow(INPUTS.headerRow).values as unknown[];
    expect(header).toEqual(expect.arrayContaining(["base", "Delayed build"]));
    const col = header.indexOf("Delayed build");
    expect(inputs.getCell(inputsRow("delay_months"), col).value).toBe(6);
    expect(inputs.getCell(inputsRow("licence_margin"), col).value).toBe(0.7);
    // The Peers sheet uses the file's statistic.
    const choices = built.plan.sheets.find((x) => x.key === "peers")!.blocks.find((b) => b.id === "peers.valuation.choices")!;
    expect(choices.cells[choices.keys!.rows.indexOf("stat")][0]).toBe("Mean");
  });

  test("--scenarios with a file picks from the built-ins and the file's scenarios, in its order", async () => {
    const { file } = paneFile();
    const parsed = parseWorkbookArgs(["--scenario-file", file, "--scenarios", "delayed build,bear"]);
    if (parsed.kind !== "run") throw new Error("not run");
    const read = readScenarioFile(file);
    if ("error" in read) throw new Error(read.error);
    const built = planFor(parsed.args, read.state);
    if ("error" in built) throw new Error(built.error);
    expect(built.plan.scenarios).toEqual(["Delayed build", "bear"]);
    const { code, lines } = await runCommand("--scenario-file", file, "--scenarios", "base,moon", "--out", path.join(dir, "x.xlsx"));
    expect(code).toBe(2);
    expect(lines.at(-1)).toBe(`error: --scenarios: "moon" is neither a built-in scenario (${BUILT_IN_SCENARIOS.map((x) => x.name).join(", ")}) nor one in ${file} (Delayed build)`);
  });

  test.each([
    ["missing", null, "no such file"],
    ["not JSON", "{ scenarios: [", "it is not valid JSON ("],
    ["not an object", "[1, 2]", "it holds no saved scenarios"],
    ["another version", JSON.stringify({ version: 3, scenarios: [], build: ["base"] }), "it was saved by format version 3; this version reads format version 2 (or 1)"],
    ["no scenarios list", JSON.stringify({ version: 2, build: ["base"] }), 'its "scenarios" is not a list'],
    ["out of range", JSON.stringify({ version: 2, scenarios: [{ name: "Hot", basedOn: "base", overrides: { licence_margin: 7 } }], build: ["Hot"] }), 'scenario "Hot", licence_margin: licence_margin must be a rate from 0 to 1'],
    ["unknown assumption", JSON.stringify({ version: 2, scenarios: [{ name: "Hot", basedOn: "base", overrides: { moon_mw: 7 } }], build: ["Hot"] }), 'scenario "Hot", moon_mw: unknown assumption "moon_mw"'],
    ["not a number", JSON.stringify({ version: 2, scenarios: [{ name: "Hot", basedOn: "base", overrides: { t1_mw: [1] } }], build: ["Hot"] }), 'scenario "Hot", t1_mw: expected a number, got [1]'],
    ["unknown base", JSON.stringify({ version: 2, scenarios: [{ name: "Hot", basedOn: "moon", overrides: {} }], build: ["Hot"] }), 'scenario "Hot": "basedOn" must be one of'],
    ["a name taken twice", JSON.stringify({ version: 2, scenarios: [{ name: "Bear", basedOn: "base", overrides: {} }], build: ["base"] }), 'scenario "Bear": there is already a scenario called "bear"'],
    ["builds an unknown one", JSON.stringify({ version: 2, scenarios: [], build: ["base", "Hot"] }), '"build" lists "Hot", which is neither a built-in scenario'],
    ["builds nothing", JSON.stringify({ version: 2, scenarios: [], build: [] }), '"build" lists no scenario to build'],
    ["bad peer choices", JSON.stringify({ version: 2, scenarios: [], build: ["base"], peers: { stat: "mode" } }), 'peer choices: unknown statistic "mode"'],
  ])("a file %s is refused with its reason, exit code 2, and no workbook", async (_what, content, reason) => {
    const file = path.join(dir, "scenarios.json");
    if (content !== null) fs.writeFileSync(file, content);
    const out = path.join(dir, "x.xlsx");
    const { code, lines } = await runCommand("--scenario-file", file, "--out", out);
    expect(code).toBe(2);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`error: --scenario-file ${file}: ${reason}`);
    expect(fs.existsSync(out)).toBe(false);
  });

  test("a file holding the pane's setting as the workbook keeps it (a JSON string) is read too", () => {
    const { file, state } = paneFile();
    fs.writeFileSync(file, JSON.stringify(serialisePaneState(state), null, 2));
    const read = readScenarioFile(file);
    expect(read).toEqual({ state });
  });

  test("a version 1 file is read as the pane reads it", () => {
    const file = path.join(dir, "v1.json");
    fs.writeFileSync(file, JSON.stringify({ version: 1, scenarios: [{ name: "Mine", basedOn: "bull", overrides: { t1_mw: 210 } }], build: ["base", "Mine"] }));
    const read = readScenarioFile(file);
    if ("error" in read) throw new Error(read.error);
    expect(read.state).toEqual(parsePaneState(fs.readFileSync(file, "utf8")).state);
    // Version 1 never offered seed to untick: it is built, as the pane builds it.
    expect(read.state.build).toEqual(["base", "seed", "Mine"]);
  });
});

describe("writeFileAtomically: never a half-written file under the final name", () => {
  test("a write that fails part-way leaves the previous file intact and no temporary file", () => {
    const out = path.join(dir, "model.xlsx");
    fs.writeFileSync(out, "previous version");
    const diskFills = (fd: number, data: Uint8Array) => {
      fs.writeSync(fd, data.subarray(0, 10)); // some bytes reach the disk, then the disk fills up
      throw Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" });
    };
    expect(() => writeFileAtomically(out, new Uint8Array(1000).fill(65), diskFills)).toThrow(/ENOSPC/);
    expect(fs.readFileSync(out, "utf8")).toBe("previous version");
    expect(leftovers()).toEqual([]);
  });

  test("a successful write replaces the file in one step", () => {
    const out = path.join(dir, "model.xlsx");
    fs.writeFileSync(out, "old");
    writeFileAtomically(out, new TextEncoder().encode("new contents"));
    expect(fs.readFileSync(out, "utf8")).toBe("new contents");
    expect(leftovers()).toEqual([]);
  });
});

describe("the .xlsx holds what the plan says", () => {
  let wb: ExcelJS.Workbook;
  const built = planFor({ scenarios: ["base", "bull", "bear"], out: "x.xlsx", paths: 1000, seed: 1, force: false });
  if ("error" in built) throw new Error(built.error);
  const plan = built.plan;
  beforeAll(async () => {
    const bytes = await planToWorkbook(plan).xlsx.writeBuffer();
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as ArrayBuffer);
  });

  test("every sheet's page setup as the plan says: landscape, fitted to its pages across, titles repeated, the used cells printed", () => {
    for (const sheet of plan.sheets) {
      const ps = wb.getWorksheet(sheet.name)!.pageSetup;
      expect([sheet.name, ps.orientation, ps.fitToPage, ps.fitToWidth, ps.fitToHeight, ps.printTitlesRow, ps.printTitlesColumn]).toEqual([
        sheet.name,
        "landscape",
        true,
        sheet.print.fitToWidth,
        0,
        sheet.print.titleRows,
        sheet.print.titleColumns,
      ]);
      expect(ps.margins).toEqual(PRINT_MARGINS);
      // exceljs reads the print area back without its "$"s; the LibreOffice print test shows it is honoured.
      expect(ps.printArea).toBe(sheet.print.area);
    }
  });

  test("every cell of every block: values as written, formulas as planned", () => {
    let formulas = 0;
    let values = 0;
    const wrong: string[] = [];
    for (const sheet of plan.sheets) {
      const ws = wb.getWorksheet(sheet.name)!;
      for (const b of sheet.blocks) {
        const at = parseCell(b.at);
        b.cells.forEach((r, i) =>
          r.forEach((v, j) => {
            if (v === null) return;
            const read = ws.getCell(at.row + i, at.col + j).value;
            // exceljs reads a date-formatted number back as a Date: turn it into Excel's serial again.
            const got = read instanceof Date ? (read.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000 : read;
            if (typeof v === "string" && v.startsWith("=")) {
              formulas++;
              const f = got && typeof got === "object" && "formula" in got ? `=${got.formula}` : got;
              if (f !== v) wrong.push(`${sheet.name}!${at.row + i},${at.col + j}: ${JSON.stringify(f)} != ${v}`);
            } else {
              values++;
              if (got !== v) wrong.push(`${sheet.name}!${at.row + i},${at.col + j}: ${JSON.stringify(got)} != ${JSON.stringify(v)}`);
            }
          }),
        );
      }
    }
    expect(wrong.slice(0, 10)).toEqual([]);
    expect(formulas).toBeGreaterThan(4000);
    expect(values).toBeGreaterThan(1000);
  });

  test("number formats, defined names, list validations, tables and the charts' note", () => {
    for (const sheet of plan.sheets) {
      const ws = wb.getWorksheet(sheet.name)!;
      for (const f of sheet.formats.filter((x) => x.numberFormat)) {
        const first = f.range.split(":")[0];
        expect([sheet.name, first, ws.getCell(first).numFmt ?? "General"]).toEqual([sheet.name, first, f.numberFormat]);
      }
      for (const v of sheet.validations) {
        const dv = ws.getCell(v.range.split(":")[0]).dataValidation;
        expect(dv.type).toBe("list");
        expect(dv.formulae).toEqual([v.source.replace(/^=/, "")]);
      }
      const tables = Object.keys((ws as unknown as { tables: Record<string, unknown> }).tables ?? {});
      expect(tables.sort()).toEqual(sheet.tables.map((t) => t.name).sort());
      if (sheet.charts.length > 0) {
        const { row, col } = parseCell(sheet.charts[0].anchor.from);
        expect(String(ws.getCell(row, col).value)).toContain(sheet.charts[0].title);
      }
    }
    expect(plan.sheets.flatMap((s) => s.tables.map((t) => t.name)).sort()).toEqual(["CORZ_Leases", "CORZ_Peers", "CORZ_Pipeline"]);
    const names = wb.definedNames.model.map((n) => n.name).sort();
    expect(names).toEqual(plan.names.map((n) => n.name).sort());
    expect(names.length).toBeGreaterThan(30);
  });

  test("the plan's styles survive the tables (exceljs would restyle a table's cells)", () => {
    const sheet = plan.sheets.find((s) => s.key === "peers")!;
    const ws = wb.getWorksheet(sheet.name)!;
    const table = sheet.tables[0];
    const fmt = sheet.formats.find((f) => f.numberFormat && parseCell(f.range.split(":")[0]).row > parseCell(table.range.split(":")[0]).row);
    expect(fmt).toBeDefined();
    expect(ws.getCell(fmt!.range.split(":")[0]).numFmt).toBe(fmt!.numberFormat);
  });
});
