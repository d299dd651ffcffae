-- wrk script of the live-load browse (bench/run.py): every request the next path of a list,
-- each thread starting at its own place; the Cookie header taken in turn from a list (one
-- line per visitor: a cart's session, a signed-in session), none for anonymous visitors.
--   wrk ... -s bench/browse.lua http://127.0.0.1:8899 -- PATHS_FILE [COOKIES_FILE]
-- Counts the X-Page-Cache answers (hit, miss, any other value, none) and prints one JSON line.
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

local function lines(name)
  local out = {}
  if name then
    for line in io.lines(name) do
      if line ~= "" then table.insert(out, line) end
    end
  end
  return out
end

function init(args)
  paths = lines(args[1])
  cookies = lines(args[2])
  n = id * 37
  hit, miss, other, none = 0, 0, 0, 0
end

function request()
  n = n + 1
  local headers = {}
  if #cookies > 0 then headers["Cookie"] = cookies[(n % #cookies) + 1] end
  return wrk.format("GET", paths[(n % #paths) + 1], headers)
end

function response(status, headers, body)
  local value = headers["X-Page-Cache"] or headers["x-page-cache"]
  if value == nil then none = none + 1
  elseif value == "hit" then hit = hit + 1
  elseif value == "miss" then miss = miss + 1
  else other = other + 1 end
end

function done(summary, latency, requests)
  local h, m, o, z = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    h, m, o, z = h + t:get("hit"), m + t:get("miss"), o + t:get("other"), z + t:get("none")
  end
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "errors": %d, "non2xx": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, ' ..
    '"cache_hit": %d, "cache_miss": %d, "cache_other": %d, "cache_none": %d}\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), h, m, o, z))
end
