/**
 * The task pane's only contact with the Office global: whether it runs inside Excel, and the
 * Office theme. Everything else in src/taskpane receives these as props or through the hook,
 * so the components render the same in Excel, in a plain browser and in tests.
 */
import { useState } from "react";
import { EXCEL_API_SET, EXCEL_API_VERSION } from "../../excel/requirements";

export interface OfficeHost {
  /** True when Office reports that this page runs inside Excel. */
  readonly inExcel: boolean;
  /** Why the add-in is not in Excel, for the notice; undefined inside Excel. */
  readonly reason?: string;
  /** True when the page is in Excel, but an Excel too old for the workbook API the sheets are built with. */
  readonly tooOld?: boolean;
}

export type ThemeKind = "light" | "dark";

/** How long to wait for Office.onReady before showing the page as if outside Excel. */
export const OFFICE_READY_TIMEOUT_MS = 15000;

function officeGlobal(): typeof Office | undefined {
  return typeof Office === "undefined" ? undefined : Office;
}

/**
 * Waits for Office.js, if the page loaded it, and says where the page runs. Never rejects:
 * no Office global, a host other than Excel, an error or no answer all give inExcel: false.
 */
export async function waitForOffice(timeoutMs: number = OFFICE_READY_TIMEOUT_MS): Promise<OfficeHost> {
  const office = officeGlobal();
  if (!office || typeof office.onReady !== "function") {
    return { inExcel: false, reason: "Office.js is not loaded: this page was opened outside Office." };
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  try {
    const info = await Promise.race([office.onReady(), timeout]);
    if (info === "timeout") return { inExcel: false, reason: `Office did not report ready within ${timeoutMs / 1000} s.` };
    const host = info.host === null || info.host === undefined ? null : String(info.host);
    if (host === "Excel") return excelApiSupported(office) ? { inExcel: true } : TOO_OLD;
    return {
      inExcel: false,
      reason: host === null ? "This page was opened in a browser, outside Office." : `This page runs in ${host}, not Excel.`,
    };
  } catch (err) {
    return { inExcel: false, reason: `Office.js failed to start: ${err instanceof Error ? err.message : String(err)}` };
  } finally {
    clearTimeout(timer);
  }
}

/** The notice for an Excel without the adapter's requirement set: it works as if outside Excel. */
const TOO_OLD: OfficeHost = {
  inExcel: false,
  tooOld: true,
  reason:
    `This version of Excel does not support the Excel JavaScript API ${EXCEL_API_VERSION} (requirement set ${EXCEL_API_SET} ${EXCEL_API_VERSION}), ` +
    "which building the sheets and inserting formulas need. Update Office (Microsoft 365, Excel 2021 or later, or Excel on the web) to use them.",
};

/**
 * Whether Excel supports the requirement set the adapter needs (src/excel/requirements.ts).
 * Only a "no" from Office counts: an Office object without the requirements API (a test's
 * stand-in) is taken at its word that it is Excel.
 */
function excelApiSupported(office: typeof Office): boolean {
  const requirements = office.context?.requirements;
  if (!requirements || typeof requirements.isSetSupported !== "function") return true;
  try {
    return requirements.isSetSupported(EXCEL_API_SET, EXCEL_API_VERSION) !== false;
  } catch {
    return true;
  }
}

/** Whether a CSS hex colour (#rgb or #rrggbb) is dark, by its perceived brightness. */
export function isDarkColour(hex: string): boolean {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return false;
  const digits = m[1].length === 3 ? [...m[1]].map((d) => d + d).join("") : m[1];
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16));
  return 0.299 * r + 0.587 * g + 0.114 * b < 128;
}

/** The Office theme's kind now; "light" outside Office or when Office does not say. */
export function currentThemeKind(): ThemeKind {
  try {
    const background = officeGlobal()?.context?.officeTheme?.bodyBackgroundColor;
    return background && isDarkColour(background) ? "dark" : "light";
  } catch {
    return "light";
  }
}

/** The Office theme's kind, for FluentProvider. Excel raises no theme-change event for add-ins. */
export function useOfficeTheme(): ThemeKind {
  const [kind] = useState<ThemeKind>(currentThemeKind);
  return kind;
}
