-- wrk script of benchmarks/http/license-bench.sh (issue 3). One of three modes, from the
-- environment:
--
--   SC_MODE=hello  GET SC_PATH (the bare JAX-RS baseline), Authorization sent all the same
--   SC_MODE=hit    POST /api/licenses, round robin over the pairs of SC_PAIRS (already warmed:
--                  their access blocks are in the precomputed store)
--   SC_MODE=miss   POST /api/licenses, each pair of SC_PAIRS at most once: thread i of n takes
--                  lines i, i+n, i+2n, ... When a thread runs out it starts again (those requests
--                  are hits, and the % computed of the result shows it)
--
-- SC_RATE (optional): the target rate in requests/s over all SC_CONNECTIONS connections; each
-- connection then waits SC_CONNECTIONS / SC_RATE seconds between its requests (wrk's delay()), for
-- latencies below the server's capacity (license-bench.sh: the hit run at 80 % of its rate).
-- SC_PAIRS: a file of "terminalId contentId" lines. SC_AUTH: the value of the Authorization
-- header. Every license request has a fresh valid nonce (16 bytes, base64url, no padding).
-- done() prints one line "SC_RESULT key=value ..." that the shell script parses; the
-- Splitcast-Access header of every answer is counted in response().

local mode = os.getenv("SC_MODE") or "hello"
local auth = os.getenv("SC_AUTH")
local path = os.getenv("SC_PATH") or "/api/licenses"
local pairs_file = os.getenv("SC_PAIRS")

local threads = {}
local thread_count = 0

function setup(thread)
   thread:set("index", thread_count)
   thread_count = thread_count + 1
   table.insert(threads, thread)
end

-- per thread (each wrk thread has its own Lua state)
local pairs_list = {}
local next_pair = 1
local step = 1
local nonce_counter = 0
local nonce_prefix = ""
local headers = {}

-- base64url alphabet; a 22-character nonce whose last character is 'A' decodes to 16 bytes
local alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

local function encode(n, width)
   local out = {}
   for i = width, 1, -1 do
      local digit = n % 64
      out[i] = alphabet:sub(digit + 1, digit + 1)
      n = math.floor(n / 64)
   end
   return table.concat(out)
end

function init(args)
   computed = 0
   precomputed = 0
   s4xx = 0
   s5xx = 0
   reported = false
   other = 0
   wrapped = 0
   -- "index" is the global that setup() set in this thread's Lua state
   local index = tonumber(_G.index) or 0
   local count = tonumber(os.getenv("SC_THREADS") or "1")
   -- 21 significant characters: 5 of run/thread prefix, 16 of counter
   nonce_prefix = encode(os.time() % (64 ^ 4), 4) .. encode(index, 1)
   if auth then
      headers["Authorization"] = auth
   end
   if mode == "hello" then
      return
   end
   headers["Content-Type"] = "application/json"
   local f = assert(io.open(pairs_file, "r"), "cannot read " .. tostring(pairs_file))
   local all = {}
   for line in f:lines() do
      local t, c = line:match("^(%S+)%s+(%S+)$")
      if t then
         table.insert(all, { t, c })
      end
   end
   f:close()
   if mode == "miss" then
      -- this thread's slice: lines index+1, index+1+count, ...
      for i = index + 1, #all, count do
         table.insert(pairs_list, all[i])
      end
   else
      -- hits: every thread walks all pairs, starting at a different one
      pairs_list = all
      next_pair = (index % #all) + 1
   end
   assert(#pairs_list > 0, "no pairs for thread " .. index)
end

local rate = tonumber(os.getenv("SC_RATE") or "")
local connections = tonumber(os.getenv("SC_CONNECTIONS") or "1")
if rate and rate > 0 then
   function delay()
      return 1000 * connections / rate
   end
end

function request()
   if mode == "hello" then
      return wrk.format("GET", path, headers)
   end
   local pair = pairs_list[next_pair]
   next_pair = next_pair + 1
   if next_pair > #pairs_list then
      next_pair = 1
      if mode == "miss" then
         wrapped = wrapped + 1
      end
   end
   nonce_counter = nonce_counter + 1
   local nonce = nonce_prefix .. encode(nonce_counter, 16) .. "A"
   local body = '{"contentId":"' .. pair[2] .. '","terminalId":"' .. pair[1] .. '","nonce":"' .. nonce .. '"}'
   return wrk.format("POST", path, headers, body)
end

function response(status, headers, body)
   if status >= 300 then
      if status >= 500 then s5xx = s5xx + 1 else s4xx = s4xx + 1 end
      if not reported then
         -- the first refusal of each thread, to say what went wrong
         reported = true
         io.stderr:write(string.format("first non-2xx answer: HTTP %d %s\n", status, (body or ""):sub(1, 300)))
      end
   end
   local access = headers["Splitcast-Access"] or headers["splitcast-access"]
   if access == "computed" then
      computed = computed + 1
   elseif access == "precomputed" then
      precomputed = precomputed + 1
   else
      other = other + 1
   end
end

function done(summary, latency, requests)
   local c, p, o, w, e4, e5 = 0, 0, 0, 0, 0, 0
   for _, thread in ipairs(threads) do
      e4 = e4 + (tonumber(thread:get("s4xx")) or 0)
      e5 = e5 + (tonumber(thread:get("s5xx")) or 0)
      c = c + (tonumber(thread:get("computed")) or 0)
      p = p + (tonumber(thread:get("precomputed")) or 0)
      o = o + (tonumber(thread:get("other")) or 0)
      w = w + (tonumber(thread:get("wrapped")) or 0)
   end
   local seconds = summary.duration / 1e6
   local e = summary.errors
   io.write(string.format(
      "SC_RESULT mode=%s requests=%d seconds=%.3f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f"
         .. " non2xx=%d status4xx=%d status5xx=%d socket_errors=%d computed=%d precomputed=%d no_header=%d"
         .. " pool_wrapped=%d\n",
      mode, summary.requests, seconds, summary.requests / seconds,
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
      e.status, e4, e5, e.connect + e.read + e.write + e.timeout, c, p, o, w))
end
