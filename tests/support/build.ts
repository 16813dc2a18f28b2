/**
 * The production builds the tests check, made once per jest run and shared by every suite that
 * needs one: `webpack --mode production` in child processes (the config's plugins load outside
 * jest's module sandbox), started by the jest global setup (tests/setup/builds.ts) before the
 * first suite runs, one after the other while the other suites run. The checks of the build in
 * tests/project and the browser tests in tests/e2e wait for theirs with `sharedBuild`.
 *
 * Each is a full production build into its own folder. They share webpack's persistent cache
 * (in the run's folder, deleted after the run), so each later build reuses what the earlier ones compiled
 * compiled modules and minified chunks: their output is byte for byte what a build without the
 * cache writes, in a fraction of the time.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export const root = path.join(__dirname, "..", "..");

export interface BuildResult {
  /** The folder the build wrote to. */
  readonly dir: string;
  /** webpack's exit code (null: it was stopped, or could not start). */
  readonly code: number | null;
  /** webpack's stdout and stderr, interleaved. */
  readonly output: string;
}

/** Runs node with `args` in the project root; resolves with the exit code and all output. `signal` stops it. */
export function runNode(args: string[], signal?: AbortSignal): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"], signal });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

/** The sample host the deployable build is made for. */
export const DEPLOY_URL = "https://example.org/corz/";
/**
 * The shared builds, in the order they are made, with their webpack flags: the preview first
 * (three browser suites wait for it), then the production build with no host (a scratch build), with webpack's
 * statistics (tests/project/build and bundles), then one asking for the local office.js
 * (tests/e2e/officejs: what `npm start` serves), then one for a named host (DEPLOY_URL).
 */
const SHARED_BUILDS = {
  preview: () => ["--env", "scratch", "--env", "preview"],
  shipped: (stats: string) => ["--env", "scratch", "--json", stats],
  localOfficeJs: () => ["--env", "scratch", "--env", "officeJs=local"],
  /** As `npm run build -- --env url=...` builds for a team's host (tests/project/deploy). */
  deploy: () => ["--env", `url=${DEPLOY_URL}`],
};
export type SharedBuildName = keyof typeof SHARED_BUILDS;

/** The environment variable that gives the suites the run's folder of shared builds. */
const RUN_DIR = "CORZ_TEST_BUILDS";

const files = (run: string, name: SharedBuildName) => ({
  dir: path.join(run, name),
  /** webpack's statistics (--json), beside the build's folder, not in it. */
  stats: path.join(run, `${name}.stats.json`),
  /** Written, whole, when the build has finished: its exit code and output. */
  done: path.join(run, `${name}.done.json`),
});

let running: { run: string; abort: AbortController; finished: Promise<void> } | undefined;

/**
 * Starts the shared builds in the background, in a new temporary folder that the suites find
 * through $CORZ_TEST_BUILDS; returns at once. A build that fails is recorded like one that
 * succeeds (the suites report it); the next one is still made.
 */
export function startSharedBuilds(): void {
  const run = fs.mkdtempSync(path.join(os.tmpdir(), "corz-builds-"));
  process.env[RUN_DIR] = run;
  const abort = new AbortController();
  const cli = path.join(root, "node_modules", "webpack-cli", "bin", "cli.js");
  const cache = ["--cache-type", "filesystem", "--cache-cache-directory", path.join(run, "webpack-cache")];
  const finished = (async () => {
    for (const name of Object.keys(SHARED_BUILDS) as SharedBuildName[]) {
      if (abort.signal.aborted) return;
      const f = files(run, name);
      const r = await runNode([cli, "--mode", "production", "--output-path", f.dir, ...SHARED_BUILDS[name](f.stats), ...cache], abort.signal).catch((e: Error) => ({ code: null, output: String(e.stack ?? e) }));
      fs.writeFileSync(`${f.done}.tmp`, JSON.stringify(r));
      fs.renameSync(`${f.done}.tmp`, f.done);
    }
  })();
  running = { run, abort, finished };
}

/** Stops a build still running and deletes the run's folder (the jest global teardown). */
export async function stopSharedBuilds(): Promise<void> {
  if (!running) return;
  running.abort.abort();
  await running.finished;
  fs.rmSync(running.run, { recursive: true, force: true });
  running = undefined;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The shared build `name` once it has finished, whether it succeeded or not (check `code`);
 * `stats` is webpack's statistics file, for the build made with them.
 */
export async function sharedBuild(name: SharedBuildName): Promise<BuildResult & { stats: string }> {
  const run = process.env[RUN_DIR];
  if (!run) throw new Error(`$${RUN_DIR} is not set: the shared builds are started by the jest global setup tests/setup/builds.ts (run the suites through jest.config.js)`);
  const f = files(run, name);
  while (!fs.existsSync(f.done)) await sleep(250);
  const { code, output } = JSON.parse(fs.readFileSync(f.done, "utf8")) as { code: number | null; output: string };
  return { dir: f.dir, code, output, stats: f.stats };
}
