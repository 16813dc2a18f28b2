/**
 * `npm run workbook`: the model without Excel. Parses the command line, builds the same plan
 * the task pane builds, and writes it to an .xlsx file through the exceljs adapter, saying
 * what it does on one progress line per step. Node only (the task pane never imports it).
 *
 * The file appears under its final name only once it is complete: it is written next to the
 * target under a temporary name and renamed. An existing file is replaced only when this
 * command wrote it (its creator says so) or when --force is given. The creator is read by
 * src/xlsx/creator.ts, a few bounded reads of the zip: a workbook we did not write is never loaded.
 */
import * as fs from "fs";
import * as path from "path";
import { MAX_SCENARIOS, RISK_DEFAULT_PATHS, buildPlan, defaultRiskRun } from "../plan/build";
import { PlanScenario } from "../plan/scenario";
import { PaneState, parseScenarioFile, planScenarios, scenariosByName } from "../plan/scenarios";
import { WorkbookPlan } from "../plan/types";
import { readWorkbookCreator } from "./creator";
import { WORKBOOK_CREATOR, planToWorkbook } from "./write";

export const DEFAULT_OUT = "corz-hpc-model.xlsx";
export const DEFAULT_SCENARIOS = ["base", "seed", "bull", "bear"] as const;
const MAX_PATHS = 1_000_000;

/** A scenario file larger than this is not one the task pane saved. */
export const MAX_SCENARIO_FILE_BYTES = 5 * 1024 * 1024;

export const USAGE = `Usage: npm run workbook -- [--scenario-file FILE.json] [--scenarios base,seed,bull,bear] [--out ${DEFAULT_OUT}] [--paths ${RISK_DEFAULT_PATHS}] [--seed 1] [--force]

Writes the CORZ scenario sheets (Inputs, Deal, Capacity, Peers, Customers, Mining vs HPC, Risk,
Summary, Checks) to an .xlsx file with every output a live formula. It opens in Excel,
LibreOffice Calc and other spreadsheet programs, without the add-in.

  --scenario-file
               Scenarios saved by the task pane ("Save scenarios (.json)"): your own
               scenarios with their assumptions, the ones ticked to build, and the Peers
               sheet's choices. Builds the scenarios the file ticks, in its order.
  --scenarios  Comma-separated scenarios, in column order: the built-ins base, seed, bull,
               bear and, with --scenario-file, the file's own scenarios by name
               (default: base,seed,bull,bear, or what the file ticks; at most ${MAX_SCENARIOS}).
               With seed and base the Deal sheet walks from one to the other.
  --out        The .xlsx file to write (default: ${DEFAULT_OUT}).
  --paths      Monte Carlo paths for the Risk sheet, 1 to ${MAX_PATHS.toLocaleString("en-US")} (default: ${RISK_DEFAULT_PATHS.toLocaleString("en-US")}).
  --seed       Seed of the Monte Carlo, a whole number from 0 to 4294967295 (default: 1).
  --force      Replace --out even if it is a file this command did not write.
  --help       Show this text.`;

export interface WorkbookArgs {
  readonly scenarios: readonly string[];
  /** True when --scenarios named them: they choose from the scenario file's too. */
  readonly scenariosGiven?: boolean;
  readonly scenarioFile?: string;
  readonly out: string;
  readonly paths: number;
  readonly seed: number;
  readonly force: boolean;
}

export type ParsedArgs = { readonly kind: "help" } | { readonly kind: "run"; readonly args: WorkbookArgs } | { readonly kind: "error"; readonly message: string };

function wholeNumber(flag: string, text: string, min: number, max: number): number | string {
  const n = Number(text.replace(/_/g, ""));
  if (text.trim() === "" || !Number.isInteger(n) || n < min || n > max) {
    return `${flag} must be a whole number from ${min.toLocaleString("en-US")} to ${max.toLocaleString("en-US")}, got "${text}"`;
  }
  return n;
}

