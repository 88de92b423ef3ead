import { useState } from "react";

/** A new link shown once, selectable, with a button that copies it to the clipboard. */
export function CopyLink({ url }: { url: string }) {
  const [copied, setCopied] = useState<"no" | "yes" | "failed">("no");
  return (
    <div className="card" role="status">
      <p>
        <strong>Copy this link now.</strong> It is shown only once; Channelscope keeps only a
        fingerprint of it.
      </p>
      <div className="row">
        <input
          type="text"
          readOnly
          value={url}
          aria-label="Share link"
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
          Copy link
        </button>
        <span className="muted small" aria-live="polite">
          {copied === "yes" ? "Copied." : copied === "failed" ? "Select the link and copy it." : ""}
        </span>
      </div>
    </div>
  );
}
