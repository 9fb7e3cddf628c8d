-- wrk script: every request files a ticket as alice (HTTP Basic alice:demo) at North Clinic.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
wrk.headers["Authorization"] = "Basic YWxpY2U6ZGVtbw=="
wrk.body = '{"subject":"Benchmark ticket","details":"Filed by wrk.","urgency":"medium","locationId":1}'

local created, other = 0, 0

function response(status, headers, body)
    if status == 201 then
        created = created + 1
    else
        other = other + 1
    end
end

function done(summary, latency, requests)
    io.write(string.format("requests %d, errors %d, %.1f tickets/s, latency p50 %.1f ms, p99 %.1f ms\n",
        summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read
            + summary.errors.write + summary.errors.timeout,
        summary.requests / (summary.duration / 1e6),
        latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
