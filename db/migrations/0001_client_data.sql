CREATE TABLE `attribute_definitions` (
	`workspace_id` integer NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`type` text NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `attribute_definitions_key` ON `attribute_definitions` (`workspace_id`,`kind`,`name`);--> statement-breakpoint
CREATE TABLE `campaigns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`workspace_id` integer NOT NULL,
	`dataset_id` integer,
	`campaign_key` text NOT NULL,
	`name` text,
	`channel` text,
	`start_date` text,
	`end_date` text,
	`date` text DEFAULT '' NOT NULL,
	`spend` real,
	`impressions` integer,
	`clicks` integer,
	`conversions` real,
	`revenue` real,
	`product` text,
	`row_hash` text NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`dataset_id`) REFERENCES `datasets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `campaigns_key` ON `campaigns` (`workspace_id`,`campaign_key`,`date`);--> statement-breakpoint
CREATE INDEX `campaigns_channel_idx` ON `campaigns` (`workspace_id`,`channel`);--> statement-breakpoint
CREATE TABLE `channel_audiences` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`workspace_id` integer NOT NULL,
	`dataset_id` integer,
	`channel_name` text NOT NULL,
	`channel_type` text,
	`url` text,
	`shares` text NOT NULL,
	`monthly_visits` real,
	`avg_visit_duration_seconds` real,
	`bounce_rate` real,
	`row_hash` text NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`dataset_id`) REFERENCES `datasets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `channel_audiences_key` ON `channel_audiences` (`workspace_id`,`channel_name`);--> statement-breakpoint
CREATE TABLE `column_mappings` (
	`workspace_id` integer NOT NULL,
	`kind` text NOT NULL,
	`headers_signature` text NOT NULL,
	`mapping` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `column_mappings_key` ON `column_mappings` (`workspace_id`,`kind`,`headers_signature`);--> statement-breakpoint
CREATE TABLE `customer_sources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`workspace_id` integer NOT NULL,
	`customer_id` integer NOT NULL,
	`source` text NOT NULL,
	`external_id` text NOT NULL,
	`dataset_id` integer,
	`matched_by` text NOT NULL,
	`record` text NOT NULL,
	`row_hash` text NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`dataset_id`) REFERENCES `datasets`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customer_sources_key` ON `customer_sources` (`workspace_id`,`source`,`external_id`);--> statement-breakpoint
CREATE INDEX `customer_sources_external_idx` ON `customer_sources` (`workspace_id`,`external_id`);--> statement-breakpoint
CREATE INDEX `customer_sources_customer_idx` ON `customer_sources` (`customer_id`);--> statement-breakpoint
CREATE TABLE `customers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`workspace_id` integer NOT NULL,
	`name` text,
	`email` text,
	`phone` text,
	`gender` text,
	`birth_date` text,
	`birth_year` integer,
	`city` text,
	`income` real,
	`signup_date` text,
	`consent_sms` integer,
	`consent_sms_at` text,
	`consent_sms_source` text,
	`consent_email` integer,
	`consent_email_at` text,
	`consent_email_source` text,
	`consent_data_processing` integer,
	`consent_data_processing_at` text,
	`consent_data_processing_source` text,
	`attributes` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `customers_email_idx` ON `customers` (`workspace_id`,`email`);--> statement-breakpoint
CREATE INDEX `customers_phone_idx` ON `customers` (`workspace_id`,`phone`);--> statement-breakpoint
CREATE TABLE `datasets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`workspace_id` integer NOT NULL,
	`kind` text NOT NULL,
	`file_name` text NOT NULL,
	`stored_path` text,
	`file_bytes` integer DEFAULT 0 NOT NULL,
	`uploaded_by` integer,
	`status` text DEFAULT 'uploaded' NOT NULL,
	`settings` text,
	`mapping` text,
	`headers_signature` text,
	`rows_read` integer DEFAULT 0 NOT NULL,
	`rows_loaded` integer DEFAULT 0 NOT NULL,
	`rows_rejected` integer DEFAULT 0 NOT NULL,
	`rows_new` integer DEFAULT 0 NOT NULL,
	`rows_updated` integer DEFAULT 0 NOT NULL,
	`rows_unchanged` integer DEFAULT 0 NOT NULL,
	`error` text,
	`job_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`started_at` integer,
	`finished_at` integer,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `datasets_workspace_idx` ON `datasets` (`workspace_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `products` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`workspace_id` integer NOT NULL,
	`dataset_id` integer,
	`code` text NOT NULL,
	`name` text,
	`category` text,
	`price` real,
	`row_hash` text NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`dataset_id`) REFERENCES `datasets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `products_key` ON `products` (`workspace_id`,`code`);--> statement-breakpoint
CREATE TABLE `rejected_rows` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`workspace_id` integer NOT NULL,
	`dataset_id` integer NOT NULL,
	`line_number` integer NOT NULL,
	`column` text,
	`reason` text NOT NULL,
	`raw` text NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`dataset_id`) REFERENCES `datasets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `rejected_rows_dataset_idx` ON `rejected_rows` (`dataset_id`,`line_number`);--> statement-breakpoint
CREATE TABLE `transactions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`workspace_id` integer NOT NULL,
	`dataset_id` integer,
	`transaction_key` text NOT NULL,
	`customer_external_id` text,
	`customer_id` integer,
	`occurred_at` integer NOT NULL,
	`product_code` text,
	`product_name` text,
	`category` text,
	`quantity` real,
	`unit_price` real,
	`amount` real NOT NULL,
	`currency` text,
	`channel` text,
	`is_return` integer DEFAULT false NOT NULL,
	`row_hash` text NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`dataset_id`) REFERENCES `datasets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `transactions_key` ON `transactions` (`workspace_id`,`transaction_key`);--> statement-breakpoint
CREATE INDEX `transactions_customer_idx` ON `transactions` (`workspace_id`,`customer_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `transactions_external_idx` ON `transactions` (`workspace_id`,`customer_external_id`);