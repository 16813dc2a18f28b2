/**
 * The pane's sections fold under their headings: Sheets and Scenarios open at the start, the
 * rest closed; the contents list opens a section and puts the focus on its heading; "Go to
 * field" opens the Assumptions. A scenario made or renamed in a dialog gets the focus on its
 * card once the dialog is gone (never the page's body), and a new one or a copy opens its
 * assumptions for editing.
 */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { button, dialog, field, input, renderPane } from "./harness";

/** A section's heading button (its disclosure) and its body, by the heading's text. */
function section(title: string | RegExp): { toggle: HTMLButtonElement; body: HTMLElement } {
  const toggle = screen
    .getAllByRole("heading", { level: 2 })
    .map((h) => h.querySelector("button"))
    .find((b): b is HTMLButtonElement => b !== null && (typeof title === "string" ? b.textContent === title : title.test(b.textContent ?? "")));
  if (!toggle) throw new Error(`no section headed ${String(title)}`);
  const body = document.getElementById(toggle.getAttribute("aria-controls") ?? "");
  if (!body) throw new Error(`section ${String(title)} controls nothing`);
  return { toggle, body };
}

const isOpen = (title: string | RegExp) => {
  const { toggle, body } = section(title);
  expect(toggle.getAttribute("aria-expanded")).toBe(String(!body.hidden));
  return !body.hidden;
};

/** Waits for the lazily loaded panels (assumptions, peers, risk, functions). */
const panels = () => waitFor(() => section("Functions"), { timeout: 10_000 });

/** Lets the dialog's closing motion finish (jsdom runs it at once, but in an effect). */
const settle = () => act(async () => new Promise<void>((resolve) => setTimeout(resolve, 0)));

test("Sheets and Scenarios start open, the other sections closed; a heading opens and closes its section", async () => {
  renderPane();
  await panels();
  expect(["Sheets", "Scenarios", /^Assumptions: /, "Peers", "Risk (Monte Carlo)", "Functions"].map(isOpen)).toEqual([true, true, false, false, false, false]);
  fireEvent.click(section("Peers").toggle);
  expect(isOpen("Peers")).toBe(true);
  expect(within(section("Peers").body).getByText("Peers in the statistics")).toBeTruthy();
  fireEvent.click(section("Sheets").toggle);
  expect(isOpen("Sheets")).toBe(false);
  // Closed, the section keeps what was in it: the Build button is still there, only hidden.
  expect(within(section("Sheets").body).getByText("Build sheets")).toBeTruthy();
});

test("the contents list opens a section and moves the focus to its heading", async () => {
  renderPane();
  await panels();
  const contents = screen.getByRole("navigation", { name: "Contents" });
  expect(within(contents).getAllByRole("button").map((b) => b.textContent)).toEqual(["Sheets", "Scenarios", "Assumptions", "Peers", "Risk (Monte Carlo)", "Functions"]);
  fireEvent.click(button("Risk (Monte Carlo)", contents));
  expect(isOpen("Risk (Monte Carlo)")).toBe(true);
  expect(document.activeElement).toBe(section("Risk (Monte Carlo)").toggle);
  // An open section stays open, and still takes the focus.
  fireEvent.click(button("Sheets", contents));
  expect(isOpen("Sheets")).toBe(true);
  expect(document.activeElement).toBe(section("Sheets").toggle);
});

test("after Duplicate the copy's card has the focus and its assumptions are open for editing", async () => {
  renderPane();
  await panels();
  fireEvent.click(button("Duplicate bear"));
  fireEvent.click(button("Duplicate", dialog("Duplicate “bear”")));
  await settle();
  expect(document.activeElement).toBe(input("bear copy"));
  expect(document.activeElement).not.toBe(document.body);
  expect(isOpen(/^Assumptions: bear copy$/)).toBe(true);
});

test("after New and after Rename the scenario's card has the focus", async () => {
  renderPane();
  await panels();
  fireEvent.click(button("New scenario"));
  fireEvent.change(input(/^Scenario name/), { target: { value: "late sites" } });
  fireEvent.click(button("Create", dialog("New scenario")));
  await settle();
  expect(document.activeElement).toBe(input("late sites"));
  expect(isOpen(/^Assumptions: late sites$/)).toBe(true);

  fireEvent.click(section(/^Assumptions: /).toggle);
  fireEvent.click(button("Rename late sites"));
  fireEvent.change(input(/^Scenario name/), { target: { value: "later sites" } });
  fireEvent.click(button("Rename", dialog("Rename “late sites”")));
  await settle();
  expect(document.activeElement).toBe(input("later sites"));
  // A rename is not an edit: the assumptions stay as the user left them.
  expect(isOpen(/^Assumptions: /)).toBe(false);
});

test("a name refused in the dialog moves no focus: the dialog stays, with the reason", async () => {
  renderPane();
  await panels();
  fireEvent.click(button("New scenario"));
  fireEvent.change(input(/^Scenario name/), { target: { value: "base" } });
  fireEvent.click(button("Create", dialog("New scenario")));
  await settle();
  expect(dialog("New scenario")).toBeTruthy();
  expect(document.activeElement).not.toBe(input("base"));
});

test("Go to field opens the closed Assumptions section and focuses the field", async () => {
  renderPane();
  await panels();
  fireEvent.click(button("New scenario"));
  fireEvent.click(button("Create", dialog("New scenario")));
  await settle();
  fireEvent.change(field("t1_mw"), { target: { value: "-5" } });
  fireEvent.keyDown(field("t1_mw"), { key: "Enter" });
  fireEvent.click(section(/^Assumptions: /).toggle);
  expect(isOpen(/^Assumptions: /)).toBe(false);
  fireEvent.click(screen.getAllByText("Go to field")[0]);
  expect(isOpen(/^Assumptions: /)).toBe(true);
  expect(document.activeElement).toBe(field("t1_mw"));
});

test("after Delete the focus goes to the scenario then shown (base, when the deleted one was shown)", async () => {
  renderPane();
  await panels();
  fireEvent.click(button("Duplicate seed"));
  fireEvent.click(button("Duplicate", dialog("Duplicate “seed”")));
  await settle();
  fireEvent.click(button("Delete seed copy"));
  fireEvent.click(button("Delete", dialog("Delete “seed copy”?")));
  await settle();
  expect(document.activeElement).toBe(input("base"));
});

test("picking a scenario opens its assumptions", async () => {
  renderPane();
  await panels();
  expect(isOpen(/^Assumptions: base$/)).toBe(false);
  fireEvent.click(input("bull"));
  expect(isOpen(/^Assumptions: bull$/)).toBe(true);
});
