DROP INDEX "search_term_trgm_idx";--> statement-breakpoint
CREATE INDEX "search_term_trgm_gist_idx" ON "search_term" USING gist (lower("term") gist_trgm_ops);