-- wrk: a cart that may go to checkout (api.md's without WooCommerce), priced today: the body of
-- both the quote and the evaluate load in bench/quotes.sh, so that the two are the same work.
-- At the end it prints each status other than 200 and 201 with its count ("errors: none" if none).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept-Encoding"] = "gzip, deflate, br"
wrk.body = '{"channel":"CUSTOMER_AREA","platform":"ANDROID","account":{"plan":"FE","expiresOn":"2027-03-31","activeModules":["ORDINI_ELETTRONICI"],"users":2,"contactsMatched":false},"cart":{"modules":["INCASSI_PAGAMENTI"],"users":3,"extendActiveServices":true,"invoiceThroughArubaPanel":true}}'

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
end

function response(status, headers, body)
  if status ~= 200 and status ~= 201 then
    local key = tostring(status) .. " " .. (string.match(body or "", '"code":"([A-Z_]+)"') or "")
    statuses[key] = (statuses[key] or 0) + 1
  end
end

function done(summary, latency, requests)
  local all = {}
  for _, thread in ipairs(threads) do
    for key, n in pairs(thread:get("statuses")) do
      all[key] = (all[key] or 0) + n
    end
  end
  local parts = {}
  for key, n in pairs(all) do
    table.insert(parts, key .. " x" .. n)
  end
  io.write("errors: " .. (#parts == 0 and "none" or table.concat(parts, ", ")) .. "\n")
end
