// Turns the data layer's access errors into Next.js responses: pages get a redirect, a 403 or a 404 page.
import "server-only";
import { forbidden, notFound, redirect } from "next/navigation";
import { ZodError } from "zod";
import { AccessError, RuleError, ThrottledError } from "./errors";

/** Runs page data loading; AccessError becomes /login, the 403 page or the 404 page. */
export async function guard<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof AccessError) {
      if (error.kind === "unauthenticated") redirect("/login");
      if (error.kind === "no-membership") redirect("/login?reason=removed");
      if (error.kind === "forbidden") forbidden();
      notFound();
    }
    throw error;
  }
}

export type ActionResult<T = void> =
  | { ok: true; data: T; message?: string }
  | { ok: false; error: string; fieldErrors?: Record<string, string> };

/** Runs a server action's work and turns expected failures into a message for the form. */
export async function runAction<T>(work: () => Promise<T>, message?: string): Promise<ActionResult<T>> {
  try {
    const data = await work();
    return message === undefined ? { ok: true, data } : { ok: true, data, message };
  } catch (error) {
    if (error instanceof ZodError) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of error.issues) {
        const key = issue.path.join(".") || "form";
        fieldErrors[key] ??= issue.message;
      }
      return { ok: false, error: error.issues[0]?.message ?? "Check the form and try again.", fieldErrors };
    }
    if (error instanceof RuleError || error instanceof ThrottledError) return { ok: false, error: error.message };
    if (error instanceof AccessError) {
      if (error.kind === "unauthenticated" || error.kind === "no-membership") redirect("/login");
      return { ok: false, error: error.message };
    }
    throw error;
  }
}
