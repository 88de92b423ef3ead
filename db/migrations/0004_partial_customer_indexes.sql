DROP INDEX `transactions_customer_idx`;--> statement-breakpoint
DROP INDEX `transactions_external_idx`;--> statement-breakpoint
CREATE INDEX `transactions_customer_idx` ON `transactions` (`workspace_id`,`customer_id`,`occurred_at`) WHERE customer_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX `transactions_external_idx` ON `transactions` (`workspace_id`,`customer_external_id`) WHERE customer_id IS NULL;