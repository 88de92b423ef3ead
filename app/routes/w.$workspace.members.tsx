import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { roles } from "#db/roles";
import { Field } from "~/components/Field";
import { parseForm } from "~/forms.server";
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
        notice: `${invitee.email} can now open this workspace as ${input.role}.`,
      };
    }
    if (input.intent === "role") {
      changeMemberRole(access, input.userId, input.role);
      return { errors: {}, notice: "Role changed." };
    }
    removeMember(access, input.userId);
    return { errors: {}, notice: "Member removed." };
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
  return (
    <>
      <h1>Members</h1>
      <table className="data">
        <thead>
          <tr>
            <th>Name</th>
            <th>E-mail</th>
            <th>Role</th>
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
                    <select name="role" defaultValue={m.role} aria-label={`Role of ${m.email}`}>
                      {roles.map((r) => (
                        <option key={r}>{r}</option>
                      ))}
                    </select>
                    <button type="submit" className="secondary">
                      Save
                    </button>
                  </Form>
                ) : (
                  <span className="badge">{m.role}</span>
                )}
              </td>
              {canManage ? (
                <td>
                  {m.userId !== me ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="remove" />
                      <input type="hidden" name="userId" value={m.userId} />
                      <button type="submit" className="link">
                        Remove
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
          {result.notice}
        </p>
      ) : null}
      {errors.form ? (
        <p className="form-error" role="alert">
          {errors.form}
        </p>
      ) : null}
      {canManage ? (
        <>
          <h2>Invite a colleague</h2>
          <p className="muted small">
            They need a Channelscope account; they will see this workspace at their next visit.
          </p>
          <Form method="post" className="card row">
            <input type="hidden" name="intent" value="invite" />
            <Field label="E-mail" name="email" type="email" error={errors.email} required />
            <label>
              Role
              <select name="role" defaultValue="viewer" aria-label="Role for the invitation">
                <option value="viewer">viewer (read)</option>
                <option value="editor">editor (upload, configure)</option>
                <option value="owner">owner (manage members, delete)</option>
              </select>
            </label>
            <button type="submit">Invite</button>
          </Form>
        </>
      ) : null}
    </>
  );
}
