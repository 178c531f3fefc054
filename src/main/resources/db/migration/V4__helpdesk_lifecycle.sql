-- The helpdesk's handling of a conversation, beside what the bot remembers. Runs unchanged on H2 and
-- PostgreSQL. Status OFFLINE_MESSAGE (the visitor left an e-mail address) needs no change: status is text.
-- assignee: the staff user name that owns it; email: where to send the answer to an offline message;
-- waiting_since: when the visitor last asked for a person (kept after the answer, for the statistics);
-- first_response_at: when staff first answered after that, in the chat or by e-mail;
-- offered_email_at: when the bot told a waiting visitor nobody could come and asked for an address;
-- closed_at and close_reason: when and why it was closed (reason goodbye: the visitor said goodbye).
alter table conversation add column assignee varchar(100);
alter table conversation add column email varchar(254);
alter table conversation add column waiting_since timestamp with time zone;
alter table conversation add column first_response_at timestamp with time zone;
alter table conversation add column offered_email_at timestamp with time zone;
alter table conversation add column closed_at timestamp with time zone;
alter table conversation add column close_reason varchar(40);
create index conversation_status on conversation (status, last_active_at);
