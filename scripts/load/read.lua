-- GET of the URL wrk was given, with the bearer token in $LOAD_TOKEN when set (the trivial
-- routes are measured without one).
dofile(os.getenv("LOAD_LUA") .. "/report.lua")

local token = os.getenv("LOAD_TOKEN")
if token and token ~= "" then wrk.headers["Authorization"] = "Bearer " .. token end
