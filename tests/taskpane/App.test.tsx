/**
 * The task pane renders outside Office (no Office global, as in a plain browser) with a notice
 * instead of crashing, lists every CORZ function and the built-in scenarios, and filters.
 */
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import type { Root } from "react-dom/client";
import { App } from "../../src/taskpane/App";
import { boot } from "../../src/taskpane/boot";
import { FUNCTIONS, signature } from "../../src/taskpane/catalog";
import { BUILT_IN_SCENARIOS } from "../../src/model/scenarios";

// Fluent's MessageBar measures itself with ResizeObserver, which every Office webview has and
// jsdom lacks; nothing here depends on the measurement.
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
beforeAll(() => {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoResizeObserver;
});

/** Opens the Functions section (closed when the pane starts) from the contents list at the top. */
const openFunctions = () => fireEvent.click(within(screen.getByRole("navigation", { name: "Contents" })).getByText("Functions"));

const outside = { inExcel: false, reason: "Office.js is not loaded: this page was opened outside Office." };

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

test("there is no Office global in this test", () => {
  expect(typeof (globalThis as { Office?: unknown }).Office).toBe("undefined");
});

test("outside Excel it shows the notice, with the reason", () => {
  render(<App host={outside} />);
  expect(screen.getByText("Not running inside Excel")).toBeTruthy();
  expect(screen.getByText(/opened outside Office/)).toBeTruthy();
});

test("inside Excel there is no notice", () => {
  render(<App host={{ inExcel: true }} />);
  expect(screen.queryByText("Not running inside Excel")).toBeNull();
  expect(screen.getByRole("heading", { level: 1, name: "CORZ HPC Deal Model" })).toBeTruthy();
});

test("it lists every function of the catalogue with its signature", () => {
  render(<App host={outside} />);
  openFunctions();
  const list = screen.getByRole("list", { name: "CORZ functions" });
  for (const f of FUNCTIONS) expect(within(list).getByText(`=${signature(f)}`)).toBeTruthy();
  expect(within(list).getByText("=CORZ.DEAL_REVENUE(year, [scenario])")).toBeTruthy();
});

test("it lists the built-in scenarios, seed among them", () => {
  render(<App host={outside} />);
  expect(BUILT_IN_SCENARIOS.map((s) => s.name)).toEqual(["base", "seed", "bull", "bear"]);
  for (const s of BUILT_IN_SCENARIOS) expect(screen.getByText(s.description)).toBeTruthy();
});

test("the filter has a label and narrows the list", () => {
  render(<App host={outside} />);
  openFunctions();
  const filter = screen.getByLabelText("Filter functions");
  fireEvent.change(filter, { target: { value: "npv" } });
  const list = screen.getByRole("list", { name: "CORZ functions" });
  const shown = within(list).getAllByText(/^=CORZ\./).map((e) => e.textContent);
  // RECONCILE matches on its description ("NPV of gross profit"), the other two on their names.
  expect(shown).toEqual(["=CORZ.DEAL_NPV(rate, [scenario])", "=CORZ.RECONCILE([from], [to])", "=CORZ.DEAL_NPV_RISK(rate, percentile, [scenario], [paths], [seed])"]);

  fireEvent.change(filter, { target: { value: "no such function" } });
  expect(screen.queryByRole("list", { name: "CORZ functions" })).toBeNull();
  expect(screen.getByRole("status").textContent).toContain("no such function");
});

describe("boot (what index.tsx runs)", () => {
  let root: Root | undefined;
  afterEach(() => {
    act(() => root?.unmount());
    root = undefined;
  });

  test("renders the app with the notice when Office.js is absent", async () => {
    const container = document.createElement("div");
    await act(async () => {
      root = await boot(container);
    });
    expect(container.textContent).toContain("Not running inside Excel");
    expect(container.textContent).toContain("CORZ.DEAL_REVENUE");
  });

  test("waits for Office.onReady and shows no notice inside Excel", async () => {
    const container = document.createElement("div");
    let ready: (info: { host: string; platform: string }) => void = () => undefined;
    (globalThis as { Office?: unknown }).Office = {
      onReady: () => new Promise((resolve) => (ready = resolve)),
      context: {
        officeTheme: { bodyBackgroundColor: "#1f1f1f" },
        document: { settings: { get: () => null, set: () => undefined, saveAsync: () => undefined } },
      },
    };
    const booting = boot(container);
    await act(async () => new Promise<void>((resolve) => setTimeout(resolve, 0)));
    expect(container.textContent).toBe("");
    await act(async () => {
      ready({ host: "Excel", platform: "PC" });
      root = await booting;
    });
    expect(container.textContent).toContain("CORZ HPC Deal Model");
    expect(container.textContent).not.toContain("Not running inside Excel");
    // With the workbook's settings reachable, building is offered.
    expect(container.textContent).toContain("Build sheets");
    expect(container.textContent).not.toContain("Building sheets needs Excel");
  });

  test("inside Excel but without access to the document settings: the notice says why, no crash", async () => {
    const container = document.createElement("div");
    (globalThis as { Office?: unknown }).Office = { onReady: () => Promise.resolve({ host: "Excel", platform: "PC" }), context: {} };
    await act(async () => {
      root = await boot(container);
    });
    expect(container.textContent).toContain("Not running inside Excel");
    expect(container.textContent).toContain("Excel did not give the add-in access to the workbook");
  });

  test("refuses a missing container", async () => {
    await expect(boot(null)).rejects.toThrow("container");
  });
});
