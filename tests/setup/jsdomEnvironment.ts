/**
 * jest's jsdom environment, with jsdom's label lookups indexed: the same answers, in linear time.
 *
 * Testing Library's `getByLabelText` reads `labels` of every form control in the page. jsdom
 * (20) answers `labels` by walking the whole tree and asking every label for its `control`, and a
 * label with a `for` attribute walks the whole tree again to find that id: for each control, the
 * page's size times its number of labels. On the task pane (thousands of elements, a hundred
 * labelled fields, hundreds of buttons) that made one query take seconds and the pane's suites
 * minutes. Here one walk of the tree (again after every change to it) records the first element
 * of each id and each control's labels, and `control` and `labels` read that record. What they
 * answer is what jsdom's own walks answer (tests/setup/jsdomEnvironment.test.tsx compares them
 * with the HTML standard's definitions on trees built and changed every way the pane changes them).
 *
 * The record of a tree is keyed by its root's `_version`, which jsdom raises on the root for
 * every change below it (a node inserted or removed, an attribute set, changed or removed).
 */
import JSDOMEnvironment from "jest-environment-jsdom";

const living = "jsdom/lib/jsdom/living";
// The jsdom that jest-environment-jsdom runs on, not some other copy.
const jsdomPath = (module: string) => require.resolve(`${living}/${module}`, { paths: [require.resolve("jest-environment-jsdom")] });

/** jsdom's implementation objects, as far as used here. */
interface NodeImpl {
  readonly nodeType: number;
  readonly _version: number;
  readonly _globalObject: unknown;
  getAttributeNS(ns: null, name: string): string | null;
  hasAttributeNS(ns: null, name: string): boolean;
  getRootNode(options: object): NodeImpl;
  _labels?: unknown;
}

/** The parts of jsdom used here; required once jsdom has loaded (its modules require each other in a cycle). */
interface Jsdom {
  domSymbolTree: { treeIterator(root: NodeImpl): Iterable<NodeImpl> };
  isLabelable(node: NodeImpl): boolean;
  NodeList: { create(global: unknown, args: unknown[], data: { element: NodeImpl; query: () => NodeImpl[] }): unknown };
  LabelImpl: new () => NodeImpl;
}
let jsdom: Jsdom;
const ELEMENT_NODE = 1;

/** What one walk of a tree found: the first element with each id, and each control's labels in tree order. */
interface LabelRecord {
  readonly version: number;
  readonly firstById: Map<string, NodeImpl>;
  readonly labelsOf: Map<NodeImpl, NodeImpl[]>;
}

const records = new WeakMap<NodeImpl, LabelRecord>();
let originalControl: () => NodeImpl | null;

/** The record of the tree under `root`, made again when the tree changed since the last one. */
function labelRecord(root: NodeImpl): LabelRecord {
  const known = records.get(root);
  if (known && known.version === root._version) return known;
  const record: LabelRecord = { version: root._version, firstById: new Map(), labelsOf: new Map() };
  const labels: NodeImpl[] = [];
  for (const node of jsdom.domSymbolTree.treeIterator(root)) {
    if (node.nodeType !== ELEMENT_NODE) continue;
    const id = node.getAttributeNS(null, "id");
    if (id !== null && !record.firstById.has(id)) record.firstById.set(id, node);
    if (node instanceof jsdom.LabelImpl) labels.push(node);
  }
  // Kept before the labels' controls are asked for: `control` reads this record.
  records.set(root, record);
  for (const label of labels) {
    const control = (label as unknown as { control: NodeImpl | null }).control;
    if (control) record.labelsOf.set(control, [...(record.labelsOf.get(control) ?? []), label]);
  }
  return record;
}

/**
 * A label's control (HTML: the first element in tree order, in the label's tree, whose id is
 * the `for` attribute, if it is labelable; without `for`, its first labelable descendant).
 */
function control(this: NodeImpl): NodeImpl | null {
  if (!this.hasAttributeNS(null, "for")) return originalControl.call(this);
  const id = this.getAttributeNS(null, "for")!;
  if (id === "") return null;
  const element = labelRecord(this.getRootNode({})).firstById.get(id);
  return element !== undefined && jsdom.isLabelable(element) ? element : null;
}

/** A control's labels: a live list, made once per element as jsdom makes it, of the labels whose control it is. */
function labels(this: NodeImpl): unknown {
  if (!jsdom.isLabelable(this)) return null;
  if (!this._labels) {
    const root = this.getRootNode({});
    this._labels = jsdom.NodeList.create(root._globalObject, [], { element: root, query: () => [...(labelRecord(root).labelsOf.get(this) ?? [])] });
  }
  return this._labels;
}

/** Puts the indexed `control` and `labels` in place of jsdom's, once per process. */
function indexLabelLookups(): void {
  if (jsdom) return;
  const impl = (module: string) => (require(jsdomPath(`nodes/${module}-impl.js`)) as { implementation: { prototype: object } }).implementation;
  jsdom = {
    domSymbolTree: require(jsdomPath("helpers/internal-constants.js")).domSymbolTree,
    isLabelable: require(jsdomPath("helpers/form-controls.js")).isLabelable,
    NodeList: require(jsdomPath("generated/NodeList.js")),
    LabelImpl: impl("HTMLLabelElement") as unknown as new () => NodeImpl,
  };
  originalControl = Object.getOwnPropertyDescriptor(jsdom.LabelImpl.prototype, "control")!.get!;
  Object.defineProperty(jsdom.LabelImpl.prototype, "control", { get: control, configurable: true });
  for (const name of ["Button", "Input", "Meter", "Output", "Progress", "Select", "TextArea"]) {
    Object.defineProperty(impl(`HTML${name}Element`).prototype, "labels", { get: labels, configurable: true });
  }
}

export default class IndexedLabelsEnvironment extends JSDOMEnvironment {
  constructor(...args: ConstructorParameters<typeof JSDOMEnvironment>) {
    super(...args);
    indexLabelLookups();
  }
}
