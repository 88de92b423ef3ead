/** One look for every chart: the app's font and ink, quiet grid lines. */
export const chartTheme = {
  text: { fontSize: 12, fill: "#1b2430" },
  axis: {
    ticks: { text: { fontSize: 11, fill: "#5b6675" } },
    legend: { text: { fontSize: 12, fill: "#1b2430", fontWeight: 600 } },
  },
  grid: { line: { stroke: "#e6eaf0" } },
  tooltip: { container: { fontSize: 13, borderRadius: 6 } },
};

/** Colour-blind-safe categorical palette (Okabe–Ito, reordered for contrast). */
export const categoricalColors = [
  "#1f4e8c",
  "#e69f00",
  "#009e73",
  "#cc79a7",
  "#56b4e9",
  "#d55e00",
  "#f0e442",
  "#000000",
  "#7f7f7f",
  "#8c564b",
  "#17becf",
];
