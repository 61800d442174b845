-- pgbench: the exact query the service runs for GET /items?limit=20 (a test keeps them equal).
SELECT '[' || string_agg(row_to_json(item)::text, ',') || ']' FROM (SELECT id, name, quantity, created_at FROM items ORDER BY created_at DESC, id DESC LIMIT 20) AS item;
