CREATE TABLE `responses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`workspace_id` integer NOT NULL,
	`dataset_id` integer,
	`response_key` text NOT NULL,
	`customer_external_id` text NOT NULL,
	`campaign_id` text,
	`channel` text NOT NULL,
	`sent_at` integer NOT NULL,
	`offer` text,
	`product_code` text,
	`category` text,
	`delivered` integer,
	`opened` integer,
	`clicked` integer,
	`converted` integer,
	`revenue` real,
	`row_hash` text NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`dataset_id`) REFERENCES `datasets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `responses_key` ON `responses` (`workspace_id`,`response_key`);--> statement-breakpoint
CREATE INDEX `responses_customer_idx` ON `responses` (`workspace_id`,`customer_external_id`,`sent_at`);