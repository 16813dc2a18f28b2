/**
 * useRiskRun: the controller's state as React state. Loading the hook under jest also shows it
 * has no static import of the module that uses `import.meta` (riskWorkerStart.ts), which jest's
 * CommonJS transform cannot parse: the pane can import the hook without breaking its tests.
 */
import { act, renderHook, waitFor } from "@testing-library/react";
import { defaultRiskSpec } from "../../src/model/risk/spec";
import { resolveScenario } from "../../src/model/scenarios";
import { useRiskRun } from "../../src/taskpane/hooks/useRiskRun";
import { InProcessWorker } from "./riskWorkerDouble";

const base = (() => {
  const r = resolveScenario("base");
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
})();
const request = (paths: number) => ({ scenario: { name: "base", values: base.values }, spec: defaultRiskSpec(base.values), paths, seed: 1 });

test("start runs in the worker and the hook re-renders with progress and the summary; unmounting stops the worker", async () => {
  const workers: InProcessWorker[] = [];
  const factory = () => {
    const w = new InProcessWorker();
    workers.push(w);
    return w;
  };
  const { result, unmount } = renderHook(() => useRiskRun(factory));
  expect(result.current.status).toBe("idle");
  act(() => result.current.start(request(1500)));
  expect(result.current.status).toBe("running");
  await waitFor(() => expect(result.current.status).toBe("done"), { timeout: 10000 });
  expect(result.current.summary?.paths).toBe(1500);
  expect(result.current.done).toBe(1500);
  unmount();
  await waitFor(() => expect(workers[0].terminated).toBe(true));
});

test("cancel from the hook ends in cancelled", async () => {
  const { result } = renderHook(() => useRiskRun(() => new InProcessWorker()));
  act(() => result.current.start(request(300000)));
  await waitFor(() => expect(result.current.done).toBeGreaterThan(0), { timeout: 10000 });
  act(() => result.current.cancel());
  expect(result.current.status).toBe("cancelling");
  await waitFor(() => expect(result.current.status).toBe("cancelled"), { timeout: 10000 });
  expect(result.current.done).toBeLessThan(300000);
});
