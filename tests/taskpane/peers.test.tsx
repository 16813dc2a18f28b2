/** The pane's Peers choices: saved, validated, and written to the Peers sheet by the next build. */
import { fireEvent, screen } from "@testing-library/react";
import * as P from "../../src/functions/peers";
import { PEERS } from "../../src/model/peers/data";
import { PEERS_COLS, PEERS_ROWS, VALUATION_ROWS } from "../../src/plan/peers";
import { PANE_SETTING } from "../../src/model/paneState";
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
  expect(saved.peers).toEqual({ group: "hpc-host", stat: "median", multiple: "ev_per_contracted_mw", exclude: ["iren"], shares: 300e6 });

  fireEvent.click(button("Build sheets"));
  await screen.findByText(/^Built \d+ sheets/, undefined, { timeout: 10000 });
  const sheet = x.sheet("CORZ Peers");
  const irenRow = PEERS_ROWS.first + PEERS.findIndex((p) => p.id === "iren");
  expect(sheet.value(cellOf(irenRow, PEERS_COLS.include))).toBe(false);
  expect(sheet.value(cellOf(PEERS_ROWS.valuation + VALUATION_ROWS.shares, 3))).toBe(300e6);
});

test("the panel shows the implied value and its basis, the function's number, and n/a with the reason below three peers", async () => {
  const x = new ExcelDouble();
  renderPane({ x });
  const status = await screen.findByRole("region", { name: "Implied value" });
  // The same number as CORZ.IMPLIED_VALUE() (base, the first scenario built), in $B.
  const billions = (P.impliedValueFn() / 1e9).toFixed(2);
  expect(status.textContent).toContain(`Implied value: $${billions}B`);
  expect(status.textContent).toContain("Basis: Median EV per contracted MW of 6 peers: Applied Digital, IREN, Cipher Digital, TeraWulf, Hut 8, Riot Platforms.");
  expect(status.textContent).toContain("For base (2027)");
  // Leave out peers until two remain: the pane refuses, saying why and with whom.
  for (const name of ["Applied Digital", "IREN", "Cipher Digital", "TeraWulf"]) fireEvent.click(screen.getByLabelText(name));
  const after = await screen.findByRole("region", { name: "Implied value" });
  expect(after.textContent).toContain("Implied value: n/a");
  expect(after.textContent).toContain("Why: only 2 peer(s) in the statistics have EV per contracted MW; an implied value needs at least 3 so that no single peer sets it (Hut 8, Riot Platforms).");
});

test("a published multiple behind the implied value names its publisher and date", async () => {
  const x = new ExcelDouble();
  renderPane({ x });
  await screen.findByRole("region", { name: "Implied value" });
  fireEvent.click(screen.getByRole("combobox", { name: "Multiple" }));
  fireEvent.click(await screen.findByRole("option", { name: "EV / Revenue" }));
  fireEvent.click(screen.getByRole("combobox", { name: "Peer group" }));
  fireEvent.click(await screen.findByRole("option", { name: "All peers" }));
  const status = await screen.findByRole("region", { name: "Implied value" });
  expect(status.textContent).toMatch(/Basis: Median EV \/ Revenue of \d+ peers: .*CoreWeave/);
  expect(status.textContent).toContain("CoreWeave's is published by Top Tier Strategy, 2026-05-10");
});
