// Lint rules, including the house architecture: data flows one way and the imports show it
// (functions -> model; plan -> model; excel, xlsx -> plan; taskpane -> plan, excel, model;
// nothing imports taskpane or preview; the model imports nothing of ours outside itself).
import tseslint from "typescript-eslint";

const layer = (...names) => names.map((n) => ({ group: [`**/${n}`, `**/${n}/**`], message: `this layer may not import ${n}/ (see STYLE.md)` }));
const ui = [
  { group: ["react", "react-dom", "react-dom/*", "@fluentui/*"], message: "UI libraries belong to src/taskpane only" },
];

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
    files: ["src/model/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [...layer("functions", "plan", "excel", "xlsx", "taskpane", "preview"), ...ui, { group: ["exceljs"], message: "the model is pure" }] }],
      "no-restricted-properties": [
        "error",
        { object: "Date", property: "now", message: "the model is pure: pass dates in" },
        { object: "Math", property: "random", message: "the model is pure: use a seeded generator" },
      ],
      "no-restricted-syntax": ["error", { selector: "NewExpression[callee.name='Date']", message: "the model is pure: use dates.ts, not Date" }],
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
    files: ["src/excel/**/*.ts", "src/xlsx/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [...layer("functions", "taskpane", "preview"), ...ui] }],
    },
  },
  {
    files: ["src/taskpane/**/*.ts", "src/taskpane/**/*.tsx"],
    rules: {
      // preview/ is the no-Excel page around the pane: it must stay out of the pane's bundle.
      "no-restricted-imports": ["error", { patterns: layer("functions", "preview") }],
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
