-- wrk script of bench/run.sh: builds each request of a row and counts the answers that are not 2xx
-- (wrk itself counts only socket errors and answers of 400 and above, and no redirect, so a page
-- that sent the client to the login page would pass unseen).
--
--   wrk ... -s bench/request.lua BASE_URL -- MODE PATH THREADS [IDS_FILE] [BODY]
--
-- MODE  get     GET PATH
--       random  GET PATH with {id} replaced by a random line of IDS_FILE on each request
--       post    POST BODY (JSON) to PATH; {n} in BODY becomes a value unique to the request
--       cycle   POST BODY to PATH with {id} taken from IDS_FILE in turn; each of the THREADS threads
--               walks its own part of the list, so two requests in flight never write one ticket
-- The headers given to wrk with -H (the session cookie, HTTP Basic) go with every request.

local threads = {}
local next_thread = 1

function setup(thread)
    thread:set("thread_no", next_thread)
    next_thread = next_thread + 1
    table.insert(threads, thread)
end

local mode, path, body
local ids = {}
local position = 0
local stride = 1
local sequence = 0
local headers = {}

non2xx = 0
bad_codes = ""
local bad_counts = {}

function init(args)
    mode = args[1]
    path = args[2]
    local thread_count = tonumber(args[3]) or 1
    local ids_file = args[4]
    body = args[5]
    if ids_file ~= nil and ids_file ~= "" then
        for line in io.lines(ids_file) do
            if line ~= "" then
                ids[#ids + 1] = line
            end
        end
        if #ids == 0 then
            error("no ids in " .. ids_file)
        end
    end
    for name, value in pairs(wrk.headers) do
        headers[name] = value
    end
    if body ~= nil then
        headers["Content-Type"] = "application/json"
    end
    math.randomseed(os.time() * 1000 + thread_no)
    -- This thread's share of the list in "cycle": from its first id on, every thread_count-th one.
    position = thread_no - 1
    stride = thread_count
end

function request()
    sequence = sequence + 1
    local target = path
    if mode == "random" then
        target = (path:gsub("{id}", ids[math.random(#ids)]))
    elseif mode == "cycle" then
        target = (path:gsub("{id}", ids[position % #ids + 1]))
        position = position + stride
    end
    if mode == "post" or mode == "cycle" then
        local text = (body:gsub("{n}", thread_no .. "-" .. sequence))
        return wrk.format("POST", target, headers, text)
    end
    return wrk.format("GET", target, headers)
end

function response(status, response_headers, response_body)
    if status < 200 or status > 299 then
        non2xx = non2xx + 1
        bad_counts[status] = (bad_counts[status] or 0) + 1
        local parts = {}
        for code, count in pairs(bad_counts) do
            parts[#parts + 1] = code .. "x" .. count
        end
        bad_codes = table.concat(parts, ",")
    end
end

-- One line for run.sh to read; latencies in microseconds.
function done(summary, latency, requests)
    local bad, codes = 0, {}
    for _, thread in ipairs(threads) do
        bad = bad + thread:get("non2xx")
        local thread_codes = thread:get("bad_codes")
        if thread_codes ~= "" then
            codes[#codes + 1] = thread_codes
        end
    end
    local errors = summary.errors
    io.write(string.format(
        "BENCH_RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d socket_errors=%d timeouts=%d non2xx=%d codes=%s\n",
        summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
        errors.connect + errors.read + errors.write, errors.timeout, bad,
        #codes > 0 and table.concat(codes, ",") or "-"))
end
