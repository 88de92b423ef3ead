import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb, schema } from "./db.server";
import { message } from "./i18n/message";
import { decoyHash, hashPassword, passwordRules, verifyPassword } from "./password.server";

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: message("auth:errors.invalidEmail") }));

export const PasswordSchema = z
  .string()
  .min(
    passwordRules.minLength,
    message("auth:errors.passwordTooShort", { count: passwordRules.minLength }),
  )
  .max(
    passwordRules.maxLength,
    message("auth:errors.passwordTooLong", { count: passwordRules.maxLength }),
  );

export const NewUserSchema = z.object({
  email: EmailSchema,
  name: z.string().trim().min(1, message("auth:errors.enterName")).max(100),
  password: PasswordSchema,
});

export type PublicUser = { id: number; email: string; name: string };

export class DuplicateEmailError extends Error {
  constructor(email: string) {
    super(`An account with ${email} already exists`);
  }
}

export function findUserByEmail(email: string): PublicUser | undefined {
  const normalised = EmailSchema.safeParse(email);
  if (!normalised.success) return undefined;
  return getDb()
    .select({ id: schema.users.id, email: schema.users.email, name: schema.users.name })
    .from(schema.users)
    .where(eq(schema.users.email, normalised.data))
    .get();
}

export function findUserById(id: number): PublicUser | undefined {
  return getDb()
    .select({ id: schema.users.id, email: schema.users.email, name: schema.users.name })
    .from(schema.users)
    .where(eq(schema.users.id, id))
    .get();
}

export async function createUser(input: z.input<typeof NewUserSchema>): Promise<PublicUser> {
  const { email, name, password } = NewUserSchema.parse(input);
  if (findUserByEmail(email)) throw new DuplicateEmailError(email);
  const passwordHash = await hashPassword(password);
  const db = getDb();
  const user = db
    .insert(schema.users)
    .values({ email, name, passwordHash })
    .returning({ id: schema.users.id, email: schema.users.email, name: schema.users.name })
    .get();
  db.insert(schema.auditLog)
    .values({ actorUserId: user.id, action: "user.created", target: `user:${user.id}` })
    .run();
  return user;
}

/** The user when e-mail and password match, otherwise undefined (same time either way). */
export async function verifyLogin(
  email: string,
  password: string,
): Promise<PublicUser | undefined> {
  const normalised = EmailSchema.safeParse(email);
  const row = normalised.success
    ? getDb().select().from(schema.users).where(eq(schema.users.email, normalised.data)).get()
    : undefined;
  const ok = await verifyPassword(row?.passwordHash ?? (await decoyHash()), password);
  return row && ok ? { id: row.id, email: row.email, name: row.name } : undefined;
}
