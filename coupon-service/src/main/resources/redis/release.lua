-- Gives one grant back (the user leaves the grants, the unit returns to remaining),
-- but only if it is still the very grant the caller made, so a late or repeated release never
-- takes back a newer grant or one a rebuild has already replaced.
-- KEYS[1] state hash; KEYS[2] grants hash
-- ARGV[1] user id; ARGV[2] grant token
-- Returns 1 when given back, 0 when that grant was no longer there.
if redis.call('HGET', KEYS[2], ARGV[1]) ~= ARGV[2] then
  return 0
end
redis.call('HDEL', KEYS[2], ARGV[1])
if redis.call('EXISTS', KEYS[1]) == 1 then
  redis.call('HINCRBY', KEYS[1], 'remaining', 1)
end
return 1
