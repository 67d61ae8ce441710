-- Reads the project list scripts/load-test wrote ($LOAD_PROJECTS): one line per project that
-- takes updates, "TOKEN_NUMBER PROJECT_ID", TOKEN_NUMBER 1 for the admin's token (every project)
-- and 2 for the reporter's (their own pairing's). Thread n writes with token ((n - 1) % 2) + 1,
-- so both roles write, each to projects it may write.

function load_projects(token_number)
   local list = {}
   for line in io.lines(os.getenv("LOAD_PROJECTS")) do
      local n, id = line:match("^(%d+) (%S+)$")
      if n and tonumber(n) == token_number then table.insert(list, id) end
   end
   return list
end

function thread_token(id)
   local number = ((id - 1) % 2) + 1
   local token = os.getenv(number == 1 and "LOAD_ADMIN_TOKEN" or "LOAD_REPORTER_TOKEN")
   return number, token
end

-- An update none refuses: an unchanged report or a note, dated $LOAD_DATE (on or after every
-- project's latest update), so the status and completed investment stay and the lifecycle rules hold.
function update_body(counter)
   if counter % 2 == 0 then
      return string.format('{"date":"%s","unchanged":true}', os.getenv("LOAD_DATE"))
   end
   return string.format('{"date":"%s","note":"负载测试 load test %d"}', os.getenv("LOAD_DATE"), counter)
end
