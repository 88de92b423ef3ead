/**
 * A segment run's overview: its progress, why it failed, or its RFM or cluster results. The
 * page passes `interactive` (clusters can be renamed, the segment CSV downloads); a saved
 * report renders the same view read-only.
 */
import type { SerializeFrom } from "@remix-run/node";
import { useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useMessage } from "~/i18n/message";
import type { loader as workspaceLoader } from "~/routes/w.$workspace";
import type { SegmentRunPage } from "~/segments/run-page.server";
import { ClusterRunView } from "./ClusterRunView";
import { RfmRunView } from "./RfmRunView";
import { RunProgress } from "./RunProgress";
import { ComputingNotice, StaleNotice } from "./StoredViewNotice";

type Data = SerializeFrom<SegmentRunPage>;

/** The run's pages under the workspace; on a share page (no workspace) there is none. */
export function useRunBase(runId: number): string {
  const workspace = useRouteLoaderData<typeof workspaceLoader>("routes/w.$workspace");
  return workspace ? `/w/${workspace.workspace.slug}/segments/${runId}` : "";
}

export function SegmentRunView({
  data,
  interactive,
  renameError = null,
}: {
  data: Data;
  interactive: boolean;
  renameError?: string | null;
}) {
  const { t } = useTranslation("segments");
  // The failure is stored as the worker wrote it: a catalogue message, or plain text.
  const say = useMessage();
  const base = useRunBase(data.runId);
  switch (data.state) {
    case "pending":
      return <RunProgress status={data.status} progress={data.progress} />;
    case "computing":
      return <ComputingNotice />;
    case "failed":
      return (
        <p className="form-error" role="alert">
          {t("runs.failed", { error: say(data.error) })}
        </p>
      );
    case "rfm":
      return (
        <>
          <StaleNotice stale={data.stale} />
          <RfmRunView
            result={data.result}
            cells={data.cells}
            base={base}
            money={data.money}
            interactive={interactive}
          />
        </>
      );
    case "cluster":
      return (
        <>
          <StaleNotice stale={data.stale} />
          <ClusterRunView
            result={data.result as Parameters<typeof ClusterRunView>[0]["result"]}
            labels={data.labels}
            scatter={data.scatter}
            base={base}
            canEdit={interactive && data.canEdit}
            money={data.money}
            renameError={renameError}
            interactive={interactive}
          />
        </>
      );
  }
}
