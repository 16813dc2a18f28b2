/** Refused typing held by the pane: pure updates and the refusal that names every field. */
import { Draft, clearDraft, describeDraft, draftOf, draftRefusal, dropDrafts, putDraft, renameDrafts, shortReason } from "../../src/taskpane/drafts";

const t1: Draft = { scenario: "my case", key: "t1_mw", raw: "-5", reason: 't1_mw must be a number of MW from 0 to 5000, got "-5"' };
const rate: Draft = { scenario: "other", key: "discount_rate", raw: "abc", reason: 'discount_rate must be a rate from -0.5 to 1, got "abc"' };

test("a draft replaces the earlier one for the same field in place; clearing removes only that field", () => {
  const twice = putDraft(putDraft([t1, rate], { ...t1, raw: "-6" }), { ...rate, scenario: "my case" });
  expect(twice.map((d) => [d.scenario, d.key, d.raw])).toEqual([
    ["my case", "t1_mw", "-6"],
    ["other", "discount_rate", "abc"],
    ["my case", "discount_rate", "abc"],
  ]);
  expect(clearDraft(twice, "my case", "t1_mw").map((d) => `${d.scenario}/${d.key}`)).toEqual(["other/discount_rate", "my case/discount_rate"]);
  expect(draftOf(twice, "other", "discount_rate")).toBe(rate);
  expect(draftOf(twice, "other", "t1_mw")).toBeUndefined();
});

test("renaming a scenario moves its drafts; deleting it drops them; the inputs are not mutated", () => {
  const drafts = Object.freeze([t1, rate]) as readonly Draft[];
  expect(renameDrafts(drafts, "my case", "late sites").map((d) => d.scenario)).toEqual(["late sites", "other"]);
  expect(dropDrafts(drafts, "other")).toEqual([t1]);
  expect(drafts).toEqual([t1, rate]);
});

test("the refusal names scenario, label and key, the value typed and why, for one field and for several", () => {
  expect(shortReason(t1)).toBe("must be a number of MW from 0 to 5000");
  expect(describeDraft(t1)).toBe('"my case" · Tranche 1 (initial contracts): critical IT load (t1_mw) = "-5": must be a number of MW from 0 to 5000');
  expect(draftRefusal([])).toBeUndefined();
  expect(draftRefusal([t1])).toBe(
    'Build refused: 1 field is not valid — "my case" · Tranche 1 (initial contracts): critical IT load (t1_mw) = "-5": must be a number of MW from 0 to 5000. Correct it or press Escape in the field to take the typing back.',
  );
  expect(draftRefusal([t1, rate])).toMatch(
    /^Build refused: 2 fields are not valid — "my case" · Tranche 1 \(initial contracts\): critical IT load \(t1_mw\) = "-5": must be .*; "other" · Discount rate \(discount_rate\) = "abc": must be a rate .*\. Correct them or/,
  );
});

test("a reason in another shape is shown whole", () => {
  expect(shortReason({ ...t1, reason: "unknown assumption" })).toBe("unknown assumption");
});
