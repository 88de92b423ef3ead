import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LanguageSwitcher } from "~/components/LanguageSwitcher";
import { metaT } from "~/i18n/meta-t";
import { sectionText, workspaceSections } from "~/navigation";
import { requireWorkspace } from "~/workspace.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  return [
    { title: data ? t("common:titles.page", { page: data.workspace.name }) : t("common:brand") },
  ];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, workspace, role } = await requireWorkspace(request, params);
  // The zone is read by ~/format for every page inside the workspace (time-zone.ts).
  return {
    user,
    role,
    workspace: { slug: workspace.slug, name: workspace.name, timeZone: workspace.timeZone },
  };
}

export default function WorkspaceLayout() {
  const { user, role, workspace } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const base = `/w/${workspace.slug}`;
  return (
    <div className="shell">
      <aside className="sidebar">
        <Link to="/w" className="brand">
          Channelscope
        </Link>
        <div className="workspace-name" data-testid="workspace-name">
          {workspace.name}
        </div>
        <nav aria-label={t("nav.workspace")}>
          <NavLink to={base} end>
            {t("nav.overview")}
          </NavLink>
          {workspaceSections.map((s) => (
            <NavLink key={s.path} to={`${base}/${s.path}`}>
              {t(sectionText(s.path).label)}
            </NavLink>
          ))}
          <div className="section">{t("nav.workspace")}</div>
          <NavLink to={`${base}/members`}>{t("nav.members")}</NavLink>
          {role !== "viewer" ? (
            <NavLink to={`${base}/settings`}>{t("nav.settings")}</NavLink>
          ) : null}
        </nav>
        <div className="foot">
          <div>{user.email}</div>
          <div className="muted small">{t(`nav.roles.${role}`)}</div>
          <Form method="post" action="/logout">
            <button type="submit" className="link">
              {t("nav.logOut")}
            </button>
          </Form>
          <LanguageSwitcher />
        </div>
      </aside>
      <main className="content">
        <Outlet />
      </main>
    </div>
  );
}
