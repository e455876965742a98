CREATE TABLE "knowledge_note" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"centre_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"tags" text[] NOT NULL,
	"language" text NOT NULL,
	"search" "tsvector" NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"author_id" text,
	"editor_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "knowledge_note_kind_check" CHECK ("knowledge_note"."kind" in ('practice', 'referral', 'partner_news'))
);
--> statement-breakpoint
CREATE TABLE "knowledge_note_area" (
	"note_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	CONSTRAINT "knowledge_note_area_note_id_area_id_pk" PRIMARY KEY("note_id","area_id")
);
--> statement-breakpoint
CREATE TABLE "knowledge_note_occupation" (
	"note_id" uuid NOT NULL,
	"occupation_id" uuid NOT NULL,
	CONSTRAINT "knowledge_note_occupation_note_id_occupation_id_pk" PRIMARY KEY("note_id","occupation_id")
);
--> statement-breakpoint
CREATE TABLE "knowledge_note_service" (
	"note_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	CONSTRAINT "knowledge_note_service_note_id_service_id_pk" PRIMARY KEY("note_id","service_id")
);
--> statement-breakpoint
CREATE TABLE "knowledge_revision" (
	"note_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"tags" text[] NOT NULL,
	"links" jsonb NOT NULL,
	"editor_id" text,
	"edited_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "knowledge_revision_note_id_version_pk" PRIMARY KEY("note_id","version")
);
--> statement-breakpoint
ALTER TABLE "knowledge_note" ADD CONSTRAINT "knowledge_note_centre_id_centre_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centre"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_note" ADD CONSTRAINT "knowledge_note_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_note" ADD CONSTRAINT "knowledge_note_editor_id_user_id_fk" FOREIGN KEY ("editor_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_note_area" ADD CONSTRAINT "knowledge_note_area_note_id_knowledge_note_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."knowledge_note"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_note_area" ADD CONSTRAINT "knowledge_note_area_area_id_area_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."area"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_note_occupation" ADD CONSTRAINT "knowledge_note_occupation_note_id_knowledge_note_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."knowledge_note"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_note_occupation" ADD CONSTRAINT "knowledge_note_occupation_occupation_id_occupation_id_fk" FOREIGN KEY ("occupation_id") REFERENCES "public"."occupation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_note_service" ADD CONSTRAINT "knowledge_note_service_note_id_knowledge_note_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."knowledge_note"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_note_service" ADD CONSTRAINT "knowledge_note_service_service_id_directory_service_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."directory_service"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_revision" ADD CONSTRAINT "knowledge_revision_note_id_knowledge_note_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."knowledge_note"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_revision" ADD CONSTRAINT "knowledge_revision_editor_id_user_id_fk" FOREIGN KEY ("editor_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "knowledge_note_centre_idx" ON "knowledge_note" USING btree ("centre_id","updated_at");--> statement-breakpoint
CREATE INDEX "knowledge_note_search_idx" ON "knowledge_note" USING gin ("search");--> statement-breakpoint
CREATE INDEX "knowledge_note_tags_idx" ON "knowledge_note" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "knowledge_note_area_idx" ON "knowledge_note_area" USING btree ("area_id");--> statement-breakpoint
CREATE INDEX "knowledge_note_occupation_idx" ON "knowledge_note_occupation" USING btree ("occupation_id");--> statement-breakpoint
CREATE INDEX "knowledge_note_service_idx" ON "knowledge_note_service" USING btree ("service_id");