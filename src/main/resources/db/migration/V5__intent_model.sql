-- Trained intent models, keyed by a hash of what they learned from, so that a restart with unchanged
-- intents loads the model instead of training it again. A row without a model is a training in
-- progress on some instance: the others wait for it.
create table intent_model (
    model_key varchar(64) primary key,
    model bytea,
    claimed_at timestamp with time zone not null,
    trained_at timestamp with time zone
);
