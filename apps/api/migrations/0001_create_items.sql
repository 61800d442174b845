-- The items table and its listing index. IF NOT EXISTS lets the service adopt a database whose
-- table was created by hand or by the baseline benchmark's schema script.
CREATE TABLE IF NOT EXISTS items (
  id serial PRIMARY KEY,
  name text NOT NULL,
  quantity int NOT NULL,
  created_at timestamptz DEFAULT now()
);

CREATE INDEX IF NOT EXISTS items_created_at_idx ON items (created_at DESC, id DESC);
