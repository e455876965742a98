CREATE TABLE "import_run" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" text NOT NULL,
	"release" text NOT NULL,
	"counts" jsonb NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "occupation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"taxonomy" text NOT NULL,
	"code" text NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"access" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"riasec" text,
	"riasec_scores" jsonb,
	"preparation" smallint,
	"isco" text,
	"parent_code" text,
	"release" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "occupation_taxonomy_check" CHECK ("occupation"."taxonomy" in ('rome', 'esco', 'onet', 'onisep')),
	CONSTRAINT "occupation_preparation_check" CHECK ("occupation"."preparation" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "occupation_label" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"occupation_id" uuid NOT NULL,
	"language" text NOT NULL,
	"label" text NOT NULL,
	"kind" text NOT NULL,
	"rare" boolean DEFAULT false NOT NULL,
	CONSTRAINT "occupation_label_kind_check" CHECK ("occupation_label"."kind" in ('preferred', 'alternative', 'hidden'))
);
--> statement-breakpoint
CREATE TABLE "occupation_link" (
	"from_id" uuid NOT NULL,
	"to_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"rank" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "occupation_link_from_id_to_id_kind_pk" PRIMARY KEY("from_id","to_id","kind"),
	CONSTRAINT "occupation_link_kind_check" CHECK ("occupation_link"."kind" in ('related', 'mobility'))
);
--> statement-breakpoint
CREATE TABLE "occupation_skill" (
	"occupation_id" uuid NOT NULL,
	"skill_id" uuid NOT NULL,
	"essential" boolean DEFAULT true NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "occupation_skill_occupation_id_skill_id_pk" PRIMARY KEY("occupation_id","skill_id")
);
--> statement-breakpoint
CREATE TABLE "occupation_task" (
	"occupation_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"text" jsonb NOT NULL,
	"core" boolean DEFAULT true NOT NULL,
	CONSTRAINT "occupation_task_occupation_id_position_pk" PRIMARY KEY("occupation_id","position")
);
--> statement-breakpoint
CREATE TABLE "skill" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"taxonomy" text NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"label" jsonb NOT NULL,
	"description" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"category" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "skill_kind_check" CHECK ("skill"."kind" in ('skill', 'knowledge', 'attitude', 'context', 'technology'))
);
--> statement-breakpoint
ALTER TABLE "occupation_label" ADD CONSTRAINT "occupation_label_occupation_id_occupation_id_fk" FOREIGN KEY ("occupation_id") REFERENCES "public"."occupation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "occupation_link" ADD CONSTRAINT "occupation_link_from_id_occupation_id_fk" FOREIGN KEY ("from_id") REFERENCES "public"."occupation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "occupation_link" ADD CONSTRAINT "occupation_link_to_id_occupation_id_fk" FOREIGN KEY ("to_id") REFERENCES "public"."occupation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "occupation_skill" ADD CONSTRAINT "occupation_skill_occupation_id_occupation_id_fk" FOREIGN KEY ("occupation_id") REFERENCES "public"."occupation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "occupation_skill" ADD CONSTRAINT "occupation_skill_skill_id_skill_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skill"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "occupation_task" ADD CONSTRAINT "occupation_task_occupation_id_occupation_id_fk" FOREIGN KEY ("occupation_id") REFERENCES "public"."occupation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "occupation_taxonomy_code_key" ON "occupation" USING btree ("taxonomy","code");--> statement-breakpoint
CREATE INDEX "occupation_label_occupation_idx" ON "occupation_label" USING btree ("occupation_id");--> statement-breakpoint
CREATE INDEX "occupation_skill_skill_idx" ON "occupation_skill" USING btree ("skill_id");--> statement-breakpoint
CREATE UNIQUE INDEX "skill_taxonomy_code_key" ON "skill" USING btree ("taxonomy","code");