import type { LinksFunction, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { useCspNonce } from "./csp-nonce";
import stylesHref from "./styles.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesHref },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Channelscope" }];

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useCspNonce();
  return (
    <html lang="en">
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
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message = isRouteErrorResponse(error)
    ? status === 404
      ? "There is nothing here, or you do not have access to it."
      : String(error.data || error.statusText)
    : "Something went wrong on our side. The error has been logged.";
  if (!isRouteErrorResponse(error)) console.error(error);
  return (
    <main className="centered">
      <div className="card narrow">
        <h1>{status === 404 ? "Not found" : `Error ${status}`}</h1>
        <p>{message}</p>
        <p>
          <a href="/">Back to Channelscope</a>
        </p>
      </div>
    </main>
  );
}
