/**
 * What the charts write: tooltips, label colours and the room labels need. Pure, so each
 * decision is tested on its own (tests/unit/charts/chart-text.test.ts) and the components
 * only draw what these return.
 *
 * A tooltip reads like a table row: the point in words as its title ("Apr 2025",
 * "Champions × E-mail") and one line per series with the figure formatted as the tables
 * format it ("Revenue: ₺11,861.50"), never the raw float nivo would show ("8135.83333333",
 * "x: 6, y: 11,861.5").
 */
import { formatPlain } from "~/format";

export interface TooltipText {
  title: string;
  lines: string[];
}

/** "Revenue: ₺11,861.50"; a value without a name is the figure alone. */
export function namedValue(name: string | null | undefined, value: string): string {
  return name ? `${name}: ${value}` : value;
}

/** The default figure of a tooltip: grouped, at most two decimals ("8,135.83"). */
export const plainFigure = (value: number) => formatPlain(value);

const asNumber = (value: number | string | null | undefined): number | null =>
  value === null || value === undefined || value === "" || !Number.isFinite(Number(value))
    ? null
    : Number(value);

/**
 * A time series slice: the day (or period start) as the title, then each series' figure.
 * A series without a figure on that day says so with a dash, as the tables do.
 */
export function lineSliceText(
  day: string,
  rows: readonly { series: string; value: number | string | null }[],
  formatValue: (value: number) => string,
  formatDayText: (isoDay: string) => string,
): TooltipText {
  return {
    title: formatDayText(day),
    lines: rows.map((row) => {
      const value = asNumber(row.value);
      return namedValue(row.series, value === null ? "—" : formatValue(value));
    }),
  };
}

/**
 * One bar: its category as the title and its series' figure. A chart of one series names the
 * figure by `valueName` (e.g. "Share of visits") when it has one; otherwise by the series.
 */
export function barText(bar: {
  category: string;
  series: string;
  value: number | null;
  formatValue: (value: number) => string;
  valueName?: string | null;
  singleSeries: boolean;
}): TooltipText {
  const figure = bar.value === null ? "—" : bar.formatValue(bar.value);
  const name = bar.singleSeries ? (bar.valueName ?? null) : bar.series;
  return { title: bar.category, lines: [namedValue(name, figure)] };
}

/** One heat-map cell: "Champions × E-mail" and its figure ("0.82"), or a dash when empty. */
export function heatCellText(cell: {
  row: string;
  column: string;
  value: number | null;
  formatValue: (value: number) => string;
  valueName?: string | null;
}): TooltipText {
  const figure = cell.value === null ? "—" : cell.formatValue(cell.value);
  return { title: `${cell.row} × ${cell.column}`, lines: [namedValue(cell.valueName, figure)] };
}

/**
 * A point on a plane (a scatter dot or a curve's point): its group as the title, then the
 * point's own words when it has them (a customer and their figures), then each axis by its
 * name, as the chart's figures table writes them. Without a
 * group (a chart of one curve) the x figure is the title: "k: 4", then "Inertia: 1,234.5".
 */
export function planePointText(point: {
  series: string | null;
  label?: string | null;
  x: number;
  y: number;
  xName?: string | null;
  yName?: string | null;
  formatX: (value: number) => string;
  formatY: (value: number) => string;
}): TooltipText {
  const x = namedValue(point.xName, point.formatX(point.x));
  const y = namedValue(point.yName, point.formatY(point.y));
  if (point.series === null) return { title: x, lines: [point.label ?? y] };
  if (point.label) return { title: point.series, lines: [point.label, x, y] };
  return { title: point.series, lines: [x, y] };
}

/** Parses "#1f4e8c", "#abc" or "rgb(31, 78, 140)" (what d3 colour scales return). */
export function parseColour(colour: string): [number, number, number] | null {
  const text = colour.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(text);
  if (hex?.[1]) {
    const digits = hex[1].length === 3 ? [...hex[1]].map((d) => d + d).join("") : hex[1];
    return [0, 2, 4].map((i) => Number.parseInt(digits.slice(i, i + 2), 16)) as [
      number,
      number,
      number,
    ];
  }
  const rgb = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/.exec(text);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  return null;
}

/** WCAG 2 relative luminance of an sRGB colour, 0 (black) to 1 (white). */
export function relativeLuminance([r, g, b]: readonly [number, number, number]): number {
  const channel = (value: number) => {
    const s = value / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export const DARK_TEXT = "#1b2430";
export const LIGHT_TEXT = "#ffffff";

/**
 * The text colour with the higher contrast on a cell: white on dark blues, ink on pale ones.
 * (Darkening the cell's own colour, nivo's default, puts navy text on navy cells.)
 */
export function textColourOn(background: string): string {
  const rgb = parseColour(background);
  if (!rgb) return DARK_TEXT;
  const cell = relativeLuminance(rgb);
  const ink = relativeLuminance(parseColour(DARK_TEXT) as [number, number, number]);
  const contrastWithInk = (cell + 0.05) / (ink + 0.05);
  const contrastWithWhite = 1.05 / (cell + 0.05);
  return contrastWithWhite > contrastWithInk ? LIGHT_TEXT : DARK_TEXT;
}

/** Average advance of a character of the UI font, as a share of its size (measured ~0.55–0.6). */
const CHARACTER_WIDTH = 0.6;

/** How wide the longest label is drawn, in pixels, at `fontSize`. */
export function labelWidth(labels: readonly string[], fontSize = 11): number {
  const longest = labels.reduce((most, label) => Math.max(most, [...label].length), 0);
  return Math.ceil(longest * fontSize * CHARACTER_WIDTH);
}

/**
 * The margin that fits the longest row label beside the axis (tick and padding included),
 * between `min` and `max`; past `max` the label is shortened by truncateLabel.
 */
export function marginForLabels(
  labels: readonly string[],
  { fontSize = 11, min = 40, max = 260 }: { fontSize?: number; min?: number; max?: number } = {},
): number {
  const tickAndPadding = 14;
  return Math.min(max, Math.max(min, labelWidth(labels, fontSize) + tickAndPadding));
}

/** The height rotated tick labels take under the axis: width × sin(angle), plus the tick. */
export function marginForRotatedLabels(
  labels: readonly string[],
  degrees: number,
  { fontSize = 11, min = 30, max = 160 }: { fontSize?: number; min?: number; max?: number } = {},
): number {
  const sin = Math.abs(Math.sin((degrees * Math.PI) / 180));
  const height = labelWidth(labels, fontSize) * sin + fontSize + 12;
  return Math.min(max, Math.max(min, Math.ceil(height)));
}

/** The legend's width: its symbol, a gap and the longest series name. */
export function legendWidth(names: readonly string[], fontSize = 12): number {
  const symbolAndGap = 26;
  return labelWidth(names, fontSize) + symbolAndGap;
}

/** A label cut to fit `maxPixels` with an ellipsis ("Potential loyal…"); whole if it fits. */
export function truncateLabel(label: string, maxPixels: number, fontSize = 11): string {
  const fits = Math.floor(maxPixels / (fontSize * CHARACTER_WIDTH));
  const characters = [...label];
  if (characters.length <= fits) return label;
  return `${characters.slice(0, Math.max(1, fits - 1)).join("")}…`;
}
