/**
 * Renders the task pane over the real gateway (src/excel/gateway.ts), the strict Excel double
 * and an in-memory settings store, as tests/excel/gateway.test.ts runs the gateway: nothing of
 * ours is mocked.
 */
import { configure, fireEvent, render, screen, within } from "@testing-library/react";
import type { Runner } from "../../src/excel/apply";
import { SettingsStore, WorkbookGateway, makeGateway } from "../../src/excel/gateway";
import { assumptionSpec } from "../../src/model/assumptions";
import { App } from "../../src/taskpane/App";
import { PaneState } from "../../src/model/paneState";
import { PANE_SETTING } from "../../src/model/paneState";
import { ExcelDouble } from "../support/excelDouble";
import { InProcessWorker } from "./riskWorkerDouble";

// Fluent's MessageBar measures itself with ResizeObserver, which every Office webview has and
// jsdom lacks; nothing here depends on the measurement.
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(window as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoResizeObserver;

// Role queries check every element's visibility, and `{ name }` computes accessible names,
// both with getComputedStyle, which in jsdom walks every CSS rule Fluent injected: seconds per
// query on this pane. So: no visibility check (closed dialogs and accordion panels are not
// rendered at all, so nothing here is hidden by CSS), inputs found by their labels, and
// buttons by `button()` below.
configure({ defaultHidden: true });

/**
 * The one button whose name is `name`: its aria-label, else its text (the two ways the pane
 * names buttons), within `scope`.
 */
export function button(name: string, scope: HTMLElement = document.body): HTMLButtonElement {
  const found = within(scope)
    .queryAllByRole("button")
    .filter((b) => (b.getAttribute("aria-label") ?? b.textContent ?? "").trim() === name);
  if (found.length !== 1) throw new Error(`expected one button named "${name}", found ${found.length}`);
  return found[0] as HTMLButtonElement;
}

export function queryButton(name: string, scope: HTMLElement = document.body): HTMLButtonElement | null {
  return (within(scope)
    .queryAllByRole("button")
    .find((b) => (b.getAttribute("aria-label") ?? b.textContent ?? "").trim() === name) ?? null) as HTMLButtonElement | null;
}

/**
 * The one input labelled `label` (a Fluent Field's label, or an aria-label). A field's info
 * button is labelled by the field's label too, so only inputs count.
 */
export function input(label: string | RegExp): HTMLInputElement {
  const found = screen.getAllByLabelText(label).filter((e): e is HTMLInputElement => e instanceof HTMLInputElement);
  if (found.length !== 1) throw new Error(`expected one input labelled ${String(label)}, found ${found.length}`);
  return found[0];
}

/** The form's box for one assumption, found by the registry's label ("Tranche 1 (initial contracts): critical IT load (MW)"). */
export function field(key: string): HTMLInputElement {
  const spec = assumptionSpec(key);
  if (!spec) throw new Error(`no assumption ${key}`);
  return input(new RegExp(`^${spec.label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\(`));
}

/** The open dialog (Fluent: role dialog or alertdialog), checked against its title. */
export function dialog(title: string): HTMLElement {
  const d = screen.queryByRole("dialog") ?? screen.getByRole("alertdialog");
  within(d).getByText(title);
  return d;
}

export function noDialog(): boolean {
  return screen.queryByRole("dialog") === null && screen.queryByRole("alertdialog") === null;
}

export type MemorySettings = SettingsStore & { saved: number; data: Record<string, unknown>; failSave?: string };

/** Document settings in memory; `failSave` makes every save reject with that message. */
export function memorySettings(initial: Record<string, unknown> = {}): MemorySettings {
  const data = { ...initial };
  const store: MemorySettings = {
    data,
    saved: 0,
    get: (n) => data[n],
    set: (n, v) => {
      data[n] = v;
    },
    save: async () => {
      if (store.failSave) throw new Error(store.failSave);
      store.saved++;
    },
  };
  return store;
}

/** A runner that holds every batch until `release()`, to see the pane while a build runs. */
export function gatedRunner(x: ExcelDouble): { run: Runner; release(): void } {
  let open: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (open = resolve));
  return {
    run: async (batch) => {
      await gate;
      return x.run(batch);
    },
    release: () => open(),
  };
}

export interface Pane {
  readonly x: ExcelDouble;
  readonly settings: MemorySettings;
  readonly gateway: WorkbookGateway;
}

/**
 * The pane over the real gateway; `wrap` may stand in for part of it (e.g. a build result the
 * adapter gives only under faults it is tested for itself).
 */
export function renderPane(opts: { x?: ExcelDouble; settings?: MemorySettings; run?: Runner; wrap?: (g: WorkbookGateway) => WorkbookGateway } = {}): Pane {
  const x = opts.x ?? new ExcelDouble();
  const settings = opts.settings ?? memorySettings();
  const real = makeGateway(opts.run ?? x.run, settings);
  const gateway = opts.wrap ? opts.wrap(real) : real;
  // The Monte Carlo worker runs in-process (jsdom has no Worker).
  render(<App host={{ inExcel: true }} gateway={gateway} riskWorker={() => new InProcessWorker()} />);
  return { x, settings, gateway };
}

/** The pane state saved in the settings, parsed. */
export function savedPane(settings: MemorySettings): PaneState {
  const raw = settings.data[PANE_SETTING];
  if (typeof raw !== "string") throw new Error(`nothing saved under ${PANE_SETTING}`);
  return JSON.parse(raw) as PaneState;
}

/** Makes a scenario of one's own through the New scenario dialog, as a person does. */
export function newScenario(name: string): void {
  fireEvent.click(button("New scenario"));
  const d = dialog("New scenario");
  fireEvent.change(input(/^Scenario name/), { target: { value: name } });
  fireEvent.click(button("Create", d));
}

/** Types `value` into a field's box and presses Enter. */
export function typeAndEnter(box: HTMLInputElement, value: string): void {
  fireEvent.change(box, { target: { value } });
  fireEvent.keyDown(box, { key: "Enter" });
}
