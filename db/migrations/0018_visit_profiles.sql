CREATE TABLE "visit_profile" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"centre_id" uuid NOT NULL,
	"ticket_id" uuid,
	"service_date" date NOT NULL,
	"age_band" text NOT NULL,
	"situation" text NOT NULL,
	"education" text NOT NULL,
	"first_visit" text NOT NULL,
	"heard_from" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "visit_profile" ADD CONSTRAINT "visit_profile_centre_id_centre_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centre"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_profile" ADD CONSTRAINT "visit_profile_ticket_id_ticket_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."ticket"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "visit_profile_ticket_key" ON "visit_profile" USING btree ("ticket_id");--> statement-breakpoint
CREATE INDEX "visit_profile_centre_day_idx" ON "visit_profile" USING btree ("centre_id","service_date");