import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field } from "~/components/Field";
import { LanguageSwitcher } from "~/components/LanguageSwitcher";
import { parseForm } from "~/forms.server";
import { metaT } from "~/i18n/meta-t";
import { requireUser } from "~/session.server";
import {
  createWorkspace,
  listWorkspacesOf,
  NewWorkspaceSchema,
  WorkspaceError,
} from "~/workspace.server";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: t("common:titles.page", { page: t("common:titles.workspaces") }) }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { user, workspaces: listWorkspacesOf(user.id) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = parseForm(await request.formData(), NewWorkspaceSchema);
  if (!form.ok) return data({ errors: form.errors }, { status: 400 });
  try {
    const workspace = createWorkspace(form.data, user);
    return redirect(`/w/${workspace.slug}`);
  } catch (error) {
    if (error instanceof WorkspaceError) {
      return data({ errors: { slug: error.message } as Record<string, string> }, { status: 400 });
    }
    throw error;
  }
}

export default function Workspaces() {
  const { user, workspaces } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string | undefined> = result?.errors ?? {};
  const { t } = useTranslation();
  return (
    <main className="content" style={{ margin: "0 auto" }}>
      <div className="row" style={{ justifyContent: "space-between" }}>
        <p className="brand">Channelscope</p>
        <Form method="post" action="/logout">
          <span className="muted small">{user.email} · </span>
          <button type="submit" className="link">
            {t("nav.logOut")}
          </button>
        </Form>
      </div>
      <LanguageSwitcher />
      <h1>{t("workspaces.title")}</h1>
      {workspaces.length === 0 ? (
        <p className="muted">{t("workspaces.none")}</p>
      ) : (
        <div className="grid-cards">
          {workspaces.map((w) => (
            <Link
              key={w.id}
              to={`/w/${w.slug}`}
              className="card"
              style={{ textDecoration: "none" }}
            >
              <strong>{w.name}</strong>
              <div className="muted small">
                /{w.slug} · <span className="badge">{t(`nav.roles.${w.role}`)}</span>
              </div>
            </Link>
          ))}
        </div>
      )}
      <h2>{t("workspaces.new")}</h2>
      <Form method="post" className="card row">
        <Field
          label={t("workspaces.name")}
          name="name"
          error={errors.name}
          required
          placeholder={t("workspaces.namePlaceholder")}
        />
        <Field
          label={t("workspaces.address")}
          name="slug"
          error={errors.slug}
          required
          placeholder={t("workspaces.addressPlaceholder")}
        />
        <button type="submit">{t("workspaces.create")}</button>
      </Form>
    </main>
  );
}
