-- Reference runner for differential.rpm: rpm's own rpm.vercmp() (rpmverParse + rpmverCmp over
-- epoch:version-release strings), run inside rpm's embedded Lua by the driver as
--   rpm --define '_difftest_args MODE INPUT OUTPUT' --eval '%{lua: dofile("rpm_reference.lua")}'
-- Answers per line: -1 / 0 / 1, or "invalid: <reason>" when rpm raises an error.
local mode, input_path, output_path = string.match(rpm.expand("%{_difftest_args}"), "^(%S+) (%S+) (%S+)$")
if mode ~= "compare" then
  error("usage: _difftest_args must be 'compare INPUT OUTPUT'")
end
local input = assert(io.open(input_path, "rb"))
local data = input:read("a")
input:close()
local out = assert(io.open(output_path, "wb"))
local start = 1
while start <= #data do
  local stop = string.find(data, "\n", start, true) or (#data + 1)
  local line = string.sub(data, start, stop - 1)
  start = stop + 1
  local tab = string.find(line, "\t", 1, true)
  local first, second = line, ""
  if tab then
    first, second = string.sub(line, 1, tab - 1), string.sub(line, tab + 1)
  end
  local ok, order = pcall(rpm.vercmp, first, second)
  if ok then
    out:write(string.format("%d\n", order < 0 and -1 or (order > 0 and 1 or 0)))
  else
    out:write("invalid: ", (string.gsub(tostring(order), "%s+", " ")), "\n")
  end
end
assert(out:close())
