CREATE TABLE "guide_phrase" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"centre_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	"language" text NOT NULL,
	"phrase" text NOT NULL,
	"form" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "guide_phrase_centre_language_form_key" UNIQUE("centre_id","language","form")
);
--> statement-breakpoint
CREATE TABLE "guide_situation_area" (
	"centre_id" uuid NOT NULL,
	"situation" text NOT NULL,
	"area_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "guide_situation_area_centre_id_situation_area_id_pk" PRIMARY KEY("centre_id","situation","area_id")
);
--> statement-breakpoint
ALTER TABLE "guide_phrase" ADD CONSTRAINT "guide_phrase_centre_id_centre_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centre"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guide_phrase" ADD CONSTRAINT "guide_phrase_area_id_area_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."area"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guide_situation_area" ADD CONSTRAINT "guide_situation_area_centre_id_centre_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centre"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guide_situation_area" ADD CONSTRAINT "guide_situation_area_area_id_area_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."area"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "guide_phrase_area_idx" ON "guide_phrase" USING btree ("area_id");