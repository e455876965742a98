CREATE TABLE "notebook" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"centre_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"sealed" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notebook_code_hash_unique" UNIQUE("code_hash")
);
--> statement-breakpoint
ALTER TABLE "centre" ADD COLUMN "notebook_idle_days" integer DEFAULT 365 NOT NULL;--> statement-breakpoint
ALTER TABLE "notebook" ADD CONSTRAINT "notebook_centre_id_centre_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centre"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notebook_last_used_idx" ON "notebook" USING btree ("last_used_at");