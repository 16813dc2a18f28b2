/**
 * The scenarios the task pane saves, as pure data and pure updates: the model's built-in cases
 * (base, seed, bull, bear: whatever src/model/scenarios.ts lists) plus the user's own (create,
 * duplicate, rename, delete), each user scenario a set of assumption overrides on a built-in
 * case, the scenarios to build and the Peers sheet's choices. In the model, so that the pane,
 * the preview page and the plan (for the command line) may import it, and the pane's first chunk
 * stays free of the plan. One idea a file: state.ts (the shape, version and defaults),
 * userScenarios.ts, peerChoices.ts and saved.ts (reading and writing it). The pane saves this
 * state in the workbook as JSON (serialisePaneState); `npm run workbook -- --scenario-file` reads the same
 * JSON (parseScenarioFile). A payload of the previous format version is migrated; a corrupt or
 * unknown one gives the pane the defaults with a warning (parsePaneState) and the command a
 * refusal with its reason (parseScenarioFile).
 */
export * from "./state";
export * from "./peerChoices";
export * from "./userScenarios";
export * from "./saved";
