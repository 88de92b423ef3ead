import { defineConfig } from "drizzle-kit";

// The PostgreSQL twin of drizzle.config.ts: db/pg/schema.ts is generated from db/schema.ts
// (scripts/generate-pg-schema.ts), and `npm run db:generate` runs drizzle-kit with both.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/pg/schema.ts",
  out: "./db/pg/migrations",
  dbCredentials: { url: process.env.DATABASE_URL ?? "postgres://localhost/channelscope" },
});
