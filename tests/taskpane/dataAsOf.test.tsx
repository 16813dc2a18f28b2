/**
 * The pane shows how current its data is: "Data as of <date>" in the header, and a collapsed
 * "Defaults older than 12 months (N)" list naming each stale default with its value, as-of date
 * and source. Today is fixed here; the expected date and count come from the model (the shipped
 * figures change as sources are updated), checked against it rather than copied.
 */
import { fireEvent, render, screen, within } from "@testing-library/react";
import { DATA_AS_OF, staleDefaults } from "../../src/model/asOf";
import { App } from "../../src/taskpane/App";
import { DataAsOf, asOfText, localToday, valueText } from "../../src/taskpane/components/DataAsOf";
import { button } from "./harness";

const TODAY = "2026-11-26";
const outside = { inExcel: false, reason: "Office.js is not loaded: this page was opened outside Office." };

function staleOn(today: string) {
  const r = staleDefaults(today);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

test("the header shows the data's as-of date and how many defaults are older than 12 months", async () => {
  render(<App host={outside} today={TODAY} />);
  const header = screen.getByRole("banner");
  const time = await within(header).findByText(asOfText(DATA_AS_OF));
  expect(time.tagName).toBe("TIME");
  expect(time.getAttribute("datetime")).toBe(DATA_AS_OF);
  expect(time.parentElement?.textContent).toMatch(new RegExp(`^Data as of ${asOfText(DATA_AS_OF)}`));
  const n = staleOn(TODAY).length;
  expect(n).toBeGreaterThan(0);
  const toggle = button(`Defaults older than 12 months (${n})`, header);
  expect(toggle.getAttribute("aria-expanded")).toBe("false");
  expect(within(header).queryByRole("list", { name: "Defaults older than 12 months" })).toBeNull();
});

test("opened, the list names every stale default with its value, as-of date and source, oldest first", () => {
  render(<DataAsOf today={TODAY} />);
  const stale = staleOn(TODAY);
  fireEvent.click(button(`Defaults older than 12 months (${stale.length})`));
  const list = screen.getByRole("list", { name: "Defaults older than 12 months" });
  const items = within(list).getAllByRole("listitem");
  expect(items).toHaveLength(stale.length);
  stale.forEach((d, i) => {
    const text = items[i].textContent ?? "";
    expect(text).toContain(d.label);
    expect(text).toContain(`${valueText(d)} · as of ${asOfText(d.asOf)} · ${d.where}`);
    expect(text).toContain(d.source);
  });
});

test("on the data's own as-of date it counts only what is more than 12 months older; long before, nothing", () => {
  const { unmount } = render(<DataAsOf today={DATA_AS_OF} />);
  const n = staleOn(DATA_AS_OF).length;
  if (n > 0) expect(button(`Defaults older than 12 months (${n})`)).toBeTruthy();
  else expect(screen.getByText("No default is older than 12 months.")).toBeTruthy();
  unmount();
  // Before every default's as-of date (the oldest is the 2018 federal tax rate), nothing is old.
  render(<DataAsOf today="2000-01-01" />);
  expect(screen.getByText("No default is older than 12 months.")).toBeTruthy();
  expect(screen.queryByRole("button")).toBeNull();
});

test("a today that is not a date is said, not thrown", () => {
  render(<DataAsOf today="26/11/2026" />);
  expect(screen.getByText(/Could not tell which defaults are old: Today: date must be written YYYY-MM-DD/)).toBeTruthy();
});

describe("text", () => {
  test.each([
    ["2026-05-10", "10 May 2026"],
    ["2024-11-01", "1 Nov 2024"],
    ["2024-11", "Nov 2024"],
    ["2024", "2024"],
    ["2024-13", "2024-13"],
    ["soon", "soon"],
  ])("as-of %p reads %p", (asOf, text) => {
    expect(asOfText(asOf)).toBe(text);
  });

  test.each([
    [3.5e9, "USD", "$3.5B"],
    [1.225e9, "USD", "$1.225B"],
    [319e6, "USD", "$319M"],
    [0.775, "rate", "77.5%"],
    [6.8, "x", "6.8x"],
    [198, "MW", "198 MW"],
    [5000, "MW", "5,000 MW"],
    [2027, "year", "2027"],
    [80.6, "USD/MWh", "80.6 USD/MWh"],
    ["2025-05-01", "date", "2025-05-01"],
  ] as const)("%p %s reads %p", (value, unit, text) => {
    expect(valueText({ value, unit })).toBe(text);
  });

  test("today is the local calendar date", () => {
    expect(localToday(new Date(2026, 10, 26, 23, 59))).toBe("2026-11-26");
    expect(localToday(new Date(2026, 0, 1, 0, 0))).toBe("2026-01-01");
  });
});
