/**
 * The preview page's workbook, driven as a person drives it, for the browser tests of
 * preview.html: a cell of the grid, showing a sheet by its tab, typing into a cell through the
 * formula bar.
 */
import type { Locator, Page } from "playwright-core";

/** A cell of the grid shown, by its A1 address. */
export const gridCell = (page: Page, address: string): Locator => page.locator(`#workbook td[data-address="${address}"]`);

/** Shows a sheet by clicking its tab, and waits for its grid. */
export async function showSheet(page: Page, name: string): Promise<void> {
  await page.getByRole("tablist", { name: "Sheets" }).getByRole("tab", { name, exact: true }).click();
  await page.getByRole("grid", { name: `Sheet ${name}` }).waitFor();
}

/** Selects a cell and types `text` into the formula bar, then waits for the grid to redraw with it. */
export async function typeInto(page: Page, address: string, text: string, timeout = 10_000): Promise<void> {
  await gridCell(page, address).click();
  await page.getByLabel("Formula bar").fill(text);
  const before = await page.locator("#workbook").getAttribute("data-updates");
  await page.getByLabel("Formula bar").press("Enter");
  // The grid redraws once the double reports the typed cell.
  await page.waitForFunction((b) => document.getElementById("workbook")?.dataset.updates !== b, before, { timeout });
}
