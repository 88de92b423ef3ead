import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CopyLink } from "~/components/sharing/CopyLink";
import { ShareLinksTable } from "~/components/sharing/ShareLinksTable";
import { useMessage } from "~/i18n/message";
import { listShareLinks } from "~/sharing/list-share-links.server";
import { handleShareForm } from "~/sharing/share-link-form.server";
import { requireWorkspace, roleAllows } from "~/workspace.server";

/** Every share link of the workspace, with its report, creator, dates, views and state. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireWorkspace(request, params);
  return {
    workspaceSlug: access.workspace.slug,
    links: listShareLinks(access.scope),
    canManage: roleAllows(access.role, "editor"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireWorkspace(request, params, "editor");
  const result = await handleShareForm(access, request, await request.formData());
  return data(result, { status: Object.keys(result.errors).length > 0 ? 400 : 200 });
}

export default function ShareLinks() {
  const { workspaceSlug, links, canManage } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("sharing");
  const translate = useMessage();
  return (
    <>
      <h1>{t("links.title")}</h1>
      <p className="muted small">{t("links.intro")}</p>
      {result?.notice ? (
        <p className="notice" role="status">
          {translate(result.notice)}
        </p>
      ) : null}
      {result?.url ? <CopyLink url={result.url} /> : null}
      {result?.errors.form ? (
        <p className="form-error" role="alert">
          {translate(result.errors.form)}
        </p>
      ) : null}
      <ShareLinksTable
        links={links}
        canManage={canManage}
        showReport
        workspaceSlug={workspaceSlug}
      />
    </>
  );
}
