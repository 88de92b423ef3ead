import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { workspaceSections } from "~/navigation";
import { requireWorkspace } from "~/workspace.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.workspace.name} · Channelscope` : "Channelscope" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, workspace, role } = await requireWorkspace(request, params);
  return { user, role, workspace: { slug: workspace.slug, name: workspace.name } };
}

export default function WorkspaceLayout() {
  const { user, role, workspace } = useLoaderData<typeof loader>();
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
        <nav aria-label="Workspace">
          <NavLink to={base} end>
            Overview
          </NavLink>
          {workspaceSections.map((s) => (
            <NavLink key={s.path} to={`${base}/${s.path}`}>
              {s.label}
            </NavLink>
          ))}
          <div className="section">Workspace</div>
          <NavLink to={`${base}/members`}>Members</NavLink>
          {role === "owner" ? <NavLink to={`${base}/settings`}>Settings</NavLink> : null}
        </nav>
        <div className="foot">
          <div>{user.email}</div>
          <div className="muted small">{role}</div>
          <Form method="post" action="/logout">
            <button type="submit" className="link">
              Log out
            </button>
          </Form>
        </div>
      </aside>
      <main className="content">
        <Outlet />
      </main>
    </div>
  );
}
