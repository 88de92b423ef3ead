/**
 * Configuration from the environment, validated once. Every variable has a default that
 * works for the embedded single-machine setup; README "Configuration" lists them.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

export const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z.string().default("./data/channelscope.db"),
  DATA_DIR: z.string().default("./data"),
  /** Comma-separated; the first signs new cookies, all are accepted (for rotation). */
  SESSION_SECRET: z
    .string()
    .refine((value) => value.split(",").every((part) => part.trim().length >= 16), {
      message: "every comma-separated SESSION_SECRET must be at least 16 characters",
    })
    .optional(),
  /** Public origin(s) allowed for mutating requests besides the request's own Host. */
  ALLOWED_ORIGINS: z.string().default(""),
  /** Set to "false" to allow session cookies over plain http in production (local demo). */
  SECURE_COOKIES: z.enum(["true", "false", "auto"]).default("auto"),
  /** The app's public origin, for links in e-mails (e.g. https://channelscope.example.com). */
  PUBLIC_URL: z.string().url().default("http://localhost:3000"),
  /** SMTP relay for report deliveries, e.g. smtp://user:pass@mail.example.com:587; unset = off. */
  SMTP_URL: z.string().url().optional(),
  /** The From address of report e-mails. */
  MAIL_FROM: z.string().default("Channelscope <reports@localhost>"),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = EnvSchema.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
      throw new Error(`Invalid configuration: ${problems.join("; ")}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/**
 * SESSION_SECRET when set; otherwise a random secret generated once and kept in the data
 * folder (mode 0600), so sessions survive restarts without anyone choosing a secret.
 */
export function sessionSecrets(): string[] {
  const configured = env().SESSION_SECRET;
  if (configured) return configured.split(",").map((s) => s.trim());
  const file = path.join(env().DATA_DIR, "session-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(env().DATA_DIR, { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
  }
  return [fs.readFileSync(file, "utf8").trim()];
}
