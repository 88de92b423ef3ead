import { useState } from "react";
import { useTranslation } from "react-i18next";

/** A new link shown once, selectable, with a button that copies it to the clipboard. */
export function CopyLink({ url }: { url: string }) {
  const [copied, setCopied] = useState<"no" | "yes" | "failed">("no");
  const { t } = useTranslation("sharing");
  return (
    <div className="card" role="status">
      <p>
        <strong>{t("copy.now")}</strong> {t("copy.onlyOnce")}
      </p>
      <div className="row">
        <input
          type="text"
          readOnly
          value={url}
          aria-label={t("copy.label")}
          onFocus={(event) => event.currentTarget.select()}
          style={{ flex: 1, minWidth: "20rem" }}
        />
        <button
          type="button"
          onClick={() => {
            navigator.clipboard?.writeText(url).then(
              () => setCopied("yes"),
              () => setCopied("failed"),
            ) ?? setCopied("failed");
          }}
        >
          {t("copy.button")}
        </button>
        <span className="muted small" aria-live="polite">
          {copied === "yes" ? t("copy.copied") : copied === "failed" ? t("copy.failed") : ""}
        </span>
      </div>
    </div>
  );
}
