-- The quick replies the bot offered with a turn (a JSON array), so a resumed conversation shows the
-- buttons under its last reply again. Runs unchanged on H2 and PostgreSQL.
alter table turn add column quick_replies varchar(2000);
