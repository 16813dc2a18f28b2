/**
 * Draws a chart of the preview's workbook as SVG: the chart the Office.js adapter added to the
 * Excel double (type, title, series ranges; src/excel/ops.ts addChart from the plan's ChartPlan),
 * with the values the evaluator computes for those ranges. Clustered columns and bars, lines and
 * XY scatters, as the plan uses; a title, value and category axes with labels, and a legend.
 *
 * Pure: values in, SVG text out. A value that is not a number (an error, text, an empty cell)
 * is a gap: no bar, a break in the line, no point; never NaN in the drawing.
 */
import { parseCell, splitSheetRef } from "../plan/a1";
import type { ChartState } from "./excelDouble";
import { Scalar, XlError } from "./formula";

/** What a chart shows: category labels (an XY scatter's x values) and the series' values. */
export interface ChartData {
  readonly type: string;
  readonly title: string;
  readonly categories: readonly Scalar[];
  readonly series: readonly { readonly name: string; readonly values: readonly (number | null)[] }[];
}

/** Reads one cell's computed value: sheet name, 1-based row and column. */
export type CellReader = (sheet: string, row: number, col: number) => Scalar;

/** The cells of "Sheet!A1:C1" or "'My sheet'!A1:A5", in order (a row or a column). */
export function rangeCells(address: string): { sheet: string; cells: { row: number; col: number }[] } {
  const { sheet, range } = splitSheetRef(address);
  if (sheet === undefined) throw new Error(`a chart series range names no sheet: "${address}"`);
  const [a, b = a] = range.split(":");
  const p = parseCell(a);
  const q = parseCell(b);
  const cells: { row: number; col: number }[] = [];
  for (let r = Math.min(p.row, q.row); r <= Math.max(p.row, q.row); r++) for (let c = Math.min(p.col, q.col); c <= Math.max(p.col, q.col); c++) cells.push({ row: r, col: c });
  return { sheet, cells };
}

const asNumber = (v: Scalar): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** The chart's data, read through `read` from the ranges the chart state names. */
export function chartData(chart: ChartState, read: CellReader): ChartData {
  const values = (address: string | undefined): Scalar[] => {
    if (!address) return [];
    const { sheet, cells } = rangeCells(address);
    return cells.map((c) => read(sheet, c.row, c.col));
  };
  const categories = values(chart.series.find((s) => s.xValues)?.xValues);
  return {
    type: chart.type,
    title: chart.title ?? chart.name,
    categories,
    series: chart.series.map((s, i) => ({ name: s.name ?? `Series ${i + 1}`, values: values(s.values).map(asNumber) })),
  };
}

/** Office's default series colours. */
export const SERIES_COLOURS = ["#4472C4", "#ED7D31", "#A5A5A5", "#FFC000", "#5B9BD5", "#70AD47"];

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
/** A coordinate in the SVG: finite, two decimals. */
const n = (x: number) => (Number.isFinite(x) ? Math.round(x * 100) / 100 : 0);

/** About five round steps covering [lo, hi], with 0 inside when the data allow. */
export function axisTicks(lo: number, hi: number): number[] {
  let a = Math.min(lo, 0);
  let b = Math.max(hi, 0);
  if (a === b) b = a + 1;
  const raw = (b - a) / 5;
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  a = Math.floor(a / step) * step;
  b = Math.ceil(b / step) * step;
  const out: number[] = [];
  for (let t = a; t <= b + step / 2; t += step) out.push(Math.abs(t) < step / 1e6 ? 0 : Number(t.toPrecision(12)));
  return out;
}

/** An axis label an analyst reads at a glance: 1.2bn, 350m, 20k, 0.25. */
export function shortNumber(x: number): string {
  const a = Math.abs(x);
  const scaled = (d: number, unit: string) => `${Number((x / d).toPrecision(3))}${unit}`;
  if (a >= 1e9) return scaled(1e9, "bn");
  if (a >= 1e6) return scaled(1e6, "m");
  if (a >= 1e4) return scaled(1e3, "k");
  return String(Number(x.toPrecision(4)));
}

function categoryLabel(v: Scalar | undefined, i: number): string {
  if (v === null || v === undefined || v instanceof XlError) return String(i + 1);
  return typeof v === "number" ? shortNumber(v) : String(v);
}

export interface ChartSize {
  readonly width: number;
  readonly height: number;
}

/** How a chart draws its series: upright bars, lying bars, points, or a line through the points. */
type Kind = "column" | "bar" | "scatter" | "line";

/** The chart types drawn as other than a line. */
const KINDS: ReadonlyMap<string, Kind> = new Map([
  ["ColumnClustered", "column"],
  ["BarClustered", "bar"],
  ["XYScatter", "scatter"],
]);

