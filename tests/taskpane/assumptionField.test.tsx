/**
 * One assumption field: one Tab stop (the box; Reset joins only when the value differs from the
 * default), read-only fields of built-in scenarios that look and say so, the source as the box's
 * description, and money read as the model reads it ("3.5bn") and shown grouped.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import fc from "fast-check";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { shownDefault, shownValue } from "../../src/taskpane/assumptionText";
import { AssumptionField, READ_ONLY_HINT } from "../../src/taskpane/components/AssumptionField";
import { readMoney } from "../../src/model/scenarios";
import { DEFAULT_PANE_STATE, PaneState, createScenario, setOverride } from "../../src/model/paneState";
import { FieldView, fieldsOf, formatValue } from "../../src/taskpane/formFields";
import { field, memorySettings, newScenario, queryButton, renderPane, savedPane, typeAndEnter } from "./harness";

function unwrap<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** A pane state with one user scenario, "mine", based on base. */
const mine: PaneState = unwrap(createScenario(DEFAULT_PANE_STATE, "mine"));
const pick = (fields: readonly FieldView[], keys: readonly string[]) => keys.map((k) => fields.find((f) => f.spec.key === k)!);
const KEYS = ["t1_mw", "t1_value", "escalator", "t1_start", "term_years", "discount_rate"];

interface Calls {
  commits: string[];
  resets: number;
}

function renderFields(fields: readonly FieldView[]): Calls {
  const calls: Calls = { commits: [], resets: 0 };
  render(
    <FluentProvider theme={webLightTheme}>
      {fields.map((f, i) => (
        <AssumptionField
          key={i}
          field={f}
          defaultFrom="base"
          onCommit={(raw) => {
            calls.commits.push(raw);
            return undefined;
          }}
          onClearDraft={() => {}}
          onReset={() => calls.resets++}
        />
      ))}
    </FluentProvider>,
  );
  return calls;
}

/** The elements Tab stops at, in document order (what a browser's sequential focus navigation visits). */
function tabStops(): HTMLElement[] {
  const focusable = "input, button, select, textarea, a[href], [tabindex]";
  return Array.from(document.body.querySelectorAll<HTMLElement>(focusable)).filter(
    (e) => e.tabIndex >= 0 && !(e as HTMLInputElement).disabled && e.getAttribute("aria-hidden") !== "true" && !e.closest("[inert]"),
  );
}

/** The texts an element's aria-describedby points at. */
function description(e: HTMLElement): string[] {
  return (e.getAttribute("aria-describedby") ?? "")
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? `(missing #${id})`);
}

describe("one Tab stop per field", () => {
  test("N fields of a built-in scenario take N Tab stops, each the field's box", () => {
    const fields = pick(fieldsOf(DEFAULT_PANE_STATE, "base"), KEYS);
    renderFields(fields);
    const stops = tabStops();
    expect(stops).toHaveLength(KEYS.length);
    expect(stops.every((e) => e instanceof HTMLInputElement)).toBe(true);
    // The info buttons are still there for the mouse, out of the Tab order.
    const infos = document.querySelectorAll<HTMLButtonElement>("button");
    expect(infos.length).toBe(KEYS.length);
    infos.forEach((b) => expect(b.tabIndex).toBe(-1));
  });

  test("N fields of a user scenario at their defaults take N Tab stops; Reset joins only where a value was changed", () => {
    renderFields(pick(fieldsOf(mine, "mine"), KEYS));
    expect(tabStops()).toHaveLength(KEYS.length);
  });

  test("a changed field adds its Reset button, which resets", () => {
    const changed = unwrap(setOverride(mine, "mine", "t1_mw", "300"));
    const calls = renderFields(pick(fieldsOf(changed, "mine"), KEYS));
    const stops = tabStops();
    expect(stops).toHaveLength(KEYS.length + 1);
    const reset = stops.find((e) => e.tagName === "BUTTON")!;
    expect(reset.getAttribute("aria-label")).toBe("Reset t1_mw to default");
    fireEvent.click(reset);
    expect(calls.resets).toBe(1);
  });

  test("the source the info button shows is the box's description", () => {
    const [t1] = pick(fieldsOf(mine, "mine"), ["t1_value"]);
    renderFields([t1]);
    const box = tabStops()[0];
    expect(description(box).some((d) => d.startsWith(`Source of the default: ${t1.spec.source}`) && d.includes(`As of ${t1.spec.asOf}.`))).toBe(true);
  });

  test("the source is shown under the box while it has the focus, for who tabs rather than points", () => {
    const [t1] = pick(fieldsOf(mine, "mine"), ["t1_value"]);
    renderFields([t1]);
    const box = tabStops()[0];
    const source = document.getElementById(box.getAttribute("aria-describedby")!.split(/\s+/).pop()!)!;
    expect(source.textContent).toContain(t1.spec.source);
    expect(source.dataset.sourceShown).toBeUndefined();
    act(() => box.focus());
    expect(source.dataset.sourceShown).toBe("true");
    act(() => box.blur());
    expect(source.dataset.sourceShown).toBeUndefined();
  });
});

