-- Reads a campaign's gate in one step.
-- KEYS[1] state hash; KEYS[2] grants hash
-- Returns {total, remaining, number of grants}, or nil when the state is missing.
local state = redis.call('HMGET', KEYS[1], 'total', 'remaining')
if not state[1] or not state[2] then
  return false
end
return {tonumber(state[1]), tonumber(state[2]), redis.call('HLEN', KEYS[2])}
