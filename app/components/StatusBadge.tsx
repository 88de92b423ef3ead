const tones: Record<string, string> = {
  succeeded: "ok",
  failed: "bad",
  dead: "bad",
  importing: "busy",
  running: "busy",
  queued: "busy",
  uploaded: "idle",
};

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge status-${tones[status] ?? "idle"}`}>{status}</span>;
}
