import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { workspaceSections } from "~/navigation";
import { requireWorkspace } from "~/workspace.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace, role } = await requireWorkspace(request, params);
  return { workspace: { slug: workspace.slug, name: workspace.name }, role };
}

export default function WorkspaceOverview() {
  const { workspace, role } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{workspace.name}</h1>
      <p className="muted">
        You are {role === "owner" ? "an owner" : `a${role === "editor" ? "n" : ""} ${role}`} of this
        workspace.
      </p>
      <div className="grid-cards">
        {workspaceSections.map((s) => (
          <Link
            key={s.path}
            to={s.path}
            className="card"
            style={{ textDecoration: "none", color: "inherit" }}
          >
            <strong>{s.label}</strong>
            <p className="muted small">{s.summary}</p>
          </Link>
        ))}
      </div>
    </>
  );
}
