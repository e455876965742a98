CREATE TABLE "booking" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"position" bigserial NOT NULL,
	"seats" smallint NOT NULL,
	"status" text NOT NULL,
	"priority" boolean DEFAULT false NOT NULL,
	"contact" text,
	"checked_in" smallint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "booking_code_hash_unique" UNIQUE("code_hash"),
	CONSTRAINT "booking_status_check" CHECK ("booking"."status" in ('confirmed', 'waiting', 'cancelled')),
	CONSTRAINT "booking_seats_check" CHECK ("booking"."seats" between 1 and 20 and "booking"."checked_in" between 0 and "booking"."seats")
);
--> statement-breakpoint
CREATE TABLE "event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"centre_id" uuid NOT NULL,
	"type" text NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"audiences" text[] DEFAULT '{}' NOT NULL,
	"language" text NOT NULL,
	"accessibility" text[] DEFAULT '{}' NOT NULL,
	"place" text NOT NULL,
	"off_site" boolean DEFAULT false NOT NULL,
	"co_organisers" text[] DEFAULT '{}' NOT NULL,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_type_check" CHECK ("event"."type" in ('workshop', 'club', 'information_session', 'conference', 'forum', 'recruitment_day', 'visit'))
);
--> statement-breakpoint
CREATE TABLE "event_area" (
	"event_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	CONSTRAINT "event_area_event_id_area_id_pk" PRIMARY KEY("event_id","area_id")
);
--> statement-breakpoint
CREATE TABLE "event_organiser" (
	"event_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	CONSTRAINT "event_organiser_event_id_partner_id_pk" PRIMARY KEY("event_id","partner_id")
);
--> statement-breakpoint
CREATE TABLE "event_session" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"centre_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"booking" boolean DEFAULT false NOT NULL,
	"capacity" integer,
	"walk_in_seats" integer DEFAULT 0 NOT NULL,
	"walk_in_release_at" timestamp with time zone,
	"priority_seats" integer DEFAULT 0 NOT NULL,
	"max_group" smallint DEFAULT 4 NOT NULL,
	"booking_opens_at" timestamp with time zone,
	"booking_closes_at" timestamp with time zone,
	"drop_ins" integer DEFAULT 0 NOT NULL,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_session_span_check" CHECK ("event_session"."ends_at" > "event_session"."starts_at"),
	CONSTRAINT "event_session_seats_check" CHECK (not "event_session"."booking" or ("event_session"."capacity" > 0 and "event_session"."walk_in_seats" >= 0 and "event_session"."priority_seats" >= 0
        and "event_session"."walk_in_seats" + "event_session"."priority_seats" <= "event_session"."capacity")),
	CONSTRAINT "event_session_group_check" CHECK ("event_session"."max_group" between 1 and 20)
);
--> statement-breakpoint
CREATE TABLE "event_theme" (
	"event_id" uuid NOT NULL,
	"theme_id" uuid NOT NULL,
	CONSTRAINT "event_theme_event_id_theme_id_pk" PRIMARY KEY("event_id","theme_id")
);
--> statement-breakpoint
ALTER TABLE "booking" ADD CONSTRAINT "booking_session_id_event_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."event_session"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event" ADD CONSTRAINT "event_centre_id_centre_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centre"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_area" ADD CONSTRAINT "event_area_event_id_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."event"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_area" ADD CONSTRAINT "event_area_area_id_area_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."area"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_organiser" ADD CONSTRAINT "event_organiser_event_id_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."event"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_organiser" ADD CONSTRAINT "event_organiser_partner_id_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_session" ADD CONSTRAINT "event_session_event_id_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."event"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_session" ADD CONSTRAINT "event_session_centre_id_centre_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centre"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_theme" ADD CONSTRAINT "event_theme_event_id_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."event"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_theme" ADD CONSTRAINT "event_theme_theme_id_resource_theme_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."resource_theme"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "booking_session_status_idx" ON "booking" USING btree ("session_id","status","position");--> statement-breakpoint
CREATE INDEX "event_centre_idx" ON "event" USING btree ("centre_id");--> statement-breakpoint
CREATE INDEX "event_area_area_idx" ON "event_area" USING btree ("area_id");--> statement-breakpoint
CREATE INDEX "event_organiser_partner_idx" ON "event_organiser" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "event_session_event_idx" ON "event_session" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "event_session_centre_starts_idx" ON "event_session" USING btree ("centre_id","starts_at");