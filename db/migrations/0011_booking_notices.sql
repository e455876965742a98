ALTER TABLE "booking" ADD COLUMN "language" text DEFAULT 'fr' NOT NULL;--> statement-breakpoint
ALTER TABLE "booking" ADD COLUMN "promoted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "booking" ADD COLUMN "promotion_notice_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "booking" ADD COLUMN "reminder_at" timestamp with time zone;