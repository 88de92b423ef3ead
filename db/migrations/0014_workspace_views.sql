CREATE TABLE `workspace_views` (
	`workspace_id` integer NOT NULL,
	`view` text NOT NULL,
	`data_key` text NOT NULL,
	`payload` text NOT NULL,
	`computed_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `workspace_views_key` ON `workspace_views` (`workspace_id`,`view`);