CREATE TABLE "partner_area" (
	"partner_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	CONSTRAINT "partner_area_partner_id_area_id_pk" PRIMARY KEY("partner_id","area_id")
);
--> statement-breakpoint
ALTER TABLE "centre" ADD COLUMN "partner_order" text DEFAULT 'alphabetical' NOT NULL;--> statement-breakpoint
ALTER TABLE "centre" ADD COLUMN "show_partner_on_rota" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "partner" ADD COLUMN "type" text DEFAULT 'association' NOT NULL;--> statement-breakpoint
ALTER TABLE "partner" ADD COLUMN "staff_contact" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "partner_area" ADD CONSTRAINT "partner_area_partner_id_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_area" ADD CONSTRAINT "partner_area_area_id_area_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."area"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "partner_area_area_idx" ON "partner_area" USING btree ("area_id");