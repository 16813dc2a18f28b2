/**
 * Values typed on CORZ Inputs and kept by a refresh show in the pane's form, so the pane and the
 * sheets agree or say why not; "Refresh and reset edited inputs" takes them away. Over the real
 * gateway and adapter and the strict Excel double.
 */
import { fireEvent, screen } from "@testing-library/react";
import { SHEET_NAMES } from "../../src/plan/layout";
import { inputsRow } from "../support/plan";
import { button, dialog, input, renderPane } from "./harness";

const done = (text: RegExp) => screen.findByText(text, undefined, { timeout: 10000 });
const margin = () => input(/^Licence-fee gross margin/);
const marginCell = `E${inputsRow("licence_margin")}`;
/** Base's margin is 0.825 (the midpoint of 80-85%); 0.79 is typed over it on the sheet. */
const baseNote = `Typed on ${SHEET_NAMES.inputs}!${marginCell}: the sheets use 0.79, not this scenario's 0.825. “Refresh and reset edited inputs” puts 0.825 back.`;

/** The texts describing an input (its aria-describedby), joined. */
function described(box: HTMLElement): string {
  return (box.getAttribute("aria-describedby") ?? "")
    .split(/\s+/)
    .map((id) => document.getElementById(id)?.textContent ?? "")
    .join(" | ");
}

async function buildThenTypeOnSheet(cell: string, value: number) {
  const pane = renderPane();
  fireEvent.click(button("Build sheets"));
  await done(/^Built \d+ sheets/);
  pane.x.sheet(SHEET_NAMES.inputs).set(cell, value);
  fireEvent.click(button("Refresh"));
  await done(/^Refreshed \d+ sheets/);
  return pane;
}

test("a margin typed on CORZ Inputs and kept by Refresh shows in base's form with a note; resetting edited inputs takes it away", async () => {
  await buildThenTypeOnSheet(marginCell, 0.79);
  fireEvent.click(button("Margins"));
  expect(margin().value).toBe("0.79");
  expect(margin().readOnly).toBe(true);
  expect(screen.getByText(baseNote)).toBeTruthy();
  expect(described(margin())).toContain(baseNote);
  // Only base was typed over.
  fireEvent.click(input("bear"));
  expect(margin().value).toBe("0.8");
  expect(screen.queryByText(/^Typed on/)).toBeNull();
  fireEvent.click(input("base"));

  fireEvent.click(button("Refresh and reset edited inputs"));
  fireEvent.click(button("Refresh and reset", dialog("Reset edited inputs?")));
  await done(/^Refreshed \d+ sheets/);
  expect(margin().value).toBe("0.825");
  expect(screen.queryByText(/^Typed on/)).toBeNull();
});

test("a pane opened on a workbook with kept sheet values shows them, from the saved record", async () => {
  const { x, settings } = await buildThenTypeOnSheet(marginCell, 0.79);
  document.body.innerHTML = "";
  renderPane({ x, settings });
  fireEvent.click(button("Margins"));
  expect(margin().value).toBe("0.79");
  expect(screen.getByText(baseNote)).toBeTruthy();
});

test("in the user's own scenario, the note says the sheet's value still wins over a value typed in the form", async () => {
  const pane = renderPane();
  fireEvent.click(button("New scenario"));
  fireEvent.change(input(/^Scenario name/), { target: { value: "Mine" } });
  fireEvent.click(button("Create", dialog("New scenario")));
  fireEvent.click(button("Build sheets"));
  await done(/^Built \d+ sheets/);
  // Columns follow the build order: base E, seed F, bull G, bear H, Mine I.
  const cell = `I${inputsRow("licence_margin")}`;
  pane.x.sheet(SHEET_NAMES.inputs).set(cell, 0.8);
  fireEvent.click(button("Refresh"));
  await done(/^Refreshed \d+ sheets/);

  fireEvent.click(button("Margins"));
  const note = (mine: string) =>
    `Typed on ${SHEET_NAMES.inputs}!${cell}: the sheets use 0.8, not this scenario's ${mine}. The value typed on the sheet still wins at the next refresh, whatever you type here, unless you use “Refresh and reset edited inputs”, which puts this scenario's value back.`;
  // The box is the scenario's own value, which is what typing there changes.
  expect(margin().value).toBe("0.825");
  expect(described(margin())).toContain(note("0.825"));

  fireEvent.change(margin(), { target: { value: "0.7" } });
  fireEvent.keyDown(margin(), { key: "Enter" });
  expect(margin().value).toBe("0.7");
  expect(screen.getByText(note("0.7"))).toBeTruthy();
  // And it does: the refresh keeps the sheet's value.
  fireEvent.click(button("Refresh"));
  await done(/^Refreshed \d+ sheets/);
  expect(pane.x.sheet(SHEET_NAMES.inputs).value(cell)).toBe(0.8);
  expect(screen.getByText(note("0.7"))).toBeTruthy();
});
