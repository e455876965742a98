CREATE TABLE "rota_absence" (
	"shift_id" uuid NOT NULL,
	"on_date" date NOT NULL,
	CONSTRAINT "rota_absence_shift_id_on_date_pk" PRIMARY KEY("shift_id","on_date")
);
--> statement-breakpoint
CREATE TABLE "rota_shift" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"centre_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	"partner_id" uuid,
	"counsellor_id" text,
	"expertise" text NOT NULL,
	"languages" text[] NOT NULL,
	"weekday" smallint,
	"on_date" date,
	"starts_at" time NOT NULL,
	"ends_at" time NOT NULL,
	"valid_from" date,
	"valid_until" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rota_shift_when_check" CHECK (("rota_shift"."weekday" is null) <> ("rota_shift"."on_date" is null)),
	CONSTRAINT "rota_shift_weekday_check" CHECK ("rota_shift"."weekday" between 1 and 7),
	CONSTRAINT "rota_shift_times_check" CHECK ("rota_shift"."starts_at" < "rota_shift"."ends_at")
);
--> statement-breakpoint
ALTER TABLE "rota_absence" ADD CONSTRAINT "rota_absence_shift_id_rota_shift_id_fk" FOREIGN KEY ("shift_id") REFERENCES "public"."rota_shift"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rota_shift" ADD CONSTRAINT "rota_shift_centre_id_centre_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centre"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rota_shift" ADD CONSTRAINT "rota_shift_area_id_area_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."area"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rota_shift" ADD CONSTRAINT "rota_shift_partner_id_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rota_shift" ADD CONSTRAINT "rota_shift_counsellor_id_user_id_fk" FOREIGN KEY ("counsellor_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rota_shift_centre_idx" ON "rota_shift" USING btree ("centre_id","weekday");--> statement-breakpoint
CREATE INDEX "rota_shift_counsellor_idx" ON "rota_shift" USING btree ("counsellor_id");