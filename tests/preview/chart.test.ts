/**
 * The preview's SVG charts (src/preview/chart.ts): values become coordinates on the axes, gaps
 * stay gaps (never NaN), and the charts the pane builds are drawn with one series per plan
 * series and one point per category.
 */
import { buildSheets } from "../../src/excel/apply";
import { EMPTY_REGISTRY } from "../../src/excel/registry";
import { ChartData, axisTicks, chartData, chartSvg, rangeCells, shortNumber } from "../../src/preview/chart";
import { Evaluator, bookOf } from "../../src/preview/formula";
import { ExcelDouble } from "../support/excelDouble";
import { plan, scenario } from "../support/plan";

const SIZE = { width: 400, height: 300 };

/** The numbers of every attribute named `attr` in the elements `tag` of one series. */
function attrs(svg: string, series: string, tag: string, attr: string): number[] {
  const g = new RegExp(`<g class="series" data-series="${series}"[^>]*>(.*?)</g>`).exec(svg)?.[1] ?? "";
  return [...g.matchAll(new RegExp(`<${tag} [^>]*?${attr}="([^"]+)"`, "g"))].map((m) => Number(m[1]));
}

describe("chartSvg", () => {
  const columns: ChartData = { type: "ColumnClustered", title: "Revenue", categories: [2026, 2027, 2028], series: [{ name: "base", values: [100, 200, 400] }] };

  test("column heights are proportional to the values and share one baseline", () => {
    const svg = chartSvg(columns, SIZE);
    const heights = attrs(svg, "base", "rect", "height");
    expect(heights).toHaveLength(3);
    expect(heights[1] / heights[0]).toBeCloseTo(2, 1);
    expect(heights[2] / heights[0]).toBeCloseTo(4, 1);
    const ys = attrs(svg, "base", "rect", "y");
    ys.forEach((y, i) => expect(y + heights[i]).toBeCloseTo(ys[0] + heights[0], 1));
    expect(svg).toContain(">Revenue</text>");
    expect(svg).toContain(">2027</text>");
  });

  test("an error, a text or an empty value is a gap: no bar, a broken line, never NaN", () => {
    const gappy: ChartData = { ...columns, series: [{ name: "base", values: [100, null, 300] }] };
    const svg = chartSvg(gappy, SIZE);
    expect(attrs(svg, "base", "rect", "height")).toHaveLength(2);
    const line = chartSvg({ ...gappy, type: "Line" }, SIZE);
    const d = /<path d="([^"]+)"/.exec(line)?.[1] ?? "";
    expect(d.match(/M/g)).toHaveLength(2);
    expect(d.match(/L/g)).toBeNull();
    for (const s of [svg, line, chartSvg({ ...gappy, type: "XYScatter" }, SIZE), chartSvg({ ...gappy, type: "BarClustered" }, SIZE)]) expect(s).not.toMatch(/NaN|Infinity|undefined/);
    // No number at all still draws axes, not NaN.
    expect(chartSvg({ ...columns, series: [{ name: "base", values: [null, null, null] }] }, SIZE)).not.toMatch(/NaN|Infinity/);
  });

  test("bars run horizontally, negative values go below the zero line, scatter points sit at their x", () => {
    const bars = chartSvg({ ...columns, type: "BarClustered" }, SIZE);
    const widths = attrs(bars, "base", "rect", "width");
    expect(widths[2] / widths[0]).toBeCloseTo(4, 1);
    const neg = chartSvg({ ...columns, series: [{ name: "base", values: [-100, 100, 0] }] }, SIZE);
    const [y0, y1] = attrs(neg, "base", "rect", "y");
    const [h0, h1] = attrs(neg, "base", "rect", "height");
    // The negative bar starts where the positive one ends: at zero.
    expect(y0).toBeCloseTo(y1 + h1, 1);
    expect(h0).toBeCloseTo(h1, 1);
    const scatter = chartSvg({ type: "XYScatter", title: "Peers", categories: [10, 20, 40], series: [{ name: "EV", values: [1, 2, 3] }] }, SIZE);
    const cx = attrs(scatter, "EV", "circle", "cx");
    expect((cx[2] - cx[0]) / (cx[1] - cx[0])).toBeCloseTo(3, 1);
  });

  test("titles and names are escaped; axis labels read as an analyst writes them", () => {
    expect(chartSvg({ ...columns, title: "A & <B>" }, SIZE)).toContain("A &amp; &lt;B&gt;");
    expect([shortNumber(10_200_000_000), shortNumber(350_000_000), shortNumber(20_000), shortNumber(0.25)]).toEqual(["10.2bn", "350m", "20k", "0.25"]);
    expect(axisTicks(3, 97)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(axisTicks(-5, 5)[0]).toBeLessThanOrEqual(-5);
  });

  test("rangeCells reads quoted sheet names and columns", () => {
    expect(rangeCells("'Mining vs HPC'!$B$2:$B$4")).toEqual({ sheet: "Mining vs HPC", cells: [{ row: 2, col: 2 }, { row: 3, col: 2 }, { row: 4, col: 2 }] });
    expect(() => rangeCells("A1:B1")).toThrow(/names no sheet/);
  });
});

describe("the charts the task pane builds, drawn from the double", () => {
  test("each chart has the plan's series, a point per category, and values equal to the evaluated cells", async () => {
    const x = new ExcelDouble();
    const scenarios = ["base", "bull", "bear"].map((n) => scenario(n));
    const r = await buildSheets(x.run, scenarios, EMPTY_REGISTRY, {});
    if (!r.ok) throw new Error(r.message);
    const ev = new Evaluator(bookOf(x));
    const read = (s: string, row: number, col: number) => ev.value(s, row, col);
    const plans = plan(scenarios).sheets.flatMap((s) => s.charts);
    const states = x.sheets.flatMap((s) => s.charts);
    expect(states.map((c) => c.name).sort()).toEqual(plans.map((c) => c.id).sort());
    for (const p of plans) {
      const data = chartData(states.find((c) => c.name === p.id)!, read);
      expect(data.series.map((s) => s.name)).toEqual(p.series.map((s) => s.name));
      expect(data.categories).toHaveLength(rangeCells(`'${p.categories.sheet}'!${p.categories.range}`).cells.length);
      for (const [i, s] of p.series.entries()) {
        const { cells } = rangeCells(`'${s.sheet}'!${s.range}`);
        const expected = cells.map((c) => ev.value(s.sheet, c.row, c.col)).map((v) => (typeof v === "number" ? v : null));
        expect(data.series[i].values).toEqual(expected);
        expect(expected.some((v) => v !== null)).toBe(true);
      }
      const svg = chartSvg(data);
      expect(svg).not.toMatch(/NaN|Infinity/);
      expect(svg.match(/<g class="series"/g)).toHaveLength(p.series.length);
    }
  });
});
