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
