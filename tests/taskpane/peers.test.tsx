/** The pane's Peers choices: saved, validated, and written to the Peers sheet by the next build. */
import { fireEvent, screen } from "@testing-library/react";
import { PEERS } from "../../src/model/peers/data";
import { PEERS_COLS, PEERS_ROWS, VALUATION_ROWS } from "../../src/plan/peers";
import { PANE_SETTING } from "../../src/taskpane/scenarioState";
import { ExcelDouble } from "../support/excelDouble";
import { button, input, renderPane } from "./harness";

const cellOf = (row: number, col: number) => `${String.fromCharCode(64 + col)}${row}`;

test("leaving out a peer and giving a share count are saved and reach the sheet at the next build", async () => {
  const x = new ExcelDouble();
  const { settings } = renderPane({ x });
  fireEvent.click(screen.getByLabelText("IREN"));
  const shares = input(/Shares outstanding/);
  fireEvent.change(shares, { target: { value: "-5" } });
  fireEvent.blur(shares);
  expect(await screen.findByText("shares outstanding must be a positive number, or blank for none")).toBeTruthy();
  fireEvent.change(shares, { target: { value: "300,000,000" } });
  fireEvent.blur(shares);
  await screen.findByText(/Builds the CORZ sheets/);
  await new Promise((r) => setTimeout(r, 0));
  const saved = JSON.parse(String(settings.data[PANE_SETTING]));
  expect(saved.peers).toEqual({ group: "all", stat: "median", multiple: "ev_revenue", exclude: ["iren"], shares: 300e6 });

  fireEvent.click(button("Build sheets"));
  await screen.findByText(/^Built \d+ sheets/, undefined, { timeout: 10000 });
  const sheet = x.sheet("CORZ Peers");
  const irenRow = PEERS_ROWS.first + PEERS.findIndex((p) => p.id === "iren");
  expect(sheet.value(cellOf(irenRow, PEERS_COLS.include))).toBe(false);
  expect(sheet.value(cellOf(PEERS_ROWS.valuation + VALUATION_ROWS.shares, 3))).toBe(300e6);
});
