CREATE TABLE `cell_warnings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`workspace_id` integer NOT NULL,
	`dataset_id` integer NOT NULL,
	`line_number` integer NOT NULL,
	`column` text,
	`value` text NOT NULL,
	`reason` text NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`dataset_id`) REFERENCES `datasets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `cell_warnings_dataset_idx` ON `cell_warnings` (`dataset_id`,`line_number`);--> statement-breakpoint
ALTER TABLE `datasets` ADD `cell_warnings` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `datasets` ADD `lease_owner` text;--> statement-breakpoint
ALTER TABLE `datasets` ADD `lease_expires_at` integer;--> statement-breakpoint
ALTER TABLE `datasets` ADD `published_at` integer;--> statement-breakpoint
ALTER TABLE `transactions` ADD `order_id` text;--> statement-breakpoint
ALTER TABLE `workspaces` ADD `processing_basis` text DEFAULT 'consent' NOT NULL;