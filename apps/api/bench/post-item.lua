-- wrk script: every request creates one item with the same valid body.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"name":"paracetamol 500mg","quantity":2}'
