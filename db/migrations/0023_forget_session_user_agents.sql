-- Staff sessions no longer keep the browser's user agent or address (the app blanks them before any
-- session row is written): forget those kept by earlier versions.
UPDATE "session" SET "user_agent" = NULL, "ip_address" = NULL WHERE "user_agent" IS NOT NULL OR "ip_address" IS NOT NULL;