/** Reads the command line (the arguments after `npm run workbook --`). Never throws. */
export function parseWorkbookArgs(argv: readonly string[]): ParsedArgs {
  let scenarios: string[] = [...DEFAULT_SCENARIOS];
  let out = DEFAULT_OUT;
  let paths = RISK_DEFAULT_PATHS;
  let seed = 1;
  let force = false;
  let scenariosGiven = false;
  let scenarioFile: string | undefined;
  const flags = ["--scenario-file", "--scenarios", "--out", "--paths", "--seed"];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--help" || arg === "-h") return { kind: "help" };
    if (arg === "--force") {
      force = true;
      continue;
    }
    const eq = arg.indexOf("=");
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (!flags.includes(flag)) {
      return { kind: "error", message: `unknown argument "${arg}"; the arguments are ${[...flags, "--force", "--help"].join(", ")}` };
    }
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || (eq < 0 && value.startsWith("--"))) return { kind: "error", message: `${flag} needs a value` };
    if (flag === "--scenario-file") {
      if (value.trim() === "") return { kind: "error", message: "--scenario-file needs the path of a .json file" };
      scenarioFile = value;
    } else if (flag === "--scenarios") {
      scenariosGiven = true;
      scenarios = value.split(",").map((s) => s.trim()).filter((s) => s !== "");
      if (scenarios.length === 0) return { kind: "error", message: "--scenarios needs at least one scenario name (base, seed, bull, bear)" };
      if (scenarios.length > MAX_SCENARIOS) return { kind: "error", message: `--scenarios takes at most ${MAX_SCENARIOS} scenarios, got ${scenarios.length}` };
    } else if (flag === "--out") {
      if (!/\.xlsx$/i.test(value)) return { kind: "error", message: `--out must name an .xlsx file, got "${value}"` };
      out = value;
    } else {
      const n = flag === "--paths" ? wholeNumber(flag, value, 1, MAX_PATHS) : wholeNumber(flag, value, 0, 4_294_967_295);
      if (typeof n === "string") return { kind: "error", message: n };
      if (flag === "--paths") paths = n;
      else seed = n;
    }
  }
  return { kind: "run", args: { scenarios, out, paths, seed, force, ...(scenariosGiven ? { scenariosGiven } : {}), ...(scenarioFile !== undefined ? { scenarioFile } : {}) } };
}

/**
 * Reads a scenario file the task pane saved. Never throws: a file that is missing, too large,
 * not JSON, of another format version or with an invalid value gives the reason.
 */
export function readScenarioFile(file: string): { state: PaneState } | { error: string } {
  const refuse = (why: string) => ({ error: `--scenario-file ${file}: ${why}` });
  let text: string;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return refuse("it is not a file");
    if (stat.size > MAX_SCENARIO_FILE_BYTES) return refuse(`it is ${(stat.size / 1024 / 1024).toFixed(1)} MB; a file of saved scenarios is far smaller (at most ${MAX_SCENARIO_FILE_BYTES / 1024 / 1024} MB)`);
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return refuse(err.code === "ENOENT" ? "no such file" : err.code === "EACCES" || err.code === "EPERM" ? "permission denied" : `cannot read it (${err.message})`);
  }
  const r = parseScenarioFile(text.replace(/^\uFEFF/, ""));
  return r.ok ? { state: r.value } : refuse(r.error.message);
}

/** The scenarios to build: from --scenarios (built-ins, and the file's by name), else the ones the file ticks. */
function scenariosFor(args: WorkbookArgs, pane?: PaneState): { scenarios: PlanScenario[] } | { error: string } {
  if (pane && !args.scenariosGiven) {
    const r = planScenarios(pane);
    return r.ok ? { scenarios: r.value } : { error: `--scenario-file ${args.scenarioFile}: ${r.error.message}` };
  }
  const r = scenariosByName(args.scenarios, pane ? { state: pane, file: args.scenarioFile ?? "the scenario file" } : undefined);
  return r.ok ? { scenarios: r.value } : { error: `--scenarios: ${r.error.message}` };
}

/**
 * The plan for the command's scenarios: their Risk sheet uses the first scenario. `pane` is a
 * scenario file's state: its scenarios and its Peers sheet choices.
 */
export function planFor(args: WorkbookArgs, pane?: PaneState): { plan: WorkbookPlan } | { error: string } {
  const chosen = scenariosFor(args, pane);
  if ("error" in chosen) return chosen;
  const scenarios = chosen.scenarios;
  const risk = defaultRiskRun(scenarios[0], args.paths, args.seed);
  if ("error" in risk) return { error: risk.error.message };
  const plan = buildPlan(scenarios, { risk, ...(pane ? { peers: pane.peers } : {}) });
  if (!plan.ok) return { error: plan.error.message };
  return { plan: plan.value };
}

