import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { roles } from "#db/roles";
import { Field } from "~/components/Field";
import { parseForm } from "~/forms.server";
import { message, useMessage } from "~/i18n/message";
import {
  changeMemberRole,
  inviteMember,
  listMembers,
  MemberActionSchema,
  removeMember,
  requireWorkspace,
  WorkspaceError,
} from "~/workspace.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireWorkspace(request, params);
  return { members: listMembers(access), canManage: access.role === "owner", me: access.user.id };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireWorkspace(request, params, "owner");
  const form = parseForm(await request.formData(), MemberActionSchema);
  if (!form.ok) return data({ errors: form.errors, notice: null }, { status: 400 });
  try {
    const input = form.data;
    if (input.intent === "invite") {
      const invitee = inviteMember(access, input);
      return {
        errors: {},
        notice: message("workspace:members.invited", { email: invitee.email, role: input.role }),
      };
    }
    if (input.intent === "role") {
      changeMemberRole(access, input.userId, input.role);
      return { errors: {}, notice: message("workspace:members.roleChanged") };
    }
    removeMember(access, input.userId);
    return { errors: {}, notice: message("workspace:members.removed") };
  } catch (error) {
    if (error instanceof WorkspaceError) {
      return data(
        { errors: { form: error.message } as Record<string, string>, notice: null },
        { status: 400 },
      );
    }
    throw error;
  }
}

export default function Members() {
  const { members, canManage, me } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string | undefined> = result?.errors ?? {};
  const { t } = useTranslation("workspace");
  const translate = useMessage();
  return (
    <>
      <h1>{t("members.title")}</h1>
      <table className="data">
        <thead>
          <tr>
            <th>{t("members.name")}</th>
            <th>{t("members.email")}</th>
            <th>{t("members.role")}</th>
            {canManage ? <th /> : null}
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.userId}>
              <td>{m.name}</td>
              <td>{m.email}</td>
              <td>
                {canManage ? (
                  <Form method="post" className="row">
                    <input type="hidden" name="intent" value="role" />
                    <input type="hidden" name="userId" value={m.userId} />
                    <select
                      name="role"
                      defaultValue={m.role}
                      aria-label={t("members.roleOf", { email: m.email })}
                    >
                      {roles.map((r) => (
                        <option key={r} value={r}>
                          {t(`common:nav.roles.${r}`)}
                        </option>
                      ))}
                    </select>
                    <button type="submit" className="secondary">
                      {t("members.save")}
                    </button>
                  </Form>
                ) : (
                  <span className="badge">{t(`common:nav.roles.${m.role}`)}</span>
                )}
              </td>
              {canManage ? (
                <td>
                  {m.userId !== me ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="remove" />
                      <input type="hidden" name="userId" value={m.userId} />
                      <button type="submit" className="link">
                        {t("members.remove")}
                      </button>
                    </Form>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {result?.notice ? (
        <p className="notice" role="status">
          {translate(result.notice)}
        </p>
      ) : null}
      {errors.form ? (
        <p className="form-error" role="alert">
          {translate(errors.form)}
        </p>
      ) : null}
      {canManage ? (
        <>
          <h2>{t("members.inviteTitle")}</h2>
          <p className="muted small">{t("members.inviteBody")}</p>
          <Form method="post" className="card row">
            <input type="hidden" name="intent" value="invite" />
            <Field
              label={t("members.email")}
              name="email"
              type="email"
              error={errors.email}
              required
            />
            <label>
              {t("members.role")}
              <select name="role" defaultValue="viewer" aria-label={t("members.roleForInvitation")}>
                <option value="viewer">{t("members.roleHelp.viewer")}</option>
                <option value="editor">{t("members.roleHelp.editor")}</option>
                <option value="owner">{t("members.roleHelp.owner")}</option>
              </select>
            </label>
            <button type="submit">{t("members.invite")}</button>
          </Form>
        </>
      ) : null}
    </>
  );
}
