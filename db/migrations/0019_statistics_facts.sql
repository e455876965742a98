CREATE TABLE "stat_fact" (
	"centre_id" uuid NOT NULL,
	"service_date" date NOT NULL,
	"dimension" text NOT NULL,
	"key" text DEFAULT '' NOT NULL,
	"area_id" uuid,
	"partner_id" uuid,
	"count" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "usage_count" (
	"centre_id" uuid NOT NULL,
	"day" date NOT NULL,
	"kind" text NOT NULL,
	"key" text DEFAULT '' NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "usage_count_centre_id_kind_day_key_pk" PRIMARY KEY("centre_id","kind","day","key")
);
--> statement-breakpoint
ALTER TABLE "centre" ADD COLUMN "statistics_folded_through" date;--> statement-breakpoint
ALTER TABLE "stat_fact" ADD CONSTRAINT "stat_fact_centre_id_centre_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centre"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_fact" ADD CONSTRAINT "stat_fact_area_id_area_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."area"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_fact" ADD CONSTRAINT "stat_fact_partner_id_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_count" ADD CONSTRAINT "usage_count_centre_id_centre_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centre"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stat_fact_centre_dimension_day_idx" ON "stat_fact" USING btree ("centre_id","dimension","service_date");