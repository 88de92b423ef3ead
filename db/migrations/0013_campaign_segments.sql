DROP INDEX `campaigns_key`;--> statement-breakpoint
ALTER TABLE `campaigns` ADD `segment` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `campaigns_key` ON `campaigns` (`workspace_id`,`campaign_key`,`date`,`segment`);