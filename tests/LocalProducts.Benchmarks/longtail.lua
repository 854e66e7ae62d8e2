-- wrk script: a long-tailed mix of paths. Each request draws one path from the file named by the
-- environment variable LONGTAIL_PATHS (one path a line, most popular first) with Zipf-like
-- weights 1/rank^s (LONGTAIL_S, default 1.0), so a few paths recur and most are rare.
-- It counts responses served by the output cache (they carry an Age header) and, per wrk thread,
-- requests whose path that thread had already sent (an upper bound on any cache's hit rate for
-- a cache shared by those requests). done() adds one JSON line (prefixed "JSON ").
local paths, cumulative, total_weight = {}, {}, 0
-- Globals, so that done() can read each thread's through thread:get.
seen, requests_sent, repeats, cache_hits, responses, non2xx = {}, 0, 0, 0, 0, 0
local threads = {}

local function load()
    local file = assert(io.open(os.getenv("LONGTAIL_PATHS") or "paths.txt"), "LONGTAIL_PATHS: no such file")
    local s = tonumber(os.getenv("LONGTAIL_S") or "1.0")
    for line in file:lines() do
        if #line > 0 then
            paths[#paths + 1] = line
            total_weight = total_weight + 1 / ((#paths) ^ s)
            cumulative[#paths] = total_weight
        end
    end
    file:close()
end

function setup(thread)
    threads[#threads + 1] = thread
    thread:set("id", #threads)
end

function init(args)
    load()
    math.randomseed(20261206 + (id or 0) * 7919)
end

local function draw()
    local u = math.random() * total_weight
    local lo, hi = 1, #cumulative
    while lo < hi do
        local mid = math.floor((lo + hi) / 2)
        if cumulative[mid] < u then lo = mid + 1 else hi = mid end
    end
    return paths[lo]
end

function request()
    local path = draw()
    requests_sent = requests_sent + 1
    if seen[path] then repeats = repeats + 1 else seen[path] = true end
    return wrk.format("GET", path)
end

function response(status, headers, body)
    responses = responses + 1
    if status < 200 or status > 299 then non2xx = non2xx + 1 end
    if headers["Age"] or headers["age"] then cache_hits = cache_hits + 1 end
end

function done(summary, latency, requests)
    local sent, rep, hits, resp, bad = 0, 0, 0, 0, 0
    for _, t in ipairs(threads) do
        sent = sent + t:get("requests_sent")
        rep = rep + t:get("repeats")
        hits = hits + t:get("cache_hits")
        resp = resp + t:get("responses")
        bad = bad + t:get("non2xx")
    end
    local e = summary.errors
    io.write(string.format(
        '\nJSON {"requests":%d,"durationUs":%d,"bytes":%d,' ..
        '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
        '"latencyUs":{"mean":%.1f,"p50":%d,"p90":%d,"p99":%d,"max":%d},' ..
        '"responses":%d,"non2xx":%d,"outputCacheHits":%d,"repeatsPerThread":%d,"sent":%d}\n',
        summary.requests, summary.duration, summary.bytes,
        e.connect, e.read, e.write, e.status, e.timeout,
        latency.mean, latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
        resp, bad, hits, rep, sent))
end
