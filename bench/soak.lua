-- Mixed valid and invalid traffic for bench/soak.sh: each request is one of these, in turn.
local json = '{"evaluationDate":"2026-11-28","channel":"CUSTOMER_AREA","platform":"ANDROID",'
  .. '"account":{"plan":"FE","expiresOn":"2027-03-31","activeModules":["ORDINI_ELETTRONICI"],"users":2,"contactsMatched":false},'
  .. '"cart":{"modules":["WOOCOMMERCE","INCASSI_PAGAMENTI"],"users":3,"extendActiveServices":true,"invoiceThroughArubaPanel":true}}'
local newCustomer = '{"evaluationDate":"2028-02-29","channel":"PEC_IT_CART","cart":{"plan":"FE","modules":["DOCUMENTI","WOOCOMMERCE"],"users":10}}'
local big = '{"x":"' .. string.rep("a", 70000) .. '"}'
local ct = { ["Content-Type"] = "application/json" }
local requests = {
  { "POST", "/api/v1/evaluate", ct, json },
  { "POST", "/api/v1/evaluate?explain=true", ct, json },
  { "POST", "/api/v1/evaluate", ct, newCustomer },
  { "POST", "/api/v1/options", ct, json },
  { "GET", "/api/v1/catalog", {}, nil },
  { "POST", "/api/v1/evaluate", ct, '{"channel":' },
  { "POST", "/api/v1/evaluate", ct, '{"channel":"SHOP","cart":{"users":-1}}' },
  { "POST", "/api/v1/evaluate", { ["Content-Type"] = "text/plain" }, json },
  { "GET", "/api/v1/evaluate", {}, nil },
  { "GET", "/nothing", {}, nil },
  { "POST", "/api/v1/evaluate", ct, json },
  { "POST", "/api/v1/evaluate", ct, newCustomer },
}
local bigEvery = 500
local counter = 0
statuses = {}
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function request()
  counter = counter + 1
  if counter % bigEvery == 0 then
    return wrk.format("POST", "/api/v1/evaluate", ct, big)
  end
  local r = requests[counter % #requests + 1]
  return wrk.format(r[1], r[2], r[3], r[4])
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, t in ipairs(threads) do
    for status, n in pairs(t:get("statuses")) do
      total[status] = (total[status] or 0) + n
    end
  end
  local line = "statuses:"
  local keys = {}
  for status in pairs(total) do table.insert(keys, status) end
  table.sort(keys)
  for _, status in ipairs(keys) do line = line .. " " .. status .. "=" .. total[status] end
  io.write(line .. "\n")
  io.write(string.format("requests=%d socket_errors=%d max_latency_ms=%.1f p99_ms=%.2f\n", summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency.max / 1000, latency:percentile(99) / 1000))
end
