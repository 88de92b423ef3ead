CREATE TABLE `customer_values` (
	`workspace_id` integer NOT NULL,
	`model_id` integer NOT NULL,
	`customer_id` integer NOT NULL,
	`predicted_value` real NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`model_id`) REFERENCES `value_models`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customer_values_key` ON `customer_values` (`model_id`,`customer_id`);--> statement-breakpoint
CREATE INDEX `customer_values_customer_idx` ON `customer_values` (`workspace_id`,`customer_id`);--> statement-breakpoint
CREATE TABLE `value_models` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`workspace_id` integer NOT NULL,
	`horizon_days` integer NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`result` text,
	`error` text,
	`job_id` integer,
	`created_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `value_models_workspace_idx` ON `value_models` (`workspace_id`,`created_at`);