-- wrk: api.md's example cart, POSTed as a browser posts it (accepting compressed answers).
-- Used by bench/http.sh and bench/compare-rules.sh.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept-Encoding"] = "gzip, deflate, br"
wrk.body = '{"evaluationDate":"2026-11-28","channel":"CUSTOMER_AREA","platform":"ANDROID","account":{"plan":"FE","expiresOn":"2027-03-31","activeModules":["ORDINI_ELETTRONICI"],"users":2,"contactsMatched":false},"cart":{"modules":["WOOCOMMERCE","INCASSI_PAGAMENTI"],"users":3,"extendActiveServices":true,"invoiceThroughArubaPanel":true}}'
