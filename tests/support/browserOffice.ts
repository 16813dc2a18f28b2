/**
 * The Office.js a browser test serves in place of Microsoft's CDN script (bundled for the page by
 * `officeDoubleScript()` in browser.ts): the preview page's Office/Excel/CustomFunctions double
 * (src/preview/office.ts), installed with the options the page set in
 * `window.__officeDoubleOptions` before this script ran. The test reads the state back through
 * `window.__excelDouble`, `window.__settings` and `window.__associations`.
 */
import { OfficeDoubleOptions, installOfficeDouble } from "../../src/preview/office";

export type { OfficeDoubleOptions };

installOfficeDouble((window as unknown as { __officeDoubleOptions?: OfficeDoubleOptions }).__officeDoubleOptions ?? {});
