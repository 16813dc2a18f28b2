/**
 * The preview page's tools around the workbook: keep it across reloads (saved in the browser
 * after each change, restored on load), start a new workbook, download the workbook shown as an
 * .xlsx, and download the pane's saved scenarios as the .json file `npm run workbook --
 * --scenario-file` reads. Failures are shown on the page in plain words, never thrown away.
 */
import { PANE_SETTING } from "../model/paneState";
import { el, withAttributes } from "./dom";
import { xlsxBytes } from "./exportXlsx";
import type { OfficeDouble } from "./office";
import { readSaved, restoreInto, saveText } from "./persist";
import { clearStored, readStored, writeStored } from "./storage";

/** How long after a change the page waits for more before saving. */
const SAVE_DELAY_MS = 400;

function download(name: string, type: string, data: BlobPart): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = el("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Reads the saved copy into `office` (its workbook and document settings). Resolves with a notice
 * to show when the copy could not be used; never rejects.
 */
export async function restoreSaved(office: OfficeDouble): Promise<string | undefined> {
  let text: string | undefined;
  try {
    text = await readStored();
  } catch (e) {
    return `The workbook saved in this browser could not be read (${reason(e)}). A new workbook was started.`;
  }
  if (text === undefined) return undefined;
  try {
    const saved = readSaved(text);
    restoreInto(office.excel, saved);
    for (const m of [office.settings.current, office.settings.saved]) {
      m.clear();
      for (const [k, v] of Object.entries(saved.settings)) m.set(k, v);
    }
    return undefined;
  } catch (e) {
    return `The workbook saved in this browser could not be opened: ${reason(e)}. A new workbook was started; the saved copy is replaced at the next change.`;
  }
}

/** Shows a message under the toolbar: a problem unless told it is information. */
type Say = (text: string, kind?: "info" | "problem") => void;

/** Saving in the browser a moment after each change; `stop` ends it (before the workbook is deleted), `resume` takes it up again. */
function keepSaved(office: OfficeDouble, say: Say): { stop(): void; resume(): void } {
  let saves = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const save = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      if (stopped) return;
      writeStored(saveText(office.excel, office.settings.saved, new Date()))
        .then(() => {
          saves++;
          document.getElementById("workbook")?.setAttribute("data-saved", String(saves));
        })
        .catch((e) => say(`The workbook could not be kept in this browser (${reason(e)}): it will be lost on reload. Export it as .xlsx to keep it.`));
    }, SAVE_DELAY_MS);
  };
  office.excel.subscribe(save);
  office.onSettingsSaved(save);
  return {
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
    resume: () => void (stopped = false),
  };
}

function exportButton(office: OfficeDouble, say: Say): HTMLButtonElement {
  const button = el("button", { type: "button" }, "Export .xlsx");
  button.addEventListener("click", async () => {
    button.disabled = true;
    try {
      download("corz-preview.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", await xlsxBytes(office.excel));
      say(`Exported ${office.excel.sheets.length} sheets to corz-preview.xlsx (charts are listed in a note: the file has no chart drawings).`, "info");
    } catch (e) {
      say(`The workbook could not be exported: ${reason(e)}.`);
    } finally {
      button.disabled = false;
    }
  });
  return button;
}

/** The scenario file's text: the pane keeps its state as JSON text, the file holds the object itself, readable. */
function scenarioFileText(value: unknown): string {
  let data: unknown = value;
  if (typeof value === "string") {
    try {
      data = JSON.parse(value);
    } catch {
      data = value;
    }
  }
  return `${JSON.stringify(data, null, 2)}\n`;
}

function scenariosButton(office: OfficeDouble, say: Say): HTMLButtonElement {
  const button = el("button", { type: "button" }, "Save scenarios (.json)");
  button.addEventListener("click", () => {
    const value = office.settings.saved.get(PANE_SETTING) ?? office.settings.current.get(PANE_SETTING);
    if (value === undefined) {
      say("The task pane has not saved any scenarios yet: add or edit a scenario first.");
      return;
    }
    download("corz-scenarios.json", "application/json", scenarioFileText(value));
    say("Saved the scenarios to corz-scenarios.json: `npm run workbook -- --scenario-file corz-scenarios.json` builds them into an .xlsx.", "info");
  });
  return button;
}

function resetButton(saving: ReturnType<typeof keepSaved>, say: Say): HTMLButtonElement {
  const button = el("button", { type: "button" }, "New workbook");
  button.addEventListener("click", async () => {
    if (!window.confirm("Start a new, empty workbook? The sheets and the scenarios kept in this browser are deleted (export them first to keep them).")) return;
    saving.stop();
    try {
      await clearStored();
    } catch (e) {
      saving.resume();
      say(`The saved workbook could not be deleted: ${reason(e)}.`);
      return;
    }
    window.location.reload();
  });
  return button;
}

/** The toolbar, and saving after each change; `notice` is shown first when given. */
export function mountTools(office: OfficeDouble, notice?: string): HTMLElement {
  const message = withAttributes(el("p", { id: "workbook-notice", className: "notice" }), { role: "alert" });
  const say: Say = (text, kind = "problem") => {
    message.textContent = text;
    message.dataset.kind = kind;
  };
  if (notice) say(notice);
  const saving = keepSaved(office, say);
  const bar = withAttributes(el("div", { className: "toolbar" }, exportButton(office, say), scenariosButton(office, say), resetButton(saving, say)), { role: "toolbar", "aria-label": "Workbook" });
  return el("div", { className: "tools" }, bar, message);
}
