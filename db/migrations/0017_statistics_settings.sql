ALTER TABLE "centre" ADD COLUMN "disclosure_threshold" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "centre" ADD COLUMN "retention_days" integer DEFAULT 90 NOT NULL;