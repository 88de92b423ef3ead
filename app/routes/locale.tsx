/**
 * The language switcher posts here: the choice is remembered for the browser (cookie) and,
 * when someone is signed in, for the account (users.locale), then the page comes back.
 */
import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { z } from "zod";
import { supportedLocales } from "~/i18n/config";
import { localeCookie, saveUserLocale } from "~/i18n/locale.server";
import { getOptionalUser, safeRedirect } from "~/session.server";

const LocaleForm = z.object({
  locale: z.enum(supportedLocales),
  redirectTo: z.string().optional(),
});

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const parsed = LocaleForm.safeParse(Object.fromEntries(form));
  const back = safeRedirect(form.get("redirectTo"), "/");
  if (!parsed.success) return redirect(back);
  const user = await getOptionalUser(request);
  if (user) saveUserLocale(user.id, parsed.data.locale);
  return redirect(back, {
    headers: { "Set-Cookie": await localeCookie.serialize(parsed.data.locale) },
  });
}

export async function loader() {
  return redirect("/");
}