/** The heights of the title and the legend, in pixels. */
const TITLE_H = 24;
const LEGEND_H = 20;

/** Where things go in a chart's SVG: the plot area, the axes' ticks, and the position of a value, a category and an x value. */
interface Frame {
  readonly kind: Kind;
  readonly plot: { readonly x: number; readonly y: number; readonly w: number; readonly h: number };
  /** The value axis's ticks. */
  readonly ticks: readonly number[];
  /** An XY scatter's x axis ticks (none for other charts). */
  readonly xTicks: readonly number[];
  /** The categories as numbers: an XY scatter's x values. */
  readonly xs: readonly (number | null)[];
  /** How many categories: the most values any series (or the categories) has. */
  readonly count: number;
  /** The room of one category along the category axis. */
  readonly slot: number;
  /** Where the value axis crosses: 0, or the end of the axis nearest it. */
  readonly zero: number;
  valuePos(v: number): number;
  catPos(i: number): number;
  xPos(x: number): number;
}

/** Axis ticks over the numbers `values` (0 to 1 when there are none). */
const ticksOver = (values: readonly number[]) => axisTicks(values.length ? Math.min(...values) : 0, values.length ? Math.max(...values) : 1);

function frameOf(data: ChartData, W: number, H: number): Frame {
  const kind = KINDS.get(data.type) ?? "line";
  const bar = kind === "bar";
  const count = Math.max(data.categories.length, ...data.series.map((s) => s.values.length), 0);
  const ticks = ticksOver(data.series.flatMap((s) => s.values).filter((v): v is number => v !== null));
  const lo = ticks[0];
  const hi = ticks[ticks.length - 1];
  const xs = data.categories.map(asNumber);
  const xTicks = kind === "scatter" ? ticksOver(xs.filter((v): v is number => v !== null)) : [];
  const left = bar ? 90 : 56;
  const plot = { x: left, y: TITLE_H + 4, w: W - left - 14, h: H - TITLE_H - LEGEND_H - 34 };
  // Value axis: vertical for columns, lines and scatters; horizontal for bars.
  const valuePos = (v: number) => (bar ? plot.x + ((v - lo) / (hi - lo)) * plot.w : plot.y + plot.h - ((v - lo) / (hi - lo)) * plot.h);
  const slot = (bar ? plot.h : plot.w) / Math.max(count, 1);
  return {
    kind,
    plot,
    ticks,
    xTicks,
    xs,
    count,
    slot,
    zero: n(valuePos(Math.min(Math.max(0, lo), hi))),
    valuePos,
    catPos: (i) => (bar ? plot.y + slot * (i + 0.5) : plot.x + slot * (i + 0.5)),
    xPos: (x) => plot.x + ((x - xTicks[0]) / (xTicks[xTicks.length - 1] - xTicks[0])) * plot.w,
  };
}

/** The value axis: a gridline and a label at each tick, and the line where it crosses zero. */
function valueAxis(f: Frame): string[] {
  const { plot, zero } = f;
  const bar = f.kind === "bar";
  const out: string[] = [];
  for (const t of f.ticks) {
    const p = n(f.valuePos(t));
    if (bar) {
      out.push(`<line x1="${p}" y1="${plot.y}" x2="${p}" y2="${plot.y + plot.h}" stroke="#e1e1e1"/>`);
      out.push(`<text x="${p}" y="${plot.y + plot.h + 14}" text-anchor="middle" font-size="10">${escape(shortNumber(t))}</text>`);
    } else {
      out.push(`<line x1="${plot.x}" y1="${p}" x2="${plot.x + plot.w}" y2="${p}" stroke="#e1e1e1"/>`);
      out.push(`<text x="${plot.x - 4}" y="${n(f.valuePos(t) + 3)}" text-anchor="end" font-size="10">${escape(shortNumber(t))}</text>`);
    }
  }
  out.push(bar ? `<line x1="${zero}" y1="${plot.y}" x2="${zero}" y2="${plot.y + plot.h}" stroke="#8a8a8a"/>` : `<line x1="${plot.x}" y1="${zero}" x2="${plot.x + plot.w}" y2="${zero}" stroke="#8a8a8a"/>`);
  return out;
}

