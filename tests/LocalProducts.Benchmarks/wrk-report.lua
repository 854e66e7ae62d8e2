-- wrk prints its own report; this adds one JSON line (prefixed "JSON ") for `bench report`.
done = function(summary, latency, requests)
    local e = summary.errors
    io.write(string.format(
        '\nJSON {"requests":%d,"durationUs":%d,"bytes":%d,' ..
        '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
        '"latencyUs":{"mean":%.1f,"stdev":%.1f,"max":%d,"p50":%d,"p90":%d,"p99":%d}}\n',
        summary.requests, summary.duration, summary.bytes,
        e.connect, e.read, e.write, e.status, e.timeout,
        latency.mean, latency.stdev, latency.max,
        latency:percentile(50), latency:percentile(90), latency:percentile(99)))
end
