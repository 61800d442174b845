-- The benchmark data set: the items table with exactly 1,000 rows one second apart, newest last,
-- rebuilt before every measured variant so each sees the same table. Same shape as the Python
-- baseline's seed, so both services answer identical queries over identical rows.
CREATE TABLE IF NOT EXISTS items (
  id serial PRIMARY KEY,
  name text NOT NULL,
  quantity int NOT NULL,
  created_at timestamptz DEFAULT now()
);
CREATE INDEX IF NOT EXISTS items_created_at_idx ON items (created_at DESC, id DESC);
TRUNCATE items RESTART IDENTITY;
INSERT INTO items (name, quantity, created_at)
SELECT 'medication-' || g, 1 + (g * 7) % 100, now() - (1000 - g) * interval '1 second'
FROM generate_series(1, 1000) AS g;
VACUUM ANALYZE items;