/** The category axis's labels, as many as fit (an XY scatter's x axis is a value axis: its ticks). */
function categoryAxis(f: Frame, categories: readonly Scalar[]): string[] {
  const { plot } = f;
  const bar = f.kind === "bar";
  if (f.kind === "scatter") return f.xTicks.map((t) => `<text x="${n(f.xPos(t))}" y="${plot.y + plot.h + 14}" text-anchor="middle" font-size="10">${escape(shortNumber(t))}</text>`);
  const out: string[] = [];
  const every = Math.max(1, Math.ceil(f.count / (bar ? plot.h / 14 : plot.w / 40)));
  for (let i = 0; i < f.count; i += every) {
    const text = escape(categoryLabel(categories[i], i));
    out.push(bar ? `<text x="${plot.x - 4}" y="${n(f.catPos(i) + 3)}" text-anchor="end" font-size="10">${text}</text>` : `<text x="${n(f.catPos(i))}" y="${plot.y + plot.h + 14}" text-anchor="middle" font-size="10">${text}</text>`);
  }
  return out;
}

type SeriesData = ChartData["series"][number];

/** A series' bars, side by side with the other series' in each category (`si` of `k` series). */
function bars(f: Frame, s: SeriesData, si: number, k: number): string {
  const thick = (f.slot * 0.7) / k;
  return s.values
    .map((v, i) => {
      if (v === null) return "";
      const a = f.valuePos(v);
      const start = Math.min(a, f.zero);
      const len = Math.abs(a - f.zero);
      const off = f.catPos(i) - (f.slot * 0.7) / 2 + thick * si;
      return f.kind === "bar" ? `<rect x="${n(start)}" y="${n(off)}" width="${n(len)}" height="${n(thick)}"/>` : `<rect x="${n(off)}" y="${n(start)}" width="${n(thick)}" height="${n(len)}"/>`;
    })
    .join("");
}

/** A series' points at their x values; a point without both values is left out. */
function points(f: Frame, s: SeriesData): string {
  return s.values
    .map((v, i) => {
      const x = f.xs[i];
      return v === null || x === null || x === undefined ? "" : `<circle cx="${n(f.xPos(x))}" cy="${n(f.valuePos(v))}" r="3.5"/>`;
    })
    .join("");
}

/** A series' line: a gap breaks it into pieces; each point is also marked. */
function line(f: Frame, s: SeriesData, colour: string): string {
  let d = "";
  let pen = false;
  const marks: string[] = [];
  s.values.forEach((v, i) => {
    if (v === null) {
      pen = false;
      return;
    }
    d += `${pen ? "L" : "M"}${n(f.catPos(i))} ${n(f.valuePos(v))}`;
    pen = true;
    marks.push(`<circle cx="${n(f.catPos(i))}" cy="${n(f.valuePos(v))}" r="2.5"/>`);
  });
  return `${d ? `<path d="${d}" fill="none" stroke="${colour}" stroke-width="2"/>` : ""}${marks.join("")}`;
}

const colourOf = (si: number) => SERIES_COLOURS[si % SERIES_COLOURS.length];

/** The `si`th of `k` series, drawn as the chart's kind draws it. */
function seriesGroup(f: Frame, s: SeriesData, si: number, k: number): string {
  const colour = colourOf(si);
  const marks = f.kind === "column" || f.kind === "bar" ? bars(f, s, si, k) : f.kind === "scatter" ? points(f, s) : line(f, s, colour);
  return `<g class="series" data-series="${escape(s.name)}" fill="${colour}">${marks}</g>`;
}

/** A swatch and the name of each series, left to right along the bottom edge. */
function legend(series: ChartData["series"], H: number): string[] {
  let lx = 10;
  const ly = H - 8;
  return series.map((s, si) => {
    const item = `<rect x="${lx}" y="${ly - 9}" width="10" height="10" fill="${colourOf(si)}"/><text x="${lx + 14}" y="${ly}" font-size="11">${escape(s.name)}</text>`;
    lx += 24 + Math.min(s.name.length, 40) * 6;
    return item;
  });
}

/** The SVG of a chart, `size` in pixels. */
export function chartSvg(data: ChartData, size: ChartSize = { width: 480, height: 288 }): string {
  const { width: W, height: H } = size;
  const f = frameOf(data, W, H);
  const label = `${data.title}: ${f.kind} chart of ${data.series.map((s) => s.name).join(", ")}`;
  const k = Math.max(data.series.length, 1);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${escape(label)}">`,
    `<rect width="${W}" height="${H}" fill="#fff" stroke="#c8c8c8"/>`,
    `<text class="chart-title" x="${n(W / 2)}" y="18" text-anchor="middle" font-size="13" font-weight="600">${escape(data.title)}</text>`,
    ...valueAxis(f),
    ...categoryAxis(f, data.categories),
    ...data.series.map((s, si) => seriesGroup(f, s, si, k)),
    ...legend(data.series, H),
    "</svg>",
  ].join("");
}
