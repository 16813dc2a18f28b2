/**
 * The preview's workbook view in a DOM (jsdom): what it draws when the task pane's functions
 * arrive after the workbook was first drawn, as they do when a saved workbook is restored.
 */
import { installOfficeDouble } from "../../src/preview/office";
import { mountWorkbookView } from "../../src/preview/viewer";

test("a cell using a CORZ function shows #NAME? until the functions are associated, then its value", async () => {
  const office = installOfficeDouble({ sheets: { Sheet1: { A1: "=CORZ.TWICE(21)", A2: "=A1+1" } } });
  const root = document.createElement("section");
  document.body.append(root);
  const unmount = mountWorkbookView(root, office);
  const shown = (a1: string) => root.querySelector(`td[data-address="${a1}"]`)?.textContent;
  expect([shown("A1"), shown("A2")]).toEqual(["#NAME?", "#NAME?"]);

  (window as unknown as { CustomFunctions: { associate(id: string, f: (x: number) => number): void } }).CustomFunctions.associate("TWICE", (x) => x * 2);
  // The view redraws after the association, on the next turn of the event loop.
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect([shown("A1"), shown("A2")]).toEqual(["42", "43"]);
  unmount();
});

describe("moving and typing in the grid", () => {
  // jsdom lays nothing out and has no scrollIntoView; the view calls it on arrow moves.
  beforeAll(() => {
    if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => undefined;
  });
  const nextTurn = () => new Promise((resolve) => setTimeout(resolve, 20));

  function mount(cells: Record<string, string | number | boolean>) {
    const office = installOfficeDouble({ sheets: { Sheet1: cells } });
    const root = document.createElement("section");
    document.body.append(root);
    const unmount = mountWorkbookView(root, office);
    const td = (a1: string) => root.querySelector<HTMLTableCellElement>(`td[data-address="${a1}"]`)!;
    const selected = () => root.querySelector("td[aria-selected='true']")?.getAttribute("data-address");
    const input = root.querySelector<HTMLInputElement>("#formula-bar")!;
    const key = (target: Element, k: string) => target.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true, cancelable: true }));
    const submit = () => root.querySelector("form")!.dispatchEvent(new Event("submit", { bubbles: true, cancelable: true }));
    return { office, root, td, selected, input, key, submit, unmount };
  }

  test("arrow keys move one cell and stop at the grid's edge; Home and End go to the row's ends", () => {
    const v = mount({ A1: 1 });
    v.td("A1").click();
    expect(v.selected()).toBe("A1");
    v.key(v.td("A1"), "ArrowUp");
    v.key(v.td("A1"), "ArrowLeft");
    expect(v.selected()).toBe("A1");
    v.key(v.td("A1"), "ArrowDown");
    v.key(v.td("A2"), "ArrowRight");
    expect(v.selected()).toBe("B2");
    expect(document.activeElement).toBe(v.td("B2"));
    expect(v.td("B2").getAttribute("tabindex")).toBe("0");
    expect(v.td("A1").getAttribute("tabindex")).toBe("-1");
    v.key(v.td("B2"), "End");
    // The grid shows at least 12 columns (A to L) when the sheet uses fewer.
    expect(v.selected()).toBe("L2");
    v.key(v.td("L2"), "Home");
    expect(v.selected()).toBe("A2");
    v.unmount();
  });

  test("Enter goes to the formula bar; Escape comes back with the cell's content; submitting types into the cell", async () => {
    const v = mount({ A1: "=2*3" });
    v.td("A1").click();
    expect(v.input.value).toBe("=2*3");
    expect(v.root.querySelector<HTMLOutputElement>("#cell-value")!.value).toBe("= 6");
    v.key(v.td("A1"), "Enter");
    expect(document.activeElement).toBe(v.input);
    v.input.value = "=1+";
    v.key(v.input, "Escape");
    expect(v.input.value).toBe("=2*3");
    expect(document.activeElement).toBe(v.td("A1"));
    v.input.value = "12.5%";
    v.submit();
    await nextTurn();
    expect(v.office.excel.sheet("Sheet1").value("A1")).toBe(0.125);
    v.unmount();
  });

  test("a spilled cell shows its array's formula, greyed; submitting it unchanged types nothing, a value of its own blocks the spill", async () => {
    const v = mount({ A1: "=CORZ.PAIRS()" });
    (window as unknown as { CustomFunctions: { associate(id: string, f: () => number[][]): void } }).CustomFunctions.associate("PAIRS", () => [
      [1, 2],
      [3, 4],
    ]);
    await nextTurn();
    expect(["A1", "B1", "A2", "B2"].map((a) => v.td(a).textContent)).toEqual(["1", "2", "3", "4"]);
    v.td("B2").click();
    expect(v.input.value).toBe("=CORZ.PAIRS()");
    expect(v.input.classList.contains("spilled")).toBe(true);
    v.submit();
    await nextTurn();
    expect(v.office.excel.sheet("Sheet1").get("B2")).toBeUndefined();
    v.input.value = "7";
    v.submit();
    await nextTurn();
    expect(v.td("A1").textContent).toBe("#SPILL!");
    expect(v.td("A1").dataset.message).toContain("B2 is in the way");
    v.unmount();
  });
});
