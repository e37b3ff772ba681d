-- wrk script: POST a create-session request (api key from $PB_API_KEY).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"link_id":"bench-user-0001","api_key":"' .. os.getenv("PB_API_KEY") ..
           '","redirect_url":"https://lender.example/done","from_date":"01/01/2026","to_date":"30/06/2026"}'

-- Non-2xx answers are counted by wrk ("Non-2xx or 3xx responses").
