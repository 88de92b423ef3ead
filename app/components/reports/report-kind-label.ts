/**
 * Report kinds are stored as ids ("campaign-roi"); their English names (reportKindLabels)
 * stay for e-mails and default titles. Pages show a kind in the reader's language.
 */
import { useTranslation } from "react-i18next";
import { isReportKind } from "~/reports/report-kinds";

/** The kind's name in the UI language; an unknown kind id as it is. */
export function useReportKindLabel(): (kind: string) => string {
  const { t } = useTranslation("reports");
  return (kind) => (isReportKind(kind) ? t(`kinds.${kind}`) : kind);
}
