-- Shared by the load test's wrk scripts: the summary line scripts/load-test reads, and the
-- per-thread count of responses by status (201s, 2xx, others) summed over threads.
-- A script that counts statuses calls count_status(status) from its response().

local threads = {}

function setup(thread)
   thread:set("id", #threads + 1)
   table.insert(threads, thread)
end

created, ok, refused = 0, 0, 0

function count_status(status)
   if status == 201 then created = created + 1
   elseif status >= 200 and status < 300 then ok = ok + 1
   else refused = refused + 1 end
end

function done(summary, latency, requests)
   local c, o, r = 0, 0, 0
   for _, thread in ipairs(threads) do
      c = c + (thread:get("created") or 0)
      o = o + (thread:get("ok") or 0)
      r = r + (thread:get("refused") or 0)
   end
   local e = summary.errors
   io.write(string.format(
      "LOAD requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f " ..
      "non2xx=%d socket_errors=%d created=%d ok=%d refused=%d\n",
      summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
      e.status, e.connect + e.read + e.write + e.timeout, c, o, r))
end
