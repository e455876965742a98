CREATE TABLE "search_collection" (
	"collection" text PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 1 NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL
);
--> statement-breakpoint
-- Every collection already built, at its first version, with the languages of its documents.
INSERT INTO "search_collection" ("collection", "languages")
SELECT "collection", array_agg(DISTINCT "language" ORDER BY "language") FROM "search_document" GROUP BY "collection";
