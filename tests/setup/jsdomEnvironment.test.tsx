/**
 * The indexed label lookups of tests/setup/jsdomEnvironment.ts answer what the HTML standard
 * says: every label's `control` and every form control's `labels`, compared with the standard's
 * definitions written out naively here, on hand-made trees changed every way a page changes
 * (ids, `for` and `type` set and removed, nodes moved and removed, fragments, shadow trees) and
 * on the task pane itself with every section open.
 */
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { renderPane } from "../taskpane/harness";

const LABELABLE = new Set(["button", "meter", "output", "progress", "select", "textarea"]);
const HTML_NS = "http://www.w3.org/1999/xhtml";

function labelable(e: Element): boolean {
  if (e.namespaceURI !== HTML_NS) return false;
  return LABELABLE.has(e.localName) || (e.localName === "input" && (e as HTMLInputElement).type !== "hidden");
}

/** Every element of the tree `root` is the root of, root included, in tree order. */
function elementsOf(root: Node): Element[] {
  const inside = [...(root as ParentNode).querySelectorAll("*")];
  return root instanceof Element ? [root, ...inside] : inside;
}

/** HTML's labeled control: `for` names the first element with that id in the label's tree; else the first labelable descendant. */
function standardControl(label: HTMLLabelElement): Element | null {
  if (label.hasAttribute("for")) {
    const id = label.getAttribute("for");
    if (id === "") return null;
    const first = elementsOf(label.getRootNode()).find((e) => e.getAttributeNS(null, "id") === id);
    return first && labelable(first) ? first : null;
  }
  return [...label.querySelectorAll("*")].find(labelable) ?? null;
}

/** Compares jsdom's answers with the standard's for every label and control under `root`; returns how many it compared. */
function expectStandardAnswers(root: Node): number {
  const elements = elementsOf(root);
  // HTML's labels of a control: the labels in its tree, in tree order, whose labeled control it is.
  const controls = new Map(elements.filter((e): e is HTMLLabelElement => e instanceof HTMLLabelElement).map((l) => [l, standardControl(l)]));
  const standardLabels = (control: Element) => [...controls].filter(([, c]) => c === control).map(([l]) => l);
  const mismatches: string[] = [];
  const describe = (e: Element | null) => (e ? `<${e.localName}${e.id ? `#${e.id}` : ""}>` : "null");
  for (const e of elements) {
    if (e instanceof HTMLLabelElement && e.control !== controls.get(e)) mismatches.push(`label "${e.textContent}": control ${describe(e.control)}, not ${describe(controls.get(e) ?? null)}`);
    if (labelable(e)) {
      const got = [...((e as HTMLInputElement).labels ?? [])];
      const want = standardLabels(e);
      if (got.length !== want.length || got.some((l, i) => l !== want[i])) mismatches.push(`${describe(e)}: labels ${got.map((l) => l.textContent).join("|")}, not ${want.map((l) => l.textContent).join("|")}`);
    }
  }
  expect(mismatches).toEqual([]);
  return elements.length;
}

afterEach(() => {
  document.body.innerHTML = "";
});

test("labels by `for` and by nesting, duplicate ids, empty and dangling `for`, hidden inputs, controls that are not labelable", () => {
  document.body.innerHTML = `
    <label for="a">A</label><input id="a">
    <label for="a">A again</label>
    <label>Nested <input id="b"><input id="b2"></label>
    <label for="b">For b, outside</label>
    <div id="dup">first dup is a div</div><input id="dup"><label for="dup">Dup</label>
    <input id="twice"><select id="twice"></select><label for="twice">Twice</label>
    <label for="">Empty for</label><label for="nowhere">Dangling</label>
    <label for="h">Hidden</label><input id="h" type="hidden">
    <label>Nested with for <input id="inner"></label>
    <label for="c">For c with a nested control <input id="inner2"></label><textarea id="c"></textarea>
    <svg><g id="g"></g></svg><label for="g">SVG</label>
    <button id="btn">Go</button><label for="btn">Button</label><meter id="m"></meter><label>M <meter></meter></label>
    <output id="o"></output><progress id="p"></progress><label for="o">O</label><label for="p">P</label>`;
  expect(expectStandardAnswers(document)).toBeGreaterThan(30);
  expect((document.getElementById("a") as HTMLInputElement).labels).toHaveLength(2);
  expect((document.querySelector("label[for=dup]") as HTMLLabelElement).control).toBeNull();
});

test("the answers follow every change: ids, `for` and `type` changed, nodes moved, added and removed", () => {
  document.body.innerHTML = `<label for="x">X</label><input id="x"><input id="y"><label id="l2">Two <input id="z"></label>`;
  const [x, y, z] = ["x", "y", "z"].map((id) => document.getElementById(id) as HTMLInputElement);
  const label = document.querySelector("label") as HTMLLabelElement;
  const list = x.labels;
  expect(x.labels).toBe(list); // the same live list each time, as jsdom's own
  const steps: Array<() => void> = [
    () => y.setAttribute("id", "x"), // a second x, after the first
    () => document.body.insertBefore(y, x), // now y is the first x
    () => x.removeAttribute("id"),
    () => label.setAttribute("for", "z"),
    () => label.removeAttribute("for"), // no control: nothing nested
    () => label.appendChild(x), // now x is nested in it
    () => (x.type = "hidden"), // not labelable: the label's control is nothing
    () => x.setAttribute("type", "text"),
    () => z.remove(),
    () => document.getElementById("l2")!.appendChild(z),
    () => (document.body.innerHTML += `<label for="w">W</label><input id="w">`),
    () => document.getElementById("l2")!.remove(),
  ];
  for (const step of steps) {
    step();
    expectStandardAnswers(document);
  }
  expect(list!.length).toBe(x.labels!.length); // live: it follows the changes
});

test("trees that are not the document: a detached element, a fragment, a shadow root", () => {
  const detached = document.createElement("div");
  detached.innerHTML = `<label for="d">D</label><input id="d"><input id="d">`;
  expectStandardAnswers(detached);
  const fragment = (html: string) => {
    const f = document.createDocumentFragment();
    f.append(...new DOMParser().parseFromString(html, "text/html").body.childNodes);
    return f;
  };
  expectStandardAnswers(fragment(`<label for="e">E</label><select id="e"></select>`));
  // (jsdom's `labels` list keeps reading the tree it was first asked in, against the standard; so does the index.)
  document.body.append(fragment(`<label for="f">F</label><select id="f"></select>`));
  expectStandardAnswers(document);
  const host = document.createElement("div");
  document.body.append(host);
  const shadow = host.attachShadow({ mode: "open" });
  shadow.innerHTML = `<label for="s">S</label><input id="s"><label for="f">Not the document's f</label>`;
  expectStandardAnswers(shadow);
  expect((shadow.querySelector("label[for=f]") as HTMLLabelElement).control).toBeNull();
});

test("on the task pane with every section open, each label's control and each control's labels are the standard's", async () => {
  renderPane();
  await waitFor(() => screen.getByRole("heading", { level: 2, name: "Functions" }), { timeout: 10_000 });
  for (const toggle of document.querySelectorAll<HTMLButtonElement>("h2 button[aria-expanded=false]")) act(() => void fireEvent.click(toggle));
  await waitFor(() => expect(document.querySelectorAll("h2 button[aria-expanded=false]")).toHaveLength(0), { timeout: 10_000 });
  expect(document.querySelectorAll("label").length).toBeGreaterThan(20);
  expect(expectStandardAnswers(document)).toBeGreaterThan(1000);
});
