-- pgbench: the exact query the service runs for GET /items/1 (a test keeps them equal).
SELECT id, name, quantity, created_at FROM items WHERE id = 1;
