CREATE TABLE `run_views` (
	`workspace_id` integer NOT NULL,
	`run_id` integer NOT NULL,
	`view` text NOT NULL,
	`data_version` integer NOT NULL,
	`payload` text NOT NULL,
	`computed_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`run_id`) REFERENCES `analysis_runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `run_views_key` ON `run_views` (`run_id`,`view`);--> statement-breakpoint
CREATE TABLE `workspace_data_versions` (
	`workspace_id` integer PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`changed_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
