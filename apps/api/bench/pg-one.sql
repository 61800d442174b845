-- pgbench: the exact query the service runs for GET /items/1 (a test keeps them equal).
SELECT row_to_json(item)::text FROM (SELECT id, name, quantity, created_at FROM items WHERE id = 1) AS item;
