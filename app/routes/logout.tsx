import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { endUserSession } from "~/session.server";

export async function action({ request }: ActionFunctionArgs) {
  return endUserSession(request);
}

export async function loader() {
  return redirect("/");
}
