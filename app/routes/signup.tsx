import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field } from "~/components/Field";
import { LanguageSwitcher } from "~/components/LanguageSwitcher";
import { parseForm } from "~/forms.server";
import { message } from "~/i18n/message";
import { metaT } from "~/i18n/meta-t";
import { passwordRules } from "~/password.server";
import { getOptionalUser, startUserSession } from "~/session.server";
import { createUser, DuplicateEmailError, NewUserSchema } from "~/users.server";

const SIGNUP_REFUSED = message("auth:errors.signupRefused");

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: t("common:titles.page", { page: t("common:titles.signUp") }) }];
};

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
  const { t } = useTranslation("auth");
  return (
    <main className="centered">
      <div className="card narrow">
        <p className="brand">Channelscope</p>
        <h1>{t("signup.title")}</h1>
        <Form method="post" className="stack" noValidate>
          <Field
            label={t("signup.name")}
            name="name"
            autoComplete="name"
            error={errors.name}
            required
          />
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
            autoComplete="new-password"
            error={errors.password}
            required
          />
          <button type="submit" disabled={busy}>
            {busy ? t("signup.busy") : t("signup.submit")}
          </button>
        </Form>
        <p className="small muted">
          {t("signup.haveAccount")} <Link to="/login">{t("signup.logIn")}</Link>
        </p>
        <LanguageSwitcher />
      </div>
    </main>
  );
}
