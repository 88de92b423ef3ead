CREATE TABLE "workspace_views" (
	"workspace_id" bigint NOT NULL,
	"view" text NOT NULL,
	"data_key" text NOT NULL,
	"payload" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "campaigns_key";--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "segment" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "workspace_views" ADD CONSTRAINT "workspace_views_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "workspace_views_key" ON "workspace_views" USING btree ("workspace_id","view");--> statement-breakpoint
CREATE UNIQUE INDEX "campaigns_key" ON "campaigns" USING btree ("workspace_id","campaign_key","date","segment");