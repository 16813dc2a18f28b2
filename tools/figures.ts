/**
 * Prints the headline figures of each built-in scenario: `npm run figures`.
 * Base is the contracts on the public record (five tranches, 572 MW, $10.2B, 82.5% margin); the
 * seed scenario reproduces the brief: $8.7B over 12 years, $725M a year, 75-80% margin, 500 MW of
 * tranches to CoreWeave, 570 MW of HPC contracted (with the capacity reallocated for CoreWeave).
 * Every scenario compares the 1 GW by 2027 target with MW contracted and energised; pipeline shown apart.
 */
import { capacityEndOfYear } from "../src/model/capacity";
import { BUILT_IN_SCENARIOS } from "../src/model/scenarios";
import { fromExcelSerial, toIso } from "../src/model/dates";
import { dealNpv, runScenario } from "../src/model/scenarioModel";

function isoOf(serial: number): string {
  const d = fromExcelSerial(serial);
  return d.ok ? toIso(d.value) : String(serial);
}

const usdM = (x: number, digits = 1) =>
  `$${(x / 1e6).toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits })}M`;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

for (const def of BUILT_IN_SCENARIOS) {
  const r = runScenario(def.name);
  if (!r.ok) {
    console.log(`${def.name}: ${r.error.message}`);
    continue;
  }
  const m = r.value;
  const a = m.scenario.values;
  const npv = dealNpv(m, a.discount_rate);
  const contracted = capacityEndOfYear(m.capacityLines, a.target_year, "contracted");
  const energised = capacityEndOfYear(m.capacityLines, a.target_year);
  process.stdout.write(
    [
      `== ${def.name}: ${def.description}`,
      `  TCV (initial term)         ${usdM(m.tcv)}   TCV incl. options ${usdM(m.tcvInclOptions)}`,
      `  contract years             ${m.contractYears.length} (sum ${usdM(m.contractYears.reduce((s, c) => s + c.revenue, 0))})`,
      `  average annual revenue     ${usdM(m.averageAnnualRevenue)}`,
      `  price per MW-year          ${usdM(m.pricePerMwYear, 3)}`,
      `  licence-fee gross margin   ${pct(m.licenceMargin)}   reported (pass-through power, whole term) ${pct(m.reportedMarginTerm)}`,
      `  MW to CoreWeave            ${m.contractedMw}`,
      `  HPC MW contracted          ${m.contractedHpcMw}   pipeline (not contracted, gross) ${m.pipelineMw}`,
      `  HPC MW end-${a.target_year}            contracted ${contracted}, energised ${energised} (target ${a.target_mw}: gap ${contracted - a.target_mw} / ${energised - a.target_mw})`,
      `  NPV of gross profit @ ${pct(a.discount_rate)}  ${npv.ok ? usdM(npv.value) : npv.error.message} (as of ${isoOf(a.valuation_date)})`,
      `  revenue by year            ${m.years.map((y) => `${y.year} ${usdM(y.revenue)}`).join(", ")}`,
      "",
    ].join("\n"),
  );
}
