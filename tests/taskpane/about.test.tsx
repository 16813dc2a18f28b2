/**
 * Shipping to a team, as the pane shows it: an About footer with the version the manifest
 * carries, the data's as-of date, the help site's home beside the pane and every public source
 * as a link; and, at start, an Excel without the workbook API the sheets need (ExcelApi 1.9)
 * is told so, in the preview's Office double as in a stand-in that answers no.
 */
import { fireEvent, render, screen, within } from "@testing-library/react";
import * as fs from "fs";
import * as path from "path";
import { App } from "../../src/taskpane/App";
import { HELP_HOME, PUBLIC_SOURCES } from "../../src/taskpane/components/About";
import { asOfText } from "../../src/taskpane/components/DataAsOf";
import { waitForOffice } from "../../src/taskpane/hooks/office";
import { DATA_AS_OF } from "../../src/model/asOf";
import { EXCEL_API_VERSION } from "../../src/excel/requirements";
import { installOfficeDouble } from "../../src/preview/office";
import { button } from "./harness";

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

const root = path.join(__dirname, "..", "..");
const packageVersion = (JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { version: string }).version;
const outside = { inExcel: false, reason: "Office.js is not loaded: this page was opened outside Office." };

test("the About footer gives the version, the data's as-of date, the help home and the sources", async () => {
  render(<App host={outside} />);
  const about = await screen.findByRole("region", { name: "About" }, { timeout: 10_000 });
  expect(about.textContent).toContain(`CORZ HPC Deal Model ${packageVersion}`);
  const time = within(about).getByText(asOfText(DATA_AS_OF));
  expect(time.getAttribute("datetime")).toBe(DATA_AS_OF);
  const help = within(about).getByRole("link", { name: /Help/ });
  expect(help.getAttribute("href")).toBe(HELP_HOME);
  expect(help.getAttribute("target")).toBe("_blank");

  expect(PUBLIC_SOURCES.length).toBeGreaterThan(20);
  fireEvent.click(button(`Sources (${PUBLIC_SOURCES.length} public documents)`, about));
  const links = within(within(about).getByRole("list", { name: "Sources" })).getAllByRole("link");
  expect(links.map((a) => a.getAttribute("href"))).toEqual(PUBLIC_SOURCES.map((s) => s.url));
  for (const a of links) expect(a.getAttribute("href")).toMatch(/^https?:\/\//);
});

test("the help home the pane links to is the one the manifest's SupportUrl names", () => {
  const xml = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
  expect(/<SupportUrl DefaultValue="https:\/\/localhost:3000\/([^"]+)"/.exec(xml)?.[1]).toBe(HELP_HOME);
});

describe("at start, the pane checks that Excel has the workbook API the sheets need", () => {
  test("the preview's double answers isSetSupported up to the adapter's set, and no further", () => {
    installOfficeDouble();
    const req = Office.context.requirements;
    expect(req.isSetSupported("ExcelApi", EXCEL_API_VERSION)).toBe(true);
    expect(req.isSetSupported("ExcelApi", "1.1")).toBe(true);
    expect(req.isSetSupported("ExcelApi", "1.99")).toBe(false);
    expect(req.isSetSupported("WordApi", "1.1")).toBe(false);
  });

  test("Excel with the set: in Excel", async () => {
    installOfficeDouble();
    expect(await waitForOffice(1000)).toEqual({ inExcel: true });
  });

  test("Excel without it: not usable for sheets, with a message that names the set", async () => {
    installOfficeDouble({ excelApi: "1.8" });
    const host = await waitForOffice(1000);
    expect(host.inExcel).toBe(false);
    expect(host.tooOld).toBe(true);
    expect(host.reason).toContain(`ExcelApi ${EXCEL_API_VERSION}`);
    render(<App host={host} />);
    expect(screen.getByText("This Excel is too old to build the sheets")).toBeTruthy();
    expect(screen.getByText(/does not support the Excel JavaScript API 1\.9/)).toBeTruthy();
    expect(screen.queryByText("Not running inside Excel")).toBeNull();
  });
});
