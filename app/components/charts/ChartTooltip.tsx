import type { TooltipText } from "./chart-text";

/** Every chart's tooltip: the point in words, then one figure per line (see chart-text.ts). */
export function ChartTooltip({ text }: { text: TooltipText }) {
  return (
    <div className="card small chart-tooltip" role="status" data-testid="chart-tooltip">
      <strong>{text.title}</strong>
      {text.lines.map((line) => (
        <div key={line}>{line}</div>
      ))}
    </div>
  );
}
