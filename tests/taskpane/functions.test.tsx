/**
 * The function browser: every CORZ function with its arguments, a formula builder with one
 * input per argument and a live preview, and Insert into the double's active cell, asking
 * before replacing what the cell holds. Outside Excel the browser works and Insert says why not.
 */
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { FUNCTIONS } from "../../src/taskpane/catalog";
import { ExcelDouble } from "../support/excelDouble";
import { button, dialog, input, noDialog, renderPane } from "./harness";

const preview = () => input("Formula").value;

function pick(id: string) {
  fireEvent.click(button(`Build formula with CORZ.${id}`));
}

test("every function can be picked, and its builder has one input per argument", () => {
  renderPane();
  for (const f of FUNCTIONS) {
    pick(f.id);
    const builder = screen.getByText(`CORZ.${f.id}`, { selector: "h3" }).closest("section") as HTMLElement;
    expect(within(builder).queryAllByRole("textbox").filter((t) => (t as HTMLInputElement).readOnly === false)).toHaveLength(f.parameters.length);
    for (const p of f.parameters) expect(input(p.optional ? `${p.name} (optional)` : new RegExp(`^${p.name}`))).toBeTruthy();
  }
});

test("the preview follows the arguments, and Insert waits for the required ones", () => {
  renderPane();
  pick("DEAL_REVENUE");
  // The focus moves to the first argument.
  expect(document.activeElement).toBe(input(/^year/));
  expect(preview()).toBe("=CORZ.DEAL_REVENUE()");
  expect(button("Insert").getAttribute("aria-disabled")).toBe("true");
  expect(screen.getByText("Fill in year first.")).toBeTruthy();
  fireEvent.change(input(/^year/), { target: { value: "2027" } });
  expect(preview()).toBe("=CORZ.DEAL_REVENUE(2027)");
  fireEvent.change(input("scenario (optional)"), { target: { value: "bull" } });
  expect(preview()).toBe('=CORZ.DEAL_REVENUE(2027, "bull")');
  expect(button("Insert").getAttribute("aria-disabled")).toBeNull();
  // A range reference goes in as typed.
  fireEvent.change(input("scenario (optional)"), { target: { value: "Sheet1!A1:B3" } });
  expect(preview()).toBe("=CORZ.DEAL_REVENUE(2027, Sheet1!A1:B3)");
  fireEvent.click(button("Close"));
  expect(screen.queryByLabelText("Formula")).toBeNull();
  // The focus goes back to the function in the list.
  expect(document.activeElement).toBe(button("Build formula with CORZ.DEAL_REVENUE"));
});

test("Insert puts the formula into the double's active cell", async () => {
  const x = new ExcelDouble();
  const sheet = x.addSheet("Sheet1");
  x.active = { sheet: "Sheet1", cell: "C3" };
  renderPane({ x });
  pick("DEAL_REVENUE");
  fireEvent.change(input(/^year/), { target: { value: "2027" } });
  fireEvent.change(input("scenario (optional)"), { target: { value: "bull" } });
  fireEvent.click(button("Insert"));
  await screen.findByText('Inserted =CORZ.DEAL_REVENUE(2027, "bull") into the active cell.');
  expect(sheet.value("C3")).toBe('=CORZ.DEAL_REVENUE(2027, "bull")');
  expect(noDialog()).toBe(true);
});

test("a non-empty active cell: the pane asks, keeps the cell on no or Escape, and replaces it only on yes", async () => {
  const x = new ExcelDouble();
  const sheet = x.addSheet("Sheet1", { B2: "keep me" });
  x.active = { sheet: "Sheet1", cell: "B2" };
  renderPane({ x });
  pick("DEAL_TCV");
  fireEvent.change(input("scenario (optional)"), { target: { value: "bear" } });

  fireEvent.click(button("Insert"));
  let d = await screen.findByRole("alertdialog");
  expect(d.textContent).toContain('The active cell holds keep me; replace it with =CORZ.DEAL_TCV("bear")?');
  fireEvent.click(button("Keep it", d));
  await screen.findByText("The active cell was left as it was.");
  expect(sheet.value("B2")).toBe("keep me");

  fireEvent.click(button("Insert"));
  d = await screen.findByRole("alertdialog");
  fireEvent.keyDown(within(d).getByText("Replace"), { key: "Escape" });
  await screen.findByText("The active cell was left as it was.");
  expect(noDialog()).toBe(true);
  expect(sheet.value("B2")).toBe("keep me");

  fireEvent.click(button("Insert"));
  await screen.findByRole("alertdialog");
  fireEvent.click(button("Replace", dialog("Replace the active cell?")));
  await screen.findByText('Inserted =CORZ.DEAL_TCV("bear") into the active cell.');
  expect(sheet.value("B2")).toBe('=CORZ.DEAL_TCV("bear")');
});

test("an insert Excel refuses is reported", async () => {
  // No active sheet in the double: the gateway reports the failure.
  renderPane();
  pick("SCENARIOS");
  expect(preview()).toBe("=CORZ.SCENARIOS()");
  expect(document.activeElement).toBe(button("Insert"));
  fireEvent.click(button("Insert"));
  expect(await screen.findByText(/^The formula was not inserted: No sheet/)).toBeTruthy();
});

test("outside Excel the browser works, and Insert is disabled and says why", async () => {
  render(<App host={{ inExcel: false, reason: "Office.js is not loaded." }} />);
  expect(screen.getByText("Not running inside Excel")).toBeTruthy();
  pick("HPC_CAPACITY");
  fireEvent.change(input(/^year/), { target: { value: "2027" } });
  expect(preview()).toBe("=CORZ.HPC_CAPACITY(2027)");
  const insert = button("Insert");
  expect(insert.getAttribute("aria-disabled")).toBe("true");
  expect(document.getElementById(insert.getAttribute("aria-describedby")!)?.textContent).toMatch(/^Insert needs Excel/);
  await act(async () => {
    fireEvent.click(insert);
  });
  expect(screen.queryByText(/Inserted/)).toBeNull();
  // Building needs Excel too, and says so.
  expect(button("Build sheets").getAttribute("aria-disabled")).toBe("true");
  expect(screen.getByText("Building sheets needs Excel: open the add-in from Excel.")).toBeTruthy();
});