describe("read-only fields of built-in scenarios", () => {
  test("are read-only, look different from editable ones, and say how to change them", () => {
    const [builtIn] = pick(fieldsOf(DEFAULT_PANE_STATE, "base"), ["t1_mw"]);
    const [editable] = pick(fieldsOf(mine, "mine"), ["t1_mw"]);
    const calls = renderFields([builtIn, editable]);
    const [ro, rw] = tabStops() as HTMLInputElement[];
    expect(ro.readOnly).toBe(true);
    expect(rw.readOnly).toBe(false);
    // Another look: a different appearance (filled, muted) on the box's wrapper, and "read-only" in the box.
    expect(ro.parentElement!.className).not.toBe(rw.parentElement!.className);
    expect(ro.parentElement!.textContent).toContain("read-only");
    expect(rw.parentElement!.textContent).not.toContain("read-only");
    expect(description(ro)).toContain(READ_ONLY_HINT);
    expect(description(rw)).not.toContain(READ_ONLY_HINT);
    // Typing into it saves nothing.
    fireEvent.change(ro, { target: { value: "999" } });
    fireEvent.keyDown(ro, { key: "Enter" });
    fireEvent.blur(ro);
    expect(calls.commits).toEqual([]);
  });
});

describe("money in the field", () => {
  test("shown grouped, and what is shown reads back as the value held", () => {
    const withValue = unwrap(setOverride(mine, "mine", "t1_value", "3.5bn"));
    const [f] = pick(fieldsOf(withValue, "mine"), ["t1_value"]);
    expect(f.text).toBe("3500000000");
    const calls = renderFields([f]);
    const box = tabStops()[0] as HTMLInputElement;
    expect(box.value).toBe("3,500,000,000");
    expect(readMoney(box.value)?.value).toBe(Number(f.text));
    // Leaving it, or typing the same amount another way, saves nothing.
    fireEvent.blur(box);
    fireEvent.change(box, { target: { value: "$3.5B" } });
    fireEvent.keyDown(box, { key: "Enter" });
    expect(calls.commits).toEqual([]);
    expect(box.value).toBe("3,500,000,000");
    // A different amount is passed on as typed, for the model to read.
    fireEvent.change(box, { target: { value: "350m" } });
    fireEvent.keyDown(box, { key: "Enter" });
    expect(calls.commits).toEqual(["350m"]);
  });

  test("any amount the pane holds is shown in a form that reads back as that amount", () => {
    const money = fieldsOf(mine, "mine").filter((f) => f.spec.unit.startsWith("USD")).map((f) => f.spec);
    fc.assert(
      fc.property(fc.constantFrom(...money), fc.double({ min: 0, max: 1, noNaN: true }), (spec, share) => {
        const held = formatValue(spec, share * Number(spec.max));
        expect(readMoney(shownValue(spec, held))?.value).toBe(Number(held));
      }),
    );
  });

  test("the default in the hint: money as the box shows it, reading back; years, rates and MW as before", () => {
    const spec = (k: string) => fieldsOf(mine, "mine").find((f) => f.spec.key === k)!.spec;
    const hint = shownDefault(spec("t1_value"), "3500000000");
    expect(hint).toBe(shownValue(spec("t1_value"), "3500000000"));
    expect(readMoney(hint)?.value).toBe(3_500_000_000);
    expect(shownDefault(spec("power_price"), "40.5")).toBe("40.5");
    expect(shownDefault(spec("escalator"), "0.05")).toBe("0.05 (5%)");
    expect(shownDefault(spec("t1_mw"), "1200")).toBe("1,200");
    expect(shownValue(spec("t1_mw"), "1200")).toBe("1200");
    const year = fieldsOf(mine, "mine").find((f) => f.spec.unit === "year");
    if (year) expect(shownDefault(year.spec, "2027")).toBe("2027");
  });
});

describe("in the pane, over the model", () => {

  const settle = () => act(async () => new Promise<void>((resolve) => setTimeout(resolve, 0)));

  test('"3.5bn" typed into a money field of a user scenario is accepted as 3,500,000,000; "350m" on MW is refused with the reason', async () => {
    const settings = memorySettings();
    renderPane({ settings });
    newScenario("my case");
    // Tranche 2's contract value (base: $1.225bn, as filed).
    expect(field("t2_value").value).toBe("1,225,000,000");
    typeAndEnter(field("t2_value"), "3.5bn");
    expect(field("t2_value").value).toBe("3,500,000,000");
    expect(queryButton("Reset t2_value to default")).not.toBeNull();
    await settle();
    expect(savedPane(settings).scenarios.find((s) => s.name === "my case")?.overrides.t2_value).toBe(3_500_000_000);

    typeAndEnter(field("t1_mw"), "350m");
    await settle();
    expect(screen.getByText('t1_mw must be a number of MW from 0 to 5000, got "350m"; MW are plain numbers; m, bn and $ are only for amounts of money')).toBeTruthy();
    expect(savedPane(settings).scenarios.find((s) => s.name === "my case")?.overrides.t1_mw).toBeUndefined();
  });
});
