/**
 * Starts the risk worker from the pane. webpack 5 sees `new Worker(new URL("./riskWorkerEntry.ts",
 * import.meta.url))` and builds riskWorkerEntry.ts (with the model it imports) as a separate bundle.
 *
 * This is the only module with `import.meta`, which jest's CommonJS transform cannot parse, so
 * nothing imports it statically: useRiskRun loads it with a dynamic import on the first run,
 * and tests pass their own worker factory instead.
 */
import type { WorkerLike } from "./riskRun";

export function startRiskWorker(): WorkerLike {
  return new Worker(new URL("./riskWorkerEntry.ts", import.meta.url)) as unknown as WorkerLike;
}
