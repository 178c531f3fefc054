-- The visitor's thumbs up or down on a bot answer ('up' or 'down'; null while not rated), kept with the
-- turn it rates. Runs unchanged on H2 and PostgreSQL.
alter table turn add column rating varchar(4);
create index turn_rating on turn (rating);
