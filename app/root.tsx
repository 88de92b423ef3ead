import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useChangeLanguage } from "remix-i18next/react";
import { useCspNonce } from "./csp-nonce";
import { resolveLocale } from "./i18n/locale.server";
import stylesHref from "./styles.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesHref },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Channelscope" }];

export async function loader({ request }: LoaderFunctionArgs) {
  return { locale: await resolveLocale(request) };
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useCspNonce();
  const { i18n } = useTranslation();
  // Error pages may render without the root data: the i18next instance knows the language.
  const locale = useRouteLoaderData<typeof loader>("root")?.locale ?? i18n.language;
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const { locale } = useLoaderData<typeof loader>();
  // After the switcher's action the root loader returns the new language: i18next follows.
  useChangeLanguage(locale);
  return <Outlet />;
}

export function ErrorBoundary() {
  const { t } = useTranslation();
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message = isRouteErrorResponse(error)
    ? status === 404
      ? t("errors.notFoundBody")
      : t(String(error.data || error.statusText), {
          defaultValue: String(error.data || error.statusText),
        })
    : t("errors.serverBody");
  if (!isRouteErrorResponse(error)) console.error(error);
  return (
    <main className="centered">
      <div className="card narrow">
        <h1>{status === 404 ? t("errors.notFound") : t("errors.status", { status })}</h1>
        <p>{message}</p>
        <p>
          <a href="/">{t("errors.back")}</a>
        </p>
      </div>
    </main>
  );
}
