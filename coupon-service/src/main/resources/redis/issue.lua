-- Decides one issuance atomically: already issued, sold out, or granted.
-- KEYS[1] state hash {total, remaining}; KEYS[2] grants hash user id -> grant token
-- ARGV[1] user id; ARGV[2] grant token ("<epoch ms>:<nonce>")
-- Returns 1 granted, 0 sold out, 2 already issued,
--        -1 state missing or inconsistent: it must be rebuilt from MySQL before anything is granted.
local state = redis.call('HMGET', KEYS[1], 'total', 'remaining')
local total, remaining = tonumber(state[1]), tonumber(state[2])
if not total or not remaining then
  return -1
end
if remaining ~= math.max(total - redis.call('HLEN', KEYS[2]), 0) then
  return -1
end
if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 1 then
  return 2
end
if remaining <= 0 then
  return 0
end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
redis.call('HINCRBY', KEYS[1], 'remaining', -1)
return 1
