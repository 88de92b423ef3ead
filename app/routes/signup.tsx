import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { Field } from "~/components/Field";
import { parseForm } from "~/forms.server";
import { passwordRules } from "~/password.server";
import { getOptionalUser, startUserSession } from "~/session.server";
import { createUser, DuplicateEmailError, NewUserSchema } from "~/users.server";

const SIGNUP_REFUSED = "This e-mail cannot be used to sign up. Check your inbox or log in.";

export const meta: MetaFunction = () => [{ title: "Sign up · Channelscope" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getOptionalUser(request)) throw redirect("/w");
  return { minLength: passwordRules.minLength };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = parseForm(await request.formData(), NewUserSchema);
  if (!form.ok) return data({ errors: form.errors }, { status: 400 });
  try {
    const user = await createUser(form.data);
    return startUserSession(request, user.id, "/w");
  } catch (error) {
    // Never confirm that an address has an account (Epic Stack's wording): its owner
    // knows where to look, a stranger learns nothing about who uses Channelscope.
    if (error instanceof DuplicateEmailError) {
      return data({ errors: { email: SIGNUP_REFUSED } as Record<string, string> }, { status: 400 });
    }
    throw error;
  }
}

export default function Signup() {
  const result = useActionData<typeof action>();
  const errors: Record<string, string | undefined> = result?.errors ?? {};
  const busy = useNavigation().state !== "idle";
  return (
    <main className="centered">
      <div className="card narrow">
        <p className="brand">Channelscope</p>
        <h1>Create your account</h1>
        <Form method="post" className="stack" noValidate>
          <Field label="Name" name="name" autoComplete="name" error={errors.name} required />
          <Field
            label="E-mail"
            name="email"
            type="email"
            autoComplete="email"
            error={errors.email}
            required
          />
          <Field
            label="Password"
            name="password"
            type="password"
            autoComplete="new-password"
            error={errors.password}
            required
          />
          <button type="submit" disabled={busy}>
            {busy ? "Creating…" : "Sign up"}
          </button>
        </Form>
        <p className="small muted">
          Have an account? <Link to="/login">Log in</Link>
        </p>
      </div>
    </main>
  );
}
