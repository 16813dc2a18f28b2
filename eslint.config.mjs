// Lint rules, including the house architecture: data flows one way and the imports show it
// (functions -> model; plan -> model; excel, xlsx -> plan; taskpane -> plan, excel, model;
// nothing imports taskpane or preview; the model imports nothing of ours outside itself;
// exceljs stays out of the pane; only src/excel calls Excel.run).
import tseslint from "typescript-eslint";

const layer = (...names) => names.map((n) => ({ group: [`**/${n}`, `**/${n}/**`], message: `this layer may not import ${n}/ (see STYLE.md)` }));
const ui = [
  { group: ["react", "react-dom", "react-dom/*", "@fluentui/*"], message: "UI libraries belong to src/taskpane only" },
];
const exceljs = { group: ["exceljs", "exceljs/*"], message: "exceljs belongs to src/xlsx (and the preview's export): it must stay out of this bundle" };
// `Excel.run` (called or passed on) outside the Office.js adapter: the pane goes through src/excel/gateway.ts.
// A member named `run` that is not Excel's (the preview's double defines one) is not matched.
const excelRun = {
  selector: "MemberExpression[property.name='run'][object.name='Excel'], MemberExpression[property.name='run'][object.property.name='Excel']",
  message: "only src/excel calls Excel.run: use the gateway (src/excel/gateway.ts)",
};
const modelClock = { selector: "NewExpression[callee.name='Date']", message: "the model is pure: use dates.ts, not Date" };

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "dist-tsc/**"] },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.tsx"],
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      eqeqeq: ["error", "always"],
      "no-console": ["error", { allow: ["warn", "error"] }],
    },
  },
  {
    files: ["src/**/*.ts", "src/**/*.tsx"],
    ignores: ["src/excel/**"],
    rules: { "no-restricted-syntax": ["error", excelRun] },
  },
  {
    files: ["src/model/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [...layer("functions", "plan", "excel", "xlsx", "taskpane", "preview"), ...ui, { group: ["exceljs"], message: "the model is pure" }] }],
      "no-restricted-properties": [
        "error",
        { object: "Date", property: "now", message: "the model is pure: pass dates in" },
        { object: "Math", property: "random", message: "the model is pure: use a seeded generator" },
      ],
      "no-restricted-syntax": ["error", modelClock, excelRun],
      "no-restricted-globals": ["error", "Office", "Excel", "CustomFunctions", "window", "document"],
    },
  },
  {
    files: ["src/functions/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [...layer("plan", "excel", "xlsx", "taskpane", "preview"), ...ui] }],
      // The metadata generator reads `any` as Excel's "any" type: the wrappers coerce it themselves.
      "@typescript-eslint/no-explicit-any": "off",
    },
  },
  {
    files: ["src/plan/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [...layer("functions", "excel", "xlsx", "taskpane", "preview"), ...ui] }],
      "no-restricted-globals": ["error", "Office", "Excel", "window", "document"],
    },
  },
  {
    // The adapters know the plan, not the model: what an input cell accepts, the plan declares.
    files: ["src/excel/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [...layer("functions", "model", "xlsx", "taskpane", "preview"), ...ui, exceljs] }],
    },
  },
  {
    files: ["src/xlsx/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [...layer("functions", "model", "excel", "taskpane", "preview"), ...ui] }],
    },
  },
  {
    files: ["src/taskpane/**/*.ts", "src/taskpane/**/*.tsx"],
    rules: {
      // preview/ is the no-Excel page around the pane, xlsx/ the exceljs adapter: both stay out of the pane's bundle.
      "no-restricted-imports": ["error", { patterns: [...layer("functions", "preview", "xlsx"), exceljs] }],
    },
  },
  {
    // The preview page: the Office/Excel double and the workbook view around the real task pane.
    files: ["src/preview/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [...layer("functions", "taskpane", "xlsx"), ...ui] }],
      // The Excel double mirrors Office.js's loosely typed objects with setter objects that close over their owner.
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-this-alias": "off",
    },
  },
  {
    files: ["tests/**/*.ts", "tests/**/*.tsx"],
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-require-imports": "off",
      // The Excel double uses setter objects that close over their owner.
      "@typescript-eslint/no-this-alias": "off",
    },
  },
  {
    files: ["tools/**/*.ts"],
    rules: { "no-console": "off" },
  },
  {
    files: ["**/*.js", "**/*.mjs", "**/*.cjs"],
    languageOptions: { globals: { require: "readonly", module: "writable", process: "readonly", __dirname: "readonly", console: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off", "no-console": "off" },
  },
);
