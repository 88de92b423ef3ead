import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { Field } from "~/components/Field";
import { parseForm } from "~/forms.server";
import {
  beginLoginAttempt,
  clientAddress,
  type LoginThrottle,
  recordLoginSuccess,
} from "~/rate-limit.server";
import { getOptionalUser, safeRedirect, startUserSession } from "~/session.server";
import { verifyLogin } from "~/users.server";

export const meta: MetaFunction = () => [{ title: "Log in · Channelscope" }];

const LoginSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, "Enter your e-mail"),
  password: z.string().min(1, "Enter your password"),
  redirectTo: z.string().optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getOptionalUser(request)) throw redirect("/w");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = parseForm(await request.formData(), LoginSchema);
  if (!form.ok) return data({ errors: form.errors }, { status: 400 });
  const { email, password, redirectTo } = form.data;
  const address = clientAddress(context);

  const throttle = await beginLoginAttempt(email, address);
  if (!throttle.allowed) {
    return data(
      { errors: { form: lockoutMessage(throttle) } },
      { status: 429, headers: { "Retry-After": String(throttle.retryAfterSeconds) } },
    );
  }
  const user = await verifyLogin(email, password);
  if (!user) return data({ errors: { form: "E-mail or password is wrong" } }, { status: 400 });
  await recordLoginSuccess(email, address);
  return startUserSession(request, user.id, safeRedirect(redirectTo, "/w"));
}

/** Says what is locked and for how long; the lock never covers other networks. */
function lockoutMessage(throttle: Extract<LoginThrottle, { allowed: false }>): string {
  const minutes = Math.max(1, Math.ceil(throttle.retryAfterSeconds / 60));
  const wait = `Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
  return throttle.lockedScope === "address"
    ? `Too many failed log-ins from your network. ${wait}`
    : `Too many failed log-ins for this e-mail from your network. ${wait}`;
}

export default function Login() {
  const result = useActionData<typeof action>();
  const errors: Record<string, string | undefined> = result?.errors ?? {};
  const [params] = useSearchParams();
  const busy = useNavigation().state !== "idle";
  return (
    <main className="centered">
      <div className="card narrow">
        <p className="brand">Channelscope</p>
        <h1>Log in</h1>
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
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
            autoComplete="current-password"
            error={errors.password}
            required
          />
          {errors.form ? (
            <p className="form-error" role="alert">
              {errors.form}
            </p>
          ) : null}
          <button type="submit" disabled={busy}>
            {busy ? "Logging in…" : "Log in"}
          </button>
        </Form>
        <p className="small muted">
          No account yet? <Link to="/signup">Sign up</Link>
        </p>
      </div>
    </main>
  );
}
