CREATE TABLE "desk_session" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"desk_id" uuid NOT NULL,
	"user_id" text,
	"area_ids" uuid[] NOT NULL,
	"languages" text[] NOT NULL,
	"regular_streak" integer DEFAULT 0 NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "ticket" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"centre_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	"target_desk_id" uuid,
	"service_date" date NOT NULL,
	"code" text NOT NULL,
	"language" text NOT NULL,
	"priority" boolean DEFAULT false NOT NULL,
	"channel" text NOT NULL,
	"status" text DEFAULT 'waiting' NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"called_at" timestamp with time zone,
	"called_desk_id" uuid,
	"recall_count" smallint DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"handover_note" text,
	"track_token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ticket_status_check" CHECK ("ticket"."status" in ('waiting', 'called', 'in_service', 'done', 'no_show', 'cancelled', 'closed')),
	CONSTRAINT "ticket_channel_check" CHECK ("ticket"."channel" in ('kiosk', 'reception', 'portal'))
);
--> statement-breakpoint
CREATE TABLE "ticket_counter" (
	"centre_id" uuid NOT NULL,
	"service_date" date NOT NULL,
	"letter" text NOT NULL,
	"last_number" integer NOT NULL,
	CONSTRAINT "ticket_counter_centre_id_service_date_letter_pk" PRIMARY KEY("centre_id","service_date","letter")
);
--> statement-breakpoint
CREATE TABLE "ticket_step" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"ticket_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"area_id" uuid,
	"desk_id" uuid,
	"note" text
);
--> statement-breakpoint
ALTER TABLE "centre" ADD COLUMN "priority_every" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "centre" ADD COLUMN "max_recalls" integer DEFAULT 2 NOT NULL;--> statement-breakpoint
ALTER TABLE "desk_session" ADD CONSTRAINT "desk_session_desk_id_desk_id_fk" FOREIGN KEY ("desk_id") REFERENCES "public"."desk"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_session" ADD CONSTRAINT "desk_session_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket" ADD CONSTRAINT "ticket_centre_id_centre_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centre"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket" ADD CONSTRAINT "ticket_area_id_area_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."area"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket" ADD CONSTRAINT "ticket_target_desk_id_desk_id_fk" FOREIGN KEY ("target_desk_id") REFERENCES "public"."desk"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket" ADD CONSTRAINT "ticket_called_desk_id_desk_id_fk" FOREIGN KEY ("called_desk_id") REFERENCES "public"."desk"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_counter" ADD CONSTRAINT "ticket_counter_centre_id_centre_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centre"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_step" ADD CONSTRAINT "ticket_step_ticket_id_ticket_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."ticket"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_step" ADD CONSTRAINT "ticket_step_area_id_area_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."area"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_step" ADD CONSTRAINT "ticket_step_desk_id_desk_id_fk" FOREIGN KEY ("desk_id") REFERENCES "public"."desk"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "desk_session_open_key" ON "desk_session" USING btree ("desk_id") WHERE "desk_session"."closed_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "ticket_centre_day_code_key" ON "ticket" USING btree ("centre_id","service_date","code");--> statement-breakpoint
CREATE UNIQUE INDEX "ticket_track_token_key" ON "ticket" USING btree ("track_token_hash");--> statement-breakpoint
CREATE INDEX "ticket_waiting_idx" ON "ticket" USING btree ("centre_id","area_id","queued_at") WHERE "ticket"."status" = 'waiting';--> statement-breakpoint
CREATE INDEX "ticket_centre_day_idx" ON "ticket" USING btree ("centre_id","service_date");--> statement-breakpoint
CREATE INDEX "ticket_step_ticket_idx" ON "ticket_step" USING btree ("ticket_id","at");