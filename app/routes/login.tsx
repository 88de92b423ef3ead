import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Field } from "~/components/Field";
import { LanguageSwitcher } from "~/components/LanguageSwitcher";
import { parseForm } from "~/forms.server";
import { message, useMessage } from "~/i18n/message";
import { metaT } from "~/i18n/meta-t";
import {
  beginLoginAttempt,
  clientAddress,
  type LoginThrottle,
  recordLoginSuccess,
} from "~/rate-limit.server";
import { getOptionalUser, safeRedirect, startUserSession } from "~/session.server";
import { verifyLogin } from "~/users.server";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: t("common:titles.page", { page: t("common:titles.logIn") }) }];
};

const LoginSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, message("auth:errors.enterEmail")),
  password: z.string().min(1, message("auth:errors.enterPassword")),
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
  if (!user) return data({ errors: { form: message("auth:errors.wrongLogin") } }, { status: 400 });
  await recordLoginSuccess(email, address);
  return startUserSession(request, user.id, safeRedirect(redirectTo, "/w"));
}

/** Says what is locked and for how long; the lock never covers other networks. */
function lockoutMessage(throttle: Extract<LoginThrottle, { allowed: false }>): string {
  const count = Math.max(1, Math.ceil(throttle.retryAfterSeconds / 60));
  return throttle.lockedScope === "address"
    ? message("auth:errors.lockedAddress", { count })
    : message("auth:errors.lockedEmail", { count });
}

export default function Login() {
  const result = useActionData<typeof action>();
  const errors: Record<string, string | undefined> = result?.errors ?? {};
  const [params] = useSearchParams();
  const busy = useNavigation().state !== "idle";
  const { t } = useTranslation("auth");
  const translate = useMessage();
  return (
    <main className="centered">
      <div className="card narrow">
        <p className="brand">Channelscope</p>
        <h1>{t("login.title")}</h1>
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
          <Field
            label={t("login.email")}
            name="email"
            type="email"
            autoComplete="email"
            error={errors.email}
            required
          />
          <Field
            label={t("login.password")}
            name="password"
            type="password"
            autoComplete="current-password"
            error={errors.password}
            required
          />
          {errors.form ? (
            <p className="form-error" role="alert">
              {translate(errors.form)}
            </p>
          ) : null}
          <button type="submit" disabled={busy}>
            {busy ? t("login.busy") : t("login.submit")}
          </button>
        </Form>
        <p className="small muted">
          {t("login.noAccount")} <Link to="/signup">{t("login.signUp")}</Link>
        </p>
        <LanguageSwitcher />
      </div>
    </main>
  );
}
