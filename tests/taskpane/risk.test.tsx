/** The pane's Monte Carlo panel: a reproducible run in the worker, cancel, and the run written to the Risk sheet. */
import { fireEvent, screen } from "@testing-library/react";
import { button, dialog, input, queryButton, renderPane } from "./harness";
import { BUILT_IN_NAMES } from "../../src/model/paneState";
import { RISK_ROWS } from "../../src/plan/risk";

test("run, read P10/P50/P90, and the next build writes the run with its seed and path count", async () => {
  const { x } = renderPane();
  fireEvent.change(input("Paths"), { target: { value: "3000" } });
  fireEvent.change(input("Seed"), { target: { value: "42" } });
  fireEvent.click(button("Run"));
  const result = await screen.findByText(/^base: P10 \$/, undefined, { timeout: 10000 });
  expect(result.textContent).toContain("3,000 paths, seed 42");
  fireEvent.click(button("Build sheets"));
  await screen.findByText(/^Built \d+ sheets/, undefined, { timeout: 10000 });
  expect(String(x.sheet("CORZ Risk").value("A3"))).toMatch(/scenario "base", 3,000 paths, seed 42, run \d{4}-\d{2}-\d{2}/);
});

test("a setting out of range is refused with its allowed range, and nothing runs", async () => {
  renderPane();
  fireEvent.change(input(/CoreWeave default probability per year/), { target: { value: "1.5" } });
  fireEvent.click(button("Run"));
  expect((await screen.findByRole("alert")).textContent).toBe("default_probability must be a decimal from 0 to 1, got 1.5");
});

test("cancel stops a long run part-way", async () => {
  renderPane();
  fireEvent.change(input("Paths"), { target: { value: "1000000" } });
  fireEvent.click(button("Run"));
  await screen.findByText(/of 1,000,000 paths/, undefined, { timeout: 10000 });
  fireEvent.click(button("Cancel"));
  expect((await screen.findByText(/^Cancelled after/, undefined, { timeout: 10000 })).textContent).not.toContain("1,000,000");
});

test("inputs changed in the form after a run: the warning names them, old → new, and Re-run runs on the new ones", async () => {
  renderPane();
  fireEvent.click(button("New scenario"));
  fireEvent.change(input(/^Scenario name/), { target: { value: "Margins" } });
  fireEvent.click(button("Create", dialog("New scenario")));
  for (const n of BUILT_IN_NAMES) fireEvent.click(input(`Build ${n}`)); // Margins is the one left to run
  fireEvent.change(input("Paths"), { target: { value: "2000" } });
  fireEvent.click(button("Run"));
  await screen.findByText(/^Margins: P10 \$/, undefined, { timeout: 10000 });
  expect(screen.queryByText("Inputs changed since this run")).toBeNull();

  if (!screen.queryByLabelText(/^Licence-fee gross margin/)) fireEvent.click(button("Margins"));
  const margin = input(/^Licence-fee gross margin/);
  fireEvent.change(margin, { target: { value: "0.7" } });
  fireEvent.keyDown(margin, { key: "Enter" });
  await screen.findByText("Inputs changed since this run");
  expect(screen.getByText(/^Margins: Licence-fee gross margin 0.825 → 0.7\. Until it runs again, the Risk sheet says it is out of date\.$/)).toBeTruthy();

  fireEvent.click(button("Re-run"));
  await screen.findByText(/^Margins: P10 \$/, undefined, { timeout: 10000 });
  expect(screen.queryByText("Inputs changed since this run")).toBeNull();
  expect(queryButton("Re-run")).toBeNull();
});

test("the re-letting rent after a default is offered with the deal library's rent as its basis; a typed rent builds the recovery the Risk sheet shows", async () => {
  const { x } = renderPane();
  const rent = input(/^Re-letting rent after a default \(USD per MW-year; blank = default\)/);
  expect(screen.getByText(/^The deal library's recent market rent: median \$1\.810M per MW-year of the 12 comparable HPC leases/)).toBeTruthy();
  fireEvent.change(rent, { target: { value: "-5" } });
  fireEvent.click(button("Run"));
  expect((await screen.findByRole("alert")).textContent).toMatch(/^relet_rent_per_mw_year must be an amount in USD per MW-year from 0 to/);
  // At the contracts' own average price ($10.2B over 572 MW for 12 years), 40% re-let recovers exactly 40%.
  fireEvent.change(rent, { target: { value: String(10.2e9 / (572 * 12)) } });
  fireEvent.change(input("Paths"), { target: { value: "1000" } });
  fireEvent.click(button("Run"));
  await screen.findByText(/^base: P10 \$/, undefined, { timeout: 10000 });
  fireEvent.click(button("Build sheets"));
  await screen.findByText(/^Built \d+ sheets/, undefined, { timeout: 10000 });
  const row = RISK_ROWS.inputs + 1;
  expect(String(x.sheet("CORZ Risk").value(`A${row}`))).toMatch(/^Recovery after a default .*re-let at the deal library's recent median rent, \$1\.810M per MW-year/);
  expect(x.sheet("CORZ Risk").value(`C${row}`) as number).toBeCloseTo(0.4, 12);
});
