import type { WorkspaceSection } from "~/navigation";

/** What an unbuilt section shows: what it will do, and no made-up numbers. */
export function ComingSoon({ section }: { section: WorkspaceSection }) {
  return (
    <>
      <h1>{section.label}</h1>
      <div className="coming">
        <p>
          <strong>Coming soon.</strong> {section.summary}
        </p>
        <p className="muted small">This page is not built yet, so it shows no figures.</p>
      </div>
    </>
  );
}
