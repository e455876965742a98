DROP INDEX "occupation_label_trgm_idx";--> statement-breakpoint
DROP INDEX "occupation_label_document_idx";--> statement-breakpoint
ALTER TABLE "occupation_label" DROP COLUMN "document";