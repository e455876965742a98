CREATE TABLE "area_day_state" (
	"area_id" uuid NOT NULL,
	"service_date" date NOT NULL,
	"centre_id" uuid NOT NULL,
	"state" text NOT NULL,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "area_day_state_area_id_service_date_pk" PRIMARY KEY("area_id","service_date"),
	CONSTRAINT "area_day_state_state_check" CHECK ("area_day_state"."state" in ('open', 'closed'))
);
--> statement-breakpoint
ALTER TABLE "area_day_state" ADD CONSTRAINT "area_day_state_area_id_area_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."area"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "area_day_state" ADD CONSTRAINT "area_day_state_centre_id_centre_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centre"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "area_day_state_centre_idx" ON "area_day_state" USING btree ("centre_id","service_date");