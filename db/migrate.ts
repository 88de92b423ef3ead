/** `npm run db:migrate`: applies pending migrations to DATABASE_URL and reports where. */
import { databasePath, openDb } from "./client";

const file = databasePath();
openDb(file).$client.close();
console.log(JSON.stringify({ migrated: file }));
