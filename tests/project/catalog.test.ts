/**
 * src/taskpane/catalog.ts is the task pane's copy of the function list; it must say exactly what
 * the metadata generator (the one the build runs) reads from the JSDoc in functions.ts.
 * When this fails, run `npm run docs`.
 */
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { FUNCTIONS } from "../../src/taskpane/catalog";

const { FUNCTION_FILES } = require("../../tools/function-files.cjs") as { FUNCTION_FILES: string[] };

interface MetadataParameter {
  name: string;
  description?: string;
  optional?: boolean;
}
interface MetadataFunction {
  id: string;
  description?: string;
  parameters: MetadataParameter[];
}

let generated: { errors: string[]; functions: MetadataFunction[] };

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(FUNCTION_FILES, true);
  generated = { errors: result.errors, functions: result.errors.length ? [] : JSON.parse(result.metadataJson).functions };
});

test("the metadata generator reads functions.ts without errors", () => {
  expect(generated.errors).toEqual([]);
  expect(generated.functions.length).toBeGreaterThan(0);
});

test("catalog.ts lists the same functions, in the same order", () => {
  expect(FUNCTIONS.map((f) => f.id)).toEqual(generated.functions.map((f) => f.id));
});

test("catalog.ts has the JSDoc's descriptions, parameter names, parameter descriptions and optionality", () => {
  const fromMetadata = generated.functions.map((f) => ({
    id: f.id,
    description: f.description ?? "",
    parameters: f.parameters.map((p) => ({ name: p.name, description: p.description ?? "", optional: p.optional === true })),
  }));
  expect(FUNCTIONS).toEqual(fromMetadata);
});
