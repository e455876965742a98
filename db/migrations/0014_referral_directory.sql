CREATE TABLE "directory_service" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"centre_id" uuid NOT NULL,
	"organisation" text NOT NULL,
	"name" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"eligibility" jsonb NOT NULL,
	"audiences" text[] NOT NULL,
	"languages" text[] NOT NULL,
	"accessibility" text[] NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"opening_hours" text DEFAULT '' NOT NULL,
	"walk_in" boolean DEFAULT false NOT NULL,
	"phone" text,
	"website" text,
	"last_verified" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "directory_service_area" (
	"service_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	CONSTRAINT "directory_service_area_service_id_area_id_pk" PRIMARY KEY("service_id","area_id")
);
--> statement-breakpoint
CREATE TABLE "directory_service_theme" (
	"service_id" uuid NOT NULL,
	"theme_id" uuid NOT NULL,
	CONSTRAINT "directory_service_theme_service_id_theme_id_pk" PRIMARY KEY("service_id","theme_id")
);
--> statement-breakpoint
ALTER TABLE "centre" ADD COLUMN "directory_review_months" integer DEFAULT 12 NOT NULL;--> statement-breakpoint
ALTER TABLE "directory_service" ADD CONSTRAINT "directory_service_centre_id_centre_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centre"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_service_area" ADD CONSTRAINT "directory_service_area_service_id_directory_service_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."directory_service"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_service_area" ADD CONSTRAINT "directory_service_area_area_id_area_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."area"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_service_theme" ADD CONSTRAINT "directory_service_theme_service_id_directory_service_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."directory_service"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_service_theme" ADD CONSTRAINT "directory_service_theme_theme_id_resource_theme_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."resource_theme"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "directory_service_centre_idx" ON "directory_service" USING btree ("centre_id","last_verified");--> statement-breakpoint
CREATE INDEX "directory_service_area_idx" ON "directory_service_area" USING btree ("area_id");--> statement-breakpoint
CREATE INDEX "directory_service_theme_idx" ON "directory_service_theme" USING btree ("theme_id");