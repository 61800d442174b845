-- pgbench: the exact statement the service runs for POST /items (a test keeps them equal).
INSERT INTO items (name, quantity) VALUES ('paracetamol 500mg', 2) RETURNING id, name, quantity, created_at;
