import { useTranslation } from "react-i18next";

const tones: Record<string, string> = {
  succeeded: "ok",
  failed: "bad",
  dead: "bad",
  importing: "busy",
  running: "busy",
  queued: "busy",
  uploaded: "idle",
};

/** A status word in the UI language; a status without a catalogue entry as it is. */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <span className={`badge status-${tones[status] ?? "idle"}`}>
      {t(`status.${status}`, { defaultValue: status })}
    </span>
  );
}
