-- Mixed reads and, when $LOAD_WRITE_EVERY is set (> 0), one write in that many requests: the
-- progress report (by area and by pairing), a page of the project list, one project, the pages
-- (dashboard, project list, a project), all with bearer tokens. Used during the import and the soak.
dofile(os.getenv("LOAD_LUA") .. "/report.lua")
dofile(os.getenv("LOAD_LUA") .. "/projects.lua")

local projects, headers, json_headers, counter, write_every

function init(args)
   local number, token = thread_token(id)
   projects = load_projects(number)
   headers = { ["Authorization"] = "Bearer " .. token }
   json_headers = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
   counter = id * 7919
   write_every = tonumber(os.getenv("LOAD_WRITE_EVERY") or "0") or 0
end

local reads = {
   function() return "/api/v1/progress" end,
   function() return "/api/v1/progress?by=pairing" end,
   function(c) return "/api/v1/projects?limit=50&offset=" .. ((c * 50) % 5000) end,
   function(c) return "/api/v1/projects/" .. projects[(c % #projects) + 1] end,
   function() return "/" end,
   function(c) return "/projects?offset=" .. ((c % 20) * 50) end,
   function(c) return "/projects/" .. projects[(c % #projects) + 1] end,
}

function request()
   counter = counter + 1
   local project = projects[(counter % #projects) + 1]
   if write_every > 0 and counter % write_every == 0 then
      return wrk.format("POST", "/api/v1/projects/" .. project .. "/updates", json_headers, update_body(counter))
   end
   return wrk.format("GET", reads[(counter % #reads) + 1](counter), headers)
end

function response(status, headers, body)
   count_status(status)
end
