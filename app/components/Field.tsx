import type { InputHTMLAttributes } from "react";
import { useMessage } from "~/i18n/message";

/**
 * A labelled input with its validation message wired up for screen readers. The message is
 * a catalogue key (~/i18n/message), translated here.
 */
export function Field({
  label,
  name,
  error,
  ...input
}: { label: string; name: string; error?: string } & InputHTMLAttributes<HTMLInputElement>) {
  const translate = useMessage();
  const errorId = `${name}-error`;
  return (
    <label>
      {label}
      <input
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        {...input}
      />
      {error ? (
        <span className="field-error" id={errorId}>
          {translate(error)}
        </span>
      ) : null}
    </label>
  );
}
