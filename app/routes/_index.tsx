import { type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { getOptionalUser } from "~/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  return redirect(user ? "/w" : "/login");
}
