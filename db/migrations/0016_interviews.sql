CREATE TABLE "interview" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"centre_id" uuid NOT NULL,
	"area_id" uuid,
	"desk_id" uuid,
	"partner_id" uuid,
	"ticket_id" uuid,
	"service_date" date NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone NOT NULL,
	"duration_seconds" integer NOT NULL,
	"language" text NOT NULL,
	"outcomes" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "interview_duration_check" CHECK ("interview"."duration_seconds" >= 0)
);
--> statement-breakpoint
CREATE TABLE "interview_referral" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"interview_id" uuid NOT NULL,
	"service_id" uuid,
	"label" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "interview_theme" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"centre_id" uuid NOT NULL,
	"area_id" uuid,
	"slug" text NOT NULL,
	"name" jsonb NOT NULL,
	"position" smallint DEFAULT 0 NOT NULL,
	"archived" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "interview_theme_link" (
	"interview_id" uuid NOT NULL,
	"theme_id" uuid NOT NULL,
	CONSTRAINT "interview_theme_link_interview_id_theme_id_pk" PRIMARY KEY("interview_id","theme_id")
);
--> statement-breakpoint
ALTER TABLE "interview" ADD CONSTRAINT "interview_centre_id_centre_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centre"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview" ADD CONSTRAINT "interview_area_id_area_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."area"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview" ADD CONSTRAINT "interview_desk_id_desk_id_fk" FOREIGN KEY ("desk_id") REFERENCES "public"."desk"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview" ADD CONSTRAINT "interview_partner_id_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview" ADD CONSTRAINT "interview_ticket_id_ticket_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."ticket"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_referral" ADD CONSTRAINT "interview_referral_interview_id_interview_id_fk" FOREIGN KEY ("interview_id") REFERENCES "public"."interview"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_referral" ADD CONSTRAINT "interview_referral_service_id_directory_service_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."directory_service"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_theme" ADD CONSTRAINT "interview_theme_centre_id_centre_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centre"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_theme" ADD CONSTRAINT "interview_theme_area_id_area_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."area"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_theme_link" ADD CONSTRAINT "interview_theme_link_interview_id_interview_id_fk" FOREIGN KEY ("interview_id") REFERENCES "public"."interview"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_theme_link" ADD CONSTRAINT "interview_theme_link_theme_id_interview_theme_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."interview_theme"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "interview_centre_day_idx" ON "interview" USING btree ("centre_id","service_date");--> statement-breakpoint
CREATE INDEX "interview_ticket_idx" ON "interview" USING btree ("ticket_id");--> statement-breakpoint
CREATE INDEX "interview_referral_interview_idx" ON "interview_referral" USING btree ("interview_id");--> statement-breakpoint
CREATE INDEX "interview_referral_service_idx" ON "interview_referral" USING btree ("service_id");--> statement-breakpoint
CREATE UNIQUE INDEX "interview_theme_centre_slug_key" ON "interview_theme" USING btree ("centre_id","slug");--> statement-breakpoint
CREATE INDEX "interview_theme_link_theme_idx" ON "interview_theme_link" USING btree ("theme_id");