-- The funds ledger is append-only: a correction is a REVERSAL entry, never an edit. The
-- database refuses UPDATE and DELETE so that no code path (or hand-written SQL) rewrites history.
CREATE FUNCTION "ledger_entry_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'LedgerEntry is append-only; record a reversing entry instead' USING ERRCODE = 'P0001';
END
$$;

CREATE TRIGGER "LedgerEntry_append_only"
  BEFORE UPDATE OR DELETE ON "LedgerEntry"
  FOR EACH ROW EXECUTE FUNCTION "ledger_entry_append_only"();