/** A creator quoted for a one-line message: escaped, and cut short past 80 characters. */
function quoted(creator: string): string {
  return JSON.stringify(creator.length > 80 ? `${creator.slice(0, 80)}…` : creator);
}

/**
 * Why an existing file must not be replaced, or undefined when it may be. Reads only the file's
 * creator, through bounded reads (readWorkbookCreator); never loads the workbook.
 */
function refuseToReplace(file: string): string | undefined {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return undefined; // nothing there
  }
  if (!stat.isFile()) return `${file} exists and is not a file`;
  const read = readWorkbookCreator(file);
  if (read.ok && read.creator === WORKBOOK_CREATOR) return undefined;
  const why = read.ok ? `its creator is ${quoted(read.creator)}, not ${quoted(WORKBOOK_CREATOR)}` : read.reason;
  return `${file} exists and ${why}: it was not written by this command; choose another --out or add --force to replace it`;
}

/**
 * Writes `bytes` to `file` so that the file never exists half-written: a temporary file in the
 * same folder, flushed, then renamed over the target. On any failure the temporary file is removed.
 * `write` is the call that puts the bytes on disk (a test makes it fail part-way).
 */
export function writeFileAtomically(file: string, bytes: Uint8Array, write: (fd: number, data: Uint8Array) => unknown = fs.writeSync): void {
  const dir = path.dirname(path.resolve(file));
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const fd = fs.openSync(tmp, "wx");
    try {
      write(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

function describeFsError(e: unknown, file: string): string {
  const err = e as NodeJS.ErrnoException;
  const why: Record<string, string> = {
    ENOENT: "its folder does not exist",
    EACCES: "permission denied",
    EPERM: "permission denied",
    EROFS: "the file system is read-only",
    ENOSPC: "the disk is full",
    EISDIR: "it is a folder",
    ENOTDIR: "part of the path is not a folder",
  };
  return `cannot write ${file}: ${why[err.code ?? ""] ?? err.message ?? String(e)}`;
}

/** Runs the command; `log` receives the progress lines. Resolves with an exit code, never rejects. */
export async function runWorkbookCommand(argv: readonly string[], log: (line: string) => void): Promise<number> {
  const parsed = parseWorkbookArgs(argv);
  if (parsed.kind === "help") {
    log(USAGE);
    return 0;
  }
  if (parsed.kind === "error") {
    log(`error: ${parsed.message}\n\n${USAGE}`);
    return 2;
  }
  const args = parsed.args;
  const t0 = performance.now();
  const secs = () => ((performance.now() - t0) / 1000).toFixed(1);
  try {
    if (!args.force) {
      const refusal = refuseToReplace(args.out);
      if (refusal) {
        log(`error: ${refusal}`);
        return 1;
      }
    }
    let pane: PaneState | undefined;
    if (args.scenarioFile !== undefined) {
      const read = readScenarioFile(args.scenarioFile);
      if ("error" in read) {
        log(`error: ${read.error}`);
        return 2;
      }
      pane = read.state;
    }
    const names = pane && !args.scenariosGiven ? pane.build : args.scenarios;
    log(`[1/3] Modelling ${names.join(", ")} (Monte Carlo: ${args.paths.toLocaleString("en-US")} paths, seed ${args.seed})…`);
    const built = planFor(args, pane);
    if ("error" in built) {
      log(`error: ${built.error}`);
      return 2;
    }
    const formulas = built.plan.sheets.reduce(
      (n, s) => n + s.blocks.reduce((m, b) => m + b.cells.flat().filter((v) => typeof v === "string" && v.startsWith("=")).length, 0),
      0,
    );
    log(`[2/3] Laying out ${built.plan.sheets.length} sheets with ${formulas.toLocaleString("en-US")} formulas… (${secs()} s)`);
    const bytes = new Uint8Array(await planToWorkbook(built.plan).xlsx.writeBuffer());
    try {
      writeFileAtomically(args.out, bytes);
    } catch (e) {
      log(`error: ${describeFsError(e, args.out)}`);
      return 1;
    }
    log(`[3/3] Wrote ${args.out} (${(bytes.length / 1024).toFixed(0)} KiB) in ${secs()} s: ${built.plan.sheets.map((s) => s.name).join(", ")}.`);
    return 0;
  } catch (e) {
    log(`error: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}
