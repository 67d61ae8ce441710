-- POST /api/v1/projects/{id}/updates over many projects, each thread with its own token; counts
-- the 201s so that scripts/load-test can compare them with the rows in the database.
dofile(os.getenv("LOAD_LUA") .. "/report.lua")
dofile(os.getenv("LOAD_LUA") .. "/projects.lua")

local projects, headers, counter

function init(args)
   local number, token = thread_token(id)
   projects = load_projects(number)
   headers = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
   counter = id * 7919
end

function request()
   counter = counter + 1
   local project = projects[(counter % #projects) + 1]
   return wrk.format("POST", "/api/v1/projects/" .. project .. "/updates", headers, update_body(counter))
end

function response(status, headers, body)
   count_status(status)
end
