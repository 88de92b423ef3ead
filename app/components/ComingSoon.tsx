import { useTranslation } from "react-i18next";
import { sectionText, type WorkspaceSection } from "~/navigation";

/** What an unbuilt section shows: what it will do, and no made-up numbers. */
export function ComingSoon({ section }: { section: WorkspaceSection }) {
  const { t } = useTranslation();
  const text = sectionText(section.path);
  return (
    <>
      <h1>{t(text.label)}</h1>
      <div className="coming">
        <p>
          <strong>{t("comingSoon.title")}</strong> {t(text.summary)}
        </p>
        <p className="muted small">{t("comingSoon.body")}</p>
      </div>
    </>
  );
}
