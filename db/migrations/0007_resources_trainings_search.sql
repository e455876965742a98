CREATE TABLE "resource" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"centre_id" uuid NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"audiences" text[] DEFAULT '{}'::text[] NOT NULL,
	"easy_read" boolean DEFAULT false NOT NULL,
	"shelf" text,
	"copies" integer,
	"url" text,
	"publisher" text DEFAULT '' NOT NULL,
	"partner_id" uuid,
	"last_reviewed" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resource_type_check" CHECK ("resource"."type" in ('book', 'guide', 'leaflet', 'periodical', 'website', 'video', 'tool', 'fact_sheet')),
	CONSTRAINT "resource_audiences_check" CHECK ("resource"."audiences" <@ array['young_people', 'adults', 'job_seekers', 'workers', 'newcomers', 'students']::text[]),
	CONSTRAINT "resource_copies_check" CHECK ("resource"."copies" >= 0)
);
--> statement-breakpoint
CREATE TABLE "resource_area" (
	"resource_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	CONSTRAINT "resource_area_resource_id_area_id_pk" PRIMARY KEY("resource_id","area_id")
);
--> statement-breakpoint
CREATE TABLE "resource_occupation" (
	"resource_id" uuid NOT NULL,
	"occupation_id" uuid NOT NULL,
	CONSTRAINT "resource_occupation_resource_id_occupation_id_pk" PRIMARY KEY("resource_id","occupation_id")
);
--> statement-breakpoint
CREATE TABLE "resource_theme" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"centre_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"name" jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "resource_theme_centre_slug_key" UNIQUE("centre_id","slug")
);
--> statement-breakpoint
CREATE TABLE "resource_theme_link" (
	"resource_id" uuid NOT NULL,
	"theme_id" uuid NOT NULL,
	CONSTRAINT "resource_theme_link_resource_id_theme_id_pk" PRIMARY KEY("resource_id","theme_id")
);
--> statement-breakpoint
CREATE TABLE "search_document" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"collection" text NOT NULL,
	"ref" uuid NOT NULL,
	"language" text NOT NULL,
	CONSTRAINT "search_document_collection_ref_language_key" UNIQUE("collection","ref","language")
);
--> statement-breakpoint
CREATE TABLE "search_posting" (
	"language" text NOT NULL,
	"term" text NOT NULL,
	"document_id" bigint NOT NULL,
	"score" real NOT NULL,
	CONSTRAINT "search_posting_language_term_document_id_pk" PRIMARY KEY("language","term","document_id")
);
--> statement-breakpoint
CREATE TABLE "search_term" (
	"language" text NOT NULL,
	"term" text NOT NULL,
	"documents" integer NOT NULL,
	CONSTRAINT "search_term_language_term_pk" PRIMARY KEY("language","term")
);
--> statement-breakpoint
CREATE TABLE "training" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" text NOT NULL,
	"code" text NOT NULL,
	"centre_id" uuid,
	"title" text NOT NULL,
	"language" text DEFAULT 'fr' NOT NULL,
	"kind" text DEFAULT '' NOT NULL,
	"kind_acronym" text,
	"level" smallint,
	"duration_months" integer,
	"duration_text" text DEFAULT '' NOT NULL,
	"rncp_code" text,
	"authority" text DEFAULT '' NOT NULL,
	"url" text,
	"domains" text[] DEFAULT '{}'::text[] NOT NULL,
	"place" text,
	"description" text DEFAULT '' NOT NULL,
	"release" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_source_code_key" UNIQUE NULLS NOT DISTINCT("source","code","centre_id"),
	CONSTRAINT "training_source_check" CHECK ("training"."source" in ('onisep', 'centre')),
	CONSTRAINT "training_centre_check" CHECK (("training"."source" = 'centre') = ("training"."centre_id" is not null)),
	CONSTRAINT "training_level_check" CHECK ("training"."level" between 1 and 8),
	CONSTRAINT "training_duration_check" CHECK ("training"."duration_months" > 0)
);
--> statement-breakpoint
CREATE TABLE "training_occupation" (
	"training_id" uuid NOT NULL,
	"occupation_id" uuid NOT NULL,
	CONSTRAINT "training_occupation_training_id_occupation_id_pk" PRIMARY KEY("training_id","occupation_id")
);
--> statement-breakpoint
ALTER TABLE "occupation_link" DROP CONSTRAINT "occupation_link_kind_check";--> statement-breakpoint
ALTER TABLE "occupation" ADD COLUMN "domains" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "resource" ADD CONSTRAINT "resource_centre_id_centre_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centre"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource" ADD CONSTRAINT "resource_partner_id_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_area" ADD CONSTRAINT "resource_area_resource_id_resource_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resource"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_area" ADD CONSTRAINT "resource_area_area_id_area_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."area"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_occupation" ADD CONSTRAINT "resource_occupation_resource_id_resource_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resource"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_occupation" ADD CONSTRAINT "resource_occupation_occupation_id_occupation_id_fk" FOREIGN KEY ("occupation_id") REFERENCES "public"."occupation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_theme" ADD CONSTRAINT "resource_theme_centre_id_centre_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centre"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_theme_link" ADD CONSTRAINT "resource_theme_link_resource_id_resource_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resource"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_theme_link" ADD CONSTRAINT "resource_theme_link_theme_id_resource_theme_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."resource_theme"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_posting" ADD CONSTRAINT "search_posting_document_id_search_document_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."search_document"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training" ADD CONSTRAINT "training_centre_id_centre_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centre"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_occupation" ADD CONSTRAINT "training_occupation_training_id_training_id_fk" FOREIGN KEY ("training_id") REFERENCES "public"."training"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_occupation" ADD CONSTRAINT "training_occupation_occupation_id_occupation_id_fk" FOREIGN KEY ("occupation_id") REFERENCES "public"."occupation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "resource_centre_idx" ON "resource" USING btree ("centre_id");--> statement-breakpoint
CREATE INDEX "resource_area_area_idx" ON "resource_area" USING btree ("area_id");--> statement-breakpoint
CREATE INDEX "resource_occupation_occupation_idx" ON "resource_occupation" USING btree ("occupation_id");--> statement-breakpoint
CREATE INDEX "resource_theme_link_theme_idx" ON "resource_theme_link" USING btree ("theme_id");--> statement-breakpoint
CREATE INDEX "search_document_ref_idx" ON "search_document" USING btree ("ref");--> statement-breakpoint
CREATE INDEX "search_posting_document_idx" ON "search_posting" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "search_term_trgm_idx" ON "search_term" USING gin ("term" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "search_term_prefix_idx" ON "search_term" USING btree ("language","term" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "training_centre_idx" ON "training" USING btree ("centre_id");--> statement-breakpoint
CREATE INDEX "training_domains_idx" ON "training" USING gin ("domains");--> statement-breakpoint
CREATE INDEX "training_occupation_occupation_idx" ON "training_occupation" USING btree ("occupation_id");--> statement-breakpoint
CREATE INDEX "occupation_domains_idx" ON "occupation" USING gin ("domains");--> statement-breakpoint
ALTER TABLE "occupation_link" ADD CONSTRAINT "occupation_link_kind_check" CHECK ("occupation_link"."kind" in ('related', 'mobility', 'equivalent'));