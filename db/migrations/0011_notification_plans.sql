CREATE TABLE `next_best_offers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`workspace_id` integer NOT NULL,
	`run_id` integer NOT NULL,
	`customer_id` integer NOT NULL,
	`customer_external_id` text,
	`segment` text NOT NULL,
	`rank` integer NOT NULL,
	`category` text NOT NULL,
	`propensity` real NOT NULL,
	`value` real NOT NULL,
	`expected_value` real NOT NULL,
	`reason` text NOT NULL,
	`as_of` text NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`run_id`) REFERENCES `analysis_runs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `next_best_offers_run_idx` ON `next_best_offers` (`workspace_id`,`run_id`,`segment`,`customer_id`);--> statement-breakpoint
CREATE INDEX `next_best_offers_customer_idx` ON `next_best_offers` (`customer_id`);--> statement-breakpoint
CREATE TABLE `notification_plan_sends` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`workspace_id` integer NOT NULL,
	`plan_id` integer NOT NULL,
	`customer_id` integer NOT NULL,
	`customer_external_id` text NOT NULL,
	`channel` text NOT NULL,
	`offer` text NOT NULL,
	`send_hour` integer NOT NULL,
	`expected_rate` real NOT NULL,
	`explored` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`plan_id`) REFERENCES `notification_plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `notification_plan_sends_plan_idx` ON `notification_plan_sends` (`plan_id`,`customer_id`);--> statement-breakpoint
CREATE TABLE `notification_plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`workspace_id` integer NOT NULL,
	`run_id` integer NOT NULL,
	`segment` text NOT NULL,
	`weekly_cap` integer NOT NULL,
	`explore` real NOT NULL,
	`seed` integer DEFAULT 1 NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`error` text,
	`job_id` integer,
	`as_of` integer,
	`summary` text,
	`estimate` text,
	`estimated_at` integer,
	`created_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`run_id`) REFERENCES `analysis_runs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `notification_plans_workspace_idx` ON `notification_plans` (`workspace_id`,`created_at`);