-- pgbench: the exact query the service runs for GET /items?limit=20 (a test keeps them equal).
SELECT id, name, quantity, created_at FROM items ORDER BY created_at DESC, id DESC LIMIT 20;
