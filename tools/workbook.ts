/**
 * The no-Excel path: writes the scenario sheets the task pane builds to an .xlsx file that
 * Excel, LibreOffice or Google Sheets can open, all formulas live.
 *
 *   npm run workbook                       -> corz-hpc-model.xlsx with base, bull and bear
 *   npm run workbook -- out.xlsx base bear -> only those scenarios
 */
import { resolveScenario } from "../src/model/scenarios";
import { buildPlan } from "../src/plan/build";
import { writePlanXlsx } from "../src/xlsx/write";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const out = args[0]?.endsWith(".xlsx") ? args.shift()! : "corz-hpc-model.xlsx";
  const names = args.length > 0 ? args : ["base", "bull", "bear"];
  const scenarios = names.map((n) => {
    const r = resolveScenario(n);
    if (!r.ok) throw new Error(r.error.message);
    return { name: n, values: r.value.values };
  });
  const plan = buildPlan(scenarios);
  if (!plan.ok) throw new Error(plan.error.message);
  await writePlanXlsx(plan.value, out);
  console.log(`Wrote ${out}: ${plan.value.sheets.map((s) => s.name).join(", ")} for ${names.join(", ")}.`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
